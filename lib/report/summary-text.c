/* marketgraph: the summary as text tables (`marketgraph summary`).
 * Numbers are formatted independently of the locale.
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"
#include "marketgraph/summary.h"

#include <stdarg.h>

/* A table: rows of cells; the first column left-aligned, the others right
 * (numbers) or left (text). */
typedef struct table {
	GPtrArray *cells; /* char *, ncols per row */
	unsigned ncols;
	bool numbers;
} table;

static void
table_init(table *t, unsigned ncols, bool numbers)
{
	t->cells = g_ptr_array_new_with_free_func(g_free);
	t->ncols = ncols;
	t->numbers = numbers;
}

/* Append one row of ncols cells, copied escaped for the terminal
 * (mkg__text_escape, docs/report.md): every model string of the summary
 * goes through a cell. */
static void
table_row(table *t, ...)
{
	va_list ap;

	va_start(ap, t);
	for (unsigned c = 0; c < t->ncols; c++) {
		GString *cell = g_string_new(NULL);

		mkg__text_escape(cell, va_arg(ap, const char *), false, SIZE_MAX);
		g_ptr_array_add(t->cells, g_string_free(cell, FALSE));
	}
	va_end(ap);
}

/* Print the rows, columns padded to their widest cell (in characters),
 * and free the table. */
static void
table_print(GString *out, table *t)
{
	size_t widths[8] = { 0 };
	unsigned nrows = t->cells->len / t->ncols;

	g_assert(t->ncols <= G_N_ELEMENTS(widths));
	for (unsigned i = 0; i < t->cells->len; i++) {
		size_t w = g_utf8_strlen(g_ptr_array_index(t->cells, i), -1);
		if (w > widths[i % t->ncols])
			widths[i % t->ncols] = w;
	}
	for (unsigned r = 0; r < nrows; r++) {
		GString *line = g_string_new("  ");
		for (unsigned c = 0; c < t->ncols; c++) {
			const char *cell = g_ptr_array_index(t->cells, r * t->ncols + c);
			size_t pad = widths[c] - (size_t)g_utf8_strlen(cell, -1);
			bool right = c > 0 && t->numbers;
			if (c > 0)
				g_string_append(line, "   ");
			for (size_t k = 0; right && k < pad; k++)
				g_string_append_c(line, ' ');
			g_string_append(line, cell);
			for (size_t k = 0; !right && k < pad; k++)
				g_string_append_c(line, ' ');
		}
		while (line->len > 0 && line->str[line->len - 1] == ' ')
			g_string_truncate(line, line->len - 1);
		g_string_append_printf(out, "%s\n", line->str);
		g_string_free(line, TRUE);
	}
	g_ptr_array_free(t->cells, TRUE);
}

/* A number for a table: "-" when absent. */
static const char *
text_number(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
	return MKG_IS_ABSENT(d) ? "-" : mkg__human_amount(buf, d);
}

typedef const mkg_summary_group *(*group_at_fn)(const mkg_summary *s, size_t i);

/* Each volume with its unit ("-": a period of several commodities has none). */
static void
groups_table(GString *out, const char *title, const mkg_summary *s, size_t n, group_at_fn at)
{
	table t;

	g_string_append_printf(out, "\n%s\n", title);
	table_init(&t, 5, true);
	table_row(&t, "", "transactions", "volume", "unit", "value");
	for (size_t i = 0; i < n; i++) {
		const mkg_summary_group *g = at(s, i);
		char count[32], vol[MKG_DOUBLE_BUFSIZE], val[MKG_DOUBLE_BUFSIZE];
		char *key = g->services == g->transactions && g->services > 0 && g->key
		                    ? g_strdup_printf("%s (service)", g->key)
		                    : g_strdup(g->key ? g->key : "(no period)");
		g_snprintf(count, sizeof count, "%zu", g->transactions);
		table_row(&t, key, count, text_number(vol, g->volume), g->unit ? g->unit : "-",
		          text_number(val, g->value));
		g_free(key);
	}
	table_print(out, &t);
}

/* Chains: volumes in primary equivalents of the primary commodity. */
static void
chains_table(GString *out, const mkg_summary *s)
{
	table t;

	if (mkg_summary_chain_count(s) == 0)
		return;
	g_string_append(out, "\nChains (volume in primary equivalents)\n");
	table_init(&t, 5, true);
	table_row(&t, "", "transactions", "volume", "unit", "value");
	for (size_t i = 0; i < mkg_summary_chain_count(s); i++) {
		const mkg_summary_chain *c = mkg_summary_chain_at(s, i);
		char count[32], vol[MKG_DOUBLE_BUFSIZE], val[MKG_DOUBLE_BUFSIZE];

		g_snprintf(count, sizeof count, "%zu", c->transactions);
		table_row(&t, c->primary, count, text_number(vol, c->volume),
		          c->unit ? c->unit : "-", text_number(val, c->value));
	}
	table_print(out, &t);
}

