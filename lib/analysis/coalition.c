/* marketgraph: coalition what-if.
 *
 * Treating a set of actors as one firm changes the HHI of a market side by
 * delta = 10^4 * ((sum a_i)^2 - sum a_i^2 / N_i) / T^2 (N_i: the firms
 * member i counts as; members that are a competitive fringe are left out,
 * so that the verdict never rests on a fringe's share) over the members' amounts
 * a_i (= 2 x 10^4 sum_{i<j} s_i s_j), so a coalition only needs its members'
 * firm entries: an index actor -> entries makes each coalition cost the
 * entries of its members, not the size of the markets.
 *
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"

#include <string.h>

/* The 2023 U.S. Merger Guidelines, section 2.1: a merger is presumed to
 * lessen competition when delta > 100 and the HHI after > 1,800, or when
 * delta > 100 and the merged firm's share > 30%. */
#define PRESUMPTION_DELTA 100.0
#define PRESUMPTION_HHI 1800.0
#define PRESUMPTION_SHARE 0.30

typedef struct coalition {
	const char *group;      /* NULL for the caller's coalition */
	size_t first_member, member_count;
	size_t first_market, market_count;
	bool harmful;
} coalition;

struct mkg_coalitions {
	GStringChunk *strings;
	GArray *items;          /* coalition */
	GPtrArray *members;     /* const char *, slices of it */
	GArray *markets;        /* mkg_coalition_market, slices of it */
};

MKG_DEFINE_INIT(mkg_coalitions_options_init, mkg_coalitions_options, opts, MKG_COALITIONS_OPTIONS)

int
mkg__resolve_actor_ids(const mkg_model *m, const char *what, const char *const *ids,
                       size_t count, GArray **out)
{
	GArray *list = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);

	for (size_t i = 0; i < count; i++) {
		mkg_idx a = ids[i] ? mkg__model_actor_lookup(m, ids[i]) : MKG_IDX_NONE;
		char quoted[MKG_QUOTE_BUFSIZE];

		if (a == MKG_IDX_NONE) {
			g_hash_table_destroy(seen);
			g_array_free(list, TRUE);
			if (ids[i] == NULL)
				return mkg__error(MKG_EINVAL, "%s: id %zu is NULL", what, i);
			return mkg__error(MKG_EINVAL, "%s: unknown actor %s", what,
			                  mkg__quote(quoted, ids[i]));
		}
		if (g_hash_table_add(seen, GUINT_TO_POINTER(a + 1u)))
			g_array_append_val(list, a);
	}
	g_hash_table_destroy(seen);
	*out = list;
	return MKG_OK;
}

/* ---- the index actor -> firm entries ------------------------------------- */

typedef struct entry_index {
	uint32_t *start;  /* [actors + 1] */
	uint32_t *entry;  /* positions in c->shares, grouped by actor */
	uint32_t *slot;   /* [share_count] market * 2 + side of each position */
} entry_index;

static void
index_build(entry_index *ix, const mkg_model *m, const mkg_concentration *c)
{
	const uint32_t n_actors = m->actors->len;
	uint32_t *fill;

	ix->start = g_new0(uint32_t, (size_t)n_actors + 1);
	ix->entry = g_new(uint32_t, c->share_count + 1);
	ix->slot = g_new(uint32_t, c->share_count + 1);
	for (size_t i = 0; i < c->count; i++)
		for (int side = 0; side < 2; side++) {
			const mkg_market_side *s = &c->markets[i].side[side];
			size_t first = (size_t)(s->shares - c->shares);
			for (size_t k = 0; k < s->actors; k++)
				ix->slot[first + k] = (uint32_t)(i * 2 + (size_t)side);
		}
	for (size_t p = 0; p < c->share_count; p++)
		ix->start[c->share_actor[p] + 1]++;
	for (uint32_t a = 0; a < n_actors; a++)
		ix->start[a + 1] += ix->start[a];
	fill = g_memdup2(ix->start, sizeof(uint32_t) * ((size_t)n_actors + 1));
	for (size_t p = 0; p < c->share_count; p++)
		ix->entry[fill[c->share_actor[p]]++] = (uint32_t)p;
	g_free(fill);
}

static void
index_clear(entry_index *ix)
{
	g_free(ix->start);
	g_free(ix->entry);
	g_free(ix->slot);
}

/* ---- one coalition -------------------------------------------------------- */

