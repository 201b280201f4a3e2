/* Time the structural bottleneck analyses (graph view, cut points, both
 * dominator trees, betweenness, throughput) on a layered value-chain model,
 * and igraph's C library on the same graph in the same run.
 *
 *   bench-bottlenecks [-n ACTORS] [-r RUNS] [-k PIVOTS] [-x EXACT_MAX]
 *                     [-s SEED] [-o EDGES_FILE] [-g]
 *
 * Prints one line per measurement, `row<TAB>impl<TAB>median seconds<TAB>
 * runs` (process CPU time, user + system: bench-clock.h), for
 * bench/run-bottlenecks.py to merge with NetworkX's numbers.
 * -o writes the graph for NetworkX: a line `n <actors>`, one line
 * `k <actor> <kind>` per actor, one `e <tail> <head> <volume>` per produce
 * transaction (actor indices, model order).  Exact betweenness runs only
 * up to EXACT_MAX actors (default 100000).  -g times the graph view only
 * (ours and igraph's create).  One thread.
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"
#include "layered.h"
#include "graph-private.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_IGRAPH
/* igraph's headers test macros they do not define */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"
#include <igraph.h>
#pragma GCC diagnostic pop
#endif


/* The produce graph of the generated model's only chain. */
static const mkg_graph *
only_chain(const mkg_model *m)
{
	const mkg_graph *g = NULL;

	if (mkg__graph_get(m, NULL, "bench", &g) != MKG_OK)
		abort();
	return g;
}

static int runs = 5;
/* -g: time the graph view only (ours and igraph's create), skip the rest */
static int graph_only;

/* Times are CPU seconds of this (single-threaded) process, cpu_seconds():
 * on a shared machine it is what one core spent, undisturbed by other
 * processes waiting for it. */
static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
report(const char *row, const char *impl, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%s\t%s\t%.6f\t%d\n", row, impl, t[n / 2], n);
	fflush(stdout);
}

static void
check(int rc, const char *what)
{
	if (rc != MKG_OK) {
		fprintf(stderr, "%s: %s\n", what, mkg_error_message());
		exit(1);
	}
}

/* Resident memory now (statm), in MB. */
static double
rss_now_mb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, resident = 0;

	if (f == NULL)
		return 0.0;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = 0;
	fclose(f);
	return (double)resident * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
}

/* ---- ours --------------------------------------------------------------- */

static void
bench_ours(const layered *l, size_t pivots, uint32_t exact_max)
{
	const mkg_model *m = l->model;
	double t[16];
	int i;

	for (i = 0; i < runs; i++) {
		double t0 = cpu_seconds();
		mkg_graph *g = mkg__graph_build(m, 0);

		t[i] = cpu_seconds() - t0;
		mkg__graph_free(g);
	}
	report("graph_view", "marketgraph", t, runs);
	if (graph_only)
		return;

	for (i = 0; i < runs; i++) {
		mkg_graph *g = mkg__graph_build(m, 0);
		const uint32_t *order, *rank;
		double t0 = cpu_seconds();

		mkg__graph_id_order(g, m, &order, &rank);
		mkg__graph_ids(g, m);
		t[i] = cpu_seconds() - t0;
		mkg__graph_free(g);
	}
	report("id_order", "marketgraph", t, runs);

	/* Warm the cache: the analyses below share the model's graph, its id
	 * order and its copy of the ids (once per model, timed above). */
	{
		const uint32_t *order, *rank;

		mkg__graph_id_order(only_chain(m), m, &order, &rank);
		mkg__graph_ids(only_chain(m), m);
	}
	for (i = 0; i < runs; i++) {
		mkg_cutpoints *c;
		double t0 = cpu_seconds();

		check(mkg_cutpoints_new(&c, m, NULL), "cutpoints");
		t[i] = cpu_seconds() - t0;
		if (i == 0)
			fprintf(stderr, "  %zu articulation points, %zu bridges\n",
			        mkg_cutpoints_articulation_count(c), mkg_cutpoints_bridge_count(c));
		mkg_cutpoints_free(c);
	}
	report("cutpoints", "marketgraph", t, runs);

	for (i = 0; i < runs; i++) {
		mkg_captive *c;
		double t0 = cpu_seconds();

		check(mkg_captive_new(&c, m, NULL), "captive");
		t[i] = cpu_seconds() - t0;
		if (i == 0)
			fprintf(stderr, "  %zu captive holders, %zu stranded, %zu gatekeepers\n",
			        mkg_captive_count(c), mkg_captive_stranded_count(c),
			        mkg_captive_gatekeeper_count(c));
		mkg_captive_free(c);
	}
	report("dominators", "marketgraph", t, runs);

	for (i = 0; i < runs; i++) {
		mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
		mkg_betweenness *b;
		double t0;

		o.pivots = pivots;
		o.seed = (uint64_t)i + 1;
		t0 = cpu_seconds();
		check(mkg_betweenness_new(&b, m, &o), "betweenness");
		t[i] = cpu_seconds() - t0;
		mkg_betweenness_free(b);
	}
	report("betweenness_sampled", "marketgraph", t, runs);

	if (l->actors <= exact_max) {
		for (i = 0; i < runs; i++) {
			mkg_betweenness *b;
			double t0 = cpu_seconds();

			check(mkg_betweenness_new(&b, m, NULL), "betweenness");
			t[i] = cpu_seconds() - t0;
			mkg_betweenness_free(b);
		}
		report("betweenness_exact", "marketgraph", t, runs);
	}

	for (i = 0; i < runs; i++) {
		mkg_throughput *th;
		double t0 = cpu_seconds();

		check(mkg_throughput_new(&th, m, NULL), "throughput");
		t[i] = cpu_seconds() - t0;
		mkg_throughput_free(th);
	}
	report("throughput", "marketgraph", t, runs);
}

