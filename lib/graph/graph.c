/* marketgraph: the produce graph view of one chain (CSR in both
 * directions), built in O(V + E) with counting sorts; chains.c caches it
 * in the model.
 * SPDX-License-Identifier: MIT */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise() */
#endif
#include "graph-private.h"
#include "graph-build-private.h"
#include "core-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NO_NODE UINT32_MAX
/* How many transactions ahead a pass asks for the actor's counters: the
 * records stream in order, the counters are read at random. */
#define AHEAD 16

/* Arrays from this size on are placed in transparent huge pages. */
#define HUGE_PAGE ((size_t)2 << 20)
#define LARGE_MIN (2 * HUGE_PAGE)

/*
 * An array of the graph (freed with g_free, resized with g_renew), in
 * huge pages when large: the graph's arrays are written once, all fresh,
 * and this machine takes a page fault per 4 KiB page at about 3 ms per MB
 * (a million actors: 0.3-0.5 s of a build that is otherwise 0.13 s);
 * with 2 MiB pages, 512 times fewer faults.  A partly used last huge page
 * costs at most 2 MiB of resident memory per array.  Where huge pages are
 * unknown or refused, the memory is the ordinary kind.
 */
static void *
alloc_large(size_t count, size_t size, bool zero)
{
	size_t bytes = count * size;
	void *p = NULL;

	if (count != 0 && bytes / count != size)
		g_error("%s: overflow allocating %zu*%zu bytes", G_STRLOC, count, size);
#ifdef MADV_HUGEPAGE
	if (bytes >= LARGE_MIN && posix_memalign(&p, HUGE_PAGE, bytes) == 0) {
		mkg__memory_huge(p, bytes, false);
		if (zero)
			memset(p, 0, bytes);
		return p;
	}
#endif
	return zero ? g_malloc0(bytes ? bytes : 1) : g_malloc(bytes ? bytes : 1);
}

#define LARGE_NEW(type, count) ((type *)alloc_large((count), sizeof(type), false))
#define LARGE_NEW0(type, count) ((type *)alloc_large((count), sizeof(type), true))

double
mkg__chain_factor_slow(mkg__chain_filter *f, const mkg_transaction_rec *r)
{
	const char *primary;
	double factor;
	size_t slot = ((uintptr_t)r->commodity >> 3) % MKG__CHAIN_MEMO;

	mkg__tx_primary(f->m, f->cc, r, &primary, &factor);
	f->memo[slot].commodity = r->commodity;
	f->memo[slot].factor = primary == f->primary ? factor : 0.0;
	return f->memo[slot].factor;
}

/* First pass over the transactions: mark the actors that trade produce of
 * the chain and count the produce sales of each. */
static size_t
count_sales(const mkg_model *m, mkg__chain_filter *f, uint8_t *used, uint32_t *sales)
{
	const mkg_transaction_rec *tx =
		(const mkg_transaction_rec *)(const void *)m->transactions->data;
	uint32_t nt = m->transactions->len;
	size_t e = 0;

	for (uint32_t t = 0; t < nt; t++) {
		const mkg_transaction_rec *r = &tx[t];

		if (t + AHEAD < nt) {
			__builtin_prefetch(&sales[r[AHEAD].seller], 1);
			__builtin_prefetch(&used[r[AHEAD].buyer], 1);
		}
		if (r->service || mkg__chain_factor(f, r) == 0.0)
			continue;
		used[r->seller] = 1;
		used[r->buyer] = 1;
		sales[r->seller]++;
		e++;
	}
	return e;
}

/* Number the actors that trade produce, grouped by kind (see the header);
 * the kinds are read once, from the model's column of kinds, into a byte
 * per actor. */
static void
number_nodes(mkg_graph *g, const mkg_model *m, uint8_t *used)
{
	const uint8_t *kinds = m->actor_kinds->data;
	uint32_t na = m->actors->len, next[MKG_ACTOR_KIND_COUNT] = { 0 }, a, k, sum = 0;

	for (a = 0; a < na; a++) {
		if (used[a]) {
			used[a] = (uint8_t)(kinds[a] + 1);
			next[kinds[a]]++;
		}
	}
	for (k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		uint32_t c = next[k];

		next[k] = sum;
		sum += c;
	}
	g->n = sum;
	g->node_actor = LARGE_NEW(mkg_idx, sum ? sum : 1);
	g->node_kind = LARGE_NEW(uint8_t, sum ? sum : 1);
	for (a = 0; a < na; a++) {
		if (used[a]) {
			uint32_t v = next[used[a] - 1]++;

			g->node_actor[v] = a;
			g->node_kind[v] = (uint8_t)(used[a] - 1);
			g->actor_node[a] = v;
		} else {
			g->actor_node[a] = NO_NODE;
		}
	}
}

