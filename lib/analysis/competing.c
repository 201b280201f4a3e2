/* marketgraph: competing programmes (analyses.md, 3): records of different
 * payers that share a target.
 *
 * Targets named by the same set of records form one class (found by hashing
 * each target's record list), and the pairs are counted per class, not per
 * target: R programmes over the same N producers make one class and R^2
 * pair steps, not R^2 x N.  Each pair keeps counts and the first few
 * shared ids only, so the output is O(pairs), not O(pairs x targets).
 *
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

enum { ROLE_NONE = 0, ROLE_TEMPORARY, ROLE_COMMERCIAL };

struct mkg_competing {
	GStringChunk *strings;
	size_t count;
	mkg_competing_pair *pairs;
	const char **ids; /* the listed shared ids of every pair, one slice each */
};

static const char *const relation_names[MKG_COMPETING_RELATION_COUNT] = {
	"duplication", "overlap", "complementarity", "crowding_out"
};

const char *
mkg_competing_relation_name(mkg_competing_relation relation)
{
	return (unsigned)relation < MKG_COMPETING_RELATION_COUNT ? relation_names[relation] : NULL;
}

/* A pair being counted: model record indices a < b. */
typedef struct accum {
	uint32_t a, b;
	bool competes;       /* false: kept only so that the pair is judged once */
	size_t actors, txs;  /* shared targets */
	guint sample;        /* offset into the samples array: 2 x S slots */
	uint32_t n_actor_ids, n_tx_ids;
} accum;

/* A class: targets with the same list of records. */
typedef struct tclass {
	const uint32_t *list; /* the record list (the first target's, in the index) */
	uint32_t k;          /* its length */
	guint hash;
	uint32_t n_targets;
	uint32_t first;      /* offset of its targets in the class-sorted target array */
} tclass;

typedef struct ctx {
	const mkg_model *m;
	uint32_t na;         /* targets: actors 0..na-1, transactions na.. */
	uint8_t *role;       /* per record */
	mkg_idx *payer;      /* per record */
	uint32_t *start;     /* [targets + 1]: the records of each target */
	uint32_t *records;
	size_t sample;
} ctx;

static const char *
target_id(const ctx *x, uint32_t t)
{
	return t < x->na ? MKG_ACTOR(x->m, t)->id : MKG_TX(x->m, t - x->na)->id;
}

/* The actor paying the largest share (on a tie the facilitator, else the
 * first id); the facilitator when paid_by names no actor. */
static mkg_idx
main_payer(const mkg_model *m, const mkg_facilitation_rec *f)
{
	mkg_idx best = f->facilitator;
	double share = -1;

	for (uint32_t k = 0; k < f->payments.count; k++) {
		const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);

		if (p->share > share ||
		    (p->share == share && best != f->facilitator &&
		     (p->actor == f->facilitator ||
		      strcmp(MKG_ACTOR(m, p->actor)->id, MKG_ACTOR(m, best)->id) < 0))) {
			best = p->actor;
			share = p->share;
		}
	}
	return best;
}

/* The k-th target of f: an actor index, or na + a transaction index. */
static uint32_t
target_at(const ctx *x, const mkg_facilitation_rec *f, uint32_t k)
{
	if (k < f->target_actors.count)
		return MKG_POOL_IDX(x->m, f->target_actors.first + k);
	k -= f->target_actors.count;
	return x->na + MKG_POOL_IDX(x->m, f->target_transactions.first + k);
}

static uint32_t
target_count(const mkg_facilitation_rec *f)
{
	return f->target_actors.count + f->target_transactions.count;
}

/* The inverted index: for each target, the temporary and commercial records
 * naming it, in model order.  O(F + P + targets). */
