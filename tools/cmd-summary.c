/* marketgraph summary FILE [-o OUT]: count what a model holds (the library's
 * mkg_summary, written as text tables or JSON).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdbool.h>

int
cli_summary(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL, *out = NULL;
	const GOptionEntry entries[] = {
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  "Write to OUT instead of standard output (\"-\": standard output)", "OUT" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		G_OPTION_ENTRY_NULL
	};
	mkg_model *model = NULL;
	mkg_summary *summary = NULL;
	char *text = NULL;
	size_t len = 0;
	bool json = false;
	int fmt = 0; /* in cli_text_or_json */
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto done;
	if ((rc = cli_one_file(cmd, argc)) >= 0 ||
	    (rc = cli_parse_format(cmd, format, cli_text_or_json, &fmt)) >= 0)
		goto done;
	json = fmt == 1;
	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto done;
	if (mkg_summary_new(&summary, model, NULL) != MKG_OK ||
	    (json ? mkg_summary_write_json(summary, &text, &len)
	          : mkg_summary_write_text(summary, &text, &len)) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto done;
	}
	rc = cli_write(cmd, out, text, len);
done:
	mkg_free(text);
	mkg_summary_free(summary);
	mkg_model_free(model);
	g_free(format);
	g_free(out);
	return rc;
}
