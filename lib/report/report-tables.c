/* marketgraph: the report's result lists as tables (html-private.h), for
 * `analyze --format csv --dir` and the HTML report.  docs/report.md,
 * "Tables", lists every table and its columns.
 *
 * Rows are in the order of the JSON report's lists; a market is one row
 * per side (long form: what a spreadsheet filters and pivots best).
 *
 * SPDX-License-Identifier: MIT */
#include "html-private.h"

#include <string.h>

const char *const mkg__table_names[] = {
	"concentration", "market-shares", "coalitions", "dependency-actors",
	"dependency-pairs", "flow", "binding-constraints", "captive-producers",
	"throughput", "channels", "channel-margins", "value-actors", "value-kinds",
	"producer-share", "facilitation-mix", "facilitation-payments", "facilitation-payers",
	"exit-unsupported", NULL
};

#define N_COLS(a) (sizeof(a) / sizeof((a)[0]))

static mkg__table *
table_add(mkg__tables *ts, const char *name, const char *title, const char *note,
          const mkg__column *cols, size_t n)
{
	mkg__table *t = g_new0(mkg__table, 1);

	t->name = name;
	t->title = title;
	t->note = note;
	t->columns = cols;
	t->column_count = n;
	t->cells = g_array_new(FALSE, FALSE, sizeof(mkg__cell));
	g_ptr_array_add(ts->tables, t);
	return t;
}

static void
text(mkg__table *t, const char *s)
{
	mkg__cell c = { s ? s : "", 0 };
	g_array_append_val(t->cells, c);
}

static void
number(mkg__table *t, double x)
{
	mkg__cell c = { NULL, x };
	g_array_append_val(t->cells, c);
}

static void
yes_no(mkg__table *t, int b)
{
	text(t, b ? "yes" : "no");
}

/* ---- concentration and coalitions ----------------------------------------- */

static const mkg__column concentration_cols[] = {
	{ "Commodity", MKG__COL_TEXT }, { "Level of trade", MKG__COL_TEXT },
	{ "Period", MKG__COL_TEXT }, { "Region", MKG__COL_TEXT },
	{ "Service", MKG__COL_TEXT }, { "Side", MKG__COL_TEXT },
	{ "Market total", MKG__COL_NUMBER }, { "Firms", MKG__COL_INDEX },
	{ "Actors", MKG__COL_INDEX }, { "HHI (0-10000)", MKG__COL_INDEX },
	{ "CR1 (largest share)", MKG__COL_SHARE }, { "CR4", MKG__COL_SHARE },
	{ "Effective firms", MKG__COL_NUMBER }, { "Class", MKG__COL_TEXT },
	{ "Largest actor", MKG__COL_TEXT }, { "Fringe share", MKG__COL_SHARE },
	{ "Transactions", MKG__COL_INDEX },
};

static const mkg__column shares_cols[] = {
	{ "Commodity", MKG__COL_TEXT }, { "Level of trade", MKG__COL_TEXT },
	{ "Period", MKG__COL_TEXT }, { "Region", MKG__COL_TEXT },
	{ "Service", MKG__COL_TEXT }, { "Side", MKG__COL_TEXT },
	{ "Actor", MKG__COL_TEXT }, { "Share", MKG__COL_SHARE },
	{ "Amount", MKG__COL_NUMBER }, { "Counts as firms", MKG__COL_INDEX },
	{ "Competitive fringe", MKG__COL_TEXT },
};

static void
market_key(mkg__table *t, const mkg_market *m, mkg_side side)
{
	text(t, m->commodity);
	text(t, m->level);
	text(t, m->period);
	text(t, m->region);
	yes_no(t, m->service);
	text(t, mkg_side_name(side));
}

