/* The channels section alone (docs/performance.md, the scaling of
 * `analyze`): import a model, then time mkg_channels_new() R times and
 * print each run's CPU seconds (user + system, and the system part: page
 * faults cost about 10 us each on the build machine) and minor page
 * faults, and the best run.
 *
 *     bench-channels FILE [R]      # R: 3 by default
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"

#include <marketgraph.h>

#include <stdio.h>
#include <stdlib.h>

/* System CPU seconds the process has used so far. */
static double
system_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

int
main(int argc, char **argv)
{
	mkg_model *model = NULL;
	int runs = argc > 2 ? atoi(argv[2]) : 3;
	double best = -1;

	if (argc < 2 || runs < 1) {
		fputs("usage: bench-channels FILE [RUNS]\n", stderr);
		return 2;
	}
	if (mkg_json_read_file(&model, argv[1]) != MKG_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mkg_error_message());
		return 1;
	}
	for (int r = 0; r < runs; r++) {
		mkg_channels *c = NULL;
		double t0 = cpu_seconds(), s0 = system_seconds(), t;
		long f0 = minor_faults(), f1;

		if (mkg_channels_new(&c, model, NULL) != MKG_OK) {
			fprintf(stderr, "channels: %s\n", mkg_error_message());
			return 1;
		}
		t = cpu_seconds() - t0;
		f1 = minor_faults();
		printf("run %d: %.3f s CPU (%.3f s system), %ld minor faults\n", r + 1, t,
		       system_seconds() - s0, f1 - f0);
		if (best < 0 || t < best)
			best = t;
		mkg_channels_free(c);
	}
	printf("%s: best %.3f s CPU\n", argv[1], best);
	mkg_model_free(model);
	return 0;
}
