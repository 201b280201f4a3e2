/* marketgraph: the model for other graph tools (GraphML, Kumu).
 *
 * These exports are for looking at and computing on the market system in
 * tools people already use; they are one way (the JSON and CSV formats
 * are the ones that read back).  The exact mapping of every field is in
 * docs/interop.md.  Both are deterministic: records in model order, keys
 * in a fixed order, numbers in the shortest form that reads back to the
 * same double.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_INTEROP_H
#define MARKETGRAPH_INTEROP_H

#include "common.h"
#include "model.h"

MKG_BEGIN_DECLS

/**
 * Write the model as GraphML (XML 1.0, UTF-8), as read by Gephi,
 * Cytoscape, yEd and NetworkX (`networkx.read_graphml`): one directed
 * graph whose data are the document's fields, one node per actor (node id
 * = actor id) and one edge per transaction (edge id = transaction id, from
 * seller to buyer).  Every field is a typed <key> (string, double, long or
 * boolean); an absent field has no <data>.  Tags are one string, joined as
 * in a CSV cell; attributes are their JSON text.  Nodes also carry
 * `label` (the display name), edges `weight` (the volume, when given).
 *
 * Text is escaped for XML.  Characters XML 1.0 cannot hold (the controls
 * U+0001-U+0008, U+000B, U+000C, U+000E-U+001F, and U+FFFE, U+FFFF) are
 * written as U+FFFD; when that makes two node ids or two edge ids equal,
 * the export fails with MKG_EDATA naming both records.
 *
 * On success store a NUL-terminated string in *out, to be freed with
 * mkg_free(), and its length in *len when len is not NULL.  MKG_EINVAL for
 * NULL model or out.  O(size of the model).
 */
MKG_EXPORT int
mkg_graphml_write_string(const mkg_model *model, char **out, size_t *len);

/**
 * Write the model as a Kumu blueprint (JSON import of kumu.io):
 * `{"elements": [...], "connections": [...]}`.  One element per actor
 * (`label` its display name, `type` its kind, and its fields); one
 * connection per transaction (seller to buyer, `type` "transaction"), per
 * facilitation record and actor it supports (`type` "facilitation") and
 * per membership (member to group, `type` "membership").  Ids are
 * prefixed by what they name ("actor:coop-1", "transaction:t-17",
 * "facilitation:f-1:0", "membership:3"), so they are unique across
 * elements and connections as Kumu requires.
 *
 * Output and errors as mkg_graphml_write_string().  O(size of the model).
 */
MKG_EXPORT int
mkg_kumu_write_string(const mkg_model *model, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_INTEROP_H */