static void
index_build(ctx *x, uint32_t nt)
{
	const mkg_model *m = x->m;
	uint32_t *fill;

	x->start = g_new0(uint32_t, (gsize)nt + 1);
	for (guint f = 0; f < m->facilitation->len; f++)
		if (x->role[f] != ROLE_NONE)
			for (uint32_t k = 0; k < target_count(MKG_FAC(m, f)); k++)
				x->start[target_at(x, MKG_FAC(m, f), k) + 1]++;
	for (uint32_t t = 0; t < nt; t++)
		x->start[t + 1] += x->start[t];
	x->records = g_new(uint32_t, x->start[nt] ? x->start[nt] : 1);
	fill = g_memdup2(x->start, sizeof(uint32_t) * ((gsize)nt + 1));
	for (guint f = 0; f < m->facilitation->len; f++)
		if (x->role[f] != ROLE_NONE)
			for (uint32_t k = 0; k < target_count(MKG_FAC(m, f)); k++)
				x->records[fill[target_at(x, MKG_FAC(m, f), k)]++] = f;
	g_free(fill);
}

/* Does an actor fund record f?  The funders are its payers with a share
 * above 0, its facilitator when paid_by names none. */
static bool
funds(const mkg_model *m, const mkg_facilitation_rec *f, mkg_idx actor)
{
	bool any = false;

	for (uint32_t k = 0; k < f->payments.count; k++) {
		const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);

		if (p->share > 0) {
			any = true;
			if (p->actor == actor)
				return true;
		}
	}
	return !any && f->facilitator == actor;
}

/* Do records a and b compete?  Not when one actor funds both (a funder's
 * own records never compete), nor two commercial records (the market at
 * work); a temporary and a commercial record only with the same function.
 * Called once per pair: O(payers of a x payers of b). */
static bool
competes(const ctx *x, uint32_t a, uint32_t b)
{
	const mkg_model *m = x->m;
	const mkg_facilitation_rec *fa = MKG_FAC(m, a), *fb = MKG_FAC(m, b);

	if (x->role[a] == ROLE_COMMERCIAL && x->role[b] == ROLE_COMMERCIAL)
		return false;
	if (x->role[a] != x->role[b] && fa->function != fb->function)
		return false;
	for (uint32_t k = 0; k < fa->payments.count; k++) {
		const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, fa->payments.first + k);

		if (p->share > 0 && funds(m, fb, p->actor))
			return false;
	}
	return !funds(m, fa, fa->facilitator) || !funds(m, fb, fa->facilitator);
}

