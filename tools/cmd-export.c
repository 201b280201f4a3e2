/* marketgraph export FILE [--format json|dot|graphml|kumu|csv] [-o OUT]:
 * re-write a model in the canonical form, draw its market map, or write it
 * for other tools (export-interop.c).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <errno.h>
#include <string.h>

/* The --format values, in the order of the usage message. */
enum { FORMAT_JSON, FORMAT_DOT, FORMAT_GRAPHML, FORMAT_KUMU, FORMAT_CSV };
static const char *const formats[] = { "json", "dot", "graphml", "kumu", "csv", NULL };

static int
export_json(const cli_command *cmd, const mkg_model *model, const char *out)
{
	if (out == NULL || strcmp(out, "-") == 0) {
		/* Streamed: a large model is never held twice in memory. */
		errno = 0;
		if (mkg_json_write_stream(model, stdout) != MKG_OK || fflush(stdout) != 0 ||
		    ferror(stdout))
			return cli_stdout_failed(cmd);
		return CLI_EXIT_OK;
	}
	return cli_write_model(cmd, model, out); /* never renames over /dev/null */
}

static int
export_dot(const cli_command *cmd, const mkg_model *model, mkg_dot_options opts,
           const cli_dot_view *view, const char *out)
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (mkg_dot_write_string(model, &opts, &text, &len) != MKG_OK)
		return cli_fail(cmd, "%s", mkg_error_message());
	cli_dot_view_note(cmd, view);
	rc = cli_write(cmd, out, text, len);
	mkg_free(text);
	return rc;
}

int
cli_export(const cli_command *cmd, int argc, char **argv)
{
	char *out = NULL, *format = NULL, *dir = NULL, *separator = NULL;
	gboolean highlight = FALSE, bom = FALSE, safe_cells = FALSE;
	gboolean results = FALSE, facilitation = FALSE, memberships = FALSE;
	int sep = 0;
	cli_dot_view view = { 0 };
	mkg_dot_options dot_opts = MKG_DOT_OPTIONS_INIT;
	const GOptionEntry entries[] = {
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  "Write to OUT instead of standard output", "OUT" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "json (default), dot (a Graphviz market map), graphml, kumu or csv", "FORMAT" },
		{ "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir,
		  "csv: write DIR/actors.csv, DIR/transactions.csv, ... (or give -o PREFIX)", "DIR" },
		{ "separator", 0, 0, G_OPTION_ARG_STRING, &separator,
		  "csv: ',' (default), ';' or tab", "SEP" },
		{ "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
		  "csv: start each file with a UTF-8 byte order mark (for Excel)", NULL },
		{ "safe-cells", 0, 0, G_OPTION_ARG_NONE, &safe_cells,
		  "csv: write a ' before texts starting with = + - @ tab or CR, which a "
		  "spreadsheet would run as formulas (not stripped on import)", NULL },
		{ "highlight", 0, 0, G_OPTION_ARG_NONE, &highlight,
		  "dot: draw binding capacities, captive-producer hubs and coalitions "
		  "presumed harmful in red", NULL },
		CLI_DOT_VIEW_ENTRIES(view, "dot: "),
		{ "results", 0, 0, G_OPTION_ARG_NONE, &results,
		  "graphml, kumu: analysis results of one chain (--chain C with several) on the "
		  "nodes and edges: throughput, betweenness, captive producers, binding "
		  "constraints", NULL },
		{ "facilitation", 0, 0, G_OPTION_ARG_NONE, &facilitation,
		  "graphml: an edge per facilitation record and actor it supports", NULL },
		{ "memberships", 0, 0, G_OPTION_ARG_NONE, &memberships,
		  "graphml: an edge per membership (member to group)", NULL },
		G_OPTION_ENTRY_NULL
	};
	mkg_model *model = NULL;
	int fmt = FORMAT_JSON, dot, csv;
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto done;
	if ((rc = cli_one_file(cmd, argc)) >= 0 ||
	    (rc = cli_parse_format(cmd, format, formats, &fmt)) >= 0)
		goto done;
	dot = fmt == FORMAT_DOT;
	csv = fmt == FORMAT_CSV;
	if (!csv && (dir != NULL || separator != NULL || bom)) {
		rc = cli_usage_error(cmd, "--dir, --separator and --bom need --format csv");
		goto done;
	}
	if (csv && (dir == NULL) == (out == NULL)) {
		rc = cli_usage_error(cmd, "--format csv writes one file per table: give --dir DIR or -o PREFIX");
		goto done;
	}
	if (csv && out != NULL && strcmp(out, "-") == 0) {
		rc = cli_usage_error(cmd, "--format csv writes one file per table, not standard "
		                     "output: give --dir DIR or -o PREFIX");
		goto done;
	}
	if ((rc = cli_parse_separator(cmd, separator, &sep)) >= 0)
		goto done;
	if (safe_cells && !csv) {
		rc = cli_usage_error(cmd, "--safe-cells needs --format csv");
		goto done;
	}
	if (highlight && !dot) {
		rc = cli_usage_error(cmd, "--highlight needs --format dot");
		goto done;
	}
	if (!dot && (view.hide_services || view.hide_facilitation || view.commodity != NULL ||
	             view.collapse != NULL || view.top != NULL || view.page != NULL)) {
		rc = cli_usage_error(cmd, "--hide-services, --hide-facilitation, --commodity, "
		                     "--collapse, --top and --page need --format dot");
		goto done;
	}
	if (!dot && view.chain != NULL && !results) {
		rc = cli_usage_error(cmd, "--chain needs --format dot, or --results");
		goto done;
	}
	if (results && fmt != FORMAT_GRAPHML && fmt != FORMAT_KUMU) {
		rc = cli_usage_error(cmd, "--results needs --format graphml or kumu");
		goto done;
	}
	if ((facilitation || memberships) && fmt != FORMAT_GRAPHML) {
		rc = cli_usage_error(cmd, "--facilitation and --memberships need --format graphml "
		                     "(kumu has them always)");
		goto done;
	}
	if (dot && (rc = cli_dot_view_apply(cmd, &view, highlight, &dot_opts)) >= 0)
		goto done;
	dot_opts.highlight = highlight;
	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto done;
	if (csv)
		rc = cli_export_csv(cmd, model, out, dir, bom, sep, safe_cells);
	else if (fmt == FORMAT_GRAPHML || fmt == FORMAT_KUMU)
		rc = cli_export_graph(cmd, model, formats[fmt], results, view.chain, facilitation,
		                      memberships, out);
	else
		rc = dot ? export_dot(cmd, model, dot_opts, &view, out) : export_json(cmd, model, out);
done:
	mkg_model_free(model);
	g_free(out);
	g_free(format);
	g_free(dir);
	g_free(separator);
	cli_dot_view_clear(&view);
	return rc;
}
