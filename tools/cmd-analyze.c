/* marketgraph analyze FILE: the analysis report (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdbool.h>
#include <string.h>

/* A malformed --exit-date is a usage error, found before the model is read. */
static int
check_exit_date(const cli_command *cmd, const char *date)
{
	int32_t day;
	const char *msg;

	if (mkg_exit_date_parse(date, &day) == MKG_OK)
		return CLI_EXIT_OK;
	/* the library names its option "exit_date"; here it is --exit-date */
	msg = mkg_error_message();
	if (g_str_has_prefix(msg, "exit_date: "))
		msg += strlen("exit_date: ");
	return cli_usage_error(cmd, "--exit-date: %s", msg);
}

/* An unknown --sections name is a usage error, found before the model is
 * read: the library checks the list on an empty model (no work). */
static int
check_sections(const cli_command *cmd, const char *sections)
{
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_model *empty = NULL;
	mkg_report *r = NULL;
	int rc = -1;

	if (sections == NULL)
		return -1;
	o.sections = sections;
	if (mkg_model_new(&empty) != MKG_OK || mkg_report_new(&r, empty, &o) != MKG_OK) {
		const char *msg = mkg_error_message();

		if (g_str_has_prefix(msg, "sections: "))
			msg += strlen("sections: ");
		rc = cli_usage_error(cmd, "--sections: %s", msg);
	}
	mkg_report_free(r);
	mkg_model_free(empty);
	return rc;
}

/* A whole number from 1 to max for option (--top, --threads). */
static int
parse_count(const cli_command *cmd, const char *option, const char *text, unsigned long max,
            unsigned long *out)
{
	char q[MKG_QUOTE_BUFSIZE];
	guint64 n;

	if (text == NULL)
		return -1;
	if (!g_ascii_string_to_unsigned(text, 10, 1, max, &n, NULL))
		return cli_usage_error(cmd, "%s: %s is not a whole number from 1 to %lu", option,
		                       mkg__quote(q, text), max);
	*out = (unsigned long)n;
	return -1;
}

/* --by-region [seller|buyer]: GOption would take any next argument that
 * does not start with '-' as the optional value (the FILE too), so before
 * parsing, "--by-region buyer" (or "-r buyer") becomes "--by-region=buyer"
 * and a bare --by-region "--by-region=seller".  A FILE named "seller" or
 * "buyer" right after --by-region is written ./buyer.  The callback has no
 * user data: the value goes to this variable (the CLI parses once, on one
 * thread). */
static mkg_region_split region_split;

static gboolean
parse_by_region(const gchar *name, const gchar *value, gpointer data, GError **error)
{
	char q[MKG_QUOTE_BUFSIZE];

	(void)name;
	(void)data;
	if (value == NULL || strcmp(value, "seller") == 0) {
		region_split = MKG_REGION_SELLER;
		return TRUE;
	}
	if (strcmp(value, "buyer") == 0) {
		region_split = MKG_REGION_BUYER;
		return TRUE;
	}
	g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
	            "--by-region: unknown region %s, expected seller or buyer",
	            mkg__quote(q, value));
	return FALSE;
}

/* argv with "--by-region [VALUE]" and "-r [VALUE]" joined (see above): a new
 * vector whose joined strings are in *owned (both freed by the caller). */
static char **
join_by_region(int argc, char **argv, GPtrArray **owned)
{
	char **out = g_new0(char *, (size_t)argc + 1);
	int n = 0;

	*owned = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; i < argc; i++) {
		bool flag = strcmp(argv[i], "--by-region") == 0 || strcmp(argv[i], "-r") == 0;
		bool value = i + 1 < argc && (strcmp(argv[i + 1], "seller") == 0 ||
		                              strcmp(argv[i + 1], "buyer") == 0);

		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				out[n++] = argv[i++];
			break;
		}
		if (flag) {
			char *joined = g_strconcat("--by-region=", value ? argv[i + 1] : "seller",
			                           NULL);
			g_ptr_array_add(*owned, joined);
			out[n++] = joined;
			i += value;
			continue;
		}
		out[n++] = argv[i];
	}
	out[n] = NULL;
	return out;
}

