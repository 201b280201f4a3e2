/* marketgraph: who pays for facilitation (analyses.md, 3).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_payments {
	GStringChunk *strings;
	size_t count;
	mkg_payment_row *rows;
	mkg_payment_total totals[MKG_FACILITATION_TYPE_COUNT];
	mkg_payer *payers[MKG_FACILITATION_TYPE_COUNT];
};

static int
by_amount(const void *pa, const void *pb)
{
	const mkg_payer *a = pa, *b = pb;

	if (a->amount != b->amount)
		return a->amount > b->amount ? -1 : 1;
	return strcmp(a->actor, b->actor);
}

/* Mark the users of record f (its target actors, and the sellers and buyers
 * of its target transactions) with stamp. */
static void
mark_users(const mkg_model *m, const mkg_facilitation_rec *f, uint32_t *user_stamp,
           uint32_t stamp)
{
	for (uint32_t k = 0; k < f->target_actors.count; k++)
		user_stamp[MKG_POOL_IDX(m, f->target_actors.first + k)] = stamp;
	for (uint32_t k = 0; k < f->target_transactions.count; k++) {
		const mkg_transaction_rec *t = MKG_TX(m, MKG_POOL_IDX(m, f->target_transactions.first + k));
		user_stamp[t->seller] = stamp;
		user_stamp[t->buyer] = stamp;
	}
}

/* Split one record's cost among users, facilitator and others. */
static void
split_record(mkg_payment_row *row, const mkg_model *m, const mkg_facilitation_rec *f,
             const uint32_t *user_stamp, uint32_t stamp)
{
	bool costed = !MKG_IS_ABSENT(f->cost);

	row->paid_by_given = f->payments.count > 0 || f->embedded.count > 0;
	row->users_share = row->facilitator_share = row->others_share = MKG_ABSENT;
	row->users_amount = row->facilitator_amount = row->others_amount = MKG_ABSENT;
	row->embedded_share = row->embedded_amount = MKG_ABSENT;
	if (row->paid_by_given) {
		row->users_share = row->facilitator_share = row->others_share = 0;
		row->embedded_share = f->embedded_share;
		for (uint32_t k = 0; k < f->payments.count; k++) {
			const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);

			if (p->actor == f->facilitator)
				row->facilitator_share += p->share;
			else if (user_stamp[p->actor] == stamp)
				row->users_share += p->share;
			else
				row->others_share += p->share;
		}
		if (costed) {
			row->users_amount = row->users_share * f->cost;
			row->facilitator_amount = row->facilitator_share * f->cost;
			row->others_amount = row->others_share * f->cost;
			row->embedded_amount = row->embedded_share * f->cost;
		}
	}
	/* An embedded service recovers its cost in the price: self-financing. */
	row->not_self_financing = row->type == MKG_FACILITATION_COMMERCIAL &&
	                          !(row->users_share > 0) && !(row->embedded_share > 0);
}

static void
add_to_total(mkg_payment_total *t, const mkg_payment_row *row)
{
	t->records++;
	t->not_self_financing += (size_t)row->not_self_financing;
	if (MKG_IS_ABSENT(row->cost))
		return;
	t->records_with_cost++;
	t->cost += row->cost;
	if (!row->paid_by_given) {
		t->unallocated_amount += row->cost;
		return;
	}
	t->users_amount += row->users_amount;
	t->facilitator_amount += row->facilitator_amount;
	t->others_amount += row->others_amount;
	t->embedded_amount += row->embedded_amount;
}

/* One payment of a costed record: who, for which type, how much. */
typedef struct payment {
	mkg_idx actor;
	uint32_t type;
	double amount;
} payment;

static int
by_type_actor(const void *pa, const void *pb)
{
	const payment *a = pa, *b = pb;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	return (a->actor > b->actor) - (a->actor < b->actor);
}

/* Sum the payments per (type, actor) and list each type's payers, largest
 * first: O(payments log payments), nothing proportional to the actors. */
