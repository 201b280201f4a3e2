/* marketgraph report FILE -o report.html: the analysis report as one HTML
 * page; and what `analyze --format csv|html` writes (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <string.h>

const char *const cli_analyze_formats[] = { "text", "json", "csv", "html", NULL };

int
cli_analyze_check(const cli_command *cmd, int format, const char *output, const char *dir,
                  gboolean bom)
{
	if (format == CLI_FORMAT_CSV && dir == NULL)
		return cli_usage_error(cmd, "--format csv writes one file per table: give --dir DIR");
	if (format == CLI_FORMAT_CSV && output != NULL)
		return cli_usage_error(cmd, "--format csv writes into --dir DIR, not -o");
	if (format != CLI_FORMAT_CSV && dir != NULL)
		return cli_usage_error(cmd, "--dir is for --format csv");
	if (format != CLI_FORMAT_CSV && bom)
		return cli_usage_error(cmd, "--bom is for --format csv");
	return -1;
}

int
cli_analyze_write(const cli_command *cmd, const mkg_report *report, const mkg_model *model,
                  int format, const char *output, const char *dir, gboolean bom,
                  const char *date)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (format == CLI_FORMAT_CSV) {
		mkg_report_csv_options o = MKG_REPORT_CSV_OPTIONS_INIT;

		o.bom = bom;
		if (mkg_report_write_csv_files(report, dir, &o) != MKG_OK)
			return cli_fail(cmd, "%s", mkg_error_message());
		return CLI_EXIT_OK;
	}
	if (format == CLI_FORMAT_HTML) {
		mkg_report_html_options o = MKG_REPORT_HTML_OPTIONS_INIT;

		o.model = model;
		o.date = date;
		rc = mkg_report_write_html(report, &o, &text, &len);
	} else if (format == CLI_FORMAT_JSON) {
		rc = mkg_report_write_json(report, &text, &len);
	} else {
		rc = mkg_report_write_text(report, &text, &len);
	}
	if (rc != MKG_OK) {
		mkg_free(text);
		return cli_fail(cmd, "%s", mkg_error_message());
	}
	rc = cli_write(cmd, output, text, len);
	mkg_free(text);
	return rc;
}

/* `report` is `analyze --format html`: the same options (a later --format
 * still wins). */
int
cli_report(const cli_command *cmd, int argc, char **argv)
{
	char **args = g_new0(char *, (size_t)argc + 2);
	int rc;

	args[0] = argv[0];
	args[1] = (char *)"--format=html";
	for (int i = 1; i < argc; i++)
		args[i + 1] = argv[i];
	rc = cli_analyze(cmd, argc + 1, args);
	g_free(args);
	return rc;
}
