/* marketgraph: articulation points and bridges of the undirected produce
 * graph, by one iterative depth-first search (Hopcroft-Tarjan lowpoints).
 * SPDX-License-Identifier: MIT */
#include "structure-private.h"

#include <math.h>
#include <string.h>

#define NONE UINT32_MAX

struct mkg_cutpoints {
	mkg__ids *ids;         /* a reference to the graph's copy of the ids */
	size_t ap_count;
	mkg_articulation_point *ap;
	size_t bridge_count;
	mkg_bridge *bridge;
};

/* A tree edge parent -> child found to be a bridge. */
typedef struct tree_edge {
	uint32_t parent;
	uint32_t child;
	uint32_t adj;    /* position of child in the parent's adjacency */
} tree_edge;

/* The undirected neighbours of v are its out-arc heads, then its in-arc
 * tails; a pair linked both ways appears twice, which the search below
 * tolerates (it skips the parent by node, not by arc). */
static inline uint32_t
neighbour(const mkg_graph *g, uint32_t v, uint32_t i, uint32_t outdeg)
{
	return i < outdeg ? g->arc_head[g->out_start[v] + i]
	                  : g->in_tail[g->in_start[v] + i - outdeg];
}

/*
 * Lowpoint search over every component.  disc[v] is the discovery time
 * (0: unvisited), low[v] the least discovery time reachable from v's
 * subtree by one non-tree edge.  A non-root v is an articulation point when
 * a child c has low[c] >= disc[v]; a root when it has two children or more;
 * the tree edge (p, c) is a bridge when low[c] > disc[p].  Iterative: the
 * stack holds the current path, pos[v] the next neighbour of v to look at.
 */
static void
search(const mkg_graph *g, uint8_t *is_ap, GArray *bridges)
{
	uint32_t n = g->n, time = 0;
	uint32_t *disc = g_new0(uint32_t, n ? n : 1);
	uint32_t *low = g_new(uint32_t, n ? n : 1);
	uint32_t *parent = g_new(uint32_t, n ? n : 1);
	uint32_t *pos = g_new(uint32_t, n ? n : 1);
	uint32_t *stack = g_new(uint32_t, n ? n : 1);

	for (uint32_t root = 0; root < n; root++) {
		uint32_t sp = 0, root_children = 0;

		if (disc[root])
			continue;
		disc[root] = low[root] = ++time;
		parent[root] = NONE;
		pos[root] = 0;
		stack[sp++] = root;
		while (sp > 0) {
			uint32_t v = stack[sp - 1];
			uint32_t outdeg = g->out_start[v + 1] - g->out_start[v];
			uint32_t deg = outdeg + g->in_start[v + 1] - g->in_start[v];
			uint32_t i = pos[v], lv = low[v], p = parent[v];
			bool descended = false;

			while (i < deg) {
				uint32_t w = neighbour(g, v, i++, outdeg);

				if (disc[w] == 0) {
					parent[w] = v;
					disc[w] = low[w] = ++time;
					pos[w] = 0;
					stack[sp++] = w;
					if (v == root)
						root_children++;
					descended = true;
					break;
				}
				if (w != p && disc[w] < lv)
					lv = disc[w];
			}
			pos[v] = i;
			low[v] = lv;
			if (descended)
				continue;
			/* v is finished: report to its parent. */
			sp--;
			if (p == NONE)
				continue;
			if (lv < low[p])
				low[p] = lv;
			if (lv >= disc[p] && p != root)
				is_ap[p] = 1;
			if (lv > disc[p]) {
				tree_edge e = { p, v, pos[p] - 1 };

				g_array_append_val(bridges, e);
			}
		}
		if (root_children >= 2)
			is_ap[root] = 1;
	}
	g_free(disc);
	g_free(low);
	g_free(parent);
	g_free(pos);
	g_free(stack);
}

/* The volume over a bridge, both directions added.  The tree arc is known
 * from its position in the parent's adjacency; the reverse arc is looked up
 * among the child's arcs, so each node is searched at most once as a
 * child: O(E) over all bridges, even around hubs. */
static double
bridge_reverse_volume(const mkg_graph *g, const tree_edge *e, double *vol)
{
	uint32_t p = e->parent, c = e->child;
	uint32_t outdeg = g->out_start[p + 1] - g->out_start[p];
	uint32_t k;

	if (e->adj < outdeg) {
		/* tree arc p -> c; reverse c -> p among c's out-arcs */
		*vol = g->arc_volume[g->out_start[p] + e->adj];
		for (k = g->out_start[c]; k < g->out_start[c + 1]; k++)
			if (g->arc_head[k] == p)
				return g->arc_volume[k];
	} else {
		/* tree arc c -> p; reverse p -> c among c's in-arcs */
		*vol = g->arc_volume[g->in_arc[g->in_start[p] + e->adj - outdeg]];
		for (k = g->in_start[c]; k < g->in_start[c + 1]; k++)
			if (g->in_tail[k] == p)
				return g->arc_volume[g->in_arc[k]];
	}
	return 0.0;
}

/* The volume of a bridge in both directions: MKG_EDATA when the two
 * (each finite) overflow together. */
