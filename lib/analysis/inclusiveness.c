/* marketgraph: inclusiveness: households reached (analyses.md, 5).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_inclusiveness {
	int64_t households_selling;
	size_t producers_selling;
	int64_t households_producers;
	int64_t households_supported;
	size_t actors_supported;
	GStringChunk *strings;  /* the chains' names and units: the result outlives the model */
	GArray *chains;         /* mkg_inclusiveness_chain, by primary commodity in byte order */
};

static int
compare_chains(const void *a, const void *b)
{
	return strcmp(((const mkg_inclusiveness_chain *)a)->primary,
	              ((const mkg_inclusiveness_chain *)b)->primary);
}

/* The row of primary's chain, created on first sight. */
static mkg_inclusiveness_chain *
chain_row(mkg_inclusiveness *inc, GHashTable *index, const mkg_model *m, const char *primary)
{
	gpointer pos = g_hash_table_lookup(index, primary);

	if (pos == NULL) {
		const char *unit = mkg__commodity_unit(m, primary);
		mkg_inclusiveness_chain init = {
			g_string_chunk_insert_const(inc->strings, primary),
			unit ? g_string_chunk_insert_const(inc->strings, unit) : NULL, 0, 0, MKG_ABSENT
		};
		g_array_append_val(inc->chains, init);
		pos = GUINT_TO_POINTER(inc->chains->len);
		g_hash_table_insert(index, (gpointer)primary, pos);
	}
	return &g_array_index(inc->chains, mkg_inclusiveness_chain, GPOINTER_TO_UINT(pos) - 1u);
}

static int64_t
households(const mkg_actor_rec *a)
{
	return a->households > 0 ? a->households : 0;
}

/* Add an actor's households to a count; MKG_EDATA naming the count when it
 * would pass INT64_MAX (an error, not a clamp: see docs/analyses.md). */
static int
add_households(int64_t *count, const mkg_actor_rec *a, const char *what)
{
	if (mkg__count_add(count, households(a)))
		return MKG_OK;
	return mkg__error(MKG_EDATA,
	                  "inclusiveness: the households of %s overflow (sum of the actors' "
	                  "households exceeds " MKG_COUNT_LIMIT ")",
	                  what);
}

static int
add_volume(double *sum, double volume, const char *what, const char *chain)
{
	if (mkg__sum_add(sum, volume))
		return MKG_OK;
	return mkg__error(MKG_EDATA,
	                  "inclusiveness: the volume %s in chain \"%s\" overflows (sum of the "
	                  "transactions' volume in primary equivalents exceeds " MKG_SUM_LIMIT ")",
	                  what, chain);
}

/* Volumes per chain, in primary equivalents: tubers and chips are never
 * added as if they were one (docs/analyses.md, "Chains"). */
static int
sum_volumes(mkg_inclusiveness *inc, const mkg_model *m, uint8_t *sold)
{
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	const mkg_commodity_chains *cc;
	int rc = mkg__model_commodity_chains(m, &cc);

	for (guint i = 0; i < m->transactions->len && rc == MKG_OK; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		mkg_inclusiveness_chain *ch;
		const char *primary;
		double factor, volume;

		if (t->service)
			continue;
		if (t->volume > 0 || t->value > 0) /* NaN compares false: absent */
			sold[t->seller] = 1;
		mkg__tx_primary(m, cc, t, &primary, &factor);
		ch = chain_row(inc, index, m, primary);
		if (MKG_IS_ABSENT(t->volume))
			continue;
		volume = t->volume * factor;
		if ((rc = add_volume(&ch->produce_volume, volume, "of produce", ch->primary)) !=
		    MKG_OK)
			break;
		if (MKG_ACTOR(m, t->seller)->households > 0)
			rc = add_volume(&ch->smallholder_volume, volume, "sold by smallholders",
			                ch->primary);
	}
	g_hash_table_destroy(index);
	if (rc != MKG_OK)
		return rc;
	g_array_sort(inc->chains, compare_chains);
	for (guint c = 0; c < inc->chains->len; c++) {
		mkg_inclusiveness_chain *ch = &g_array_index(inc->chains, mkg_inclusiveness_chain, c);

		if (ch->produce_volume > 0)
			ch->smallholder_volume_share = ch->smallholder_volume / ch->produce_volume;
	}
	return MKG_OK;
}

static int
sum_households(mkg_inclusiveness *inc, const mkg_model *m, const uint8_t *sold,
               const uint8_t *actor_bits)
{
	int rc;

	for (guint a = 0; a < m->actors->len; a++) {
		const mkg_actor_rec *r = MKG_ACTOR(m, a);

		if (r->kind == MKG_ACTOR_PRODUCER) {
			if ((rc = add_households(&inc->households_producers, r, "the producers")) !=
			    MKG_OK)
				return rc;
			if (sold[a]) {
				inc->producers_selling++;
				if ((rc = add_households(&inc->households_selling, r,
				                         "the producers selling")) != MKG_OK)
					return rc;
			}
		}
		if (actor_bits[a]) {
			inc->actors_supported++;
			if ((rc = add_households(&inc->households_supported, r,
			                         "the supported actors")) != MKG_OK)
				return rc;
		}
	}
	return MKG_OK;
}

