/* marketgraph: Brandes' betweenness on the produce graph (directed, hop
 * counts, not normalised), over all pairs and over (source, sink) pairs,
 * exact or estimated from pivots.
 *
 * One breadth-first search per searched source, then the dependencies
 * accumulate in reverse BFS order by pulling from each node's successors
 * on shortest paths (the out-arcs the search just read), so the cost of a
 * source is the arcs it reaches: nothing is reset or scanned beyond them.
 *
 * SPDX-License-Identifier: MIT */
#include "structure-private.h"
#include "flow-private.h" /* mkg__betweenness_pairs */

#include <math.h>
#include <string.h>

struct mkg_betweenness {
	mkg__ids *ids;           /* a reference to the graph's copy of the ids */
	size_t count;
	mkg_betweenness_score *rows;
	bool estimate;
	double pairs;            /* (source, sink) pairs with a path, estimated like the sums */
};

/* Per node, what one search needs, together in one cache line. */
typedef struct bfs_node {
	double sigma;     /* shortest paths from the source */
	double coef;      /* (1 + delta) / sigma, all pairs */
	double coef_sub;  /* (delta_sub + [sink]) / sigma, source to sink */
	uint32_t level;   /* BFS level + 1; 0: not reached */
} bfs_node;

typedef struct bfs {
	const mkg_graph *g;
	bfs_node *node;    /* [n], level 0 between searches */
	uint32_t *queue;   /* [n] the reached nodes in BFS order */
	uint32_t *dag_start; /* [n + 1] by queue position */
	uint32_t *dag;     /* [m] successors on shortest paths */
	const uint8_t *is_sink;
	double *all;       /* [n] sums of the current chunk, 0 outside touched */
	double *sub;       /* [n] sums of the current chunk, 0 outside touched */
	uint32_t *touched; /* [n] the nodes with a sum in this chunk */
	uint8_t *mark;     /* [n] 1: in touched */
	uint32_t touched_count;
	double pairs;      /* sinks reached from the chunk's sources (not the source) */
} bfs;

/* Node v gets a sum in this chunk. */
static inline void
touch(bfs *b, uint32_t v)
{
	if (!b->mark[v]) {
		b->mark[v] = 1;
		b->touched[b->touched_count++] = v;
	}
}

/*
 * Search from s; accumulate into all when do_all and into sub when do_sub.
 * The forward pass records, for each reached node (by queue position), its
 * successors on shortest paths in dag[dag_start[i] .. dag_start[i+1]), so
 * the backward pass streams through them without testing levels again.
 * Inlined with constant flags, so each use gets its own loops.
 */
static inline void
search(bfs *b, uint32_t s, bool do_all, bool do_sub)
{
	const uint32_t *out_start = b->g->out_start, *head = b->g->arc_head;
	bfs_node *nd = b->node;
	uint32_t *queue = b->queue, *dag = b->dag, *dag_start = b->dag_start;
	uint32_t qh = 0, qt = 1, d = 0, i;

	queue[0] = s;
	nd[s].level = 1;
	nd[s].sigma = 1.0;
	while (qh < qt) {
		uint32_t v = queue[qh], lv = nd[v].level + 1;
		double sv = nd[v].sigma;

		dag_start[qh++] = d;
		for (uint32_t k = out_start[v]; k < out_start[v + 1]; k++) {
			uint32_t x = head[k];
			bfs_node *w = &nd[x];

			if (w->level == 0) {
				w->level = lv;
				w->sigma = sv;
				queue[qt++] = x;
				dag[d++] = x;
			} else if (w->level == lv) {
				w->sigma += sv;
				dag[d++] = x;
			}
		}
	}
	dag_start[qt] = d;
	for (i = qt - 1; i >= 1; i--) {
		uint32_t v = queue[i];
		double sum = 0.0, sum_sub = 0.0, sv = nd[v].sigma;

		for (uint32_t k = dag_start[i]; k < dag_start[i + 1]; k++) {
			const bfs_node *w = &nd[dag[k]];

			if (do_all)
				sum += w->coef;
			if (do_sub)
				sum_sub += w->coef_sub;
		}
		/* adding 0 changes nothing: spare the write for the leaves */
		if (do_all) {
			double delta = sv * sum;

			if (delta != 0.0) {
				touch(b, v);
				b->all[v] += delta;
			}
			nd[v].coef = (1.0 + delta) / sv;
		}
		if (do_sub) {
			double delta = sv * sum_sub;

			if (delta != 0.0) {
				touch(b, v);
				b->sub[v] += delta;
			}
			b->pairs += b->is_sink[v];
			nd[v].coef_sub = (delta + (b->is_sink[v] ? 1.0 : 0.0)) / sv;
		}
	}
	for (i = 0; i < qt; i++)
		nd[queue[i]].level = 0;
}

