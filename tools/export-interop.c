/* marketgraph export --format graphml|kumu|csv: the model for other tools
 * (docs/interop.md).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <errno.h>
#include <string.h>

int
cli_export_text(const cli_command *cmd, const mkg_model *model, const char *format,
                const char *out)
{
	char *text = NULL;
	size_t len = 0;
	int rc = strcmp(format, "graphml") == 0 ? mkg_graphml_write_string(model, &text, &len)
	                                         : mkg_kumu_write_string(model, &text, &len);

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
		if (g_mkdir_with_parents(dir, 0777) != 0)
			return cli_fail(cmd, "%s: cannot create the directory: %s", dir, g_strerror(errno));
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
