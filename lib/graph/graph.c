/* marketgraph: the produce graph view (CSR in both directions), built in
 * O(V + E) with counting sorts and cached in the model.
 * SPDX-License-Identifier: MIT */
#include "graph-private.h"

#include <math.h>
#include <string.h>

#define NO_NODE UINT32_MAX
#define DIGIT_BITS 11
#define BUCKETS (1u << DIGIT_BITS)

/* A produce transaction on its way into the arrays: 32 bytes, moved as a
 * whole by the radix passes. */
typedef struct tx_rec {
	uint32_t tail;   /* seller: actor index, then node */
	uint32_t head;   /* buyer: actor index, then node */
	double volume;
	double value;
	double capacity;
} tx_rec;

/* Rank every actor by kind (in mkg_actor_kind order), then by index: the
 * order of the nodes, before we know which actors trade.  Sorting the
 * transactions by this rank of their seller groups them by tail node. */
static uint32_t *
rank_by_kind(const mkg_model *m, uint32_t **by_rank)
{
	const mkg_actor_rec *actors = (const mkg_actor_rec *)(const void *)m->actors->data;
	uint32_t na = m->actors->len, next[MKG_ACTOR_KIND_COUNT] = { 0 }, a, k, sum = 0;
	uint32_t *rank = g_new(uint32_t, na ? na : 1), *inv = g_new(uint32_t, na ? na : 1);

	for (a = 0; a < na; a++)
		next[actors[a].kind]++;
	for (k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		uint32_t c = next[k];

		next[k] = sum;
		sum += c;
	}
	for (a = 0; a < na; a++) {
		rank[a] = next[actors[a].kind]++;
		inv[rank[a]] = a;
	}
	*by_rank = inv;
	return rank;
}

/* Number the actors that trade produce: in rank order (see the header). */
static void
number_nodes(mkg_graph *g, const mkg_model *m, const uint8_t *used, const uint32_t *by_rank)
{
	uint32_t na = m->actors->len, r, v = 0;

	for (r = 0; r < na; r++)
		v += used[by_rank[r]];
	g->n = v;
	g->node_actor = g_new(mkg_idx, v ? v : 1);
	for (r = 0, v = 0; r < na; r++) {
		uint32_t a = by_rank[r];

		if (used[a]) {
			g->node_actor[v] = a;
			g->actor_node[a] = v++;
		} else {
			g->actor_node[a] = NO_NODE;
		}
	}
}

/* The number of 11-bit digits that hold every value below n. */
static unsigned
digits_for(uint32_t n)
{
	unsigned d = 1;

	while (d * DIGIT_BITS < 32 && (n ? n - 1 : 0) >> (d * DIGIT_BITS))
		d++;
	return d;
}

/* Copy the produce transactions out of the model in one sequential pass
 * over its records, keyed by their seller's rank; mark the actors they
 * name and count the digits of the keys for the radix sort. */
static size_t
extract(const mkg_model *m, const uint32_t *rank, tx_rec *rec, uint8_t *used, size_t *count,
        unsigned digits)
{
	const mkg_transaction_rec *tx =
		(const mkg_transaction_rec *)(const void *)m->transactions->data;
	uint32_t nt = m->transactions->len;
	size_t e = 0;

	for (uint32_t t = 0; t < nt; t++) {
		const mkg_transaction_rec *r = &tx[t];
		uint32_t key;

		if (r->service)
			continue;
		used[r->seller] = 1;
		used[r->buyer] = 1;
		key = rank[r->seller];
		rec[e].tail = key;
		rec[e].head = r->buyer;
		rec[e].volume = r->volume;
		rec[e].value = r->value;
		rec[e].capacity = r->capacity;
		for (unsigned d = 0; d < digits; d++)
			count[d * BUCKETS + ((key >> (d * DIGIT_BITS)) & (BUCKETS - 1))]++;
		e++;
	}
	return e;
}

/*
 * Sort the records by key, stably (model order within a seller): an LSD
 * radix sort with 11-bit digits, a sequential pass per digit where a
 * scatter into a million buckets would miss the cache on every record.
 * Returns the buffer that holds the result (rec or tmp).
 */
static tx_rec *
radix_by_tail(tx_rec *rec, tx_rec *tmp, size_t e, size_t *count, unsigned digits)
{
	for (unsigned d = 0; d < digits; d++) {
		size_t *c = count + (size_t)d * BUCKETS, sum = 0;
		unsigned shift = d * DIGIT_BITS;
		tx_rec *t;

		if (e == 0 || c[(rec[0].tail >> shift) & (BUCKETS - 1)] == e)
			continue; /* one bucket: already in order */
		for (unsigned b = 0; b < BUCKETS; b++) {
			size_t k = c[b];

			c[b] = sum;
			sum += k;
		}
		for (size_t i = 0; i < e; i++)
			tmp[c[(rec[i].tail >> shift) & (BUCKETS - 1)]++] = rec[i];
		t = rec;
		rec = tmp;
		tmp = t;
	}
	return rec;
}