/* splitmix64: small, fast and the same on every platform. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, range), without modulo bias. */
static uint64_t
uniform(uint64_t *state, uint64_t range)
{
	uint64_t threshold, x;

	if (range <= 1) /* one choice (callers never pass 0) */
		return 0;
	threshold = (0 - range) % range;
	do
		x = next_random(state);
	while (x < threshold);
	return x % range;
}

/* Mark k of the cand_count candidates, drawn uniformly without
 * replacement (a partial Fisher-Yates shuffle). */
static void
draw(uint32_t *cand, uint32_t cand_count, uint32_t k, uint64_t *state, uint8_t *mark)
{
	for (uint32_t i = 0; i < k; i++) {
		uint32_t j = i + (uint32_t)uniform(state, cand_count - i), t = cand[i];

		cand[i] = cand[j];
		cand[j] = t;
		mark[cand[i]] = 1;
	}
}

/* The estimate's factor for a node: C/k, or C/(k-1) for a pivot. */
static double
scale(double candidates, uint32_t k, bool pivot)
{
	if (!pivot)
		return candidates / k;
	return k > 1 ? candidates / (k - 1) : 0.0;
}

/*
 * The searches run in chunks of BETWEENNESS_CHUNK searched sources, fixed
 * whatever the number of threads: a chunk sums into its worker's zeroed
 * arrays, then the chunks' sums are added to the totals in chunk order
 * (mkg__run_tasks' merge), so every total is the same sum in the same
 * order, to the last bit, for any number of threads.  With one chunk (at
 * most 64 searched sources) the totals are the plain sums of the searches.
 * Each worker holds one bfs: 64 bytes per node and 4 per arc, and the
 * merge costs the nodes a chunk touched, never a scan of all nodes.
 */
#define BETWEENNESS_CHUNK 64

typedef struct chunks {
	const mkg_graph *g;
	const uint8_t *is_sink, *pivot_all, *pivot_sub;
	const uint32_t *searched; /* the searched sources, increasing */
	size_t searched_count;
	bfs **worker;             /* [workers], made by the worker's first chunk */
	double *all, *sub;        /* [n] totals */
	double pairs;
} chunks;

static bfs *
bfs_new(const mkg_graph *g, const uint8_t *is_sink)
{
	uint32_t n = g->n;
	bfs *b = g_new0(bfs, 1);

	b->g = g;
	b->node = g_new0(bfs_node, n ? n : 1);
	b->queue = g_new(uint32_t, n ? n : 1);
	b->dag_start = g_new(uint32_t, (size_t)n + 1);
	b->dag = g_new(uint32_t, g->m ? g->m : 1);
	b->is_sink = is_sink;
	b->all = g_new0(double, n ? n : 1);
	b->sub = g_new0(double, n ? n : 1);
	b->touched = g_new(uint32_t, n ? n : 1);
	b->mark = g_new0(uint8_t, n ? n : 1);
	return b;
}

static void
bfs_free(bfs *b)
{
	if (b == NULL)
		return;
	g_free(b->node);
	g_free(b->queue);
	g_free(b->dag_start);
	g_free(b->dag);
	g_free(b->all);
	g_free(b->sub);
	g_free(b->touched);
	g_free(b->mark);
	g_free(b);
}

