/* marketgraph: marketing channels and the farmer's share per channel
 * (docs/analyses.md, "Marketing channels"; the rules are in
 * include/marketgraph/channels.h).
 *
 * Per chain, in O((n + A) * P) without enumerating paths:
 *  1. the chain's goods transactions are merged into arcs, one per
 *     (seller, buyer), carrying primary-equivalent volume V, the priced part
 *     of it Vp and its value W;
 *  2. arcs out of end markets are dropped (untraced) and the arcs that close
 *     a cycle, found by an iterative depth-first search in model order, are
 *     dropped too (circulating): what is left is acyclic, and the search's
 *     reverse postorder is a topological order of it;
 *  3. in that order each actor pulls from its sellers a small table of
 *     (kind sequence -> flow, per-step priced volume and value), scaled by
 *     the part of the seller's flow that crosses the arc; a flow that
 *     arrives at an end market is added to the chain's channels.
 * Kind sequences are the nodes of a trie (parent, kind) per chain, so a
 * table entry is keyed by one integer.
 * Every step reads arrays in order or indexed by a local actor (its kind
 * copied once), never a hash table: at a million actors the working set
 * outgrows the caches, and a hash probe or a model record per arc costs a
 * miss each (docs/performance.md, the scaling of `analyze`).
 *
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h" /* mkg__keep; includes analysis-private.h */
#include "marketgraph/channels.h"

#include <string.h>



#define MAX_STEPS (MKG_CHANNELS_MAX_KINDS - 1)
#define OTHER 0u    /* the trie node of the pooled channel "other" */
#define PRODUCER 1u /* the root: every traced flow starts at a producer */

/* One step's sums over the flow crossing it on priced transactions: the
 * volume, its value and the sellers' costs spread over it (cost_arcs); the
 * costs are NaN once a part of the flow comes from a seller without costs
 * (NaN stays NaN through sums and scaling: the step then has none). */
typedef struct step_sum {
	double priced, value, cost;
} step_sum;

/* Flow of one kind sequence at one actor (or, at the end, of one channel).
 * steps[s] for s < depth - 1; "other" keeps steps[0] (the farm gate) only.
 * end: the step into the end market, for channels. */
typedef struct entry {
	uint32_t node;
	double flow;
	step_sum end;
	step_sum steps[MAX_STEPS];
} entry;

typedef struct prefix {
	uint32_t parent;
	uint8_t kind;
	uint8_t depth; /* kinds in the sequence; 0 for "other" */
} prefix;

/* One (seller, buyer) of a chain, in local actor indices. */
typedef struct arc {
	uint32_t seller, buyer;
	double volume, priced, value; /* V, Vp, W */
	double cost;                  /* the seller's costs on W; NaN when it gives none */
	bool kept;
} arc;

typedef struct chain_row {
	mkg_channel_chain pub;
	size_t first, count;       /* its channels in c->channels */
} chain_row;

typedef struct channel_row {
	mkg_channel pub;
	size_t first, count;       /* its steps in c->steps */
} channel_row;

struct mkg_channels {
	GStringChunk *strings;
	const char *currency;
	size_t chain_count, channel_count, step_count;
	chain_row *chains;
	channel_row *channels;
	mkg_channel_step *steps;
};

/* ---- one chain's working state -------------------------------------------- */

/* The largest arrays of a chain, kept for the next: allocated again for
 * each of the chains, they were above malloc's mmap threshold, given back
 * to the system when freed, and each page faulted in again (a fault costs
 * about 10 us of system time on the build machine; docs/performance.md). */
typedef struct reused {
	GArray *arcs;              /* arc: tr->arcs */
	struct node_state *state;  /* [state_size] the tracing's */
	size_t state_size;
	struct arc *in;            /* [in_size] the kept arcs by buyer */
	size_t in_size;
} reused;

typedef struct trace {
	const mkg_model *m;
	const char *commodity;     /* interned primary */
	uint32_t n;                /* local actors */
	reused *reused;
	mkg_idx *actor;            /* [n] model index of local actor */
	uint8_t *kind;             /* [n] its kind */
	GArray *arcs;              /* arc */
	GArray *prefixes;          /* prefix; node = index */
	uint32_t *children;        /* [parent * KIND_COUNT + kind] -> node + 1, 0: none yet */
	uint32_t *pos;             /* [MKG_CHANNELS_PREFIXES + 1] node -> index + 1 in a table */
	GArray *channels;          /* entry, by terminal node: the chain's channels */
	uint32_t *channel_pos;     /* node -> index + 1 in channels */
	mkg_channel_chain sums;
	const double *rate;        /* [2 x model actors] per actor: spending per unit of sales
	                              value (NaN without costs), sales (seller_rates) */
} trace;

static uint32_t
child(trace *tr, uint32_t node, mkg_actor_kind kind)
{
	const prefix *p = &g_array_index(tr->prefixes, prefix, node);
	size_t key = (size_t)node * MKG_ACTOR_KIND_COUNT + (size_t)kind;
	prefix c;

	if (node == OTHER)
		return OTHER;
	if (tr->children[key] != 0)
		return tr->children[key] - 1;
	if (p->depth >= MKG_CHANNELS_MAX_KINDS || tr->prefixes->len > MKG_CHANNELS_PREFIXES)
		return OTHER;
	c.parent = node;
	c.kind = (uint8_t)kind;
	c.depth = (uint8_t)(p->depth + 1);
	g_array_append_val(tr->prefixes, c);
	tr->children[key] = tr->prefixes->len;
	return tr->prefixes->len - 1;
}

static unsigned
depth_of(const trace *tr, uint32_t node)
{
	return g_array_index(tr->prefixes, prefix, node).depth;
}