/* Most transactions of a block of sellers (see build_out), unless the
 * graph is so large that the blocks would be too many to write to at once. */
#define BLOCK_MIN 4096
#define BLOCKS_MAX 1024

/* A produce transaction in primary units, between the two sorts. */
typedef struct staged {
	uint32_t head;           /* buyer node */
	double volume, value, capacity; /* NaN: absent */
} staged;

/* The merge of one seller's transactions, in model order, into its arcs:
 * last[h] remembers the arc that head h last received, and an arc below
 * first belongs to an earlier tail. */
typedef struct merge {
	mkg_graph *g;
	uint32_t *last, *head, *tail, *in_count;
	double *vol, *val, *cap;
	uint32_t k, first;
	size_t missing;
} merge;

static inline void
merge_one(merge *s, uint32_t v, uint32_t h, double x, double y, double c)
{
	uint32_t a = s->last[h];

	if (isnan(x)) {
		s->missing++;
		x = 0.0;
	}
	if (isnan(y))
		y = 0.0;
	if (isnan(c))
		c = HUGE_VAL;
	if (a != NO_NODE && a >= s->first) {
		s->vol[a] += x;
		s->val[a] += y;
		s->cap[a] += c;
	} else {
		uint32_t k = s->k++;

		s->last[h] = k;
		s->head[k] = h;
		s->tail[k] = v;
		s->vol[k] = x;
		s->val[k] = y;
		s->cap[k] = c;
		s->in_count[h]++;
	}
}

/* Close seller v's arcs: its first arc, and node_sold as the merged arcs
 * in arc order, as every later reader adds. */
static void
merge_close(merge *s, uint32_t v)
{
	double sold = 0.0;

	for (uint32_t i = s->first; i < s->k; i++)
		sold += s->vol[i];
	s->g->out_start[v] = s->first;
	s->g->node_sold[v] = sold;
	s->first = s->k;
}

/*
 * Sort the produce transactions by seller node, keeping model order within
 * a seller, and merge the runs of equal buyer into arcs.  A counting sort
 * with a bucket per seller writes each transaction to a random place of
 * four large arrays; instead the nodes are cut into blocks of consecutive
 * sellers with at most `limit` transactions each (or one seller), the
 * transactions are first distributed by block (a few hundred sequential
 * streams, into the arc arrays themselves), then each block is sorted by
 * seller in a small buffer that stays in cache and merged from there into
 * the arc arrays, in order: a block's arcs never pass its own staged
 * slots, all read before.  A one-seller block is already in order and
 * merged in place.  Also sums node_sold and counts each node's in-degree
 * into in_count.  pos: the sales of each actor on entry, then scratch.
 */
