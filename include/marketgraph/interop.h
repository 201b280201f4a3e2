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
#include <stddef.h>

MKG_BEGIN_DECLS

/**
 * Write the model as GraphML (XML 1.0, UTF-8), as read by Gephi,
 * Cytoscape, yEd and NetworkX (`networkx.read_graphml`): one directed
 * graph whose data are the document's fields, one node per actor (node id
 * = actor id) and one edge per transaction (edge id = transaction id, from
 * seller to buyer).  Every field is a typed `<key>` (string, double, long or
 * boolean); an absent field has no `<data>`.  Tags are one string, joined as
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

/**
 * Options of mkg_graphml_write() and mkg_kumu_write(): what the graph
 * carries besides the model (docs/interop.md, "Results").
 */
typedef struct mkg_interop_options {
	unsigned int version;  /**< MKG_INTEROP_OPTIONS_VERSION */
	/** nonzero: analysis results of one chain on the nodes and edges:
	 * throughput and its share of the volume delivered, betweenness (all
	 * pairs) and its share of the (producer, end market) pairs, captive
	 * producers and their supply, binding capacities and demands of the
	 * deliverable flow (mkg_throughput_new(), mkg_betweenness_new(),
	 * mkg_captive_new(), mkg_flow_new() with default sources and sinks). */
	int results;
	const char *chain;     /**< the chain of the results; NULL: the model's only one */
	int facilitation;      /**< GraphML: nonzero adds an edge per facilitation record and
	                        *   actor it supports (Kumu has them always) */
	int memberships;       /**< GraphML: nonzero adds an edge per membership (member to group) */
} mkg_interop_options;

#define MKG_INTEROP_OPTIONS_VERSION 1
#define MKG_INTEROP_OPTIONS_INIT { MKG_INTEROP_OPTIONS_VERSION, 0, NULL, 0, 0 }

/** Fill *opts with MKG_INTEROP_OPTIONS_INIT (for bindings).  MKG_EINVAL for
 * NULL or a version this library does not know. */
MKG_EXPORT int mkg_interop_options_init(mkg_interop_options *opts, unsigned int version);

/**
 * mkg_graphml_write_string() with options (NULL: the same output).  With
 * opts->results the graph gains the data `chain`, `chain_unit` and
 * `betweenness_pivots`, nodes of the chain `throughput`,
 * `throughput_share`, `betweenness`, `betweenness_share`, nodes holding
 * captive producers `captive_producers` and `captive_supply`, binding
 * nodes `binding` ("capacity" or "demand") and `binding_capacity`, and
 * the chain's transactions of a binding pair `binding_capacity` (the
 * pair's summed capacity).  With opts->facilitation and opts->memberships
 * the edges `facilitation:ID:K` (facilitator to the K-th actor it
 * supports) and `membership:I` (member to group), told apart by the edge
 * data `relation` ("transaction", "facilitation", "membership"); the
 * record's cost is divided equally among its edges, so summing `cost`
 * over edges counts it once.
 *
 * Errors as mkg_graphml_write_string(), MKG_EINVAL for a wrong options
 * version, and as the analyses fail with opts->results (a model of several
 * chains and no opts->chain: `throughput: the model has 2 chains (a, b):
 * name one in options.chain`).
 */
MKG_EXPORT int
mkg_graphml_write(const mkg_model *model, const mkg_interop_options *opts, char **out,
                  size_t *len);

/**
 * mkg_kumu_write_string() with options (NULL: the same output).  With
 * opts->results the elements carry the attributes of mkg_graphml_write()
 * and the transactions' connections `binding capacity`.  A facilitation
 * record's cost is divided equally among its connections (also without
 * options), so Kumu's sums count it once.
 */
MKG_EXPORT int
mkg_kumu_write(const mkg_model *model, const mkg_interop_options *opts, char **out,
               size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_INTEROP_H */
