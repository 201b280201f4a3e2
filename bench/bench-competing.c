/* Time the competing-programmes analysis on R programmes over the same N
 * producers (the worst case of the old pairing, whose output and work were
 * R^2 x N: 100 programmes over 5,000 producers took 8 s, 1.2 GB and a
 * 168 MB report), and on R programmes each over its own N / R producers
 * plus one shared producer.  Prints per case the pairs, the JSON size, the
 * best CPU time of 3 runs, and the peak resident memory of the process.
 *
 *   bench-competing [R [N]]        defaults: 100 programmes, 5,000 producers
 *
 * The whole table of docs/performance.md comes from
 *   for r in 25 50 100 200; do bench-competing $r 5000; done
 *   for n in 5000 20000 80000; do bench-competing 100 $n; done
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"

#include <marketgraph.h>

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#define RUNS 3

static void
check(int rc, const char *what)
{
	if (rc != MKG_OK) {
		fprintf(stderr, "%s: %s\n", what, mkg_error_message());
		exit(1);
	}
}

/* R programmes; shared: each targets all N producers, else its own slice
 * of N / R producers plus producer 0. */
static mkg_model *
generate(unsigned r, unsigned n, int shared)
{
	mkg_model *m = NULL;
	char id[32];
	const char **targets = g_new(const char *, n + 1);
	char **names = g_new(char *, n);

	check(mkg_model_new(&m), "model");
	for (unsigned i = 0; i < n; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		names[i] = g_strdup_printf("producer-%06u", i);
		d.id = names[i];
		d.kind = MKG_ACTOR_PRODUCER;
		check(mkg_model_add_actor(m, &d, NULL), "actor");
	}
	for (unsigned p = 0; p < r; p++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		mkg_facilitation_desc f = MKG_FACILITATION_DESC_INIT;
		size_t count = 0;

		g_snprintf(id, sizeof id, "programme-%04u", p);
		d.id = id;
		d.kind = MKG_ACTOR_PROGRAMME;
		check(mkg_model_add_actor(m, &d, NULL), "programme");
		if (shared) {
			for (unsigned i = 0; i < n; i++)
				targets[count++] = names[i];
		} else {
			targets[count++] = names[0];
			for (unsigned i = p * (n / r); i < (p + 1) * (n / r); i++)
				if (i != 0)
					targets[count++] = names[i];
		}
		f.facilitator = id;
		f.type = MKG_FACILITATION_TEMPORARY;
		f.function = p % 2 ? MKG_FUNCTION_CAPACITY_BUILDING : MKG_FUNCTION_LINKAGES;
		f.target_actors = targets;
		f.target_actor_count = count;
		check(mkg_model_add_facilitation(m, &f, NULL), "facilitation");
	}
	for (unsigned i = 0; i < n; i++)
		g_free(names[i]);
	g_free(names);
	g_free(targets);
	return m;
}

static void
bench(unsigned r, unsigned n, int shared)
{
	mkg_model *m = generate(r, n, shared);
	double best = 1e300;
	size_t pairs = 0, len = 0;

	for (int k = 0; k < RUNS; k++) {
		mkg_competing *c = NULL;
		char *json = NULL;
		double t0 = cpu_seconds(), t;

		check(mkg_competing_new(&c, m, NULL), "competing");
		check(mkg_competing_write_json(c, &json, &len), "json");
		t = cpu_seconds() - t0;
		best = t < best ? t : best;
		pairs = mkg_competing_count(c);
		mkg_free(json);
		mkg_competing_free(c);
	}
	printf("%-7s R %4u N %6u: %6zu pairs, JSON %8.2f MB, %7.3f s CPU (best of %d), "
	       "peak RSS %6.1f MB\n", shared ? "shared" : "slices", r, n, pairs,
	       (double)len / 1e6, best, RUNS, peak_rss_mb());
	mkg_model_free(m);
}

int
main(int argc, char **argv)
{
	unsigned r = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 100;
	unsigned n = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 5000;

	if (r == 0 || n < r) {
		fprintf(stderr, "usage: bench-competing [R [N]] with 0 < R <= N\n");
		return 2;
	}
	bench(r, n, 1);
	bench(r, n, 0);
	return 0;
}
