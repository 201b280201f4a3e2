/* marketgraph: exit readiness of temporary facilitation (analyses.md, 3).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_exit_readiness {
	GStringChunk *strings;
	size_t count;
	size_t unplanned;
	size_t at_risk;
	mkg_exit_plan *plans;
};

static const char *const reason_names[MKG_EXIT_REASON_COUNT] = {
	"no_end", "no_exit", "unfit_successor", "conflicted_successor", "successor_pays_nothing",
	"users_pay_nothing",
};

const char *
mkg_exit_reason_name(mkg_exit_reason reason)
{
	for (int i = 0; i < MKG_EXIT_REASON_COUNT; i++)
		if ((unsigned)reason == 1u << i)
			return reason_names[i];
	return NULL;
}

/* Programmes and NGOs are themselves temporary: handing a function over to
 * one of them postpones the exit instead of planning it. */
static bool
fitting_successor(mkg_actor_kind kind)
{
	return kind != MKG_ACTOR_PROGRAMME && kind != MKG_ACTOR_NGO;
}

/* An actor that buys or sells the produce: brokering its own trade, it is
 * conflicted. */
static bool
trades(mkg_actor_kind kind)
{
	switch (kind) {
	case MKG_ACTOR_INPUT_SUPPLIER:
	case MKG_ACTOR_COLLECTOR:
	case MKG_ACTOR_TRADER:
	case MKG_ACTOR_PROCESSOR:
	case MKG_ACTOR_WHOLESALER:
	case MKG_ACTOR_EXPORTER:
	case MKG_ACTOR_RETAILER:
		return true;
	default:
		return false;
	}
}

/* The table of docs/analyses.md: brokerage, information, linkages and
 * platforms want a neutral provider (a service provider, an association, a
 * public agency or board, paid by commission or fee); regulation and
 * monitoring want one that does not trade either.  Other functions fit
 * any market actor. */
static bool
conflicted(mkg_function function, mkg_actor_kind kind)
{
	switch (function) {
	case MKG_FUNCTION_BROKERAGE:
	case MKG_FUNCTION_INFORMATION:
	case MKG_FUNCTION_LINKAGES:
	case MKG_FUNCTION_PLATFORM:
	case MKG_FUNCTION_REGULATION:
	case MKG_FUNCTION_MONITORING:
		return trades(kind);
	default:
		return false;
	}
}

/* Stamp the users of record f (its targets, the sellers and buyers of its
 * target transactions) with `stamp`. */
static void
mark_users(const mkg_model *m, const mkg_facilitation_rec *f, uint32_t *user, uint32_t stamp)
{
	for (uint32_t k = 0; k < f->target_actors.count; k++)
		user[MKG_POOL_IDX(m, f->target_actors.first + k)] = stamp;
	for (uint32_t k = 0; k < f->target_transactions.count; k++) {
		const mkg_transaction_rec *t = MKG_TX(m, MKG_POOL_IDX(m, f->target_transactions.first + k));
		user[t->seller] = stamp;
		user[t->buyer] = stamp;
	}
}

/* What f's users other than `except` and the facilitator pay, plus the
 * share recovered in prices; users stamped with `stamp`.  A successor that
 * is a user and pays counts: it pays for what it uses. */
static double
users_share(const mkg_model *m, const mkg_facilitation_rec *f, const uint32_t *user,
            uint32_t stamp, mkg_idx except)
{
	double share = f->embedded_share;

	for (uint32_t k = 0; k < f->payments.count; k++) {
		const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);

		if (p->actor != except && p->actor != f->facilitator && user[p->actor] == stamp)
			share += p->share;
	}
	return share;
}

static double
successor_share(const mkg_model *m, const mkg_facilitation_rec *f)
{
	double share = 0;

	for (uint32_t k = 0; k < f->payments.count; k++) {
		const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);
		if (p->actor == f->successor)
			share += p->share;
	}
	return share;
}

/* The (facilitator, function) of every commercial record its users pay
 * for, or whose cost is recovered in prices: the functions each actor
 * already sells.  O(F + P). */
static GHashTable *
sold_functions(const mkg_model *m, uint32_t *user)
{
	GHashTable *sold = g_hash_table_new_full(mkg__pair_hash, g_int64_equal, g_free, NULL);

	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *c = MKG_FAC(m, i);

		if (c->type != MKG_FACILITATION_COMMERCIAL)
			continue;
		mark_users(m, c, user, i + 1u);
		if (users_share(m, c, user, i + 1u, MKG_IDX_NONE) > 0) {
			guint64 *key = g_new(guint64, 1);
			*key = (guint64)c->facilitator << 8 | c->function;
			g_hash_table_add(sold, key);
		}
	}
	return sold;
}

static int
by_record(const void *a, const void *b)
{
	return strcmp(((const mkg_exit_plan *)a)->record, ((const mkg_exit_plan *)b)->record);
}

