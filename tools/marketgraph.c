/* marketgraph: the command-line tool.
 *
 *   marketgraph [--version] [--help] COMMAND [OPTION...] [ARG...]
 *
 * A command is one entry of the table below plus one function (cli.h).
 * Exit codes: 0 ok, 1 invalid input or failed analysis, 2 usage error.
 *
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <errno.h>
#include <locale.h>

#include <string.h>

static const cli_command commands[] = {
	{ "validate", "FILE...", "Check model files against the model format.",
	  "Prints \"FILE: valid (...)\" for each valid file (unless --quiet) and, for\n"
	  "each invalid one, \"FILE: MESSAGE\" on standard error, where MESSAGE starts\n"
	  "with the JSON path or the line and column of the problem.  \"-\" reads\n"
	  "standard input.  Exit status: 0 when every file is valid, 1 otherwise.",
	  cli_validate },
	{ "export", "FILE", "Re-write a model in the canonical form.",
	  "Records in their order, fixed key order, numbers in the shortest form that\n"
	  "reads back exactly: the same model always gives the same bytes.  Writes to\n"
	  "standard output unless -o is given.  \"-\" reads standard input.\n"
	  "--format dot writes the market map as a Graphviz graph instead; graphml\n"
	  "(Gephi, Cytoscape, yEd, NetworkX) and kumu (a Kumu blueprint) write the\n"
	  "graph for other tools; csv writes the tables that import-csv reads\n"
	  "(docs/interop.md).",
	  cli_export },
	{ "summary", "FILE", "Count what a model holds.",
	  "Records by kind, actors by kind, commodities and periods with their\n"
	  "transactions, volumes and values, and the totals.  \"-\" reads standard\n"
	  "input.",
	  cli_summary },
	{ "analyze", "FILE", "Report every analysis of a model.",
	  "The analysis report of docs/report.md: per market (commodity x level of\n"
	  "trade x period, and the seller's or buyer's region with --by-region; the\n"
	  "farm gate first; --levels pooled: commodity x period) the concentration of\n"
	  "sellers and of buyers (HHI, CR1, CR4, class under the threshold set; an\n"
	  "actor with firms N counts as N firms, an end market without firms as a\n"
	  "competitive fringe), the coalition what-if for every\n"
	  "group of the memberships and for --coalition, the dependency between\n"
	  "trading partners, the bottlenecks (deliverable flow and its binding\n"
	  "constraints, cut points, captive producers, betweenness, throughput), the\n"
	  "facilitation (mix, exit readiness, --exit-date simulation, competing\n"
	  "programmes, who pays), the value distribution, inclusiveness and groups.\n"
	  "Text for reading, JSON for scripts.  \"-\" reads standard input.",
	  cli_analyze },
	{ "report", "FILE -o REPORT.html", "Write the analysis report as one HTML page.",
	  "The report of 'analyze' (the same options) as one self-contained HTML\n"
	  "file for a workshop or a browser: the summary first, the market map\n"
	  "(drawn by marketgraph, no Graphviz needed), charts (concentration by\n"
	  "level, farmer's share by channel, who pays for facilitation), every\n"
	  "result list as a table with sortable columns, print styles.  No network,\n"
	  "no other file.  --date sets the date printed (default: the model's\n"
	  "period).  Same as 'analyze --format html'; 'analyze --format csv --dir\n"
	  "DIR' writes the tables as CSV files (docs/report.md).",
	  cli_report },
	{ "compare", "BEFORE AFTER | FILE --periods P1,P2", "Assess change between two snapshots.",
	  "Sets two models (or two periods of one model) side by side, in the order\n"
	  "of a results chain: outreach (households reached directly and indirectly,\n"
	  "each counted once), market changes (actors and commodities entering or\n"
	  "leaving; per market and level HHI, CR4, firms and class; coalition\n"
	  "verdicts that changed; new, lost, strengthened and weakened trading links;\n"
	  "producers' outlets; per chain deliverable share, captive supply, cut\n"
	  "points, binding constraints and the farmer's share per channel; value\n"
	  "added by kind; facilitation that ended) and systemic change (crowding\n"
	  "in, copying, take-over, resilience).  The models must share currency and\n"
	  "units.  \"-\" reads standard input.",
	  cli_compare },
	{ "shock", "FILE --remove ID[,ID...]", "What if some actors stopped trading?",
	  "Removes the actors (and their transactions) and reports the producers\n"
	  "left with no route to any end market, their supply, the deliverable flow\n"
	  "before and after (maximum flow from the producers to the end markets) and\n"
	  "the binding constraints after the exit.  An unknown id is an error (exit\n"
	  "status 1).  \"-\" reads standard input.",
	  cli_shock },
	{ "render", "FILE -o MAP.svg|png|pdf", "Draw the market map with Graphviz.",
	  "Actors by stage from producers (left) to end markets (right), sized by\n"
	  "throughput, arrows as wide as the volume traded, facilitation dashed;\n"
	  "--highlight draws what the analyses found in red.  Needs Graphviz's\n"
	  "'dot' (package graphviz); 'export --format dot' writes the DOT text.",
	  cli_render },
	{ "import-csv", "--actors FILE --transactions FILE", "Build a model from CSV tables.",
	  "Reads spreadsheet tables (RFC 4180 CSV, UTF-8, ',' ';' or tab, a header\n"
	  "row naming the columns after the fields of the model format) and writes\n"
	  "the model as JSON.  Errors name the file, line and column.  The tables\n"
	  "are what 'export --format csv' writes; columns and list cells are\n"
	  "described in docs/interop.md.",
	  cli_import_csv },
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const cli_command *
find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static char *
global_help(GOptionContext *ctx)
{
	GString *desc = g_string_new("Commands:\n");
	char *text;

	for (size_t i = 0; i < N_COMMANDS; i++)
		g_string_append_printf(desc, "  %-10s %s\n", commands[i].name, commands[i].summary);
	g_string_append(desc,
	                "\nRun 'marketgraph COMMAND --help' for the options of a command.\n"
	                "Exit status: 0 ok, 1 invalid input or failed analysis, 2 usage error.\n");
	g_option_context_set_description(ctx, desc->str);
	text = g_option_context_get_help(ctx, TRUE, NULL);
	g_string_free(desc, TRUE);
	return text;
}

/* `marketgraph help [COMMAND]`. */
static int
run_help(GOptionContext *ctx, int argc, char **argv)
{
	char *text;

	if (argc > 2)
		return cli_usage_error(NULL, "help takes at most one COMMAND");
	if (argc == 2) {
		const cli_command *cmd = find_command(argv[1]);
		char *cmd_argv[] = { argv[1], (char *)"--help", NULL };
		char q[MKG_QUOTE_BUFSIZE];

		if (cmd == NULL)
			return cli_usage_error(NULL, "unknown command %s", mkg__quote(q, argv[1]));
		return cmd->run(cmd, 2, cmd_argv);
	}
	text = global_help(ctx);
	fputs(text, stdout);
	g_free(text);
	return CLI_EXIT_OK;
}

