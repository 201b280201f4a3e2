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
mkg__actor_id_rank(const mkg_model *m)
{
	const uint32_t n = m->actors->len;
	mkg_idx *order = g_new(mkg_idx, n ? n : 1);
	uint32_t *rank = g_new(uint32_t, n ? n : 1);

	for (uint32_t a = 0; a < n; a++)
		order[a] = a;
	g_qsort_with_data(order, (gint)n, sizeof(mkg_idx), id_cmp, (gpointer)m);
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
