/* Import a model file and report the speed and the peak memory.
 *
 *     import-bench [--reader json|model|jsonc] FILE [REPEAT]
 *
 * --reader json (the default) imports with mkg_json_read_file(); model
 * with mkg_model_read_file() (documents and JSON Lines streams, plain or
 * gzip); jsonc only parses the file with json-c's DOM parser
 * (json_tokener_parse_ex() on the whole text, read with read(), then
 * json_object_put()), the reference for what a json-c-based importer
 * costs.  bench/run-import.py runs them beside Python's json.load.
 *
 * Prints the input size, the best wall-clock and CPU (user + system) times
 * of REPEAT imports (default 3), the throughput in MB/s (10^6 bytes per
 * second) for both, the peak resident set size of the process (getrusage)
 * and that peak as a multiple of the input; then the time of one export of
 * the model to a string.  On a busy machine the CPU time is the steadier
 * figure.
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"

#include <marketgraph.h>

#include <json-c/json.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <stdlib.h>
#include <sys/stat.h>

/* json-c's DOM parse of the whole file; false on failure. */
static bool
jsonc_parse(const char *path, size_t *bytes)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	char *buf;
	size_t n = 0;
	struct json_tokener *tok;
	struct json_object *obj;
	bool ok;

	if (fd < 0 || fstat(fd, &st) != 0)
		return false;
	buf = malloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size) {
		ssize_t got = read(fd, buf + n, (size_t)st.st_size - n);
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	tok = json_tokener_new_ex(64);
	obj = json_tokener_parse_ex(tok, buf, (int)n);
	ok = obj != NULL && json_tokener_get_error(tok) == json_tokener_success;
	json_object_put(obj);
	json_tokener_free(tok);
	free(buf);
	*bytes = n;
	return ok;
}

int
main(int argc, char **argv)
{
	struct stat st;
	double best = 1e300, best_cpu = 1e300, size_mb, base_rss, import_rss = 0;
	double export_cpu = 0, export_mb = 0;
	const char *reader = "json";
	int repeat;
	size_t actors = 0, transactions = 0;

	if (argc > 2 && strcmp(argv[1], "--reader") == 0) {
		reader = argv[2];
		argc -= 2;
		argv += 2;
	}
	repeat = argc > 2 ? atoi(argv[2]) : 3;
	if (argc < 2 || stat(argv[1], &st) != 0 ||
	    (strcmp(reader, "json") != 0 && strcmp(reader, "model") != 0 &&
	     strcmp(reader, "jsonc") != 0)) {
		fprintf(stderr, "usage: import-bench [--reader json|model|jsonc] FILE [REPEAT]\n");
		return 2;
	}
	if (strcmp(reader, "jsonc") == 0) {
		size_t bytes = 0;

		size_mb = (double)st.st_size / 1e6;
		for (int k = 0; k < (repeat > 0 ? repeat : 1); k++) {
			double t0 = wall_seconds(), c0 = cpu_seconds(), t, c;

			if (!jsonc_parse(argv[1], &bytes)) {
				fprintf(stderr, "import-bench: json-c cannot parse %s\n", argv[1]);
				return 1;
			}
			t = wall_seconds() - t0;
			c = cpu_seconds() - c0;
			best = t < best ? t : best;
			best_cpu = c < best_cpu ? c : best_cpu;
		}
		printf("input: %s, %.1f MB\n", argv[1], size_mb);
		printf("json-c DOM parse: %.3f s wall, %.1f MB/s; %.3f s CPU, %.1f MB/s (best of %d)\n",
		       best, size_mb / best, best_cpu, size_mb / best_cpu, repeat);
		printf("peak RSS: %.1f MB\n", peak_rss_mb());
		return 0;
	}
	size_mb = (double)st.st_size / 1e6;
	base_rss = peak_rss_mb();
	for (int k = 0; k < (repeat > 0 ? repeat : 1); k++) {
		mkg_model *m = NULL;
		double t0 = wall_seconds(), c0 = cpu_seconds(), t, c;

		if ((strcmp(reader, "json") == 0 ? mkg_json_read_file(&m, argv[1])
		                                 : mkg_model_read_file(&m, argv[1], NULL)) != MKG_OK) {
			fprintf(stderr, "import-bench: %s\n", mkg_error_message());
			return 1;
		}
		t = wall_seconds() - t0;
		c = cpu_seconds() - c0;
		if (t < best)
			best = t;
		if (c < best_cpu)
			best_cpu = c;
		actors = mkg_model_actor_count(m);
		transactions = mkg_model_transaction_count(m);
		if (k == 0) {
			char *text = NULL;
			size_t len = 0;

			import_rss = peak_rss_mb(); /* before the export adds its text */
			c0 = cpu_seconds();
			if (mkg_json_write_string(m, &text, &len) != MKG_OK) {
				fprintf(stderr, "import-bench: %s\n", mkg_error_message());
				return 1;
			}
			export_cpu = cpu_seconds() - c0;
			export_mb = (double)len / 1e6;
			mkg_free(text);
		}
		mkg_model_free(m);
	}
	printf("input: %s, %.1f MB, %zu actors, %zu transactions\n", argv[1], size_mb, actors,
	       transactions);
	printf("import: %.3f s wall, %.1f MB/s; %.3f s CPU, %.1f MB/s (best of %d)\n", best,
	       size_mb / best, best_cpu, size_mb / best_cpu, repeat);
	printf("peak RSS of the import: %.1f MB (%.1f MB before it), %.2f x the input\n",
	       import_rss, base_rss, import_rss / size_mb);
	printf("export: %.1f MB in %.3f s CPU, %.1f MB/s\n", export_mb, export_cpu,
	       export_mb / export_cpu);
	return 0;
}
