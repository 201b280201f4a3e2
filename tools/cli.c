/* marketgraph command-line tool: option parsing, loading and output helpers.
 * SPDX-License-Identifier: MIT */
#include "cli.h"
#include "text-private.h" /* the library's number formatter and escaper */
#include "output-private.h" /* the library's way of replacing a file */

#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h> /* isatty */

gboolean cli_quiet = FALSE;

/* --aggregate, the option of every command that reads a model (its
 * parameters start with FILE); cli_load() reads it. */
static gboolean aggregate_input;

static bool
reads_model(const cli_command *cmd)
{
	return strncmp(cmd->parameters, "FILE", 4) == 0;
}

int
cli_parse(const cli_command *cmd, const GOptionEntry *entries, int *argc, char ***argv)
{
	gboolean help = FALSE;
	const GOptionEntry help_entries[] = {
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &cli_quiet,
		  "Print nothing on standard error but errors (no progress line)", NULL },
		{ "help", 'h', 0, G_OPTION_ARG_NONE, &help, "Show this help and exit", NULL },
		G_OPTION_ENTRY_NULL
	};
	const GOptionEntry input_entries[] = {
		{ "aggregate", 0, 0, G_OPTION_ARG_NONE, &aggregate_input,
		  "FILE is a JSON Lines log of exchanges: merge those with the same seller, "
		  "buyer, commodity, level and period (docs/format.md, section 10)", NULL },
		G_OPTION_ENTRY_NULL
	};
	char *prgname = g_strdup_printf("marketgraph %s", cmd->name);
	GOptionContext *ctx = g_option_context_new(cmd->parameters);
	GError *error = NULL;
	int rc = -1;

	/* GLib's own --help would exit(); ours returns like every other path. */
	g_option_context_set_help_enabled(ctx, FALSE);
	g_option_context_set_summary(ctx, cmd->summary);
	if (cmd->description != NULL)
		g_option_context_set_description(ctx, cmd->description);
	if (entries != NULL)
		g_option_context_add_main_entries(ctx, entries, NULL);
	if (reads_model(cmd))
		g_option_context_add_main_entries(ctx, input_entries, NULL);
	g_option_context_add_main_entries(ctx, help_entries, NULL);
	/* The usage line reads "marketgraph CMD [OPTION…] PARAMETERS". */
	g_set_prgname(prgname);
	if (!g_option_context_parse(ctx, argc, argv, &error)) {
		rc = cli_usage_error(cmd, "%s", error->message);
		g_error_free(error);
	} else if (help) {
		char *text = g_option_context_get_help(ctx, TRUE, NULL);
		fputs(text, stdout);
		g_free(text);
		rc = CLI_EXIT_OK;
	} else {
		/* GLib leaves the "--" that ends the options: drop the first. */
		for (int i = 1; i < *argc; i++) {
			if (strcmp((*argv)[i], "--") == 0) {
				memmove(*argv + i, *argv + i + 1, (size_t)(*argc - i) * sizeof(char *));
				(*argc)--;
				break;
			}
		}
	}
	g_set_prgname("marketgraph");
	g_option_context_free(ctx);
	g_free(prgname);
	return rc;
}

static void vprint_prefixed(const cli_command *cmd, const char *fmt, va_list ap)
	G_GNUC_PRINTF(2, 0);

static void
vprint_prefixed(const cli_command *cmd, const char *fmt, va_list ap)
{
	char *msg = g_strdup_vprintf(fmt, ap);

	if (cmd != NULL)
		fprintf(stderr, "marketgraph %s: %s", cmd->name, msg);
	else
		fprintf(stderr, "marketgraph: %s", msg);
	g_free(msg);
}

int
cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint_prefixed(cmd, fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, " (try 'marketgraph %s --help')\n", cmd->name);
	else
		fputs(" (try 'marketgraph --help')\n", stderr);
	return CLI_EXIT_USAGE;
}

