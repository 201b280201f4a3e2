/* marketgraph: the text view of the facilitation results, for an analyst
 * who reads the report on screen.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

#include <string.h>

/* ---- exit simulation ------------------------------------------------------- */

static void
text_records(GString *out, const mkg_exit_simulation *s, mkg__labels *l,
             mkg_exit_outcome which, const char *heading)
{
	size_t count = mkg_exit_simulation_record_count(s), n = 0;

	for (size_t i = 0; i < count; i++)
		n += mkg_exit_simulation_record_at(s, i)->outcome == which;
	if (n == 0)
		return;
	g_string_append_printf(out, "%s (%zu):\n", heading, n);
	for (size_t i = 0; i < count; i++) {
		const mkg_exit_record *r = mkg_exit_simulation_record_at(s, i);

		if (r->outcome != which)
			continue;
		g_string_append_printf(out, "  %s: %s by %s", mkg__text(l, r->record),
		                       mkg_function_name(r->function),
		                       mkg__label(l, r->facilitator));
		if (r->end != NULL)
			g_string_append_printf(out, ", %s %s",
			                       which == MKG_EXIT_OUTCOME_CONTINUES ? "ends" : "ended", r->end);
		if (which == MKG_EXIT_OUTCOME_TAKEN_OVER)
			g_string_append_printf(out, ", now %s by %s (%s)",
			                       mkg_facilitation_type_name(r->type_after),
			                       mkg__label(l, r->successor),
			                       mkg_actor_kind_name(r->successor_kind));
		g_string_append_c(out, '\n');
	}
}

/* The transactions that lose a function's support, one line per
 * transaction with the functions it loses (rows come sorted by
 * transaction, then function). */
static void
text_unsupported(GString *out, const mkg_exit_simulation *s, mkg__labels *l,
                 const mkg__units *u)
{
	size_t rows = mkg_exit_simulation_unsupported_count(s), txs = 0;
	char a[MKG_DOUBLE_BUFSIZE];

	for (size_t i = 0; i < rows; i++)
		txs += i == 0 || strcmp(mkg_exit_simulation_unsupported_at(s, i)->transaction,
		                        mkg_exit_simulation_unsupported_at(s, i - 1)->transaction) != 0;
	g_string_append_printf(out, "Transactions losing the support of a function: %zu "
	                       "(%zu transaction-function pairs)\n", txs, rows);
	for (size_t i = 0; i < rows; i++) {
		const mkg_unsupported_transaction *t = mkg_exit_simulation_unsupported_at(s, i);
		const mkg_unsupported_transaction *next = mkg_exit_simulation_unsupported_at(s, i + 1);

		if (i == 0 || strcmp(t->transaction,
		                     mkg_exit_simulation_unsupported_at(s, i - 1)->transaction) != 0) {
			g_string_append_printf(out, "  %s: %s -> %s, %s", mkg__text(l, t->transaction),
			                       mkg__label(l, t->seller), mkg__label(l, t->buyer),
			                       mkg__text(l, t->commodity));
			if (!MKG_IS_ABSENT(t->volume))
				g_string_append_printf(out, ", %s %s", mkg__text_amount(a, t->volume),
				                       u->volume ? u->volume : "(volume)");
			if (!MKG_IS_ABSENT(t->value))
				g_string_append_printf(out, ", %s %s", mkg__text_amount(a, t->value),
				                       u->currency ? u->currency : "(money)");
			g_string_append(out, ": loses ");
		} else {
			g_string_append(out, ", ");
		}
		g_string_append(out, mkg_function_name(t->function));
		if (next == NULL || strcmp(next->transaction, t->transaction) != 0)
			g_string_append_c(out, '\n');
	}
}