/* "(none)" for an absent text. */
static const char *
or_none(const char *s)
{
	return s ? s : "(none)";
}

static void
records_table(GString *out, const mkg_summary *s)
{
	const size_t counts[] = { mkg__summary_actors(s), mkg__summary_transactions(s),
	                          mkg__summary_facilitation_records(s), mkg__summary_memberships(s) };
	const char *const names[] = { "actors", "transactions", "facilitation", "memberships" };
	table t;

	g_string_append(out, "\nRecords\n");
	table_init(&t, 2, true);
	for (size_t i = 0; i < G_N_ELEMENTS(counts); i++) {
		char a[32];

		g_snprintf(a, sizeof a, "%zu", counts[i]);
		table_row(&t, names[i], a);
	}
	table_print(out, &t);
}

/* households, or "-" when none is given */
static const char *
households_cell(char buf[32], int64_t households)
{
	if (households < 0)
		return "-";
	mkg__human_count(buf, households);
	return buf;
}

static void
kinds_table(GString *out, const mkg_summary *s)
{
	char a[32], b[32];
	table t;

	g_string_append(out, "\nActors by kind\n");
	table_init(&t, 3, true);
	table_row(&t, "", "actors", "households");
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		mkg_actor_kind kind = (mkg_actor_kind)k;

		if (mkg_summary_kind_actors(s, kind) == 0)
			continue;
		g_snprintf(a, sizeof a, "%zu", mkg_summary_kind_actors(s, kind));
		table_row(&t, mkg_actor_kind_name(kind), a,
		          households_cell(b, mkg_summary_kind_households(s, kind)));
	}
	g_snprintf(a, sizeof a, "%zu", mkg__summary_actors(s));
	table_row(&t, "all", a, households_cell(b, mkg_summary_households(s)));
	table_print(out, &t);
}

/* "1200 kg": a total and its unit. */
static char *
amount_with_unit(double amount, const char *unit)
{
	char num[MKG_DOUBLE_BUFSIZE];

	return g_strdup_printf("%s%s%s", mkg__human_amount(num, amount), unit ? " " : "",
	                       unit ? unit : "");
}

static void
totals_table(GString *out, const mkg_summary *s)
{
	char *val = amount_with_unit(mkg_summary_value(s), mkg__summary_currency(s));
	char a[32];
	table t;

	g_string_append(out, "\nTotals\n");
	table_init(&t, 2, false);
	table_row(&t, "value", val);
	g_free(val);
	if (mkg_summary_transactions_without_volume(s) > 0) {
		g_snprintf(a, sizeof a, "%zu", mkg_summary_transactions_without_volume(s));
		table_row(&t, "transactions without a volume", a);
	}
	if (mkg_summary_transactions_without_value(s) > 0) {
		g_snprintf(a, sizeof a, "%zu", mkg_summary_transactions_without_value(s));
		table_row(&t, "transactions without a value", a);
	}
	table_print(out, &t);
}

int
mkg_summary_write_text(const mkg_summary *s, char **out, size_t *len)
{
	GString *text;
	table t;

	MKG_CHECK_ARG(s);
	MKG_CHECK_ARG(out);
	text = g_string_new(NULL);
	if (mkg__summary_model_name(s) != NULL)
		mkg__text_escape(text, mkg__summary_model_name(s), false, SIZE_MAX);
	else
		g_string_append(text, "(unnamed model)");
	g_string_append_c(text, '\n');
	table_init(&t, 2, false);
	table_row(&t, "currency", or_none(mkg__summary_currency(s)));
	table_row(&t, "volume unit", or_none(mkg__summary_volume_unit(s)));
	table_row(&t, "period", or_none(mkg__summary_model_period(s)));
	table_print(text, &t);
	records_table(text, s);
	kinds_table(text, s);
	groups_table(text, "Commodities", s, mkg_summary_commodity_count(s),
	             mkg_summary_commodity_at);
	groups_table(text, "Periods", s, mkg_summary_period_count(s), mkg_summary_period_at);
	chains_table(text, s);
	totals_table(text, s);
	if (len != NULL)
		*len = text->len;
	*out = g_string_free(text, FALSE);
	return MKG_OK;
}
