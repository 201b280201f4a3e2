/* Pathological models at scale: every analysis (mkg_report_new, its JSON
 * and text) and the export, timed at size n and 2n.
 *
 *   star       one trader buying from n producers (n transactions at one
 *              actor) and selling to one end market
 *   chain      a producer, n traders in a line, an end market (a path of
 *              n + 2 actors: deep for any recursive search)
 *   bipartite  k producers each selling to each of k traders (k^2
 *              transactions), every trader selling to one end market
 *
 * The report's own rule applies: exact betweenness up to
 * MKG_BOTTLENECKS_EXACT_BETWEENNESS_NODES nodes, a pivot estimate above.
 * Times are CPU seconds (the machine is shared).  Textbook cost: star
 * and chain O(n) (pivot betweenness O(pivots * E)), so doubling n doubles
 * the time; bipartite O(k^2): exact betweenness costs the arcs reachable
 * from each searched source, k + k from a producer and 1 from a trader, so
 * O(k^2) = O(E) in all, like the other analyses; doubling k quadruples
 * it.  A step a power of n worse than that (a hidden quadratic step)
 * shows as a ratio twice the expected one or more: the program then
 * fails.  A stack overflow crashes it.  Run by CI (docs/testing.md), not
 * by meson test.
 *
 *   scale-analyses [--quick] [star|chain|bipartite ...]
 *   Runs n = 500000 and 1000000, k = 500 and 1000; --quick: a fifth of n
 *   and a quarter of k.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU seconds of this process: on a shared machine wall time depends on
 * the other jobs, CPU time much less. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double
wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Peak resident set (VmHWM) in MiB, or -1. */
static double
peak_mib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	double kib = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kib = strtod(line + 6, NULL);
	fclose(f);
	return kib < 0 ? -1 : kib / 1024;
}

static void
check(int rc, const char *what)
{
	if (rc != MKG_OK) {
		fprintf(stderr, "scale-analyses: %s: %s\n", what, mkg_error_message());
		exit(1);
	}
}

static void
actor(mkg_model *m, const char *id, mkg_actor_kind kind)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

	d.id = id;
	d.kind = kind;
	check(mkg_model_add_actor(m, &d, NULL), id);
}

static void
sale(mkg_model *m, const char *seller, const char *buyer, double volume)
{
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;

	t.seller = seller;
	t.buyer = buyer;
	t.commodity = "maize";
	t.volume = volume;
	t.value = volume * 3;
	check(mkg_model_add_transaction(m, &t, NULL), seller);
}

static mkg_model *
new_model(void)
{
	mkg_model *m = NULL;

	check(mkg_model_new(&m), "mkg_model_new");
	check(mkg_model_set_period(m, "2024"), "period");
	return m;
}

static mkg_model *
star(size_t n)
{
	mkg_model *m = new_model();
	char id[32];

	actor(m, "hub", MKG_ACTOR_TRADER);
	actor(m, "market", MKG_ACTOR_END_MARKET);
	for (size_t k = 0; k < n; k++) {
		snprintf(id, sizeof id, "p%zu", k);
		actor(m, id, MKG_ACTOR_PRODUCER);
		sale(m, id, "hub", (double)(k % 7 + 1));
	}
	sale(m, "hub", "market", (double)n * 4);
	return m;
}

static mkg_model *
chain(size_t n)
{
	mkg_model *m = new_model();
	char id[32], prev[32];

	actor(m, "producer", MKG_ACTOR_PRODUCER);
	actor(m, "market", MKG_ACTOR_END_MARKET);
	strcpy(prev, "producer");
	for (size_t k = 0; k < n; k++) {
		snprintf(id, sizeof id, "t%zu", k);
		actor(m, id, MKG_ACTOR_TRADER);
		sale(m, prev, id, 100.0 - (double)(k % 50));
		strcpy(prev, id);
	}
	sale(m, prev, "market", 50);
	return m;
}