typedef struct accum {
	uint32_t *stamp;  /* [2 * markets] */
	double *sum;      /* members' amounts */
	double *wsum;     /* members' amounts / unit */
	double *wsq;      /* members' (amount / unit)^2 / N */
	double *fringe;   /* fringe members' amounts, left out of the verdict */
	uint32_t current;
	GArray *touched;  /* uint32_t slots */
} accum;

/* Slots by market, then side in byte order of its name: "buyer" < "seller". */
static gint
slot_cmp(gconstpointer a, gconstpointer b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	uint32_t mx = x / 2, my = y / 2;

	if (mx != my)
		return mx < my ? -1 : 1;
	/* side 1 (buyer) first */
	return (int)(y % 2) - (int)(x % 2);
}

static const char *
copy(mkg_coalitions *r, const char *s)
{
	return s ? g_string_chunk_insert_const(r->strings, s) : NULL;
}

static gint
id_cmp(gconstpointer a, gconstpointer b, gpointer data)
{
	const mkg_model *m = data;

	return strcmp(MKG_ACTOR(m, *(const mkg_idx *)a)->id, MKG_ACTOR(m, *(const mkg_idx *)b)->id);
}

static void
add_coalition(mkg_coalitions *r, const mkg_model *m, const mkg_concentration *c,
              const entry_index *ix, accum *acc, const char *group, GArray *members)
{
	coalition item = { copy(r, group), r->members->len, members->len, r->markets->len, 0,
	                   false };

	g_array_sort_with_data(members, id_cmp, (gpointer)m);
	for (guint k = 0; k < members->len; k++)
		g_ptr_array_add(r->members,
		                (char *)copy(r, MKG_ACTOR(m, g_array_index(members, mkg_idx, k))->id));

	acc->current++;
	g_array_set_size(acc->touched, 0);
	for (guint k = 0; k < members->len; k++) {
		mkg_idx a = g_array_index(members, mkg_idx, k);
		for (uint32_t e = ix->start[a]; e < ix->start[a + 1]; e++) {
			uint32_t p = ix->entry[e], slot = ix->slot[p];
			const mkg__conc_market *cm = &c->markets[slot / 2];
			const mkg_firm_share *f = &c->shares[p];
			double amount = f->amount, w = amount / cm->extra[slot % 2].unit;
			if (acc->stamp[slot] != acc->current) {
				acc->stamp[slot] = acc->current;
				acc->sum[slot] = acc->wsum[slot] = acc->wsq[slot] = 0.0;
				acc->fringe[slot] = 0.0;
				g_array_append_val(acc->touched, slot);
			}
			if (f->fringe) {
				acc->fringe[slot] += amount;
				continue;
			}
			acc->sum[slot] += amount;
			acc->wsum[slot] += w;
			acc->wsq[slot] += f->firms == 1 ? w * w : w * w / (double)f->firms;
		}
	}
	g_array_sort(acc->touched, slot_cmp);

	for (guint k = 0; k < acc->touched->len; k++) {
		uint32_t slot = g_array_index(acc->touched, uint32_t, k);
		const mkg__conc_market *cm = &c->markets[slot / 2];
		const mkg_market_side *s = &cm->side[slot % 2];
		const mkg__side_extra *x = &cm->extra[slot % 2];
		double wt = s->total / x->unit, s2 = acc->wsum[slot] * acc->wsum[slot];
		mkg_coalition_market row;

		row.commodity = copy(r, cm->pub.commodity);
		row.level = copy(r, cm->pub.level);
		row.fringe_share = acc->fringe[slot] / s->total;
		row.period = copy(r, cm->pub.period);
		row.region = copy(r, cm->pub.region);
		row.service = cm->pub.service;
		row.side = (mkg_side)(slot % 2);
		row.share = acc->sum[slot] / s->total;
		row.hhi_before = s->hhi;
		/* from sums of squares, not from the difference of two HHIs: a
		 * coalition of one has delta exactly 0 */
		row.delta = 1e4 * (s2 - acc->wsq[slot]) / (wt * wt);
		row.hhi_after = row.delta == 0.0 ? s->hhi
		                                  : 1e4 * (x->sum_sq - acc->wsq[slot] + s2) / (wt * wt);
		row.presumed_harmful = mkg__above(row.delta, PRESUMPTION_DELTA) &&
		                       (mkg__above(row.hhi_after, PRESUMPTION_HHI) ||
		                        mkg__above(row.share, PRESUMPTION_SHARE));
		item.harmful = item.harmful || row.presumed_harmful;
		g_array_append_val(r->markets, row);
	}
	item.market_count = r->markets->len - item.first_market;
	g_array_append_val(r->items, item);
}

