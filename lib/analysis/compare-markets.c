/* marketgraph: markets and coalition verdicts side by side (the
 * concentration and coalition results of each side, matched by commodity,
 * level, region, service and side; the period is what differs).
 * SPDX-License-Identifier: MIT */
#include "compare-private.h"

#include <string.h>

/* A market side's key and where it is on each side (index into the
 * concentration result, MKG_NONE when absent). */
typedef struct slot {
	size_t at[2];
	mkg_side side;
	size_t order; /* first seen: before's order, then after's new ones */
} slot;

static void
fill(mkg_compare_concentration *x, const mkg_concentration *conc, size_t i, mkg_side side)
{
	const mkg_market_side *ms;

	if (i == MKG_NONE) {
		*x = (mkg_compare_concentration){ 0, MKG_ABSENT, MKG_ABSENT, 0, MKG_CLASS_EMPTY,
			                          MKG_ABSENT };
		return;
	}
	ms = mkg_concentration_side(conc, i, side);
	*x = (mkg_compare_concentration){ 1, ms->hhi, ms->cr4, ms->firms, ms->concentration,
		                          ms->total };
}

/* Record which actors are on which market side (crowding in) and which
 * markets held a programme's target (before). */
static void
index_entries(mkg__cmp_side *s, const char *key, size_t i, mkg_side side)
{
	const mkg_market_side *ms = mkg_concentration_side(s->conc, i, side);

	for (size_t k = 0; k < ms->actors; k++) {
		const char *actor = ms->shares[k].actor;

		g_hash_table_add(s->entries, g_strconcat(key, MKG__KEY_SEP, side ? "b" : "s",
		                                         MKG__KEY_SEP, actor, NULL));
		if (g_hash_table_contains(s->targeted, actor))
			g_hash_table_add(s->markets_with_target, g_strdup(key));
	}
}

/* The market order of concentration results: by commodity, level in chain
 * order, region, service, then side. */
static int
kind_rank(const char *level)
{
	mkg_actor_kind k;

	if (level != NULL && mkg_actor_kind_from_name(level, &k) == MKG_OK)
		return (int)k;
	return MKG_ACTOR_KIND_COUNT;
}

static int
cmp_nullable(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static gint
cmp_market(gconstpointer pa, gconstpointer pb)
{
	const mkg_compare_market *a = pa, *b = pb;
	int r;

	if ((r = strcmp(a->commodity, b->commodity)) != 0)
		return r;
	if ((r = kind_rank(a->level) - kind_rank(b->level)) != 0)
		return r;
	if ((r = cmp_nullable(a->level, b->level)) != 0)
		return r;
	if ((r = cmp_nullable(a->region, b->region)) != 0)
		return r;
	if (a->service != b->service)
		return a->service - b->service;
	return (int)a->side - (int)b->side;
}

int
mkg__cmp_markets(mkg_compare *c, mkg__cmp_side s[2], const char *thresholds)
{
	mkg_concentration_options co = MKG_CONCENTRATION_OPTIONS_INIT;
	GHashTable *slots = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GPtrArray *order = g_ptr_array_new();
	int rc;

	co.thresholds = thresholds;
	for (int side = 0; side < 2; side++) {
		if ((rc = mkg_concentration_new(&s[side].conc, s[side].m, &co)) != MKG_OK) {
			char *msg = g_strdup(mkg_error_message());

			rc = mkg__error(rc, "%s: %s", side ? "after" : "before", msg);
			g_free(msg);
			g_hash_table_destroy(slots);
			g_ptr_array_free(order, TRUE);
			return rc;
		}
		s[side].entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		s[side].markets_with_target = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                                                    NULL);
	}
	for (int side = 0; side < 2; side++) {
		size_t n = mkg_concentration_market_count(s[side].conc);

		for (size_t i = 0; i < n; i++) {
			const mkg_market *mk = mkg_concentration_market_at(s[side].conc, i);
			char *key = mkg__cmp_market_key(mk->commodity, mk->level, mk->region,
			                                mk->service);

			for (int sd = 0; sd < 2; sd++) {
				char *k2 = g_strconcat(key, MKG__KEY_SEP, sd ? "b" : "s", NULL);
				slot *sl = g_hash_table_lookup(slots, k2);

				if (sl == NULL) {
					sl = g_new(slot, 1);
					sl->at[0] = sl->at[1] = MKG_NONE;
					sl->side = sd;
					sl->order = order->len;
					g_hash_table_insert(slots, k2, sl);
					g_ptr_array_add(order, sl);
				} else {
					g_free(k2);
				}
				sl->at[side] = i;
				index_entries(&s[side], key, i, sd);
			}
			g_free(key);
		}
	}
	/* the after side's new markets come after the before side's: sort by
	 * market (commodity, level, region, service) as the concentration does */
	for (guint k = 0; k < order->len; k++) {
		const slot *sl = g_ptr_array_index(order, k);
		int side = sl->at[0] != MKG_NONE ? 0 : 1;
		const mkg_market *mk = mkg_concentration_market_at(s[side].conc, sl->at[side]);
		mkg_compare_market row;

		memset(&row, 0, sizeof row);
		row.commodity = mkg__cmp_str(c, mk->commodity);
		row.level = mkg__cmp_str(c, mk->level);
		row.region = mkg__cmp_str(c, mk->region);
		row.service = mk->service;
		row.side = sl->side;
		row.change = sl->at[0] == MKG_NONE   ? MKG_CHANGE_ENTERING
		             : sl->at[1] == MKG_NONE ? MKG_CHANGE_LEAVING
		                                     : MKG_CHANGE_SAME;
		fill(&row.before, s[0].conc, sl->at[0], sl->side);
		fill(&row.after, s[1].conc, sl->at[1], sl->side);
		row.hhi_change = row.after.hhi - row.before.hhi;
		row.cr4_change = row.after.cr4 - row.before.cr4;
		g_array_append_val(c->markets, row);
	}
	g_hash_table_destroy(slots);
	g_ptr_array_free(order, TRUE);
	g_array_sort(c->markets, cmp_market);
	return MKG_OK;
}

