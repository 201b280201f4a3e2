/* marketgraph command-line tool: what the commands share.
 *
 * A command is one entry of the table in marketgraph.c and one function
 * here.  The function receives its own argv (argv[0] is the command name),
 * parses its options with cli_parse() and returns an exit code.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_CLI_H
#define MKG_CLI_H

#include <marketgraph.h>
#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

#include "text-private.h" /* mkg__quote: arguments quoted in messages */

/* Exit codes of every command. */
enum {
	CLI_EXIT_OK = 0,      /* done */
	CLI_EXIT_FAILURE = 1, /* invalid input, failed analysis, I/O error */
	CLI_EXIT_USAGE = 2    /* unknown command, missing argument, bad option */
};

typedef struct cli_command cli_command;

struct cli_command {
	const char *name;        /* "validate" */
	const char *parameters;  /* usage after the options: "FILE..." */
	const char *summary;     /* one line for the command list */
	const char *description; /* paragraph shown by --help, or NULL */
	int (*run)(const cli_command *cmd, int argc, char **argv);
};

/*
 * Parse the options of a command (entries may be NULL; -h/--help is added).
 * On success, leave the remaining arguments in *argc and *argv (argv[0] stays
 * the command name) and return -1.  Otherwise return the exit code: 0 after
 * printing the help, CLI_EXIT_USAGE after printing a one-line hint.
 */
int cli_parse(const cli_command *cmd, const GOptionEntry *entries, int *argc, char ***argv);

/* --quiet, which cli_parse() adds to every command: nothing on standard
 * error but errors.  The tool parses once, on one thread. */
extern gboolean cli_quiet;

/* A progress line on standard error for a long library call: drawn only
 * when standard error is a terminal, --quiet was not given and the work
 * has taken more than a second; erased when the work ends.  Pass
 * cli_progress as the callback and a cli_progress_state as its data. */
typedef struct cli_progress_state {
	const cli_command *cmd;
	gint64 start;  /* g_get_monotonic_time() when the work began */
	bool drawn;    /* a line is on the terminal */
	bool terminal; /* standard error is a terminal and not --quiet */
} cli_progress_state;

void cli_progress_init(cli_progress_state *p, const cli_command *cmd);
int cli_progress(const char *section, double fraction, void *data);
/* Erase the line, if one was drawn (after a failure too). */
void cli_progress_end(cli_progress_state *p);

/* Print "marketgraph CMD: MESSAGE (try 'marketgraph CMD --help')" on stderr
 * and return CLI_EXIT_USAGE. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* Print "marketgraph CMD: MESSAGE" on stderr and return CLI_EXIT_FAILURE. */