int
mkg__inclusiveness_compute(mkg_inclusiveness **out, const mkg_model *m)
{
	mkg_inclusiveness *inc = g_new0(mkg_inclusiveness, 1);
	guint na = m->actors->len;
	uint8_t *sold = g_new0(uint8_t, na ? na : 1);
	uint8_t *actor_bits = g_new0(uint8_t, na ? na : 1);
	int rc;

	inc->strings = g_string_chunk_new(256);
	inc->chains = g_array_new(FALSE, FALSE, sizeof(mkg_inclusiveness_chain));
	rc = sum_volumes(inc, m, sold);

	/* Supported actors: targeted, or party to a targeted transaction. */
	mkg__mark_supported_actors(m, actor_bits);

	if (rc == MKG_OK)
		rc = sum_households(inc, m, sold, actor_bits);
	g_free(sold);
	g_free(actor_bits);
	if (rc != MKG_OK) {
		mkg_inclusiveness_free(inc);
		return rc;
	}
	*out = inc;
	return MKG_OK;
}

MKG_DEFINE_INIT(mkg_inclusiveness_options_init, mkg_inclusiveness_options, opts,
                MKG_INCLUSIVENESS_OPTIONS)

int
mkg_inclusiveness_new(mkg_inclusiveness **out, const mkg_model *model,
                      const mkg_inclusiveness_options *opts)
{
	mkg_inclusiveness_options o;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_inclusiveness_new", mkg_inclusiveness_options,
	                    MKG_INCLUSIVENESS_OPTIONS, opts, &o);
	(void)o; /* no option yet: the version is checked */
	return mkg__inclusiveness_compute(out, model);
}

void
mkg_inclusiveness_free(mkg_inclusiveness *inc)
{
	if (inc == NULL)
		return;
	g_array_free(inc->chains, TRUE);
	g_string_chunk_free(inc->strings);
	g_free(inc);
}

int64_t
mkg_inclusiveness_households_selling(const mkg_inclusiveness *inc)
{
	return inc ? inc->households_selling : 0;
}

size_t
mkg_inclusiveness_producers_selling(const mkg_inclusiveness *inc)
{
	return inc ? inc->producers_selling : 0;
}

int64_t
mkg_inclusiveness_households_producers(const mkg_inclusiveness *inc)
{
	return inc ? inc->households_producers : 0;
}

int64_t
mkg_inclusiveness_households_supported(const mkg_inclusiveness *inc)
{
	return inc ? inc->households_supported : 0;
}

size_t
mkg_inclusiveness_actors_supported(const mkg_inclusiveness *inc)
{
	return inc ? inc->actors_supported : 0;
}

size_t
mkg_inclusiveness_chain_count(const mkg_inclusiveness *inc)
{
	return inc ? inc->chains->len : 0;
}

const mkg_inclusiveness_chain *
mkg_inclusiveness_chain_at(const mkg_inclusiveness *inc, size_t i)
{
	return inc && i < inc->chains->len
	               ? &g_array_index(inc->chains, mkg_inclusiveness_chain, i)
	               : NULL;
}

/* The model-wide volumes exist only with one chain: with several they would
 * add tonnes of different goods (NaN).  No chain: nothing sold (0). */
static double
model_wide(const mkg_inclusiveness *inc, double none, double (*of)(const mkg_inclusiveness_chain *))
{
	if (inc == NULL || inc->chains->len > 1)
		return MKG_ABSENT;
	if (inc->chains->len == 0)
		return none;
	return of(&g_array_index(inc->chains, mkg_inclusiveness_chain, 0));
}

static double
produce_of(const mkg_inclusiveness_chain *ch)
{
	return ch->produce_volume;
}

static double
smallholder_of(const mkg_inclusiveness_chain *ch)
{
	return ch->smallholder_volume;
}

static double
share_of(const mkg_inclusiveness_chain *ch)
{
	return ch->smallholder_volume_share;
}

double
mkg_inclusiveness_produce_volume(const mkg_inclusiveness *inc)
{
	return model_wide(inc, 0, produce_of);
}

double
mkg_inclusiveness_smallholder_volume(const mkg_inclusiveness *inc)
{
	return model_wide(inc, 0, smallholder_of);
}

double
mkg_inclusiveness_smallholder_volume_share(const mkg_inclusiveness *inc)
{
	return model_wide(inc, MKG_ABSENT, share_of);
}