/* ---- igraph ------------------------------------------------------------- */

#ifdef HAVE_IGRAPH
static void
ig_check(igraph_error_t rc, const char *what)
{
	if (rc != IGRAPH_SUCCESS) {
		fprintf(stderr, "igraph %s failed\n", what);
		exit(1);
	}
}

/* The merged produce graph (what our analyses see), as igraph edges over
 * the actor indices; plus S -> sources and sinks -> T when aug. */
static void
merged_edges(const layered *l, const mkg_graph *g, igraph_vector_int_t *e, bool undirected,
             bool aug)
{
	igraph_vector_int_init(e, 0);
	for (uint32_t v = 0; v < g->n; v++) {
		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
			uint32_t w = g->arc_head[k];

			/* each undirected pair once: skip w -> v when v -> w exists
			 * and w < v */
			if (undirected && w < v) {
				bool twin = false;

				for (uint32_t j = g->out_start[w]; j < g->out_start[w + 1]; j++)
					twin |= g->arc_head[j] == v;
				if (twin)
					continue;
			}
			igraph_vector_int_push_back(e, g->node_actor[v]);
			igraph_vector_int_push_back(e, g->node_actor[w]);
		}
	}
	if (aug) {
		igraph_integer_t s = l->actors, t = l->actors + 1;

		for (uint32_t v = 0; v < g->n; v++) {
			mkg_actor_kind kind = (mkg_actor_kind)l->kind[g->node_actor[v]];

			if (kind == MKG_ACTOR_PRODUCER) {
				igraph_vector_int_push_back(e, s);
				igraph_vector_int_push_back(e, g->node_actor[v]);
			} else if (kind == MKG_ACTOR_END_MARKET) {
				igraph_vector_int_push_back(e, g->node_actor[v]);
				igraph_vector_int_push_back(e, t);
			}
		}
	}
}

/* k distinct pivots, uniform over `from` (or over 0..n-1 when from is
 * NULL), by a partial shuffle. */
static void
draw_pivots(igraph_vector_int_t *out, const igraph_vector_int_t *from, uint32_t n, size_t k,
            uint64_t *state)
{
	igraph_integer_t count = from ? igraph_vector_int_size(from) : (igraph_integer_t)n;
	igraph_integer_t *cand = g_new(igraph_integer_t, count ? count : 1);

	for (igraph_integer_t i = 0; i < count; i++)
		cand[i] = from ? VECTOR(*from)[i] : i;
	igraph_vector_int_init(out, 0);
	for (igraph_integer_t i = 0; i < count && (size_t)i < k; i++) {
		igraph_integer_t j, t;

		*state = *state * 6364136223846793005u + 1442695040888963407u;
		j = i + (igraph_integer_t)((*state >> 33) % (uint64_t)(count - i));
		t = cand[i];
		cand[i] = cand[j];
		cand[j] = t;
		igraph_vector_int_push_back(out, cand[i]);
	}
	g_free(cand);
}