/* The report of each period of model, one after the other: in JSON
 * {"periods": [{"period": P, "report": {...}}, ...]}, in text each report
 * under a line "Period P" (docs/report.md, "Reports by period"). */
static int
report_by_period(const mkg_model *model, const mkg_report_options *opts, bool json,
                 char **out, size_t *len)
{
	mkg_periods *periods = NULL;
	GString *s = g_string_new(json ? "{\n  \"periods\": [" : "");
	int rc = mkg_periods_new(&periods, model);

	for (size_t i = 0; rc == MKG_OK && i < mkg_periods_count(periods); i++) {
		const char *period = mkg_periods_at(periods, i);
		mkg_model *one = NULL;
		mkg_report *report = NULL;
		char *text = NULL;

		if ((rc = mkg_model_select_period(&one, model, period)) == MKG_OK &&
		    (rc = mkg_report_new(&report, one, opts)) == MKG_OK)
			rc = json ? mkg_report_write_json(report, &text, NULL)
			          : mkg_report_write_text(report, &text, NULL);
		if (rc == MKG_OK && json) {
			char *quoted = g_strescape(period ? period : "", NULL);

			g_string_append_printf(s, "%s\n{\"period\": ", i ? "," : "");
			if (period)
				g_string_append_printf(s, "\"%s\"", quoted);
			else
				g_string_append(s, "null");
			g_string_append_printf(s, ", \"report\": %s}", text);
			g_free(quoted);
		} else if (rc == MKG_OK) {
			char *title = g_strdup_printf("Period %s", period ? period : "(none)");

			g_string_append_printf(s, "%s%s\n", i ? "\n" : "", title);
			for (size_t k = strlen(title); k > 0; k--)
				g_string_append_c(s, '#');
			g_string_append_printf(s, "\n%s", text);
			g_free(title);
		}
		mkg_free(text);
		mkg_report_free(report);
		mkg_model_free(one);
	}
	mkg_periods_free(periods);
	if (rc != MKG_OK) {
		g_string_free(s, TRUE);
		return rc;
	}
	if (json)
		g_string_append(s, "\n]}\n");
	*len = s->len;
	*out = g_string_free(s, FALSE);
	return MKG_OK;
}

