/* marketgraph: the exit simulation (analyses.md, 3): what breaks when
 * temporary facilitation ends.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_exit_simulation {
	GStringChunk *strings;
	const char *date;
	int32_t day;
	mkg_measure measure;
	size_t record_count, unsupported_count, market_count;
	mkg_exit_record *records;
	mkg_unsupported_transaction *unsupported;
	mkg_facilitation_market *markets;
	mkg_exit_reach reach[2];  /* before, after */
	size_t lost_count;
	mkg_lost_support *lost;
};

static const char *const outcome_names[] = { "stops", "taken_over", "continues", "undated" };

const char *
mkg_exit_outcome_name(mkg_exit_outcome outcome)
{
	return (unsigned)outcome < G_N_ELEMENTS(outcome_names) ? outcome_names[outcome] : NULL;
}

int
mkg_exit_date_parse(const char *date, int32_t *day)
{
	int32_t first, last;
	char quoted[MKG_QUOTE_BUFSIZE];

	if (date == NULL)
		return mkg__error(MKG_EINVAL, "exit_date: argument is NULL");
	MKG_CHECK_ARG(day);
	if (!mkg__date_parse(date, &first, &last))
		return mkg__error(MKG_EINVAL,
		                  "exit_date: %s is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
		                  mkg__quote(quoted, date));
	/* "2012" is the situation at the end of 2012: its last day. */
	*day = last;
	return MKG_OK;
}

/* A temporary record's fate at day. */
static mkg_exit_outcome
outcome_of(const mkg_facilitation_rec *f, int32_t day)
{
	int32_t first, last;

	if (f->end == NULL || !mkg__date_parse(f->end, &first, &last))
		return MKG_EXIT_OUTCOME_UNDATED;
	if (!(last < day)) /* a record still runs on its last day */
		return MKG_EXIT_OUTCOME_CONTINUES;
	if (f->exit == MKG_EXIT_COMMERCIAL || f->exit == MKG_EXIT_PUBLIC)
		return MKG_EXIT_OUTCOME_TAKEN_OVER;
	return MKG_EXIT_OUTCOME_STOPS;
}

static int
by_record(const void *a, const void *b)
{
	return strcmp(((const mkg_exit_record *)a)->record, ((const mkg_exit_record *)b)->record);
}

static int
by_transaction_function(const void *pa, const void *pb)
{
	const mkg_unsupported_transaction *a = pa, *b = pb;
	int c = strcmp(a->transaction, b->transaction);

	return c != 0 ? c : (a->function > b->function) - (a->function < b->function);
}

/* The support bits of function fn: before the date, and after it. */
#define BEFORE(fn) (UINT64_C(1) << (fn))
#define AFTER(fn) (UINT64_C(1) << (32 + (fn)))
G_STATIC_ASSERT(MKG_FUNCTION_COUNT <= 32);

/* Judge the temporary records; mark the targets of every record by whether
 * it runs before (bit 1) and after (bit 2) the date, and what it supports
 * by function, before and after. */
static void
judge_records(mkg_exit_simulation *s, const mkg_model *m, uint8_t *actor_bits,
              uint8_t *tx_bits, mkg__support *sup)
{
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(mkg_exit_record));

	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		mkg_exit_record row = { 0 };
		uint8_t bits = 1 | 2;

		if (f->type == MKG_FACILITATION_TEMPORARY) {
			row.record = mkg__keep(s->strings, f->id);
			row.facilitator = mkg__keep(s->strings, MKG_ACTOR(m, f->facilitator)->id);
			row.function = (mkg_function)f->function;
			row.end = mkg__keep(s->strings, f->end);
			row.exit = (mkg_exit)f->exit;
			row.outcome = outcome_of(f, s->day);
			row.successor_kind = MKG_ACTOR_KIND_UNSET;
			row.type_after = MKG_FACILITATION_TEMPORARY;
			if (row.outcome == MKG_EXIT_OUTCOME_TAKEN_OVER) {
				row.successor = mkg__keep(s->strings, MKG_ACTOR(m, f->successor)->id);
				row.successor_kind = MKG_ACTOR(m, f->successor)->kind;
				row.type_after = f->exit == MKG_EXIT_COMMERCIAL ? MKG_FACILITATION_COMMERCIAL
				                                                : MKG_FACILITATION_PUBLIC;
			}
			if (row.outcome == MKG_EXIT_OUTCOME_STOPS)
				bits = 1;
			g_array_append_val(rows, row);
		}
		mkg__targets_mark(m, f, actor_bits, tx_bits, bits);
		mkg__support_add(sup, m, f,
		                 BEFORE(f->function) | (bits & 2 ? AFTER(f->function) : 0));
	}
	g_array_sort(rows, by_record);
	s->record_count = rows->len;
	s->records = (mkg_exit_record *)(void *)g_array_free(rows, FALSE);
}

/* Every (transaction, function) supported before the date by a record of
 * that function and by none after it; a market counts each such
 * transaction once. */