void
mkg__exit_simulation_text(GString *out, const mkg_exit_simulation *s, mkg__labels *l,
                          const mkg__units *u)
{
	const char *mu = u->measure ? u->measure : mkg_measure_name(mkg_exit_simulation_measure(s));
	size_t markets = mkg_exit_simulation_market_count(s), unmeasured = 0;
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];
	char title[96];

	g_snprintf(title, sizeof title, "When the programmes exit: the situation on %s",
	           mkg_exit_simulation_date(s));
	mkg__text_heading(out, title);
	text_records(out, s, l, MKG_EXIT_OUTCOME_STOPS, "Support that stops");
	text_records(out, s, l, MKG_EXIT_OUTCOME_TAKEN_OVER, "Taken over");
	text_records(out, s, l, MKG_EXIT_OUTCOME_UNDATED, "No end date (kept running)");
	text_records(out, s, l, MKG_EXIT_OUTCOME_CONTINUES, "Still running on that day");
	{
		const mkg_exit_reach *r0 = mkg_exit_simulation_reach(s, 0);
		const mkg_exit_reach *r1 = mkg_exit_simulation_reach(s, 1);
		size_t lost = mkg_exit_simulation_lost_count(s);

		g_string_append_printf(out, "Reach, before -> after: targets %zu -> %zu actors and "
		                       "%zu -> %zu transactions; their trading partners (indirect) "
		                       "%zu -> %zu actors\n", r0->direct_actors, r1->direct_actors,
		                       r0->direct_transactions, r1->direct_transactions,
		                       r0->indirect_actors, r1->indirect_actors);
		g_string_append_printf(out, "Targets losing every record of a function: %zu\n", lost);
		for (size_t i = 0; i < lost && i < 10; i++) {
			const mkg_lost_support *x = mkg_exit_simulation_lost_at(s, i);

			g_string_append_printf(out, "  %s: %s\n", mkg__label(l, x->actor),
			                       mkg_function_name(x->function));
		}
		if (lost > 10)
			g_string_append_printf(out, "  ... and %zu more (all in the JSON report)\n",
			                       lost - 10);
	}
	text_unsupported(out, s, l, u);
	for (size_t i = 0; i < markets; i++) {
		const mkg_facilitation_market *mm = mkg_exit_simulation_market_at(s, i);

		if (!(mm->total > 0)) { /* no measure given: nothing to weigh (in the JSON) */
			unmeasured++;
			continue;
		}
		g_string_append_printf(out, "%s of ", mkg__text_percent(a, mm->share));
		mkg__market_label(out, l, mm);
		g_string_append_printf(out, " loses a function's support (%s of %s %s)\n",
		                       mkg__text_amount(b, mm->amount), mkg__text_amount(c, mm->total),
		                       mu);
	}
	if (unmeasured > 0)
		g_string_append_printf(out, "(and %zu market%s whose transactions give no %s: in the "
		                       "JSON report)\n", unmeasured, unmeasured == 1 ? "" : "s",
		                       mkg_measure_name(mkg_exit_simulation_measure(s)));
}

/* ---- exit readiness -------------------------------------------------------- */

/* One record's line: unplanned ones with their reasons in words. */
static void
text_plan(GString *out, const mkg_exit_plan *p, mkg__labels *l)
{
	static const char *const reason_words[MKG_EXIT_REASON_COUNT] = {
		"no end date", "no exit strategy", "successor is itself a programme or NGO",
		("successor buys or sells in the chain, so it is conflicted in a function that "
		 "wants a neutral provider"),
		"successor pays no share of the cost today",
		"its users pay nothing for it",
	};
	const char *sep = "";

	g_string_append_printf(out, "  %-9s %s (%s, by %s)",
	                       !p->planned ? "UNPLANNED" : p->at_risk ? "AT RISK" : "planned",
	                       mkg__text(l, p->record), mkg_function_name(p->function),
	                       mkg__label(l, p->facilitator));
	if (p->end != NULL)
		g_string_append_printf(out, ", ends %s", p->end);
	if (p->exit != MKG_EXIT_NONE)
		g_string_append_printf(out, ", exit %s", mkg_exit_name(p->exit));
	if (p->successor != NULL)
		g_string_append_printf(out, " to %s (%s)", mkg__label(l, p->successor),
		                       mkg_actor_kind_name(p->successor_kind));
	if (p->reasons != 0) {
		g_string_append(out, ": ");
		for (int k = 0; k < MKG_EXIT_REASON_COUNT; k++) {
			if (p->reasons & (1u << k)) {
				g_string_append_printf(out, "%s%s", sep, reason_words[k]);
				sep = "; ";
			}
		}
	}
	g_string_append_c(out, '\n');
}