int cli_fail(const cli_command *cmd, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* The check of every command that reads one model: argv (after cli_parse())
 * must hold exactly one FILE.  Return -1, or print "missing FILE" or
 * "one FILE only" as a usage error and return CLI_EXIT_USAGE. */
int cli_one_file(const cli_command *cmd, int argc);

/* The check of every --format option: find format among names (a NULL-
 * terminated list, ASCII case ignored) and store its position in *index; a
 * NULL format leaves *index, the command's default, as it is.  Return -1, or
 * print "unknown format 'xml', expected text or json" (names joined) as a
 * usage error and return CLI_EXIT_USAGE. */
int cli_parse_format(const cli_command *cmd, const char *format, const char *const *names,
                     int *index);
/* The formats of the commands that write text or JSON: index 1 is json. */
extern const char *const cli_text_or_json[];

/* The check of every list option (--remove, --coalition), declared
 * G_OPTION_ARG_STRING_ARRAY so that it may be repeated: the values given
 * ("a,b" then "c") accumulate into one NULL-terminated list (a, b, c;
 * white space around an item dropped) in *out (g_strfreev; NULL when the
 * option was not given).  Return -1, or print "OPTION: empty list, expected
 * ID[,ID...]" (a value "") or "OPTION: empty actor id in 'a,,b'" as a usage
 * error and return CLI_EXIT_USAGE. */
int cli_parse_list(const cli_command *cmd, const char *option, char **values, char ***out);
/* The same for a list of other items: `--by-tag: empty tag in "a,,b"`,
 * `--by-tag: empty list, expected TAG[,TAG...]`. */
int cli_parse_list_of(const cli_command *cmd, const char *option, const char *item,
                      const char *metavar, char **values, char ***out);

/* How a file argument is named in messages: "<stdin>" for "-". */
const char *cli_display_name(const char *file);

/*
 * Import a model from a file, or from standard input for "-": a document or
 * a JSON Lines stream, plain or gzip (mkg_model_read_file()), its exchanges
 * merged when the command was given --aggregate (added by cli_parse() to
 * every command whose parameters start with FILE).  On failure
 * print "FILE: MESSAGE" on stderr (MESSAGE is mkg_error_message()) and
 * return CLI_EXIT_FAILURE; else store the model in *out and return 0.
 */
int cli_load(const char *file, mkg_model **out);

/*
 * Write len bytes to the file out, or to standard output when out is NULL
 * or "-".  A file is replaced as the library replaces its files
 * (lib/text/output-private.h: a unique temporary file beside it, renamed
 * over it; a device or a pipe written in place).  Return 0, or print
 * "marketgraph CMD: OUT: cannot write: REASON" and return CLI_EXIT_FAILURE.
 */
int cli_write(const cli_command *cmd, const char *out, const char *text, size_t len);

/* How standard output is named in messages. */
#define CLI_STDOUT_NAME "<stdout>"
/* Print "marketgraph CMD: PATH: cannot write: REASON" (strerror(err), EIO
 * for 0), the wording of every write failure, and return CLI_EXIT_FAILURE. */
int cli_write_failed(const cli_command *cmd, const char *path, int err);
/* The same for standard output ("<stdout>: cannot write: No space left on
 * device"), the reason taken from errno; clears stdout's error flag. */
int cli_stdout_failed(const cli_command *cmd);

/* A number for output: the shortest of %.15g..%.17g that reads back to the
 * same double, locale-independent ("850", "0.1"); "null" for NaN. */
const char *cli_format_number(char buf[G_ASCII_DTOSTR_BUF_SIZE], double d);

/* export --format graphml or kumu (format) to out (export-interop.c), with
 * mkg_interop_options' results (of chain), facilitation and memberships. */
int cli_export_graph(const cli_command *cmd, const mkg_model *model, const char *format,
                     gboolean results, const char *chain, gboolean facilitation,
                     gboolean memberships, const char *out);
/* export --format csv: the five tables to DIR/ or PREFIX (export-interop.c);
 * safe_cells: mkg_csv_write_options.safe_cells. */
int cli_export_csv(const cli_command *cmd, const mkg_model *model, const char *prefix,
                   const char *dir, gboolean bom, int separator, gboolean safe_cells);
/* Write a model as JSON to out, standard output for NULL or "-": a regular
 * file is replaced atomically, a device or a pipe written in place
 * (cmd-import-csv.c).  Returns an exit code, after printing any error. */
int cli_write_model(const cli_command *cmd, const mkg_model *model, const char *out);
/* Parse a --separator value (",", ";", "tab") into *out (0 for NULL):
 * return -1, or CLI_EXIT_USAGE after printing the error. */
int cli_parse_separator(const cli_command *cmd, const char *text, int *out);

/* analyze's formats (cmd-report.c): text, json, csv, html. */
extern const char *const cli_analyze_formats[];
enum { CLI_FORMAT_TEXT, CLI_FORMAT_JSON, CLI_FORMAT_CSV, CLI_FORMAT_HTML };
/* The checks of --format csv's --dir and --bom: -1, or CLI_EXIT_USAGE
 * after printing the error. */
int cli_analyze_check(const cli_command *cmd, int format, const char *output, const char *dir,
                      gboolean bom);
/* Write the report in format to output (or the CSV tables into dir): an
 * exit code, after printing any error.  model: for the HTML map. */
int cli_analyze_write(const cli_command *cmd, const mkg_report *report, const mkg_model *model,
                      int format, const char *output, const char *dir, gboolean bom,
                      const char *date);
/* The map's view flags of render and export --format dot (dot-view.c). */
typedef struct cli_dot_view {
	gboolean hide_services, hide_facilitation;
	char *commodity, *chain, *top, *page;
	char **collapse;
	double label_pt;   /* with --page: the library's estimate of the labels' size */
} cli_dot_view;
#define CLI_DOT_VIEW_ENTRIES(v, pre)                                                        \
	{ "hide-services", 0, 0, G_OPTION_ARG_NONE, &(v).hide_services,                     \
	  pre "leave out the services (transport, credit ...)", NULL },                     \
	{ "hide-facilitation", 0, 0, G_OPTION_ARG_NONE, &(v).hide_facilitation,             \
	  pre "leave out the facilitation arrows", NULL },                                  \
	{ "commodity", 0, 0, G_OPTION_ARG_STRING, &(v).commodity,                           \
	  pre "draw only the produce of commodity C and the actors trading it", "C" },      \
	{ "chain", 0, 0, G_OPTION_ARG_STRING, &(v).chain,                                   \
	  pre "draw only chain C (a primary commodity and what is made from it); "          \
	  "--highlight then runs on that chain", "C" },                                     \
	{ "collapse", 0, 0, G_OPTION_ARG_STRING_ARRAY, &(v).collapse,                       \
	  pre "draw the actors of a kind as one node per region, e.g. producers-by-region " \
	  "(repeat or join with commas)", "KIND-by-region" },                               \
	{ "top", 0, 0, G_OPTION_ARG_STRING, &(v).top,                                       \
	  pre "with --highlight: only the N actors holding the most volume (and the N "     \
	  "largest binding arrows) in red", "N" },                                          \
	{ "page", 0, 0, G_OPTION_ARG_STRING, &(v).page,                                     \
	  pre "lay the map out for a printed page: a4-landscape, a4-portrait, "             \
	  "a3-landscape, letter-landscape or none (default)", "PAGE" }
/* Whether any view flag was given. */
int cli_dot_view_given(const cli_dot_view *v);
/* Copy the flags into *opts: return -1, or CLI_EXIT_USAGE after printing
 * the error ("--collapse: unknown 'x', expected KIND-by-region ...",
 * "--top must be a whole number from 1 to 1000000, got '0'", "--top needs
 * --highlight", "--commodity and --chain: give one", "--page: unknown 'a5',
 * expected ...").  opts->page_label_points is set to &v->label_pt. */
int cli_dot_view_apply(const cli_command *cmd, cli_dot_view *v, gboolean highlight,
                       mkg_dot_options *opts);
/* After the map is written: with --page, a note on standard error when
 * its labels come out under 7 pt. */
void cli_dot_view_note(const cli_command *cmd, const cli_dot_view *v);
void cli_dot_view_clear(cli_dot_view *v);

/* The commands. */
int cli_validate(const cli_command *cmd, int argc, char **argv);
int cli_export(const cli_command *cmd, int argc, char **argv);
int cli_summary(const cli_command *cmd, int argc, char **argv);
int cli_analyze(const cli_command *cmd, int argc, char **argv);
int cli_report(const cli_command *cmd, int argc, char **argv);
int cli_shock(const cli_command *cmd, int argc, char **argv);
int cli_render(const cli_command *cmd, int argc, char **argv);
int cli_import_csv(const cli_command *cmd, int argc, char **argv);
int cli_compare(const cli_command *cmd, int argc, char **argv);

#endif /* MKG_CLI_H */