int
cli_analyze(const cli_command *cmd, int argc_in, char **argv_in)
{
	char *format = NULL, *measure = NULL, *thresholds = NULL, *output = NULL;
	char *exit_date = NULL, *levels = NULL, *dir = NULL, *date = NULL;
	char *sections = NULL, *top = NULL, *threads = NULL;
	unsigned long top_n = 0, threads_n = 0;
	cli_progress_state progress;
	gboolean bom = FALSE;
	char **coalition = NULL, **by_tag = NULL;
	gboolean channels = FALSE, detail = FALSE, by_period = FALSE;
	GPtrArray *owned = NULL;
	char **argv_joined = join_by_region(argc_in, argv_in, &owned);
	char **argv = argv_joined;
	int argc = g_strv_length(argv_joined);
	GOptionEntry entries[] = {
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default), json, csv (one file per table, with --dir) or "
		  "html (one self-contained page; the 'report' command)", "FORMAT" },
		{ "measure", 'm', 0, G_OPTION_ARG_STRING, &measure,
		  "Weigh transactions by volume (default) or value", "MEASURE" },
		{ "thresholds", 't', 0, G_OPTION_ARG_STRING, &thresholds,
		  "HHI threshold set: us2023 (default), us2010, us1992 or eu2004", "NAME" },
		{ "levels", 'l', 0, G_OPTION_ARG_STRING, &levels,
		  "Levels of trade as separate markets (separate, the default: farm gate, "
		  "trader, ...) or pooled into one market per commodity and period", "LEVELS" },
		/* arg_data: parse_by_region, set below (ISO C has no cast of a
		 * function pointer to gpointer) */
		{ "by-region", 'r', G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, NULL,
		  "Split markets by the seller's region (also: --by-region seller), or by the "
		  "buyer's (--by-region buyer)", "[seller|buyer]" },
		{ "coalition", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &coalition,
		  "Also test these actors acting as one firm (may be repeated: the lists add up)",
		  "ID,ID,..." },
		{ "exit-date", 'e', 0, G_OPTION_ARG_STRING, &exit_date,
		  "Simulate the programmes' exits at DATE (YYYY, YYYY-MM or YYYY-MM-DD)", "DATE" },
		{ "channels", 0, 0, G_OPTION_ARG_NONE, &channels,
		  "Show the marketing channels, the farmer's share and the margins per channel in "
		  "the text (--detail shows them too; the JSON always has them)", NULL },
		{ "by-tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &by_tag,
		  "Split producers' households, incomes and farmer's shares into those with and "
		  "without each tag (may be repeated: the lists add up)", "TAG,TAG,..." },
		{ "detail", 0, 0, G_OPTION_ARG_NONE, &detail,
		  "The long text: every market's share table and every list to ten rows (by "
		  "default the text opens with a summary and keeps each section short)", NULL },
		{ "by-period", 0, 0, G_OPTION_ARG_NONE, &by_period,
		  "One report per period of the model's transactions, in period order", NULL },
		{ "sections", 's', 0, G_OPTION_ARG_STRING, &sections,
		  "Only these sections (comma-separated: concentration, coalitions, dependency, "
		  "bottlenecks, facilitation, value, inclusiveness, groups, channels; default: all)",
		  "LIST" },
		{ "top", 0, 0, G_OPTION_ARG_STRING, &top,
		  "At most N rows in every list of the JSON, the largest (default: every row)", "N" },
		{ "threads", 0, 0, G_OPTION_ARG_STRING, &threads,
		  "Worker threads for the markets and their concentration, dependency's pairs, "
		  "the chains' bottlenecks and betweenness (default: one per core); the report is "
		  "the same, to the last bit, for any N", "N" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
		  "Write the report to FILE instead of standard output", "FILE" },
		{ "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir,
		  "--format csv: write the tables into DIR (created, or replaced as a whole set)",
		  "DIR" },
		{ "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
		  "--format csv: start each file with a UTF-8 byte-order mark (for spreadsheets)",
		  NULL },
		{ "date", 0, 0, G_OPTION_ARG_STRING, &date,
		  "--format html: the date printed on the report (default: the model's period)",
		  "TEXT" },
		G_OPTION_ENTRY_NULL
	};
	mkg_report_options opts = MKG_REPORT_OPTIONS_INIT;
	mkg_model *model = NULL;
	mkg_report *report = NULL;
	char **ids = NULL, **tags = NULL;
	int fmt = 0; /* in cli_analyze_formats */
	int rc;

	region_split = MKG_REGION_NONE;
	for (size_t i = 0; entries[i].long_name != NULL; i++) {
		if (entries[i].arg == G_OPTION_ARG_CALLBACK) {
			GOptionArgFunc callback = parse_by_region;
			memcpy(&entries[i].arg_data, &callback, sizeof callback);
		}
	}
	rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto out;
	if ((rc = cli_one_file(cmd, argc)) >= 0 ||
	    (rc = cli_parse_format(cmd, format, cli_analyze_formats, &fmt)) >= 0 ||
	    (rc = cli_analyze_check(cmd, fmt, output, dir, bom)) >= 0)
		goto out;
	rc = CLI_EXIT_OK;
	if (by_period && fmt > 1) {
		rc = cli_usage_error(cmd, "--by-period: expected --format text or json");
		goto out;
	}
	if (measure != NULL && mkg_measure_from_name(measure, &opts.measure) != MKG_OK) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unknown measure %s, expected volume or value",
		                     mkg__quote(q, measure));
		goto out;
	}
	if (levels != NULL && strcmp(levels, "separate") != 0 && strcmp(levels, "pooled") != 0) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unknown levels %s, expected separate or pooled",
		                     mkg__quote(q, levels));
		goto out;
	}
	if (thresholds != NULL && mkg_thresholds_find(thresholds) == NULL) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unknown threshold set %s, expected us2023, us2010, "
		                     "us1992 or eu2004", mkg__quote(q, thresholds));
		goto out;
	}
	if ((rc = check_sections(cmd, sections)) >= 0 ||
	    (rc = parse_count(cmd, "--top", top, G_MAXINT32, &top_n)) >= 0 ||
	    (rc = parse_count(cmd, "--threads", threads, 1024, &threads_n)) >= 0)
		goto out;
	if ((rc = cli_parse_list(cmd, "--coalition", coalition, &ids)) >= 0 ||
	    (rc = cli_parse_list_of(cmd, "--by-tag", "tag", "TAG", by_tag, &tags)) >= 0)
		goto out;
	rc = CLI_EXIT_OK;
	if (exit_date != NULL && (rc = check_exit_date(cmd, exit_date)) != CLI_EXIT_OK)
		goto out;

	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto out;
	opts.thresholds = thresholds;
	opts.split_by_region = region_split;
	opts.levels = levels != NULL && strcmp(levels, "pooled") == 0 ? MKG_LEVELS_POOLED
	                                                              : MKG_LEVELS_SEPARATE;
	opts.exit_date = exit_date;
	opts.channels = channels;
	opts.detail = detail;
	opts.sections = sections;
	opts.top = top_n;
	opts.threads = (unsigned int)threads_n;
	cli_progress_init(&progress, cmd);
	opts.progress = cli_progress;
	opts.progress_data = &progress;
	if (ids != NULL) {
		opts.coalition = (const char *const *)ids;
		opts.coalition_count = g_strv_length(ids);
	}
	if (tags != NULL) {
		opts.by_tag = (const char *const *)tags;
		opts.by_tag_count = g_strv_length(tags);
	}
	if (by_period) {
		char *text = NULL;
		size_t len = 0;

		if (report_by_period(model, &opts, fmt == 1, &text, &len) != MKG_OK)
			rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		else
			rc = cli_write(cmd, output, text, len);
		g_free(text);
		cli_progress_end(&progress);
		goto out;
	}
	if (fmt == CLI_FORMAT_JSON) {
		/* each section written as soon as it is computed */
		int status = mkg_report_write_json_file(
			model, &opts, output != NULL && strcmp(output, "-") != 0 ? output : NULL);

		cli_progress_end(&progress);
		if (status == MKG_EIO)
			rc = cli_fail(cmd, "%s", mkg_error_message());
		else if (status != MKG_OK)
			rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		goto out;
	}
	if (fmt == CLI_FORMAT_TEXT) {
		/* each section's results freed once its text is taken */
		char *text = NULL;
		size_t len = 0;
		int status = mkg_report_text_new(model, &opts, &text, &len);

		cli_progress_end(&progress);
		if (status != MKG_OK)
			rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		else
			rc = cli_write(cmd, output, text, len);
		mkg_free(text);
		goto out;
	}
	/* left: the model's own problems, such as an unknown coalition actor */
	rc = mkg_report_new(&report, model, &opts);
	cli_progress_end(&progress);
	if (rc != MKG_OK) {
		rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		goto out;
	}
	rc = cli_analyze_write(cmd, report, model, fmt, output, dir, bom, date);
out:
	mkg_report_free(report);
	mkg_model_free(model);
	g_strfreev(ids);
	g_strfreev(tags);
	g_strfreev(by_tag);
	g_free(format);
	g_free(measure);
	g_free(thresholds);
	g_strfreev(coalition);
	g_free(exit_date);
	g_free(levels);
	g_free(sections);
	g_free(top);
	g_free(threads);
	g_free(output);
	g_free(dir);
	g_free(date);
	g_free(argv_joined);
	g_ptr_array_free(owned, TRUE);
	return rc;
}
