/* marketgraph: the periods of one model, and one period as a model of its
 * own (the comparison of two periods; `analyze --by-period`).
 * SPDX-License-Identifier: MIT */
#include "compare-private.h"

#include "marketgraph/facilitation.h" /* mkg_exit_date_parse */

#include <string.h>

struct mkg_periods {
	GPtrArray *periods; /* const char *, owned by strs; NULL first */
	GStringChunk *strs;
};

static gint
cmp_period(gconstpointer a, gconstpointer b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	if (x == NULL || y == NULL)
		return (x != NULL) - (y != NULL);
	return strcmp(x, y);
}

int
mkg_periods_new(mkg_periods **out, const mkg_model *m)
{
	mkg_periods *p;
	GHashTable *seen;
	bool none = false;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(m);
	p = g_new0(mkg_periods, 1);
	p->periods = g_ptr_array_new();
	p->strs = g_string_chunk_new(256);
	seen = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < m->transactions->len; i++) {
		const char *period = mkg__tx_period(m, MKG_TX(m, i));

		if (period == NULL) {
			none = true;
		} else if (!g_hash_table_contains(seen, period)) {
			g_hash_table_add(seen, (gpointer)period);
			g_ptr_array_add(p->periods, g_string_chunk_insert_const(p->strs, period));
		}
	}
	if (none)
		g_ptr_array_add(p->periods, NULL);
	g_ptr_array_sort(p->periods, cmp_period);
	g_hash_table_destroy(seen);
	*out = p;
	return MKG_OK;
}

void
mkg_periods_free(mkg_periods *p)
{
	if (p == NULL)
		return;
	g_ptr_array_free(p->periods, TRUE);
	g_string_chunk_free(p->strs);
	g_free(p);
}

size_t
mkg_periods_count(const mkg_periods *p)
{
	return p ? p->periods->len : 0;
}

const char *
mkg_periods_at(const mkg_periods *p, size_t i)
{
	return p && i < p->periods->len ? g_ptr_array_index(p->periods, i) : NULL;
}

/* "2011, 2012" (a period NULL written "(none)"); g_free. */
static char *
period_list(const mkg_model *m)
{
	mkg_periods *p = NULL;
	GString *s = g_string_new(NULL);

	(void)mkg_periods_new(&p, m);
	for (size_t i = 0; i < mkg_periods_count(p); i++) {
		const char *x = mkg_periods_at(p, i);

		g_string_append_printf(s, "%s%s", i ? ", " : "", x ? x : "(none)");
	}
	if (s->len == 0)
		g_string_append(s, "none");
	mkg_periods_free(p);
	return g_string_free(s, FALSE);
}

static bool
same_period(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* A record that starts after the period (both read as dates, a bare year
 * meaning its last day) is not part of it. */
static bool
started(const mkg_facilitation_rec *f, const char *period)
{
	int32_t start, day;

	if (f->start == NULL || period == NULL || mkg_exit_date_parse(period, &day) != MKG_OK ||
	    mkg_exit_date_parse(f->start, &start) != MKG_OK)
		return true;
	return start <= day;
}

/* Mark the actors that take part in the period: parties to its
 * transactions, the actors its records name (facilitator, successor,
 * targets, payers) and the groups of marked members. */
static uint8_t *
mark_actors(const mkg_model *m, const char *period)
{
	uint8_t *keep = g_new0(uint8_t, m->actors->len + 1);

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (same_period(mkg__tx_period(m, t), period))
			keep[t->seller] = keep[t->buyer] = 1;
	}
	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		bool any = f->target_actors.count > 0;

		if (!started(f, period))
			continue;

		for (uint32_t k = 0; k < f->target_transactions.count && !any; k++) {
			const mkg_transaction_rec *t =
				MKG_TX(m, MKG_POOL_IDX(m, f->target_transactions.first + k));

			any = same_period(mkg__tx_period(m, t), period);
		}
		if (!any)
			continue; /* dropped: no target left */
		keep[f->facilitator] = 1;
		if (f->successor != MKG_IDX_NONE)
			keep[f->successor] = 1;
		for (uint32_t k = 0; k < f->target_actors.count; k++)
			keep[MKG_POOL_IDX(m, f->target_actors.first + k)] = 1;
		for (uint32_t k = 0; k < f->payments.count; k++)
			keep[MKG_POOL_PAYMENT(m, f->payments.first + k)->actor] = 1;
	}
	for (guint i = 0; i < m->memberships->len; i++) {
		const mkg_membership_rec *r = MKG_MEMBERSHIP(m, i);

		if (keep[r->member])
			keep[r->group] = 1;
	}
	return keep;
}

