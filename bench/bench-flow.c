/* Time the deliverable flow (maximum flow with its minimum cut), the exit
 * shock and every bottleneck section together on a layered value-chain
 * model (bench/layered.c), and igraph's C library (igraph_maxflow, with
 * its cut) on the same flow network in the same run.
 *
 *   bench-flow [-n ACTORS] [-r RUNS] [-s SEED] [-o NETWORK_FILE] [-m]
 *
 * Prints one line per measurement, `row<TAB>impl<TAB>median wall seconds<TAB>
 * median CPU seconds<TAB>runs`, for bench/run-flow.py to merge with
 * NetworkX's numbers, and the flow values on standard error (ours and
 * igraph's must agree).  CPU time is the figure to trust on a machine
 * shared with other work.  Rows:
 *   maxflow      mkg_flow_new(): network from the (cached) graph view,
 *                solver, cut; igraph: igraph_maxflow() with cut and
 *                partitions on a graph built beforehand (not timed)
 *   shock        mkg_shock_new() removing the actor with the largest
 *                captive supply (two maximum flows and two searches)
 *   bottlenecks  mkg_bottlenecks_new(), every section of the report
 *                (sampled betweenness above 20,000 nodes), with the graph
 *                view rebuilt each run
 * -m measures instead the memory of one mkg_bottlenecks_new() on a fresh
 * model: peak resident memory beyond the model (`memory<TAB>marketgraph<TAB>
 * MB<TAB>MB<TAB>1`).  -o writes the flow network for NetworkX: `n NODES S T`,
 * then `a TAIL HEAD CAPACITY` per arc, `inf` for unbounded.  One thread.
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"
#include "layered.h"
#include "flow-private.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_IGRAPH
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

/* A stopwatch of wall and CPU time (the process's: one thread). */
typedef struct watch {
	double wall, cpu;
} watch;

static watch
start(void)
{
	return (watch){ wall_seconds(), cpu_seconds() };
}

