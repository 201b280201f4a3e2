/* marketgraph render FILE -o MAP.svg|png|pdf [--highlight] [view flags]: draw the market
 * map with Graphviz.  The DOT text goes to a temporary file and Graphviz's
 * `dot` runs on it directly (no shell), its standard output being the
 * output file the library's primitive opened (lib/text/output-private.h:
 * a unique temporary file beside MAP, renamed over MAP only when dot
 * succeeds; a MAP that is a device or a pipe, such as /dev/null, is written
 * in place).
 * SPDX-License-Identifier: MIT */
#include "cli.h"
#include "output-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char *const formats[] = { "svg", "png", "pdf", NULL };

static const char *
known_format(const char *name)
{
	for (size_t i = 0; formats[i] != NULL; i++)
		if (g_ascii_strcasecmp(name, formats[i]) == 0)
			return formats[i];
	return NULL;
}

/* The format named by the output file's extension, or NULL. */
static const char *
format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot != NULL && strchr(dot, '/') == NULL ? known_format(dot + 1) : NULL;
}

/* In the child, before exec: dot's standard output becomes the output
 * file (dup2 drops the close-on-exec flag of the copy). */
static void
output_to_fd(gpointer data)
{
	int fd = *(const int *)data;

	if (fd >= 0)
		(void)dup2(fd, STDOUT_FILENO);
}

/* Run `dot -T<format> [-Gdpi=<dpi>] dot_file` writing to the file open as
 * target_fd, or to standard output for -1.  Returns an exit code. */
static int
run_dot(const cli_command *cmd, const char *format, int dpi, const char *dot_file,
        int target_fd)
{
	char *type = g_strdup_printf("-T%s", format);
	char *resolution = g_strdup_printf("-Gdpi=%d", dpi);
	char *argv[5] = { (char *)"dot", type, NULL };
	char *err_text = NULL;
	GError *error = NULL;
	int status = 0, rc = CLI_EXIT_OK, n = 2;

	if (dpi > 0)
		argv[n++] = resolution;
	argv[n++] = (char *)dot_file;
	argv[n] = NULL;
	if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, output_to_fd, &target_fd, NULL,
	                  &err_text, &status, &error)) {
		if (g_error_matches(error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
			rc = cli_fail(cmd, "Graphviz's 'dot' program was not found: install the "
			                   "package graphviz (on Debian or Ubuntu: apt-get install "
			                   "graphviz), or write the DOT text with 'marketgraph "
			                   "export FILE --format dot'");
		else
			rc = cli_fail(cmd, "cannot run dot: %s", error->message);
		g_error_free(error);
	} else if (!g_spawn_check_wait_status(status, NULL)) {
		g_strchomp(err_text);
		rc = cli_fail(cmd, "dot failed%s%s", *err_text ? ": " : "", err_text);
	}
	g_free(err_text);
	g_free(resolution);
	g_free(type);
	return rc;
}

int
cli_render(const cli_command *cmd, int argc, char **argv)
{
	char *out = NULL, *format = NULL, *dot_file = NULL, *dpi_text = NULL;
	gboolean highlight = FALSE;
	gint64 dpi = 0; /* 0: Graphviz's default */
	cli_dot_view view = { 0 };
	mkg_output target = { NULL, NULL, -1 };
	const GOptionEntry entries[] = {
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  "The picture to write (required; \"-\" for standard output)", "MAP" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "svg, png or pdf (default: from MAP's extension)", "FORMAT" },
		{ "highlight", 0, 0, G_OPTION_ARG_NONE, &highlight,
		  "Draw binding capacities, captive-producer hubs and coalitions presumed "
		  "harmful in red", NULL },
		{ "dpi", 0, 0, G_OPTION_ARG_STRING, &dpi_text,
		  "png: pixels per inch, 1 to 1200 (Graphviz's default is 96)", "N" },
		CLI_DOT_VIEW_ENTRIES(view, ""),
		G_OPTION_ENTRY_NULL
	};
	mkg_dot_options dot_opts = MKG_DOT_OPTIONS_INIT;
	const char *type = NULL;
	int fmt = -1; /* in formats; -1: from the name of the map */
	mkg_model *model = NULL;
	char *text = NULL;
	size_t len = 0;
	GError *error = NULL;
	int fd = -1, err;
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto done;
	if ((rc = cli_one_file(cmd, argc)) >= 0)
		goto done;
	if (out == NULL) {
		rc = cli_usage_error(cmd, "missing -o MAP");
		goto done;
	}
	if ((rc = cli_parse_format(cmd, format, formats, &fmt)) >= 0)
		goto done;
	if (fmt >= 0)
		type = formats[fmt];
	if (dpi_text != NULL &&
	    !g_ascii_string_to_signed(dpi_text, 10, 1, 1200, &dpi, NULL)) {
		rc = cli_usage_error(cmd, "--dpi must be between 1 and 1200, got %s", dpi_text);
		goto done;
	}
	if (type == NULL && (type = format_of(out)) == NULL) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "cannot tell the format of %s: name it .svg, .png or "
		                     ".pdf, or give --format", mkg__quote(q, out));
		goto done;
	}
	if ((rc = cli_dot_view_apply(cmd, &view, highlight, &dot_opts)) >= 0)
		goto done;
	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto done;
	dot_opts.highlight = highlight;
	if (mkg_dot_write_string(model, &dot_opts, &text, &len) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto done;
	}
	cli_dot_view_note(cmd, &view);
	if ((fd = g_file_open_tmp("marketgraph-XXXXXX.dot", &dot_file, &error)) < 0 ||
	    !g_file_set_contents(dot_file, text, (gssize)len, &error)) {
		rc = cli_fail(cmd, "temporary file: %s", error->message);
		g_error_free(error);
		goto done;
	}
	if (strcmp(out, "-") == 0) {
		fflush(stdout);
		rc = run_dot(cmd, type, (int)dpi, dot_file, -1);
		goto done;
	}
	if ((err = mkg__output_open(&target, out)) != 0) {
		rc = cli_write_failed(cmd, out, err);
		goto done;
	}
	rc = run_dot(cmd, type, (int)dpi, dot_file, target.fd);
	if (rc != CLI_EXIT_OK)
		mkg__output_abort(&target);
	else if ((err = mkg__output_commit(&target)) != 0)
		rc = cli_write_failed(cmd, out, err);
done:
	if (fd >= 0)
		close(fd);
	if (dot_file != NULL)
		g_unlink(dot_file);
	mkg__output_abort(&target); /* nothing left when committed */
	g_free(dot_file);
	g_free(dpi_text);
	cli_dot_view_clear(&view);
	mkg_free(text);
	mkg_model_free(model);
	g_free(out);
	g_free(format);
	return rc;
}
