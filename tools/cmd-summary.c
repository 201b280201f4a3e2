/* marketgraph summary FILE: count what a model holds.
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

/* Transactions, volume and value of one commodity or one period. */
typedef struct group_total {
	const char *key; /* borrowed from the model; NULL: no period */
	size_t transactions;
	size_t services;
	size_t with_volume, with_value; /* transactions that give one */
	double volume;
	double value;
} group_total;

typedef struct summary {
	const mkg_model *model;
	size_t kinds[MKG_ACTOR_KIND_COUNT];
	int64_t households[MKG_ACTOR_KIND_COUNT]; /* -1: no actor of the kind gives any */
	int64_t households_total;                 /* -1: none given */
	GArray *commodities;                      /* group_total, by key in byte order */
	GArray *periods;                          /* group_total, NULL first, then byte order */
	double volume, value;
	size_t without_volume, without_value;
} summary;

static int
compare_keys(const void *a, const void *b)
{
	const char *x = ((const group_total *)a)->key, *y = ((const group_total *)b)->key;

	if (x == NULL || y == NULL)
		return (x != NULL) - (y != NULL);
	return strcmp(x, y);
}

/* Add a transaction to the total of its key, creating it on first sight. */
static void
add_to_group(GArray *groups, GHashTable *index, const char *key, const mkg_transaction_desc *tx)
{
	/* NULL cannot be a hash key: the "no period" group uses a sentinel. */
	static const char no_key[] = "";
	gconstpointer hkey = key ? (gconstpointer)key : (gconstpointer)no_key;
	gpointer pos = g_hash_table_lookup(index, hkey);
	group_total *g;
	double volume = tx->volume, value = tx->value;

	if (pos == NULL) {
		group_total init = { key, 0, 0, 0, 0, 0.0, 0.0 };
		g_array_append_val(groups, init);
		pos = GUINT_TO_POINTER(groups->len);
		g_hash_table_insert(index, (gpointer)hkey, pos);
	}
	g = &g_array_index(groups, group_total, GPOINTER_TO_UINT(pos) - 1u);
	g->transactions++;
	g->services += tx->service ? 1 : 0;
	if (!MKG_IS_ABSENT(volume)) {
		g->volume += volume;
		g->with_volume++;
	}
	if (!MKG_IS_ABSENT(value)) {
		g->value += value;
		g->with_value++;
	}
}

/* A group's total, or absent when none of its transactions gives one. */
static double
group_volume(const group_total *g)
{
	return g->with_volume ? g->volume : MKG_ABSENT;
}

static double
group_value(const group_total *g)
{
	return g->with_value ? g->value : MKG_ABSENT;
}

static void
summary_compute(summary *s, const mkg_model *m)
{
	GHashTable *commodity_index = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *period_index = g_hash_table_new(g_str_hash, g_str_equal);
	size_t n;

	memset(s, 0, sizeof *s);
	s->model = m;
	s->households_total = -1;
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		s->households[k] = -1;
	n = mkg_model_actor_count(m);
	for (size_t a = 0; a < n; a++) {
		mkg_actor_desc actor = MKG_ACTOR_DESC_INIT;
		mkg_actor_kind kind;
		int64_t hh;
		if (mkg_model_actor_at(m, a, &actor) != MKG_OK)
			continue; /* cannot happen: a < the count */
		kind = actor.kind;
		hh = actor.households;
		if (kind < 0 || kind >= MKG_ACTOR_KIND_COUNT)
			continue; /* cannot happen in a valid model */
		s->kinds[kind]++;
		if (hh >= 0) {
			s->households[kind] = (s->households[kind] < 0 ? 0 : s->households[kind]) + hh;
			s->households_total = (s->households_total < 0 ? 0 : s->households_total) + hh;
		}
	}
	s->commodities = g_array_new(FALSE, FALSE, sizeof(group_total));
	s->periods = g_array_new(FALSE, FALSE, sizeof(group_total));
	n = mkg_model_transaction_count(m);
	for (size_t t = 0; t < n; t++) {
		mkg_transaction_desc tx = MKG_TRANSACTION_DESC_INIT;
		double volume, value;
		if (mkg_model_transaction_at(m, t, &tx) != MKG_OK)
			continue; /* cannot happen: t < the count */
		volume = tx.volume;
		value = tx.value;
		add_to_group(s->commodities, commodity_index, tx.commodity, &tx);
		add_to_group(s->periods, period_index, tx.period ? tx.period : mkg_model_period(m),
		             &tx);
		if (MKG_IS_ABSENT(volume))
			s->without_volume++;
		else
			s->volume += volume;
		if (MKG_IS_ABSENT(value))
			s->without_value++;
		else
			s->value += value;
	}
	g_array_sort(s->commodities, compare_keys);
	g_array_sort(s->periods, compare_keys);
	g_hash_table_destroy(commodity_index);
	g_hash_table_destroy(period_index);
}

