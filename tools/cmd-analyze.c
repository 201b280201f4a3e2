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

int
cli_analyze(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL, *measure = NULL, *thresholds = NULL, *output = NULL;
	char *exit_date = NULL;
	char **coalition = NULL;
	gboolean by_region = FALSE, channels = FALSE;
	const GOptionEntry entries[] = {
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		{ "measure", 'm', 0, G_OPTION_ARG_STRING, &measure,
		  "Weigh transactions by volume (default) or value", "MEASURE" },
		{ "thresholds", 't', 0, G_OPTION_ARG_STRING, &thresholds,
		  "HHI threshold set: us2023 (default), us2010, us1992 or eu2004", "NAME" },
		{ "by-region", 'r', 0, G_OPTION_ARG_NONE, &by_region,
		  "Split markets by the seller's region", NULL },
		{ "coalition", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &coalition,
		  "Also test these actors acting as one firm (may be repeated: the lists add up)",
		  "ID,ID,..." },
		{ "exit-date", 'e', 0, G_OPTION_ARG_STRING, &exit_date,
		  "Simulate the programmes' exits at DATE (YYYY, YYYY-MM or YYYY-MM-DD)", "DATE" },
		{ "channels", 0, 0, G_OPTION_ARG_NONE, &channels,
		  "Show the marketing channels and the farmer's share per channel in the text "
		  "(the JSON always has them)", NULL },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
		  "Write the report to FILE instead of standard output", "FILE" },
		G_OPTION_ENTRY_NULL
	};
	mkg_report_options opts = MKG_REPORT_OPTIONS_INIT;
	mkg_model *model = NULL;
	mkg_report *report = NULL;
	char **ids = NULL;
	char *text = NULL;
	size_t len = 0;
	bool json = false;
	int fmt = 0; /* in cli_text_or_json */
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto out;
	if ((rc = cli_one_file(cmd, argc)) >= 0 ||
	    (rc = cli_parse_format(cmd, format, cli_text_or_json, &fmt)) >= 0)
		goto out;
	rc = CLI_EXIT_OK;
	json = fmt == 1;
	if (measure != NULL && mkg_measure_from_name(measure, &opts.measure) != MKG_OK) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unknown measure %s, expected volume or value",
		                     mkg__quote(q, measure));
		goto out;
	}
	if (thresholds != NULL && mkg_thresholds_find(thresholds) == NULL) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unknown threshold set %s, expected us2023, us2010, "
		                     "us1992 or eu2004", mkg__quote(q, thresholds));
		goto out;
	}
	if ((rc = cli_parse_list(cmd, "--coalition", coalition, &ids)) >= 0)
		goto out;
	rc = CLI_EXIT_OK;
	if (exit_date != NULL && (rc = check_exit_date(cmd, exit_date)) != CLI_EXIT_OK)
		goto out;

	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto out;
	opts.thresholds = thresholds;
	opts.split_by_region = by_region;
	opts.exit_date = exit_date;
	opts.channels = channels;
	if (ids != NULL) {
		opts.coalition = (const char *const *)ids;
		opts.coalition_count = g_strv_length(ids);
	}
	/* left: the model's own problems, such as an unknown coalition actor */
	if (mkg_report_new(&report, model, &opts) != MKG_OK) {
		rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		goto out;
	}
	if ((json ? mkg_report_write_json(report, &text, &len)
	          : mkg_report_write_text(report, &text, &len)) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto out;
	}
	rc = cli_write(cmd, output, text, len);
out:
	mkg_free(text);
	mkg_report_free(report);
	mkg_model_free(model);
	g_strfreev(ids);
	g_free(format);
	g_free(measure);
	g_free(thresholds);
	g_strfreev(coalition);
	g_free(exit_date);
	g_free(output);
	return rc;
}