static void
concentration_tables(mkg__tables *ts, const mkg_concentration *c)
{
	mkg__table *t = table_add(ts, "concentration", "Concentration per market",
	                          "One row per side of each market (commodity x level of trade x "
	                          "period): sellers' shares of what is sold, buyers' of what is "
	                          "bought.  Totals in the report's measure.",
	                          concentration_cols, N_COLS(concentration_cols));
	mkg__table *s = table_add(ts, "market-shares", "Market shares",
	                          "Every actor's share of each side of each market, largest first.",
	                          shares_cols, N_COLS(shares_cols));

	for (size_t i = 0; i < mkg_concentration_market_count(c); i++) {
		const mkg_market *m = mkg_concentration_market_at(c, i);

		for (int k = 0; k < 2; k++) {
			mkg_side side = k == 0 ? MKG_SIDE_SELLER : MKG_SIDE_BUYER;
			const mkg_market_side *d = mkg_concentration_side(c, i, side);

			market_key(t, m, side);
			number(t, d->total);
			number(t, (double)d->firms);
			number(t, (double)d->actors);
			number(t, d->hhi);
			number(t, d->cr1);
			number(t, d->cr4);
			number(t, d->effective_firms);
			text(t, mkg_concentration_class_name(d->concentration));
			text(t, d->actors > 0 ? d->shares[0].actor : NULL);
			number(t, d->fringe_share);
			number(t, (double)m->transactions);
			for (size_t j = 0; j < d->actors; j++) {
				const mkg_firm_share *f = &d->shares[j];

				market_key(s, m, side);
				text(s, f->actor);
				number(s, f->share);
				number(s, f->amount);
				number(s, (double)f->firms);
				yes_no(s, f->fringe);
			}
		}
	}
}

static const mkg__column coalition_cols[] = {
	{ "Group", MKG__COL_TEXT }, { "Members", MKG__COL_TEXT },
	{ "Commodity", MKG__COL_TEXT }, { "Level of trade", MKG__COL_TEXT },
	{ "Period", MKG__COL_TEXT }, { "Region", MKG__COL_TEXT },
	{ "Side", MKG__COL_TEXT }, { "Combined share", MKG__COL_SHARE },
	{ "HHI before", MKG__COL_INDEX }, { "HHI as one firm", MKG__COL_INDEX },
	{ "HHI change", MKG__COL_INDEX }, { "Presumed harmful", MKG__COL_TEXT },
};

static void
coalition_table(mkg__tables *ts, const mkg_coalitions *c)
{
	mkg__table *t = table_add(ts, "coalitions", "Coalitions: what if a group acted as one firm",
	                          "One row per side of each market where a member trades; "
	                          "presumed harmful: HHI change above 100 and HHI after above "
	                          "1800 or a combined share above 30%.",
	                          coalition_cols, N_COLS(coalition_cols));

	for (size_t i = 0; i < mkg_coalitions_count(c); i++) {
		GString *members = g_string_new(NULL);
		const char *joined;

		for (size_t k = 0; k < mkg_coalitions_member_count(c, i); k++)
			g_string_append_printf(members, "%s%s", k ? "; " : "",
			                       mkg_coalitions_member_at(c, i, k));
		joined = g_string_chunk_insert(ts->strings, members->str);
		g_string_free(members, TRUE);
		for (size_t k = 0; k < mkg_coalitions_market_count(c, i); k++) {
			const mkg_coalition_market *m = mkg_coalitions_market_at(c, i, k);

			text(t, mkg_coalitions_group(c, i) ? mkg_coalitions_group(c, i)
			                                   : "(the coalition tested)");
			text(t, joined);
			text(t, m->commodity);
			text(t, m->level);
			text(t, m->period);
			text(t, m->region);
			text(t, mkg_side_name(m->side));
			number(t, m->share);
			number(t, m->hhi_before);
			number(t, m->hhi_after);
			number(t, m->delta);
			yes_no(t, m->presumed_harmful);
		}
	}
}

/* ---- dependency ------------------------------------------------------------ */

static const mkg__column dep_actor_cols[] = {
	{ "Actor", MKG__COL_TEXT }, { "Top buyer", MKG__COL_TEXT },
	{ "Share of its sales", MKG__COL_SHARE }, { "Top supplier", MKG__COL_TEXT },
	{ "Share of its purchases", MKG__COL_SHARE }, { "Sales", MKG__COL_NUMBER },
	{ "Purchases", MKG__COL_NUMBER },
};

static const mkg__column dep_pair_cols[] = {
	{ "Seller", MKG__COL_TEXT }, { "Buyer", MKG__COL_TEXT },
	{ "Level of trade", MKG__COL_TEXT },
	{ "Seller's dependency (share of its sales)", MKG__COL_SHARE },
	{ "Buyer's dependency (share of its purchases)", MKG__COL_SHARE },
	{ "Asymmetry", MKG__COL_SHARE }, { "Amount traded", MKG__COL_NUMBER },
};

