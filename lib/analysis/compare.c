/* marketgraph: two snapshots side by side (include/marketgraph/compare.h):
 * options, the checks that the two sides can be compared, the analyses on
 * each side, the actors and commodities entering or leaving, accessors.
 * SPDX-License-Identifier: MIT */
#include "compare-private.h"

#include <string.h>

MKG_DEFINE_INIT(mkg_compare_options_init, mkg_compare_options, opts, MKG_COMPARE_OPTIONS)

static const char *const change_names[] = { "same", "entering", "leaving", "strengthened",
	                                    "weakened" };

const char *
mkg_change_name(mkg_change change)
{
	return (unsigned)change < G_N_ELEMENTS(change_names) ? change_names[change] : NULL;
}

static const char *const side_names[2] = { "before", "after" };

char *
mkg__cmp_market_key(const char *commodity, const char *level, const char *region, int service)
{
	return g_strconcat(commodity, MKG__KEY_SEP, level ? level : "\x1e", MKG__KEY_SEP,
	                   region ? region : "\x1e", MKG__KEY_SEP, service ? "s" : "g", NULL);
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* "\"PEN\"" or "none". */
static const char *
quoted(char buf[MKG_QUOTE_BUFSIZE], const char *s)
{
	return s ? mkg__quote(buf, s) : "none";
}

/* Values and volumes must be in the same units on both sides. */
static int
check_units(const mkg_model *b, const mkg_model *a)
{
	char q1[MKG_QUOTE_BUFSIZE], q2[MKG_QUOTE_BUFSIZE], q3[MKG_QUOTE_BUFSIZE];

	if (!same_str(b->currency, a->currency))
		return mkg__error(MKG_EINVAL, "compare: the models use different currencies: %s "
		                  "before, %s after", quoted(q1, b->currency), quoted(q2, a->currency));
	if (!same_str(b->volume_unit, a->volume_unit))
		return mkg__error(MKG_EINVAL, "compare: the models use different volume units: %s "
		                  "before, %s after", quoted(q1, b->volume_unit),
		                  quoted(q2, a->volume_unit));
	for (guint i = 0; i < a->commodities->len; i++) {
		const mkg_commodity_rec *r = MKG_COMMODITY(a, i);
		const char *ub, *ua;

		if (mkg__model_commodity_lookup(b, r->id) == MKG_IDX_NONE &&
		    !g_hash_table_contains(b->tx_commodities, r->id))
			continue;
		ub = mkg__commodity_unit(b, r->id);
		ua = mkg__commodity_unit(a, r->id);
		if (!same_str(ub, ua))
			return mkg__error(MKG_EINVAL, "compare: commodity %s is in %s before and %s "
			                  "after", mkg__quote(q3, r->id), quoted(q1, ub), quoted(q2, ua));
	}
	return MKG_OK;
}

/* The model of one side: the chosen period, else the model when it holds
 * at most one period. */
static int
choose_period(mkg__cmp_side *s, const mkg_model *m, const char *period, int side)
{
	int rc;

	s->m = m;
	if (period != NULL) {
		if ((rc = mkg_model_select_period(&s->owned, m, period)) != MKG_OK) {
			char *msg = g_strdup(mkg_error_message());

			rc = mkg__error(rc, "%s: %s", side_names[side], msg);
			g_free(msg);
			return rc;
		}
		s->m = s->owned;
		return MKG_OK;
	}
	{
		mkg_periods *p = NULL;
		size_t n;

		(void)mkg_periods_new(&p, m);
		n = mkg_periods_count(p);
		if (n > 1) {
			GString *list = g_string_new(NULL);

			for (size_t i = 0; i < n; i++)
				g_string_append_printf(list, "%s%s", i ? ", " : "",
				                       mkg_periods_at(p, i) ? mkg_periods_at(p, i)
				                                            : "(none)");
			rc = mkg__error(MKG_EINVAL, "%s: the model holds %zu periods (%s): choose one",
			                side_names[side], n, list->str);
			g_string_free(list, TRUE);
			mkg_periods_free(p);
			return rc;
		}
		mkg_periods_free(p);
	}
	return MKG_OK;
}

/* Prefix the current message with the side's name. */
static int
side_error(int rc, int side)
{
	char *msg = g_strdup(mkg_error_message());

	rc = mkg__error(rc, "%s: %s", side_names[side], msg);
	g_free(msg);
	return rc;
}

/* Targets of temporary records: the actors a programme works with,
 * directly or through a targeted transaction's seller and buyer. */
static void
collect_targeted(mkg__cmp_side *s)
{
	const mkg_model *m = s->m;

	s->targeted = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);

		if (f->type != MKG_FACILITATION_TEMPORARY)
			continue;
		for (uint32_t k = 0; k < f->target_actors.count; k++)
			g_hash_table_add(s->targeted,
			                 (gpointer)MKG_ACTOR(m, MKG_POOL_IDX(m, f->target_actors.first +
			                                                      k))->id);
		for (uint32_t k = 0; k < f->target_transactions.count; k++) {
			const mkg_transaction_rec *t =
				MKG_TX(m, MKG_POOL_IDX(m, f->target_transactions.first + k));

			g_hash_table_add(s->targeted, (gpointer)MKG_ACTOR(m, t->seller)->id);
			g_hash_table_add(s->targeted, (gpointer)MKG_ACTOR(m, t->buyer)->id);
		}
	}
}

