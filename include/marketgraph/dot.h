/* marketgraph: the market map as a Graphviz DOT graph.
 *
 * A picture of the model for people: actors placed by stage from the
 * producers (left) to the end markets (right), boxes sized by the produce
 * volume through them, trading links as arrows as wide as their volume,
 * colours by kind of actor, facilitation as dashed arrows coloured by its
 * type, and, when the caller passes analysis results, what the analyses
 * found: binding capacities and captive-producer hubs in red, coalitions
 * presumed harmful outlined.  Render it with Graphviz
 * (`dot -Tsvg map.dot -o map.svg`) or `marketgraph render`.
 *
 * The text is deterministic (records in model order) and safe for any id
 * or name: a node's DOT id is its actor's id in a quoted string, with `%`,
 * `"`, `\`, control characters and Unicode noncharacters written as
 * %XX (UTF-8 bytes, as in a URL) so that no two actors share a node and no
 * id can end the string; a node standing for the actors of one kind and
 * region (collapse_by_region) is `%KIND@REGION`, which no actor id gives.
 * Every text from the model goes into HTML-like labels with XML escaping,
 * so quotes, backslashes, angle brackets and UTF-8 render as written.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_DOT_H
#define MARKETGRAPH_DOT_H

#include "common.h"
#include "model.h"
#include "bottlenecks.h"
#include "concentration.h"

MKG_BEGIN_DECLS

/** Options of the market map (mkg_dot_write_string()): what to draw and how. */
typedef struct mkg_dot_options {
	unsigned int version;             /**< MKG_DOT_OPTIONS_VERSION */
	int hide_services;                /**< nonzero: leave out service transactions */
	int hide_facilitation;            /**< nonzero: leave out facilitation arrows */
	int hide_legend;                  /**< nonzero: no legend */
	/* Highlights: results of the analyses on this model, borrowed for the
	 * call only; NULL draws no highlight of that sort.  Ids in a result
	 * that name no actor of the model are ignored. */
	const mkg_flow *flow;             /**< binding constraints in red */
	const mkg_captive *captive;       /**< actors with captive producers in red */
	const mkg_coalitions *coalitions; /**< coalitions presumed harmful outlined in red */
	/* nonzero: run mkg_flow_new(), mkg_captive_new() and
	 * mkg_coalitions_new() with their default options for every one of the
	 * three results above left NULL, and draw all three highlights
	 * (`marketgraph export --format dot --highlight`).  The flow and the
	 * captive producers are per chain (bottlenecks.h): on a model with
	 * several chains they are not run here; pass one chain's results. */
	int highlight;                    /**< nonzero: run the three analyses for the
	                                       highlights left NULL (see above) */
	/* Views that keep a large map readable (version 2). */
	const char *commodity;            /**< non-NULL: only the produce arrows of this commodity */
	const char *chain;                /**< non-NULL: only the produce arrows of this chain
	                                   *   (a primary commodity and those made from it) */
	unsigned int collapse_by_region;  /**< bit (1u << kind) set: the actors of that kind
	                                   *   drawn as one node per region */
	size_t top;                       /**< nonzero: only the top highlighted actors and
	                                   *   arrows in red (see below) */
	/* A map for a printed page (version 3). */
	const char *page;                 /**< NULL or "none": a map for the screen; "a4-landscape",
	                                   *   "a4-portrait", "a3-landscape" or "letter-landscape":
	                                   *   laid out and scaled for that page (see below) */
	double *page_label_points;        /**< non-NULL: receives, on success, the estimated size
	                                   *   in points of the smallest label once the map is
	                                   *   scaled to the page (under 7: too small to read);
	                                   *   MKG_ABSENT without a page.  Borrowed for the call */
} mkg_dot_options;

#define MKG_DOT_OPTIONS_VERSION 3
#define MKG_DOT_OPTIONS_INIT \
	{ MKG_DOT_OPTIONS_VERSION, 0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL, 0, 0, NULL, NULL }

/** Fill *opts with MKG_DOT_OPTIONS_INIT (for bindings).  MKG_EINVAL for NULL
 * or a version this library does not know. */
MKG_EXPORT int mkg_dot_options_init(mkg_dot_options *opts, unsigned int version);

