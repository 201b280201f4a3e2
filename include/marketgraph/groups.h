/* marketgraph: membership groups (docs/analyses.md, section 5).
 *
 * A group is an actor named as the `group` of a membership: a district
 * marketing board, an association, a cooperative, a cartel.  For each,
 * its members, their combined shares and the coalition what-if of the
 * concentration analysis in each market where they trade, how many of
 * each market's buyers are members, and whether a public agency
 * supervises it.  The numbers come from mkg_coalitions_new(), not from a
 * second implementation.
 *
 * Results copy every string they hold: they outlive the model.  Rows and
 * strings they return are borrowed from the result and valid until it is
 * freed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_GROUPS_H
#define MARKETGRAPH_GROUPS_H

#include "common.h"
#include "model.h"
#include "analysis.h"
#include "concentration.h"

MKG_BEGIN_DECLS

/** Options of the groups analysis. */
typedef struct mkg_groups_options {
	unsigned int version; /**< MKG_GROUPS_OPTIONS_VERSION */
	mkg_measure measure;  /**< default MKG_MEASURE_VOLUME */
	mkg_region_split split_by_region; /**< whose region splits markets; default none */
	mkg_levels levels;    /**< default MKG_LEVELS_SEPARATE */
} mkg_groups_options;

#define MKG_GROUPS_OPTIONS_VERSION 1
#define MKG_GROUPS_OPTIONS_INIT \
	{ MKG_GROUPS_OPTIONS_VERSION, MKG_MEASURE_VOLUME, MKG_REGION_NONE, MKG_LEVELS_SEPARATE }

MKG_EXPORT int mkg_groups_options_init(mkg_groups_options *opts, unsigned int version);

/** The groups of a model.  Opaque. */
typedef struct mkg_groups mkg_groups;

/** A market where members trade. */
typedef struct mkg_group_market {
	const char *commodity;              /**< the commodity traded in the market */
	const char *period;                 /**< NULL when none */
	const char *region;                 /**< NULL unless split by region */
	int service;                        /**< 1: a service market, 0: produce */
	const mkg_coalition_market *seller; /**< the members as one seller; NULL when no member
	                                         sells here */
	const mkg_coalition_market *buyer;  /**< the members as one buyer; NULL when none buys */
	size_t buyers;                      /**< actors buying in the market (share > 0) */
	size_t member_buyers;               /**< how many of them are members */
	double member_buyer_share;          /**< member_buyers / buyers; NaN when no buyers */
	const char *level;                  /**< the market's level; NULL when levels are pooled */
} mkg_group_market;

/** One group. */
typedef struct mkg_group {
	const char *group;                /**< the group's actor id */
	mkg_actor_kind kind;              /**< the group actor's kind */
	size_t member_count;              /**< members, supervisors left out */
	const char *const *members;       /**< ids in byte order */
	size_t supervisor_count;          /**< memberships with role exactly "supervisor" */
	const char *const *supervisors;   /**< ids in byte order */
	int supervised;                   /**< 1 when a supervisor is a public_agency */
	int64_t households;               /**< summed households of the members (absent: 0) */
	int presumed_harmful;             /**< on at least one market side */
	size_t market_count;              /**< length of markets */
	const mkg_group_market *markets;  /**< in market order (commodity, level, period...) */
} mkg_group;

/**
 * Analyse every group of model's memberships (opts NULL: defaults).
 * Fails with MKG_EINVAL for NULL arguments, a wrong options version or an
 * unknown measure.  The time of mkg_coalitions_new() plus O(F) for the
 * buyer counts (F firm entries).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_groups_new(mkg_groups **out, const mkg_model *model, const mkg_groups_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_groups_free(mkg_groups *g);

/** Number of groups, by group id.  O(1). */
MKG_EXPORT size_t mkg_groups_count(const mkg_groups *g);
/** Group i, or NULL out of range. */
MKG_EXPORT const mkg_group *mkg_groups_at(const mkg_groups *g, size_t i);

/**
 * The result as the report's `groups` array (docs/report.md), rendered
 * by the report layer (lib/report/): a NUL-terminated string in *out,
 * freed with mkg_free(), its length in *len when len is not NULL.
 * Deterministic.
 */
MKG_EXPORT int
mkg_groups_write_json(const mkg_groups *g, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_GROUPS_H */
