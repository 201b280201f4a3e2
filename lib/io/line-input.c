/* marketgraph: reading an input line by line, from a file, a stream or a
 * buffer, gzip-compressed or not (docs/format.md, section 10).
 *
 * Bytes come in chunks (fread, or the caller's buffer), through zlib when
 * the input starts with the gzip magic bytes 1F 8B (several members, as
 * `cat a.gz b.gz` makes, read as one).  Lines are cut at '\n' in one
 * buffer that holds the longest line plus a chunk: memory does not grow
 * with the input.
 *
 * SPDX-License-Identifier: MIT */
#include "line-input-private.h"
#include "core-private.h"

#include <errno.h>
#include <string.h>
#include <zlib.h>

#define CHUNK (64 * 1024)

struct mkg_line_input {
	FILE *file;          /* NULL for a buffer */
	bool own_file;       /* opened here: closed here */
	const unsigned char *mem;
	size_t mem_len, mem_pos;
	char *name;          /* for messages: the path or "stream" */
	bool gzip;
	bool raw_eof;        /* no raw byte left */
	z_stream z;
	bool z_live;         /* inflateInit2 done */
	bool z_member_done;  /* a gzip member ended: a new one may follow */
	unsigned char *raw;  /* compressed bytes read ahead (CHUNK) */
	char *buf;           /* decoded bytes: [start, end) not yet returned */
	size_t cap, start, end;
	bool eof;            /* no decoded byte left beyond buf */
	size_t line;         /* number of the last line returned */
	size_t peeked;       /* bytes after start scanned by first_text_line_whole() */
	bool peek_text;      /* ... and whether they hold text */
};

/* Up to n raw bytes into dst; 0 at the end.  MKG_EIO on a read error. */
static int
raw_read(mkg_line_input *in, unsigned char *dst, size_t n, size_t *got)
{
	if (in->file == NULL) {
		size_t k = MIN(n, in->mem_len - in->mem_pos);

		if (k > 0) /* mem is NULL for an empty buffer */
			memcpy(dst, in->mem + in->mem_pos, k);
		in->mem_pos += k;
		*got = k;
		return MKG_OK;
	}
	*got = fread(dst, 1, n, in->file);
	if (*got == 0 && ferror(in->file))
		return mkg__error(MKG_EIO, "%s: cannot read: %s", in->name, g_strerror(errno));
	return MKG_OK;
}

static int
gzip_fail(mkg_line_input *in, const char *what)
{
	return mkg__error(MKG_EIO, "%s: cannot read: %s", in->name, what);
}

/* Decode more bytes into buf[end..cap); *got 0 at the end of the input. */
static int
fill_gzip(mkg_line_input *in, size_t *got)
{
	int zrc, rc;

	in->z.next_out = (unsigned char *)in->buf + in->end;
	in->z.avail_out = (uInt)MIN(in->cap - in->end, (size_t)UINT32_MAX);
	while (in->z.avail_out > 0) {
		if (in->z.avail_in == 0 && !in->raw_eof) {
			size_t n;

			if ((rc = raw_read(in, in->raw, CHUNK, &n)) != MKG_OK)
				return rc;
			in->raw_eof = n == 0;
			in->z.next_in = in->raw;
			in->z.avail_in = (uInt)n;
		}
		if (in->z.avail_in == 0) {
			if (!in->z_member_done)
				return gzip_fail(in, "truncated gzip data");
			break;
		}
		if (in->z_member_done) {
			/* Another member follows (concatenated .gz files). */
			if (inflateReset(&in->z) != Z_OK)
				return gzip_fail(in, "cannot restart gzip decoding");
			in->z_member_done = false;
		}
		zrc = inflate(&in->z, Z_NO_FLUSH);
		if (zrc == Z_STREAM_END) {
			in->z_member_done = true;
		} else if (zrc == Z_MEM_ERROR) {
			return mkg__error(MKG_ENOMEM, "%s: out of memory decoding gzip data", in->name);
		} else if (zrc != Z_OK) { /* Z_BUF_ERROR with input left: no progress possible */
			char what[160];

			g_snprintf(what, sizeof what, "corrupt gzip data (%s)",
			           in->z.msg ? in->z.msg : "zlib error");
			return gzip_fail(in, what);
		}
	}
	*got = (size_t)((char *)in->z.next_out - (in->buf + in->end));
	return MKG_OK;
}

/* Make room for at least CHUNK more bytes after end, moving the pending
 * bytes to the front first. */
static int
make_room(mkg_line_input *in)
{
	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	if (in->cap - in->end < CHUNK) {
		size_t cap2 = in->cap ? in->cap : 2 * CHUNK;
		char *buf2;

		while (cap2 - in->end < CHUNK) {
			if (cap2 > SIZE_MAX / 2)
				return mkg__error(MKG_ENOMEM, "%s: line too long", in->name);
			cap2 *= 2;
		}
		buf2 = g_try_realloc(in->buf, cap2 + 1);
		if (buf2 == NULL)
			return mkg__error(MKG_ENOMEM, "%s: out of memory reading a line of %zu bytes",
			                  in->name, in->end);
		in->buf = buf2;
		in->cap = cap2;
	}
	return MKG_OK;
}

/* Read more decoded bytes into buf; sets eof at the end. */
static int
fill(mkg_line_input *in)
{
	size_t got = 0;
	int rc;

	if ((rc = make_room(in)) != MKG_OK)
		return rc;
	if (in->gzip)
		rc = fill_gzip(in, &got);
	else
		rc = raw_read(in, (unsigned char *)in->buf + in->end, in->cap - in->end, &got);
	if (rc != MKG_OK)
		return rc;
	in->end += got;
	if (got == 0)
		in->eof = true;
	return MKG_OK;
}

