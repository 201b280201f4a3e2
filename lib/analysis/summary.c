/* marketgraph: what a model holds (summary.h): record counts, actors and
 * households by kind, transactions by commodity and by period.
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"
#include "marketgraph/summary.h"

#include <math.h>
#include <string.h>

struct mkg_summary {
	GStringChunk *strings;  /* owns every string below */
	const char *name, *currency, *volume_unit, *period;
	size_t actors, transactions, facilitation, memberships;
	size_t kinds[MKG_ACTOR_KIND_COUNT];
	int64_t households[MKG_ACTOR_KIND_COUNT]; /* -1: no actor of the kind gives any */
	int64_t households_total;                 /* -1: none given */
	GArray *commodities;    /* mkg_summary_group, by key in byte order */
	GArray *periods;        /* mkg_summary_group, NULL first, then byte order */
	GArray *chains;         /* mkg_summary_chain, by primary commodity in byte order */
	double value;
	size_t without_volume, without_value;
};

MKG_DEFINE_INIT(mkg_summary_options_init, mkg_summary_options, opts, MKG_SUMMARY_OPTIONS)

static const char *
keep(mkg_summary *s, const char *str)
{
	return str ? g_string_chunk_insert_const(s->strings, str) : NULL;
}

static int
compare_keys(const void *a, const void *b)
{
	return mkg__strcmp_null(((const mkg_summary_group *)a)->key,
	                        ((const mkg_summary_group *)b)->key);
}

static int
compare_chains(const void *a, const void *b)
{
	return strcmp(((const mkg_summary_chain *)a)->primary,
	              ((const mkg_summary_chain *)b)->primary);
}

/* Add x to a sum that starts absent; MKG_EDATA naming it on overflow. */
static int
add_amount(double *sum, double x, const char *measure, const char *of, const char *key)
{
	double acc = MKG_IS_ABSENT(*sum) ? 0 : *sum;

	if (MKG_IS_ABSENT(x))
		return MKG_OK;
	if (!mkg__sum_add(&acc, x)) {
		if (key != NULL)
			return mkg__error(MKG_EDATA,
			                  "summary: the %s of %s \"%s\" overflows (sum of the "
			                  "transactions' %s exceeds " MKG_SUM_LIMIT ")",
			                  measure, of, key, measure);
		return mkg__error(MKG_EDATA,
		                  "summary: the %s of %s overflows (sum of the transactions' %s "
		                  "exceeds " MKG_SUM_LIMIT ")",
		                  measure, of, measure);
	}
	*sum = acc;
	return MKG_OK;
}

/* A period's volume that overflows stays infinite until period_units knows
 * whether the period has a volume to report at all (one commodity). */
static void
add_period_volume(mkg_summary_group *g, double volume)
{
	double acc = MKG_IS_ABSENT(g->volume) ? 0 : g->volume;

	if (MKG_IS_ABSENT(volume))
		return;
	g->volume = isinf(acc) || !mkg__sum_add(&acc, volume) ? INFINITY : acc;
}

/* Add transaction t to the group of its key, creating it on first sight.
 * A group's volume and value stay absent until a transaction gives one.
 * of: "commodity" or "period", for the message when a sum overflows. */