static mkg_model *
bipartite(size_t k)
{
	mkg_model *m = new_model();
	char p[32], t[32];

	actor(m, "market", MKG_ACTOR_END_MARKET);
	for (size_t i = 0; i < k; i++) {
		snprintf(p, sizeof p, "p%zu", i);
		actor(m, p, MKG_ACTOR_PRODUCER);
		snprintf(t, sizeof t, "t%zu", i);
		actor(m, t, MKG_ACTOR_TRADER);
	}
	for (size_t i = 0; i < k; i++) {
		snprintf(p, sizeof p, "p%zu", i);
		for (size_t j = 0; j < k; j++) {
			snprintf(t, sizeof t, "t%zu", j);
			sale(m, p, t, (double)((i + j) % 5 + 1));
		}
	}
	for (size_t j = 0; j < k; j++) {
		snprintf(t, sizeof t, "t%zu", j);
		sale(m, t, "market", (double)k * 3);
	}
	return m;
}

/* Every analysis and the export of one model; the CPU seconds they took
 * (building the model is timed apart). */
static double
run(const char *name, size_t n, mkg_model *(*make)(size_t))
{
	double w0 = wall(), t0 = now(), t1, t2, t3, t4;
	mkg_model *m = make(n);
	mkg_report *r = NULL;
	char *json = NULL, *text = NULL, *exported = NULL;
	size_t json_len = 0, text_len = 0, exported_len = 0;

	t1 = now();
	check(mkg_report_new(&r, m, NULL), "mkg_report_new");
	t2 = now();
	check(mkg_report_write_json(r, &json, &json_len), "mkg_report_write_json");
	check(mkg_report_write_text(r, &text, &text_len), "mkg_report_write_text");
	t3 = now();
	check(mkg_json_write_string(m, &exported, &exported_len), "mkg_json_write_string");
	t4 = now();
	printf("%-9s n=%-7zu actors=%-7zu transactions=%-7zu CPU s: build %5.2f report %5.2f "
	       "json+text %5.2f (%zu+%zu bytes) export %5.2f; wall %5.1f s; peak %.0f MiB\n",
	       name, n, mkg_model_actor_count(m), mkg_model_transaction_count(m), t1 - t0, t2 - t1,
	       t3 - t2, json_len, text_len, t4 - t3, wall() - w0, peak_mib());
	fflush(stdout);
	mkg_free(exported);
	mkg_free(text);
	mkg_free(json);
	mkg_report_free(r);
	mkg_model_free(m);
	return t4 - t1;
}

/* Time at n and 2n; false when the ratio is twice the expected or more. */
static bool
scaling(const char *name, size_t n, mkg_model *(*make)(size_t), double expected)
{
	double a = run(name, n, make);
	double b = run(name, 2 * n, make);
	double ratio = b / (a > 1e-3 ? a : 1e-3);
	bool ok = ratio < 2 * expected;

	printf("%-9s CPU time (report, json, text, export) at 2n / at n = %.2f (textbook %.0f): %s\n",
	       name, ratio, expected, ok ? "ok" : "TOO SLOW");
	fflush(stdout);
	return ok;
}

int
main(int argc, char **argv)
{
	bool quick = false, all = true, ok = true;
	bool want[3] = { false, false, false };
	static const char *const names[3] = { "star", "chain", "bipartite" };

	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--quick") == 0) {
			quick = true;
			continue;
		}
		for (int k = 0; k < 3; k++)
			if (strcmp(argv[a], names[k]) == 0)
				want[k] = true, all = false;
	}
	size_t n = quick ? 100000 : 500000; /* runs n and 2n */
	size_t k = quick ? 125 : 500;       /* runs k and 2k */

	if (all || want[0])
		ok &= scaling("star", n, star, 2);
	if (all || want[1])
		ok &= scaling("chain", n, chain, 2);
	if (all || want[2])
		ok &= scaling("bipartite", k, bipartite, 4);
	return ok ? 0 : 1;
}