static int
run_chunk(size_t chunk, unsigned int worker, void *data)
{
	chunks *c = data;
	size_t end = MIN(c->searched_count, (chunk + 1) * BETWEENNESS_CHUNK);
	bfs *b;

	if (c->worker[worker] == NULL)
		c->worker[worker] = bfs_new(c->g, c->is_sink);
	b = c->worker[worker];
	for (size_t i = chunk * BETWEENNESS_CHUNK; i < end; i++) {
		uint32_t v = c->searched[i];

		if (c->pivot_all[v] && c->pivot_sub[v])
			search(b, v, true, true);
		else if (c->pivot_all[v])
			search(b, v, true, false);
		else
			search(b, v, false, true);
	}
	return MKG_OK;
}

/* Add the chunk's sums to the totals (in chunk order) and zero them. */
static int
merge_chunk(size_t chunk, unsigned int worker, void *data)
{
	chunks *c = data;
	bfs *b = c->worker[worker];

	(void)chunk;
	for (uint32_t k = 0; k < b->touched_count; k++) {
		uint32_t v = b->touched[k];

		c->all[v] += b->all[v];
		c->sub[v] += b->sub[v];
		b->all[v] = b->sub[v] = 0.0;
		b->mark[v] = 0;
	}
	b->touched_count = 0;
	c->pairs += b->pairs;
	b->pairs = 0.0;
	return MKG_OK;
}

