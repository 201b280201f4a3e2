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

	if (date == NULL)
		return mkg__error(MKG_EINVAL, "exit_date: argument is NULL");
	MKG_CHECK_ARG(day);
	if (!mkg__date_parse(date, &first, &last))
		return mkg__error(MKG_EINVAL,
		                  "exit_date: \"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", date);
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
by_transaction(const void *a, const void *b)
{
	return strcmp(((const mkg_unsupported_transaction *)a)->transaction,
	              ((const mkg_unsupported_transaction *)b)->transaction);
}

/* Judge the temporary records; mark the targets of every record by whether
 * it supports before (bit 1) and after (bit 2) the date. */
static void
judge_records(mkg_exit_simulation *s, const mkg_model *m, uint8_t *actor_bits,
              uint8_t *tx_bits)
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
		mkg__support_mark(m, f, actor_bits, tx_bits, bits);
	}
	g_array_sort(rows, by_record);
	s->record_count = rows->len;
	s->records = (mkg_exit_record *)(void *)g_array_free(rows, FALSE);
}

static void
find_unsupported(mkg_exit_simulation *s, const mkg_model *m, const mkg__markets *mk,
                 const uint8_t *actor_bits, const uint8_t *tx_bits)
{
	GArray *txs = g_array_new(FALSE, TRUE, sizeof(mkg_unsupported_transaction));
	double *amount = g_new0(double, mk->count ? mk->count : 1);
	uint8_t *hit = g_new0(uint8_t, mk->count ? mk->count : 1);

	for (guint t = 0; t < m->transactions->len; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);
		uint8_t bits = mkg__support_of(m, t, actor_bits, tx_bits);
		mkg_unsupported_transaction row;
		double x;

		if (bits != 1) /* supported before (1) and not after (2) */
			continue;
		row.transaction = mkg__keep(s->strings, tx->id);
		row.seller = mkg__keep(s->strings, MKG_ACTOR(m, tx->seller)->id);
		row.buyer = mkg__keep(s->strings, MKG_ACTOR(m, tx->buyer)->id);
		row.commodity = mkg__keep(s->strings, tx->commodity);
		row.period = mkg__keep(s->strings, mkg__tx_period(m, tx));
		row.volume = tx->volume;
		row.value = tx->value;
		g_array_append_val(txs, row);
		hit[mk->tx_market[t]] = 1;
		x = mkg__tx_measure(tx, mk->measure);
		if (!MKG_IS_ABSENT(x))
			amount[mk->tx_market[t]] += x;
	}
	g_array_sort(txs, by_transaction);
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

mkg_exit_simulation *
mkg__exit_simulation_compute(const mkg_model *m, const mkg__markets *mk, const char *date,
                             int32_t day)
{
	mkg_exit_simulation *s = g_new0(mkg_exit_simulation, 1);
	guint na = m->actors->len, nt = m->transactions->len;
	uint8_t *actor_bits = g_new0(uint8_t, na ? na : 1);
	uint8_t *tx_bits = g_new0(uint8_t, nt ? nt : 1);

	s->strings = g_string_chunk_new(1024);
	s->date = mkg__keep(s->strings, date);
	s->day = day;
	s->measure = mk->measure;
	judge_records(s, m, actor_bits, tx_bits);
	find_unsupported(s, m, mk, actor_bits, tx_bits);
	g_free(actor_bits);
	g_free(tx_bits);
	return s;
}