/* The entry of node in table (pos indexes it), appended empty when new. */
static entry *
entry_for(GArray *table, uint32_t *pos, uint32_t node)
{
	if (pos[node] == 0) {
		entry e;

		memset(&e, 0, sizeof e);
		e.node = node;
		g_array_append_val(table, e);
		pos[node] = table->len;
	}
	return &g_array_index(table, entry, pos[node] - 1);
}

static void
step_add(step_sum *to, const step_sum *from, double scale)
{
	to->priced += from->priced * scale;
	to->value += from->value * scale;
	to->cost += from->cost * scale;
}

/* What an actor holds for its buyers of one kind sequence: its flow and
 * only the steps that move_entry reads (held_steps), in a held table. */
typedef struct held_entry {
	uint32_t node;
	uint32_t first;         /* its steps: the table's steps[first ..] */
	double flow;
} held_entry;

/*
 * Move the part k of the flow x (of kind sequence x->node, its steps so far
 * in x_steps) over arc e into the table of its buyer (kind buyer_kind): its
 * flow, its steps so far, and the new step.
 */
static void
move_entry(trace *tr, GArray *table, uint32_t *pos, const held_entry *x, const step_sum *x_steps,
           double k, const arc *e, mkg_actor_kind buyer_kind)
{
	uint32_t to_node = child(tr, x->node, buyer_kind);
	unsigned from_depth = depth_of(tr, x->node);
	double f = x->flow * k;
	/* f's part of the arc, at most 1 (the flows over an arc add up to at
	 * most its volume), times the arc's sums: f x value / volume could
	 * pass DBL_MAX where the part of the value it computes does not */
	double part = f / e->volume;
	step_sum crossing = { part * e->priced, part * e->value, f > 0 ? part * e->cost : 0.0 };
	entry *to = entry_for(table, pos, to_node);

	to->flow += f;
	if (to_node == OTHER) {
		/* only the farm gate survives the pooling */
		if (from_depth == 1)
			step_add(&to->steps[0], &crossing, 1.0);
		else
			step_add(&to->steps[0], &x_steps[0], k);
	} else {
		for (unsigned s = 0; s + 1 < from_depth; s++)
			step_add(&to->steps[s], &x_steps[s], k);
		step_add(&to->steps[from_depth - 1], &crossing, 1.0);
	}
	if (buyer_kind == MKG_ACTOR_END_MARKET)
		step_add(&to->end, &crossing, 1.0);
}

static int
by_flow(const void *pa, const void *pb)
{
	const entry *a = pa, *b = pb;

	if (a->flow != b->flow)
		return a->flow > b->flow ? -1 : 1;
	return (a->node > b->node) - (a->node < b->node);
}

/* Keep the MKG_CHANNELS_PER_ACTOR largest sequences, pool the rest in "other".
 * A producer's own produce (the root) is never pooled: its next step is the
 * farm gate, which "other" must still see. */
static void
cap_table(GArray *table)
{
	entry other;
	guint kept = 0;
	bool has_other = false;

	if (table->len <= MKG_CHANNELS_PER_ACTOR)
		return;
	g_array_sort(table, by_flow);
	memset(&other, 0, sizeof other);
	other.node = OTHER;
	for (guint i = 0; i < table->len; i++) {
		entry *x = &g_array_index(table, entry, i);

		if (x->node == PRODUCER ||
		    (x->node != OTHER && kept < MKG_CHANNELS_PER_ACTOR - 2)) {
			g_array_index(table, entry, kept++) = *x;
			continue;
		}
		has_other = true;
		other.flow += x->flow;
		step_add(&other.steps[0], &x->steps[0], 1.0);
	}
	g_array_set_size(table, kept);
	if (has_other)
		g_array_append_val(table, other);
}

/* Equal up to rounding: a trader who sells what it bought retains nothing. */
static double
excess(double a, double b)
{
	return a - b > 1e-12 * fmax(fabs(a), fabs(b)) ? a - b : 0.0;
}

/* ---- building the arcs ------------------------------------------------------ */

/*
 * Spread each seller's costs over its arcs: the part of them an arc carries
 * is the seller's rate (costs per unit of sales value, seller_rates) times
 * the arc's value, less what the seller bought of this chain's produce
 * (that is already the purchase price of its step): rate x W - B x W / S,
 * where B is the seller's priced purchases on the chain's arcs.
 */
static void
cost_arcs(trace *tr)
{
	double *bought = g_new0(double, tr->n + 1);

	for (guint i = 0; i < tr->arcs->len; i++) {
		const arc *a = &g_array_index(tr->arcs, arc, i);
		bought[a->buyer] += a->value;
	}
	for (guint i = 0; i < tr->arcs->len; i++) {
		arc *a = &g_array_index(tr->arcs, arc, i);
		mkg_idx s = tr->actor[a->seller];
		double rate = tr->rate[2 * s], sales = tr->rate[2 * s + 1];

		if (!(a->priced > 0))
			continue; /* carries no price, so no costs */
		if (MKG_IS_ABSENT(rate))
			a->cost = MKG_ABSENT;
		else if (sales > 0)
			a->cost = a->value * rate - bought[a->seller] * (a->value / sales);
	}
	g_free(bought);
}

/* Local indices for the actors of txs (in order of appearance), arcs
 * merged per (seller, buyer), numbered by their first transaction, each
 * summing its transactions in their order.  The pairs are found by
 * sorting the transactions by seller (counting sort) and marking each
 * seller's buyers: linear, no hash table. */
