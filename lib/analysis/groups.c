/* marketgraph: membership groups (analyses.md, 5).  The shares and the
 * what-if come from the coalition analysis (coalition.c); this file adds
 * who the members are, who supervises, and how many buyers are members.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_groups {
	GStringChunk *strings;
	mkg_coalitions *coalitions; /* owns the rows that markets[].seller/buyer point to */
	size_t count;
	mkg_group *groups;
	const char **ids;           /* members and supervisors of every group, one slice each */
	mkg_group_market *markets;  /* markets of every group, one slice each */
};

MKG_DEFINE_INIT(mkg_groups_options_init, mkg_groups_options, opts, MKG_GROUPS_OPTIONS)

static bool
is_supervisor(const mkg_membership_rec *ms)
{
	return ms->role != NULL && strcmp(ms->role, "supervisor") == 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The market of c with this key, or NULL. */
static const mkg__conc_market *
find_market(const mkg_concentration *c, const mkg_coalition_market *key)
{
	size_t lo = 0, hi = c->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const mkg_market *pm = &c->markets[mid].pub;
		int d;

		if ((d = strcmp(key->commodity, pm->commodity)) == 0 &&
		    (d = mkg__level_cmp(key->level, pm->level)) == 0 &&
		    (d = mkg__strcmp_null(key->period, pm->period)) == 0 &&
		    (d = mkg__strcmp_null(key->region, pm->region)) == 0)
			d = (key->service != 0) - (pm->service != 0);
		if (d == 0)
			return &c->markets[mid];
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static bool
same_market(const mkg_coalition_market *a, const mkg_coalition_market *b)
{
	return strcmp(a->commodity, b->commodity) == 0 &&
	       mkg__strcmp_null(a->level, b->level) == 0 &&
	       mkg__strcmp_null(a->period, b->period) == 0 &&
	       mkg__strcmp_null(a->region, b->region) == 0 && (a->service != 0) == (b->service != 0);
}

/* The markets each actor buys in: a CSR over the model's actors of the
 * indices of the concentration markets where it has a buyer's share.  Built
 * once, so that counting a group's member buyers costs its members' own
 * markets, not every buyer of every market the group trades in (a group in
 * a market of a million buyers, times the groups). */
typedef struct buyer_markets {
	uint32_t *start; /* [actors + 1] */
	uint32_t *list;  /* market indices */
	uint32_t *count; /* [markets] members of the current group buying there */
} buyer_markets;

/* The model actor index of every buyer of market k, in share order. */
static const mkg_idx *
market_buyers(const mkg_concentration *c, size_t k, size_t *n)
{
	const mkg_market_side *buyers = &c->markets[k].side[MKG_SIDE_BUYER];

	*n = buyers->actors;
	return c->share_actor + (buyers->shares - c->shares);
}

static void
buyer_markets_build(buyer_markets *bm, const mkg_model *m, const mkg_concentration *c)
{
	const size_t actors = m->actors->len;
	const mkg_idx *a;
	uint32_t *fill;
	size_t n;

	bm->start = g_new0(uint32_t, actors + 1);
	bm->count = g_new0(uint32_t, c->count ? c->count : 1);
	for (size_t k = 0; k < c->count; k++)
		for (a = market_buyers(c, k, &n); n > 0; n--, a++)
			bm->start[*a + 1]++;
	for (size_t v = 0; v < actors; v++)
		bm->start[v + 1] += bm->start[v];
	bm->list = g_new(uint32_t, bm->start[actors] ? bm->start[actors] : 1);
	fill = g_memdup2(bm->start, sizeof(uint32_t) * (actors + 1));
	for (size_t k = 0; k < c->count; k++)
		for (a = market_buyers(c, k, &n); n > 0; n--, a++)
			bm->list[fill[*a]++] = (uint32_t)k;
	g_free(fill);
}

static void
buyer_markets_free(buyer_markets *bm)
{
	g_free(bm->start);
	g_free(bm->list);
	g_free(bm->count);
}

/* count[k] += 1 for every market k a member buys in (add 1) or back to 0
 * (add 0). */
static void
count_member_buyers(buyer_markets *bm, const mkg_model *m, const mkg_coalitions *co, size_t i,
                    bool add)
{
	size_t nm = mkg_coalitions_member_count(co, i);

	for (size_t k = 0; k < nm; k++) {
		mkg_idx a = mkg__model_actor_lookup(m, mkg_coalitions_member_at(co, i, k));

		for (uint32_t j = bm->start[a]; j < bm->start[a + 1]; j++)
			bm->count[bm->list[j]] = add ? bm->count[bm->list[j]] + 1 : 0;
	}
}

/* The markets of coalition i: one row per market, both sides together;
 * bm->count holds the coalition's member buyers per market. */
static void
add_markets(GArray *markets, const mkg_coalitions *co, size_t i, const mkg_concentration *c,
            const buyer_markets *bm)
{
	size_t n = mkg_coalitions_market_count(co, i);

	for (size_t k = 0; k < n;) {
		const mkg_coalition_market *cm = mkg_coalitions_market_at(co, i, k);
		const mkg__conc_market *market = find_market(c, cm);
		mkg_group_market row = { 0 };

		row.commodity = cm->commodity;
		row.level = cm->level;
		row.period = cm->period;
		row.region = cm->region;
		row.service = cm->service;
		for (; k < n && same_market(mkg_coalitions_market_at(co, i, k), cm); k++) {
			const mkg_coalition_market *side = mkg_coalitions_market_at(co, i, k);
			if (side->side == MKG_SIDE_SELLER)
				row.seller = side;
			else
				row.buyer = side;
		}
		if (market != NULL) {
			row.buyers = market->side[MKG_SIDE_BUYER].actors;
			row.member_buyers = bm->count[market - c->markets];
		}
		row.member_buyer_share = row.buyers > 0 ? (double)row.member_buyers / (double)row.buyers
		                                        : MKG_ABSENT;
		g_array_append_val(markets, row);
	}
}

/* Per group actor: its supervisors' ids, whether one is a public agency, and
 * its members' households. */
typedef struct group_extra {
	GPtrArray *supervisors;
	bool supervised;
	int64_t households;
} group_extra;

static void
extra_free(gpointer p)
{
	group_extra *e = p;

	g_ptr_array_free(e->supervisors, TRUE);
	g_free(e);
}

/* The extras of every group; MKG_EDATA (*out untouched) when a group's
 * households overflow. */
static int
collect_extras(const mkg_model *m, GHashTable **out)
{
	GHashTable *extras = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, extra_free);

	for (guint i = 0; i < m->memberships->len; i++) {
		const mkg_membership_rec *ms = MKG_MEMBERSHIP(m, i);
		const mkg_actor_rec *g = MKG_ACTOR(m, ms->group), *a = MKG_ACTOR(m, ms->member);
		group_extra *e = g_hash_table_lookup(extras, g->id);

		if (e == NULL) {
			e = g_new0(group_extra, 1);
			e->supervisors = g_ptr_array_new();
			g_hash_table_insert(extras, (gpointer)g->id, e);
		}
		if (is_supervisor(ms)) {
			g_ptr_array_add(e->supervisors, (gpointer)a->id);
			e->supervised |= a->kind == MKG_ACTOR_PUBLIC_AGENCY;
		} else if (a->households > 0 && !mkg__count_add(&e->households, a->households)) {
			g_hash_table_destroy(extras);
			return mkg__error(MKG_EDATA,
			                  "groups: the households of group \"%s\" overflow (sum of the "
			                  "members' households exceeds " MKG_COUNT_LIMIT ")",
			                  g->id);
		}
	}
	*out = extras;
	return MKG_OK;
}

int
mkg__groups_compute(mkg_groups **out, const mkg_model *m, const mkg_concentration *c)
{
	GHashTable *extras = NULL;
	int rc = collect_extras(m, &extras);

	if (rc != MKG_OK)
		return rc;

	mkg_groups *g = g_new0(mkg_groups, 1);
	GPtrArray *ids = g_ptr_array_new();
	GArray *markets = g_array_new(FALSE, TRUE, sizeof(mkg_group_market));
	size_t *id_first, *market_first;
	size_t n;

	buyer_markets bm;

	g->strings = g_string_chunk_new(1024);
	g->coalitions = mkg__coalitions_compute(m, c, NULL, 0, true);
	buyer_markets_build(&bm, m, c);
	n = g->count = mkg_coalitions_count(g->coalitions);
	g->groups = g_new0(mkg_group, n ? n : 1);
	id_first = g_new(size_t, n + 1);
	market_first = g_new(size_t, n + 1);
	for (size_t i = 0; i < n; i++) {
		mkg_group *row = &g->groups[i];
		const char *gid = mkg_coalitions_group(g->coalitions, i);
		group_extra *e = g_hash_table_lookup(extras, gid);
		size_t nm = mkg_coalitions_member_count(g->coalitions, i);

		row->group = mkg__keep(g->strings, gid);
		row->kind = MKG_ACTOR(m, mkg__model_actor_lookup(m, gid))->kind;
		row->presumed_harmful = mkg_coalitions_presumed_harmful(g->coalitions, i);
		row->supervised = e->supervised;
		row->households = e->households;
		id_first[i] = ids->len;
		for (size_t k = 0; k < nm; k++) {
			const char *id = mkg_coalitions_member_at(g->coalitions, i, k);
			g_ptr_array_add(ids, (gpointer)id);
		}
		row->member_count = nm;
		g_ptr_array_sort(e->supervisors, cmp_str);
		for (guint k = 0; k < e->supervisors->len; k++)
			g_ptr_array_add(ids, (gpointer)mkg__keep(g->strings, e->supervisors->pdata[k]));
		row->supervisor_count = e->supervisors->len;
		market_first[i] = markets->len;
		count_member_buyers(&bm, m, g->coalitions, i, true);
		add_markets(markets, g->coalitions, i, c, &bm);
		count_member_buyers(&bm, m, g->coalitions, i, false);
		row->market_count = markets->len - market_first[i];
	}
	/* The pools are complete: point the rows into them. */
	g->ids = (const char **)g_ptr_array_free(ids, FALSE);
	g->markets = (mkg_group_market *)(void *)g_array_free(markets, FALSE);
	for (size_t i = 0; i < n; i++) {
		mkg_group *row = &g->groups[i];

		/* (empty pools may be NULL: no arithmetic on them) */
		if (row->member_count > 0)
			row->members = g->ids + id_first[i];
		if (row->supervisor_count > 0)
			row->supervisors = g->ids + id_first[i] + row->member_count;
		if (row->market_count > 0)
			row->markets = g->markets + market_first[i];
	}
	g_free(id_first);
	g_free(market_first);
	buyer_markets_free(&bm);
	g_hash_table_destroy(extras);
	*out = g;
	return MKG_OK;
}

int
mkg_groups_new(mkg_groups **out, const mkg_model *model, const mkg_groups_options *opts)
{
	mkg_groups_options o;
	mkg_thresholds t;
	mkg__markets mk;
	mkg_concentration *c;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_groups_new", mkg_groups_options, MKG_GROUPS_OPTIONS, opts, &o);
	if ((rc = mkg__check_measure(o.measure)) != MKG_OK ||
	    (rc = mkg__check_levels((int)o.levels)) != MKG_OK ||
	    (rc = mkg__check_region_split((int)o.split_by_region)) != MKG_OK ||
	    (rc = mkg__thresholds_resolve(NULL, NULL, &t)) != MKG_OK)
		return rc;
	if ((rc = mkg__markets_build(&mk, model, o.measure, o.levels, o.split_by_region,
	                             "groups", 1)) != MKG_OK)
		return rc;
	rc = mkg__concentration_compute(&c, model, &mk, &t, "groups", 1);
	mkg__markets_clear(&mk);
	if (rc != MKG_OK)
		return rc;
	rc = mkg__groups_compute(out, model, c);
	mkg_concentration_free(c);
	return rc;
}

void
mkg_groups_free(mkg_groups *g)
{
	if (g == NULL)
		return;
	mkg_coalitions_free(g->coalitions);
	g_free(g->groups);
	g_free(g->ids);
	g_free(g->markets);
	g_string_chunk_free(g->strings);
	g_free(g);
}

size_t
mkg_groups_count(const mkg_groups *g)
{
	return g ? g->count : 0;
}

const mkg_group *
mkg_groups_at(const mkg_groups *g, size_t i)
{
	return g && i < g->count ? &g->groups[i] : NULL;
}