static int
add_to_group(mkg_summary *s, GArray *groups, GHashTable *index, const char *key,
             const mkg_model *m, size_t t, const char *of)
{
	/* NULL cannot be a hash key: the "no period" group uses a sentinel. */
	static const char no_key[] = "";
	gconstpointer hkey = key ? (gconstpointer)key : (gconstpointer)no_key;
	gpointer pos = g_hash_table_lookup(index, hkey);
	const mkg_transaction_rec *tx = MKG_TX(m, t);
	double volume = tx->volume, value = tx->value;
	mkg_summary_group *g;
	int rc;

	if (pos == NULL) {
		/* a commodity's volume is in its unit; a period's unit is set after */
		const char *unit = groups == s->commodities ? mkg__commodity_unit(m, key) : NULL;
		mkg_summary_group init = { keep(s, key), 0, 0, MKG_ABSENT, MKG_ABSENT,
			                   keep(s, unit) };
		g_array_append_val(groups, init);
		pos = GUINT_TO_POINTER(groups->len);
		g_hash_table_insert(index, (gpointer)hkey, pos);
	}
	g = &g_array_index(groups, mkg_summary_group, GPOINTER_TO_UINT(pos) - 1u);
	g->transactions++;
	g->services += tx->service ? 1 : 0;
	/* the group without a period is named "without a period" */
	if (key == NULL)
		of = "the transactions without a period";
	if (groups == s->periods)
		add_period_volume(g, volume);
	else if ((rc = add_amount(&g->volume, volume, "volume", of, key)) != MKG_OK)
		return rc;
	if ((rc = add_amount(&g->value, value, "value", of, key)) != MKG_OK)
		return rc;
	return MKG_OK;
}

/* Add hh to a count that starts at -1 (none given); false on overflow. */
static bool
add_households(int64_t *count, int64_t hh)
{
	int64_t acc = *count < 0 ? 0 : *count;

	if (!mkg__count_add(&acc, hh))
		return false;
	*count = acc;
	return true;
}

static int
count_actors(mkg_summary *s, const mkg_model *m)
{
	s->households_total = -1;
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		s->households[k] = -1;
	for (size_t a = 0; a < s->actors; a++) {
		mkg_actor_kind kind = MKG_ACTOR(m, a)->kind;
		int64_t hh = MKG_ACTOR(m, a)->households;

		if ((unsigned)kind >= MKG_ACTOR_KIND_COUNT)
			continue; /* cannot happen in a valid model */
		s->kinds[kind]++;
		if (hh < 0)
			continue;
		if (!add_households(&s->households[kind], hh))
			return mkg__error(MKG_EDATA,
			                  "summary: the households of the %s actors overflow (sum of "
			                  "the actors' households exceeds " MKG_COUNT_LIMIT ")",
			                  mkg_actor_kind_name(kind));
		if (!add_households(&s->households_total, hh))
			return mkg__error(MKG_EDATA,
			                  "summary: the households of all actors overflow (sum of the "
			                  "actors' households exceeds " MKG_COUNT_LIMIT ")");
	}
	return MKG_OK;
}

/* Add goods transaction t to the chain of its primary commodity, its
 * volume in primary equivalents (volume x factor). */
static int
add_to_chain(mkg_summary *s, GHashTable *index, const mkg_model *m,
             const mkg_commodity_chains *cc, const mkg_transaction_rec *tx)
{
	const char *primary;
	double factor;
	gpointer pos;
	mkg_summary_chain *ch;
	int rc;

	mkg__tx_primary(m, cc, tx, &primary, &factor);
	if ((pos = g_hash_table_lookup(index, primary)) == NULL) {
		mkg_summary_chain init = { keep(s, primary), keep(s, mkg__commodity_unit(m, primary)), 0,
			                   MKG_ABSENT, MKG_ABSENT };
		g_array_append_val(s->chains, init);
		pos = GUINT_TO_POINTER(s->chains->len);
		g_hash_table_insert(index, (gpointer)primary, pos);
	}
	ch = &g_array_index(s->chains, mkg_summary_chain, GPOINTER_TO_UINT(pos) - 1u);
	ch->transactions++;
	if ((rc = add_amount(&ch->volume, MKG_IS_ABSENT(tx->volume) ? MKG_ABSENT
	                                                             : tx->volume * factor,
	                     "volume", "chain", ch->primary)) != MKG_OK ||
	    (rc = add_amount(&ch->value, tx->value, "value", "chain", ch->primary)) != MKG_OK)
		return rc;
	return MKG_OK;
}

/* Periods mixing commodities: a period's volume adds only the volumes of
 * one commodity, never tonnes of potato and of chips.  seen[g] is the one
 * commodity of period group g so far, or &mixed once it has two. */