/*
 * Merge the runs of equal head inside each seller's records into one arc:
 * last[h] is the arc that head h last received; an arc numbered below the
 * tail's first belongs to an earlier tail.  The arc arrays are laid out in
 * `block` (room for e records of 32 bytes, as many as the arcs need).
 * Writes out_start, node_sold and each node's in-degree into in_count.
 */
static void
merge(mkg_graph *g, const tx_rec *rec, size_t e, const uint32_t *by_rank, void *block,
      uint32_t *in_count)
{
	uint32_t n = g->n, *last = g_new(uint32_t, n ? n : 1);
	uint32_t k = 0, v = 0;
	size_t i = 0, missing = 0;
	char *b = block;

	g->arc_head = (uint32_t *)(void *)b;
	g->arc_tail = (uint32_t *)(void *)(b + 4 * e);
	g->arc_volume = (double *)(void *)(b + 8 * e);
	g->arc_value = (double *)(void *)(b + 16 * e);
	g->arc_capacity = (double *)(void *)(b + 24 * e);
	memset(last, 0xff, (n ? n : 1) * sizeof *last);
	while (i < e) {
		uint32_t key = rec[i].tail, tail = g->actor_node[by_rank[key]], first = k;
		double sold = 0.0;

		while (v <= tail)
			g->out_start[v++] = first;
		for (; i < e && rec[i].tail == key; i++) {
			uint32_t h = g->actor_node[rec[i].head], a = last[h];
			double x = rec[i].volume, y = rec[i].value, c = rec[i].capacity;

			if (isnan(x)) {
				missing++;
				x = 0.0;
			}
			if (isnan(y))
				y = 0.0;
			if (isnan(c))
				c = HUGE_VAL;
			if (a != NO_NODE && a >= first) {
				g->arc_volume[a] += x;
				g->arc_value[a] += y;
				g->arc_capacity[a] += c;
			} else {
				last[h] = k;
				g->arc_head[k] = h;
				g->arc_tail[k] = tail;
				g->arc_volume[k] = x;
				g->arc_value[k] = y;
				g->arc_capacity[k] = c;
				in_count[h]++;
				k++;
			}
		}
		/* sold: the merged arcs in arc order, as every later reader adds */
		for (uint32_t a = first; a < k; a++)
			sold += g->arc_volume[a];
		g->node_sold[tail] = sold;
	}
	while (v <= n)
		g->out_start[v++] = k;
	g->m = k;
	g->missing_volume = missing;
	g_free(last);
}

/* The reverse CSR: a counting sort of the arcs by head, in arc order, into
 * `block` (room for 2m indices); node_bought adds the entering arcs in
 * that order. */
static void
build_in(mkg_graph *g, uint32_t *pos, uint32_t *block)
{
	uint32_t n = g->n, m = g->m, v, a, sum = 0;

	for (v = 0; v < n; v++) {
		uint32_t c = pos[v];

		g->in_start[v] = sum;
		pos[v] = sum;
		sum += c;
		g->node_bought[v] = 0.0;
	}
	g->in_start[n] = sum;
	g->in_arc = block;
	g->in_tail = block + m;
	for (a = 0; a < m; a++) {
		uint32_t h = g->arc_head[a], p = pos[h]++;

		g->in_arc[p] = a;
		g->in_tail[p] = g->arc_tail[a];
		g->node_bought[h] += g->arc_volume[a];
	}
}

/*
 * Memory: the records are copied once into a buffer of 32 bytes each and
 * sorted through a second one; the arcs are then laid out in whichever
 * buffer the sort left free, and the reverse CSR in the other, so the
 * pages touched for sorting are the pages of the graph.
 */
mkg_graph *
mkg__graph_build(const mkg_model *m)
{
	uint32_t na = m->actors->len, nt = m->transactions->len, *by_rank, *rank, *in_count;
	unsigned digits = digits_for(na);
	size_t *count = g_new0(size_t, (size_t)digits * BUCKETS), e;
	mkg_graph *g = g_new0(mkg_graph, 1);
	uint8_t *used = g_new0(uint8_t, na ? na : 1);
	tx_rec *rec = g_new(tx_rec, nt ? nt : 1), *tmp, *sorted;

	rank = rank_by_kind(m, &by_rank);
	e = extract(m, rank, rec, used, count, digits);
	g_free(rank);
	g->produce_transactions = e;
	g->actor_node = g_new(uint32_t, na ? na : 1);
	number_nodes(g, m, used, by_rank);
	g_free(used);

	tmp = g_new(tx_rec, e ? e : 1);
	sorted = radix_by_tail(rec, tmp, e, count, digits);
	g_free(count);
	g->arc_block = sorted == rec ? (void *)tmp : (void *)rec;
	g->out_start = g_new(uint32_t, g->n + 1);
	g->in_start = g_new(uint32_t, g->n + 1);
	g->node_sold = g_new(double, g->n ? g->n : 1);
	g->node_bought = g_new(double, g->n ? g->n : 1);
	in_count = g_new0(uint32_t, g->n + 1);
	merge(g, sorted, e, by_rank, g->arc_block, in_count);
	g_free(by_rank);
	/* The sorted records are read: their pages take the reverse CSR. */
	g->in_block = g_realloc(sorted, 2 * sizeof(uint32_t) * (g->m ? g->m : 1));
	build_in(g, in_count, g->in_block);
	g_free(in_count);
	return g;
}