static void
build_arcs(trace *tr, const GArray *txs, mkg_idx *local, const double *factor_of)
{
	const mkg_model *m = tr->m;
	guint count = txs->len;
	GArray *actors = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
	uint32_t *seller = g_new(uint32_t, count + 1), *buyer = g_new(uint32_t, count + 1);
	uint32_t *pair = g_new(uint32_t, count + 1), *sorted = g_new(uint32_t, count + 1);
	uint32_t *first = g_new(uint32_t, count + 1), pairs = 0, n;
	uint32_t *start, *mark, *slot, *arc_of;

	for (guint i = 0; i < count; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, g_array_index(txs, uint32_t, i));
		mkg_idx ends[2] = { t->seller, t->buyer };

		for (int e = 0; e < 2; e++)
			if (local[ends[e]] == MKG_IDX_NONE) {
				local[ends[e]] = actors->len;
				g_array_append_val(actors, ends[e]);
			}
		seller[i] = local[t->seller];
		buyer[i] = local[t->buyer];
	}
	n = actors->len;
	start = g_new0(uint32_t, n + 2);
	for (guint i = 0; i < count; i++)
		start[seller[i] + 2]++;
	for (uint32_t v = 0; v < n; v++)
		start[v + 2] += start[v + 1];
	for (guint i = 0; i < count; i++)
		sorted[start[seller[i] + 1]++] = i; /* start[v + 1] ends as v's end */
	/* each seller's transactions in order: the first to a buyer opens a pair */
	mark = g_new(uint32_t, n + 1);
	slot = g_new(uint32_t, n + 1);
	memset(mark, 0xff, sizeof(uint32_t) * (n + 1));
	for (uint32_t v = 0; v < n; v++)
		for (uint32_t k = start[v]; k < start[v + 1]; k++) {
			uint32_t i = sorted[k], b = buyer[i];

			if (mark[b] != v) {
				mark[b] = v;
				slot[b] = pairs;
				first[pairs++] = i;
			}
			pair[i] = slot[b];
		}
	/* arcs numbered by their first transaction: sorted[i] = the pair that
	 * transaction i opens, or none */
	arc_of = g_new(uint32_t, pairs + 1);
	memset(sorted, 0xff, sizeof(uint32_t) * (count + 1));
	for (uint32_t p = 0; p < pairs; p++)
		sorted[first[p]] = p;
	g_array_set_size(tr->arcs, pairs);
	for (guint i = 0, next = 0; i < count; i++)
		if (sorted[i] != UINT32_MAX) {
			arc fresh = { seller[i], buyer[i], 0, 0, 0, 0, true };

			arc_of[sorted[i]] = next;
			g_array_index(tr->arcs, arc, next++) = fresh;
		}
	for (guint i = 0; i < count; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, g_array_index(txs, uint32_t, i));
		arc *a = &g_array_index(tr->arcs, arc, arc_of[pair[i]]);
		double volume = t->volume * factor_of[i];

		a->volume += volume;
		if (!MKG_IS_ABSENT(t->value)) {
			a->priced += volume;
			a->value += t->value;
		}
	}
	tr->n = n;
	tr->actor = (mkg_idx *)(void *)g_array_free(actors, FALSE);
	cost_arcs(tr);
	tr->kind = g_new(uint8_t, n + 1);
	for (uint32_t i = 0; i < n; i++) {
		tr->kind[i] = (uint8_t)MKG_ACTOR(m, tr->actor[i])->kind;
		local[tr->actor[i]] = MKG_IDX_NONE; /* ready for the next chain */
	}
	g_free(seller);
	g_free(buyer);
	g_free(pair);
	g_free(sorted);
	g_free(first);
	g_free(start);
	g_free(mark);
	g_free(slot);
	g_free(arc_of);
}

/* CSR of the kept arcs by seller (by_buyer false) or buyer, in arc order:
 * list holds arc indices. */
static void
csr(const trace *tr, bool by_buyer, uint32_t **start, uint32_t **list)
{
	uint32_t *s = g_new0(uint32_t, tr->n + 1), *l = g_new(uint32_t, tr->arcs->len + 1);

	for (guint i = 0; i < tr->arcs->len; i++) {
		const arc *a = &g_array_index(tr->arcs, arc, i);
		if (a->kept)
			s[(by_buyer ? a->buyer : a->seller) + 1]++;
	}
	for (uint32_t v = 0; v < tr->n; v++)
		s[v + 1] += s[v];
	{
		uint32_t *fill = g_memdup2(s, sizeof(uint32_t) * (tr->n + 1));
		for (guint i = 0; i < tr->arcs->len; i++) {
			const arc *a = &g_array_index(tr->arcs, arc, i);
			if (a->kept)
				l[fill[by_buyer ? a->buyer : a->seller]++] = i;
		}
		g_free(fill);
	}
	*start = s;
	*list = l;
}

/*
 * Drop the arcs out of end markets and those that close a cycle; return
 * the kept graph's topological order (the search's reverse postorder).
 */