static void
build_out(mkg_graph *g, const mkg_model *m, mkg__chain_filter *f, uint32_t *pos, size_t e,
          uint32_t *in_count)
{
	const mkg_transaction_rec *tx =
		(const mkg_transaction_rec *)(const void *)m->transactions->data;
	uint32_t nt = m->transactions->len, n = g->n, t, v, b, blocks = 0, sum = 0, fill = 0;
	size_t limit = e / BLOCKS_MAX > BLOCK_MIN ? e / BLOCKS_MAX : BLOCK_MIN;
	uint32_t *block_node = g_new(uint32_t, (size_t)n + 1), *block_pos;
	staged *buf;
	merge s = { g, LARGE_NEW(uint32_t, n ? n : 1), LARGE_NEW(uint32_t, e ? e : 1),
	            LARGE_NEW(uint32_t, e ? e : 1), in_count, LARGE_NEW(double, e ? e : 1),
	            LARGE_NEW(double, e ? e : 1), LARGE_NEW(double, e ? e : 1), 0, 0, 0 };

	/* out_start: the first slot of each seller; blocks cut in node order,
	 * pos[a]: the block of seller a */
	for (v = 0; v < n; v++) {
		uint32_t a = g->node_actor[v], c = pos[a];

		if (v == 0 || (fill > 0 && fill + (size_t)c > limit)) {
			block_node[blocks++] = v;
			fill = 0;
		}
		fill += c;
		g->out_start[v] = sum;
		pos[a] = blocks - 1;
		sum += c;
	}
	g->out_start[n] = sum;
	block_node[blocks] = n;
	block_pos = g_new(uint32_t, (size_t)blocks + 1);
	for (b = 0; b <= blocks; b++)
		block_pos[b] = g->out_start[block_node[b]];

	/* by block: the buyer and seller as actor indices, primary equivalents
	 * (NaN stays NaN: absent) */
	for (t = 0; t < nt; t++) {
		const mkg_transaction_rec *r = &tx[t];
		double factor;
		uint32_t p;

		if (t + AHEAD < nt)
			__builtin_prefetch(&pos[r[AHEAD].seller]);
		if (r->service || (factor = mkg__chain_factor(f, r)) == 0.0)
			continue;
		p = block_pos[pos[r->seller]]++;
		s.head[p] = r->buyer;
		s.tail[p] = r->seller;
		s.vol[p] = r->volume * factor;
		s.val[p] = r->value;
		s.cap[p] = r->capacity * factor;
	}

	/* cleared: every slot a block reads is written first, but the
	 * analyzer cannot follow the slots (128 KB, once per chain) */
	buf = g_new0(staged, limit);
	memset(s.last, 0xff, (n ? n : 1) * sizeof *s.last);
	for (b = 0; b < blocks; b++) {
		uint32_t v0 = block_node[b], v1 = block_node[b + 1], lo = g->out_start[v0];
		uint32_t hi = g->out_start[v1], i;

		if (v1 - v0 == 1) {
			for (i = lo; i < hi; i++)
				merge_one(&s, v0, g->actor_node[s.head[i]], s.vol[i], s.val[i], s.cap[i]);
			merge_close(&s, v0);
			continue;
		}
		/* pos[v]: the next slot of seller node v in buf */
		for (v = v0; v < v1; v++)
			pos[v] = g->out_start[v] - lo;
		for (i = lo; i < hi; i++) {
			staged *x = &buf[pos[g->actor_node[s.tail[i]]]++];

			x->head = g->actor_node[s.head[i]];
			x->volume = s.vol[i];
			x->value = s.val[i];
			x->capacity = s.cap[i];
		}
		for (v = v0; v < v1; v++) {
			uint32_t end = g->out_start[v + 1] - lo;

			for (i = g->out_start[v] - lo; i < end; i++)
				merge_one(&s, v, buf[i].head, buf[i].volume, buf[i].value, buf[i].capacity);
			merge_close(&s, v);
		}
	}
	g->out_start[n] = s.k;
	g->m = s.k;
	g->missing_volume = s.missing;
	/* Shrinking keeps the prefix in place. */
	g->arc_head = g_renew(uint32_t, s.head, s.k ? s.k : 1);
	g->arc_tail = g_renew(uint32_t, s.tail, s.k ? s.k : 1);
	g->arc_volume = g_renew(double, s.vol, s.k ? s.k : 1);
	g->arc_value = g_renew(double, s.val, s.k ? s.k : 1);
	g->arc_capacity = g_renew(double, s.cap, s.k ? s.k : 1);
	g_free(buf);
	g_free(block_pos);
	g_free(block_node);
	g_free(s.last);
}

/* The reverse CSR: a counting sort of the arcs by head, in arc order;
 * node_bought adds the entering arcs in that order. */
static void
build_in(mkg_graph *g, uint32_t *pos)
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
	g->in_arc = LARGE_NEW(uint32_t, m ? m : 1);
	g->in_tail = LARGE_NEW(uint32_t, m ? m : 1);
	for (a = 0; a < m; a++) {
		uint32_t h = g->arc_head[a], p = pos[h]++;

		g->in_arc[p] = a;
		g->in_tail[p] = g->arc_tail[a];
		g->node_bought[h] += g->arc_volume[a];
	}
}

/* Volumes are >= 0, so a sum that passed DBL_MAX stays infinite: finding
 * the infinite node sums afterwards finds every overflow of the build
 * (arcs included, each being part of its tail's sales). */
static void
find_overflow(mkg_graph *g)
{
	g->overflow_node = UINT32_MAX;
	for (uint32_t v = 0; v < g->n; v++) {
		if (!isfinite(g->node_sold[v]) || !isfinite(g->node_bought[v])) {
			g->overflow_node = v;
			g->overflow_bought = isfinite(g->node_sold[v]);
			return;
		}
	}
}