static void
dependency_tables(mkg__tables *ts, const mkg_dependency *d)
{
	mkg__table *a = table_add(ts, "dependency-actors", "Dependency: each actor's main partner",
	                          "Sales and purchases in the report's measure, every level.",
	                          dep_actor_cols, N_COLS(dep_actor_cols));
	mkg__table *p = table_add(ts, "dependency-pairs", "Dependency between trading partners",
	                          "Most one-sided pairs first (asymmetry = seller's dependency - "
	                          "buyer's dependency).",
	                          dep_pair_cols, N_COLS(dep_pair_cols));

	for (size_t i = 0; i < mkg_dependency_actor_count(d); i++) {
		const mkg_actor_dependency *x = mkg_dependency_actor_at(d, i);

		text(a, x->actor);
		text(a, x->top_buyer);
		number(a, x->sales_share);
		text(a, x->top_supplier);
		number(a, x->purchase_share);
		number(a, x->sales);
		number(a, x->purchases);
	}
	for (size_t i = 0; i < mkg_dependency_pair_count(d); i++) {
		const mkg_pair_dependency *x = mkg_dependency_pair_at(d, i);

		text(p, x->seller);
		text(p, x->buyer);
		text(p, x->level);
		number(p, x->seller_dependency);
		number(p, x->buyer_dependency);
		number(p, x->asymmetry);
		number(p, x->amount);
	}
}

/* ---- bottlenecks --------------------------------------------------------------- */

static const mkg__column flow_cols[] = {
	{ "Chain (primary commodity)", MKG__COL_TEXT }, { "Unit", MKG__COL_TEXT },
	{ "Total supply", MKG__COL_NUMBER }, { "Deliverable (maximum flow)", MKG__COL_NUMBER },
	{ "Deliverable share", MKG__COL_SHARE }, { "Binding constraints", MKG__COL_INDEX },
};

static const mkg__column binding_cols[] = {
	{ "Chain (primary commodity)", MKG__COL_TEXT }, { "Constraint", MKG__COL_TEXT },
	{ "Actor", MKG__COL_TEXT }, { "Seller", MKG__COL_TEXT }, { "Buyer", MKG__COL_TEXT },
	{ "Capacity", MKG__COL_NUMBER },
};

static const mkg__column captive_cols[] = {
	{ "Chain (primary commodity)", MKG__COL_TEXT }, { "Actor", MKG__COL_TEXT },
	{ "Captive producers", MKG__COL_INDEX }, { "Their supply", MKG__COL_NUMBER },
	{ "Producers", MKG__COL_TEXT },
};

static const mkg__column throughput_cols[] = {
	{ "Chain (primary commodity)", MKG__COL_TEXT }, { "Actor", MKG__COL_TEXT },
	{ "Throughput", MKG__COL_NUMBER }, { "Share of the chain's volume", MKG__COL_SHARE },
};