static uint32_t *
break_cycles(trace *tr)
{
	enum { WHITE, GREY, BLACK };
	uint32_t *start, *list, *order = g_new(uint32_t, tr->n + 1), done = tr->n;
	uint32_t *stack = g_new(uint32_t, tr->n + 1), *next = g_new(uint32_t, tr->n + 1);
	uint8_t *color = g_new0(uint8_t, tr->n + 1);

	uint32_t *to;

	for (guint i = 0; i < tr->arcs->len; i++) {
		arc *a = &g_array_index(tr->arcs, arc, i);
		if (tr->kind[a->seller] == MKG_ACTOR_END_MARKET) {
			a->kept = false;
			tr->sums.untraced += a->volume;
		}
	}
	csr(tr, false, &start, &list);
	/* the buyers in the list's order: the search reads them in turn */
	to = g_new(uint32_t, start[tr->n] + 1);
	for (uint32_t k = 0; k < start[tr->n]; k++)
		to[k] = g_array_index(tr->arcs, arc, list[k]).buyer;
	for (uint32_t root = 0; root < tr->n; root++) {
		uint32_t top = 0;

		if (color[root] != WHITE)
			continue;
		stack[top++] = root;
		color[root] = GREY;
		next[root] = start[root];
		while (top > 0) {
			uint32_t v = stack[top - 1];

			if (next[v] == start[v + 1]) {
				color[v] = BLACK;
				order[--done] = v;
				top--;
				continue;
			}
			{
				uint32_t k = next[v]++, b = to[k];
				if (color[b] == GREY) {
					arc *a = &g_array_index(tr->arcs, arc, list[k]);
					a->kept = false;
					tr->sums.circulating += a->volume;
				} else if (color[b] == WHITE) {
					color[b] = GREY;
					next[b] = start[b];
					stack[top++] = b;
				}
			}
		}
	}
	g_free(start);
	g_free(list);
	g_free(to);
	g_free(stack);
	g_free(next);
	g_free(color);
	return order;
}

/* ---- tracing ---------------------------------------------------------------- */

/*
 * Number the local actors in topological order (order[o] becomes o): the
 * tracing then reads its actors' state and in-arcs in order, and a
 * seller's state near its buyers'.  Only the numbers change, not the arcs'
 * order, so every sum is made in the same order as before.
 */
static void
renumber(trace *tr, const uint32_t *order)
{
	uint32_t *rank = g_new(uint32_t, tr->n + 1);
	uint8_t *kind = g_new(uint8_t, tr->n + 1);
	mkg_idx *actor = g_new(mkg_idx, tr->n + 1);

	for (uint32_t o = 0; o < tr->n; o++) {
		rank[order[o]] = o;
		kind[o] = tr->kind[order[o]];
		actor[o] = tr->actor[order[o]];
	}
	for (guint i = 0; i < tr->arcs->len; i++) {
		arc *a = &g_array_index(tr->arcs, arc, i);

		a->seller = rank[a->seller];
		a->buyer = rank[a->buyer];
	}
	g_free(tr->kind);
	tr->kind = kind;
	g_free(tr->actor);
	tr->actor = actor;
	g_free(rank);
}

/* A table an actor holds for its buyers, packed: len entries, then their
 * steps.  An entry's 304 bytes hold the 11 steps of the longest sequence;
 * a held one keeps only those it has, which cuts the memory the tracing
 * writes once and reads once per buyer by three to four times. */
typedef struct held_table {
	guint len;
	held_entry e[];         /* then the steps (step_sum) */
} held_table;

/* The steps of a sequence that move_entry reads: depth - 1 (none at the
 * root), and steps[0] for "other". */
static unsigned
held_steps(const trace *tr, uint32_t node)
{
	return node == OTHER ? 1 : depth_of(tr, node) - 1;
}

static const step_sum *
held_steps_of(const held_table *h)
{
	return (const step_sum *)(const void *)(h->e + h->len);
}

/* The work table (cap_table done) packed into a held table. */
static held_table *
hold(const trace *tr, const GArray *table)
{
	size_t steps = 0;
	held_table *h;
	step_sum *out;

	for (guint x = 0; x < table->len; x++)
		steps += held_steps(tr, g_array_index(table, entry, x).node);
	h = g_malloc(sizeof(held_table) + sizeof(held_entry) * table->len +
	             sizeof(step_sum) * steps);
	h->len = table->len;
	out = (step_sum *)(void *)(h->e + h->len);
	steps = 0;
	for (guint x = 0; x < table->len; x++) {
		const entry *from = &g_array_index(table, entry, x);
		unsigned count = held_steps(tr, from->node);

		h->e[x].node = from->node;
		h->e[x].first = (uint32_t)steps;
		h->e[x].flow = from->flow;
		memcpy(out + steps, from->steps, sizeof(step_sum) * count);
		steps += count;
	}
	return h;
}

/* What the tracing reads of an actor, side by side: one miss per seller. */
struct node_state {
	held_table *table;      /* NULL: nothing to pass on (yet, or any more) */
	double held, sales;
	uint32_t out_left;      /* buyers still to pull from it */
};
typedef struct node_state node_state;

/* Flow arriving at actor b over its kept in-arcs (in[first .. last), copies
 * of the arcs in arc order), pulled from its sellers' tables (into table,
 * or into the chain's channels for an end market). */
static double
pull(trace *tr, mkg_actor_kind kind, GArray *table, uint32_t *pos, node_state *st,
     const arc *in, uint32_t first, uint32_t last)
{
	double received = 0;

	for (uint32_t i = first; i < last; i++) {
		const arc *e = &in[i];
		const node_state *a = &st[e->seller];
		double passed, k;

		if (a->table == NULL || !(a->held > 0))
			continue;
		/* a passes on min(held, sales), split by what it sells to each */
		passed = e->volume * (a->held >= a->sales ? 1.0 : a->held / a->sales);
		k = passed / a->held;
		received += passed;
		for (guint x = 0; x < a->table->len; x++)
			move_entry(tr, table, pos, &a->table->e[x],
			           held_steps_of(a->table) + a->table->e[x].first, k, e, kind);
	}
	return received;
}

/* Trace the chain's flow through the kept arcs in topological order, the
 * actors' (renumber). */