static void
bench_igraph(const layered *l, size_t pivots, uint32_t exact_max)
{
	const mkg_graph *g = only_chain(l->model);
	igraph_vector_int_t raw, e;
	igraph_t directed, undirected, aug;
	double t[16];
	int i;

	igraph_vector_int_init(&raw, 2 * (igraph_integer_t)l->arcs);
	for (uint32_t k = 0; k < l->arcs; k++) {
		VECTOR(raw)[2 * k] = l->tail[k];
		VECTOR(raw)[2 * k + 1] = l->head[k];
	}
	for (i = 0; i < runs; i++) {
		igraph_t ig;
		double t0 = cpu_seconds();

		ig_check(igraph_create(&ig, &raw, l->actors, IGRAPH_DIRECTED), "create");
		t[i] = cpu_seconds() - t0;
		igraph_destroy(&ig);
	}
	report("graph_view", "igraph", t, runs);
	if (graph_only) {
		igraph_vector_int_destroy(&raw);
		return;
	}
	/* the same graph as ours: parallel transactions merged */
	for (i = 0; i < runs; i++) {
		igraph_t ig;
		double t0 = cpu_seconds();

		ig_check(igraph_create(&ig, &raw, l->actors, IGRAPH_DIRECTED), "create");
		ig_check(igraph_simplify(&ig, true, false, NULL), "simplify");
		t[i] = cpu_seconds() - t0;
		igraph_destroy(&ig);
	}
	report("graph_view_merged", "igraph", t, runs);
	igraph_vector_int_destroy(&raw);

	merged_edges(l, g, &e, true, false);
	ig_check(igraph_create(&undirected, &e, l->actors, IGRAPH_UNDIRECTED), "create");
	igraph_vector_int_destroy(&e);
	for (i = 0; i < runs; i++) {
		igraph_vector_int_t ap, br;
		double t0 = cpu_seconds();

		igraph_vector_int_init(&ap, 0);
		igraph_vector_int_init(&br, 0);
		ig_check(igraph_articulation_points(&undirected, &ap), "articulation_points");
		ig_check(igraph_bridges(&undirected, &br), "bridges");
		t[i] = cpu_seconds() - t0;
		if (i == 0)
			fprintf(stderr, "  igraph: %ld articulation points, %ld bridges\n",
			        (long)igraph_vector_int_size(&ap), (long)igraph_vector_int_size(&br));
		igraph_vector_int_destroy(&ap);
		igraph_vector_int_destroy(&br);
	}
	report("cutpoints", "igraph", t, runs);
	igraph_destroy(&undirected);

	merged_edges(l, g, &e, false, true);
	ig_check(igraph_create(&aug, &e, l->actors + 2, IGRAPH_DIRECTED), "create");
	igraph_vector_int_destroy(&e);
	for (i = 0; i < runs; i++) {
		igraph_vector_int_t dom;
		double t0 = cpu_seconds();

		igraph_vector_int_init(&dom, 0);
		ig_check(igraph_dominator_tree(&aug, l->actors + 1, &dom, NULL, NULL, IGRAPH_IN),
		         "dominator_tree");
		ig_check(igraph_dominator_tree(&aug, l->actors, &dom, NULL, NULL, IGRAPH_OUT),
		         "dominator_tree");
		t[i] = cpu_seconds() - t0;
		igraph_vector_int_destroy(&dom);
	}
	report("dominators", "igraph", t, runs);
	igraph_destroy(&aug);

	merged_edges(l, g, &e, false, false);
	ig_check(igraph_create(&directed, &e, l->actors, IGRAPH_DIRECTED), "create");
	igraph_vector_int_destroy(&e);

	/* throughput: weighted in- and out-strength, weights = merged volumes
	 * (in the order merged_edges() gave the arcs: ours) */
	{
		igraph_vector_t w, in, out;

		igraph_vector_init(&w, g->m);
		for (uint32_t k = 0; k < g->m; k++)
			VECTOR(w)[k] = g->arc_volume[k];
		for (i = 0; i < runs; i++) {
			double t0;

			igraph_vector_init(&in, 0);
			igraph_vector_init(&out, 0);
			t0 = cpu_seconds();
			ig_check(igraph_strength(&directed, &in, igraph_vss_all(), IGRAPH_IN, true, &w),
			         "strength");
			ig_check(igraph_strength(&directed, &out, igraph_vss_all(), IGRAPH_OUT, true, &w),
			         "strength");
			t[i] = cpu_seconds() - t0;
			igraph_vector_destroy(&in);
			igraph_vector_destroy(&out);
		}
		report("throughput", "igraph", t, runs);
		igraph_vector_destroy(&w);
	}
	/* Both columns, as ours: all pairs from pivots over every actor, and
	 * source to sink from pivots over the producers to the end markets
	 * (every producer, every actor, when exact). */
	{
		igraph_vector_int_t producers, markets;

		igraph_vector_int_init(&producers, 0);
		igraph_vector_int_init(&markets, 0);
		for (uint32_t a = 0; a < l->actors; a++) {
			if (l->kind[a] == MKG_ACTOR_PRODUCER)
				igraph_vector_int_push_back(&producers, a);
			else if (l->kind[a] == MKG_ACTOR_END_MARKET)
				igraph_vector_int_push_back(&markets, a);
		}
		for (i = 0; i < runs; i++) {
			igraph_vector_int_t all_piv, src_piv;
			igraph_vector_t res;
			uint64_t state = (uint64_t)i + 1;
			double t0;

			draw_pivots(&all_piv, NULL, l->actors, pivots, &state);
			draw_pivots(&src_piv, &producers, 0, pivots, &state);
			igraph_vector_init(&res, 0);
			t0 = cpu_seconds();
			ig_check(igraph_betweenness_subset(&directed, &res, igraph_vss_all(),
			                                   IGRAPH_DIRECTED, igraph_vss_vector(&all_piv),
			                                   igraph_vss_all(), NULL),
			         "betweenness_subset");
			ig_check(igraph_betweenness_subset(&directed, &res, igraph_vss_all(),
			                                   IGRAPH_DIRECTED, igraph_vss_vector(&src_piv),
			                                   igraph_vss_vector(&markets), NULL),
			         "betweenness_subset");
			t[i] = cpu_seconds() - t0;
			igraph_vector_destroy(&res);
			igraph_vector_int_destroy(&all_piv);
			igraph_vector_int_destroy(&src_piv);
		}
		report("betweenness_sampled", "igraph", t, runs);

		if (l->actors <= exact_max) {
			for (i = 0; i < runs; i++) {
				igraph_vector_t res;
				double t0;

				igraph_vector_init(&res, 0);
				t0 = cpu_seconds();
				ig_check(igraph_betweenness(&directed, &res, igraph_vss_all(),
				                            IGRAPH_DIRECTED, NULL),
				         "betweenness");
				ig_check(igraph_betweenness_subset(&directed, &res, igraph_vss_all(),
				                                   IGRAPH_DIRECTED,
				                                   igraph_vss_vector(&producers),
				                                   igraph_vss_vector(&markets), NULL),
				         "betweenness_subset");
				t[i] = cpu_seconds() - t0;
				igraph_vector_destroy(&res);
			}
			report("betweenness_exact", "igraph", t, runs);
		}
		igraph_vector_int_destroy(&producers);
		igraph_vector_int_destroy(&markets);
	}
	igraph_destroy(&directed);
}
#endif

