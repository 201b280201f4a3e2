/* marketgraph: the facilitation results as JSON: the `facilitation` object
 * of the report (docs/report.md), one writer per result of facilitation.h.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

/* ---- facilitation mix ------------------------------------------------------ */

static void
write_counts(mkg_jw *w, const mkg_mix_row *row)
{
	mkg__jw_kint(w, "records", (int64_t)row->records);
	mkg__jw_kdouble(w, "cost", row->cost);
	mkg__jw_kint(w, "records_without_cost", (int64_t)row->records_without_cost);
	mkg__jw_kint(w, "target_actors", (int64_t)row->target_actors);
	mkg__jw_kint(w, "target_transactions", (int64_t)row->target_transactions);
	mkg__jw_kint(w, "supported_transactions", (int64_t)row->supported_transactions);
}

void
mkg__facilitation_mix_write(mkg_jw *w, const mkg_facilitation_mix *mix)
{
	size_t markets = mkg_facilitation_mix_market_count(mix);

	mkg__jw_begin_array(w, false);
	for (int t = 0; t < MKG_FACILITATION_TYPE_COUNT; t++) {
		mkg_facilitation_type type = (mkg_facilitation_type)t;
		size_t functions = mkg_facilitation_mix_function_count(mix, type);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "type", mkg_facilitation_type_name(type));
		write_counts(w, mkg_facilitation_mix_type(mix, type));
		mkg__jw_key(w, "functions");
		mkg__jw_begin_array(w, false);
		for (size_t k = 0; k < functions; k++) {
			const mkg_mix_row *f = mkg_facilitation_mix_function_at(mix, type, k);

			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "function", mkg_function_name(f->function));
			write_counts(w, f);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
		mkg__jw_key(w, "markets");
		mkg__jw_begin_array(w, false);
		for (size_t i = 0; i < markets; i++)
			mkg__facilitation_market_write(w, mkg_facilitation_mix_market_at(mix, type, i),
			                               "supported");
		mkg__jw_end_array(w);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_facilitation_mix_write_json(const mkg_facilitation_mix *mix, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(mix);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__facilitation_mix_write(w, mix);
	return mkg__jw_finish(w, out, len);
}

/* ---- exit readiness -------------------------------------------------------- */

static void
write_reasons(mkg_jw *w, unsigned int reasons)
{
	mkg__jw_key(w, "reasons");
	mkg__jw_begin_array(w, true);
	for (int i = 0; i < MKG_EXIT_REASON_COUNT; i++)
		if (reasons & (1u << i))
			mkg__jw_string(w, mkg_exit_reason_name((mkg_exit_reason)(1u << i)));
	mkg__jw_end_array(w);
}

void
mkg__exit_readiness_write(mkg_jw *w, const mkg_exit_readiness *r)
{
	size_t n = mkg_exit_readiness_count(r);

	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_exit_plan *p = mkg_exit_readiness_at(r, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "record", p->record);
		mkg__jw_kstring(w, "facilitator", p->facilitator);
		mkg__jw_kstring(w, "function", mkg_function_name(p->function));
		mkg__jw_kstring(w, "end", p->end);
		mkg__jw_kstring(w, "exit", mkg_exit_name(p->exit));
		mkg__jw_kstring(w, "successor", p->successor);
		mkg__jw_kstring(w, "successor_kind", mkg_actor_kind_name(p->successor_kind));
		mkg__jw_kstring(w, "status", !p->planned ? "unplanned" : p->at_risk ? "at_risk"
		                                                                    : "planned");
		write_reasons(w, p->reasons);
		mkg__jw_kdouble(w, "successor_share", p->successor_share);
		mkg__jw_kdouble(w, "users_share", p->users_share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_exit_readiness_write_json(const mkg_exit_readiness *r, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(r);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__exit_readiness_write(w, r);
	return mkg__jw_finish(w, out, len);
}

/* ---- exit simulation ------------------------------------------------------- */

/* The records with one outcome, as a JSON array of objects. */
static void
write_records(mkg_jw *w, const mkg_exit_simulation *s, const char *key, mkg_exit_outcome which)
{
	size_t n = mkg_exit_simulation_record_count(s);

	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_exit_record *r = mkg_exit_simulation_record_at(s, i);

		if (r->outcome != which)
			continue;
		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "record", r->record);
		mkg__jw_kstring(w, "facilitator", r->facilitator);
		mkg__jw_kstring(w, "function", mkg_function_name(r->function));
		mkg__jw_kstring(w, "end", r->end);
		mkg__jw_kstring(w, "exit", mkg_exit_name(r->exit));
		if (which == MKG_EXIT_OUTCOME_TAKEN_OVER) {
			mkg__jw_kstring(w, "successor", r->successor);
			mkg__jw_kstring(w, "successor_kind", mkg_actor_kind_name(r->successor_kind));
			mkg__jw_kstring(w, "type_after", mkg_facilitation_type_name(r->type_after));
		}
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_unsupported(mkg_jw *w, const mkg_exit_simulation *s)
{
	size_t n = mkg_exit_simulation_unsupported_count(s);

	mkg__jw_key(w, "unsupported_transactions");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_unsupported_transaction *t = mkg_exit_simulation_unsupported_at(s, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "transaction", t->transaction);
		mkg__jw_kstring(w, "seller", t->seller);
		mkg__jw_kstring(w, "buyer", t->buyer);
		mkg__jw_kstring(w, "commodity", t->commodity);
		mkg__jw_kstring(w, "period", t->period);
		mkg__jw_kdouble(w, "volume", t->volume);
		mkg__jw_kdouble(w, "value", t->value);
		mkg__jw_kstring(w, "function", mkg_function_name(t->function));
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__exit_simulation_write(mkg_jw *w, const mkg_exit_simulation *s)
{
	int32_t d = mkg_exit_simulation_day(s);
	size_t markets = mkg_exit_simulation_market_count(s);
	char day[16];

	g_snprintf(day, sizeof day, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100),
	           (int)(d % 100));
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "date", mkg_exit_simulation_date(s));
	mkg__jw_kstring(w, "day", day);
	mkg__jw_kstring(w, "measure", mkg_measure_name(mkg_exit_simulation_measure(s)));
	write_records(w, s, "stopped", MKG_EXIT_OUTCOME_STOPS);
	write_records(w, s, "taken_over", MKG_EXIT_OUTCOME_TAKEN_OVER);
	write_records(w, s, "continuing", MKG_EXIT_OUTCOME_CONTINUES);
	write_records(w, s, "undated", MKG_EXIT_OUTCOME_UNDATED);
	write_unsupported(w, s);
	mkg__jw_key(w, "markets");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < markets; i++)
		mkg__facilitation_market_write(w, mkg_exit_simulation_market_at(s, i),
		                               "unsupported");
	mkg__jw_end_array(w);
	mkg__jw_key(w, "reach");
	mkg__jw_begin_object(w, false);
	for (int after = 0; after < 2; after++) {
		const mkg_exit_reach *r = mkg_exit_simulation_reach(s, after);

		mkg__jw_key(w, after ? "after" : "before");
		mkg__jw_begin_object(w, true);
		mkg__jw_kint(w, "direct_actors", (int64_t)r->direct_actors);
		mkg__jw_kint(w, "direct_transactions", (int64_t)r->direct_transactions);
		mkg__jw_kint(w, "indirect_actors", (int64_t)r->indirect_actors);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_object(w);
	mkg__jw_key(w, "lost_support");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_exit_simulation_lost_count(s); i++) {
		const mkg_lost_support *x = mkg_exit_simulation_lost_at(s, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", x->actor);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(x->kind));
		mkg__jw_kstring(w, "function", mkg_function_name(x->function));
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

int
mkg_exit_simulation_write_json(const mkg_exit_simulation *s, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(s);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__exit_simulation_write(w, s);
	return mkg__jw_finish(w, out, len);
}

/* ---- competing programmes -------------------------------------------------- */

/* {"count": n, "first": [ids]} */
static void
write_shared(mkg_jw *w, const char *key, size_t count, const char *const *ids, size_t listed)
{
	mkg__jw_key(w, key);
	mkg__jw_begin_object(w, true);
	mkg__jw_kint(w, "count", (int64_t)count);
	mkg__write_ids(w, "first", ids, listed);
	mkg__jw_end_object(w);
}

void
mkg__competing_write(mkg_jw *w, const mkg_competing *c)
{
	size_t n = mkg_competing_count(c);

	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_competing_pair *p = mkg_competing_at(c, i);
		const char *records[2] = { p->first, p->second };
		const char *types[2] = { mkg_facilitation_type_name(MKG_FACILITATION_TEMPORARY),
		                         mkg_facilitation_type_name(p->second_type) };
		const char *facilitators[2] = { p->first_facilitator, p->second_facilitator };
		const char *payers[2] = { p->first_payer, p->second_payer };
		const char *functions[2] = { mkg_function_name(p->first_function),
		                             mkg_function_name(p->second_function) };

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "relation", mkg_competing_relation_name(p->relation));
		mkg__write_ids(w, "records", records, 2);
		mkg__write_ids(w, "types", types, 2);
		mkg__write_ids(w, "payers", payers, 2);
		mkg__write_ids(w, "facilitators", facilitators, 2);
		mkg__write_ids(w, "functions", functions, 2);
		mkg__jw_kbool(w, "same_function", p->same_function);
		mkg__jw_kdouble(w, "similarity", p->similarity);
		mkg__jw_kbool(w, "periods_overlap", p->periods_overlap);
		write_shared(w, "shared_actors", p->shared_actor_count, p->shared_actors,
		             p->shared_actor_listed);
		write_shared(w, "shared_transactions", p->shared_transaction_count,
		             p->shared_transactions, p->shared_transaction_listed);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_competing_write_json(const mkg_competing *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__competing_write(w, c);
	return mkg__jw_finish(w, out, len);
}

/* ---- who pays -------------------------------------------------------------- */

/* {"users": a, "facilitator": b, "others": c, "embedded": e[, "unallocated": d]} */
static void
write_split(mkg_jw *w, const char *key, double users, double facilitator, double others,
            double embedded, const double *unallocated)
{
	mkg__jw_key(w, key);
	mkg__jw_begin_object(w, true);
	mkg__jw_kdouble(w, "users", users);
	mkg__jw_kdouble(w, "facilitator", facilitator);
	mkg__jw_kdouble(w, "others", others);
	mkg__jw_kdouble(w, "embedded", embedded);
	if (unallocated != NULL)
		mkg__jw_kdouble(w, "unallocated", *unallocated);
	mkg__jw_end_object(w);
}

static void
write_payment_rows(mkg_jw *w, const mkg_payments *p)
{
	size_t n = mkg_payments_count(p);

	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_payment_row *r = mkg_payments_at(p, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "record", r->record);
		mkg__jw_kstring(w, "facilitator", r->facilitator);
		mkg__jw_kstring(w, "type", mkg_facilitation_type_name(r->type));
		mkg__jw_kstring(w, "function", mkg_function_name(r->function));
		mkg__jw_kdouble(w, "cost", r->cost);
		mkg__jw_kbool(w, "paid_by_given", r->paid_by_given);
		write_split(w, "shares", r->users_share, r->facilitator_share, r->others_share,
		            r->embedded_share, NULL);
		write_split(w, "amounts", r->users_amount, r->facilitator_amount, r->others_amount,
		            r->embedded_amount, NULL);
		mkg__jw_kbool(w, "not_self_financing", r->not_self_financing);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_payers(mkg_jw *w, const mkg_payment_total *t)
{
	mkg__jw_key(w, "payers");
	mkg__jw_begin_array(w, false);
	for (size_t k = 0; k < t->payer_count; k++) {
		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", t->payers[k].actor);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(t->payers[k].kind));
		mkg__jw_kdouble(w, "amount", t->payers[k].amount);
		mkg__jw_kdouble(w, "share", t->payers[k].share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_payment_totals(mkg_jw *w, const mkg_payments *p)
{
	mkg__jw_begin_array(w, false);
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++) {
		const mkg_payment_total *t = mkg_payments_total(p, (mkg_facilitation_type)type);
		double unallocated_share = mkg__share_of(t->unallocated_amount, t->cost);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "type", mkg_facilitation_type_name(t->type));
		mkg__jw_kint(w, "records", (int64_t)t->records);
		mkg__jw_kint(w, "records_with_cost", (int64_t)t->records_with_cost);
		mkg__jw_kdouble(w, "cost", t->cost);
		write_split(w, "amounts", t->users_amount, t->facilitator_amount, t->others_amount,
		            t->embedded_amount, &t->unallocated_amount);
		write_split(w, "shares", mkg__share_of(t->users_amount, t->cost),
		            mkg__share_of(t->facilitator_amount, t->cost),
		            mkg__share_of(t->others_amount, t->cost),
		            mkg__share_of(t->embedded_amount, t->cost), &unallocated_share);
		mkg__jw_kint(w, "not_self_financing", (int64_t)t->not_self_financing);
		write_payers(w, t);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__payments_write_members(mkg_jw *w, const mkg_payments *p)
{
	mkg__jw_key(w, "payments");
	write_payment_rows(w, p);
	mkg__jw_key(w, "payment_totals");
	write_payment_totals(w, p);
}

int
mkg_payments_write_json(const mkg_payments *p, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(p);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	mkg__payments_write_members(w, p);
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}