static int
by_id(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Merge the sorted ids src[0..ns) into the sorted dst[0..*nd), keeping the
 * first `cap` in byte order. */
static void
merge_ids(const char **dst, uint32_t *nd, const char *const *src, uint32_t ns, size_t cap)
{
	const char *out[64] = { NULL };
	uint32_t i = 0, j = 0, n = 0;

	while (n < cap && (i < *nd || j < ns)) {
		if (j >= ns || (i < *nd && strcmp(dst[i], src[j]) <= 0))
			out[n++] = dst[i++];
		else
			out[n++] = src[j++];
	}
	memcpy(dst, out, n * sizeof *out);
	*nd = n;
}

static guint
list_hash(const uint32_t *r, uint32_t k)
{
	guint64 h = k;

	for (uint32_t i = 0; i < k; i++) {
		guint64 v = h * UINT64_C(0x100000001b3) ^ r[i];
		h = mkg__pair_hash(&v);
	}
	return (guint)h;
}

static guint
class_hash(gconstpointer p)
{
	return ((const tclass *)p)->hash;
}

static gboolean
class_equal(gconstpointer pa, gconstpointer pb)
{
	const tclass *a = pa, *b = pb;

	return a->hash == b->hash && a->k == b->k &&
	       memcmp(a->list, b->list, a->k * sizeof(uint32_t)) == 0;
}

/* Group the targets named by two records or more into classes; return the
 * classes and, in *sorted, their targets grouped by class (each class's
 * actors then transactions, by id). */
static GArray *
classes_build(const ctx *x, uint32_t nt, uint32_t **sorted)
{
	GArray *classes = g_array_new(FALSE, FALSE, sizeof(tclass));
	GHashTable *seen = g_hash_table_new(class_hash, class_equal);
	uint32_t *class_of = g_new(uint32_t, nt ? nt : 1);
	uint32_t *fill, total = 0;

	for (uint32_t t = 0; t < nt; t++) {
		tclass key;
		gpointer found;

		class_of[t] = UINT32_MAX;
		key.k = x->start[t + 1] - x->start[t];
		if (key.k < 2)
			continue;
		key.list = &x->records[x->start[t]];
		key.hash = list_hash(key.list, key.k);
		key.n_targets = 0;
		key.first = 0;
		/* the table holds indices + 1 into classes, keyed by the class itself;
		 * look up with a stack key, insert the stored copy's index */
		found = g_hash_table_lookup(seen, &key);
		if (found == NULL) {
			g_array_append_val(classes, key);
			/* the array may move: re-key every entry is avoided by storing
			 * a heap copy as the key */
			tclass *copy = g_memdup2(&key, sizeof key);
			g_hash_table_insert(seen, copy, GUINT_TO_POINTER(classes->len));
			found = GUINT_TO_POINTER(classes->len);
		}
		class_of[t] = GPOINTER_TO_UINT(found) - 1u;
		g_array_index(classes, tclass, class_of[t]).n_targets++;
		total++;
	}
	{
		GHashTableIter it;
		gpointer k;

		g_hash_table_iter_init(&it, seen);
		while (g_hash_table_iter_next(&it, &k, NULL))
			g_free(k);
		g_hash_table_destroy(seen);
	}
	fill = g_new(uint32_t, classes->len ? classes->len : 1);
	for (guint c = 0, at = 0; c < classes->len; c++) {
		tclass *cl = &g_array_index(classes, tclass, c);
		cl->first = at;
		fill[c] = at;
		at += cl->n_targets;
	}
	/* zeroed only for scan-build, which cannot follow the fill below */
	*sorted = g_new0(uint32_t, total ? total : 1);
	for (uint32_t t = 0; t < nt; t++) /* in index order: actors before transactions */
		if (class_of[t] != UINT32_MAX)
			(*sorted)[fill[class_of[t]]++] = t;
	g_free(fill);
	g_free(class_of);
	return classes;
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

/* Count one class into the pairs of its records that compete. */
static void
count_class(const ctx *x, const tclass *cl, const uint32_t *targets, GHashTable *index,
            GArray *acc, GArray *samples, const char **ids)
{
	uint32_t n_act = 0, n_tx, n_act_ids, n_tx_ids;

	/* the class's ids, actors then transactions, each by id */
	for (uint32_t i = 0; i < cl->n_targets; i++) {
		ids[i] = target_id(x, targets[cl->first + i]);
		n_act += targets[cl->first + i] < x->na;
	}
	n_tx = cl->n_targets - n_act;
	qsort(ids, n_act, sizeof *ids, by_id);
	qsort(ids + n_act, n_tx, sizeof *ids, by_id);
	n_act_ids = (uint32_t)MIN(n_act, x->sample);
	n_tx_ids = (uint32_t)MIN(n_tx, x->sample);
	/* from each temporary record to every other record, a temporary pair
	 * once (from its first): no step on a pair of commercial records */
	for (uint32_t i = 0; i < cl->k; i++) {
		if (x->role[cl->list[i]] != ROLE_TEMPORARY)
			continue;
		for (uint32_t j = 0; j < cl->k; j++) {
			uint32_t a = MIN(cl->list[i], cl->list[j]), b = MAX(cl->list[i], cl->list[j]);
			guint64 key = (guint64)a << 32 | b;
			gpointer found;
			accum *p;

			if (j == i || (j < i && x->role[cl->list[j]] == ROLE_TEMPORARY))
				continue;
			found = g_hash_table_lookup(index, &key);
			if (found == NULL) {
				accum e = { a, b, competes(x, a, b), 0, 0, 0, 0, 0 };
				guint64 *k = g_new(guint64, 1);

				*k = key;
				if (e.competes) {
					e.sample = samples->len;
					g_array_set_size(samples, samples->len + 2 * (guint)x->sample);
				}
				g_array_append_val(acc, e);
				found = GUINT_TO_POINTER(acc->len);
				g_hash_table_insert(index, k, found);
			}
			p = &g_array_index(acc, accum, GPOINTER_TO_UINT(found) - 1u);
			if (!p->competes)
				continue;
			p->actors += n_act;
			p->txs += n_tx;
			merge_ids(&g_array_index(samples, const char *, p->sample), &p->n_actor_ids, ids,
			          n_act_ids, x->sample);
			merge_ids(&g_array_index(samples, const char *, p->sample + x->sample),
			          &p->n_tx_ids, ids + n_act, n_tx_ids, x->sample);
		}
	}
}

static int
pair_order(const void *pa, const void *pb)
{
	const mkg_competing_pair *a = pa, *b = pb;
	int c;

	if (a->relation != b->relation)
		return a->relation < b->relation ? -1 : 1;
	if ((c = strcmp(a->first, b->first)) != 0)
		return c;
	return strcmp(a->second, b->second);
}

static void
fill_pair(mkg_competing_pair *p, mkg_competing *c, const ctx *x, const accum *e,
          const char *const *samples, double dup, const char **ids)
{
	const mkg_model *m = x->m;
	uint32_t fa = e->a, fb = e->b;
	const mkg_facilitation_rec *a, *b;
	size_t union_size;

	/* crowding out: the temporary record first; else by id */
	if (x->role[fa] != x->role[fb] ? x->role[fa] == ROLE_COMMERCIAL
	                               : strcmp(MKG_FAC(m, fa)->id, MKG_FAC(m, fb)->id) > 0) {
		uint32_t t = fa;
		fa = fb;
		fb = t;
	}
	a = MKG_FAC(m, fa);
	b = MKG_FAC(m, fb);
	p->first = mkg__keep(c->strings, a->id);
	p->second = mkg__keep(c->strings, b->id);
	p->first_facilitator = mkg__keep(c->strings, MKG_ACTOR(m, a->facilitator)->id);
	p->second_facilitator = mkg__keep(c->strings, MKG_ACTOR(m, b->facilitator)->id);
	p->first_payer = mkg__keep(c->strings, MKG_ACTOR(m, x->payer[fa])->id);
	p->second_payer = mkg__keep(c->strings, MKG_ACTOR(m, x->payer[fb])->id);
	p->first_function = (mkg_function)a->function;
	p->second_function = (mkg_function)b->function;
	p->second_type = (mkg_facilitation_type)b->type;
	p->same_function = a->function == b->function;
	p->periods_overlap = periods_overlap(a, b);
	p->shared_actor_count = e->actors;
	p->shared_transaction_count = e->txs;
	union_size = (size_t)a->target_actors.count + a->target_transactions.count +
	             b->target_actors.count + b->target_transactions.count - e->actors - e->txs;
	p->similarity = (double)(e->actors + e->txs) / (double)union_size;
	if (b->type == MKG_FACILITATION_COMMERCIAL)
		p->relation = MKG_COMPETING_CROWDING_OUT;
	else if (!p->same_function)
		p->relation = MKG_COMPETING_COMPLEMENTARITY;
	else
		p->relation = p->similarity >= dup ? MKG_COMPETING_DUPLICATION : MKG_COMPETING_OVERLAP;
	for (uint32_t k = 0; k < e->n_actor_ids; k++)
		ids[k] = mkg__keep(c->strings, samples[k]);
	for (uint32_t k = 0; k < e->n_tx_ids; k++)
		ids[e->n_actor_ids + k] = mkg__keep(c->strings, samples[x->sample + k]);
	p->shared_actors = ids;
	p->shared_actor_listed = e->n_actor_ids;
	p->shared_transactions = ids + e->n_actor_ids;
	p->shared_transaction_listed = e->n_tx_ids;
}

static mkg_competing *
competing_compute(const mkg_model *m, const mkg_competing_options *o)
{
	mkg_competing *c = g_new0(mkg_competing, 1);
	uint32_t nt = m->actors->len + m->transactions->len, *targets = NULL, max_class = 0;
	GHashTable *index = g_hash_table_new_full(mkg__pair_hash, g_int64_equal, g_free, NULL);
	GArray *acc = g_array_new(FALSE, FALSE, sizeof(accum));
	GArray *samples = g_array_new(FALSE, TRUE, sizeof(const char *));
	GArray *classes;
	const char **ids;
	size_t listed = 0;
	ctx x;

	x.m = m;
	x.na = m->actors->len;
	x.sample = o->sample_ids;
	x.role = g_new0(uint8_t, m->facilitation->len + 1u);
	x.payer = g_new(mkg_idx, m->facilitation->len + 1u);
	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);

		x.role[f] = r->type == MKG_FACILITATION_TEMPORARY    ? ROLE_TEMPORARY
		            : r->type == MKG_FACILITATION_COMMERCIAL ? ROLE_COMMERCIAL
		                                                     : ROLE_NONE;
		x.payer[f] = main_payer(m, r);
	}
	index_build(&x, nt);
	classes = classes_build(&x, nt, &targets);
	for (guint k = 0; k < classes->len; k++)
		max_class = MAX(max_class, g_array_index(classes, tclass, k).n_targets);
	ids = g_new(const char *, max_class + 1u);
	for (guint k = 0; k < classes->len; k++)
		count_class(&x, &g_array_index(classes, tclass, k), targets, index, acc, samples, ids);
	g_free(ids);

	c->strings = g_string_chunk_new(1024);
	for (guint k = 0; k < acc->len; k++) {
		const accum *e = &g_array_index(acc, accum, k);

		c->count += e->competes;
		listed += e->n_actor_ids + e->n_tx_ids;
	}
	c->pairs = g_new0(mkg_competing_pair, c->count ? c->count : 1);
	c->ids = g_new(const char *, listed ? listed : 1);
	listed = 0;
	for (guint k = 0, i = 0; k < acc->len; k++) {
		const accum *e = &g_array_index(acc, accum, k);

		if (!e->competes)
			continue;
		fill_pair(&c->pairs[i++], c, &x, e, &g_array_index(samples, const char *, e->sample),
		          o->duplication_similarity, &c->ids[listed]);
		listed += e->n_actor_ids + e->n_tx_ids;
	}
	qsort(c->pairs, c->count, sizeof *c->pairs, pair_order);

	g_hash_table_destroy(index);
	g_array_free(acc, TRUE);
	g_array_free(samples, TRUE);
	g_array_free(classes, TRUE);
	g_free(targets);
	g_free(x.start);
	g_free(x.records);
	g_free(x.role);
	g_free(x.payer);
	return c;
}

