/* The benchmarks' clocks, one definition for all of bench/: wall time,
 * CPU time and peak memory of the process.
 *
 * CPU time is user + system time of the whole process (every thread), from
 * getrusage(RUSAGE_SELF): the kernel's work for us (page faults on a large
 * model, reading a file) is part of what an analysis costs.
 *
 * SPDX-License-Identifier: MIT */
#ifndef BENCH_CLOCK_H
#define BENCH_CLOCK_H

#include <sys/resource.h>
#include <time.h>

/* Seconds on a monotonic clock (wall time; only differences mean anything). */
static inline double
wall_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds the process has used so far: user + system, all threads. */
static inline double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* The process's peak resident set size so far, in MB (2^20 bytes). */
static inline double
peak_rss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0; /* ru_maxrss is in KiB on Linux */
}

/* Minor page faults of the process so far. */
static inline long
minor_faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

#endif