int
mkg_exit_simulation_new(mkg_exit_simulation **out, const mkg_model *model, const char *date,
                        const mkg_facilitation_options *opts)
{
	mkg_facilitation_options o;
	mkg__markets mk;
	int32_t day;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	if ((rc = mkg_exit_date_parse(date, &day)) != MKG_OK ||
	    (rc = mkg__facilitation_options_check(opts, &o)) != MKG_OK)
		return rc;
	mkg__markets_build(&mk, model, o.measure, o.split_by_region != 0);
	*out = mkg__exit_simulation_compute(model, &mk, date, day);
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

/* The records with one outcome, as a JSON array of objects. */
static void
write_records(mkg_jw *w, const mkg_exit_simulation *s, const char *key, mkg_exit_outcome which)
{
	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < s->record_count; i++) {
		const mkg_exit_record *r = &s->records[i];

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

void
mkg__exit_simulation_write(mkg_jw *w, const mkg_exit_simulation *s)
{
	char day[16];

	g_snprintf(day, sizeof day, "%04d-%02d-%02d", (int)(s->day / 10000),
	           (int)(s->day / 100 % 100), (int)(s->day % 100));
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "date", s->date);
	mkg__jw_kstring(w, "day", day);
	mkg__jw_kstring(w, "measure", mkg_measure_name(s->measure));
	write_records(w, s, "stopped", MKG_EXIT_OUTCOME_STOPS);
	write_records(w, s, "taken_over", MKG_EXIT_OUTCOME_TAKEN_OVER);
	write_records(w, s, "continuing", MKG_EXIT_OUTCOME_CONTINUES);
	write_records(w, s, "undated", MKG_EXIT_OUTCOME_UNDATED);
	mkg__jw_key(w, "unsupported_transactions");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < s->unsupported_count; i++) {
		const mkg_unsupported_transaction *t = &s->unsupported[i];

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "transaction", t->transaction);
		mkg__jw_kstring(w, "seller", t->seller);
		mkg__jw_kstring(w, "buyer", t->buyer);
		mkg__jw_kstring(w, "commodity", t->commodity);
		mkg__jw_kstring(w, "period", t->period);
		mkg__jw_kdouble(w, "volume", t->volume);
		mkg__jw_kdouble(w, "value", t->value);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_key(w, "markets");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < s->market_count; i++)
		mkg__facilitation_market_write(w, &s->markets[i], "unsupported");
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
	return mkg__m4p_finish(w, out, len);
}

static void
text_records(GString *out, const mkg_exit_simulation *s, const mkg__labels *l,
             mkg_exit_outcome which, const char *heading)
{
	size_t n = 0;

	for (size_t i = 0; i < s->record_count; i++)
		n += s->records[i].outcome == which;
	if (n == 0)
		return;
	g_string_append_printf(out, "%s (%zu):\n", heading, n);
	for (size_t i = 0; i < s->record_count; i++) {
		const mkg_exit_record *r = &s->records[i];

		if (r->outcome != which)
			continue;
		g_string_append_printf(out, "  %s: %s by %s", r->record, mkg_function_name(r->function),
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

void
mkg__exit_simulation_text(GString *out, const mkg_exit_simulation *s, const mkg__labels *l,
                          const mkg__units *u)
{
	const char *mu = u->measure ? u->measure : mkg_measure_name(s->measure);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	char title[96];

	g_snprintf(title, sizeof title, "When the programmes exit: the situation on %s", s->date);
	mkg__m4p_heading(out, title);
	text_records(out, s, l, MKG_EXIT_OUTCOME_STOPS, "Support that stops");
	text_records(out, s, l, MKG_EXIT_OUTCOME_TAKEN_OVER, "Taken over");
	text_records(out, s, l, MKG_EXIT_OUTCOME_UNDATED, "No end date (kept running)");
	text_records(out, s, l, MKG_EXIT_OUTCOME_CONTINUES, "Still running on that day");
	g_string_append_printf(out, "Transactions left with no support at all: %zu\n",
	                       s->unsupported_count);
	for (size_t i = 0; i < s->unsupported_count; i++) {
		const mkg_unsupported_transaction *t = &s->unsupported[i];

		g_string_append_printf(out, "  %s: %s -> %s, %s", t->transaction,
		                       mkg__label(l, t->seller), mkg__label(l, t->buyer), t->commodity);
		if (!MKG_IS_ABSENT(t->volume))
			g_string_append_printf(out, ", %s %s", mkg__text_amount(a, t->volume),
			                       u->volume ? u->volume : "(volume)");
		if (!MKG_IS_ABSENT(t->value))
			g_string_append_printf(out, ", %s %s", mkg__text_amount(a, t->value),
			                       u->currency ? u->currency : "(money)");
		g_string_append_c(out, '\n');
	}
	for (size_t i = 0; i < s->market_count; i++) {
		const mkg_facilitation_market *mm = &s->markets[i];

		g_string_append_printf(out, "%s of ", mkg__text_percent(a, mm->share));
		mkg__market_label(out, mm);
		g_string_append_printf(out, " loses all support (%s of %s %s)\n",
		                       mkg__text_amount(b, mm->amount), mkg__text_amount(c, mm->total),
		                       mu);
	}
}