static void
trace_flow(trace *tr)
{
	uint32_t n = tr->n, *in_start, *in_list;
	reused *r = tr->reused;
	node_state *st;
	GArray *work = g_array_new(FALSE, FALSE, sizeof(entry)); /* the actor's table */
	arc *in;

	if (r->state_size < (size_t)n + 1) {
		g_free(r->state);
		r->state = g_new(node_state, n + 1);
		r->state_size = (size_t)n + 1;
	}
	st = r->state;
	memset(st, 0, sizeof(node_state) * (n + 1));
	for (guint i = 0; i < tr->arcs->len; i++) {
		const arc *a = &g_array_index(tr->arcs, arc, i);
		if (a->kept) {
			st[a->seller].sales += a->volume;
			st[a->seller].out_left++;
		}
	}
	csr(tr, true, &in_start, &in_list);
	if (r->in_size < (size_t)in_start[n] + 1) {
		g_free(r->in);
		r->in = g_new(arc, in_start[n] + 1);
		r->in_size = (size_t)in_start[n] + 1;
	}
	in = r->in;
	for (uint32_t k = 0; k < in_start[n]; k++)
		in[k] = g_array_index(tr->arcs, arc, in_list[k]);
	g_free(in_list);
	for (uint32_t o = 0; o < n; o++) {
		uint32_t b = o;
		mkg_actor_kind kind = (mkg_actor_kind)tr->kind[b];
		bool end = kind == MKG_ACTOR_END_MARKET;
		GArray *table = end ? tr->channels : work;
		uint32_t *pos = end ? tr->channel_pos : tr->pos;
		double received, sales = st[b].sales;

		g_array_set_size(work, 0);
		received = pull(tr, kind, table, pos, st, in, in_start[b], in_start[b + 1]);
		/* sellers whose every buyer has pulled give their table back */
		for (uint32_t i = in_start[b]; i < in_start[b + 1]; i++) {
			node_state *a = &st[in[i].seller];
			if (--a->out_left == 0 && a->table != NULL) {
				g_free(a->table);
				a->table = NULL;
			}
		}
		if (end)
			continue;
		for (guint x = 0; x < table->len; x++)
			pos[g_array_index(table, entry, x).node] = 0;
		st[b].held = received;
		if (kind == MKG_ACTOR_PRODUCER) {
			double own = excess(sales, received);

			if (own > 0) {
				entry *e = entry_for(table, pos, PRODUCER);
				e->flow += own;
				pos[PRODUCER] = 0;
				st[b].held += own;
				tr->sums.producer_volume += own;
			}
		} else {
			tr->sums.untraced += excess(sales, received);
		}
		tr->sums.retained += excess(st[b].held, sales);
		cap_table(table);
		if (st[b].out_left > 0 && table->len > 0)
			st[b].table = hold(tr, table);
	}
	for (uint32_t v = 0; v < n; v++)
		g_free(st[v].table);
	g_array_free(work, TRUE);
	g_free(in_start);
}

/* ---- results ---------------------------------------------------------------- */

static double
price(const step_sum *s)
{
	return s->priced > 0 ? s->value / s->priced : MKG_ABSENT;
}

/* Costs per primary unit, when every seller on the priced flow gives costs
 * (else the sum is NaN). */
static double
costs(const step_sum *s)
{
	return s->priced > 0 ? s->cost / s->priced : MKG_ABSENT;
}

static double
minus(double a, double b)
{
	return MKG_IS_ABSENT(a) || MKG_IS_ABSENT(b) ? MKG_ABSENT : a - b;
}

/* Each step's purchase price, value added and net margin, and the
 * channel's sums of them; "other" (no steps) has none. */
static void
margins(mkg_channel *ch, mkg_channel_step *st, size_t n)
{
	ch->value_added = ch->costs = n > 0 ? 0.0 : MKG_ABSENT;
	for (size_t k = 0; k < n; k++) {
		st[k].purchase_price = k == 0 ? 0.0 : st[k - 1].price;
		st[k].value_added = minus(st[k].price, st[k].purchase_price);
		st[k].net_margin = minus(st[k].value_added, st[k].costs);
		ch->value_added = MKG_IS_ABSENT(st[k].value_added) ? MKG_ABSENT
		                                                   : ch->value_added + st[k].value_added;
		ch->costs = MKG_IS_ABSENT(st[k].costs) ? MKG_ABSENT : ch->costs + st[k].costs;
	}
	ch->net_margin = minus(ch->value_added, ch->costs);
}

static void
append_kinds(GString *out, const trace *tr, uint32_t node)
{
	const prefix *p = &g_array_index(tr->prefixes, prefix, node);

	if (node != PRODUCER)
		append_kinds(out, tr, p->parent);
	if (out->len > 0)
		g_string_append(out, " > ");
	g_string_append(out, mkg_actor_kind_name((mkg_actor_kind)p->kind));
}

typedef struct staged {
	mkg_channel pub;
	uint32_t node;
	const entry *sums;
} staged;

static int
by_volume(const void *pa, const void *pb)
{
	const staged *a = pa, *b = pb;

	if ((a->node == OTHER) != (b->node == OTHER))
		return a->node == OTHER ? 1 : -1;
	if (a->pub.volume != b->pub.volume)
		return a->pub.volume > b->pub.volume ? -1 : 1;
	return strcmp(a->pub.kinds, b->pub.kinds);
}