static void
bottleneck_tables(mkg__tables *ts, const mkg_bottlenecks *b)
{
	mkg__table *f = table_add(ts, "flow", "Deliverable flow per chain",
	                          "How much of the producers' supply can reach the end markets "
	                          "(maximum flow), in the chain's unit.",
	                          flow_cols, N_COLS(flow_cols));
	mkg__table *k = table_add(ts, "binding-constraints", "Binding constraints",
	                          "The capacities on the minimum cut: raising one of them is the "
	                          "only way to deliver more.",
	                          binding_cols, N_COLS(binding_cols));
	mkg__table *c = table_add(ts, "captive-producers", "Captive producers",
	                          "Actors that every route of some producers to every end market "
	                          "passes through: if they stop trading, these producers lose "
	                          "their market.",
	                          captive_cols, N_COLS(captive_cols));
	mkg__table *t = table_add(ts, "throughput", "Throughput per actor",
	                          "Volume passing through each actor (the larger of what it "
	                          "bought and sold), in the chain's unit.",
	                          throughput_cols, N_COLS(throughput_cols));

	for (size_t i = 0; i < mkg_bottlenecks_chain_count(b); i++) {
		const char *chain = mkg_bottlenecks_chain_at(b, i)->commodity;
		const mkg_flow *fl = mkg_bottlenecks_flow(b, i);
		const mkg_captive *cap = mkg_bottlenecks_captive(b, i);
		const mkg_throughput *th = mkg_bottlenecks_throughput(b, i);

		if (fl != NULL) {
			text(f, chain);
			text(f, mkg_bottlenecks_chain_at(b, i)->unit);
			number(f, mkg_flow_total_supply(fl));
			number(f, mkg_flow_max_flow(fl));
			number(f, mkg_flow_deliverable_share(fl));
			number(f, (double)mkg_flow_binding_count(fl));
			for (size_t j = 0; j < mkg_flow_binding_count(fl); j++) {
				const mkg_binding *x = mkg_flow_binding_at(fl, j);

				text(k, chain);
				text(k, mkg_binding_type_name(x->type));
				text(k, x->actor);
				text(k, x->seller);
				text(k, x->buyer);
				number(k, x->capacity);
			}
		}
		for (size_t j = 0; cap != NULL && j < mkg_captive_count(cap); j++) {
			const mkg_captive_actor *x = mkg_captive_at(cap, j);
			GString *list = g_string_new(NULL);

			for (size_t p = 0; p < x->producers; p++)
				g_string_append_printf(list, "%s%s", p ? "; " : "",
				                       mkg_captive_producer_at(cap, j, p));
			text(c, chain);
			text(c, x->actor);
			number(c, (double)x->producers);
			number(c, x->supply);
			text(c, g_string_chunk_insert(ts->strings, list->str));
			g_string_free(list, TRUE);
		}
		for (size_t j = 0; th != NULL && j < mkg_throughput_count(th); j++) {
			const mkg_actor_throughput *x = mkg_throughput_at(th, j);

			text(t, chain);
			text(t, x->actor);
			number(t, x->throughput);
			number(t, x->share);
		}
	}
}

/* ---- channels and value ----------------------------------------------------- */

static const mkg__column channel_cols[] = {
	{ "Chain (primary commodity)", MKG__COL_TEXT }, { "Channel", MKG__COL_TEXT },
	{ "Volume (primary equivalents)", MKG__COL_NUMBER }, { "Share of the chain", MKG__COL_SHARE },
	{ "Farm price (per primary unit)", MKG__COL_NUMBER },
	{ "End price (per primary unit)", MKG__COL_NUMBER },
	{ "Farmer's share of the end price", MKG__COL_SHARE },
};

static void
channel_table(mkg__tables *ts, const mkg_channels *ch)
{
	mkg__table *t = table_add(ts, "channels", "Marketing channels",
	                          "The routes produce takes from producers to end markets and the "
	                          "farmer's share of the final price on each.",
	                          channel_cols, N_COLS(channel_cols));

	for (size_t i = 0; i < mkg_channels_chain_count(ch); i++) {
		const mkg_channel_chain *c = mkg_channels_chain_at(ch, i);

		for (size_t j = 0; j < mkg_channels_channel_count(ch, i); j++) {
			const mkg_channel *x = mkg_channels_channel_at(ch, i, j);

			text(t, c->commodity);
			text(t, x->kinds);
			number(t, x->volume);
			number(t, x->share);
			number(t, x->farm_price);
			number(t, x->end_price);
			number(t, x->farmer_share);
		}
	}
}

static const mkg__column margin_cols[] = {
	{ "Chain (primary commodity)", MKG__COL_TEXT }, { "Channel", MKG__COL_TEXT },
	{ "Seller's kind", MKG__COL_TEXT }, { "Buyer's kind", MKG__COL_TEXT },
	{ "Price (per primary unit)", MKG__COL_NUMBER },
	{ "Purchase price (per primary unit)", MKG__COL_NUMBER },
	{ "Value added (per primary unit)", MKG__COL_NUMBER },
	{ "Costs (per primary unit)", MKG__COL_NUMBER },
	{ "Net margin (per primary unit)", MKG__COL_NUMBER },
};

/* One row per step of each channel, then the channel's total (kinds
 * "(channel)"; its price is the end price); "other" has no rows. */
