/* marketgraph: the model as a Kumu blueprint (docs/interop.md, "Kumu").
 *
 * Kumu imports {"elements": [...], "connections": [...]}: elements carry a
 * label, a type and any other fields; connections go from one element to
 * another by id.  Ids must be unique across elements and connections, so
 * each is prefixed by what it names ("actor:", "transaction:", ...).
 * A blueprint has no place for the model's own fields: the commodities it
 * lists reach Kumu through the transactions of produce, each with its
 * primary commodity, the factor to it and its volume in primary units.
 *
 * SPDX-License-Identifier: MIT */
#include "interop-private.h"
#include "core-private.h"
#include "model-private.h"

#include <math.h>
#include <string.h>

static void
opt_string(mkg_jw *w, const char *key, const char *s)
{
	if (s != NULL)
		mkg__jw_kstring(w, key, s);
}

static void
opt_number(mkg_jw *w, const char *key, double d)
{
	if (!isnan(d))
		mkg__jw_kdouble(w, key, d == 0 ? 0.0 : d);
}

static void
prefixed(mkg_jw *w, const char *key, const char *prefix, const char *id, GString *scratch)
{
	g_string_assign(scratch, prefix);
	g_string_append(scratch, id);
	mkg__jw_kstring(w, key, scratch->str);
}

/* The results of one actor (mkg_kumu_write() with results). */
static void
write_actor_results(mkg_jw *w, const mkg__actor_result *x)
{
	opt_number(w, "throughput", x->throughput);
	opt_number(w, "throughput_share", x->throughput_share);
	opt_number(w, "betweenness", x->betweenness);
	opt_number(w, "betweenness_share", x->betweenness_share);
	if (x->captive > 0) {
		mkg__jw_kint(w, "captive_producers", x->captive);
		opt_number(w, "captive_supply", x->captive_supply);
	}
	opt_string(w, "binding", x->binding);
	opt_number(w, "binding_capacity", x->binding_capacity);
}

static void
write_elements(mkg_jw *w, const mkg_model *m, const mkg__results *r, GString *scratch)
{
	mkg__jw_key(w, "elements");
	mkg__jw_begin_array(w, false);
	for (guint i = 0; i < m->actors->len; i++) {
		const mkg_actor_rec *a = MKG_ACTOR(m, i);

		mkg__jw_begin_object(w, true);
		prefixed(w, "id", "actor:", a->id, scratch);
		mkg__jw_kstring(w, "label", a->name ? a->name : a->id);
		mkg__jw_kstring(w, "type", mkg_actor_kind_name(a->kind));
		mkg__jw_kstring(w, "actor", a->id);
		opt_string(w, "region", a->region);
		if (a->households >= 0)
			mkg__jw_kint(w, "households", a->households);
		if (a->firms >= 1)
			mkg__jw_kint(w, "firms", a->firms);
		opt_number(w, "capacity", a->capacity);
		opt_number(w, "supply", a->supply);
		opt_number(w, "demand", a->demand);
		if (a->tags.count > 0) {
			mkg__jw_key(w, "tags");
			mkg__jw_begin_array(w, true);
			for (uint32_t k = 0; k < a->tags.count; k++)
				mkg__jw_string(w, MKG_POOL_STR(m, a->tags.first + k));
			mkg__jw_end_array(w);
		}
		opt_string(w, "attributes", a->attributes);
		if (r != NULL)
			write_actor_results(w, &r->actors[i]);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

/* The start of a connection: id, from, to, type, direction. */
static void
begin_connection(mkg_jw *w, GString *scratch, const char *id, const mkg_model *m, mkg_idx from,
                 mkg_idx to, const char *type)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "id", id);
	prefixed(w, "from", "actor:", MKG_ACTOR(m, from)->id, scratch);
	prefixed(w, "to", "actor:", MKG_ACTOR(m, to)->id, scratch);
	mkg__jw_kstring(w, "type", type);
	mkg__jw_kstring(w, "direction", "directed");
}

/* chains: NULL when the model lists no commodity. */
static void
write_transactions(mkg_jw *w, const mkg_model *m, const mkg_commodity_chains *chains,
                   const mkg__results *r, GString *scratch)
{
	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		char *id = g_strconcat("transaction:", t->id, NULL);

		begin_connection(w, scratch, id, m, t->seller, t->buyer, "transaction");
		g_free(id);
		mkg__jw_kstring(w, "transaction", t->id);
		mkg__jw_kstring(w, "commodity", t->commodity);
		opt_number(w, "volume", t->volume);
		opt_number(w, "value", t->value);
		opt_string(w, "period", mkg__tx_period(m, t));
		mkg__jw_kstring(w, "level", mkg__tx_level(m, t));
		mkg__jw_kstring(w, "contract", mkg_contract_name((mkg_contract)t->contract));
		mkg__jw_kbool(w, "service", t->service);
		opt_number(w, "capacity", t->capacity);
		opt_string(w, "attributes", t->attributes);
		if (chains != NULL && !t->service) {
			const char *primary;
			double factor;

			mkg__tx_primary(m, chains, t, &primary, &factor);
			mkg__jw_kstring(w, "primary", primary);
			mkg__jw_kdouble(w, "factor", factor);
			opt_number(w, "primary_volume", t->volume * factor);
		}
		if (r != NULL)
			opt_number(w, "binding_capacity", r->tx_binding[i]);
		mkg__jw_end_object(w);
	}
}