mkg_competing *
mkg__competing_compute(const mkg_model *m)
{
	const mkg_competing_options o = MKG_COMPETING_OPTIONS_INIT;

	return competing_compute(m, &o);
}

MKG_DEFINE_INIT(mkg_competing_options_init, mkg_competing_options, opts, MKG_COMPETING_OPTIONS)

/* The largest sample_ids: the merge of two samples is done on the stack. */
#define MAX_SAMPLE 64

int
mkg_competing_new(mkg_competing **out, const mkg_model *model, const mkg_competing_options *opts)
{
	mkg_competing_options o;
	char num[MKG_DOUBLE_BUFSIZE];

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_competing_new", mkg_competing_options,
	                    MKG_COMPETING_OPTIONS, opts, &o);
	if (!(o.duplication_similarity >= 0 && o.duplication_similarity <= 1))
		return mkg__error(MKG_EINVAL, "mkg_competing_new: duplication_similarity must be in "
		                  "[0, 1], got %s", mkg__format_double(num, o.duplication_similarity));
	if (o.sample_ids > MAX_SAMPLE)
		return mkg__error(MKG_EINVAL, "mkg_competing_new: sample_ids must be at most %d, got %zu",
		                  MAX_SAMPLE, o.sample_ids);
	*out = competing_compute(model, &o);
	return MKG_OK;
}

void
mkg_competing_free(mkg_competing *c)
{
	if (c == NULL)
		return;
	g_free(c->pairs);
	g_free(c->ids);
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