/**
 * Write the market map of model as a DOT digraph (opts NULL: defaults).
 * On success store a NUL-terminated string in *out, to be freed with
 * mkg_free(), and its length in *len when len is not NULL.
 *
 * What is drawn:
 *  - every actor, in one column per stage with rankdir=LR: input
 *    suppliers, producers, collectors and traders, processors and
 *    wholesalers, exporters and retailers, end markets.  Other kinds
 *    (programmes, agencies, boards, service providers ...) stand in the
 *    column of the first stage they support or trade with;
 *  - a node's size grows with the square root of its throughput (the
 *    larger of the produce volume it buys and sells), its fill colour says
 *    its kind; the label gives its name and throughput;
 *  - one arrow per seller, buyer and commodity, transactions merged,
 *    its width growing with the square root of the volume, its colour
 *    saying the commodity; service transactions dotted and grey;
 *  - one dashed arrow from each facilitation record's facilitator to each
 *    actor it supports (a targeted transaction's seller and buyer),
 *    orange for temporary, blue for commercial, green for public
 *    facilitation, labelled with the function;
 *  - with opts->flow: the capacities and demands on the minimum cut in
 *    red (thick red border, thick red arrow); with opts->captive: every
 *    actor with captive producers filled red with how many and their
 *    supply (not end markets: being the only outlet is what they are for);
 *    with opts->coalitions: each coalition presumed harmful as a
 *    red dashed box around its members (an actor in several such
 *    coalitions is drawn in the first, by the result's order);
 *  - with opts->top = N: only the N actors holding the most volume (the
 *    supply of their captive producers or their binding capacity, ties by
 *    model order) and the N arrows with the largest binding capacity are
 *    red; the legend says how many of how many;
 *  - with opts->commodity or opts->chain: only the produce arrows of that
 *    commodity (or of the commodities whose primary equivalent is that
 *    chain, mkg_model_primary_equivalent()), the actors trading in them,
 *    and the supporting actors (no produce trade) that facilitate or serve
 *    them.  With opts->highlight the flow and captive producers are run on
 *    that chain (the commodity's primary), so a model with several chains
 *    gets its highlights too;
 *  - with bit (1u << kind) of opts->collapse_by_region: the actors of that
 *    kind drawn as one node per region ("(no region)" for those without),
 *    labelled with how many they are, their arrows merged; such a node is
 *    red when one of its actors is.
 *  - a legend, unless opts->hide_legend: the kinds, commodities, arrows
 *    and highlights present, and what the view left out or merged;
 *  - with opts->page: the map laid out for that page, 0.4 inch margins:
 *    the columns run across the page's long side (rankdir=LR on a
 *    landscape page, TB on a portrait one), compact fonts (names 9 to 12
 *    pt, other labels 8 pt), small gaps, and DOT's size="W,H!" (the page
 *    less its margins), ratio=compress, margin=0.4 and center=true, so that
 *    Graphviz scales the drawing to fill the page.  The scale is estimated
 *    from the columns' sizes; when the smallest label would come out under
 *    7 pt the legend says so in red (draw less: a chain, kinds merged by
 *    region); opts->page_label_points receives the estimate.
 *
 * Fails with MKG_EINVAL for NULL model or out, a wrong options version,
 * both commodity and chain, collapse bits of no kind
 * (`dot: collapse_by_region has bits of no actor kind (0x80000000)`) or an
 * unknown page (`dot: unknown page "a5" (the pages: a4-landscape,
 * a4-portrait, a3-landscape, letter-landscape, none)`); with
 * MKG_ENOTFOUND for a commodity no transaction names (`dot: no
 * transaction of commodity "x"`) or a chain that is none of the model's
 * (as mkg_flow_new(): `dot: no chain "x" (the model's chains: a, b)`);
 * and with opts->highlight as the analyses it runs fail (a flow network
 * too large: MKG_EUNSUPPORTED).
 * O(A + n log n + F + P + k log n) time and O(A + n) memory for A actors,
 * n transactions, F facilitation records with P targets and k highlighted
 * entries: the transactions are sorted once to merge them.
 */
MKG_EXPORT int
mkg_dot_write_string(const mkg_model *model, const mkg_dot_options *opts, char **out,
                     size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_DOT_H */