/* The actors a facilitation record supports, in order of first mention:
 * its target actors, then the sellers and buyers of its target
 * transactions; never the facilitator itself.  seen[a] == stamp marks an
 * actor already taken for this record (stamps differ per record, so the
 * array is never cleared: linear in the targets). */
void
mkg__supported_actors(const mkg_model *m, const mkg_facilitation_rec *f, uint32_t stamp,
                      uint32_t *seen, GArray *out)
{
	g_array_set_size(out, 0);
	seen[f->facilitator] = stamp;
	for (uint32_t k = 0; k < f->target_actors.count + 2 * f->target_transactions.count; k++) {
		mkg_idx a;

		if (k < f->target_actors.count) {
			a = MKG_POOL_IDX(m, f->target_actors.first + k);
		} else {
			uint32_t j = (k - f->target_actors.count) / 2;
			const mkg_transaction_rec *t =
				MKG_TX(m, MKG_POOL_IDX(m, f->target_transactions.first + j));
			a = (k - f->target_actors.count) % 2 == 0 ? t->seller : t->buyer;
		}
		if (seen[a] != stamp) {
			seen[a] = stamp;
			g_array_append_val(out, a);
		}
	}
}

static void
write_facilitation(mkg_jw *w, const mkg_model *m, GString *scratch)
{
	GArray *actors = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
	uint32_t *seen = g_new0(uint32_t, m->actors->len + 1);
	GString *paid = g_string_new(NULL);

	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		const char **payers = g_new(const char *, f->payments.count + 1);
		const char **embedded = g_new(const char *, f->embedded.count + 1);
		double *shares = g_new(double, f->payments.count + 1);

		for (uint32_t k = 0; k < f->payments.count; k++) {
			const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);
			payers[k] = MKG_ACTOR(m, p->actor)->id;
			shares[k] = p->share;
		}
		for (uint32_t k = 0; k < f->embedded.count; k++)
			embedded[k] = MKG_TX(m, MKG_POOL_IDX(m, f->embedded.first + k))->id;
		g_string_truncate(paid, 0);
		mkg__payments_write(paid, payers, shares, f->payments.count, embedded,
		                    f->embedded.count, f->embedded_share);
		g_free(embedded);
		mkg__supported_actors(m, f, i + 1u, seen, actors);
		for (guint k = 0; k < actors->len; k++) {
			char *id = g_strdup_printf("facilitation:%s:%u", f->id, k);

			begin_connection(w, scratch, id, m, f->facilitator,
			                 g_array_index(actors, mkg_idx, k), "facilitation");
			g_free(id);
			mkg__jw_kstring(w, "facilitation", f->id);
			mkg__jw_kstring(w, "facilitation_type",
			                mkg_facilitation_type_name((mkg_facilitation_type)f->type));
			mkg__jw_kstring(w, "function", mkg_function_name((mkg_function)f->function));
			opt_string(w, "start", f->start);
			opt_string(w, "end", f->end);
			opt_string(w, "exit", mkg_exit_name((mkg_exit)f->exit));
			if (f->successor != MKG_IDX_NONE)
				mkg__jw_kstring(w, "successor", MKG_ACTOR(m, f->successor)->id);
			/* each connection its equal share: Kumu's sums count the cost once */
			opt_number(w, "cost", f->cost / (double)actors->len);
			if (paid->len > 0)
				mkg__jw_kstring(w, "paid_by", paid->str);
			opt_string(w, "attributes", f->attributes);
			mkg__jw_end_object(w);
		}
		g_free(payers);
		g_free(shares);
	}
	g_string_free(paid, TRUE);
	g_free(seen);
	g_array_free(actors, TRUE);
}

static void
write_memberships(mkg_jw *w, const mkg_model *m, GString *scratch)
{
	for (guint i = 0; i < m->memberships->len; i++) {
		const mkg_membership_rec *ms = MKG_MEMBERSHIP(m, i);
		char id[32];

		g_snprintf(id, sizeof id, "membership:%u", i);
		begin_connection(w, scratch, id, m, ms->member, ms->group, "membership");
		opt_string(w, "since", ms->since);
		opt_string(w, "role", ms->role);
		mkg__jw_end_object(w);
	}
}

int
mkg_kumu_write_string(const mkg_model *model, char **out, size_t *len)
{
	return mkg_kumu_write(model, NULL, out, len);
}

int
mkg_kumu_write(const mkg_model *model, const mkg_interop_options *opts, char **out,
               size_t *len)
{
	const mkg_commodity_chains *chains = NULL;
	mkg_interop_options o;
	mkg__results results = { 0 };
	GString *scratch;
	mkg_jw *w;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	MKG_RESOLVE_OPTIONS("mkg_kumu_write", mkg_interop_options, MKG_INTEROP_OPTIONS, opts, &o);
	if ((rc = mkg_model_validate(model)) != MKG_OK)
		return rc;
	if (model->commodities->len > 0 &&
	    (rc = mkg__model_commodity_chains(model, &chains)) != MKG_OK)
		return rc;
	if (o.results && (rc = mkg__results_compute(model, o.chain, &results)) != MKG_OK)
		return rc;
	scratch = g_string_new(NULL);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	write_elements(w, model, o.results ? &results : NULL, scratch);
	mkg__jw_key(w, "connections");
	mkg__jw_begin_array(w, false);
	write_transactions(w, model, chains, o.results ? &results : NULL, scratch);
	write_facilitation(w, model, scratch);
	write_memberships(w, model, scratch);
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
	g_string_free(scratch, TRUE);
	mkg__results_clear(&results);
	return mkg__jw_finish(w, out, len);
}