/* Unplanned records first. */
void
mkg__exit_readiness_text(GString *out, const mkg_exit_readiness *r, mkg__labels *l)
{
	size_t n = mkg_exit_readiness_count(r);

	mkg__text_heading(out, "Exit readiness of temporary facilitation");
	g_string_append_printf(out, "%zu temporary %s, %zu without a planned exit",
	                       n, mkg__plural(n, "record", "records"),
	                       mkg_exit_readiness_unplanned(r));
	if (mkg_exit_readiness_at_risk(r) > 0)
		g_string_append_printf(out, ", %zu planned but at risk", mkg_exit_readiness_at_risk(r));
	g_string_append_c(out, '\n');
	/* unplanned, at risk, planned */
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < n; i++) {
			const mkg_exit_plan *p = mkg_exit_readiness_at(r, i);
			int rank = !p->planned ? 0 : p->at_risk ? 1 : 2;

			if (rank == pass)
				text_plan(out, p, l);
		}
	}
}

/* ---- competing programmes -------------------------------------------------- */

/* "      shared actors (12): a (A), b (B), c (C) and 9 more" */
static void
text_targets(GString *out, const char *what, size_t count, const char *const *ids,
             size_t listed, mkg__labels *l, bool actors)
{
	if (count == 0)
		return;
	g_string_append_printf(out, "      shared %s (%zu):", what, count);
	for (size_t k = 0; k < listed; k++)
		g_string_append_printf(out, "%s %s", k ? "," : "", actors ? mkg__label(l, ids[k])
		                                                          : mkg__text(l, ids[k]));
	if (count > listed)
		g_string_append_printf(out, " and %zu more", count - listed);
	g_string_append_c(out, '\n');
}

static const char *const relation_label[MKG_COMPETING_RELATION_COUNT] = {
	"DUPLICATION", "overlap", "complementary?", "CROWDING OUT"
};

void
mkg__competing_text(GString *out, const mkg_competing *c, mkg__labels *l)
{
	size_t n = mkg_competing_count(c);
	char pct[MKG_DOUBLE_BUFSIZE];

	mkg__text_heading(out, "Competing programmes");
	g_string_append_printf(out, "%zu %s of records of different payers %s a target (two "
	                       "programmes, or a programme and a commercial provider of the same "
	                       "function)\n", n, mkg__plural(n, "pair", "pairs"),
	                       mkg__plural(n, "shares", "share"));
	for (size_t i = 0; i < n; i++) {
		const mkg_competing_pair *p = mkg_competing_at(c, i);

		g_string_append_printf(out, "  %s: %s (%s, paid by %s) and %s %s(%s, paid by %s), "
		                       "%s of their targets shared%s\n",
		                       relation_label[p->relation],
		                       mkg__text(l, p->first), mkg_function_name(p->first_function),
		                       mkg__label(l, p->first_payer), mkg__text(l, p->second),
		                       p->relation == MKG_COMPETING_CROWDING_OUT ? "commercial " : "",
		                       mkg_function_name(p->second_function),
		                       mkg__label(l, p->second_payer),
		                       mkg__text_percent(pct, p->similarity),
		                       p->periods_overlap ? "" : " (not at the same time)");
		text_targets(out, "actors", p->shared_actor_count, p->shared_actors,
		             p->shared_actor_listed, l, true);
		text_targets(out, "transactions", p->shared_transaction_count,
		             p->shared_transactions, p->shared_transaction_listed, l, false);
	}
}

/* ---- who pays -------------------------------------------------------------- */

