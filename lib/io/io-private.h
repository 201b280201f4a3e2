/* marketgraph: internal interface of the JSON importer: converting records.
 * The JSON reading it builds on (syntax check, json-c parsing, canonical
 * attributes) is the model's (lib/model/json-private.h).  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_IO_PRIVATE_H
#define MKG_IO_PRIVATE_H

#include "marketgraph.h"
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "json-private.h" /* mkg_json_reader */

/* ---- records (json-records.c) ------------------------------------------ */

/* Convert the record at path (an element of the named array, the JSON text
 * data[0..len)) and add it to the model. */
int mkg__json_add_actor(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);
int mkg__json_add_transaction(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);
int mkg__json_add_facilitation(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);
int mkg__json_add_membership(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);
int mkg__json_add_commodity(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);

/* The fast path of the two functions above (json-fast.c) for the record
 * that starts at data (its '{'; valid JSON text that passed the syntax
 * check, within which the record is read): when it is plain (see
 * json-fast.c), add it, store its length in *used and the status in *rc
 * and return true; else return false having changed nothing. */
bool mkg__json_fast_actor(mkg_json_reader *r, mkg_model *m, const char *data, size_t *used,
                          int *rc);
bool mkg__json_fast_transaction(mkg_json_reader *r, mkg_model *m, const char *data, size_t *used,
                                int *rc);
/* Only read a plain transaction into *d (its strings valid until the next
 * record read by this reader); false having changed nothing otherwise. */
bool mkg__json_fast_read_transaction(mkg_json_reader *r, const char *data, size_t *used,
                                     mkg_transaction_desc *d);

/* Read the transaction record data[0..len) into *d without adding it:
 * its strings point into *obj (json_object_put() it) and *attributes
 * (g_free); both NULL on failure.  Messages name path. */
struct json_object;
int mkg__json_read_transaction(mkg_json_reader *r, const char *path, const char *data, size_t len,
                               mkg_transaction_desc *d, struct json_object **obj,
                               char **attributes);

/* Set one of the document's fields (name, currency, volume_unit, period,
 * attributes) from its JSON text. */
int mkg__json_set_header_field(mkg_json_reader *r, mkg_model *m, const char *key,
                               const char *data, size_t len);

/* ---- the header of a JSON Lines stream (json-read.c) -------------------- */

/* Check the header line data[0..len) (valid JSON, an object) under the
 * rules of the document's top level less the arrays (format and version
 * required, no other key than name, currency, volume_unit, period and
 * attributes) and set its fields in m. */
int mkg__json_read_stream_header(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);

#endif /* MKG_IO_PRIVATE_H */
