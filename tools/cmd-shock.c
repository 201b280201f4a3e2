/* marketgraph shock FILE --remove ID[,ID...]: what happens when actors stop
 * trading (docs/analyses.md, section 2, exit shock).  The library computes
 * and writes the result; here only the options are read.
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdbool.h>
#include <string.h>

int
cli_shock(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL, *remove = NULL, *output = NULL;
	const GOptionEntry entries[] = {
		{ "remove", 'r', 0, G_OPTION_ARG_STRING, &remove,
		  "The actors that stop trading (required)", "ID,ID,..." },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
		  "Write the result to FILE instead of standard output", "FILE" },
		G_OPTION_ENTRY_NULL
	};
	mkg_shock_options opts = MKG_SHOCK_OPTIONS_INIT;
	mkg_model *model = NULL;
	mkg_shock *shock = NULL;
	char **ids = NULL;
	char *text = NULL;
	size_t len = 0;
	bool json = false;
	int fmt = 0; /* in cli_text_or_json */
	int status, rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto out;
	if ((rc = cli_one_file(cmd, argc)) >= 0 ||
	    (rc = cli_parse_format(cmd, format, cli_text_or_json, &fmt)) >= 0)
		goto out;
	json = fmt == 1;
	if (remove == NULL) {
		rc = cli_usage_error(cmd, "missing --remove ID[,ID...]");
		goto out;
	}
	ids = g_strsplit(remove, ",", -1);
	for (char **p = ids; *p; p++) {
		g_strstrip(*p);
		if (**p == '\0') {
			char q[MKG_QUOTE_BUFSIZE];

			rc = cli_usage_error(cmd, "--remove: empty actor id in %s",
			                     mkg__quote(q, remove));
			goto out;
		}
	}

	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto out;
	opts.remove = (const char *const *)ids;
	opts.remove_count = g_strv_length(ids);
	if (mkg_shock_new(&shock, model, &opts) != MKG_OK) {
		rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		goto out;
	}
	status = json ? mkg_shock_write_json(shock, &text, &len)
	              : mkg_shock_write_text(shock, model, &text, &len);
	if (status != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto out;
	}
	rc = cli_write(cmd, output, text, len);
out:
	mkg_free(text);
	mkg_shock_free(shock);
	mkg_model_free(model);
	g_strfreev(ids);
	g_free(format);
	g_free(remove);
	g_free(output);
	return rc;
}