static void
summary_clear(summary *s)
{
	g_array_free(s->commodities, TRUE);
	g_array_free(s->periods, TRUE);
}

/* ---- text ------------------------------------------------------------------ */

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

/* Append one row of ncols cells (copied). */
static void
table_row(table *t, ...)
{
	va_list ap;

	va_start(ap, t);
	for (unsigned c = 0; c < t->ncols; c++)
		g_ptr_array_add(t->cells, g_strdup(va_arg(ap, const char *)));
	va_end(ap);
}

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

/* A number for a text table: "-" when absent. */
static const char *
text_number(char buf[G_ASCII_DTOSTR_BUF_SIZE], double d)
{
	return MKG_IS_ABSENT(d) ? "-" : cli_format_number(buf, d);
}

static void
groups_table(GString *out, const char *title, GArray *groups)
{
	table t;

	g_string_append_printf(out, "\n%s\n", title);
	table_init(&t, 4, true);
	table_row(&t, "", "transactions", "volume", "value");
	for (unsigned i = 0; i < groups->len; i++) {
		const group_total *g = &g_array_index(groups, group_total, i);
		char n[32], vol[G_ASCII_DTOSTR_BUF_SIZE], val[G_ASCII_DTOSTR_BUF_SIZE];
		char *key = g->services == g->transactions && g->services > 0 && g->key
		                    ? g_strdup_printf("%s (service)", g->key)
		                    : g_strdup(g->key ? g->key : "(no period)");
		g_snprintf(n, sizeof n, "%zu", g->transactions);
		table_row(&t, key, n, text_number(vol, group_volume(g)),
		          text_number(val, group_value(g)));
		g_free(key);
	}
	table_print(out, &t);
}

static char *
summary_text(const summary *s)
{
	const mkg_model *m = s->model;
	const char *unit = mkg_model_volume_unit(m), *currency = mkg_model_currency(m);
	GString *out = g_string_new(NULL);
	char a[32], b[32], num[G_ASCII_DTOSTR_BUF_SIZE];
	table t;

	g_string_append_printf(out, "%s\n", mkg_model_name(m) ? mkg_model_name(m) : "(unnamed model)");
	table_init(&t, 2, false);
	table_row(&t, "currency", currency ? currency : "(none)");
	table_row(&t, "volume unit", unit ? unit : "(none)");
	table_row(&t, "period", mkg_model_period(m) ? mkg_model_period(m) : "(none)");
	table_print(out, &t);

	g_string_append(out, "\nRecords\n");
	table_init(&t, 2, true);
	g_snprintf(a, sizeof a, "%zu", mkg_model_actor_count(m));
	table_row(&t, "actors", a);
	g_snprintf(a, sizeof a, "%zu", mkg_model_transaction_count(m));
	table_row(&t, "transactions", a);
	g_snprintf(a, sizeof a, "%zu", mkg_model_facilitation_count(m));
	table_row(&t, "facilitation", a);
	g_snprintf(a, sizeof a, "%zu", mkg_model_membership_count(m));
	table_row(&t, "memberships", a);
	table_print(out, &t);

	g_string_append(out, "\nActors by kind\n");
	table_init(&t, 3, true);
	table_row(&t, "", "actors", "households");
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		if (s->kinds[k] == 0)
			continue;
		g_snprintf(a, sizeof a, "%zu", s->kinds[k]);
		if (s->households[k] >= 0)
			g_snprintf(b, sizeof b, "%" G_GINT64_FORMAT, s->households[k]);
		else
			g_strlcpy(b, "-", sizeof b);
		table_row(&t, mkg_actor_kind_name((mkg_actor_kind)k), a, b);
	}
	g_snprintf(a, sizeof a, "%zu", mkg_model_actor_count(m));
	if (s->households_total >= 0)
		g_snprintf(b, sizeof b, "%" G_GINT64_FORMAT, s->households_total);
	else
		g_strlcpy(b, "-", sizeof b);
	table_row(&t, "all", a, b);
	table_print(out, &t);

	groups_table(out, "Commodities", s->commodities);
	groups_table(out, "Periods", s->periods);

	g_string_append(out, "\nTotals\n");
	table_init(&t, 2, false);
	{
		char *vol = g_strdup_printf("%s%s%s", cli_format_number(num, s->volume),
		                            unit ? " " : "", unit ? unit : "");
		char *val = g_strdup_printf("%s%s%s", cli_format_number(num, s->value),
		                            currency ? " " : "", currency ? currency : "");
		table_row(&t, "volume", vol);
		table_row(&t, "value", val);
		g_free(vol);
		g_free(val);
	}
	if (s->without_volume > 0) {
		g_snprintf(a, sizeof a, "%zu", s->without_volume);
		table_row(&t, "transactions without a volume", a);
	}
	if (s->without_value > 0) {
		g_snprintf(a, sizeof a, "%zu", s->without_value);
		table_row(&t, "transactions without a value", a);
	}
	table_print(out, &t);
	return g_string_free(out, FALSE);
}

