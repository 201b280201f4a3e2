/* marketgraph: competing programmes (analyses.md, 3): temporary records of
 * different facilitators that share a target.
 *
 * Records are indexed by target (an inverted index in CSR form), so the
 * pairs come from the targets' record lists: the work is proportional to
 * the (pair, shared target) incidences found, never to all pairs of
 * records.
 *
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_competing {
	GStringChunk *strings;
	size_t count;
	mkg_competing_pair *pairs;
	const char **targets; /* the shared target ids of every pair, one slice each */
};

/* One pair of records sharing one target. */
typedef struct incidence {
	uint64_t pair;   /* lower record index << 32 | higher */
	uint32_t target; /* actor or transaction index */
	uint32_t is_tx;  /* 0: actor, 1: transaction */
	const char *id;  /* the target's id */
} incidence;

static int
by_pair_then_target(const void *pa, const void *pb)
{
	const incidence *a = pa, *b = pb;

	if (a->pair != b->pair)
		return a->pair < b->pair ? -1 : 1;
	if (a->is_tx != b->is_tx)
		return a->is_tx < b->is_tx ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
by_ids(const void *pa, const void *pb)
{
	const mkg_competing_pair *a = pa, *b = pb;
	int c = strcmp(a->first, b->first);

	return c != 0 ? c : strcmp(a->second, b->second);
}

/* Inverted index: for each of `n` targets, the temporary records naming it. */
typedef struct target_index {
	uint32_t *start;   /* [n + 1] */
	uint32_t *records; /* record indices grouped by target */
} target_index;

static void
index_build(target_index *ix, const mkg_model *m, uint32_t n, bool tx)
{
	uint32_t total = 0;
	uint32_t *fill;

	ix->start = g_new0(uint32_t, (gsize)n + 1);
	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);
		const mkg_slice *s = tx ? &r->target_transactions : &r->target_actors;

		if (r->type != MKG_FACILITATION_TEMPORARY)
			continue;
		for (uint32_t k = 0; k < s->count; k++)
			ix->start[MKG_POOL_IDX(m, s->first + k) + 1]++;
	}
	for (uint32_t t = 0; t < n; t++)
		ix->start[t + 1] += ix->start[t];
	total = ix->start[n];
	ix->records = g_new(uint32_t, total ? total : 1);
	fill = g_memdup2(ix->start, sizeof(uint32_t) * ((gsize)n + 1));
	/* records in index order within each target */
	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);
		const mkg_slice *s = tx ? &r->target_transactions : &r->target_actors;

		if (r->type != MKG_FACILITATION_TEMPORARY)
			continue;
		for (uint32_t k = 0; k < s->count; k++)
			ix->records[fill[MKG_POOL_IDX(m, s->first + k)]++] = f;
	}
	g_free(fill);
}

static void
index_clear(target_index *ix)
{
	g_free(ix->start);
	g_free(ix->records);
}

/* Append the incidences of every target of one index. */
static void
collect(GArray *inc, const mkg_model *m, const target_index *ix, uint32_t n, bool tx)
{
	for (uint32_t t = 0; t < n; t++) {
		uint32_t lo = ix->start[t], hi = ix->start[t + 1];

		for (uint32_t a = lo; a + 1 < hi; a++) {
			for (uint32_t b = a + 1; b < hi; b++) {
				uint32_t fa = ix->records[a], fb = ix->records[b]; /* fa < fb */
				incidence e;

				if (MKG_FAC(m, fa)->facilitator == MKG_FAC(m, fb)->facilitator)
					continue;
				e.pair = (uint64_t)fa << 32 | fb;
				e.target = t;
				e.is_tx = tx;
				e.id = tx ? MKG_TX(m, t)->id : MKG_ACTOR(m, t)->id;
				g_array_append_val(inc, e);
			}
		}
	}
}

/* The days a record runs, a missing start or end being open. */
static void
record_days(const mkg_facilitation_rec *f, int32_t *from, int32_t *to)
{
	int32_t first, last;

	*from = INT32_MIN;
	*to = INT32_MAX;
	if (f->start != NULL && mkg__date_parse(f->start, &first, &last))
		*from = first;
	if (f->end != NULL && mkg__date_parse(f->end, &first, &last))
		*to = last;
}

