/* marketgraph: structural equality of two models (for round-trip checks).
 * SPDX-License-Identifier: MIT */
#include "model-private.h"

#include <math.h>
#include <string.h>

static bool
str_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Numbers compare exactly; absent (NaN) equals absent. */
static bool
num_eq(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

static bool
idx_slice_eq(const mkg_model *a, mkg_slice sa, const mkg_model *b, mkg_slice sb)
{
	if (sa.count != sb.count)
		return false;
	for (uint32_t k = 0; k < sa.count; k++)
		if (MKG_POOL_IDX(a, sa.first + k) != MKG_POOL_IDX(b, sb.first + k))
			return false;
	return true;
}

static bool
actor_eq(const mkg_model *a, const mkg_actor_rec *x, const mkg_model *b, const mkg_actor_rec *y)
{
	if (!str_eq(x->id, y->id) || !str_eq(x->name, y->name) || !str_eq(x->region, y->region) ||
	    !str_eq(x->attributes, y->attributes) || x->households != y->households ||
	    !num_eq(x->capacity, y->capacity) || !num_eq(x->supply, y->supply) ||
	    !num_eq(x->demand, y->demand) || x->kind != y->kind || x->firms != y->firms ||
	    x->tags.count != y->tags.count)
		return false;
	for (uint32_t k = 0; k < x->tags.count; k++)
		if (!str_eq(MKG_POOL_STR(a, x->tags.first + k), MKG_POOL_STR(b, y->tags.first + k)))
			return false;
	if (x->costs.count != y->costs.count)
		return false;
	for (uint32_t k = 0; k < x->costs.count; k++) {
		const mkg_cost *p = MKG_POOL_COST(a, x->costs.first + k);
		const mkg_cost *q = MKG_POOL_COST(b, y->costs.first + k);

		if (!str_eq(p->item, q->item) || !num_eq(p->amount, q->amount) ||
		    !str_eq(p->period, q->period) || !str_eq(p->commodity, q->commodity))
			return false;
	}
	return true;
}

static bool
tx_eq(const mkg_transaction_rec *x, const mkg_transaction_rec *y)
{
	return str_eq(x->id, y->id) && str_eq(x->commodity, y->commodity) &&
	       str_eq(x->period, y->period) && str_eq(x->level, y->level) &&
	       str_eq(x->attributes, y->attributes) &&
	       num_eq(x->volume, y->volume) && num_eq(x->value, y->value) &&
	       num_eq(x->capacity, y->capacity) && x->seller == y->seller && x->buyer == y->buyer &&
	       x->contract == y->contract && x->service == y->service;
}

static bool
fac_eq(const mkg_model *a, const mkg_facilitation_rec *x, const mkg_model *b,
       const mkg_facilitation_rec *y)
{
	if (!str_eq(x->id, y->id) || !str_eq(x->start, y->start) || !str_eq(x->end, y->end) ||
	    !str_eq(x->attributes, y->attributes) || !num_eq(x->cost, y->cost) ||
	    x->facilitator != y->facilitator || x->successor != y->successor || x->type != y->type ||
	    x->function != y->function || x->exit != y->exit ||
	    !idx_slice_eq(a, x->target_actors, b, y->target_actors) ||
	    !idx_slice_eq(a, x->target_transactions, b, y->target_transactions) ||
	    !idx_slice_eq(a, x->embedded, b, y->embedded) ||
	    !num_eq(x->embedded_share, y->embedded_share) ||
	    x->payments.count != y->payments.count)
		return false;
	for (uint32_t k = 0; k < x->payments.count; k++) {
		const mkg_payment_rec *p = MKG_POOL_PAYMENT(a, x->payments.first + k);
		const mkg_payment_rec *q = MKG_POOL_PAYMENT(b, y->payments.first + k);
		if (p->actor != q->actor || !num_eq(p->share, q->share))
			return false;
	}
	return true;
}

static bool
commodity_eq(const mkg_commodity_rec *x, const mkg_commodity_rec *y)
{
	return str_eq(x->id, y->id) && str_eq(x->unit, y->unit) &&
	       str_eq(x->made_from, y->made_from) && str_eq(x->attributes, y->attributes) &&
	       num_eq(x->input_per_unit, y->input_per_unit) && x->service == y->service &&
	       x->transfer == y->transfer;
}

static bool
membership_eq(const mkg_membership_rec *x, const mkg_membership_rec *y)
{
	return x->group == y->group && x->member == y->member && str_eq(x->since, y->since) &&
	       str_eq(x->role, y->role);
}

int
mkg_model_equal(const mkg_model *a, const mkg_model *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (!str_eq(a->name, b->name) || !str_eq(a->currency, b->currency) ||
	    !str_eq(a->volume_unit, b->volume_unit) || !str_eq(a->period, b->period) ||
	    !str_eq(a->attributes, b->attributes) || a->actors->len != b->actors->len ||
	    a->transactions->len != b->transactions->len ||
	    a->facilitation->len != b->facilitation->len ||
	    a->memberships->len != b->memberships->len ||
	    a->commodities->len != b->commodities->len)
		return 0;
	for (guint i = 0; i < a->actors->len; i++)
		if (!actor_eq(a, MKG_ACTOR(a, i), b, MKG_ACTOR(b, i)))
			return 0;
	for (guint i = 0; i < a->transactions->len; i++)
		if (!tx_eq(MKG_TX(a, i), MKG_TX(b, i)))
			return 0;
	for (guint i = 0; i < a->facilitation->len; i++)
		if (!fac_eq(a, MKG_FAC(a, i), b, MKG_FAC(b, i)))
			return 0;
	for (guint i = 0; i < a->memberships->len; i++)
		if (!membership_eq(MKG_MEMBERSHIP(a, i), MKG_MEMBERSHIP(b, i)))
			return 0;
	for (guint i = 0; i < a->commodities->len; i++)
		if (!commodity_eq(MKG_COMMODITY(a, i), MKG_COMMODITY(b, i)))
			return 0;
	return 1;
}