static void
margin_table(mkg__tables *ts, const mkg_channels *ch)
{
	mkg__table *t = table_add(ts, "channel-margins", "Margins per channel",
	                          "Each step of a channel: what its sellers get and pay per unit of "
	                          "the primary commodity, their value added and, where they give "
	                          "costs, their net margin.",
	                          margin_cols, N_COLS(margin_cols));

	for (size_t i = 0; i < mkg_channels_chain_count(ch); i++) {
		const mkg_channel_chain *c = mkg_channels_chain_at(ch, i);

		for (size_t j = 0; j < mkg_channels_channel_count(ch, i); j++) {
			const mkg_channel *x = mkg_channels_channel_at(ch, i, j);
			size_t n = mkg_channels_step_count(ch, i, j);

			for (size_t k = 0; k < n; k++) {
				const mkg_channel_step *st = mkg_channels_step_at(ch, i, j, k);

				text(t, c->commodity);
				text(t, x->kinds);
				text(t, mkg_actor_kind_name(st->seller_kind));
				text(t, mkg_actor_kind_name(st->buyer_kind));
				number(t, st->price);
				number(t, st->purchase_price);
				number(t, st->value_added);
				number(t, st->costs);
				number(t, st->net_margin);
			}
			if (n == 0)
				continue;
			text(t, c->commodity);
			text(t, x->kinds);
			text(t, "(channel)");
			text(t, "end_market");
			number(t, x->end_price);
			number(t, 0.0);
			number(t, x->value_added);
			number(t, x->costs);
			number(t, x->net_margin);
		}
	}
}

static const mkg__column value_actor_cols[] = {
	{ "Actor", MKG__COL_TEXT }, { "Kind", MKG__COL_TEXT }, { "Sales", MKG__COL_NUMBER },
	{ "Purchases", MKG__COL_NUMBER }, { "Value added", MKG__COL_NUMBER },
	{ "Costs", MKG__COL_NUMBER }, { "Fees and levies paid", MKG__COL_NUMBER },
	{ "Fees and levies received", MKG__COL_NUMBER }, { "Net margin", MKG__COL_NUMBER },
	{ "Households", MKG__COL_INDEX }, { "Income per household", MKG__COL_NUMBER },
};

static const mkg__column value_kind_cols[] = {
	{ "Kind", MKG__COL_TEXT }, { "Actors", MKG__COL_INDEX }, { "Sales", MKG__COL_NUMBER },
	{ "Purchases", MKG__COL_NUMBER }, { "Value added", MKG__COL_NUMBER },
	{ "Share of the chain's value added", MKG__COL_SHARE }, { "Gini", MKG__COL_NUMBER },
	{ "Costs", MKG__COL_NUMBER }, { "Net margin", MKG__COL_NUMBER },
	{ "Share of the chain's net margin", MKG__COL_SHARE },
	{ "Income per household", MKG__COL_NUMBER },
};

static const mkg__column producer_share_cols[] = {
	{ "Commodity", MKG__COL_TEXT }, { "Producer price", MKG__COL_NUMBER },
	{ "End-market price", MKG__COL_NUMBER }, { "Producer share", MKG__COL_SHARE },
	{ "Producer volume", MKG__COL_NUMBER }, { "End-market volume", MKG__COL_NUMBER },
};

