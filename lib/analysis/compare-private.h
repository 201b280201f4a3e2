/* marketgraph: what the files of the comparison share (compare*.c).
 * Never installed.  The rules are in include/marketgraph/compare.h and
 * docs/analyses.md, "Assessing change".
 * SPDX-License-Identifier: MIT */
#ifndef MKG_COMPARE_PRIVATE_H
#define MKG_COMPARE_PRIVATE_H

#include "analysis-private.h"
#include "marketgraph/bottlenecks.h"
#include "marketgraph/channels.h"
#include "marketgraph/compare.h"
#include "marketgraph/facilitation.h"
#include "marketgraph/value.h"

/* The separator of composite hash keys: not valid in ids the format allows
 * to mean anything (ids may hold it, but only ever compare equal to
 * themselves, so a collision needs two ids that differ only around it). */
#define MKG__KEY_SEP "\x1f"

/* One side of the comparison while it is computed. */
typedef struct mkg__cmp_side {
	const mkg_model *m;          /* the model (the chosen period of it) */
	mkg_model *owned;            /* the period's model when one was chosen */
	mkg_concentration *conc;
	mkg_coalitions *coal;
	mkg_channels *chan;
	mkg_value *value;
	mkg_inclusiveness *inc;
	GHashTable *targeted;        /* actor id -> 1: targets of temporary records */
	GHashTable *links;           /* "seller\x1fbuyer\x1fcommodity" -> mkg__cmp_link */
	GHashTable *entries;         /* "commodity\x1flevel\x1fregion\x1fservice\x1fside\x1factor" */
	GHashTable *markets_with_target; /* market key (no side) -> 1 */
} mkg__cmp_side;

/* A link's sums on one side. */
typedef struct mkg__cmp_link {
	const char *seller, *buyer, *commodity; /* the model's interned strings */
	double volume;  /* NaN while no volume is given */
	double value;
} mkg__cmp_link;

struct mkg_compare {
	GStringChunk *strs;
	const char *period[2], *name[2], *currency, *volume_unit;
	double link_threshold;
	GArray *actors, *commodities;       /* mkg_compare_entity */
	GArray *markets;                    /* mkg_compare_market */
	GArray *coalitions;                 /* mkg_compare_coalition */
	GArray *links;                      /* mkg_compare_link */
	size_t link_classes[5];
	mkg_compare_outlets outlets[2];
	GArray *chains;                     /* mkg_compare_chain */
	GPtrArray *bindings;                /* per chain: GArray of mkg_compare_binding */
	GPtrArray *channels;                /* per chain: GArray of mkg_compare_channel */
	GArray *values;                     /* mkg_compare_value */
	mkg_compare_reach reach[2];
	GArray *ended;                      /* mkg_compare_record */
	GArray *crowding;                   /* mkg_compare_crowding */
	GArray *copies;                     /* mkg_compare_copy */
	GArray *takeovers;                  /* mkg_compare_takeover */
	mkg_compare_resilience resilience;
};

/* A copy of s owned by the result (NULL stays NULL). */
static inline const char *
mkg__cmp_str(mkg_compare *c, const char *s)
{
	return s ? g_string_chunk_insert_const(c->strs, s) : NULL;
}

/* A market's key without the side ("commodity\x1flevel\x1fregion\x1fservice"),
 * NULL parts written as "\x1e"; g_free. */
char *mkg__cmp_market_key(const char *commodity, const char *level, const char *region,
                          int service);

/* The steps of mkg_compare_new(), each on both sides (s[0] before, s[1] after). */
int mkg__cmp_markets(mkg_compare *c, mkg__cmp_side s[2], const char *thresholds);
int mkg__cmp_coalitions(mkg_compare *c, mkg__cmp_side s[2]);
int mkg__cmp_links(mkg_compare *c, mkg__cmp_side s[2]);
void mkg__cmp_outlets(mkg_compare *c, mkg__cmp_side s[2]);
int mkg__cmp_chains(mkg_compare *c, mkg__cmp_side s[2]);
int mkg__cmp_value(mkg_compare *c, mkg__cmp_side s[2]);
void mkg__cmp_reach(mkg_compare *c, mkg__cmp_side s[2]);
void mkg__cmp_ended(mkg_compare *c, mkg__cmp_side s[2]);
void mkg__cmp_systemic(mkg_compare *c, mkg__cmp_side s[2]);

#endif /* MKG_COMPARE_PRIVATE_H */
