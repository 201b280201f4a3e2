/* marketgraph: a small streaming JSON writer with deterministic layout.
 * SPDX-License-Identifier: MIT */
#include "core-private.h"
#include "output-private.h" /* mkg__output_write_all */

#include <errno.h>
#include <math.h>
#include <string.h>

/* A stream writer hands its buffer to the FILE whenever it grows past this. */
#define MKG_JW_FLUSH_AT (64 * 1024)

typedef struct jw_frame {
	bool object;
	bool inline_;
	size_t members;
} jw_frame;

struct mkg_jw {
	GString *buf;
	FILE *stream;    /* NULL for a string writer */
	bool io_error;
	bool infinite;   /* an infinite number was given: mkg__jw_finish fails */
	bool after_key;  /* a key was written; the value follows on the same line */
	GArray *frames;  /* jw_frame */
	int fd;          /* a descriptor writer's file; -1 otherwise */
	int fd_errno;    /* the first write error on fd, 0 if none */
	size_t top;      /* rows (objects) kept per array; 0: all */
	size_t skip;     /* > 0: inside a row past the top, nesting depth */
};

static mkg_jw *
jw_new(FILE *stream)
{
	mkg_jw *w = g_new0(mkg_jw, 1);
	w->buf = g_string_sized_new(stream ? MKG_JW_FLUSH_AT + 4096 : 4096);
	w->stream = stream;
	w->fd = -1;
	w->frames = g_array_new(FALSE, FALSE, sizeof(jw_frame));
	return w;
}

mkg_jw *
mkg__jw_new_string(void)
{
	return jw_new(NULL);
}

mkg_jw *
mkg__jw_new_stream(FILE *stream)
{
	return jw_new(stream);
}

mkg_jw *
mkg__jw_new_fd(int fd)
{
	mkg_jw *w = jw_new(NULL);

	w->fd = fd;
	g_string_set_size(w->buf, 0);
	return w;
}

void
mkg__jw_set_top(mkg_jw *w, size_t top)
{
	w->top = top;
}

static void
jw_flush(mkg_jw *w)
{
	if (w->fd >= 0) {
		int err;

		if (w->buf->len > 0 && w->fd_errno == 0 &&
		    (err = mkg__output_write_all(w->fd, w->buf->str, w->buf->len)) != 0)
			w->fd_errno = err;
		g_string_truncate(w->buf, 0);
		return;
	}
	if (w->stream == NULL || w->buf->len == 0)
		return;
	if (!w->io_error && fwrite(w->buf->str, 1, w->buf->len, w->stream) != w->buf->len)
		w->io_error = true;
	g_string_truncate(w->buf, 0);
}

static void
jw_free(mkg_jw *w)
{
	g_array_free(w->frames, TRUE);
	g_free(w);
}

void
mkg__jw_abandon(mkg_jw *w)
{
	if (w == NULL)
		return;
	g_string_free(w->buf, TRUE);
	jw_free(w);
}

int
mkg__jw_finish(mkg_jw *w, char **out, size_t *len)
{
	int rc = MKG_OK;

	if (w->infinite) {
		if (w->stream || w->fd >= 0) {
			jw_flush(w);
			if (w->stream)
				fflush(w->stream);
		}
		g_string_free(w->buf, TRUE);
		jw_free(w);
		return mkg__error(MKG_EDATA, "JSON writer: a number is infinite (a sum that "
		                             "overflows was not reported as an error)");
	}
	if (w->fd >= 0) {
		jw_flush(w);
		g_string_free(w->buf, TRUE);
		if (w->fd_errno != 0)
			rc = mkg__error(MKG_EIO, "write error: %s", g_strerror(w->fd_errno));
	} else if (w->stream) {
		jw_flush(w);
		if (!w->io_error && fflush(w->stream) != 0)
			w->io_error = true;
		g_string_free(w->buf, TRUE);
		if (w->io_error)
			rc = mkg__error(MKG_EIO, "write error: %s", g_strerror(errno));
	} else {
		if (len)
			*len = w->buf->len;
		if (out)
			*out = g_string_free(w->buf, FALSE);
		else
			g_string_free(w->buf, TRUE);
	}
	jw_free(w);
	return rc;
}

static jw_frame *
jw_top(mkg_jw *w)
{
	return w->frames->len ? &g_array_index(w->frames, jw_frame, w->frames->len - 1) : NULL;
}

static void
jw_newline(mkg_jw *w)
{
	static const char spaces[] = "                                "; /* 32 */
	size_t indent = 2 * (size_t)w->frames->len;

	mkg__buf_putc(w->buf, '\n');
	for (; indent > sizeof spaces - 1; indent -= sizeof spaces - 1)
		mkg__buf_put(w->buf, spaces, sizeof spaces - 1);
	mkg__buf_put(w->buf, spaces, indent);
}

/* Separator and layout before a value, or before a key in an object. */
static void
jw_before_item(mkg_jw *w)
{
	jw_frame *f = jw_top(w);

	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (f == NULL)
		return;
	if (f->members++ > 0)
		mkg__buf_putc(w->buf, ',');
	if (f->inline_) {
		if (f->members > 1)
			mkg__buf_putc(w->buf, ' ');
	} else {
		jw_newline(w);
	}
}

