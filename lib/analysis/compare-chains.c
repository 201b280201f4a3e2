/* marketgraph: chains side by side: deliverable share, binding constraints
 * that appeared or went, captive supply, cut points on the producers'
 * side (mkg_flow, mkg_binding, mkg_captive, mkg_cutpoints on each side's
 * chain of the same primary commodity) and the farmer's share per channel
 * (mkg_channels).
 * SPDX-License-Identifier: MIT */
#include "compare-private.h"

#include <string.h>

/* What one side's bottleneck analyses give on one chain. */
typedef struct chain_run {
	mkg_flow *flow;
	mkg_cutpoints *cut;
	mkg_captive *captive;
} chain_run;

static void
run_clear(chain_run *r)
{
	mkg_flow_free(r->flow);
	mkg_cutpoints_free(r->cut);
	mkg_captive_free(r->captive);
	memset(r, 0, sizeof *r);
}

static int
run_chain(chain_run *r, const mkg_model *m, const char *commodity, int side)
{
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	int rc;

	o.chain = commodity;
	if ((rc = mkg_flow_new(&r->flow, m, &o)) != MKG_OK ||
	    (rc = mkg_cutpoints_new(&r->cut, m, &o)) != MKG_OK ||
	    (rc = mkg_captive_new(&r->captive, m, &o)) != MKG_OK) {
		char *msg = g_strdup(mkg_error_message());

		run_clear(r);
		rc = mkg__error(rc, "%s: %s", side ? "after" : "before", msg);
		g_free(msg);
	}
	return rc;
}

/* Actors that buy goods from a producer: the producers' side of the chain. */
static GHashTable *
farm_gate_buyers(const mkg_model *m)
{
	GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (!t->service && MKG_ACTOR(m, t->seller)->kind == MKG_ACTOR_PRODUCER)
			g_hash_table_add(set, (gpointer)MKG_ACTOR(m, t->buyer)->id);
	}
	return set;
}

/* The actor holding the most captive supply that is not an end market (a
 * chain's only end market holds every producer: that says nothing). */
static const mkg_captive_actor *
top_captive(const mkg_captive *cap, const mkg_model *m, size_t *actors)
{
	const mkg_captive_actor *top = NULL;

	*actors = 0;
	for (size_t i = 0; i < mkg_captive_count(cap); i++) {
		const mkg_captive_actor *a = mkg_captive_at(cap, i);
		mkg_idx k = mkg__model_actor_lookup(m, a->actor);

		if (k != MKG_IDX_NONE && MKG_ACTOR(m, k)->kind == MKG_ACTOR_END_MARKET)
			continue;
		++*actors;
		if (top == NULL)
			top = a;
	}
	return top;
}

static void
fill_side(mkg_compare *c, mkg_compare_chain_side *x, const chain_run *r, GHashTable *fg,
          const mkg_channels *ch, const char *commodity, const mkg_model *m)
{
	const mkg_captive_actor *top = top_captive(r->captive, m, &x->captive_actors);
	size_t n = mkg_cutpoints_articulation_count(r->cut);

	x->present = 1;
	x->deliverable_share = mkg_flow_deliverable_share(r->flow);
	x->max_flow = mkg_flow_max_flow(r->flow);
	x->total_supply = mkg_flow_total_supply(r->flow);
	x->captive_actor = top ? mkg__cmp_str(c, top->actor) : NULL;
	x->captive_producers = top ? top->producers : 0;
	x->captive_supply = top ? top->supply : 0;
	x->cut_points = n;
	for (size_t i = 0; i < n; i++)
		if (g_hash_table_contains(fg, mkg_cutpoints_articulation_at(r->cut, i)->actor))
			x->producer_side_cut_points++;
	x->producer_share = MKG_ABSENT;
	for (size_t i = 0; i < mkg_channels_chain_count(ch); i++)
		if (strcmp(mkg_channels_chain_at(ch, i)->commodity, commodity) == 0)
			x->producer_share = mkg_channels_chain_at(ch, i)->producer_share;
}

static char *
binding_key(const mkg_binding *b)
{
	return g_strdup_printf("%d" MKG__KEY_SEP "%s" MKG__KEY_SEP "%s" MKG__KEY_SEP "%s",
	                       (int)b->type, b->actor ? b->actor : "", b->seller ? b->seller : "",
	                       b->buyer ? b->buyer : "");
}

/* Bindings on one side only: went (before only), then appeared. */
static GArray *
bindings(mkg_compare *c, const mkg_flow *f[2])
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(mkg_compare_binding));

	for (int side = 0; side < 2; side++) {
		GHashTable *other = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

		for (size_t i = 0; f[1 - side] && i < mkg_flow_binding_count(f[1 - side]); i++)
			g_hash_table_add(other, binding_key(mkg_flow_binding_at(f[1 - side], i)));
		for (size_t i = 0; f[side] && i < mkg_flow_binding_count(f[side]); i++) {
			const mkg_binding *b = mkg_flow_binding_at(f[side], i);
			char *key = binding_key(b);

			if (!g_hash_table_contains(other, key)) {
				mkg_compare_binding row = {
					side ? MKG_CHANGE_ENTERING : MKG_CHANGE_LEAVING, (int)b->type,
					mkg__cmp_str(c, b->actor), mkg__cmp_str(c, b->seller),
					mkg__cmp_str(c, b->buyer), b->capacity
				};

				g_array_append_val(out, row);
			}
			g_free(key);
		}
		g_hash_table_destroy(other);
	}
	return out;
}