/* ---- coalitions ---------------------------------------------------------------- */

typedef struct verdict {
	const mkg_coalition_market *row[2];
	const char *group;
} verdict;

int
mkg__cmp_coalitions(mkg_compare *c, mkg__cmp_side s[2])
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GPtrArray *order = g_ptr_array_new();

	for (int side = 0; side < 2; side++) {
		const mkg_coalitions *co = s[side].coal;

		for (size_t i = 0; i < mkg_coalitions_count(co); i++) {
			const char *group = mkg_coalitions_group(co, i);

			if (group == NULL)
				continue;
			for (size_t k = 0; k < mkg_coalitions_market_count(co, i); k++) {
				const mkg_coalition_market *r = mkg_coalitions_market_at(co, i, k);
				char *mk = mkg__cmp_market_key(r->commodity, r->level, r->region,
				                               r->service);
				char *key = g_strconcat(group, MKG__KEY_SEP, mk, MKG__KEY_SEP,
				                        r->side ? "b" : "s", NULL);
				verdict *v = g_hash_table_lookup(seen, key);

				g_free(mk);
				if (v == NULL) {
					v = g_new0(verdict, 1);
					v->group = group;
					g_hash_table_insert(seen, key, v);
					g_ptr_array_add(order, v);
				} else {
					g_free(key);
				}
				v->row[side] = r;
			}
		}
	}
	for (guint k = 0; k < order->len; k++) {
		const verdict *v = g_ptr_array_index(order, k);
		const mkg_coalition_market *r = v->row[0] ? v->row[0] : v->row[1];
		int before = v->row[0] ? v->row[0]->presumed_harmful : -1;
		int after = v->row[1] ? v->row[1]->presumed_harmful : -1;
		mkg_compare_coalition row;

		/* a verdict changed when it is harmful on one side only */
		if ((before == 1) == (after == 1))
			continue;
		row.group = mkg__cmp_str(c, v->group);
		row.commodity = mkg__cmp_str(c, r->commodity);
		row.level = mkg__cmp_str(c, r->level);
		row.region = mkg__cmp_str(c, r->region);
		row.side = r->side;
		row.before = before;
		row.after = after;
		row.delta_before = v->row[0] ? v->row[0]->delta : MKG_ABSENT;
		row.delta_after = v->row[1] ? v->row[1]->delta : MKG_ABSENT;
		g_array_append_val(c->coalitions, row);
	}
	g_hash_table_destroy(seen);
	g_ptr_array_free(order, TRUE);
	return MKG_OK;
}
