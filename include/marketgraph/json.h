/* marketgraph: the JSON model format, version 1 (docs/format.md).
 *
 * Import is strict and atomic: it yields a whole new model or an error whose
 * message names the place, as a JSON path (`transactions[3].buyer: unknown
 * actor "trader-9"`) or as a line and column for a syntax error
 * (`line 14, column 3: unexpected end of input`).  Memory use is the input
 * plus the model plus one record; nesting deeper than 64 levels is refused.
 *
 * Export is deterministic: the same model gives the same bytes (records in
 * insertion order, fixed key order, numbers in the shortest form that reads
 * back to the same double), and importing an export gives an equal model.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_JSON_H
#define MARKETGRAPH_JSON_H

#include "common.h"
#include "model.h"

#include <stdio.h>

MKG_BEGIN_DECLS

/** The model-format version this library reads and writes. */
#define MKG_FORMAT_VERSION 1

/**
 * Import a model from a file ("-" is not special here).  On success store a
 * new model in *out (owned by the caller); on failure leave *out unchanged
 * and return MKG_EIO (`PATH: cannot open: No such file or directory`),
 * MKG_EPARSE (malformed JSON: `line L, column C: ...`), MKG_EDATA (a rule
 * of the format: `actors[2].kind: ...`), MKG_EUNSUPPORTED (a newer format
 * version), MKG_ENOMEM or MKG_EINVAL (NULL argument).  The file is read
 * whole; time and memory are linear in its size (memory: the input, the
 * model and one record).
 */
MKG_EXPORT int
mkg_json_read_file(mkg_model **out, const char *path);

/** Import a model from len bytes at data (need not be NUL-terminated; a
 *  NUL byte inside is an error).  The caller keeps the buffer. */
MKG_EXPORT int
mkg_json_read_buffer(mkg_model **out, const void *data, size_t len);

/** Import a model from an open stream, read to its end (not closed). */
MKG_EXPORT int
mkg_json_read_stream(mkg_model **out, FILE *stream);

/** How mkg_model_read_*() take their input (docs/format.md, section 10). */
typedef enum mkg_input_format {
	MKG_INPUT_AUTO = 0,     /**< a stream when the first line with text is a whole JSON
	                             object without an "actors" member, else a document */
	MKG_INPUT_DOCUMENT = 1, /**< one JSON document (mkg_json_read_*()) */
	MKG_INPUT_JSONL = 2     /**< a JSON Lines stream: one record a line */
} mkg_input_format;

/** Options of mkg_model_read_file() and the other readers. */
typedef struct mkg_read_options {
	unsigned int version; /**< MKG_READ_OPTIONS_VERSION */
	int format;           /**< mkg_input_format */
	/** nonzero: the stream's transaction lines are exchanges, merged into one
	 *  transaction per seller, buyer, commodity, level and period (volumes
	 *  and values added, the count in its attributes as {"exchanges": N});
	 *  a document is refused (MKG_EDATA) */
	int aggregate;
} mkg_read_options;

#define MKG_READ_OPTIONS_VERSION 1
#define MKG_READ_OPTIONS_INIT { MKG_READ_OPTIONS_VERSION, MKG_INPUT_AUTO, 0 }

/** Fill *opts with MKG_READ_OPTIONS_INIT (for bindings).  MKG_EINVAL for NULL
 * or a version this library does not know. */
MKG_EXPORT int mkg_read_options_init(mkg_read_options *opts, unsigned int version);

/**
 * Import a model from a document or a JSON Lines stream, either of them
 * plain or gzip-compressed (found from the gzip magic bytes, whatever the
 * name), as opts says (NULL: MKG_READ_OPTIONS_INIT).  A document is read
 * as by mkg_json_read_file(); a stream one line at a time, in memory the
 * model plus one line, its messages starting "line L: ".  Same statuses
 * as mkg_json_read_file(); MKG_EIO `PATH: cannot read: corrupt gzip data
 * (...)` or `... truncated gzip data` for a broken gzip file.
 */
MKG_EXPORT int
mkg_model_read_file(mkg_model **out, const char *path, const mkg_read_options *opts);

/** The same from an open stream read to its end (not closed); messages name
 *  it "stream". */
MKG_EXPORT int
mkg_model_read_stream(mkg_model **out, FILE *stream, const mkg_read_options *opts);

/** The same from len bytes at data (borrowed for the call). */
MKG_EXPORT int
mkg_model_read_buffer(mkg_model **out, const void *data, size_t len,
                      const mkg_read_options *opts);

/**
 * Export a model as JSON text.  On success store a NUL-terminated string in
 * *out, to be freed with mkg_free(), and its length (without the NUL) in
 * *len when len is not NULL.  O(size of the model).
 */
MKG_EXPORT int
mkg_json_write_string(const mkg_model *model, char **out, size_t *len);

/**
 * Export a model to a file, replacing it atomically: the text goes to a
 * fresh temporary file beside PATH (".mkg-XXXXXX", created exclusively: no
 * existing file or symbolic link is opened), which is synced and renamed
 * over PATH (removed on failure, leaving PATH as it was).  A replaced file
 * keeps its permission bits, a new one gets 0666 less the umask; a PATH
 * that is a symbolic link has the file it names replaced.  A PATH that
 * exists and is not a regular file or a directory (/dev/null, a pipe), or
 * lies under /dev/ or /proc/, is written in place instead, never replaced.  MKG_EIO with the message
 * `PATH: cannot write: <reason>` on failure.
 */
MKG_EXPORT int
mkg_json_write_file(const mkg_model *model, const char *path);

/** Export a model to an open stream (flushed, not closed).  MKG_EIO on a
 *  write error. */
MKG_EXPORT int
mkg_json_write_stream(const mkg_model *model, FILE *stream);

MKG_END_DECLS

#endif /* MARKETGRAPH_JSON_H */