/* Append the chain's channels and steps to the result's lists. */
static void
finish_chain(mkg_channels *c, trace *tr, GArray *chains, GArray *channels, GArray *steps)
{
	chain_row row;
	staged *list = g_new0(staged, tr->channels->len + 1);
	double weighted = 0, weight = 0;
	GString *kinds = g_string_new(NULL);

	memset(&row, 0, sizeof row);
	row.pub = tr->sums;
	for (guint i = 0; i < tr->channels->len; i++) {
		const entry *x = &g_array_index(tr->channels, entry, i);
		staged *s = &list[i];

		g_string_truncate(kinds, 0);
		if (x->node == OTHER)
			g_string_append(kinds, "other");
		else
			append_kinds(kinds, tr, x->node);
		s->node = x->node;
		s->sums = x;
		s->pub.kinds = mkg__keep(c->strings, kinds->str);
		s->pub.volume = x->flow;
		s->pub.farm_price = price(&x->steps[0]);
		s->pub.end_price = price(&x->end);
		s->pub.farmer_share = s->pub.end_price > 0 ? s->pub.farm_price / s->pub.end_price
		                                           : MKG_ABSENT;
		row.pub.flow += x->flow;
	}
	qsort(list, tr->channels->len, sizeof(staged), by_volume);
	row.first = channels->len;
	row.count = tr->channels->len;
	for (guint i = 0; i < tr->channels->len; i++) {
		staged *s = &list[i];
		channel_row ch;

		s->pub.share = row.pub.flow > 0 ? s->pub.volume / row.pub.flow : MKG_ABSENT;
		if (!MKG_IS_ABSENT(s->pub.farmer_share)) {
			weighted += s->pub.volume * s->pub.farmer_share;
			weight += s->pub.volume;
		}
		ch.pub = s->pub;
		ch.first = steps->len;
		ch.count = s->node == OTHER ? 0 : depth_of(tr, s->node) - 1;
		/* the steps' kinds, walking up from the end market */
		g_array_set_size(steps, steps->len + ch.count);
		for (uint32_t node = s->node, k = (uint32_t)ch.count; k > 0; k--) {
			const prefix *p = &g_array_index(tr->prefixes, prefix, node);
			mkg_channel_step *st = &g_array_index(steps, mkg_channel_step, ch.first + k - 1);

			st->buyer_kind = (mkg_actor_kind)p->kind;
			st->seller_kind =
				(mkg_actor_kind)g_array_index(tr->prefixes, prefix, p->parent).kind;
			st->priced_volume = s->sums->steps[k - 1].priced;
			st->value = s->sums->steps[k - 1].value;
			st->price = price(&s->sums->steps[k - 1]);
			st->costs = costs(&s->sums->steps[k - 1]);
			node = p->parent;
		}
		if (ch.count > 0) /* an empty array's data is NULL: no offset on it */
			margins(&ch.pub, (mkg_channel_step *)(void *)steps->data + ch.first, ch.count);
		else
			margins(&ch.pub, NULL, 0);
		g_array_append_val(channels, ch);
	}
	row.pub.producer_share = weight > 0 ? weighted / weight : MKG_ABSENT;
	g_array_append_val(chains, row);
	g_string_free(kinds, TRUE);
	g_free(list);
}

/* ---- the chains --------------------------------------------------------------- */

typedef struct chain_txs {
	const char *commodity; /* interned primary */
	GArray *txs;           /* uint32_t transaction indices with a volume > 0 */
	GArray *factors;       /* double, in step */
	size_t without_volume, without_value;
	double volume, value;  /* checked sums */
} chain_txs;

static void
chain_txs_free(gpointer p)
{
	chain_txs *ct = p;

	g_array_free(ct->txs, TRUE);
	g_array_free(ct->factors, TRUE);
	g_free(ct);
}

static int
by_commodity(const void *a, const void *b)
{
	return strcmp((*(chain_txs *const *)a)->commodity, (*(chain_txs *const *)b)->commodity);
}

#define LIMIT_TAIL " exceeds " MKG_SUM_LIMIT ")"

/* Group the goods transactions by primary commodity (only `only`'s when
 * not NULL), sorted by commodity. */
static int
group_chains(const mkg_model *m, const mkg_commodity_chains *cc, const char *only,
             GPtrArray **out)
{
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *list = g_ptr_array_new_with_free_func(chain_txs_free);
	int rc = MKG_OK;

	for (guint i = 0; i < m->transactions->len && rc == MKG_OK; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		const char *primary;
		double factor, volume;
		chain_txs *ct;

		if (t->service)
			continue;
		mkg__tx_primary(m, cc, t, &primary, &factor);
		if (only != NULL && primary != only)
			continue;
		if ((ct = g_hash_table_lookup(index, primary)) == NULL) {
			ct = g_new0(chain_txs, 1);
			ct->commodity = primary;
			ct->txs = g_array_new(FALSE, FALSE, sizeof(uint32_t));
			ct->factors = g_array_new(FALSE, FALSE, sizeof(double));
			g_hash_table_insert(index, (gpointer)primary, ct);
			g_ptr_array_add(list, ct);
		}
		if (MKG_IS_ABSENT(t->volume) || !(t->volume > 0)) {
			ct->without_volume++;
			continue;
		}
		volume = t->volume * factor;
		ct->without_value += MKG_IS_ABSENT(t->value);
		if (!mkg__sum_add(&ct->volume, volume))
			rc = mkg__error(MKG_EDATA, "channels: the volume of chain \"%s\" overflows (sum "
			                "of the transactions' volume in primary equivalents" LIMIT_TAIL,
			                primary);
		else if (!MKG_IS_ABSENT(t->value) && !mkg__sum_add(&ct->value, t->value))
			rc = mkg__error(MKG_EDATA, "channels: the value of chain \"%s\" overflows (sum "
			                "of the transactions' value" LIMIT_TAIL, primary);
		g_array_append_val(ct->txs, i);
		g_array_append_val(ct->factors, factor);
	}
	g_hash_table_destroy(index);
	if (rc != MKG_OK) {
		g_ptr_array_free(list, TRUE);
		return rc;
	}
	g_ptr_array_sort(list, by_commodity);
	*out = list;
	return MKG_OK;
}