static void
find_unsupported(mkg_exit_simulation *s, const mkg_model *m, const mkg__markets *mk,
                 const mkg__support *sup)
{
	GArray *txs = g_array_new(FALSE, TRUE, sizeof(mkg_unsupported_transaction));
	double *amount = g_new0(double, mk->count ? mk->count : 1);
	uint8_t *hit = g_new0(uint8_t, mk->count ? mk->count : 1);

	for (guint t = 0; t < m->transactions->len; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);
		uint64_t bits = mkg__support_of(sup, m, t);
		uint32_t lost = (uint32_t)bits & ~(uint32_t)(bits >> 32);
		mkg_unsupported_transaction row;
		double x;

		if (lost == 0)
			continue;
		row.transaction = mkg__keep(s->strings, tx->id);
		row.seller = mkg__keep(s->strings, MKG_ACTOR(m, tx->seller)->id);
		row.buyer = mkg__keep(s->strings, MKG_ACTOR(m, tx->buyer)->id);
		row.commodity = mkg__keep(s->strings, tx->commodity);
		row.period = mkg__keep(s->strings, mkg__tx_period(m, tx));
		row.volume = tx->volume;
		row.value = tx->value;
		for (int fn = 0; fn < MKG_FUNCTION_COUNT; fn++) {
			if (lost >> fn & 1u) {
				row.function = (mkg_function)fn;
				g_array_append_val(txs, row);
			}
		}
		hit[mk->tx_market[t]] = 1;
		x = mkg__tx_measure(tx, mk->measure);
		if (!MKG_IS_ABSENT(x))
			amount[mk->tx_market[t]] += x;
	}
	g_array_sort(txs, by_transaction_function);
	s->unsupported_count = txs->len;
	s->unsupported = (mkg_unsupported_transaction *)(void *)g_array_free(txs, FALSE);

	for (uint32_t k = 0; k < mk->count; k++)
		s->market_count += hit[k];
	s->markets = g_new0(mkg_facilitation_market, s->market_count ? s->market_count : 1);
	for (uint32_t k = 0, j = 0; k < mk->count; k++) {
		mkg_facilitation_market *row = &s->markets[j];

		if (!hit[k])
			continue;
		mkg__facilitation_market_key(row, s->strings, &mk->markets[k]);
		row->amount = amount[k];
		row->share = row->total > 0 ? amount[k] / row->total : MKG_ABSENT;
		j++;
	}
	g_free(amount);
	g_free(hit);
}

static int
by_actor_function(const void *pa, const void *pb)
{
	const mkg_lost_support *a = pa, *b = pb;
	int c = strcmp(a->actor, b->actor);

	return c != 0 ? c : (a->function > b->function) - (a->function < b->function);
}

/* Direct and indirect reach before (bit 1) and after (bit 2), and the
 * functions each target actor loses.  O(n + A + P). */
static void
find_reach(mkg_exit_simulation *s, const mkg_model *m, const uint8_t *actor_bits,
           const uint8_t *tx_bits, int32_t day)
{
	guint na = m->actors->len, nt = m->transactions->len;
	uint8_t *partner = g_new0(uint8_t, na ? na : 1);
	uint16_t *before = g_new0(uint16_t, na ? na : 1), *after = g_new0(uint16_t, na ? na : 1);
	GArray *lost = g_array_new(FALSE, FALSE, sizeof(mkg_lost_support));

	for (guint t = 0; t < nt; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);

		partner[tx->buyer] |= actor_bits[tx->seller];
		partner[tx->seller] |= actor_bits[tx->buyer];
		for (int k = 0; k < 2; k++)
			s->reach[k].direct_transactions += (tx_bits[t] >> k) & 1u;
	}
	for (guint a = 0; a < na; a++) {
		for (int k = 0; k < 2; k++) {
			s->reach[k].direct_actors += (actor_bits[a] >> k) & 1u;
			s->reach[k].indirect_actors += ((partner[a] & ~actor_bits[a]) >> k) & 1u;
		}
	}
	/* functions per target actor, before and after */
	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		bool runs_after = f->type != MKG_FACILITATION_TEMPORARY ||
		                  outcome_of(f, day) != MKG_EXIT_OUTCOME_STOPS;

		for (uint32_t k = 0; k < f->target_actors.count; k++) {
			mkg_idx a = MKG_POOL_IDX(m, f->target_actors.first + k);
			before[a] |= (uint16_t)(1u << f->function);
			if (runs_after)
				after[a] |= (uint16_t)(1u << f->function);
		}
	}
	for (guint a = 0; a < na; a++) {
		for (int fn = 0; fn < MKG_FUNCTION_COUNT; fn++) {
			mkg_lost_support row;

			if (!((before[a] & ~after[a]) >> fn & 1u))
				continue;
			row.actor = mkg__keep(s->strings, MKG_ACTOR(m, a)->id);
			row.kind = MKG_ACTOR(m, a)->kind;
			row.function = (mkg_function)fn;
			g_array_append_val(lost, row);
		}
	}
	g_array_sort(lost, by_actor_function);
	s->lost_count = lost->len;
	s->lost = (mkg_lost_support *)(void *)g_array_free(lost, FALSE);
	g_free(partner);
	g_free(before);
	g_free(after);
}

