/* marketgraph: status codes and the thread-local error message.
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_ERROR_H
#define MARKETGRAPH_ERROR_H

#include "common.h"

MKG_BEGIN_DECLS

/**
 * Status codes.  Every fallible function returns one of these: 0 on
 * success, a negative code on failure.  The values are part of the ABI:
 * codes are only ever appended, never renumbered or reused.
 */
typedef enum mkg_status {
	MKG_OK = 0,
	MKG_ERROR = -1,        /**< unclassified failure */
	MKG_ENOMEM = -2,       /**< out of memory (where the library can report it) */
	MKG_EINVAL = -3,       /**< invalid argument: NULL, out of range, bad option */
	MKG_ENOTFOUND = -4,    /**< no record with that id */
	MKG_EEXISTS = -5,      /**< reserved: an object already exists */
	MKG_EPARSE = -6,       /**< input is not well-formed JSON */
	MKG_EIO = -7,          /**< reading or writing a file failed */
	MKG_EBUFS = -8,        /**< caller's buffer too small */
	MKG_EUNSUPPORTED = -9, /**< newer format version or unsupported feature */
	MKG_EDATA = -10,       /**< data breaks a rule of the model format */
	MKG_ECANCELED = -11    /**< the caller's progress callback asked to stop */
} mkg_status;

/**
 * The message of the last failure on the calling thread, for example
 * `transactions[3].buyer: unknown actor "trader-9"`.  Never NULL: "" when
 * no failure has been recorded.  The string is owned by the library and
 * stays valid until the next failing call on the same thread.
 * Successful calls do not clear it.
 */
MKG_EXPORT const char *
mkg_error_message(void);

/** The status code of the last failure on the calling thread, 0 if none. */
MKG_EXPORT int
mkg_error_code(void);

/** Forget the last failure on the calling thread. */
MKG_EXPORT void
mkg_error_clear(void);

/**
 * A static description of a status code ("invalid argument", ...).
 * Unknown codes give "unknown error".  Never NULL; do not free.
 */
MKG_EXPORT const char *
mkg_strerror(int code);

/**
 * Free memory that the library returned to the caller through a `char **`
 * out-parameter (for example from mkg_json_write_string()).  NULL is a no-op.
 * Never pass such memory to libc free().
 */
MKG_EXPORT void
mkg_free(void *ptr);

MKG_END_DECLS

#endif /* MARKETGRAPH_ERROR_H */