static void
trace_chain(mkg_channels *c, const mkg_model *m, const chain_txs *ct, mkg_idx *local,
            const double *rate, reused *keep, GArray *chains, GArray *channels, GArray *steps)
{
	trace tr;
	prefix other = { OTHER, 0, 0 }, root = { OTHER, MKG_ACTOR_PRODUCER, 1 };
	uint32_t *order;

	memset(&tr, 0, sizeof tr);
	tr.m = m;
	tr.rate = rate;
	tr.commodity = ct->commodity;
	tr.reused = keep;
	tr.arcs = keep->arcs;
	tr.prefixes = g_array_new(FALSE, FALSE, sizeof(prefix));
	g_array_append_val(tr.prefixes, other);
	g_array_append_val(tr.prefixes, root);
	tr.children = g_new0(uint32_t, (size_t)(MKG_CHANNELS_PREFIXES + 2) * MKG_ACTOR_KIND_COUNT);
	tr.pos = g_new0(uint32_t, MKG_CHANNELS_PREFIXES + 2);
	tr.channel_pos = g_new0(uint32_t, MKG_CHANNELS_PREFIXES + 2);
	tr.channels = g_array_new(FALSE, FALSE, sizeof(entry));
	tr.sums.commodity = mkg__keep(c->strings, ct->commodity);
	tr.sums.unit = mkg__keep(c->strings, mkg__commodity_unit(m, ct->commodity));
	tr.sums.transactions = ct->txs->len;
	tr.sums.without_value = ct->without_value;
	tr.sums.without_volume = ct->without_volume;

	build_arcs(&tr, ct->txs, local, (const double *)(void *)ct->factors->data);
	order = break_cycles(&tr);
	renumber(&tr, order);
	trace_flow(&tr);
	finish_chain(c, &tr, chains, channels, steps);

	g_free(order);
	g_free(tr.actor);
	g_free(tr.kind);
	g_array_free(tr.prefixes, TRUE);
	g_free(tr.children);
	g_free(tr.pos);
	g_free(tr.channel_pos);
	g_array_free(tr.channels, TRUE);
}

/* Sums are bounded by the chain's checked totals, but a price is a ratio. */
static int
check_prices(const mkg_channels *c)
{
	for (size_t i = 0; i < c->chain_count; i++) {
		const chain_row *ch = &c->chains[i];
		bool inf = isinf(ch->pub.producer_share), sum_inf = false;

		for (size_t j = ch->first; j < ch->first + ch->count; j++) {
			const channel_row *r = &c->channels[j];

			inf |= isinf(r->pub.farm_price) || isinf(r->pub.end_price) ||
			       isinf(r->pub.farmer_share) || isinf(r->pub.value_added) ||
			       isinf(r->pub.costs) || isinf(r->pub.net_margin);
			sum_inf |= isinf(r->pub.volume);
			for (size_t k = r->first; k < r->first + r->count; k++) {
				inf |= isinf(c->steps[k].price) || isinf(c->steps[k].value_added) ||
				       isinf(c->steps[k].costs) || isinf(c->steps[k].net_margin);
				/* a flow's part of an arc's value never passes it, but a sum of
				 * such parts, each rounded, can pass DBL_MAX when the arc's value
				 * is near it (M x (1/11), eleven times) */
				sum_inf |= isinf(c->steps[k].priced_volume) || isinf(c->steps[k].value);
			}
		}
		if (sum_inf)
			return mkg__error(MKG_EDATA, "channels: the flow of a step in chain \"%s\" "
			                  "overflows (its volume or value, over the flows that "
			                  "cross it," LIMIT_TAIL, ch->pub.commodity);
		if (inf)
			return mkg__error(MKG_EDATA, "channels: a price in chain \"%s\" overflows (value "
			                  "/ volume, or a ratio of two prices," LIMIT_TAIL,
			                  ch->pub.commodity);
	}
	return MKG_OK;
}

/* The interned primary commodity the option names, after checking it. */
static int
resolve_chain(const mkg_model *m, const char *name, const char **out)
{
	char quoted[MKG_QUOTE_BUFSIZE], quoted_primary[MKG_QUOTE_BUFSIZE];
	const char *primary;
	double factor;

	*out = NULL;
	if (name == NULL)
		return MKG_OK;
	if (mkg_model_primary_equivalent(m, name, &primary, &factor) != MKG_OK) {
		if (mkg_error_code() != MKG_ENOTFOUND)
			return mkg_error_code();
		return mkg__error(MKG_ENOTFOUND, "chain: no commodity %s", mkg__quote(quoted, name));
	}
	if (strcmp(primary, name) != 0)
		return mkg__error(MKG_EINVAL, "chain: %s is made from %s: name the primary commodity",
		                  mkg__quote(quoted, name), mkg__quote(quoted_primary, primary));
	*out = primary;
	return MKG_OK;
}

/*
 * Per actor (pairs in *out, [2a] and [2a + 1]): what it spends besides the
 * chain's produce it buys, per unit of its sales value, and its sales value
 * (section 4's sales: priced transactions, transfers left out).  Spending
 * is its `costs`, its priced purchases and the transfers it pays less those
 * it receives; the rate is NaN for an actor without costs, which has no
 * net margin.  O(n + A).
 */
