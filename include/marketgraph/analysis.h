/* marketgraph: vocabulary shared by the analyses (docs/analyses.md).
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_ANALYSIS_H
#define MARKETGRAPH_ANALYSIS_H

#include "common.h"

MKG_BEGIN_DECLS

/**
 * Which number of a transaction analyses weigh by.  A transaction that
 * lacks the chosen number is left out of the analysis and counted as
 * excluded in its result.
 */
typedef enum mkg_measure {
	MKG_MEASURE_VOLUME = 0, /**< the default */
	MKG_MEASURE_VALUE = 1
} mkg_measure;

/** "volume" or "value"; NULL out of range.  Static. */
MKG_EXPORT const char *mkg_measure_name(mkg_measure measure);

/** Parse "volume" or "value".  MKG_EINVAL for NULL or another name (*out unchanged). */
MKG_EXPORT int mkg_measure_from_name(const char *name, mkg_measure *out);

/** The two sides of a market. */
typedef enum mkg_side {
	MKG_SIDE_SELLER = 0, /**< sellers' shares of what is sold: monopoly */
	MKG_SIDE_BUYER = 1   /**< buyers' shares of what is bought: monopsony */
} mkg_side;

/** "seller" or "buyer"; NULL out of range.  Static. */
MKG_EXPORT const char *mkg_side_name(mkg_side side);

/**
 * Whether the levels of trade are separate markets (docs/analyses.md,
 * "Levels").  A transaction's level is its `level`, else its seller's kind
 * name (`producer`: the farm gate).  Values are part of the ABI.
 */
typedef enum mkg_levels {
	MKG_LEVELS_SEPARATE = 0, /**< commodity x level x period: the default */
	MKG_LEVELS_POOLED = 1    /**< commodity x period, every level in one market */
} mkg_levels;

/**
 * Whose region splits markets.  0 and 1 keep the meaning of the former
 * boolean `split_by_region`.  Values are part of the ABI.
 */
typedef enum mkg_region_split {
	MKG_REGION_NONE = 0,   /**< markets are not split by region: the default */
	MKG_REGION_SELLER = 1, /**< by the seller's region */
	MKG_REGION_BUYER = 2   /**< by the buyer's region */
} mkg_region_split;

MKG_END_DECLS

#endif /* MARKETGRAPH_ANALYSIS_H */