/* ---- every group ---------------------------------------------------------- */

typedef struct group_list {
	mkg_idx *groups;     /* distinct group actors, by id */
	uint32_t count;
	uint32_t *start;     /* [count + 1] members of groups[g] are member[start[g] ..] */
	mkg_idx *member;
} group_list;

static void
groups_build(group_list *gl, const mkg_model *m)
{
	const uint32_t n_ms = m->memberships->len, n_actors = m->actors->len;
	uint32_t *slot = g_new(uint32_t, n_actors ? n_actors : 1);
	uint32_t *fill;
	GArray *groups = g_array_new(FALSE, FALSE, sizeof(mkg_idx));

	/* distinct groups, sorted by id; slot[actor] = its position */
	for (uint32_t i = 0; i < n_actors; i++)
		slot[i] = UINT32_MAX;
	for (uint32_t i = 0; i < n_ms; i++) {
		mkg_idx g = MKG_MEMBERSHIP(m, i)->group;
		if (slot[g] == UINT32_MAX) {
			slot[g] = 0;
			g_array_append_val(groups, g);
		}
	}
	g_array_sort_with_data(groups, id_cmp, (gpointer)m);
	gl->count = groups->len;
	gl->groups = (mkg_idx *)(void *)g_array_free(groups, FALSE);
	for (uint32_t k = 0; k < gl->count; k++)
		slot[gl->groups[k]] = k;

	/* counting sort of the non-supervisor memberships by group */
	gl->start = g_new0(uint32_t, (size_t)gl->count + 1);
	gl->member = g_new(mkg_idx, n_ms ? n_ms : 1);
	for (uint32_t i = 0; i < n_ms; i++) {
		const mkg_membership_rec *ms = MKG_MEMBERSHIP(m, i);
		if (ms->role == NULL || strcmp(ms->role, "supervisor") != 0)
			gl->start[slot[ms->group] + 1]++;
	}
	for (uint32_t k = 0; k < gl->count; k++)
		gl->start[k + 1] += gl->start[k];
	fill = g_memdup2(gl->start, sizeof(uint32_t) * ((size_t)gl->count + 1));
	for (uint32_t i = 0; i < n_ms; i++) {
		const mkg_membership_rec *ms = MKG_MEMBERSHIP(m, i);
		if (ms->role == NULL || strcmp(ms->role, "supervisor") != 0)
			gl->member[fill[slot[ms->group]]++] = ms->member;
	}
	g_free(fill);
	g_free(slot);
}

static void
groups_clear(group_list *gl)
{
	g_free(gl->groups);
	g_free(gl->start);
	g_free(gl->member);
}

mkg_coalitions *
mkg__coalitions_compute(const mkg_model *m, const mkg_concentration *c, const mkg_idx *custom,
                        size_t custom_count, bool with_groups)
{
	mkg_coalitions *r = g_new0(mkg_coalitions, 1);
	size_t slots = 2 * c->count + 1;
	GArray *members = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
	entry_index ix;
	accum acc;

	r->strings = g_string_chunk_new(4096);
	r->items = g_array_new(FALSE, FALSE, sizeof(coalition));
	r->members = g_ptr_array_new();
	r->markets = g_array_new(FALSE, FALSE, sizeof(mkg_coalition_market));

	index_build(&ix, m, c);
	acc.stamp = g_new0(uint32_t, slots);
	acc.sum = g_new(double, slots);
	acc.wsum = g_new(double, slots);
	acc.wsq = g_new(double, slots);
	acc.fringe = g_new(double, slots);
	acc.current = 0;
	acc.touched = g_array_new(FALSE, FALSE, sizeof(uint32_t));

	if (custom != NULL) {
		g_array_append_vals(members, custom, (guint)custom_count);
		add_coalition(r, m, c, &ix, &acc, NULL, members);
	}
	if (with_groups) {
		group_list gl;
		groups_build(&gl, m);
		for (uint32_t g = 0; g < gl.count; g++) {
			g_array_set_size(members, 0);
			g_array_append_vals(members, gl.member + gl.start[g],
			                    gl.start[g + 1] - gl.start[g]);
			add_coalition(r, m, c, &ix, &acc, MKG_ACTOR(m, gl.groups[g])->id, members);
		}
		groups_clear(&gl);
	}

	g_array_free(acc.touched, TRUE);
	g_free(acc.stamp);
	g_free(acc.sum);
	g_free(acc.wsum);
	g_free(acc.wsq);
	g_free(acc.fringe);
	index_clear(&ix);
	g_array_free(members, TRUE);
	return r;
}