void
mkg__graph_free(mkg_graph *g)
{
	if (g == NULL)
		return;
	g_free(g->node_actor);
	g_free(g->actor_node);
	g_free(g->out_start);
	g_free(g->arc_block);
	g_free(g->in_start);
	g_free(g->in_block);
	g_free(g->node_sold);
	g_free(g->node_bought);
	g_free(g->id_order);
	g_free(g);
}

static void
graph_free_cb(void *g)
{
	mkg__graph_free(g);
}

const mkg_graph *
mkg__graph_get(const mkg_model *model)
{
	/* The cache is logically const: readers of one unmodified model only
	 * ever see a complete graph, built once under the lock. */
	mkg_model *m = (mkg_model *)(uintptr_t)model;
	const mkg_graph *g;

	g_mutex_lock(&m->derived_lock);
	if (m->derived_graph == NULL || m->derived_graph_revision != m->revision) {
		if (m->derived_graph)
			m->derived_graph_free(m->derived_graph);
		m->derived_graph = mkg__graph_build(model);
		m->derived_graph_revision = m->revision;
		m->derived_graph_free = graph_free_cb;
	}
	g = m->derived_graph;
	g_mutex_unlock(&m->derived_lock);
	return g;
}

/* Up to 8 bytes of s, big-endian, zero-padded: comparing chunks as
 * integers compares the bytes as strcmp() does. */
static uint64_t
chunk(const char *s)
{
	uint64_t k = 0;

	for (int i = 0; i < 8 && s[i]; i++)
		k |= (uint64_t)(unsigned char)s[i] << (56 - 8 * i);
	return k;
}

/* it[lo..hi) is sorted by the first off + 8 bytes of the ids: sort each
 * run of equal bytes by the bytes that follow (MSD radix by 8-byte chunks;
 * short runs by insertion).  The depth is at most the id length / 8. */
static void
refine(mkg__keyed *it, size_t lo, size_t hi, size_t off, const char *const *ids)
{
	size_t i = lo, j, k;

	while (i < hi) {
		for (j = i + 1; j < hi && it[j].key == it[i].key; j++)
			;
		/* a zero last byte: the ids ended, and ids are unique */
		if (j - i > 1 && (it[i].key & 0xff) != 0) {
			if (j - i < 32) {
				for (k = i + 1; k < j; k++) {
					mkg__keyed x = it[k];
					size_t p = k;

					for (; p > i && strcmp(ids[it[p - 1].item] + off + 8,
					                       ids[x.item] + off + 8) > 0; p--)
						it[p] = it[p - 1];
					it[p] = x;
				}
			} else {
				for (k = i; k < j; k++)
					it[k].key = chunk(ids[it[k].item] + off + 8);
				mkg__radix_sort(it + i, j - i);
				refine(it, i, j, off + 8, ids);
			}
		}
		i = j;
	}
}

void
mkg__graph_id_order(const mkg_graph *g, const mkg_model *m, const uint32_t **order,
                    const uint32_t **rank)
{
	/* Logically const, as the cache in the model: g_once makes the first
	 * caller sort and every other wait for it. */
	mkg_graph *mg = (mkg_graph *)(uintptr_t)g;

	if (g_once_init_enter(&mg->id_order)) {
		uint32_t n = g->n, i;
		uint32_t *o = g_new(uint32_t, 2 * (size_t)n + 1);
		const char **ids = g_new(const char *, n ? n : 1);
		mkg__keyed *it = g_new(mkg__keyed, n ? n : 1);

		for (i = 0; i < n; i++) {
			ids[i] = MKG_ACTOR(m, g->node_actor[i])->id;
			it[i].key = chunk(ids[i]);
			it[i].item = i;
		}
		mkg__radix_sort(it, n);
		refine(it, 0, n, 0, ids);
		for (i = 0; i < n; i++) {
			o[i] = it[i].item;
			o[n + it[i].item] = i;
		}
		g_free(it);
		g_free(ids);
		g_once_init_leave(&mg->id_order, o);
	}
	*order = g->id_order;
	*rank = g->id_order + g->n;
}
