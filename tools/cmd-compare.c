/* marketgraph compare BEFORE AFTER [--periods P1,P2] | FILE --periods P1,P2: two snapshots
 * side by side (docs/report.md, "Comparison").
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* --periods P1,P2: exactly two periods. */
static int
parse_periods(const cli_command *cmd, const char *text, char ***out)
{
	char q[MKG_QUOTE_BUFSIZE];
	char **parts = g_strsplit(text, ",", -1);

	if (g_strv_length(parts) != 2 || parts[0][0] == '\0' || parts[1][0] == '\0') {
		g_strfreev(parts);
		return cli_usage_error(cmd, "--periods: expected two periods P1,P2, got %s",
		                       mkg__quote(q, text));
	}
	*out = parts;
	return -1;
}

static int
parse_threshold(const cli_command *cmd, const char *text, double *out)
{
	char q[MKG_QUOTE_BUFSIZE];
	char *end = NULL;
	double d;

	d = g_ascii_strtod(text, &end);
	if (end == text || *end != '\0' || !(d >= 0 && d < 1))
		return cli_usage_error(cmd, "--link-threshold: expected a number from 0 to below 1, "
		                       "got %s", mkg__quote(q, text));
	*out = d;
	return -1;
}

int
cli_compare(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL, *periods = NULL, *thresholds = NULL, *output = NULL;
	char *link_threshold = NULL;
	GOptionEntry entries[] = {
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		{ "periods", 'p', 0, G_OPTION_ARG_STRING, &periods,
		  "Compare period P1 with period P2 of one model (FILE), or P1 of BEFORE with "
		  "P2 of AFTER", "P1,P2" },
		{ "link-threshold", 0, 0, G_OPTION_ARG_STRING, &link_threshold,
		  "Share by which a link's volume must rise or fall to count as strengthened or "
		  "weakened (default 0.1)", "SHARE" },
		{ "thresholds", 't', 0, G_OPTION_ARG_STRING, &thresholds,
		  "HHI threshold set: us2023 (default), us2010, us1992 or eu2004", "NAME" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
		  "Write the comparison to FILE instead of standard output", "FILE" },
		G_OPTION_ENTRY_NULL
	};
	mkg_compare_options opts = MKG_COMPARE_OPTIONS_INIT;
	mkg_model *before = NULL, *after = NULL;
	mkg_compare *cmp = NULL;
	char **pair = NULL;
	char *text = NULL;
	size_t len = 0;
	int fmt = 0;
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto out;
	if ((rc = cli_parse_format(cmd, format, cli_text_or_json, &fmt)) >= 0)
		goto out;
	if (periods != NULL && (rc = parse_periods(cmd, periods, &pair)) >= 0)
		goto out;
	if (link_threshold != NULL &&
	    (rc = parse_threshold(cmd, link_threshold, &opts.link_threshold)) >= 0)
		goto out;
	if (thresholds != NULL && mkg_thresholds_find(thresholds) == NULL) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unknown threshold set %s, expected us2023, us2010, "
		                     "us1992 or eu2004", mkg__quote(q, thresholds));
		goto out;
	}
	/* --periods: P1 of FILE and P2 of FILE, or P1 of BEFORE and P2 of AFTER */
	if (argc != 3 && (pair == NULL || argc != 2)) {
		rc = cli_usage_error(cmd, "expected BEFORE and AFTER files "
		                          "(or FILE --periods P1,P2)");
		goto out;
	}
	if ((rc = cli_load(argv[1], &before)) != CLI_EXIT_OK)
		goto out;
	if (argc == 3 && (rc = cli_load(argv[2], &after)) != CLI_EXIT_OK)
		goto out;
	if (pair != NULL) {
		opts.before_period = pair[0];
		opts.after_period = pair[1];
	}
	opts.thresholds = thresholds;
	if (mkg_compare_new(&cmp, before, after ? after : before, &opts) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto out;
	}
	if ((fmt == 1 ? mkg_compare_write_json(cmp, &text, &len)
	              : mkg_compare_write_text(cmp, &text, &len)) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto out;
	}
	rc = cli_write(cmd, output, text, len);
out:
	mkg_free(text);
	mkg_compare_free(cmp);
	mkg_model_free(before);
	mkg_model_free(after);
	g_strfreev(pair);
	g_free(format);
	g_free(periods);
	g_free(thresholds);
	g_free(output);
	g_free(link_threshold);
	return rc;
}