int
cli_fail(const cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint_prefixed(cmd, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_EXIT_FAILURE;
}

int
cli_one_file(const cli_command *cmd, int argc)
{
	if (argc == 2)
		return -1;
	return cli_usage_error(cmd, argc < 2 ? "missing FILE" : "one FILE only");
}

const char *const cli_text_or_json[] = { "text", "json", NULL };

int
cli_parse_format(const cli_command *cmd, const char *format, const char *const *names,
                 int *index)
{
	char q[MKG_QUOTE_BUFSIZE];
	GString *expected;
	int rc;

	if (format == NULL)
		return -1;
	for (int i = 0; names[i] != NULL; i++) {
		if (g_ascii_strcasecmp(format, names[i]) == 0) {
			*index = i;
			return -1;
		}
	}
	/* "a, b or c" */
	expected = g_string_new(names[0]);
	for (int i = 1; names[i] != NULL; i++) {
		g_string_append(expected, names[i + 1] != NULL ? ", " : " or ");
		g_string_append(expected, names[i]);
	}
	rc = cli_usage_error(cmd, "unknown format %s, expected %s", mkg__quote(q, format),
	                     expected->str);
	g_string_free(expected, TRUE);
	return rc;
}

int
cli_parse_list(const cli_command *cmd, const char *option, char **values, char ***out)
{
	return cli_parse_list_of(cmd, option, "actor id", "ID", values, out);
}

int
cli_parse_list_of(const cli_command *cmd, const char *option, const char *item,
                  const char *metavar, char **values, char ***out)
{
	GPtrArray *items = g_ptr_array_new_with_free_func(g_free);

	*out = NULL;
	for (char **v = values; v != NULL && *v != NULL; v++) {
		char **parts = g_strsplit(*v, ",", -1);

		for (char **p = parts; *p != NULL; p++)
			g_strstrip(*p);
		/* "" splits into no item: an empty list, as "a,,b" has an empty item */
		if (parts[0] == NULL || (parts[0][0] == '\0' && parts[1] == NULL)) {
			g_strfreev(parts);
			g_ptr_array_free(items, TRUE);
			return cli_usage_error(cmd, "%s: empty list, expected %s[,%s...]", option,
			                       metavar, metavar);
		}
		for (char **p = parts; *p != NULL; p++) {
			if (**p == '\0') {
				char q[MKG_QUOTE_BUFSIZE];
				int rc = cli_usage_error(cmd, "%s: empty %s in %s", option, item,
				                         mkg__quote(q, *v));
				g_strfreev(parts);
				g_ptr_array_free(items, TRUE);
				return rc;
			}
			g_ptr_array_add(items, g_strdup(*p));
		}
		g_strfreev(parts);
	}
	if (items->len == 0) {
		g_ptr_array_free(items, TRUE);
		return -1;
	}
	g_ptr_array_add(items, NULL);
	*out = (char **)g_ptr_array_free(items, FALSE);
	return -1;
}

const char *
cli_display_name(const char *file)
{
	return strcmp(file, "-") == 0 ? "<stdin>" : file;
}

int
cli_load(const char *file, mkg_model **out)
{
	bool from_stdin = strcmp(file, "-") == 0;
	const char *name = cli_display_name(file);
	const char *msg;
	size_t name_len = strlen(name);
	mkg_read_options opts = MKG_READ_OPTIONS_INIT;
	int rc;

	opts.aggregate = aggregate_input;
	rc = from_stdin ? mkg_model_read_stream(out, stdin, &opts)
	                : mkg_model_read_file(out, file, &opts);
	if (rc == MKG_OK)
		return CLI_EXIT_OK;
	msg = mkg_error_message();
	/* I/O messages already start with the path: do not say it twice. */
	if (strncmp(msg, name, name_len) == 0 && msg[name_len] == ':')
		fprintf(stderr, "%s\n", msg);
	else
		fprintf(stderr, "%s: %s\n", name, msg[0] ? msg : mkg_strerror(rc));
	return CLI_EXIT_FAILURE;
}

int
cli_write_failed(const cli_command *cmd, const char *path, int err)
{
	return cli_fail(cmd, "%s: cannot write: %s", path, g_strerror(err ? err : EIO));
}

int
cli_stdout_failed(const cli_command *cmd)
{
	int err = errno;

	clearerr(stdout);
	return cli_write_failed(cmd, CLI_STDOUT_NAME, err);
}

int
cli_write(const cli_command *cmd, const char *out, const char *text, size_t len)
{
	int err;

	if (out == NULL || strcmp(out, "-") == 0) {
		errno = 0;
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
			return cli_stdout_failed(cmd);
		return CLI_EXIT_OK;
	}
	if ((err = mkg__output_write_file(out, text, len)) != 0)
		return cli_write_failed(cmd, out, err);
	return CLI_EXIT_OK;
}

const char *
cli_format_number(char buf[G_ASCII_DTOSTR_BUF_SIZE], double d)
{
	G_STATIC_ASSERT(G_ASCII_DTOSTR_BUF_SIZE >= MKG_DOUBLE_BUFSIZE);

	if (MKG_IS_ABSENT(d))
		return strcpy(buf, "null");
	return mkg__format_double(buf, d);
}


/* ---- the progress line ---------------------------------------------------- */

void
cli_progress_init(cli_progress_state *p, const cli_command *cmd)
{
	p->cmd = cmd;
	p->start = g_get_monotonic_time();
	p->drawn = false;
	p->terminal = !cli_quiet && isatty(STDERR_FILENO);
}

int
cli_progress(const char *section, double fraction, void *data)
{
	cli_progress_state *p = data;

	if (!p->terminal || g_get_monotonic_time() - p->start < G_USEC_PER_SEC)
		return 0;
	if (strcmp(section, "done") == 0) {
		cli_progress_end(p);
		return 0;
	}
	/* "\r" back to the start, "\033[K" erases what a longer line left */
	fprintf(stderr, "\rmarketgraph %s: %3.0f%% %s\033[K", p->cmd->name, 100 * fraction,
	        section);
	fflush(stderr);
	p->drawn = true;
	return 0;
}

void
cli_progress_end(cli_progress_state *p)
{
	if (!p->drawn)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->drawn = false;
}