static char mixed;

static void
note_period_commodity(GPtrArray *seen, GHashTable *index, const char *period,
                      const char *commodity)
{
	static const char no_key[] = ""; /* as add_to_group */
	guint g = GPOINTER_TO_UINT(g_hash_table_lookup(index, period ? period : no_key)) - 1u;

	if (g == seen->len) /* the group was just created */
		g_ptr_array_add(seen, (gpointer)commodity);
	else if (g_ptr_array_index(seen, g) != commodity) /* interned: one pointer per name */
		seen->pdata[g] = &mixed;
}

/* A period of one commodity gets that commodity's unit; a period of
 * several gets no volume and no unit (use the commodities and chains): its
 * sum, even infinite, is never reported. */
static void
period_units(mkg_summary *s, const mkg_model *m, GPtrArray *seen)
{
	for (guint g = 0; g < s->periods->len; g++) {
		mkg_summary_group *p = &g_array_index(s->periods, mkg_summary_group, g);
		const char *commodity = g_ptr_array_index(seen, g);

		if (commodity == &mixed) {
			p->volume = MKG_ABSENT;
			p->unit = NULL;
			continue;
		}
		p->unit = keep(s, mkg__commodity_unit(m, commodity));
		/* its volume is part of its commodity's, which would have failed first */
		g_assert(!isinf(p->volume));
	}
}

static int
count_transactions(mkg_summary *s, const mkg_model *m)
{
	GHashTable *commodity_index = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *period_index = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *chain_index = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *period_commodity; /* by period group, before sorting: see period_units */
	const mkg_commodity_chains *cc;
	int rc = mkg__model_commodity_chains(m, &cc);

	s->commodities = g_array_new(FALSE, FALSE, sizeof(mkg_summary_group));
	s->periods = g_array_new(FALSE, FALSE, sizeof(mkg_summary_group));
	s->chains = g_array_new(FALSE, FALSE, sizeof(mkg_summary_chain));
	period_commodity = g_ptr_array_new();
	for (size_t t = 0; t < s->transactions && rc == MKG_OK; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);
		double value = tx->value;

		s->without_volume += MKG_IS_ABSENT(tx->volume);
		s->without_value += MKG_IS_ABSENT(value);
		/* a group is part of the total: its sum overflows first.  Services
		 * are in no chain: their volume is not the chain's produce. */
		if ((rc = add_to_group(s, s->commodities, commodity_index, tx->commodity, m, t,
		                       "commodity")) != MKG_OK ||
		    (rc = add_to_group(s, s->periods, period_index, mkg__tx_period(m, tx), m, t,
		                       "period")) != MKG_OK ||
		    (!tx->service && (rc = add_to_chain(s, chain_index, m, cc, tx)) != MKG_OK) ||
		    (rc = add_amount(&s->value, value, "value", "all transactions", NULL)) != MKG_OK)
			break;
		note_period_commodity(period_commodity, period_index, mkg__tx_period(m, tx),
		                      tx->commodity);
	}
	if (rc == MKG_OK)
		period_units(s, m, period_commodity);
	g_array_sort(s->commodities, compare_keys);
	g_array_sort(s->periods, compare_keys);
	g_array_sort(s->chains, compare_chains);
	g_ptr_array_free(period_commodity, TRUE);
	g_hash_table_destroy(chain_index);
	g_hash_table_destroy(commodity_index);
	g_hash_table_destroy(period_index);
	return rc;
}