static void
collect_payers(mkg_payments *p, const mkg_model *m, GArray *payments)
{
	GArray *payers[MKG_FACILITATION_TYPE_COUNT];

	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++)
		payers[type] = g_array_new(FALSE, TRUE, sizeof(mkg_payer));
	g_array_sort(payments, by_type_actor);
	for (guint i = 0; i < payments->len;) {
		const payment *first = &g_array_index(payments, payment, i);
		const mkg_payment_total *t = &p->totals[first->type];
		mkg_payer row;

		row.actor = mkg__keep(p->strings, MKG_ACTOR(m, first->actor)->id);
		row.kind = MKG_ACTOR(m, first->actor)->kind;
		row.amount = 0;
		for (; i < payments->len && by_type_actor(first, &g_array_index(payments, payment, i)) == 0;
		     i++)
			row.amount += g_array_index(payments, payment, i).amount;
		row.share = t->cost > 0 ? row.amount / t->cost : MKG_ABSENT;
		g_array_append_val(payers[first->type], row);
	}
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++) {
		g_array_sort(payers[type], by_amount);
		p->totals[type].payer_count = payers[type]->len;
		p->payers[type] = (mkg_payer *)(void *)g_array_free(payers[type], FALSE);
		p->totals[type].payers = p->payers[type];
	}
}

static gint
by_record_id(gconstpointer a, gconstpointer b, gpointer model)
{
	const mkg_model *m = model;

	return strcmp(MKG_FAC(m, *(const uint32_t *)a)->id, MKG_FAC(m, *(const uint32_t *)b)->id);
}

mkg_payments *
mkg__payments_compute(const mkg_model *m)
{
	mkg_payments *p = g_new0(mkg_payments, 1);
	guint nf = m->facilitation->len, na = m->actors->len;
	uint32_t *user_stamp = g_new0(uint32_t, na ? na : 1);
	GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), nf);
	GArray *payments = g_array_new(FALSE, FALSE, sizeof(payment));

	p->strings = g_string_chunk_new(4096);
	p->rows = g_new0(mkg_payment_row, nf ? nf : 1);
	p->count = nf;
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++)
		p->totals[type].type = (mkg_facilitation_type)type;
	/* rows in record id order: sort indices, not rows */
	for (uint32_t i = 0; i < nf; i++)
		g_array_append_val(order, i);
	g_array_sort_with_data(order, by_record_id, (gpointer)m);
	for (guint k = 0; k < nf; k++) {
		uint32_t i = g_array_index(order, uint32_t, k);
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		mkg_payment_row *row = &p->rows[k];

		row->record = mkg__keep(p->strings, f->id);
		row->facilitator = mkg__keep(p->strings, MKG_ACTOR(m, f->facilitator)->id);
		row->type = (mkg_facilitation_type)f->type;
		row->function = (mkg_function)f->function;
		row->cost = f->cost;
		mark_users(m, f, user_stamp, i + 1);
		split_record(row, m, f, user_stamp, i + 1);
		add_to_total(&p->totals[f->type], row);
		for (uint32_t j = 0; j < f->payments.count && !MKG_IS_ABSENT(f->cost); j++) {
			const mkg_payment_rec *pr = MKG_POOL_PAYMENT(m, f->payments.first + j);
			payment e = { pr->actor, f->type, pr->share * f->cost };
			g_array_append_val(payments, e);
		}
	}
	collect_payers(p, m, payments);
	g_array_free(payments, TRUE);
	g_array_free(order, TRUE);
	g_free(user_stamp);
	return p;
}

MKG_DEFINE_INIT(mkg_payments_options_init, mkg_payments_options, opts, MKG_PAYMENTS_OPTIONS)

int
mkg_payments_new(mkg_payments **out, const mkg_model *model, const mkg_payments_options *opts)
{
	mkg_payments_options o;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_payments_new", mkg_payments_options,
	                    MKG_PAYMENTS_OPTIONS, opts, &o);
	(void)o; /* no option yet: the version is checked */
	if ((rc = mkg__facilitation_costs_check(model, "payments")) != MKG_OK)
		return rc;
	*out = mkg__payments_compute(model);
	return MKG_OK;
}

void
mkg_payments_free(mkg_payments *p)
{
	if (p == NULL)
		return;
	for (int t = 0; t < MKG_FACILITATION_TYPE_COUNT; t++)
		g_free(p->payers[t]);
	g_free(p->rows);
	g_string_chunk_free(p->strings);
	g_free(p);
}

size_t
mkg_payments_count(const mkg_payments *p)
{
	return p ? p->count : 0;
}

const mkg_payment_row *
mkg_payments_at(const mkg_payments *p, size_t i)
{
	return p && i < p->count ? &p->rows[i] : NULL;
}

const mkg_payment_total *
mkg_payments_total(const mkg_payments *p, mkg_facilitation_type type)
{
	if (p == NULL || (unsigned)type >= MKG_FACILITATION_TYPE_COUNT)
		return NULL;
	return &p->totals[type];
}
