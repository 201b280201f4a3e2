/* marketgraph: vocabulary and helpers shared by the analyses.
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"

#include <string.h>

static const char *const measure_names[] = { "volume", "value" };
static const char *const side_names[] = { "seller", "buyer" };

const char *
mkg_measure_name(mkg_measure measure)
{
	return (unsigned)measure < G_N_ELEMENTS(measure_names) ? measure_names[measure] : NULL;
}

int
mkg_measure_from_name(const char *name, mkg_measure *out)
{
	char quoted[MKG_QUOTE_BUFSIZE];

	MKG_CHECK_ARG(name);
	MKG_CHECK_ARG(out);
	for (size_t i = 0; i < G_N_ELEMENTS(measure_names); i++) {
		if (strcmp(name, measure_names[i]) == 0) {
			*out = (mkg_measure)i;
			return MKG_OK;
		}
	}
	return mkg__error(MKG_EINVAL, "measure: unknown measure %s (known: volume, value)",
	                  mkg__quote(quoted, name));
}

const char *
mkg_side_name(mkg_side side)
{
	return (unsigned)side < G_N_ELEMENTS(side_names) ? side_names[side] : NULL;
}

int
mkg__check_measure(mkg_measure measure)
{
	if (mkg_measure_name(measure) == NULL)
		return mkg__error(MKG_EINVAL, "measure: unknown measure %d (known: volume, value)",
		                  (int)measure);
	return MKG_OK;
}

static int
id_cmp(const void *a, const void *b, void *data)
{
	const mkg_model *m = data;

	return strcmp(MKG_ACTOR(m, *(const mkg_idx *)a)->id, MKG_ACTOR(m, *(const mkg_idx *)b)->id);
}

uint32_t *
mkg__actor_id_rank(const mkg_model *m, unsigned int threads)
{
	const uint32_t n = m->actors->len;
	mkg_idx *order = g_new(mkg_idx, n ? n : 1);
	uint32_t *rank = g_new(uint32_t, n ? n : 1);

	for (uint32_t a = 0; a < n; a++)
		order[a] = a;
	mkg__sort(order, n, sizeof(mkg_idx), id_cmp, (void *)m, threads);
	for (uint32_t k = 0; k < n; k++)
		rank[order[k]] = k;
	g_free(order);
	return rank;
}

int
mkg__strcmp_null(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (a == NULL)
		return -1;
	if (b == NULL)
		return 1;
	return strcmp(a, b);
}

static double
tolerance(double b)
{
	return 1e-9 * fmax(fabs(b), 1.0);
}

bool
mkg__above(double x, double b)
{
	return x > b + tolerance(b);
}

bool
mkg__below(double x, double b)
{
	return x < b - tolerance(b);
}

static const char *const levels_names[] = { "separate", "pooled" };
static const char *const region_split_names[] = { "none", "seller", "buyer" };

const char *
mkg__levels_name(mkg_levels levels)
{
	return (unsigned)levels < G_N_ELEMENTS(levels_names) ? levels_names[levels] : NULL;
}

const char *
mkg__region_split_name(mkg_region_split split)
{
	return (unsigned)split < G_N_ELEMENTS(region_split_names) ? region_split_names[split]
	                                                          : NULL;
}

int
mkg__check_levels(int levels)
{
	if (levels != MKG_LEVELS_SEPARATE && levels != MKG_LEVELS_POOLED)
		return mkg__error(MKG_EINVAL, "levels: must be 0 (separate) or 1 (pooled), got %d",
		                  levels);
	return MKG_OK;
}

int
mkg__check_region_split(int split)
{
	if (split < MKG_REGION_NONE || split > MKG_REGION_BUYER)
		return mkg__error(MKG_EINVAL,
		                  "split_by_region: must be 0 (none), 1 (seller) or 2 (buyer), got %d",
		                  split);
	return MKG_OK;
}

/* A level's place in chain order: its kind's when it is a kind name. */
static int
level_kind_rank(const char *level)
{
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		if (strcmp(level, mkg_actor_kind_name((mkg_actor_kind)k)) == 0)
			return k;
	return MKG_ACTOR_KIND_COUNT;
}

int
mkg__level_cmp(const char *a, const char *b)
{
	int ra, rb;

	if (a == b)
		return 0;
	if (a == NULL || b == NULL)
		return a == NULL ? -1 : 1;
	ra = level_kind_rank(a);
	rb = level_kind_rank(b);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a, b);
}