static int
run_analyses(mkg__cmp_side *s, int side)
{
	int rc;

	if ((rc = mkg_coalitions_new(&s->coal, s->m, NULL)) != MKG_OK ||
	    (rc = mkg_channels_new(&s->chan, s->m, NULL)) != MKG_OK ||
	    (rc = mkg_value_new(&s->value, s->m, NULL)) != MKG_OK ||
	    (rc = mkg_inclusiveness_new(&s->inc, s->m, NULL)) != MKG_OK)
		return side_error(rc, side);
	collect_targeted(s);
	return MKG_OK;
}

static void
side_clear(mkg__cmp_side *s)
{
	mkg_model_free(s->owned);
	mkg_concentration_free(s->conc);
	mkg_coalitions_free(s->coal);
	mkg_channels_free(s->chan);
	mkg_value_free(s->value);
	mkg_inclusiveness_free(s->inc);
	if (s->targeted)
		g_hash_table_destroy(s->targeted);
	if (s->links)
		g_hash_table_destroy(s->links);
	if (s->entries)
		g_hash_table_destroy(s->entries);
	if (s->markets_with_target)
		g_hash_table_destroy(s->markets_with_target);
}

static gint
cmp_entity(gconstpointer a, gconstpointer b)
{
	const mkg_compare_entity *x = a, *y = b;

	if (x->change != y->change)
		return x->change == MKG_CHANGE_LEAVING ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Actors in one model only; commodities traded in one only. */
static void
entities(mkg_compare *c, mkg__cmp_side s[2])
{
	for (int side = 0; side < 2; side++) {
		const mkg_model *m = s[side].m, *o = s[1 - side].m;
		mkg_change ch = side == 0 ? MKG_CHANGE_LEAVING : MKG_CHANGE_ENTERING;
		GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

		for (guint i = 0; i < m->actors->len; i++) {
			const mkg_actor_rec *a = MKG_ACTOR(m, i);

			if (mkg__model_actor_lookup(o, a->id) == MKG_IDX_NONE) {
				mkg_compare_entity e = { mkg__cmp_str(c, a->id), ch, a->kind };

				g_array_append_val(c->actors, e);
			}
		}
		for (guint i = 0; i < o->transactions->len; i++)
			g_hash_table_add(seen, (gpointer)MKG_TX(o, i)->commodity);
		for (guint i = 0; i < m->transactions->len; i++) {
			const char *id = MKG_TX(m, i)->commodity;

			if (!g_hash_table_contains(seen, id)) {
				mkg_compare_entity e = { mkg__cmp_str(c, id), ch, MKG_ACTOR_KIND_UNSET };

				g_hash_table_add(seen, (gpointer)id);
				g_array_append_val(c->commodities, e);
			}
		}
		g_hash_table_destroy(seen);
	}
	g_array_sort(c->actors, cmp_entity);
	g_array_sort(c->commodities, cmp_entity);
}

static void
free_array_ptr(gpointer p)
{
	g_array_free(p, TRUE);
}

static mkg_compare *
compare_alloc(void)
{
	mkg_compare *c = g_new0(mkg_compare, 1);

	c->strs = g_string_chunk_new(4096);
	c->actors = g_array_new(FALSE, TRUE, sizeof(mkg_compare_entity));
	c->commodities = g_array_new(FALSE, TRUE, sizeof(mkg_compare_entity));
	c->markets = g_array_new(FALSE, TRUE, sizeof(mkg_compare_market));
	c->coalitions = g_array_new(FALSE, TRUE, sizeof(mkg_compare_coalition));
	c->links = g_array_new(FALSE, TRUE, sizeof(mkg_compare_link));
	c->chains = g_array_new(FALSE, TRUE, sizeof(mkg_compare_chain));
	c->bindings = g_ptr_array_new_with_free_func(free_array_ptr);
	c->channels = g_ptr_array_new_with_free_func(free_array_ptr);
	c->values = g_array_new(FALSE, TRUE, sizeof(mkg_compare_value));
	c->ended = g_array_new(FALSE, TRUE, sizeof(mkg_compare_record));
	c->crowding = g_array_new(FALSE, TRUE, sizeof(mkg_compare_crowding));
	c->copies = g_array_new(FALSE, TRUE, sizeof(mkg_compare_copy));
	c->takeovers = g_array_new(FALSE, TRUE, sizeof(mkg_compare_takeover));
	return c;
}

int
mkg_compare_new(mkg_compare **out, const mkg_model *before, const mkg_model *after,
                const mkg_compare_options *opts_in)
{
	mkg_compare_options opts;
	mkg__cmp_side s[2];
	mkg_compare *c;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(before);
	MKG_CHECK_ARG(after);
	MKG_RESOLVE_OPTIONS("mkg_compare_new", mkg_compare_options, MKG_COMPARE_OPTIONS, opts_in,
	                    &opts);
	if (!(opts.link_threshold >= 0 && opts.link_threshold < 1))
		return mkg__error(MKG_EINVAL, "link_threshold: must be in [0, 1), got %g",
		                  opts.link_threshold);
	if (opts.thresholds != NULL && mkg_thresholds_find(opts.thresholds) == NULL)
		return MKG_EINVAL; /* the message is set */
	if ((rc = check_units(before, after)) != MKG_OK)
		return rc;
	memset(s, 0, sizeof s);
	if ((rc = choose_period(&s[0], before, opts.before_period, 0)) != MKG_OK ||
	    (rc = choose_period(&s[1], after, opts.after_period, 1)) != MKG_OK ||
	    (rc = run_analyses(&s[0], 0)) != MKG_OK || (rc = run_analyses(&s[1], 1)) != MKG_OK) {
		side_clear(&s[0]);
		side_clear(&s[1]);
		return rc;
	}
	c = compare_alloc();
	c->link_threshold = opts.link_threshold;
	c->currency = mkg__cmp_str(c, s[0].m->currency);
	c->volume_unit = mkg__cmp_str(c, s[0].m->volume_unit);
	for (int i = 0; i < 2; i++) {
		mkg_periods *p = NULL;

		(void)mkg_periods_new(&p, s[i].m);
		c->period[i] = mkg__cmp_str(c, mkg_periods_count(p) == 1 ? mkg_periods_at(p, 0)
		                                                          : s[i].m->period);
		mkg_periods_free(p);
		c->name[i] = mkg__cmp_str(c, s[i].m->name);
	}
	entities(c, s);
	if ((rc = mkg__cmp_markets(c, s, opts.thresholds)) == MKG_OK &&
	    (rc = mkg__cmp_coalitions(c, s)) == MKG_OK && (rc = mkg__cmp_links(c, s)) == MKG_OK &&
	    (rc = mkg__cmp_chains(c, s)) == MKG_OK && (rc = mkg__cmp_value(c, s)) == MKG_OK) {
		mkg__cmp_outlets(c, s);
		mkg__cmp_reach(c, s);
		mkg__cmp_ended(c, s);
		mkg__cmp_systemic(c, s);
	}
	side_clear(&s[0]);
	side_clear(&s[1]);
	if (rc != MKG_OK) {
		mkg_compare_free(c);
		return rc;
	}
	*out = c;
	return MKG_OK;
}

void
mkg_compare_free(mkg_compare *c)
{
	if (c == NULL)
		return;
	g_array_free(c->actors, TRUE);
	g_array_free(c->commodities, TRUE);
	g_array_free(c->markets, TRUE);
	g_array_free(c->coalitions, TRUE);
	g_array_free(c->links, TRUE);
	g_array_free(c->chains, TRUE);
	g_ptr_array_free(c->bindings, TRUE);
	g_ptr_array_free(c->channels, TRUE);
	g_array_free(c->values, TRUE);
	g_array_free(c->ended, TRUE);
	g_array_free(c->crowding, TRUE);
	g_array_free(c->copies, TRUE);
	g_array_free(c->takeovers, TRUE);
	g_string_chunk_free(c->strs);
	g_free(c);
}

/* ---- accessors ---------------------------------------------------------------- */

const char *
mkg_compare_period(const mkg_compare *c, int side)
{
	return c && (side == 0 || side == 1) ? c->period[side] : NULL;
}

const char *
mkg_compare_name(const mkg_compare *c, int side)
{
	return c && (side == 0 || side == 1) ? c->name[side] : NULL;
}

const char *
mkg_compare_currency(const mkg_compare *c)
{
	return c ? c->currency : NULL;
}

const char *
mkg_compare_volume_unit(const mkg_compare *c)
{
	return c ? c->volume_unit : NULL;
}

double
mkg_compare_link_threshold(const mkg_compare *c)
{
	return c ? c->link_threshold : MKG_ABSENT;
}

#define ROWS(name, field, type)                                                   \
	size_t mkg_compare_##name##_count(const mkg_compare *c)                   \
	{                                                                         \
		return c ? c->field->len : 0;                                     \
	}                                                                         \
	const type *mkg_compare_##name##_at(const mkg_compare *c, size_t i)       \
	{                                                                         \
		return c && i < c->field->len ? &g_array_index(c->field, type, i) \
		                              : NULL;                             \
	}

ROWS(actor, actors, mkg_compare_entity)
ROWS(commodity, commodities, mkg_compare_entity)
ROWS(market, markets, mkg_compare_market)
ROWS(coalition, coalitions, mkg_compare_coalition)
ROWS(link, links, mkg_compare_link)
ROWS(chain, chains, mkg_compare_chain)
ROWS(value, values, mkg_compare_value)
ROWS(ended, ended, mkg_compare_record)
ROWS(crowding, crowding, mkg_compare_crowding)
ROWS(copy, copies, mkg_compare_copy)
ROWS(takeover, takeovers, mkg_compare_takeover)

size_t
mkg_compare_link_class_count(const mkg_compare *c, mkg_change change)
{
	return c && (unsigned)change < G_N_ELEMENTS(c->link_classes) ? c->link_classes[change] : 0;
}

const mkg_compare_outlets *
mkg_compare_side_outlets(const mkg_compare *c, int side)
{
	return c && (side == 0 || side == 1) ? &c->outlets[side] : NULL;
}

const mkg_compare_reach *
mkg_compare_side_reach(const mkg_compare *c, int side)
{
	return c && (side == 0 || side == 1) ? &c->reach[side] : NULL;
}

const mkg_compare_resilience *
mkg_compare_resilience_signals(const mkg_compare *c)
{
	return c ? &c->resilience : NULL;
}

size_t
mkg_compare_binding_count(const mkg_compare *c, size_t chain)
{
	return c && chain < c->bindings->len ? ((GArray *)g_ptr_array_index(c->bindings, chain))->len
	                                     : 0;
}

const mkg_compare_binding *
mkg_compare_binding_at(const mkg_compare *c, size_t chain, size_t k)
{
	GArray *a;

	if (c == NULL || chain >= c->bindings->len)
		return NULL;
	a = g_ptr_array_index(c->bindings, chain);
	return k < a->len ? &g_array_index(a, mkg_compare_binding, k) : NULL;
}

size_t
mkg_compare_channel_count(const mkg_compare *c, size_t chain)
{
	return c && chain < c->channels->len ? ((GArray *)g_ptr_array_index(c->channels, chain))->len
	                                     : 0;
}

const mkg_compare_channel *
mkg_compare_channel_at(const mkg_compare *c, size_t chain, size_t k)
{
	GArray *a;

	if (c == NULL || chain >= c->channels->len)
		return NULL;
	a = g_ptr_array_index(c->channels, chain);
	return k < a->len ? &g_array_index(a, mkg_compare_channel, k) : NULL;
}