/* Channels of one chain on both sides, matched by kinds: before's order,
 * then after's new ones. */
static GArray *
channels(mkg_compare *c, const mkg_channels *ch[2], const char *commodity)
{
	GArray *out = g_array_new(FALSE, TRUE, sizeof(mkg_compare_channel));
	GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);

	for (int side = 0; side < 2; side++) {
		for (size_t i = 0; i < mkg_channels_chain_count(ch[side]); i++) {
			if (strcmp(mkg_channels_chain_at(ch[side], i)->commodity, commodity) != 0)
				continue;
			for (size_t j = 0; j < mkg_channels_channel_count(ch[side], i); j++) {
				const mkg_channel *r = mkg_channels_channel_at(ch[side], i, j);
				gpointer at = g_hash_table_lookup(index, r->kinds);
				mkg_compare_channel *row;

				if (at == NULL) {
					mkg_compare_channel fresh = { mkg__cmp_str(c, r->kinds), MKG_ABSENT,
						                      MKG_ABSENT, MKG_ABSENT, MKG_ABSENT };

					g_array_append_val(out, fresh);
					at = GSIZE_TO_POINTER(out->len);
					g_hash_table_insert(index, (gpointer)fresh.kinds, at);
				}
				row = &g_array_index(out, mkg_compare_channel, GPOINTER_TO_SIZE(at) - 1);
				if (side == 0) {
					row->share_before = r->share;
					row->farmer_share_before = r->farmer_share;
				} else {
					row->share_after = r->share;
					row->farmer_share_after = r->farmer_share;
				}
			}
		}
	}
	g_hash_table_destroy(index);
	return out;
}

static gint
cmp_chain(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
mkg__cmp_chains(mkg_compare *c, mkg__cmp_side s[2])
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *names = g_ptr_array_new();
	GHashTable *fg[2], *present[2];
	const mkg_channels *ch[2] = { s[0].chan, s[1].chan };
	int rc = MKG_OK;

	present[0] = g_hash_table_new(g_str_hash, g_str_equal);
	present[1] = g_hash_table_new(g_str_hash, g_str_equal);
	for (int side = 0; side < 2 && rc == MKG_OK; side++) {
		size_t n = 0;

		if ((rc = mkg_model_chain_count(s[side].m, &n)) != MKG_OK)
			break;
		for (size_t i = 0; i < n; i++) {
			const mkg_chain *k = mkg_model_chain_at(s[side].m, i);

			if (k == NULL || k->commodity == NULL)
				continue;
			g_hash_table_insert(present[side], (gpointer)k->commodity, (gpointer)k);
			if (g_hash_table_add(seen, (gpointer)k->commodity))
				g_ptr_array_add(names, (gpointer)k->commodity);
		}
	}
	g_ptr_array_sort(names, cmp_chain);
	fg[0] = farm_gate_buyers(s[0].m);
	fg[1] = farm_gate_buyers(s[1].m);
	for (guint i = 0; i < names->len && rc == MKG_OK; i++) {
		const char *commodity = g_ptr_array_index(names, i);
		chain_run run[2];
		const mkg_flow *flows[2] = { NULL, NULL };
		mkg_compare_chain row;

		memset(run, 0, sizeof run);
		memset(&row, 0, sizeof row);
		row.commodity = mkg__cmp_str(c, commodity);
		row.before.deliverable_share = row.after.deliverable_share = MKG_ABSENT;
		row.before.producer_share = row.after.producer_share = MKG_ABSENT;
		for (int side = 0; side < 2 && rc == MKG_OK; side++) {
			mkg_compare_chain_side *x = side ? &row.after : &row.before;
			const mkg_chain *ck = g_hash_table_lookup(present[side], commodity);

			if (ck == NULL)
				continue;
			if (row.unit == NULL)
				row.unit = mkg__cmp_str(c, ck->unit);
			if ((rc = run_chain(&run[side], s[side].m, commodity, side)) != MKG_OK)
				break;
			fill_side(c, x, &run[side], fg[side], ch[side], commodity, s[side].m);
			flows[side] = run[side].flow;
		}
		if (rc == MKG_OK) {
			g_array_append_val(c->chains, row);
			g_ptr_array_add(c->bindings, bindings(c, flows));
			g_ptr_array_add(c->channels, channels(c, ch, commodity));
		}
		run_clear(&run[0]);
		run_clear(&run[1]);
	}
	g_hash_table_destroy(fg[0]);
	g_hash_table_destroy(fg[1]);
	g_hash_table_destroy(present[0]);
	g_hash_table_destroy(present[1]);
	g_hash_table_destroy(seen);
	g_ptr_array_free(names, TRUE);
	return rc;
}
