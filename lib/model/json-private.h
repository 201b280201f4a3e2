/* marketgraph: reading JSON text, below the model: the strict syntax check,
 * json-c parsing checked against the source, and the canonical text of
 * `attributes` objects.  The model checks attributes given through the C API
 * with it; the JSON and CSV importers (lib/io/) build on it.  The only part
 * of the model that uses json-c.  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_JSON_PRIVATE_H
#define MKG_JSON_PRIVATE_H

#include "marketgraph.h"
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/* Deepest nesting the importer accepts (the document itself is level 1). */
#define MKG_JSON_MAX_DEPTH 64

/* Level of an `attributes` object in a document: the top-level one is a
 * member of the document (level 2), a record's is inside the record, inside
 * its array (level 4).  Text given through the C API is held to the same
 * limit, so that every model can be exported and read back. */
#define MKG_JSON_TOP_ATTRIBUTES_LEVEL 2
#define MKG_JSON_RECORD_ATTRIBUTES_LEVEL 4

/*
 * Check that len bytes of text are exactly one JSON object (strict RFC 8259
 * syntax, finite numbers, valid UTF-8, at most MKG_JSON_MAX_DEPTH levels
 * counted from the document's root) and store its compact canonical form in
 * *out (freed with g_free).  path is "attributes" for the document's own
 * attributes, else "<array>[<i>].attributes".  On failure return MKG_EDATA
 * with the message "<path>: <what is wrong>" and leave *out unchanged.
 * This is how `attributes` given through the C API are checked; the model
 * calls it as a leaf utility (it never sees json-c types).  O(len).
 */
int mkg__json_canonical_object(const char *text, size_t len, const char *path, char **out);

/* ---- strict syntax (json-syntax.c) ------------------------------------- */

/* Where the strict syntax check failed and why. */
typedef struct mkg_json_syntax_error {
	size_t offset;   /* byte offset of the offending character (len at the end) */
	char what[112];  /* "unexpected end of input", ... */
} mkg_json_syntax_error;

/*
 * Check that data[0..len) is exactly one JSON text under RFC 8259, more
 * strictly than json-c: no single quotes, raw control characters, NaN,
 * Infinity, `1.`, leading zeros, lone surrogate escapes, invalid UTF-8,
 * \u0000 in object keys (json-c would cut the key), integer literals
 * outside int64, nesting deeper than max_depth (<= MKG_JSON_MAX_DEPTH)
 * levels or trailing non-whitespace.  Iterative, O(len), no allocation.
 * Returns true when valid; else fills *err.
 */
bool mkg__json_syntax_check(const char *data, size_t len, unsigned max_depth,
                            mkg_json_syntax_error *err);

/* A member of the top-level container, as the syntax pass saw it. */
typedef struct mkg_json_member {
	size_t end;      /* the offset past its value */
	size_t elements; /* the number of elements of its value (an array's items) */
} mkg_json_member;

/* mkg__json_syntax_check(), noting on the way where the values of the
 * top-level container's members end and how many elements each has, so
 * that a reader can locate them without scanning the text again and size
 * its arrays: the first cap members go to members[], *count says how many
 * there are, cap + 1 when there are more. */
bool mkg__json_syntax_check_members(const char *data, size_t len, unsigned max_depth,
                                    mkg_json_syntax_error *err, mkg_json_member *members,
                                    size_t cap, size_t *count);

/* The 1-based line and column (in characters) of a byte offset.  Lines end
 * at '\n'; the text before offset must be valid UTF-8.  O(offset). */
void mkg__json_line_column(const char *data, size_t offset, size_t *line, size_t *column);

/* Record the failure of mkg__json_syntax_check() as
 * "[prefix: ]line L, column C: what" with the given code; returns code. */
int mkg__json_syntax_fail(int code, const char *prefix, const char *data,
                          const mkg_json_syntax_error *err);

/* ---- scanning text already known to be valid (json-syntax.c) ----------- */

/* Offset of the first non-whitespace byte at or after i (len if none). */
size_t mkg__json_skip_ws(const char *data, size_t len, size_t i);
/* Offset just past the value that starts at data[i]. */
size_t mkg__json_skip_value(const char *data, size_t len, size_t i);
/* Decode the string that starts at data[i] (its opening quote) into buf as
 * NUL-terminated UTF-8, truncated to bufsize - 1 bytes; return the offset
 * past its closing quote.  *complete says whether it fitted. */
size_t mkg__json_read_string(const char *data, size_t len, size_t i, char *buf, size_t bufsize,
                             bool *complete);
/* Decode the string that starts at data[i] into out (replacing its
 * contents; it may hold NUL bytes); return the offset past it. */
size_t mkg__json_decode_string(const char *data, size_t len, size_t i, GString *out);
/* The JSON type of the value that starts with byte c ("object", "array",
 * "string", "number", "boolean", "null"). */
const char *mkg__json_type_of_char(char c);

/* ---- attributes (attributes.c) ----------------------------------------- */

struct json_object;

/*
 * The canonical text of an `attributes` value parsed by json-c: it must be
 * an object and hold only finite numbers.  path names it in messages.  On
 * success *out is a new string (g_free); MKG_EDATA or MKG_ENOMEM otherwise.
 */
int mkg__json_attributes_text(struct json_object *value, const char *path, char **out);

/* ---- parsing with json-c (json-parse.c) --------------------------------- */

struct json_tokener;

/* One reusable json-c tokener and scratch space; the ids and payments are
 * for the importer's conversion of records (lib/io/json-records.c). */
typedef struct mkg_json_reader {
	struct json_tokener *tok;
	GString *path;     /* JSON path of the value being checked */
	GString *scratch;  /* decoded strings */
	GPtrArray *ids;    /* tags, target actors: borrowed from json-c */
	GPtrArray *ids2;   /* target transactions */
	GPtrArray *ids3;   /* transactions of paid_by's embedded part */
	GArray *payments;  /* mkg_payment */
	/* A member every record may hold besides its fields, dropped before
	 * the fields are checked: "record" in a JSON Lines stream, else NULL. */
	const char *skip_key;
	char *fast_buf;    /* the strings of a record read by lib/io/json-fast.c */
	size_t fast_cap;
} mkg_json_reader;

mkg_json_reader *mkg__json_reader_new(void);
void mkg__json_reader_free(mkg_json_reader *r);

/*
 * Parse the JSON value data[0..len) (known to be valid) with json-c.
 * On success *out holds the value (json_object_put() it); on failure
 * return MKG_ENOMEM or MKG_EPARSE with a message naming path.
 */
int mkg__json_reader_parse(mkg_json_reader *r, const char *data, size_t len, const char *path,
                           struct json_object **out);

/* A short description of a value for a message, written into buf: a
 * string quoted by mkg__quote() (bufsize >= MKG_QUOTE_BUFSIZE keeps it whole), a number as written,
 * true, false, null, "an object", "an array".  Returns buf. */
const char *mkg__json_describe(struct json_object *value, char *buf, size_t bufsize);
/* Whether a key reads as a path step: letters, digits, '_' and '-' only
 * (else messages quote it). */
bool mkg__json_is_plain_key(const char *key);

#endif /* MKG_JSON_PRIVATE_H */