static void
jw_after_value(mkg_jw *w)
{
	if ((w->stream || w->fd >= 0) && w->buf->len >= MKG_JW_FLUSH_AT)
		jw_flush(w);
}

/* A row past the top: an object that is the element of an array already
 * holding top elements.  It and everything in it are left out. */
static bool
jw_skips(mkg_jw *w, bool object)
{
	const jw_frame *parent;

	if (w->skip > 0) {
		w->skip++;
		return true;
	}
	parent = jw_top(w);
	if (object && w->top > 0 && parent != NULL && !parent->object && !w->after_key &&
	    parent->members >= w->top) {
		w->skip = 1;
		return true;
	}
	return false;
}

static void
jw_begin(mkg_jw *w, bool object, bool inline_)
{
	jw_frame *parent = jw_top(w);
	jw_frame f = { object, inline_ || (parent && parent->inline_), 0 };

	if (jw_skips(w, object))
		return;
	jw_before_item(w);
	mkg__buf_putc(w->buf, object ? '{' : '[');
	g_array_append_val(w->frames, f);
}

static void
jw_end(mkg_jw *w)
{
	const jw_frame *top = jw_top(w);
	jw_frame f;

	if (w->skip > 0) {
		w->skip--;
		return;
	}
	g_return_if_fail(top != NULL); /* an end without a begin is a bug in the caller */
	f = *top;
	g_array_set_size(w->frames, w->frames->len - 1);
	if (!f.inline_ && f.members > 0)
		jw_newline(w);
	mkg__buf_putc(w->buf, f.object ? '}' : ']');
	if (w->frames->len == 0)
		mkg__buf_putc(w->buf, '\n');
	jw_after_value(w);
}

void
mkg__jw_begin_object(mkg_jw *w, bool inline_)
{
	jw_begin(w, true, inline_);
}

void
mkg__jw_end_object(mkg_jw *w)
{
	jw_end(w);
}

void
mkg__jw_begin_array(mkg_jw *w, bool inline_)
{
	jw_begin(w, false, inline_);
}

void
mkg__jw_end_array(mkg_jw *w)
{
	jw_end(w);
}

static void
jw_quoted(GString *buf, const char *s)
{
	mkg__json_quoted(buf, s, strlen(s));
}

void
mkg__jw_key(mkg_jw *w, const char *key)
{
	if (w->skip > 0)
		return;
	jw_before_item(w);
	jw_quoted(w->buf, key);
	mkg__buf_puts(w->buf, ": ");
	w->after_key = true;
}

void
mkg__jw_string(mkg_jw *w, const char *s)
{
	if (s == NULL) {
		mkg__jw_null(w);
		return;
	}
	if (w->skip > 0)
		return;
	jw_before_item(w);
	jw_quoted(w->buf, s);
	jw_after_value(w);
}

void
mkg__jw_double(mkg_jw *w, double d)
{
	char num[MKG_DOUBLE_BUFSIZE];

	if (w->skip > 0)
		return;
	if (!isfinite(d)) {
		if (!isnan(d))
			w->infinite = true;
		mkg__jw_null(w);
		return;
	}
	jw_before_item(w);
	mkg__buf_puts(w->buf, mkg__format_double(num, d));
	jw_after_value(w);
}

void
mkg__jw_int(mkg_jw *w, int64_t i)
{
	char num[MKG_DOUBLE_BUFSIZE];

	if (w->skip > 0)
		return;
	jw_before_item(w);
	mkg__buf_puts(w->buf, mkg__format_int64(num, i));
	jw_after_value(w);
}

void
mkg__jw_bool(mkg_jw *w, bool b)
{
	if (w->skip > 0)
		return;
	jw_before_item(w);
	mkg__buf_puts(w->buf, b ? "true" : "false");
	jw_after_value(w);
}

void
mkg__jw_null(mkg_jw *w)
{
	if (w->skip > 0)
		return;
	jw_before_item(w);
	mkg__buf_puts(w->buf, "null");
	jw_after_value(w);
}

void
mkg__jw_raw(mkg_jw *w, const char *json)
{
	if (w->skip > 0)
		return;
	jw_before_item(w);
	mkg__buf_puts(w->buf, json);
	jw_after_value(w);
}

void
mkg__jw_kstring(mkg_jw *w, const char *key, const char *s)
{
	mkg__jw_key(w, key);
	mkg__jw_string(w, s);
}

void
mkg__jw_kdouble(mkg_jw *w, const char *key, double d)
{
	mkg__jw_key(w, key);
	mkg__jw_double(w, d);
}

void
mkg__jw_kint(mkg_jw *w, const char *key, int64_t i)
{
	mkg__jw_key(w, key);
	mkg__jw_int(w, i);
}

void
mkg__jw_kbool(mkg_jw *w, const char *key, bool b)
{
	mkg__jw_key(w, key);
	mkg__jw_bool(w, b);
}