static int
copy_records(mkg_model *o, const mkg_model *m, const char *period)
{
	uint8_t *keep = mark_actors(m, period);
	int rc = MKG_OK;

	for (size_t i = 0; rc == MKG_OK && i < m->commodities->len; i++) {
		mkg_commodity_desc d = MKG_COMMODITY_DESC_INIT;

		rc = mkg_model_commodity_at(m, i, &d);
		if (rc == MKG_OK)
			rc = mkg_model_add_commodity(o, &d, NULL);
	}
	for (size_t i = 0; rc == MKG_OK && i < m->actors->len; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

		if (!keep[i])
			continue;
		rc = mkg_model_actor_at(m, i, &d);
		if (rc == MKG_OK)
			rc = mkg_model_add_actor(o, &d, NULL);
	}
	for (size_t i = 0; rc == MKG_OK && i < m->memberships->len; i++) {
		mkg_membership_desc d = MKG_MEMBERSHIP_DESC_INIT;

		if (!keep[MKG_MEMBERSHIP(m, i)->member])
			continue;
		rc = mkg_model_membership_at(m, i, &d);
		if (rc == MKG_OK)
			rc = mkg_model_add_membership(o, &d, NULL);
	}
	g_free(keep);
	for (size_t i = 0; rc == MKG_OK && i < m->transactions->len; i++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

		if (!same_period(mkg__tx_period(m, MKG_TX(m, i)), period))
			continue;
		rc = mkg_model_transaction_at(m, i, &d);
		if (rc == MKG_OK)
			rc = mkg_model_add_transaction(o, &d, NULL);
	}
	for (size_t i = 0; rc == MKG_OK && i < m->facilitation->len; i++) {
		mkg_facilitation_desc d = MKG_FACILITATION_DESC_INIT;
		const char **kept;
		size_t n = 0;

		if (!started(MKG_FAC(m, i), period))
			continue;
		if ((rc = mkg_model_facilitation_at(m, i, &d)) != MKG_OK)
			break;
		kept = g_new(const char *, d.target_transaction_count + 1);
		for (size_t k = 0; k < d.target_transaction_count; k++)
			if (mkg__model_transaction_lookup(o, d.target_transactions[k]) != MKG_IDX_NONE)
				kept[n++] = d.target_transactions[k];
		d.target_transactions = n ? kept : NULL;
		d.target_transaction_count = n;
		if (d.target_actor_count + n > 0)
			rc = mkg_model_add_facilitation(o, &d, NULL);
		g_free(kept);
	}
	return rc;
}

int
mkg_model_select_period(mkg_model **out, const mkg_model *m, const char *period)
{
	mkg_model *o = NULL;
	bool found = false;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(m);
	for (guint i = 0; i < m->transactions->len && !found; i++)
		found = same_period(mkg__tx_period(m, MKG_TX(m, i)), period);
	if (!found) {
		char *list = period_list(m);

		rc = mkg__error(MKG_ENOTFOUND, "period: no transaction in period \"%s\" (periods: %s)",
		                period ? period : "(none)", list);
		g_free(list);
		return rc;
	}
	if ((rc = mkg_model_new(&o)) != MKG_OK)
		return rc;
	rc = mkg_model_set_name(o, m->name);
	if (rc == MKG_OK)
		rc = mkg_model_set_currency(o, m->currency);
	if (rc == MKG_OK)
		rc = mkg_model_set_volume_unit(o, m->volume_unit);
	if (rc == MKG_OK)
		rc = mkg_model_set_period(o, period);
	if (rc == MKG_OK && m->attributes)
		rc = mkg_model_set_attributes(o, m->attributes);
	if (rc == MKG_OK)
		rc = copy_records(o, m, period);
	if (rc != MKG_OK) {
		mkg_model_free(o);
		return rc;
	}
	*out = o;
	return MKG_OK;
}