static void
value_tables(mkg__tables *ts, const mkg_value *v)
{
	mkg__table *a = table_add(ts, "value-actors", "Value per actor",
	                          "Money in and out, in the model's currency; services included, "
	                          "fees and levies apart; end markets are not a stage.",
	                          value_actor_cols, N_COLS(value_actor_cols));
	mkg__table *k = table_add(ts, "value-kinds", "Value added per kind of actor",
	                          "Summed over the actors of each kind; Gini across their households "
	                          "or, without households, the actors (none for one actor).",
	                          value_kind_cols, N_COLS(value_kind_cols));
	mkg__table *p = table_add(ts, "producer-share", "Producer share of the end-market price",
	                          "Average unit prices, in the model's currency.",
	                          producer_share_cols, N_COLS(producer_share_cols));

	for (size_t i = 0; i < mkg_value_actor_count(v); i++) {
		const mkg_actor_value *x = mkg_value_actor_at(v, i);

		text(a, x->actor);
		text(a, mkg_actor_kind_name(x->kind));
		number(a, x->sales);
		number(a, x->purchases);
		number(a, x->value_added);
		number(a, x->costs);
		number(a, x->transfers_paid);
		number(a, x->transfers_received);
		number(a, x->net_margin);
		number(a, x->households < 0 ? MKG_ABSENT : (double)x->households);
		number(a, x->income_per_household);
	}
	for (size_t i = 0; i < mkg_value_kind_count(v); i++) {
		const mkg_kind_value *x = mkg_value_kind_at(v, i);

		text(k, mkg_actor_kind_name(x->kind));
		number(k, (double)x->actors);
		number(k, x->sales);
		number(k, x->purchases);
		number(k, x->value_added);
		number(k, x->share);
		number(k, x->gini);
		number(k, x->costs);
		number(k, x->net_margin);
		number(k, x->net_margin_share);
		number(k, x->income_per_household);
	}
	for (size_t i = 0; i < mkg_value_producer_share_count(v); i++) {
		const mkg_producer_share *x = mkg_value_producer_share_at(v, i);

		text(p, x->commodity);
		number(p, x->producer_price);
		number(p, x->end_market_price);
		number(p, x->share);
		number(p, x->producer_volume);
		number(p, x->end_market_volume);
	}
}

/* ---- facilitation ------------------------------------------------------------ */

static const mkg__column mix_cols[] = {
	{ "Type", MKG__COL_TEXT }, { "Function", MKG__COL_TEXT }, { "Records", MKG__COL_INDEX },
	{ "Records without cost", MKG__COL_INDEX }, { "Cost", MKG__COL_NUMBER },
	{ "Actors targeted", MKG__COL_INDEX }, { "Transactions targeted", MKG__COL_INDEX },
	{ "Transactions supported", MKG__COL_INDEX },
};

static const mkg__column payment_cols[] = {
	{ "Type", MKG__COL_TEXT }, { "Records", MKG__COL_INDEX },
	{ "Records with cost", MKG__COL_INDEX }, { "Cost", MKG__COL_NUMBER },
	{ "Paid by the users", MKG__COL_NUMBER }, { "Paid by the facilitator", MKG__COL_NUMBER },
	{ "Paid by others", MKG__COL_NUMBER }, { "Payer not given", MKG__COL_NUMBER },
	{ "Commercial records not self-financing", MKG__COL_INDEX },
};

static const mkg__column payer_cols[] = {
	{ "Type", MKG__COL_TEXT }, { "Payer", MKG__COL_TEXT }, { "Payer's kind", MKG__COL_TEXT },
	{ "Amount", MKG__COL_NUMBER }, { "Share of the type's cost", MKG__COL_SHARE },
};

static void
mix_row(mkg__table *t, const mkg_mix_row *r)
{
	text(t, mkg_facilitation_type_name(r->type));
	text(t, r->function == MKG_FUNCTION_UNSET ? "(all)" : mkg_function_name(r->function));
	number(t, (double)r->records);
	number(t, (double)r->records_without_cost);
	number(t, r->cost);
	number(t, (double)r->target_actors);
	number(t, (double)r->target_transactions);
	number(t, (double)r->supported_transactions);
}

