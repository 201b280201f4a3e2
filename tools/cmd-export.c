/* marketgraph export FILE [-o OUT]: re-write a model in the canonical form.
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <string.h>

int
cli_export(const cli_command *cmd, int argc, char **argv)
{
	char *out = NULL;
	const GOptionEntry entries[] = {
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  "Write to OUT instead of standard output", "OUT" },
		G_OPTION_ENTRY_NULL
	};
	mkg_model *model = NULL;
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto done;
	if (argc != 2) {
		rc = cli_usage_error(cmd, argc < 2 ? "missing FILE" : "takes one FILE");
		goto done;
	}
	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto done;
	if (out == NULL || strcmp(out, "-") == 0) {
		/* Streamed: a large model is never held twice in memory. */
		if (mkg_json_write_stream(model, stdout) != MKG_OK)
			rc = cli_fail(cmd, "%s", mkg_error_message());
		else if (fflush(stdout) != 0 || ferror(stdout))
			rc = cli_fail(cmd, "writing to standard output failed");
	} else if (mkg_json_write_file(model, out) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
	}
done:
	mkg_model_free(model);
	g_free(out);
	return rc;
}