mkg_exit_simulation *
mkg__exit_simulation_compute(const mkg_model *m, const mkg__markets *mk, const char *date,
                             int32_t day)
{
	mkg_exit_simulation *s = g_new0(mkg_exit_simulation, 1);
	guint na = m->actors->len, nt = m->transactions->len;
	uint8_t *actor_bits = g_new0(uint8_t, na ? na : 1);
	uint8_t *tx_bits = g_new0(uint8_t, nt ? nt : 1);
	mkg__support sup;

	s->strings = g_string_chunk_new(1024);
	s->date = mkg__keep(s->strings, date);
	s->day = day;
	s->measure = mk->measure;
	mkg__support_init(&sup, m);
	judge_records(s, m, actor_bits, tx_bits, &sup);
	find_unsupported(s, m, mk, &sup);
	find_reach(s, m, actor_bits, tx_bits, day);
	mkg__support_clear(&sup);
	g_free(actor_bits);
	g_free(tx_bits);
	return s;
}

MKG_DEFINE_INIT(mkg_exit_simulation_options_init, mkg_exit_simulation_options, opts,
                MKG_EXIT_SIMULATION_OPTIONS)

int
mkg_exit_simulation_new(mkg_exit_simulation **out, const mkg_model *model,
                        const mkg_exit_simulation_options *opts)
{
	mkg_exit_simulation_options o;
	mkg__markets mk;
	int32_t day;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_exit_simulation_new", mkg_exit_simulation_options,
	                    MKG_EXIT_SIMULATION_OPTIONS, opts, &o);
	/* there is no default date: the question is "what if they leave then?" */
	if (o.date == NULL)
		return mkg__error(MKG_EINVAL,
		                  "mkg_exit_simulation_new: the option date is required");
	if ((rc = mkg_exit_date_parse(o.date, &day)) != MKG_OK ||
	    (rc = mkg__check_measure(o.measure)) != MKG_OK ||
	    (rc = mkg__check_region_split(o.split_by_region)) != MKG_OK)
		return rc;
	if ((rc = mkg__markets_build(&mk, model, o.measure, MKG_LEVELS_POOLED,
	                             (mkg_region_split)o.split_by_region,
	                             "exit simulation", 1)) != MKG_OK)
		return rc;
	*out = mkg__exit_simulation_compute(model, &mk, o.date, day);
	mkg__markets_clear(&mk);
	return MKG_OK;
}

void
mkg_exit_simulation_free(mkg_exit_simulation *s)
{
	if (s == NULL)
		return;
	g_free(s->records);
	g_free(s->unsupported);
	g_free(s->markets);
	g_free(s->lost);
	g_string_chunk_free(s->strings);
	g_free(s);
}

const char *
mkg_exit_simulation_date(const mkg_exit_simulation *s)
{
	return s ? s->date : NULL;
}

int32_t
mkg_exit_simulation_day(const mkg_exit_simulation *s)
{
	return s ? s->day : 0;
}

size_t
mkg_exit_simulation_record_count(const mkg_exit_simulation *s)
{
	return s ? s->record_count : 0;
}

const mkg_exit_record *
mkg_exit_simulation_record_at(const mkg_exit_simulation *s, size_t i)
{
	return s && i < s->record_count ? &s->records[i] : NULL;
}

size_t
mkg_exit_simulation_unsupported_count(const mkg_exit_simulation *s)
{
	return s ? s->unsupported_count : 0;
}

const mkg_unsupported_transaction *
mkg_exit_simulation_unsupported_at(const mkg_exit_simulation *s, size_t i)
{
	return s && i < s->unsupported_count ? &s->unsupported[i] : NULL;
}

size_t
mkg_exit_simulation_market_count(const mkg_exit_simulation *s)
{
	return s ? s->market_count : 0;
}

const mkg_facilitation_market *
mkg_exit_simulation_market_at(const mkg_exit_simulation *s, size_t i)
{
	return s && i < s->market_count ? &s->markets[i] : NULL;
}

mkg_measure
mkg_exit_simulation_measure(const mkg_exit_simulation *s)
{
	return s ? s->measure : MKG_MEASURE_VOLUME;
}

const mkg_exit_reach *
mkg_exit_simulation_reach(const mkg_exit_simulation *s, int after)
{
	return s ? &s->reach[after ? 1 : 0] : NULL;
}

size_t
mkg_exit_simulation_lost_count(const mkg_exit_simulation *s)
{
	return s ? s->lost_count : 0;
}

const mkg_lost_support *
mkg_exit_simulation_lost_at(const mkg_exit_simulation *s, size_t i)
{
	return s && i < s->lost_count ? &s->lost[i] : NULL;
}
