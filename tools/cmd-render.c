/* marketgraph render FILE -o MAP.svg|png|pdf [--highlight]: draw the market
 * map with Graphviz.  The DOT text goes to a temporary file and Graphviz's
 * `dot` runs on it directly (no shell), writing MAP.tmp, which is renamed
 * over MAP only when dot succeeds (a MAP that is a device or a pipe, such as
 * /dev/null, is written in place).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

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

/* Run `dot -T<format> [-Gdpi=<dpi>] [-o target] dot_file`.  Returns an
 * exit code. */
static int
run_dot(const cli_command *cmd, const char *format, int dpi, const char *dot_file,
        const char *target)
{
	char *type = g_strdup_printf("-T%s", format);
	char *resolution = g_strdup_printf("-Gdpi=%d", dpi);
	char *argv[7] = { (char *)"dot", type, NULL };
	char *err_text = NULL;
	GError *error = NULL;
	int status = 0, rc = CLI_EXIT_OK, n = 2;

	if (dpi > 0)
		argv[n++] = resolution;
	if (target != NULL) {
		argv[n++] = (char *)"-o";
		argv[n++] = (char *)target;
	}
	argv[n++] = (char *)dot_file;
	argv[n] = NULL;
	if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err_text,
	                  &status, &error)) {
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
	char *out = NULL, *format = NULL, *dot_file = NULL, *tmp_target = NULL;
	gboolean highlight = FALSE;
	int dpi = 0;
	const GOptionEntry entries[] = {
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  "The picture to write (required; \"-\" for standard output)", "MAP" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "svg, png or pdf (default: from MAP's extension)", "FORMAT" },
		{ "highlight", 0, 0, G_OPTION_ARG_NONE, &highlight,
		  "Draw binding capacities, captive-producer hubs and coalitions presumed "
		  "harmful in red", NULL },
		{ "dpi", 0, 0, G_OPTION_ARG_INT, &dpi,
		  "png: pixels per inch (Graphviz's default is 96)", "N" },
		G_OPTION_ENTRY_NULL
	};
	mkg_dot_options dot_opts = MKG_DOT_OPTIONS_INIT;
	const char *type = NULL;
	int fmt = -1; /* in formats; -1: from the name of the map */
	mkg_model *model = NULL;
	char *text = NULL;
	size_t len = 0;
	GError *error = NULL;
	int fd = -1;
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
	if (dpi < 0 || dpi > 1200) {
		rc = cli_usage_error(cmd, "--dpi must be between 1 and 1200, got %d", dpi);
		goto done;
	}
	if (type == NULL && (type = format_of(out)) == NULL) {
		char q[MKG_QUOTE_BUFSIZE];

		rc = cli_usage_error(cmd, "cannot tell the format of %s: name it .svg, .png or "
		                     ".pdf, or give --format", mkg__quote(q, out));
		goto done;
	}
	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto done;
	dot_opts.highlight = highlight;
	if (mkg_dot_write_string(model, &dot_opts, &text, &len) != MKG_OK) {
		rc = cli_fail(cmd, "%s", mkg_error_message());
		goto done;
	}
	if ((fd = g_file_open_tmp("marketgraph-XXXXXX.dot", &dot_file, &error)) < 0 ||
	    !g_file_set_contents(dot_file, text, (gssize)len, &error)) {
		rc = cli_fail(cmd, "temporary file: %s", error->message);
		g_error_free(error);
		goto done;
	}
	if (strcmp(out, "-") == 0) {
		fflush(stdout);
		rc = run_dot(cmd, type, dpi, dot_file, NULL);
		goto done;
	}
	if (g_file_test(out, G_FILE_TEST_EXISTS) && !g_file_test(out, G_FILE_TEST_IS_REGULAR)) {
		/* a device or a pipe (/dev/stdout): written in place, never
		 * replaced by a rename */
		rc = run_dot(cmd, type, dpi, dot_file, out);
		goto done;
	}
	tmp_target = g_strconcat(out, ".tmp", NULL);
	rc = run_dot(cmd, type, dpi, dot_file, tmp_target);
	if (rc == CLI_EXIT_OK && g_rename(tmp_target, out) != 0)
		rc = cli_fail(cmd, "%s: cannot write: %s", out, g_strerror(errno));
	if (rc != CLI_EXIT_OK)
		g_unlink(tmp_target);
done:
	if (fd >= 0)
		close(fd);
	if (dot_file != NULL)
		g_unlink(dot_file);
	g_free(dot_file);
	g_free(tmp_target);
	mkg_free(text);
	mkg_model_free(model);
	g_free(out);
	g_free(format);
	return rc;
}
