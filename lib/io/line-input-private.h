/* marketgraph: reading an input line by line, gzip or not (line-input.c).
 * Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_LINE_INPUT_PRIVATE_H
#define MKG_LINE_INPUT_PRIVATE_H

#include "marketgraph.h"
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct mkg_line_input mkg_line_input;

/* Open a file, a stream (read from where it stands; not closed) or a
 * buffer (borrowed until mkg__line_input_free()).  An input that starts
 * with the gzip magic bytes is decompressed.  Messages name the path,
 * "stream" or "buffer": MKG_EIO `PATH: cannot open: ...`,
 * `PATH: cannot read: corrupt gzip data (...)`, `... truncated gzip data`. */
int mkg__line_input_open_file(mkg_line_input **out, const char *path);
int mkg__line_input_open_stream(mkg_line_input **out, FILE *stream);
int mkg__line_input_open_buffer(mkg_line_input **out, const void *data, size_t len);
void mkg__line_input_free(mkg_line_input *in);

/* The next line, without its '\n', NUL-terminated, valid until the next
 * call; *done at the end of the input (a last line without '\n' counts). */
int mkg__line_input_next(mkg_line_input *in, const char **line, size_t *len, bool *done);
/* The 1-based number of the line last returned. */
size_t mkg__line_input_line(const mkg_line_input *in);
/* The bytes not yet returned, at least through the first line that holds
 * more than white space (or all of them): for telling a document from a
 * stream. */
int mkg__line_input_peek(mkg_line_input *in, const char **data, size_t *len);
/* Whether the input is gzip-compressed. */
bool mkg__line_input_is_gzip(const mkg_line_input *in);
/* The rest of the input, decoded, into *out (g_free; NUL-terminated
 * beyond *len); the input is then empty. */
int mkg__line_input_read_all(mkg_line_input *in, char **out, size_t *len);

#endif /* MKG_LINE_INPUT_PRIVATE_H */
