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

mkg_inclusiveness *
mkg__inclusiveness_compute(const mkg_model *m)
{
	mkg_inclusiveness *inc = g_new0(mkg_inclusiveness, 1);
	guint na = m->actors->len, nt = m->transactions->len;
	uint8_t *sold = g_new0(uint8_t, na ? na : 1);
	uint8_t *actor_bits = g_new0(uint8_t, na ? na : 1);
	uint8_t *tx_bits = g_new0(uint8_t, nt ? nt : 1);

	for (guint i = 0; i < nt; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (t->service)
			continue;
		if (t->volume > 0 || t->value > 0) /* NaN compares false: absent */
			sold[t->seller] = 1;
		if (!MKG_IS_ABSENT(t->volume)) {
			inc->produce_volume += t->volume;
			if (MKG_ACTOR(m, t->seller)->households > 0)
				inc->smallholder_volume += t->volume;
		}
	}

	/* Supported actors: targeted, or party to a targeted transaction. */
	for (guint f = 0; f < m->facilitation->len; f++)
		mkg__support_mark(m, MKG_FAC(m, f), actor_bits, tx_bits, 1);
	for (guint i = 0; i < nt; i++) {
		if (tx_bits[i]) {
			actor_bits[MKG_TX(m, i)->seller] = 1;
			actor_bits[MKG_TX(m, i)->buyer] = 1;
		}
	}

	for (guint a = 0; a < na; a++) {
		const mkg_actor_rec *r = MKG_ACTOR(m, a);

		if (r->kind == MKG_ACTOR_PRODUCER) {
			inc->households_producers += households(r);
			if (sold[a]) {
				inc->producers_selling++;
				inc->households_selling += households(r);
			}
		}
		if (actor_bits[a]) {
			inc->actors_supported++;
			inc->households_supported += households(r);
		}
	}
	g_free(sold);
	g_free(actor_bits);
	g_free(tx_bits);
	return inc;
}

int
mkg_inclusiveness_new(mkg_inclusiveness **out, const mkg_model *model)
{
	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	*out = mkg__inclusiveness_compute(model);
	return MKG_OK;
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

void
mkg__inclusiveness_write(mkg_jw *w, const mkg_inclusiveness *inc)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kint(w, "households_selling", inc->households_selling);
	mkg__jw_kint(w, "households_supported", inc->households_supported);
	mkg__jw_kdouble(w, "smallholder_volume_share",
	                mkg_inclusiveness_smallholder_volume_share(inc));
	mkg__jw_kint(w, "producers_selling", (int64_t)inc->producers_selling);
	mkg__jw_kint(w, "households_producers", inc->households_producers);
	mkg__jw_kint(w, "actors_supported", (int64_t)inc->actors_supported);
	mkg__jw_kdouble(w, "produce_volume", inc->produce_volume);
	mkg__jw_kdouble(w, "smallholder_volume", inc->smallholder_volume);
	mkg__jw_end_object(w);
}

int
mkg_inclusiveness_write_json(const mkg_inclusiveness *inc, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(inc);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__inclusiveness_write(w, inc);
	return mkg__m4p_finish(w, out, len);
}

void
mkg__inclusiveness_text(GString *out, const mkg_inclusiveness *inc, const mkg__units *u)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	mkg__m4p_heading(out, "Inclusiveness");
	g_string_append_printf(out, "Households selling: %" G_GINT64_FORMAT " (%zu producers; "
	                       "%" G_GINT64_FORMAT " households among all producers)\n",
	                       inc->households_selling, inc->producers_selling,
	                       inc->households_producers);
	g_string_append_printf(out, "Households supported by facilitation: %" G_GINT64_FORMAT
	                       " (%zu actors supported)\n", inc->households_supported,
	                       inc->actors_supported);
	g_string_append_printf(out, "Produce sold by actors with households: %s of %s %s "
	                       "(%s)\n", mkg__text_amount(a, inc->smallholder_volume),
	                       mkg__text_amount(b, inc->produce_volume),
	                       u->volume ? u->volume : "(volume unit)",
	                       mkg__text_percent(c, mkg_inclusiveness_smallholder_volume_share(inc)));
}
