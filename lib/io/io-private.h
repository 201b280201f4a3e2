/* marketgraph: internal interface of the JSON input/output layer.
 * The only part of the library that uses json-c.  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_IO_PRIVATE_H
#define MKG_IO_PRIVATE_H

#include "marketgraph.h"
#include <stddef.h>

/*
 * Check that len bytes of text are exactly one JSON object (strict RFC 8259
 * syntax, finite numbers, valid UTF-8, at most MKG_JSON_MAX_DEPTH levels)
 * and store its compact canonical form in *out (freed with g_free).  On
 * failure return MKG_EDATA with the message "<path>: <what is wrong>".
 * This is how `attributes` given through the C API are checked; the model
 * calls it as a leaf utility (it never sees json-c types).
 */
int mkg__json_canonical_object(const char *text, size_t len, const char *path, char **out);

/* Deepest nesting the importer accepts (the document itself is level 1). */
#define MKG_JSON_MAX_DEPTH 64

#endif /* MKG_IO_PRIVATE_H */
