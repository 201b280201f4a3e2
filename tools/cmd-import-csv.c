/* marketgraph import-csv: build a model from spreadsheet tables
 * (docs/interop.md, "CSV").
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <errno.h>
#include <string.h>

/* A separator option: ",", ";" or "tab" (also a real tab). */
int
cli_parse_separator(const cli_command *cmd, const char *text, int *out)
{
	char q[MKG_QUOTE_BUFSIZE];

	if (text == NULL) {
		*out = 0;
		return -1;
	}
	if (strcmp(text, ",") == 0 || strcmp(text, ";") == 0 || strcmp(text, "\t") == 0)
		*out = text[0];
	else if (strcmp(text, "tab") == 0)
		*out = '\t';
	else
		return cli_usage_error(cmd, "unknown separator %s, expected ',', ';' or tab",
		                       mkg__quote(q, text));
	return -1;
}

/* DIR/NAME.csv when the option did not name the table's file; required
 * tables are taken even when missing (the import then says so), optional
 * ones only when they exist. */
static char *
table_path(const char *given, const char *dir, const char *name, gboolean required)
{
	char *path;

	if (given != NULL || dir == NULL)
		return g_strdup(given);
	path = g_strconcat(dir, G_DIR_SEPARATOR_S, name, ".csv", NULL);
	if (!required && !g_file_test(path, G_FILE_TEST_EXISTS)) {
		g_free(path);
		return NULL;
	}
	return path;
}

int
cli_write_model(const cli_command *cmd, const mkg_model *model, const char *out)
{
	if (out == NULL || strcmp(out, "-") == 0) {
		errno = 0;
		if (mkg_json_write_stream(model, stdout) != MKG_OK || fflush(stdout) != 0)
			return cli_stdout_failed(cmd);
		return CLI_EXIT_OK;
	}
	/* "OUT: cannot write: REASON", as cli_write() words it */
	if (mkg_json_write_file(model, out) != MKG_OK)
		return cli_fail(cmd, "%s", mkg_error_message());
	return CLI_EXIT_OK;
}

int
cli_import_csv(const cli_command *cmd, int argc, char **argv)
{
	char *actors = NULL, *transactions = NULL, *facilitation = NULL, *memberships = NULL;
	char *document = NULL, *commodities = NULL, *dir = NULL, *out = NULL, *separator = NULL;
	char *name = NULL, *currency = NULL, *volume_unit = NULL, *period = NULL;
	char *attributes = NULL;
	char *paths[MKG_CSV_TABLE_COUNT] = { NULL };
	const GOptionEntry entries[] = {
		{ "actors", 0, 0, G_OPTION_ARG_FILENAME, &actors, "The actors table (required)", "FILE" },
		{ "transactions", 0, 0, G_OPTION_ARG_FILENAME, &transactions,
		  "The transactions table (required)", "FILE" },
		{ "facilitation", 0, 0, G_OPTION_ARG_FILENAME, &facilitation,
		  "The facilitation table", "FILE" },
		{ "memberships", 0, 0, G_OPTION_ARG_FILENAME, &memberships,
		  "The memberships table", "FILE" },
		{ "document", 0, 0, G_OPTION_ARG_FILENAME, &document,
		  "The document table (name, currency, volume_unit, period, attributes)", "FILE" },
		{ "commodities", 0, 0, G_OPTION_ARG_FILENAME, &commodities,
		  "The commodities table (id, unit, service, made_from, input_per_unit, attributes)",
		  "FILE" },
		{ "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir,
		  "Read DIR/actors.csv, DIR/transactions.csv and the other tables there", "DIR" },
		{ "separator", 0, 0, G_OPTION_ARG_STRING, &separator,
		  "',', ';' or tab (default: found in each header line)", "SEP" },
		{ "name", 0, 0, G_OPTION_ARG_STRING, &name, "The model's name", "NAME" },
		{ "currency", 0, 0, G_OPTION_ARG_STRING, &currency, "Currency of the values", "CODE" },
		{ "volume-unit", 0, 0, G_OPTION_ARG_STRING, &volume_unit, "Unit of the volumes", "UNIT" },
		{ "period", 0, 0, G_OPTION_ARG_STRING, &period, "Default period of transactions",
		  "PERIOD" },
		{ "attributes", 0, 0, G_OPTION_ARG_STRING, &attributes,
		  "The model's attributes (a JSON object)", "JSON" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  "Write the model to OUT instead of standard output", "OUT" },
		G_OPTION_ENTRY_NULL
	};
	mkg_csv_read_options opts = MKG_CSV_READ_OPTIONS_INIT;
	mkg_model *model = NULL;
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto done;
	if (argc > 1) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "unexpected argument %s (tables are given by options)",
		                     mkg__quote(q, argv[1]));
		goto done;
	}
	if ((rc = cli_parse_separator(cmd, separator, &opts.separator)) >= 0)
		goto done;
	paths[MKG_CSV_ACTORS] = table_path(actors, dir, "actors", TRUE);
	paths[MKG_CSV_TRANSACTIONS] = table_path(transactions, dir, "transactions", TRUE);
	paths[MKG_CSV_FACILITATION] = table_path(facilitation, dir, "facilitation", FALSE);
	paths[MKG_CSV_MEMBERSHIPS] = table_path(memberships, dir, "memberships", FALSE);
	paths[MKG_CSV_DOCUMENT] = table_path(document, dir, "document", FALSE);
	paths[MKG_CSV_COMMODITIES] = table_path(commodities, dir, "commodities", FALSE);
	if (paths[MKG_CSV_ACTORS] == NULL || paths[MKG_CSV_TRANSACTIONS] == NULL) {
		rc = cli_usage_error(cmd, "missing --%s FILE (or --dir DIR)",
		                     paths[MKG_CSV_ACTORS] == NULL ? "actors" : "transactions");
		goto done;
	}
	opts.name = name;
	opts.currency = currency;
	opts.volume_unit = volume_unit;
	opts.period = period;
	opts.attributes = attributes;
	if (mkg_csv_read_files(&model, (const char *const *)paths, MKG_CSV_TABLE_COUNT,
	                       &opts) != MKG_OK) {
		/* The message starts with the file, line and column. */
		fprintf(stderr, "%s\n", mkg_error_message());
		rc = CLI_EXIT_FAILURE;
		goto done;
	}
	rc = cli_write_model(cmd, model, out);
done:
	mkg_model_free(model);
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		g_free(paths[k]);
	g_free(actors);
	g_free(transactions);
	g_free(facilitation);
	g_free(memberships);
	g_free(document);
	g_free(commodities);
	g_free(dir);
	g_free(out);
	g_free(separator);
	g_free(name);
	g_free(currency);
	g_free(volume_unit);
	g_free(period);
	g_free(attributes);
	return rc;
}