mkg_exit_readiness *
mkg__exit_readiness_compute(const mkg_model *m)
{
	mkg_exit_readiness *r = g_new0(mkg_exit_readiness, 1);
	GArray *plans = g_array_new(FALSE, TRUE, sizeof(mkg_exit_plan));
	uint32_t *user = g_new0(uint32_t, m->actors->len + 1u);
	uint32_t stamp = m->facilitation->len + 1u; /* above sold_functions' stamps */
	GHashTable *sold = sold_functions(m, user);

	r->strings = g_string_chunk_new(1024);
	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		mkg_exit_plan p = { 0 };
		guint64 key;
		bool given;

		if (f->type != MKG_FACILITATION_TEMPORARY)
			continue;
		p.record = mkg__keep(r->strings, f->id);
		p.facilitator = mkg__keep(r->strings, MKG_ACTOR(m, f->facilitator)->id);
		p.function = (mkg_function)f->function;
		p.end = mkg__keep(r->strings, f->end);
		p.exit = (mkg_exit)f->exit;
		p.successor_kind = MKG_ACTOR_KIND_UNSET;
		if (f->successor != MKG_IDX_NONE) {
			p.successor = mkg__keep(r->strings, MKG_ACTOR(m, f->successor)->id);
			p.successor_kind = MKG_ACTOR(m, f->successor)->kind;
		}
		if (f->end == NULL)
			p.reasons |= MKG_EXIT_REASON_NO_END;
		if (p.exit == MKG_EXIT_NONE)
			p.reasons |= MKG_EXIT_REASON_NO_EXIT;
		/* The importer guarantees a successor for commercial and public exits. */
		if ((p.exit == MKG_EXIT_COMMERCIAL || p.exit == MKG_EXIT_PUBLIC) &&
		    p.successor != NULL && !fitting_successor(p.successor_kind))
			p.reasons |= MKG_EXIT_REASON_UNFIT_SUCCESSOR;
		if (p.successor != NULL && conflicted(p.function, p.successor_kind))
			p.reasons |= MKG_EXIT_REASON_CONFLICTED_SUCCESSOR;
		given = f->payments.count > 0 || f->embedded.count > 0;
		mark_users(m, f, user, stamp);
		p.users_share = given ? users_share(m, f, user, stamp, MKG_IDX_NONE) : MKG_ABSENT;
		p.successor_share = given && p.successor ? successor_share(m, f) : MKG_ABSENT;
		stamp++;
		if (p.successor != NULL && !(p.successor_share > 0))
			p.reasons |= MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING;
		key = (guint64)f->successor << 8 | f->function;
		if (p.exit == MKG_EXIT_COMMERCIAL && !(p.users_share > 0) &&
		    !g_hash_table_contains(sold, &key))
			p.reasons |= MKG_EXIT_REASON_USERS_PAY_NOTHING;
		p.planned = (p.reasons & MKG_EXIT_REASONS_UNPLANNED) == 0;
		p.at_risk = p.planned && p.reasons != 0;
		r->unplanned += !p.planned;
		r->at_risk += (size_t)p.at_risk;
		g_array_append_val(plans, p);
	}
	g_hash_table_destroy(sold);
	g_free(user);
	g_array_sort(plans, by_record);
	r->count = plans->len;
	r->plans = (mkg_exit_plan *)(void *)g_array_free(plans, FALSE);
	return r;
}

MKG_DEFINE_INIT(mkg_exit_readiness_options_init, mkg_exit_readiness_options, opts,
                MKG_EXIT_READINESS_OPTIONS)

int
mkg_exit_readiness_new(mkg_exit_readiness **out, const mkg_model *model,
                       const mkg_exit_readiness_options *opts)
{
	mkg_exit_readiness_options o;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_exit_readiness_new", mkg_exit_readiness_options,
	                    MKG_EXIT_READINESS_OPTIONS, opts, &o);
	(void)o; /* no option yet: the version is checked */
	*out = mkg__exit_readiness_compute(model);
	return MKG_OK;
}

void
mkg_exit_readiness_free(mkg_exit_readiness *r)
{
	if (r == NULL)
		return;
	g_free(r->plans);
	g_string_chunk_free(r->strings);
	g_free(r);
}

size_t
mkg_exit_readiness_count(const mkg_exit_readiness *r)
{
	return r ? r->count : 0;
}

const mkg_exit_plan *
mkg_exit_readiness_at(const mkg_exit_readiness *r, size_t i)
{
	return r && i < r->count ? &r->plans[i] : NULL;
}

size_t
mkg_exit_readiness_unplanned(const mkg_exit_readiness *r)
{
	return r ? r->unplanned : 0;
}

size_t
mkg_exit_readiness_at_risk(const mkg_exit_readiness *r)
{
	return r ? r->at_risk : 0;
}
