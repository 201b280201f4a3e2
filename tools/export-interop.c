/* marketgraph export --format graphml|kumu|csv: the model for other tools
 * (docs/interop.md).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <errno.h>
#include <string.h>

int
cli_export_graph(const cli_command *cmd, const mkg_model *model, const char *format,
                 gboolean results, const char *chain, gboolean facilitation,
                 gboolean memberships, const char *out)
{
	mkg_interop_options opts = MKG_INTEROP_OPTIONS_INIT;
	char *text = NULL;
	size_t len = 0;
	int rc;

	opts.results = results;
	opts.chain = chain;
	opts.facilitation = facilitation;
	opts.memberships = memberships;
	rc = strcmp(format, "graphml") == 0 ? mkg_graphml_write(model, &opts, &text, &len)
	                                    : mkg_kumu_write(model, &opts, &text, &len);

	if (rc != MKG_OK)
		return cli_fail(cmd, "%s", mkg_error_message());
	rc = cli_write(cmd, out, text, len);
	mkg_free(text);
	return rc;
}

int
cli_export_csv(const cli_command *cmd, const mkg_model *model, const char *prefix,
               const char *dir, gboolean bom, int separator, gboolean safe_cells)
{
	mkg_csv_write_options opts = MKG_CSV_WRITE_OPTIONS_INIT;
	char *path;
	int rc;

	opts.bom = bom;
	opts.separator = separator;
	opts.safe_cells = safe_cells;
	if (dir != NULL) {
		/* DIR itself is made by the library, whole, from a new directory
		 * beside it (docs/interop.md); only its parents are made here. */
		char *parent = g_path_get_dirname(dir);
		int made = g_mkdir_with_parents(parent, 0777);
		int err = errno;

		g_free(parent);
		if (made != 0)
			return cli_write_failed(cmd, dir, err);
		path = g_strconcat(dir, G_DIR_SEPARATOR_S, NULL);
	} else {
		path = g_strdup(prefix);
	}
	rc = mkg_csv_write_files(model, path, &opts);
	g_free(path);
	if (rc != MKG_OK)
		return cli_fail(cmd, "%s", mkg_error_message());
	return CLI_EXIT_OK;
}