/* ---- JSON ------------------------------------------------------------------ */

static void
json_groups(GString *out, const char *key, const char *name, GArray *groups)
{
	char num[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_printf(out, "  \"%s\": [", key);
	for (unsigned i = 0; i < groups->len; i++) {
		const group_total *g = &g_array_index(groups, group_total, i);
		g_string_append_printf(out, "%s\n    {\"%s\": ", i ? "," : "", name);
		cli_json_string(out, g->key);
		g_string_append_printf(out, ", \"transactions\": %zu, \"services\": %zu",
		                       g->transactions, g->services);
		g_string_append_printf(out, ", \"volume\": %s",
		                       cli_format_number(num, group_volume(g)));
		g_string_append_printf(out, ", \"value\": %s}",
		                       cli_format_number(num, group_value(g)));
	}
	g_string_append(out, groups->len ? "\n  ],\n" : "],\n");
}

static char *
summary_json(const summary *s)
{
	const mkg_model *m = s->model;
	GString *out = g_string_new("{\n  \"name\": ");
	char num[G_ASCII_DTOSTR_BUF_SIZE];
	bool first = true;

	cli_json_string(out, mkg_model_name(m));
	g_string_append(out, ",\n  \"currency\": ");
	cli_json_string(out, mkg_model_currency(m));
	g_string_append(out, ",\n  \"volume_unit\": ");
	cli_json_string(out, mkg_model_volume_unit(m));
	g_string_append(out, ",\n  \"period\": ");
	cli_json_string(out, mkg_model_period(m));
	g_string_append_printf(out,
	                       ",\n  \"records\": {\"actors\": %zu, \"transactions\": %zu, "
	                       "\"facilitation\": %zu, \"memberships\": %zu},\n",
	                       mkg_model_actor_count(m), mkg_model_transaction_count(m),
	                       mkg_model_facilitation_count(m), mkg_model_membership_count(m));
	g_string_append(out, "  \"actors_by_kind\": {");
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		if (s->kinds[k] == 0)
			continue;
		g_string_append_printf(out, "%s\"%s\": %zu", first ? "" : ", ",
		                       mkg_actor_kind_name((mkg_actor_kind)k), s->kinds[k]);
		first = false;
	}
	g_string_append(out, "},\n");
	if (s->households_total >= 0)
		g_string_append_printf(out, "  \"households\": %" G_GINT64_FORMAT ",\n",
		                       s->households_total);
	else
		g_string_append(out, "  \"households\": null,\n");
	json_groups(out, "commodities", "commodity", s->commodities);
	json_groups(out, "periods", "period", s->periods);
	g_string_append_printf(out, "  \"total_volume\": %s,\n", cli_format_number(num, s->volume));
	g_string_append_printf(out, "  \"total_value\": %s,\n", cli_format_number(num, s->value));
	g_string_append_printf(out,
	                       "  \"transactions_without_volume\": %zu,\n"
	                       "  \"transactions_without_value\": %zu\n}\n",
	                       s->without_volume, s->without_value);
	return g_string_free(out, FALSE);
}

int
cli_summary(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL;
	const GOptionEntry entries[] = {
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		G_OPTION_ENTRY_NULL
	};
	mkg_model *model = NULL;
	bool json = false;
	int fmt = 0; /* in cli_text_or_json */
	summary s;
	char *text;
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto done;
	if ((rc = cli_parse_format(cmd, format, cli_text_or_json, &fmt)) >= 0 ||
	    (rc = cli_one_file(cmd, argc)) >= 0)
		goto done;
	json = fmt == 1;
	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto done;
	summary_compute(&s, model);
	text = json ? summary_json(&s) : summary_text(&s);
	rc = cli_write(cmd, NULL, text, strlen(text));
	g_free(text);
	summary_clear(&s);
done:
	mkg_model_free(model);
	g_free(format);
	return rc;
}