static void
facilitation_tables(mkg__tables *ts, const mkg_facilitation_mix *mix, const mkg_payments *pay)
{
	mkg__table *m = table_add(ts, "facilitation-mix", "Facilitation mix",
	                          "Facilitation records by type (temporary: a programme; "
	                          "commercial; public) and function; costs in the model's currency.",
	                          mix_cols, N_COLS(mix_cols));
	mkg__table *p = table_add(ts, "facilitation-payments", "Who pays for facilitation",
	                          "Costs of each type split between the users, the facilitator and "
	                          "others, in the model's currency.",
	                          payment_cols, N_COLS(payment_cols));
	mkg__table *y = table_add(ts, "facilitation-payers", "Payers of facilitation",
	                          "Every payer of each type's costs, largest first.",
	                          payer_cols, N_COLS(payer_cols));

	for (int ty = 0; ty < MKG_FACILITATION_TYPE_COUNT; ty++) {
		const mkg_mix_row *all = mix ? mkg_facilitation_mix_type(mix, (mkg_facilitation_type)ty)
		                             : NULL;
		const mkg_payment_total *tot =
			pay ? mkg_payments_total(pay, (mkg_facilitation_type)ty) : NULL;

		if (all != NULL && all->records > 0) {
			mix_row(m, all);
			for (size_t f = 0;
			     f < mkg_facilitation_mix_function_count(mix, (mkg_facilitation_type)ty); f++)
				mix_row(m, mkg_facilitation_mix_function_at(mix, (mkg_facilitation_type)ty,
				                                             f));
		}
		if (tot == NULL || tot->records == 0)
			continue;
		text(p, mkg_facilitation_type_name(tot->type));
		number(p, (double)tot->records);
		number(p, (double)tot->records_with_cost);
		number(p, tot->cost);
		number(p, tot->users_amount);
		number(p, tot->facilitator_amount);
		number(p, tot->others_amount);
		number(p, tot->unallocated_amount);
		number(p, (double)tot->not_self_financing);
		for (size_t k = 0; k < tot->payer_count; k++) {
			text(y, mkg_facilitation_type_name(tot->type));
			text(y, tot->payers[k].actor);
			text(y, mkg_actor_kind_name(tot->payers[k].kind));
			number(y, tot->payers[k].amount);
			number(y, tot->payers[k].share);
		}
	}
}

static const mkg__column unsupported_cols[] = {
	{ "Transaction", MKG__COL_TEXT }, { "Seller", MKG__COL_TEXT }, { "Buyer", MKG__COL_TEXT },
	{ "Commodity", MKG__COL_TEXT }, { "Period", MKG__COL_TEXT }, { "Volume", MKG__COL_NUMBER },
	{ "Value", MKG__COL_NUMBER }, { "Function whose support ends", MKG__COL_TEXT },
};

/* One row per (transaction, function) the exit leaves without support. */
static void
exit_table(mkg__tables *ts, const mkg_exit_simulation *s)
{
	mkg__table *t = table_add(ts, "exit-unsupported", "Support lost at the programmes' exit",
	                          "Transactions that a function supported before the exit date "
	                          "and no longer supports after it, one row per transaction and "
	                          "function; volume in the commodity's unit, value in the model's "
	                          "currency.",
	                          unsupported_cols, N_COLS(unsupported_cols));

	for (size_t i = 0; i < mkg_exit_simulation_unsupported_count(s); i++) {
		const mkg_unsupported_transaction *u = mkg_exit_simulation_unsupported_at(s, i);

		text(t, u->transaction);
		text(t, u->seller);
		text(t, u->buyer);
		text(t, u->commodity);
		text(t, u->period);
		number(t, u->volume);
		number(t, u->value);
		text(t, mkg_function_name(u->function));
	}
}

mkg__tables *
mkg__tables_build(const mkg__report_view *v)
{
	mkg__tables *ts = g_new0(mkg__tables, 1);

	ts->tables = g_ptr_array_new();
	ts->strings = g_string_chunk_new(1024);
	if (v->concentration != NULL)
		concentration_tables(ts, v->concentration);
	if (v->coalitions != NULL)
		coalition_table(ts, v->coalitions);
	if (v->dependency != NULL)
		dependency_tables(ts, v->dependency);
	if (v->bottlenecks != NULL)
		bottleneck_tables(ts, v->bottlenecks);
	if (v->channels != NULL) {
		channel_table(ts, v->channels);
		margin_table(ts, v->channels);
	}
	if (v->value != NULL)
		value_tables(ts, v->value);
	if (v->mix != NULL || v->payments != NULL)
		facilitation_tables(ts, v->mix, v->payments);
	if (v->exit_simulation != NULL)
		exit_table(ts, v->exit_simulation);
	return ts;
}

void
mkg__tables_free(mkg__tables *ts)
{
	if (ts == NULL)
		return;
	for (guint i = 0; i < ts->tables->len; i++) {
		mkg__table *t = g_ptr_array_index(ts->tables, i);
		g_array_free(t->cells, TRUE);
		g_free(t);
	}
	g_ptr_array_free(ts->tables, TRUE);
	g_string_chunk_free(ts->strings);
	g_free(ts);
}