static int
seller_rates(const mkg_model *m, double **out)
{
	guint na = m->actors->len;
	double *r = g_new0(double, 2 * (size_t)na + 2);
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	char quoted[MKG_QUOTE_BUFSIZE];

	for (guint c = 0; c < m->commodities->len; c++)
		if (MKG_COMMODITY(m, c)->transfer)
			g_hash_table_add(index, (gpointer)MKG_COMMODITY(m, c)->id);
	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (MKG_IS_ABSENT(t->value))
			continue;
		if (g_hash_table_size(index) > 0 && g_hash_table_contains(index, t->commodity)) {
			r[2 * (size_t)t->buyer] += t->value;  /* paid: spent */
			r[2 * (size_t)t->seller] -= t->value; /* received */
			continue;
		}
		r[2 * (size_t)t->seller + 1] += t->value;
		r[2 * (size_t)t->buyer] += t->value;
	}
	g_hash_table_destroy(index);
	for (guint a = 0; a < na; a++) {
		const mkg_actor_rec *rec = MKG_ACTOR(m, a);
		double *spent = &r[2 * (size_t)a], sales = r[2 * (size_t)a + 1];

		if (rec->costs.count == 0) {
			*spent = MKG_ABSENT;
			continue;
		}
		for (uint32_t k = 0; k < rec->costs.count; k++)
			*spent += MKG_POOL_COST(m, rec->costs.first + k)->amount;
		if (!isfinite(*spent) || !isfinite(sales)) {
			g_free(r);
			return mkg__error(MKG_EDATA, "channels: the costs of actor %s overflow (the sum "
			                  "of its costs, purchases and transfers" LIMIT_TAIL,
			                  mkg__quote(quoted, rec->id));
		}
		*spent = sales > 0 ? *spent / sales : 0.0;
	}
	*out = r;
	return MKG_OK;
}

MKG_DEFINE_INIT(mkg_channels_options_init, mkg_channels_options, opts, MKG_CHANNELS_OPTIONS)

int
mkg_channels_new(mkg_channels **out, const mkg_model *model, const mkg_channels_options *opts)
{
	mkg_channels_options o;
	const mkg_commodity_chains *cc;
	const char *only;
	GPtrArray *list;
	GArray *chains, *channels, *steps;
	mkg_idx *local;
	double *rate = NULL;
	reused keep = { NULL, NULL, 0, NULL, 0 };
	mkg_channels *c;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_channels_new", mkg_channels_options, MKG_CHANNELS_OPTIONS, opts,
	                    &o);
	if ((rc = mkg__model_commodity_chains(model, &cc)) != MKG_OK ||
	    (rc = resolve_chain(model, o.chain, &only)) != MKG_OK ||
	    (rc = group_chains(model, cc, only, &list)) != MKG_OK)
		return rc;
	if ((rc = seller_rates(model, &rate)) != MKG_OK) {
		g_ptr_array_free(list, TRUE);
		return rc;
	}

	c = g_new0(mkg_channels, 1);
	c->strings = g_string_chunk_new(1024);
	c->currency = mkg__keep(c->strings, model->currency);
	chains = g_array_new(FALSE, FALSE, sizeof(chain_row));
	channels = g_array_new(FALSE, FALSE, sizeof(channel_row));
	steps = g_array_new(FALSE, TRUE, sizeof(mkg_channel_step));
	keep.arcs = g_array_new(FALSE, FALSE, sizeof(arc));
	local = g_new(mkg_idx, model->actors->len + 1);
	memset(local, 0xff, sizeof(mkg_idx) * (model->actors->len + 1)); /* MKG_IDX_NONE */
	for (guint i = 0; i < list->len; i++)
		trace_chain(c, model, list->pdata[i], local, rate, &keep, chains, channels, steps);
	g_array_free(keep.arcs, TRUE);
	g_free(keep.state);
	g_free(keep.in);
	g_free(local);
	g_free(rate);
	g_ptr_array_free(list, TRUE);
	c->chain_count = chains->len;
	c->chains = (chain_row *)(void *)g_array_free(chains, FALSE);
	c->channel_count = channels->len;
	c->channels = (channel_row *)(void *)g_array_free(channels, FALSE);
	c->step_count = steps->len;
	c->steps = (mkg_channel_step *)(void *)g_array_free(steps, FALSE);
	if ((rc = check_prices(c)) != MKG_OK) {
		mkg_channels_free(c);
		return rc;
	}
	*out = c;
	return MKG_OK;
}

void
mkg_channels_free(mkg_channels *c)
{
	if (c == NULL)
		return;
	g_free(c->chains);
	g_free(c->channels);
	g_free(c->steps);
	g_string_chunk_free(c->strings);
	g_free(c);
}

const char *
mkg_channels_currency(const mkg_channels *c)
{
	return c ? c->currency : NULL;
}

size_t
mkg_channels_chain_count(const mkg_channels *c)
{
	return c ? c->chain_count : 0;
}

const mkg_channel_chain *
mkg_channels_chain_at(const mkg_channels *c, size_t i)
{
	return c && i < c->chain_count ? &c->chains[i].pub : NULL;
}

size_t
mkg_channels_channel_count(const mkg_channels *c, size_t chain)
{
	return c && chain < c->chain_count ? c->chains[chain].count : 0;
}

static const channel_row *
channel_row_at(const mkg_channels *c, size_t chain, size_t channel)
{
	if (c == NULL || chain >= c->chain_count || channel >= c->chains[chain].count)
		return NULL;
	return &c->channels[c->chains[chain].first + channel];
}

const mkg_channel *
mkg_channels_channel_at(const mkg_channels *c, size_t chain, size_t channel)
{
	const channel_row *r = channel_row_at(c, chain, channel);

	return r ? &r->pub : NULL;
}

size_t
mkg_channels_step_count(const mkg_channels *c, size_t chain, size_t channel)
{
	const channel_row *r = channel_row_at(c, chain, channel);

	return r ? r->count : 0;
}

const mkg_channel_step *
mkg_channels_step_at(const mkg_channels *c, size_t chain, size_t channel, size_t step)
{
	const channel_row *r = channel_row_at(c, chain, channel);

	return r && step < r->count ? &c->steps[r->first + step] : NULL;
}