static int
bridge_volume(const mkg_graph *g, const mkg_model *m, const tree_edge *e, double *out)
{
	double vol, reverse = bridge_reverse_volume(g, e, &vol);

	if (!mkg__sum_add(&vol, reverse))
		return mkg__error(MKG_EDATA,
		                  "cutpoints: the volume between actors \"%s\" and \"%s\" overflows "
		                  "(sum of the transactions' volume exceeds " MKG_SUM_LIMIT ")",
		                  MKG_ACTOR(m, g->node_actor[e->parent])->id,
		                  MKG_ACTOR(m, g->node_actor[e->child])->id);
	*out = vol;
	return MKG_OK;
}

int
mkg_cutpoints_new(mkg_cutpoints **out, const mkg_model *model,
                  const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	const mkg_graph *g;
	const uint32_t *order, *rank;
	uint8_t *is_ap;
	GArray *bridges;
	mkg__keyed *items;
	mkg_cutpoints *c;
	double *volume;
	size_t k, i;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	/* Only the version and the chain are read: cut points ignore sources
	 * and sinks. */
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if ((rc = mkg__graph_get(model, o.chain, "cutpoints", &g)) != MKG_OK)
		return rc;
	if ((rc = mkg__graph_check_volume(g, model, "cutpoints")) != MKG_OK)
		return rc;
	is_ap = g_new0(uint8_t, g->n ? g->n : 1);
	bridges = g_array_new(FALSE, FALSE, sizeof(tree_edge));
	search(g, is_ap, bridges);
	volume = g_new(double, bridges->len ? bridges->len : 1);
	for (i = 0; i < bridges->len; i++) {
		rc = bridge_volume(g, model, &g_array_index(bridges, tree_edge, i), &volume[i]);
		if (rc != MKG_OK) {
			g_free(volume);
			g_array_free(bridges, TRUE);
			g_free(is_ap);
			return rc;
		}
	}
	mkg__graph_id_order(g, model, &order, &rank);

	c = g_new0(mkg_cutpoints, 1);
	c->ids = mkg__ids_ref(mkg__graph_ids(g, model));

	/* Articulation points: listed in id order, then sorted stably by
	 * throughput descending. */
	for (i = 0, k = 0; i < g->n; i++)
		k += is_ap[i];
	items = g_new(mkg__keyed, k ? k : 1);
	for (i = 0, k = 0; i < g->n; i++) {
		uint32_t v = order[i];

		if (is_ap[v]) {
			items[k].key = mkg__key_desc(fmax(g->node_sold[v], g->node_bought[v]));
			items[k++].item = v;
		}
	}
	mkg__radix_sort(items, k);
	c->ap_count = k;
	c->ap = g_new(mkg_articulation_point, k ? k : 1);
	for (i = 0; i < k; i++) {
		uint32_t v = items[i].item;

		c->ap[i].actor = c->ids->id[v];
		c->ap[i].throughput = fmax(g->node_sold[v], g->node_bought[v]);
	}
	g_free(items);

	/* Bridges: by the ranks of the two ids, then stably by volume. */
	k = bridges->len;
	items = g_new(mkg__keyed, k ? k : 1);
	for (i = 0; i < k; i++) {
		const tree_edge *e = &g_array_index(bridges, tree_edge, i);
		uint64_t a = rank[e->parent], b = rank[e->child];

		items[i].key = a < b ? (a << 32 | b) : (b << 32 | a);
		items[i].item = (uint32_t)i;
	}
	mkg__radix_sort(items, k);
	for (i = 0; i < k; i++)
		items[i].key = mkg__key_desc(volume[items[i].item]);
	mkg__radix_sort(items, k);
	c->bridge_count = k;
	c->bridge = g_new(mkg_bridge, k ? k : 1);
	for (i = 0; i < k; i++) {
		const tree_edge *e = &g_array_index(bridges, tree_edge, items[i].item);
		uint32_t a = e->parent, b = e->child;

		if (rank[a] > rank[b]) {
			a = e->child;
			b = e->parent;
		}
		c->bridge[i].actors[0] = c->ids->id[a];
		c->bridge[i].actors[1] = c->ids->id[b];
		c->bridge[i].volume = volume[items[i].item];
	}
	g_free(items);
	g_free(volume);
	g_array_free(bridges, TRUE);
	g_free(is_ap);
	*out = c;
	return MKG_OK;
}

void
mkg_cutpoints_free(mkg_cutpoints *c)
{
	if (c == NULL)
		return;
	mkg__ids_unref(c->ids);
	g_free(c->ap);
	g_free(c->bridge);
	g_free(c);
}

size_t
mkg_cutpoints_articulation_count(const mkg_cutpoints *c)
{
	return c ? c->ap_count : 0;
}

const mkg_articulation_point *
mkg_cutpoints_articulation_at(const mkg_cutpoints *c, size_t i)
{
	return c && i < c->ap_count ? &c->ap[i] : NULL;
}

size_t
mkg_cutpoints_bridge_count(const mkg_cutpoints *c)
{
	return c ? c->bridge_count : 0;
}

const mkg_bridge *
mkg_cutpoints_bridge_at(const mkg_cutpoints *c, size_t i)
{
	return c && i < c->bridge_count ? &c->bridge[i] : NULL;
}