int
main(int argc, char **argv)
{
	gboolean version = FALSE, help = FALSE;
	const GOptionEntry entries[] = {
		{ "version", 0, 0, G_OPTION_ARG_NONE, &version, "Show the version and exit", NULL },
		{ "help", 'h', 0, G_OPTION_ARG_NONE, &help, "Show this help and exit", NULL },
		G_OPTION_ENTRY_NULL
	};
	GOptionContext *ctx;
	GError *error = NULL;
	const cli_command *cmd;
	int rc;

	/* Arguments are UTF-8 (ids, file names of the model format): with the C
	 * locale's ASCII charset GOption would refuse "--remove café".  Only the
	 * character type changes: numbers are never written by the locale. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "");
	g_set_prgname("marketgraph");
	ctx = g_option_context_new("COMMAND [ARG...]");
	g_option_context_set_summary(ctx, "Describe a market system as a graph and find what holds it back.");
	g_option_context_set_help_enabled(ctx, FALSE);
	/* Stop at the command name: what follows is the command's. */
	g_option_context_set_strict_posix(ctx, TRUE);
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &error)) {
		rc = cli_usage_error(NULL, "%s", error->message);
		g_error_free(error);
	} else if (version) {
		printf("marketgraph %s\n", mkg_version_string());
		rc = CLI_EXIT_OK;
	} else if (help) {
		rc = run_help(ctx, 1, argv);
	} else if (argc < 2) {
		rc = cli_usage_error(NULL, "missing COMMAND");
	} else if (strcmp(argv[1], "help") == 0) {
		rc = run_help(ctx, argc - 1, argv + 1);
	} else if ((cmd = find_command(argv[1])) == NULL) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(NULL, "unknown command %s", mkg__quote(q, argv[1]));
	} else {
		rc = cmd->run(cmd, argc - 1, argv + 1);
	}
	/* Output that never reached standard output (a full disk, a closed
	 * pipe) is a failure with a message, whichever command printed it. */
	errno = 0;
	if (rc == CLI_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout)))
		rc = cli_stdout_failed(NULL);
	g_option_context_free(ctx);
	return rc;
}