static bool
periods_overlap(const mkg_facilitation_rec *a, const mkg_facilitation_rec *b)
{
	int32_t a_from, a_to, b_from, b_to;

	record_days(a, &a_from, &a_to);
	record_days(b, &b_from, &b_to);
	return !(a_to < b_from || b_to < a_from);
}

static void
fill_pair(mkg_competing_pair *p, GStringChunk *strings, const mkg_model *m, uint32_t fa,
          uint32_t fb)
{
	const mkg_facilitation_rec *a = MKG_FAC(m, fa), *b = MKG_FAC(m, fb);

	if (strcmp(a->id, b->id) > 0) {
		const mkg_facilitation_rec *t = a;
		a = b;
		b = t;
	}
	p->first = mkg__keep(strings, a->id);
	p->second = mkg__keep(strings, b->id);
	p->first_facilitator = mkg__keep(strings, MKG_ACTOR(m, a->facilitator)->id);
	p->second_facilitator = mkg__keep(strings, MKG_ACTOR(m, b->facilitator)->id);
	p->first_function = (mkg_function)a->function;
	p->second_function = (mkg_function)b->function;
	p->same_function = a->function == b->function;
	p->periods_overlap = periods_overlap(a, b);
}

mkg_competing *
mkg__competing_compute(const mkg_model *m)
{
	mkg_competing *c = g_new0(mkg_competing, 1);
	GArray *inc = g_array_new(FALSE, FALSE, sizeof(incidence));
	GArray *pairs = g_array_new(FALSE, TRUE, sizeof(mkg_competing_pair));
	target_index actors, txs;
	guint i = 0;

	c->strings = g_string_chunk_new(1024);
	index_build(&actors, m, m->actors->len, false);
	index_build(&txs, m, m->transactions->len, true);
	collect(inc, m, &actors, m->actors->len, false);
	collect(inc, m, &txs, m->transactions->len, true);
	index_clear(&actors);
	index_clear(&txs);

	g_array_sort(inc, by_pair_then_target);
	c->targets = g_new(const char *, inc->len ? inc->len : 1);
	for (guint k = 0; k < inc->len; k++)
		c->targets[k] = mkg__keep(c->strings, g_array_index(inc, incidence, k).id);
	while (i < inc->len) {
		const incidence *e = &g_array_index(inc, incidence, i);
		mkg_competing_pair p = { 0 };
		guint j = i;

		fill_pair(&p, c->strings, m, (uint32_t)(e->pair >> 32), (uint32_t)e->pair);
		while (j < inc->len && g_array_index(inc, incidence, j).pair == e->pair)
			j++;
		/* actors sort before transactions within the pair */
		p.shared_actors = &c->targets[i];
		while (i < j && !g_array_index(inc, incidence, i).is_tx) {
			p.shared_actor_count++;
			i++;
		}
		p.shared_transactions = &c->targets[i];
		p.shared_transaction_count = j - i;
		i = j;
		g_array_append_val(pairs, p);
	}
	g_array_sort(pairs, by_ids);
	g_array_free(inc, TRUE);
	c->count = pairs->len;
	c->pairs = (mkg_competing_pair *)(void *)g_array_free(pairs, FALSE);
	return c;
}

MKG_DEFINE_INIT(mkg_competing_options_init, mkg_competing_options, opts, MKG_COMPETING_OPTIONS)

int
mkg_competing_new(mkg_competing **out, const mkg_model *model, const mkg_competing_options *opts)
{
	mkg_competing_options o;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_competing_new", mkg_competing_options,
	                    MKG_COMPETING_OPTIONS, opts, &o);
	(void)o; /* no option yet: the version is checked */
	*out = mkg__competing_compute(model);
	return MKG_OK;
}

void
mkg_competing_free(mkg_competing *c)
{
	if (c == NULL)
		return;
	g_free(c->pairs);
	g_free(c->targets);
	g_string_chunk_free(c->strings);
	g_free(c);
}

size_t
mkg_competing_count(const mkg_competing *c)
{
	return c ? c->count : 0;
}

const mkg_competing_pair *
mkg_competing_at(const mkg_competing *c, size_t i)
{
	return c && i < c->count ? &c->pairs[i] : NULL;
}