static void
stop(watch w, double *wall, double *cpu)
{
	*wall = wall_seconds() - w.wall;
	*cpu = cpu_seconds() - w.cpu;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
report(const char *row, const char *impl, double *t, double *c, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	qsort(c, (size_t)n, sizeof *c, cmp_double);
	printf("%s\t%s\t%.6f\t%.6f\t%d\n", row, impl, t[n / 2], c[n / 2], n);
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

/* ---- the flow network, built here independently for the peers ------------- */

typedef struct network {
	uint32_t nodes, s, t;
	GArray *tail, *head;  /* uint32_t */
	GArray *cap;          /* double, INFINITY for unbounded */
} network;

static void
arc(network *nw, uint32_t u, uint32_t v, double c)
{
	g_array_append_val(nw->tail, u);
	g_array_append_val(nw->head, v);
	g_array_append_val(nw->cap, c);
}

/* The network of analyses.md, section 2: graph node v is node v (its
 * in-node), an actor with a capacity gets an out-node, then S and T. */
static void
network_build(network *nw, const mkg_model *m)
{
	const mkg_graph *g = only_chain(m);
	uint32_t *out = g_new(uint32_t, g->n ? g->n : 1), extra = 0;

	for (uint32_t v = 0; v < g->n; v++)
		out[v] = isnan(MKG_ACTOR(m, g->node_actor[v])->capacity) ? v : g->n + extra++;
	nw->s = g->n + extra;
	nw->t = nw->s + 1;
	nw->nodes = nw->t + 1;
	nw->tail = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	nw->head = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	nw->cap = g_array_new(FALSE, FALSE, sizeof(double));
	for (uint32_t v = 0; v < g->n; v++) {
		const mkg_actor_rec *a = MKG_ACTOR(m, g->node_actor[v]);

		if (out[v] != v)
			arc(nw, v, out[v], a->capacity);
		if (a->kind == MKG_ACTOR_PRODUCER) {
			double s = a->supply;
			arc(nw, nw->s, v, isnan(s) ? g->node_sold[v] : s);
		}
		if (a->kind == MKG_ACTOR_END_MARKET) {
			double d = a->demand;
			arc(nw, out[v], nw->t, isnan(d) ? HUGE_VAL : d);
		}
		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++)
			arc(nw, out[v], g->arc_head[k], g->arc_capacity[k]);
	}
	g_free(out);
}

static void
network_write(const network *nw, const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(f, "n %u %u %u\n", nw->nodes, nw->s, nw->t);
	for (guint k = 0; k < nw->tail->len; k++) {
		double c = g_array_index(nw->cap, double, k);
		fprintf(f, "a %u %u ", g_array_index(nw->tail, uint32_t, k),
		        g_array_index(nw->head, uint32_t, k));
		if (isinf(c))
			fputs("inf\n", f);
		else
			fprintf(f, "%.17g\n", c);
	}
	fclose(f);
}

static void
network_clear(network *nw)
{
	g_array_free(nw->tail, TRUE);
	g_array_free(nw->head, TRUE);
	g_array_free(nw->cap, TRUE);
}

/* ---- ours ---------------------------------------------------------------- */

static double
bench_ours(const layered *l)
{
	mkg_model *m = l->model;
	const char *victim = NULL;
	double t[16], u[16], value = 0.0;
	int i;

	only_chain(m); /* the graph view is timed in bench-bottlenecks */
	for (i = 0; i < runs; i++) {
		mkg_flow *f;
		watch w = start();

		check(mkg_flow_new(&f, m, NULL), "flow");
		stop(w, &t[i], &u[i]);
		if (i == 0) {
			value = mkg_flow_max_flow(f);
			fprintf(stderr, "  flow: total supply %.17g, max flow %.17g, %zu binding\n",
			        mkg_flow_total_supply(f), value, mkg_flow_binding_count(f));
		}
		mkg_flow_free(f);
	}
	report("maxflow", "marketgraph", t, u, runs);

	/* The shock of the actor that holds the most supply captive. */
	{
		mkg_captive *c;
		check(mkg_captive_new(&c, m, NULL), "captive");
		if (mkg_captive_count(c) > 0)
			victim = g_strdup(mkg_captive_at(c, 0)->actor);
		mkg_captive_free(c);
	}
	if (victim != NULL) {
		for (i = 0; i < runs; i++) {
			mkg_shock_options o = MKG_SHOCK_OPTIONS_INIT;
			mkg_shock *s;
			watch w = start();

			o.remove = (const char *const *)&victim;
			o.remove_count = 1;
			check(mkg_shock_new(&s, m, &o), "shock");
			stop(w, &t[i], &u[i]);
			if (i == 0)
				fprintf(stderr, "  shock without %s: %zu stranded, loss %.17g\n", victim,
				        mkg_shock_stranded_count(s), mkg_shock_loss(s));
			mkg_shock_free(s);
		}
		report("shock", "marketgraph", t, u, runs);
		g_free((char *)victim);
	}

	for (i = 0; i < runs; i++) {
		mkg_bottlenecks *b;
		watch w;

		/* Any change drops the cached graph view: it is rebuilt, timed. */
		mkg_model_set_name(m, i % 2 ? "layered" : "layered value chain");
		w = start();
		check(mkg_bottlenecks_new(&b, m, NULL), "bottlenecks");
		stop(w, &t[i], &u[i]);
		if (i == 0)
			fprintf(stderr, "  bottlenecks: betweenness %s\n",
			        mkg_bottlenecks_pivots(b, 0) ? "sampled" : "exact");
		mkg_bottlenecks_free(b);
	}
	report("bottlenecks", "marketgraph", t, u, runs);
	return value;
}

/* ---- memory ---------------------------------------------------------------- */

/* A field of /proc/self/status in kB ("VmRSS", "VmHWM"). */
static long
status_kb(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	size_t n = strlen(field);

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, n) == 0 && line[n] == ':')
			kb = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return kb;
}

static void
bench_memory(const layered *l)
{
	mkg_bottlenecks *b;
	long before, peak;
	FILE *f;

	/* Reset the high-water mark to the current size (Linux >= 4.0). */
	f = fopen("/proc/self/clear_refs", "w");
	if (f == NULL || fputs("5", f) == EOF) {
		perror("/proc/self/clear_refs");
		exit(1);
	}
	fclose(f);
	before = status_kb("VmRSS");
	check(mkg_bottlenecks_new(&b, l->model, NULL), "bottlenecks");
	peak = status_kb("VmHWM");
	mkg_bottlenecks_free(b);
	fprintf(stderr, "  memory: %ld kB resident with the model, peak %ld kB\n", before, peak);
	printf("memory\tmarketgraph\t%.1f\t%.1f\t1\n", (double)(peak - before) / 1024.0,
	       (double)(peak - before) / 1024.0);
}