int
mkg_summary_new(mkg_summary **out, const mkg_model *model, const mkg_summary_options *opts)
{
	mkg_summary_options o;
	mkg_summary *s;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_summary_new", mkg_summary_options, MKG_SUMMARY_OPTIONS, opts, &o);
	(void)o; /* no option yet: the version is checked */
	s = g_new0(mkg_summary, 1);
	s->strings = g_string_chunk_new(1024);
	s->name = keep(s, mkg_model_name(model));
	s->currency = keep(s, mkg_model_currency(model));
	s->volume_unit = keep(s, mkg_model_volume_unit(model));
	s->period = keep(s, mkg_model_period(model));
	s->actors = mkg_model_actor_count(model);
	s->transactions = mkg_model_transaction_count(model);
	s->facilitation = mkg_model_facilitation_count(model);
	s->memberships = mkg_model_membership_count(model);
	if ((rc = count_actors(s, model)) != MKG_OK ||
	    (rc = count_transactions(s, model)) != MKG_OK) {
		mkg_summary_free(s);
		return rc;
	}
	*out = s;
	return MKG_OK;
}

void
mkg_summary_free(mkg_summary *s)
{
	if (s == NULL)
		return;
	if (s->commodities != NULL) /* NULL when the actors' count failed */
		g_array_free(s->commodities, TRUE);
	if (s->periods != NULL)
		g_array_free(s->periods, TRUE);
	if (s->chains != NULL)
		g_array_free(s->chains, TRUE);
	g_string_chunk_free(s->strings);
	g_free(s);
}

const char *
mkg__summary_model_name(const mkg_summary *s)
{
	return s ? s->name : NULL;
}

const char *
mkg__summary_currency(const mkg_summary *s)
{
	return s ? s->currency : NULL;
}

const char *
mkg__summary_volume_unit(const mkg_summary *s)
{
	return s ? s->volume_unit : NULL;
}

const char *
mkg__summary_model_period(const mkg_summary *s)
{
	return s ? s->period : NULL;
}

size_t
mkg__summary_actors(const mkg_summary *s)
{
	return s ? s->actors : 0;
}

size_t
mkg__summary_transactions(const mkg_summary *s)
{
	return s ? s->transactions : 0;
}

size_t
mkg__summary_facilitation_records(const mkg_summary *s)
{
	return s ? s->facilitation : 0;
}

size_t
mkg__summary_memberships(const mkg_summary *s)
{
	return s ? s->memberships : 0;
}

size_t
mkg_summary_kind_actors(const mkg_summary *s, mkg_actor_kind kind)
{
	return s && (unsigned)kind < MKG_ACTOR_KIND_COUNT ? s->kinds[kind] : 0;
}

int64_t
mkg_summary_kind_households(const mkg_summary *s, mkg_actor_kind kind)
{
	return s && (unsigned)kind < MKG_ACTOR_KIND_COUNT ? s->households[kind] : -1;
}

int64_t
mkg_summary_households(const mkg_summary *s)
{
	return s ? s->households_total : -1;
}

size_t
mkg_summary_commodity_count(const mkg_summary *s)
{
	return s ? s->commodities->len : 0;
}

const mkg_summary_group *
mkg_summary_commodity_at(const mkg_summary *s, size_t i)
{
	return s && i < s->commodities->len ? &g_array_index(s->commodities, mkg_summary_group, i)
	                                    : NULL;
}

size_t
mkg_summary_period_count(const mkg_summary *s)
{
	return s ? s->periods->len : 0;
}

const mkg_summary_group *
mkg_summary_period_at(const mkg_summary *s, size_t i)
{
	return s && i < s->periods->len ? &g_array_index(s->periods, mkg_summary_group, i) : NULL;
}

size_t
mkg_summary_chain_count(const mkg_summary *s)
{
	return s ? s->chains->len : 0;
}

const mkg_summary_chain *
mkg_summary_chain_at(const mkg_summary *s, size_t i)
{
	return s && i < s->chains->len ? &g_array_index(s->chains, mkg_summary_chain, i) : NULL;
}

double
mkg_summary_value(const mkg_summary *s)
{
	return s ? s->value : MKG_ABSENT;
}

size_t
mkg_summary_transactions_without_volume(const mkg_summary *s)
{
	return s ? s->without_volume : 0;
}

size_t
mkg_summary_transactions_without_value(const mkg_summary *s)
{
	return s ? s->without_value : 0;
}
