/* Import a model file and report the speed and the peak memory.
 *
 *     import-bench FILE [REPEAT]
 *
 * Prints the input size, the best wall-clock and CPU (user + system) times
 * of REPEAT imports (default 3), the throughput in MB/s (10^6 bytes per
 * second) for both, the peak resident set size of the process (getrusage)
 * and that peak as a multiple of the input; then the time of one export of
 * the model to a string.  On a busy machine the CPU time is the steadier
 * figure.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static double
peak_rss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0; /* KiB on Linux */
}

int
main(int argc, char **argv)
{
	struct stat st;
	double best = 1e300, best_cpu = 1e300, size_mb, base_rss, import_rss = 0;
	double export_cpu = 0, export_mb = 0;
	int repeat = argc > 2 ? atoi(argv[2]) : 3;
	size_t actors = 0, transactions = 0;

	if (argc < 2 || stat(argv[1], &st) != 0) {
		fprintf(stderr, "usage: import-bench FILE [REPEAT]\n");
		return 2;
	}
	size_mb = (double)st.st_size / 1e6;
	base_rss = peak_rss_mb();
	for (int k = 0; k < (repeat > 0 ? repeat : 1); k++) {
		mkg_model *m = NULL;
		double t0 = now(), c0 = cpu_seconds(), t, c;

		if (mkg_json_read_file(&m, argv[1]) != MKG_OK) {
			fprintf(stderr, "import-bench: %s\n", mkg_error_message());
			return 1;
		}
		t = now() - t0;
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
