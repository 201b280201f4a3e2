/* marketgraph: status codes and the thread-local error message.
 * SPDX-License-Identifier: MIT */
#include "core-private.h"

#include <stdarg.h>

/* Fixed storage: nothing to free when a thread ends, nothing to allocate
 * when memory is short.  Messages longer than this are cut. */
#define MKG_ERROR_BUFSIZE 2048

static _Thread_local int error_code;
static _Thread_local char error_message[MKG_ERROR_BUFSIZE];

int(mkg__error)(int code, const char *fmt, ...) /* parenthesised: see core-private.h */
{
	va_list ap;

	error_code = code;
	va_start(ap, fmt);
	g_vsnprintf(error_message, sizeof error_message, fmt, ap);
	va_end(ap);
	return code;
}

const char *
mkg_error_message(void)
{
	return error_message;
}

int
mkg_error_code(void)
{
	return error_code;
}

void
mkg_error_clear(void)
{
	error_code = MKG_OK;
	error_message[0] = '\0';
}

const char *
mkg_strerror(int code)
{
	switch (code) {
	case MKG_OK: return "success";
	case MKG_ERROR: return "error";
	case MKG_ENOMEM: return "out of memory";
	case MKG_EINVAL: return "invalid argument";
	case MKG_ENOTFOUND: return "not found";
	case MKG_EEXISTS: return "already exists";
	case MKG_EPARSE: return "malformed JSON";
	case MKG_EIO: return "input/output error";
	case MKG_EBUFS: return "buffer too small";
	case MKG_EUNSUPPORTED: return "unsupported";
	case MKG_EDATA: return "invalid data";
	case MKG_ECANCELED: return "canceled";
	default: return "unknown error";
	}
}

void
mkg_free(void *ptr)
{
	g_free(ptr);
}