void
mkg__payments_text(GString *out, const mkg_payments *p, mkg__labels *l,
                   const mkg__units *u)
{
	const char *cur = u->currency ? u->currency : "(money)";
	size_t n = mkg_payments_count(p);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE],
		d[MKG_DOUBLE_BUFSIZE], e[MKG_DOUBLE_BUFSIZE], f[MKG_DOUBLE_BUFSIZE];

	mkg__text_heading(out, "Who pays for facilitation");
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++) {
		const mkg_payment_total *t = mkg_payments_total(p, (mkg_facilitation_type)type);

		if (t->records == 0)
			continue;
		g_string_append_printf(out, "%s: %zu %s, cost %s %s (%zu with a cost): users "
		                       "%s, facilitators %s, others %s, ",
		                       mkg_facilitation_type_name(t->type), t->records,
		                       mkg__plural(t->records, "record", "records"),
		                       mkg__text_amount(a, t->cost), cur, t->records_with_cost,
		                       mkg__text_percent(b, mkg__share_of(t->users_amount, t->cost)),
		                       mkg__text_percent(c, mkg__share_of(t->facilitator_amount,
		                                                          t->cost)),
		                       mkg__text_percent(d, mkg__share_of(t->others_amount, t->cost)));
		/* said only when some cost is: most models have no embedded service */
		if (t->embedded_amount > 0)
			g_string_append_printf(out, "recovered in prices %s, ",
			                       mkg__text_percent(f, mkg__share_of(t->embedded_amount,
			                                                          t->cost)));
		g_string_append_printf(out, "not said %s\n",
		                       mkg__text_percent(e, mkg__share_of(t->unallocated_amount,
		                                                          t->cost)));
		for (size_t k = 0; k < t->payer_count; k++)
			g_string_append_printf(out, "  %-30s %s %s (%s), %s\n",
			                       mkg__label(l, t->payers[k].actor),
			                       mkg__text_amount(a, t->payers[k].amount), cur,
			                       mkg__text_percent(b, t->payers[k].share),
			                       mkg_actor_kind_name(t->payers[k].kind));
	}
	for (size_t i = 0; i < n; i++) {
		const mkg_payment_row *r = mkg_payments_at(p, i);

		if (r->not_self_financing)
			g_string_append_printf(out, "NOT SELF-FINANCING: commercial record %s (%s, by "
			                       "%s): %s\n", mkg__text(l, r->record),
			                       mkg_function_name(r->function),
			                       mkg__label(l, r->facilitator),
			                       r->paid_by_given ? "its users pay nothing and nothing "
			                                          "is recovered in prices"
			                                        : "no one is said to pay");
	}
}

/* ---- facilitation mix ------------------------------------------------------ */

/* ", cost 3000 USD" with how many records give none. */
static void
text_cost(GString *out, const mkg_mix_row *row, const char *cur)
{
	char a[MKG_DOUBLE_BUFSIZE];

	if (row->records > 0 && row->records_without_cost == row->records) {
		g_string_append(out, ", cost not given");
		return;
	}
	g_string_append_printf(out, ", cost %s %s", mkg__text_amount(a, row->cost), cur);
	if (row->records_without_cost > 0)
		g_string_append_printf(out, " (%zu without a cost)", row->records_without_cost);
}

void
mkg__facilitation_mix_text(GString *out, const mkg_facilitation_mix *mix, mkg__labels *l,
                           const mkg__units *u)
{
	const char *cur = u->currency ? u->currency : "(money)";
	const char *mu = u->measure ? u->measure
	                            : mkg_measure_name(mkg_facilitation_mix_measure(mix));
	size_t markets = mkg_facilitation_mix_market_count(mix);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	mkg__text_heading(out, "Facilitation mix");
	for (int ti = 0; ti < MKG_FACILITATION_TYPE_COUNT; ti++) {
		mkg_facilitation_type type = (mkg_facilitation_type)ti;
		const mkg_mix_row *t = mkg_facilitation_mix_type(mix, type);
		size_t functions = mkg_facilitation_mix_function_count(mix, type);

		g_string_append_printf(out, "%s: %zu %s", mkg_facilitation_type_name(t->type),
		                       t->records, mkg__plural(t->records, "record", "records"));
		text_cost(out, t, cur);
		g_string_append_printf(out, "; targets %zu %s and %zu %s; supports %zu %s\n",
		                       t->target_actors,
		                       mkg__plural(t->target_actors, "actor", "actors"),
		                       t->target_transactions,
		                       mkg__plural(t->target_transactions, "transaction", "transactions"),
		                       t->supported_transactions,
		                       mkg__plural(t->supported_transactions, "transaction",
		                                   "transactions"));
		for (size_t k = 0; k < functions; k++) {
			const mkg_mix_row *f = mkg_facilitation_mix_function_at(mix, type, k);

			g_string_append_printf(out, "  %-24s %zu %s", mkg_function_name(f->function),
			                       f->records, mkg__plural(f->records, "record", "records"));
			text_cost(out, f, cur);
			g_string_append_c(out, '\n');
		}
		for (size_t i = 0; i < markets && t->records > 0; i++) {
			const mkg_facilitation_market *mm = mkg_facilitation_mix_market_at(mix, type, i);

			if (!(mm->amount > 0))
				continue;
			g_string_append_printf(out, "  supports %s of ", mkg__text_percent(a, mm->share));
			mkg__market_label(out, l, mm);
			g_string_append_printf(out, " (%s of %s %s)\n", mkg__text_amount(b, mm->amount),
			                       mkg__text_amount(c, mm->total), mu);
		}
	}
}
