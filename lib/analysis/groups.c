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
	       mkg__strcmp_null(a->period, b->period) == 0 &&
	       mkg__strcmp_null(a->region, b->region) == 0 && (a->service != 0) == (b->service != 0);
}

/* The markets of coalition i: one row per market, both sides together. */
static void
add_markets(GArray *markets, const mkg_coalitions *co, size_t i, const mkg_concentration *c,
            GHashTable *members)
{
	size_t n = mkg_coalitions_market_count(co, i);

	for (size_t k = 0; k < n;) {
		const mkg_coalition_market *cm = mkg_coalitions_market_at(co, i, k);
		const mkg__conc_market *market = find_market(c, cm);
		mkg_group_market row = { 0 };

		row.commodity = cm->commodity;
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
			const mkg_market_side *buyers = &market->side[MKG_SIDE_BUYER];

			row.buyers = buyers->firms;
			for (size_t f = 0; f < buyers->firms; f++)
				row.member_buyers +=
					g_hash_table_contains(members, buyers->shares[f].actor);
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

static GHashTable *
collect_extras(const mkg_model *m)
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
		} else if (a->households > 0) {
			e->households += a->households;
		}
	}
	return extras;
}

mkg_groups *
mkg__groups_compute(const mkg_model *m, const mkg_concentration *c)
{
	mkg_groups *g = g_new0(mkg_groups, 1);
	GHashTable *extras = collect_extras(m);
	GPtrArray *ids = g_ptr_array_new();
	GArray *markets = g_array_new(FALSE, TRUE, sizeof(mkg_group_market));
	size_t *id_first, *market_first;
	size_t n;

	g->strings = g_string_chunk_new(1024);
	g->coalitions = mkg__coalitions_compute(m, c, NULL, 0, true);
	n = g->count = mkg_coalitions_count(g->coalitions);
	g->groups = g_new0(mkg_group, n ? n : 1);
	id_first = g_new(size_t, n + 1);
	market_first = g_new(size_t, n + 1);
	for (size_t i = 0; i < n; i++) {
		mkg_group *row = &g->groups[i];
		const char *gid = mkg_coalitions_group(g->coalitions, i);
		group_extra *e = g_hash_table_lookup(extras, gid);
		GHashTable *members = g_hash_table_new(g_str_hash, g_str_equal);
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
			g_hash_table_add(members, (gpointer)id);
		}
		row->member_count = nm;
		g_ptr_array_sort(e->supervisors, cmp_str);
		for (guint k = 0; k < e->supervisors->len; k++)
			g_ptr_array_add(ids, (gpointer)mkg__keep(g->strings, e->supervisors->pdata[k]));
		row->supervisor_count = e->supervisors->len;
		market_first[i] = markets->len;
		add_markets(markets, g->coalitions, i, c, members);
		row->market_count = markets->len - market_first[i];
		g_hash_table_destroy(members);
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
	g_hash_table_destroy(extras);
	return g;
}

int
mkg_groups_new(mkg_groups **out, const mkg_model *model, const mkg_groups_options *opts)
{
	const mkg_groups_options defaults = MKG_GROUPS_OPTIONS_INIT;
	mkg_thresholds t;
	mkg__markets mk;
	mkg_concentration *c;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	if (opts == NULL)
		opts = &defaults;
	if (opts->version != MKG_GROUPS_OPTIONS_VERSION)
		return mkg__error(MKG_EINVAL, "groups options: unknown version %u", opts->version);
	if ((rc = mkg__check_measure(opts->measure)) != MKG_OK ||
	    (rc = mkg__thresholds_resolve(NULL, NULL, &t)) != MKG_OK)
		return rc;
	mkg__markets_build(&mk, model, opts->measure, opts->split_by_region != 0);
	c = mkg__concentration_compute(model, &mk, &t);
	mkg__markets_clear(&mk);
	*out = mkg__groups_compute(model, c);
	mkg_concentration_free(c);
	return MKG_OK;
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

static void
write_ids(mkg_jw *w, const char *key, const char *const *ids, size_t n)
{
	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, true);
	for (size_t k = 0; k < n; k++)
		mkg__jw_string(w, ids[k]);
	mkg__jw_end_array(w);
}

