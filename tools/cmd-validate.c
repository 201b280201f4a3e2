/* marketgraph validate FILE...: check model files against the format.
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <errno.h>

int
cli_validate(const cli_command *cmd, int argc, char **argv)
{
	gboolean quiet = FALSE;
	const GOptionEntry entries[] = {
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
		  "Print nothing for valid files", NULL },
		G_OPTION_ENTRY_NULL
	};
	int rc = cli_parse(cmd, entries, &argc, &argv);
	int status = CLI_EXIT_OK;

	if (rc >= 0)
		return rc;
	if (argc < 2)
		return cli_usage_error(cmd, "missing FILE");
	/* Check every file, even after a failure: one run lists every bad file. */
	for (int i = 1; i < argc; i++) {
		mkg_model *model = NULL;
		if (cli_load(argv[i], &model) != CLI_EXIT_OK) {
			status = CLI_EXIT_FAILURE;
			continue;
		}
		if (!quiet)
			printf("%s: valid (%zu actors, %zu transactions, %zu facilitation, "
			       "%zu memberships)\n",
			       cli_display_name(argv[i]), mkg_model_actor_count(model),
			       mkg_model_transaction_count(model), mkg_model_facilitation_count(model),
			       mkg_model_membership_count(model));
		mkg_model_free(model);
	}
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		status = cli_stdout_failed(cmd);
	return status;
}