static void
write_edges(const layered *l, const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(f, "n %u\n", l->actors);
	for (uint32_t a = 0; a < l->actors; a++)
		fprintf(f, "k %u %s\n", a, mkg_actor_kind_name((mkg_actor_kind)l->kind[a]));
	/* the transactions were added in this order: k is their index */
	for (uint32_t k = 0; k < l->arcs; k++)
		fprintf(f, "e %u %u %.17g\n", l->tail[k], l->head[k],
		        MKG_TX(l->model, k)->volume);
	fclose(f);
}

int
main(int argc, char **argv)
{
	uint32_t actors = 100000, exact_max = 100000;
	size_t pivots = 256;
	uint64_t seed = 1;
	const char *edges = NULL;
	layered l;
	double t0, model_mb;
	int c;

	while ((c = getopt(argc, argv, "n:r:k:x:s:o:g")) != -1) {
		switch (c) {
		case 'n': actors = (uint32_t)strtoul(optarg, NULL, 10); break;
		case 'r': runs = atoi(optarg); break;
		case 'k': pivots = strtoul(optarg, NULL, 10); break;
		case 'x': exact_max = (uint32_t)strtoul(optarg, NULL, 10); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'o': edges = optarg; break;
		case 'g': graph_only = 1; break;
		default:
			fprintf(stderr, "usage: %s [-n ACTORS] [-r RUNS] [-k PIVOTS] [-x EXACT_MAX] "
			        "[-s SEED] [-o EDGES] [-g]\n", argv[0]);
			return 2;
		}
	}
	if (runs < 1 || runs > 16 || actors < 16) {
		fprintf(stderr, "runs must be 1..16 and actors at least 16\n");
		return 2;
	}
	t0 = cpu_seconds();
	layered_generate(&l, actors, seed);
	fprintf(stderr, "generated %u actors, %u produce transactions in %.2f s\n", l.actors,
	        l.arcs, cpu_seconds() - t0);
	/* The model alone (the graph view is analysis memory). */
	model_mb = rss_now_mb();
	{
		const mkg_graph *g = only_chain(l.model);

		fprintf(stderr, "  produce graph: %u nodes, %u arcs\n", g->n, g->m);
	}
	if (edges)
		write_edges(&l, edges);
	{
		double peak_mb;

		bench_ours(&l, pivots, exact_max);
		peak_mb = peak_rss_mb();
		fprintf(stderr, "  memory: model %.0f MB, peak %.0f MB\n", model_mb, peak_mb);
		printf("memory_beyond_model_mb\tmarketgraph\t%.1f\t1\n", peak_mb - model_mb);
	}
#ifdef HAVE_IGRAPH
	bench_igraph(&l, pivots, exact_max);
#endif
	layered_clear(&l);
	return 0;
}