/* Two passes over the transactions (count, then place), one over the
 * placed arcs (merge) and one over the arcs (reverse CSR): O(V + E). */
mkg_graph *
mkg__graph_build_chain(const mkg_model *m, const mkg_commodity_chains *cc, const mkg_chain *chain,
                       uint32_t model_chains)
{
	uint32_t na = m->actors->len, *sales, *in_count;
	mkg_graph *g = g_new0(mkg_graph, 1);
	uint8_t *used = LARGE_NEW0(uint8_t, na ? na : 1);
	mkg__chain_filter f = { m, cc, chain->commodity, { { NULL, 0.0 } } };
	size_t e;

	g->chain = *chain;
	g->model_chains = model_chains;
	sales = LARGE_NEW0(uint32_t, na ? na : 1);
	e = count_sales(m, &f, used, sales);
	g->produce_transactions = e;
	g->actor_node = LARGE_NEW(uint32_t, na ? na : 1);
	number_nodes(g, m, used);
	g_free(used);

	g->out_start = LARGE_NEW(uint32_t, g->n + 1);
	g->in_start = LARGE_NEW(uint32_t, g->n + 1);
	g->node_sold = LARGE_NEW(double, g->n ? g->n : 1);
	g->node_bought = LARGE_NEW(double, g->n ? g->n : 1);
	in_count = LARGE_NEW0(uint32_t, g->n + 1);
	build_out(g, m, &f, sales, e, in_count);
	g_free(sales);
	build_in(g, in_count);
	g_free(in_count);
	find_overflow(g);
	return g;
}

int
mkg__graph_check_volume(const mkg_graph *g, const mkg_model *m, const char *who)
{
	if (g->overflow_node == UINT32_MAX)
		return MKG_OK;
	return mkg__error(MKG_EDATA,
	                  "%s: the volume %s by actor \"%s\" overflows (sum of the transactions' "
	                  "volume exceeds " MKG_SUM_LIMIT ")",
	                  who, g->overflow_bought ? "bought" : "sold",
	                  MKG_ACTOR(m, g->node_actor[g->overflow_node])->id);
}

void
mkg__graph_free(mkg_graph *g)
{
	if (g == NULL)
		return;
	g_free(g->node_actor);
	g_free(g->actor_node);
	g_free(g->out_start);
	g_free(g->arc_head);
	g_free(g->arc_tail);
	g_free(g->arc_volume);
	g_free(g->arc_value);
	g_free(g->arc_capacity);
	g_free(g->in_start);
	g_free(g->in_arc);
	g_free(g->in_tail);
	g_free(g->node_sold);
	g_free(g->node_bought);
	g_free(g->node_kind);
	g_free(g->id_order);
	if (g->ids)
		mkg__ids_unref(g->ids);
	g_free(g);
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

const mkg__ids *
mkg__graph_ids(const mkg_graph *g, const mkg_model *m)
{
	mkg_graph *mg = (mkg_graph *)(uintptr_t)g;

	if (g_once_init_enter(&mg->ids)) {
		mkg__ids *ids = g_new(mkg__ids, 1);
		size_t *len = g_new(size_t, g->n ? g->n : 1), total = 0, at = 0;
		uint32_t v;

		for (v = 0; v < g->n; v++) {
			len[v] = strlen(MKG_ACTOR(m, g->node_actor[v])->id) + 1;
			total += len[v];
		}
		ids->refs = 1;
		ids->n = g->n;
		ids->text = g_malloc(total ? total : 1);
		ids->id = g_new(const char *, g->n ? g->n : 1);
		for (v = 0; v < g->n; v++) {
			memcpy(ids->text + at, MKG_ACTOR(m, g->node_actor[v])->id, len[v]);
			ids->id[v] = ids->text + at;
			at += len[v];
		}
		g_free(len);
		g_once_init_leave(&mg->ids, ids);
	}
	return g->ids;
}

mkg__ids *
mkg__ids_ref(const mkg__ids *ids)
{
	mkg__ids *i = (mkg__ids *)(uintptr_t)ids;

	g_atomic_int_inc(&i->refs);
	return i;
}

void
mkg__ids_unref(mkg__ids *ids)
{
	if (ids && g_atomic_int_dec_and_test(&ids->refs)) {
		g_free(ids->id);
		g_free(ids->text);
		g_free(ids);
	}
}