/* ---- igraph ------------------------------------------------------------------ */

#ifdef HAVE_IGRAPH
static void
bench_igraph(const network *nw, double ours)
{
	igraph_vector_int_t e, cut, part, part2;
	igraph_vector_t cap;
	igraph_t g;
	double t[16], u[16], value = 0.0, big = 1.0;
	int i;

	/* igraph needs finite capacities: unbounded is 1 + twice the supply. */
	for (guint k = 0; k < nw->cap->len; k++)
		if (g_array_index(nw->tail, uint32_t, k) == nw->s)
			big += 2.0 * g_array_index(nw->cap, double, k);
	igraph_vector_int_init(&e, 2 * (igraph_integer_t)nw->tail->len);
	igraph_vector_init(&cap, (igraph_integer_t)nw->cap->len);
	for (guint k = 0; k < nw->tail->len; k++) {
		double c = g_array_index(nw->cap, double, k);
		VECTOR(e)[2 * k] = g_array_index(nw->tail, uint32_t, k);
		VECTOR(e)[2 * k + 1] = g_array_index(nw->head, uint32_t, k);
		VECTOR(cap)[k] = isinf(c) ? big : c;
	}
	if (igraph_create(&g, &e, nw->nodes, IGRAPH_DIRECTED) != IGRAPH_SUCCESS)
		exit(1);
	igraph_vector_int_destroy(&e);
	for (i = 0; i < runs; i++) {
		watch w;

		igraph_vector_int_init(&cut, 0);
		igraph_vector_int_init(&part, 0);
		igraph_vector_int_init(&part2, 0);
		w = start();
		if (igraph_maxflow(&g, &value, NULL, &cut, &part, &part2, nw->s, nw->t, &cap, NULL) !=
		    IGRAPH_SUCCESS)
			exit(1);
		stop(w, &t[i], &u[i]);
		igraph_vector_int_destroy(&cut);
		igraph_vector_int_destroy(&part);
		igraph_vector_int_destroy(&part2);
	}
	fprintf(stderr, "  igraph: max flow %.17g (ours %.17g, relative difference %.2g)\n", value,
	        ours, fabs(value - ours) / fmax(1.0, ours));
	report("maxflow", "igraph", t, u, runs);
	igraph_vector_destroy(&cap);
	igraph_destroy(&g);
}
#endif

int
main(int argc, char **argv)
{
	uint32_t actors = 100000;
	uint64_t seed = 1;
	const char *path = NULL;
	bool memory = false;
	layered l;
	network nw;
	double t0, value;
	int c;

	while ((c = getopt(argc, argv, "n:r:s:o:m")) != -1) {
		switch (c) {
		case 'n': actors = (uint32_t)strtoul(optarg, NULL, 10); break;
		case 'r': runs = atoi(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'o': path = optarg; break;
		case 'm': memory = true; break;
		default:
			fprintf(stderr, "usage: %s [-n ACTORS] [-r RUNS] [-s SEED] [-o NETWORK] [-m]\n",
			        argv[0]);
			return 2;
		}
	}
	if (runs < 1 || runs > 16 || actors < 16) {
		fprintf(stderr, "runs must be 1..16 and actors at least 16\n");
		return 2;
	}
	t0 = wall_seconds();
	layered_generate(&l, actors, seed);
	fprintf(stderr, "generated %u actors, %u produce transactions in %.2f s\n", l.actors,
	        l.arcs, wall_seconds() - t0);
	if (memory) {
		bench_memory(&l);
		layered_clear(&l);
		return 0;
	}
	network_build(&nw, l.model);
	fprintf(stderr, "  flow network: %u nodes, %u arcs\n", nw.nodes, nw.tail->len);
	if (path)
		network_write(&nw, path);
	value = bench_ours(&l);
#ifdef HAVE_IGRAPH
	bench_igraph(&nw, value);
#else
	(void)value;
#endif
	network_clear(&nw);
	layered_clear(&l);
	return 0;
}
