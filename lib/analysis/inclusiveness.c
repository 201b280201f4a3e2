/* marketgraph: inclusiveness: households reached (analyses.md, 5).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

struct mkg_inclusiveness {
	int64_t households_selling;
	size_t producers_selling;
	int64_t households_producers;
	int64_t households_supported;
	size_t actors_supported;
	double produce_volume;
	double smallholder_volume;
};

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
add_volume(double *sum, double volume, const char *what)
{
	if (mkg__sum_add(sum, volume))
		return MKG_OK;
	return mkg__error(MKG_EDATA,
	                  "inclusiveness: the volume %s overflows (sum of the transactions' "
	                  "volume exceeds " MKG_SUM_LIMIT ")",
	                  what);
}

static int
sum_volumes(mkg_inclusiveness *inc, const mkg_model *m, uint8_t *sold)
{
	int rc;

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (t->service)
			continue;
		if (t->volume > 0 || t->value > 0) /* NaN compares false: absent */
			sold[t->seller] = 1;
		if (!MKG_IS_ABSENT(t->volume)) {
			if ((rc = add_volume(&inc->produce_volume, t->volume, "of produce")) != MKG_OK)
				return rc;
			if (MKG_ACTOR(m, t->seller)->households > 0 &&
			    (rc = add_volume(&inc->smallholder_volume, t->volume,
			                     "sold by smallholders")) != MKG_OK)
				return rc;
		}
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
	guint na = m->actors->len, nt = m->transactions->len;
	uint8_t *sold = g_new0(uint8_t, na ? na : 1);
	uint8_t *actor_bits = g_new0(uint8_t, na ? na : 1);
	uint8_t *tx_bits = g_new0(uint8_t, nt ? nt : 1);
	int rc = sum_volumes(inc, m, sold);

	/* Supported actors: targeted, or party to a targeted transaction. */
	for (guint f = 0; f < m->facilitation->len; f++)
		mkg__support_mark(m, MKG_FAC(m, f), actor_bits, tx_bits, 1);
	for (guint i = 0; i < nt; i++) {
		if (tx_bits[i]) {
			actor_bits[MKG_TX(m, i)->seller] = 1;
			actor_bits[MKG_TX(m, i)->buyer] = 1;
		}
	}

	if (rc == MKG_OK)
		rc = sum_households(inc, m, sold, actor_bits);
	g_free(sold);
	g_free(actor_bits);
	g_free(tx_bits);
	if (rc != MKG_OK) {
		g_free(inc);
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

double
mkg_inclusiveness_produce_volume(const mkg_inclusiveness *inc)
{
	return inc ? inc->produce_volume : MKG_ABSENT;
}

double
mkg_inclusiveness_smallholder_volume(const mkg_inclusiveness *inc)
{
	return inc ? inc->smallholder_volume : MKG_ABSENT;
}

double
mkg_inclusiveness_smallholder_volume_share(const mkg_inclusiveness *inc)
{
	if (inc == NULL || !(inc->produce_volume > 0))
		return MKG_ABSENT;
	return inc->smallholder_volume / inc->produce_volume;
}