/* One side of a market: the coalition what-if, or null. */
static void
write_side(mkg_jw *w, const char *key, const mkg_coalition_market *cm)
{
	mkg__jw_key(w, key);
	if (cm == NULL) {
		mkg__jw_null(w);
		return;
	}
	mkg__jw_begin_object(w, true);
	mkg__jw_kdouble(w, "share", cm->share);
	mkg__jw_kdouble(w, "hhi_before", cm->hhi_before);
	mkg__jw_kdouble(w, "hhi_after", cm->hhi_after);
	mkg__jw_kdouble(w, "delta", cm->delta);
	mkg__jw_kbool(w, "presumed_harmful", cm->presumed_harmful != 0);
	mkg__jw_end_object(w);
}

void
mkg__groups_write(mkg_jw *w, const mkg_groups *g)
{
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < g->count; i++) {
		const mkg_group *row = &g->groups[i];

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "group", row->group);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(row->kind));
		write_ids(w, "members", row->members, row->member_count);
		write_ids(w, "supervisors", row->supervisors, row->supervisor_count);
		mkg__jw_kbool(w, "supervised", row->supervised != 0);
		mkg__jw_kint(w, "households", row->households);
		mkg__jw_kbool(w, "presumed_harmful", row->presumed_harmful != 0);
		mkg__jw_key(w, "markets");
		mkg__jw_begin_array(w, false);
		for (size_t k = 0; k < row->market_count; k++) {
			const mkg_group_market *gm = &row->markets[k];

			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "commodity", gm->commodity);
			mkg__jw_kstring(w, "period", gm->period);
			mkg__jw_kstring(w, "region", gm->region);
			mkg__jw_kbool(w, "service", gm->service != 0);
			write_side(w, "seller", gm->seller);
			write_side(w, "buyer", gm->buyer);
			mkg__jw_kint(w, "buyers", (int64_t)gm->buyers);
			mkg__jw_kint(w, "member_buyers", (int64_t)gm->member_buyers);
			mkg__jw_kdouble(w, "member_buyer_share", gm->member_buyer_share);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_groups_write_json(const mkg_groups *g, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(g);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__groups_write(w, g);
	return mkg__m4p_finish(w, out, len);
}

static void
text_side(GString *out, const char *what, const mkg_coalition_market *cm)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	if (cm == NULL)
		return;
	/* HHI to the unit, as the guidelines state their thresholds */
	g_ascii_formatd(b, MKG_DOUBLE_BUFSIZE, "%.0f", cm->hhi_before);
	g_ascii_formatd(c, MKG_DOUBLE_BUFSIZE, "%.0f", cm->hhi_after);
	g_string_append_printf(out, "; as %s %s of the market, HHI %s -> %s%s", what,
	                       mkg__text_percent(a, cm->share), b, c,
	                       cm->presumed_harmful ? " PRESUMED HARMFUL" : "");
}

void
mkg__groups_text(GString *out, const mkg_groups *g, const mkg__labels *l)
{
	char a[MKG_DOUBLE_BUFSIZE];

	if (g->count == 0)
		return;
	mkg__m4p_heading(out, "Groups (memberships)");
	for (size_t i = 0; i < g->count; i++) {
		const mkg_group *row = &g->groups[i];

		g_string_append_printf(out, "%s (%s): %zu members, %" G_GINT64_FORMAT
		                       " households, %s", mkg__label(l, row->group),
		                       mkg_actor_kind_name(row->kind), row->member_count,
		                       row->households,
		                       row->supervised ? "supervised by" : "NOT supervised by a public "
		                                                           "agency");
		for (size_t k = 0; row->supervised && k < row->supervisor_count; k++)
			g_string_append_printf(out, "%s %s", k ? "," : "",
			                       mkg__label(l, row->supervisors[k]));
		g_string_append_printf(out, "%s\n", row->presumed_harmful ? "; PRESUMED HARMFUL as "
		                                                            "one firm" : "");
		for (size_t k = 0; k < row->market_count; k++) {
			const mkg_group_market *gm = &row->markets[k];
			mkg_facilitation_market key = { gm->commodity, gm->period, gm->region,
			                                 gm->service, 0, 0, 0 };

			g_string_append(out, "  ");
			mkg__market_label(out, &key);
			g_string_append_printf(out, ": %zu of %zu buyers are members (%s)",
			                       gm->member_buyers, gm->buyers,
			                       mkg__text_percent(a, gm->member_buyer_share));
			text_side(out, "sellers", gm->seller);
			text_side(out, "buyers", gm->buyer);
			g_string_append_c(out, '\n');
		}
	}
}