int
mkg_coalitions_new(mkg_coalitions **out, const mkg_model *model,
                   const mkg_coalitions_options *opts)
{
	mkg_coalitions_options o;
	GArray *custom = NULL;
	mkg_thresholds t;
	mkg_concentration *c;
	mkg__markets mk;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_coalitions_new", mkg_coalitions_options, MKG_COALITIONS_OPTIONS,
	                    opts, &o);
	opts = &o;
	if ((rc = mkg__check_measure(opts->measure)) != MKG_OK ||
	    (rc = mkg__check_levels((int)opts->levels)) != MKG_OK ||
	    (rc = mkg__check_region_split((int)opts->split_by_region)) != MKG_OK)
		return rc;
	if (opts->actor_count > 0 && opts->actors == NULL)
		return mkg__error(MKG_EINVAL, "coalition: %zu ids announced but the list is NULL",
		                  opts->actor_count);
	if (opts->actors != NULL &&
	    (rc = mkg__resolve_actor_ids(model, "coalition", opts->actors, opts->actor_count,
	                                 &custom)) != MKG_OK)
		return rc;

	/* the presumption does not depend on a threshold set */
	(void)mkg__thresholds_resolve(NULL, NULL, &t);
	if ((rc = mkg__markets_build(&mk, model, opts->measure, opts->levels,
	                             opts->split_by_region, "coalitions", 1)) == MKG_OK) {
		rc = mkg__concentration_compute(&c, model, &mk, &t, "coalitions", 1);
		mkg__markets_clear(&mk);
	}
	if (rc != MKG_OK) {
		if (custom != NULL)
			g_array_free(custom, TRUE);
		return rc;
	}
	*out = mkg__coalitions_compute(model, c,
	                               custom ? (const mkg_idx *)(void *)custom->data : NULL,
	                               custom ? custom->len : 0, !opts->no_groups);
	mkg_concentration_free(c);
	if (custom != NULL)
		g_array_free(custom, TRUE);
	return MKG_OK;
}

void
mkg_coalitions_free(mkg_coalitions *c)
{
	if (c == NULL)
		return;
	g_array_free(c->items, TRUE);
	g_ptr_array_free(c->members, TRUE);
	g_array_free(c->markets, TRUE);
	g_string_chunk_free(c->strings);
	g_free(c);
}

/* ---- accessors ----------------------------------------------------------- */

static const coalition *
item_at(const mkg_coalitions *c, size_t i)
{
	return c && i < c->items->len ? &g_array_index(c->items, coalition, i) : NULL;
}

size_t
mkg_coalitions_count(const mkg_coalitions *c)
{
	return c ? c->items->len : 0;
}

const char *
mkg_coalitions_group(const mkg_coalitions *c, size_t i)
{
	const coalition *it = item_at(c, i);

	return it ? it->group : NULL;
}

size_t
mkg_coalitions_member_count(const mkg_coalitions *c, size_t i)
{
	const coalition *it = item_at(c, i);

	return it ? it->member_count : 0;
}

const char *
mkg_coalitions_member_at(const mkg_coalitions *c, size_t i, size_t k)
{
	const coalition *it = item_at(c, i);

	if (it == NULL || k >= it->member_count)
		return NULL;
	return g_ptr_array_index(c->members, it->first_member + k);
}

size_t
mkg_coalitions_market_count(const mkg_coalitions *c, size_t i)
{
	const coalition *it = item_at(c, i);

	return it ? it->market_count : 0;
}

const mkg_coalition_market *
mkg_coalitions_market_at(const mkg_coalitions *c, size_t i, size_t k)
{
	const coalition *it = item_at(c, i);

	if (it == NULL || k >= it->market_count)
		return NULL;
	return &g_array_index(c->markets, mkg_coalition_market, it->first_market + k);
}

int
mkg_coalitions_presumed_harmful(const mkg_coalitions *c, size_t i)
{
	const coalition *it = item_at(c, i);

	return it && it->harmful;
}