/* Read the first raw bytes and look at them: gzip or not. */
static int
start(mkg_line_input *in)
{
	size_t n = 0;
	int rc;

	in->raw = g_malloc(CHUNK);
	while (n < 2) {
		size_t got;

		if ((rc = raw_read(in, in->raw + n, CHUNK - n, &got)) != MKG_OK)
			return rc;
		if (got == 0) {
			in->raw_eof = true;
			break;
		}
		n += got;
	}
	in->buf = g_malloc(2 * CHUNK + 1);
	in->cap = 2 * CHUNK;
	if (n >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b) {
		in->gzip = true;
		memset(&in->z, 0, sizeof in->z);
		if (inflateInit2(&in->z, 16 + MAX_WBITS) != Z_OK)
			return mkg__error(MKG_ENOMEM, "%s: out of memory starting gzip decoding",
			                  in->name);
		in->z_live = true;
		in->z.next_in = in->raw;
		in->z.avail_in = (uInt)n;
		return MKG_OK;
	}
	/* Plain: the bytes read are the first decoded bytes. */
	memcpy(in->buf, in->raw, n);
	in->end = n;
	g_free(in->raw);
	in->raw = NULL;
	return MKG_OK;
}

static mkg_line_input *
new_input(const char *name)
{
	mkg_line_input *in = g_new0(mkg_line_input, 1);

	in->name = g_strdup(name);
	return in;
}

int
mkg__line_input_open_file(mkg_line_input **out, const char *path)
{
	mkg_line_input *in;
	FILE *f = fopen(path, "rb");
	int rc;

	if (f == NULL)
		return mkg__error(MKG_EIO, "%s: cannot open: %s", path, g_strerror(errno));
	in = new_input(path);
	in->file = f;
	in->own_file = true;
	if ((rc = start(in)) != MKG_OK) {
		mkg__line_input_free(in);
		return rc;
	}
	*out = in;
	return MKG_OK;
}

int
mkg__line_input_open_stream(mkg_line_input **out, FILE *stream)
{
	mkg_line_input *in = new_input("stream");
	int rc;

	in->file = stream;
	if ((rc = start(in)) != MKG_OK) {
		mkg__line_input_free(in);
		return rc;
	}
	*out = in;
	return MKG_OK;
}

int
mkg__line_input_open_buffer(mkg_line_input **out, const void *data, size_t len)
{
	mkg_line_input *in = new_input("buffer");
	int rc;

	in->mem = data;
	in->mem_len = len;
	if ((rc = start(in)) != MKG_OK) {
		mkg__line_input_free(in);
		return rc;
	}
	*out = in;
	return MKG_OK;
}

void
mkg__line_input_free(mkg_line_input *in)
{
	if (in == NULL)
		return;
	if (in->z_live)
		inflateEnd(&in->z);
	if (in->own_file)
		fclose(in->file);
	g_free(in->raw);
	g_free(in->buf);
	g_free(in->name);
	g_free(in);
}

int
mkg__line_input_next(mkg_line_input *in, const char **line, size_t *len, bool *done)
{
	size_t scanned = in->start;
	int rc;

	for (;;) {
		char *nl = memchr(in->buf + scanned, '\n', in->end - scanned);

		if (nl != NULL) {
			*line = in->buf + in->start;
			*len = (size_t)(nl - (in->buf + in->start));
			*nl = '\0';
			in->start = (size_t)(nl - in->buf) + 1;
			in->line++;
			*done = false;
			return MKG_OK;
		}
		if (in->eof) {
			if (in->end == in->start) {
				*done = true;
				return MKG_OK;
			}
			/* The last line, without its '\n'. */
			*line = in->buf + in->start;
			*len = in->end - in->start;
			in->buf[in->end] = '\0';
			in->start = in->end;
			in->line++;
			*done = false;
			return MKG_OK;
		}
		scanned = in->end - in->start; /* relative: fill() moves the bytes */
		if ((rc = fill(in)) != MKG_OK)
			return rc;
		scanned += in->start;
	}
}

size_t
mkg__line_input_line(const mkg_line_input *in)
{
	return in->line;
}

/* Whether buf[start, end) holds a '\n' after a character other than
 * white space: the first line with text is whole. */
static bool
first_text_line_whole(mkg_line_input *in)
{
	/* Incremental, so that a long first line is scanned once. */
	for (; in->start + in->peeked < in->end; in->peeked++) {
		char c = in->buf[in->start + in->peeked];

		if (c == '\n' && in->peek_text)
			return true;
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			in->peek_text = true;
	}
	return false;
}

int
mkg__line_input_peek(mkg_line_input *in, const char **data, size_t *len)
{
	int rc;

	in->peeked = 0;
	in->peek_text = false;
	while (!in->eof && !first_text_line_whole(in)) {
		if ((rc = fill(in)) != MKG_OK)
			return rc;
	}
	*data = in->buf + in->start;
	*len = in->end - in->start;
	return MKG_OK;
}

int
mkg__line_input_read_all(mkg_line_input *in, char **out, size_t *len)
{
	int rc;

	while (!in->eof) {
		if ((rc = fill(in)) != MKG_OK)
			return rc;
	}
	if (in->start > 0) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	in->buf[in->end] = '\0';
	*out = in->buf;
	*len = in->end;
	in->buf = NULL;
	in->cap = in->end = 0;
	return MKG_OK;
}

bool
mkg__line_input_is_gzip(const mkg_line_input *in)
{
	return in->gzip;
}
