/* marketgraph: the bottleneck results as JSON (docs/report.md,
 * `bottlenecks`): cut points, captive producers, betweenness, throughput,
 * deliverable flow and all of them at once.  Everything is read through
 * the results' accessors, except the seed of a betweenness estimate.
 * SPDX-License-Identifier: MIT */
#include "bottlenecks-report-private.h"
#include "flow-private.h"

#include <stdlib.h>
#include <string.h>

/* ---- the members of each result ------------------------------------------- */

/* `articulation_points` and `bridges`, into the object open in w. */
static void
cutpoints_members(mkg_jw *w, const mkg_cutpoints *c)
{
	size_t na = mkg_cutpoints_articulation_count(c), nb = mkg_cutpoints_bridge_count(c);

	mkg__jw_key(w, "articulation_points");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < na; i++) {
		const mkg_articulation_point *x = mkg_cutpoints_articulation_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", x->actor);
		mkg__jw_kdouble(w, "throughput", x->throughput);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_key(w, "bridges");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < nb; i++) {
		const mkg_bridge *x = mkg_cutpoints_bridge_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_key(w, "actors");
		mkg__jw_begin_array(w, true);
		mkg__jw_string(w, x->actors[0]);
		mkg__jw_string(w, x->actors[1]);
		mkg__jw_end_array(w);
		mkg__jw_kdouble(w, "volume", x->volume);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* `captive` (each actor's producers in byte order), `stranded` and
 * `gatekeepers`, into the object open in w. */
static void
captive_members(mkg_jw *w, const mkg_captive *c)
{
	size_t n = mkg_captive_count(c), most = 0, i;
	const char **buf;

	for (i = 0; i < n; i++)
		if (mkg_captive_at(c, i)->producers > most)
			most = mkg_captive_at(c, i)->producers;
	buf = g_new(const char *, most ? most : 1);
	mkg__jw_key(w, "captive");
	mkg__jw_begin_array(w, false);
	for (i = 0; i < n; i++) {
		const mkg_captive_actor *x = mkg_captive_at(c, i);

		for (size_t j = 0; j < x->producers; j++)
			buf[j] = mkg_captive_producer_at(c, i, j);
		qsort(buf, x->producers, sizeof *buf, cmp_str);
		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", x->actor);
		mkg__jw_key(w, "producers");
		mkg__jw_begin_array(w, true);
		for (size_t j = 0; j < x->producers; j++)
			mkg__jw_string(w, buf[j]);
		mkg__jw_end_array(w);
		mkg__jw_kdouble(w, "supply", x->supply);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	g_free(buf);

	mkg__jw_key(w, "stranded");
	mkg__jw_begin_array(w, true);
	for (i = 0; i < mkg_captive_stranded_count(c); i++)
		mkg__jw_string(w, mkg_captive_stranded_at(c, i));
	mkg__jw_end_array(w);

	mkg__jw_key(w, "gatekeepers");
	mkg__jw_begin_array(w, false);
	for (i = 0; i < mkg_captive_gatekeeper_count(c); i++) {
		const mkg_gatekeeper *x = mkg_captive_gatekeeper_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "sink", x->sink);
		mkg__jw_kstring(w, "actor", x->actor);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

/* The `betweenness` array, as the next value. */
static void
betweenness_value(mkg_jw *w, const mkg_betweenness *b)
{
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_betweenness_count(b); i++) {
		const mkg_betweenness_score *x = mkg_betweenness_at(b, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", x->actor);
		mkg__jw_kdouble(w, "all_pairs", x->all_pairs);
		mkg__jw_kdouble(w, "source_sink", x->source_sink);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

/* The `throughput` array, as the next value. */
static void
throughput_value(mkg_jw *w, const mkg_throughput *t)
{
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_throughput_count(t); i++) {
		const mkg_actor_throughput *r = mkg_throughput_at(t, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", r->actor);
		mkg__jw_kdouble(w, "bought", r->bought);
		mkg__jw_kdouble(w, "sold", r->sold);
		mkg__jw_kdouble(w, "throughput", r->throughput);
		mkg__jw_kdouble(w, "share", r->share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__chain_members(mkg_jw *w, const mkg_chain *c)
{
	mkg__jw_key(w, "commodity");
	if (c->commodity)
		mkg__jw_string(w, c->commodity);
	else
		mkg__jw_null(w);
	mkg__jw_key(w, "unit");
	if (c->unit)
		mkg__jw_string(w, c->unit);
	else
		mkg__jw_null(w);
}

/* The flow's members, into the object open in w. */
static void
flow_members(mkg_jw *w, const mkg_flow *f)
{
	mkg__jw_kdouble(w, "total_supply", mkg_flow_total_supply(f));
	mkg__jw_kdouble(w, "max_flow", mkg_flow_max_flow(f));
	mkg__jw_kdouble(w, "deliverable_share", mkg_flow_deliverable_share(f));
	mkg__jw_key(w, "binding");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_flow_binding_count(f); i++) {
		const mkg_binding *b = mkg_flow_binding_at(f, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "type", mkg_binding_type_name(b->type));
		if (b->type == MKG_BINDING_TRANSACTION) {
			mkg__jw_kstring(w, "seller", b->seller);
			mkg__jw_kstring(w, "buyer", b->buyer);
		} else {
			mkg__jw_kstring(w, "actor", b->actor);
		}
		mkg__jw_kdouble(w, "capacity", b->capacity);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__flow_write(mkg_jw *w, const mkg_flow *f, bool with_chain)
{
	mkg__jw_begin_object(w, false);
	if (with_chain)
		mkg__chain_members(w, mkg_flow_chain(f));
	flow_members(w, f);
	mkg__jw_end_object(w);
}

/* One chain's sections, as the next value. */
static void
chain_write(mkg_jw *w, const mkg__bottlenecks_chain *b)
{
	mkg__jw_begin_object(w, false);
	mkg__chain_members(w, &b->chain);
	mkg__jw_key(w, "flow");
	mkg__flow_write(w, b->flow, false);
	cutpoints_members(w, b->cutpoints);
	captive_members(w, b->captive);
	mkg__jw_key(w, "betweenness");
	betweenness_value(w, b->betweenness);
	mkg__jw_key(w, "betweenness_estimate");
	if (b->pivots == 0) {
		mkg__jw_null(w);
	} else {
		mkg__jw_begin_object(w, true);
		mkg__jw_kint(w, "pivots", (int64_t)b->pivots);
		/* JSON numbers are doubles for most readers: a seed above 2^53
		 * would not read back, so it is written as a string then. */
		if (b->seed <= (UINT64_C(1) << 53))
			mkg__jw_kint(w, "seed", (int64_t)b->seed);
		else {
			char buf[24];
			g_snprintf(buf, sizeof buf, "%" G_GUINT64_FORMAT, b->seed);
			mkg__jw_kstring(w, "seed", buf);
		}
		mkg__jw_end_object(w);
	}
	mkg__jw_key(w, "throughput");
	throughput_value(w, b->throughput);
	mkg__jw_end_object(w);
}

void
mkg__bottlenecks_write(mkg_jw *w, const mkg_bottlenecks *b)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_key(w, "chains");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < b->count; i++)
		chain_write(w, &b->chains[i]);
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

/* ---- the public writers ------------------------------------------------------- */

int
mkg_cutpoints_write_json(const mkg_cutpoints *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	cutpoints_members(w, c);
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}

int
mkg_captive_write_json(const mkg_captive *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	captive_members(w, c);
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}

int
mkg_betweenness_write_json(const mkg_betweenness *b, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(b);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	betweenness_value(w, b);
	return mkg__jw_finish(w, out, len);
}

int
mkg_throughput_write_json(const mkg_throughput *t, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(t);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	throughput_value(w, t);
	return mkg__jw_finish(w, out, len);
}

int
mkg_flow_write_json(const mkg_flow *f, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(f);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__flow_write(w, f, true);
	return mkg__jw_finish(w, out, len);
}

int
mkg_bottlenecks_write_json(const mkg_bottlenecks *b, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(b);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__bottlenecks_write(w, b);
	return mkg__jw_finish(w, out, len);
}