int
mkg_betweenness_new(mkg_betweenness **out, const mkg_model *model,
                    const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	const mkg_graph *g;
	const uint32_t *order, *rank;
	uint8_t *role = NULL, *is_sink, *is_source, *pivot_all, *pivot_sub;
	uint32_t n, v, k, nsources = 0, nonzero = 0, k_all, k_sub;
	bool sample_all, sample_sub;
	mkg__keyed *items;
	mkg_betweenness *res;
	struct { double *all, *sub, pairs; } b;
	uint32_t *searched;
	size_t nchunks;
	unsigned int workers;
	chunks cs;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if ((rc = mkg__graph_get(model, o.chain, "betweenness", &g)) != MKG_OK)
		return rc;
	rc = mkg__graph_node_roles(g, model, o.sources, o.source_count, o.sinks, o.sink_count,
	                           &role);
	if (rc != MKG_OK)
		return rc;
	n = g->n;
	is_sink = g_new(uint8_t, n ? n : 1);
	is_source = g_new(uint8_t, n ? n : 1);
	for (v = 0; v < n; v++) {
		is_sink[v] = (role[v] & MKG__ROLE_SINK) != 0;
		is_source[v] = (role[v] & MKG__ROLE_SOURCE) != 0;
		nsources += is_source[v];
	}
	g_free(role);

	/* Which sources to search: every node and every source, or pivots. */
	sample_all = o.pivots > 0 && o.pivots < n;
	sample_sub = o.pivots > 0 && o.pivots < nsources;
	k_all = sample_all ? (uint32_t)o.pivots : n;
	k_sub = sample_sub ? (uint32_t)o.pivots : nsources;
	pivot_all = g_new0(uint8_t, n ? n : 1);
	pivot_sub = g_new0(uint8_t, n ? n : 1);
	if (sample_all || sample_sub) {
		uint32_t *cand = g_new(uint32_t, n ? n : 1), c = 0;
		uint64_t state = o.seed;

		for (v = 0; v < n; v++)
			cand[v] = v;
		if (sample_all)
			draw(cand, n, k_all, &state, pivot_all);
		for (v = 0; v < n; v++)
			if (is_source[v])
				cand[c++] = v;
		if (sample_sub)
			draw(cand, c, k_sub, &state, pivot_sub);
		g_free(cand);
	}
	if (!sample_all)
		memset(pivot_all, 1, n);
	if (!sample_sub)
		memcpy(pivot_sub, is_source, n);

	cs.g = g;
	cs.is_sink = is_sink;
	cs.pivot_all = pivot_all;
	cs.pivot_sub = pivot_sub;
	searched = g_new(uint32_t, n ? n : 1);
	cs.searched_count = 0;
	for (v = 0; v < n; v++)
		if (pivot_all[v] || pivot_sub[v])
			searched[cs.searched_count++] = v;
	cs.searched = searched;
	nchunks = (cs.searched_count + BETWEENNESS_CHUNK - 1) / BETWEENNESS_CHUNK;
	workers = mkg__workers_for(o.threads, nchunks);
	cs.worker = g_new0(bfs *, workers);
	cs.all = g_new0(double, n ? n : 1);
	cs.sub = g_new0(double, n ? n : 1);
	cs.pairs = 0.0;
	rc = mkg__run_tasks(nchunks, o.threads, run_chunk, merge_chunk, &cs);
	for (unsigned int t = 0; t < workers; t++)
		bfs_free(cs.worker[t]);
	g_free(cs.worker);
	g_free(searched);
	b.all = cs.all;
	b.sub = cs.sub;
	b.pairs = cs.pairs;
	if (rc != MKG_OK) { /* no task fails today; kept for when one can */
		g_free(b.all);
		g_free(b.sub);
		g_free(pivot_all);
		g_free(pivot_sub);
		g_free(is_sink);
		g_free(is_source);
		return rc;
	}
	if (sample_all)
		for (v = 0; v < n; v++)
			b.all[v] *= scale((double)n - 1, k_all, pivot_all[v]);
	if (sample_sub)
		for (v = 0; v < n; v++)
			b.sub[v] *= scale((double)nsources - is_source[v], k_sub, pivot_sub[v]);
	if (sample_sub)
		b.pairs *= (double)nsources / k_sub;

	/* Listed in id order, then sorted stably by all_pairs descending.
	 * Scores are >= 0 and most are 0 when sampling: only the others need
	 * sorting; the zeros follow in id order. */
	mkg__graph_id_order(g, model, &order, &rank);
	items = g_new(mkg__keyed, n ? n : 1);
	for (v = 0; v < n; v++)
		if (b.all[order[v]] != 0.0)
			items[nonzero++] = (mkg__keyed){ mkg__key_desc(b.all[order[v]]), order[v] };
	mkg__radix_sort(items, nonzero);
	for (v = 0, k = nonzero; v < n; v++)
		if (b.all[order[v]] == 0.0)
			items[k++].item = order[v];
	res = g_new0(mkg_betweenness, 1);
	res->ids = mkg__ids_ref(mkg__graph_ids(g, model));
	res->count = n;
	res->estimate = sample_all || sample_sub;
	res->pairs = b.pairs;
	res->rows = g_new(mkg_betweenness_score, n ? n : 1);
	for (v = 0; v < n; v++) {
		uint32_t x = items[v].item;

		res->rows[v].actor = res->ids->id[x];
		res->rows[v].all_pairs = b.all[x];
		res->rows[v].source_sink = b.sub[x];
	}
	g_free(items);
	g_free(b.all);
	g_free(b.sub);
	g_free(pivot_all);
	g_free(pivot_sub);
	g_free(is_sink);
	g_free(is_source);
	*out = res;
	return MKG_OK;
}

void
mkg_betweenness_free(mkg_betweenness *b)
{
	if (b == NULL)
		return;
	mkg__ids_unref(b->ids);
	g_free(b->rows);
	g_free(b);
}

size_t
mkg_betweenness_count(const mkg_betweenness *b)
{
	return b ? b->count : 0;
}

const mkg_betweenness_score *
mkg_betweenness_at(const mkg_betweenness *b, size_t i)
{
	return b && i < b->count ? &b->rows[i] : NULL;
}

double
mkg__betweenness_pairs(const mkg_betweenness *b)
{
	return b ? b->pairs : 0.0;
}

int
mkg_betweenness_is_estimate(const mkg_betweenness *b)
{
	return b ? b->estimate : 0;
}
