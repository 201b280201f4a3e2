/* A main() for fuzz targets without libFuzzer: feeds every file named on
 * the command line (directories: every file inside, recursively, in name
 * order) to LLVMFuzzerTestOneInput, or stdin when there are no arguments.
 * Each input sits in a buffer of exactly its size, so that sanitizers see
 * any read past its end.  Arguments starting with '-' (libFuzzer flags)
 * are ignored.
 *
 * SPDX-License-Identifier: MIT */
#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t runs;

static void
run_bytes(const char *data, size_t len)
{
	/* An exact-size copy (a 0-byte input gets a 1-byte block it may not read). */
	uint8_t *copy = g_malloc(len ? len : 1);

	memcpy(copy, data, len);
	LLVMFuzzerTestOneInput(copy, len);
	g_free(copy);
	runs++;
}

static gint
by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
run_path(const char *path)
{
	GError *error = NULL;
	char *data;
	gsize len;

	if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
		GDir *dir = g_dir_open(path, 0, &error);
		GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
		const char *name;
		int rc = 0;

		if (dir == NULL) {
			fprintf(stderr, "%s\n", error->message);
			g_error_free(error);
			g_ptr_array_free(names, TRUE);
			return 1;
		}
		while ((name = g_dir_read_name(dir)) != NULL)
			g_ptr_array_add(names, g_build_filename(path, name, NULL));
		g_dir_close(dir);
		g_ptr_array_sort(names, by_name);
		for (guint k = 0; k < names->len; k++)
			rc |= run_path(g_ptr_array_index(names, k));
		g_ptr_array_free(names, TRUE);
		return rc;
	}
	if (!g_file_get_contents(path, &data, &len, &error)) {
		fprintf(stderr, "%s\n", error->message);
		g_error_free(error);
		return 1;
	}
	run_bytes(data, len);
	g_free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	int rc = 0;
	bool any = false;

	for (int k = 1; k < argc; k++) {
		if (argv[k][0] == '-')
			continue;
		any = true;
		rc |= run_path(argv[k]);
	}
	if (!any) {
		GString *in = g_string_new(NULL);
		char buf[65536];
		size_t got;

		while ((got = fread(buf, 1, sizeof buf, stdin)) > 0)
			g_string_append_len(in, buf, (gssize)got);
		run_bytes(in->str, in->len);
		g_string_free(in, TRUE);
	}
	printf("%zu inputs run\n", runs);
	return rc;
}
