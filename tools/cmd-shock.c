/* marketgraph shock FILE --remove ID[,ID...] [--chain ID]: what happens
 * when actors stop trading (docs/analyses.md, section 2, exit shock), in
 * every chain of the model or in the one --chain names.  The library
 * computes and writes the results; here only the options are read.
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdbool.h>
#include <string.h>

/* The shock of every chain (opts->chain NULL), or of the one named:
 * *shocks and *count.  On failure the message is the library's. */
static int
shock_chains(const mkg_model *model, mkg_shock_options *opts, mkg_shock ***shocks,
             size_t *count)
{
	bool every = opts->chain == NULL;
	size_t n = 1;
	int rc;

	if (every && (rc = mkg_model_chain_count(model, &n)) != MKG_OK)
		return rc;
	/* A model without produce still has its (empty) flow to report. */
	*count = n ? n : 1;
	*shocks = g_new0(mkg_shock *, *count);
	for (size_t i = 0; i < *count; i++) {
		if (every)
			opts->chain = n ? mkg_model_chain_at(model, i)->commodity : NULL;
		if ((rc = mkg_shock_new(&(*shocks)[i], model, opts)) != MKG_OK)
			return rc;
	}
	return MKG_OK;
}

/* The text of every shock, a blank line between chains. */
static int
write_text(const mkg_model *model, mkg_shock **shocks, size_t count, char **out, size_t *len)
{
	GString *all = g_string_new(NULL);
	int rc = MKG_OK;

	for (size_t i = 0; i < count && rc == MKG_OK; i++) {
		char *text = NULL;
		size_t n = 0;

		if ((rc = mkg_shock_write_text(shocks[i], model, &text, &n)) == MKG_OK) {
			if (i > 0)
				g_string_append_c(all, '\n');
			g_string_append_len(all, text, (gssize)n);
		}
		mkg_free(text);
	}
	*len = all->len;
	*out = g_string_free(all, FALSE); /* freed with g_free() */
	return rc;
}

int
cli_shock(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL, *output = NULL, *chain = NULL;
	char **remove = NULL;
	const GOptionEntry entries[] = {
		{ "remove", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &remove,
		  "The actors that stop trading (required; may be repeated: the lists add up)",
		  "ID,ID,..." },
		{ "chain", 'c', 0, G_OPTION_ARG_STRING, &chain,
		  "Only the chain of this primary commodity (default: every chain)", "ID" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
		  "Write the result to FILE instead of standard output", "FILE" },
		G_OPTION_ENTRY_NULL
	};
	mkg_shock_options opts = MKG_SHOCK_OPTIONS_INIT;
	mkg_model *model = NULL;
	mkg_shock **shocks = NULL;
	size_t count = 0;
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
	if ((rc = cli_parse_list(cmd, "--remove", remove, &ids)) >= 0)
		goto out;
	if (ids == NULL) {
		rc = cli_usage_error(cmd, "missing --remove ID[,ID...]");
		goto out;
	}

	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto out;
	opts.remove = (const char *const *)ids;
	opts.remove_count = g_strv_length(ids);
	opts.chain = chain;
	if (shock_chains(model, &opts, &shocks, &count) != MKG_OK) {
		rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		goto out;
	}
	status = json ? mkg_shocks_write_json((const mkg_shock *const *)shocks, count, &text, &len)
	              : write_text(model, shocks, count, &text, &len);
	if (status != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto out;
	}
	rc = cli_write(cmd, output, text, len);
out:
	if (json)
		mkg_free(text);
	else
		g_free(text);
	for (size_t i = 0; i < count && shocks; i++)
		mkg_shock_free(shocks[i]);
	g_free(shocks);
	mkg_model_free(model);
	g_strfreev(ids);
	g_free(format);
	g_free(chain);
	g_strfreev(remove);
	g_free(output);
	return rc;
}
