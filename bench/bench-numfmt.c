/* The number writer of the JSON report (docs/performance.md, "The whole
 * report at national scale"): CPU nanoseconds per double of
 * mkg__format_double() against mkg__format_double_reference() (the former
 * printf/strtod search), in the same run, rounds alternating, over a few
 * sets of doubles:
 *   report    what a report holds: shares a/b, volumes and prices with a
 *             few decimals, whole volumes, sums of those;
 *   decimals  random decimals of 1 to 17 digits, 10^-22 .. 10^22;
 *   bits      random bit patterns (every magnitude; printf's slowest).
 *
 *     bench-numfmt [N [ROUNDS]]    # N doubles per set (1000000), 3 rounds
 *
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng = 42;

static uint64_t
next_u64(void)
{
	uint64_t z = (rng += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
fill_report(double *v, long n)
{
	for (long i = 0; i < n; i++) {
		uint64_t r = next_u64();
		double a = (double)(r % 100000), b = (double)((r >> 20) % 100000 + 1);
		switch ((r >> 40) % 4) {
		case 0: v[i] = a / b; break;                        /* a share */
		case 1: v[i] = a / 100; break;                      /* 2 decimals */
		case 2: v[i] = a * 1000 + b; break;                 /* whole */
		default: v[i] = a / 7 + b / 3; break;               /* a sum */
		}
	}
}

static void
fill_decimals(double *v, long n)
{
	for (long i = 0; i < n; i++) {
		uint64_t r = next_u64();
		int digits = 1 + (int)(r % 17);
		double m = (double)(next_u64() % (uint64_t)pow(10, digits));
		int x = (int)((r >> 8) % 45) - 22;
		v[i] = x >= 0 ? m * pow(10, x) : m / pow(10, -x);
	}
}

static void
fill_bits(double *v, long n)
{
	for (long i = 0; i < n; i++) {
		uint64_t u = next_u64() & UINT64_C(0xFFEFFFFFFFFFFFFF);   /* finite */
		memcpy(&v[i], &u, sizeof u);
	}
}

/* CPU ns per double; a checksum of the lengths keeps the calls. */
static double
run(char *(*format)(char *, double), const double *v, long n, size_t *sum)
{
	char buf[MKG_DOUBLE_BUFSIZE];
	double t0 = cpu_now();

	for (long i = 0; i < n; i++)
		*sum += strlen(format(buf, v[i]));
	return (cpu_now() - t0) * 1e9 / (double)n;
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	static const char *names[] = { "report", "decimals", "bits" };
	void (*fills[])(double *, long) = { fill_report, fill_decimals, fill_bits };
	double *v;

	if (n < 1 || rounds < 1) {
		fputs("usage: bench-numfmt [N [ROUNDS]]\n", stderr);
		return 2;
	}
	v = malloc((size_t)n * sizeof *v);
	if (!v)
		return 1;
	printf("%-9s %12s %12s %8s   (CPU ns per double, best of %d, %ld doubles)\n",
	       "set", "reference", "new", "ratio", rounds, n);
	for (int s = 0; s < 3; s++) {
		double best_ref = INFINITY, best_new = INFINITY;
		size_t sum_ref = 0, sum_new = 0;

		fills[s](v, n);
		for (int r = 0; r < rounds; r++) {
			best_ref = fmin(best_ref, run(mkg__format_double_reference, v, n, &sum_ref));
			best_new = fmin(best_new, run(mkg__format_double, v, n, &sum_new));
		}
		if (sum_ref != sum_new) {
			fprintf(stderr, "%s: the texts differ in length\n", names[s]);
			return 1;
		}
		printf("%-9s %12.1f %12.1f %7.1fx\n", names[s], best_ref, best_new, best_ref / best_new);
	}
	free(v);
	return 0;
}
