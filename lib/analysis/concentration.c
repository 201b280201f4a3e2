/* marketgraph: concentration of both sides of every market.
 *
 * Each firm's amount is summed with a scratch array indexed by actor (reset
 * through a list of the actors touched), so one side of one market costs
 * its transactions plus a sort of its firms.
 *
 * The HHI is computed as 10^4 * sum(a_i^2) / T^2 from the amounts a_i and
 * the total T rather than from rounded shares: with whole-number amounts it
 * is exact, so a market at a boundary (1000, 1800) lands on it.
 *
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"

#include <stdlib.h>
#include <string.h>

MKG_DEFINE_INIT(mkg_concentration_options_init, mkg_concentration_options, opts, MKG_CONCENTRATION_OPTIONS)

/* Squares of amounts in (1e-140, 1e140) neither overflow nor underflow;
 * outside it amounts are scaled by the total first (exactness is lost only
 * there). */
static double
side_unit(double total)
{
	return total > 1e-140 && total < 1e140 ? 1.0 : total;
}

typedef struct scratch {
	double *amount;      /* [actors] running sum of the actor on the current side */
	uint32_t *stamp;     /* [actors] which side the sum belongs to (0: none) */
	GArray *touched;     /* mkg_idx: actors with a sum on the current side */
	uint32_t current;    /* stamp of the current side */
} scratch;

typedef struct firm {
	double amount;
	uint32_t rank;   /* of the actor's id: ties by id */
	mkg_idx actor;
} firm;

static int
firm_cmp(const void *a, const void *b)
{
	const firm *x = a, *y = b;

	if (x->amount != y->amount)
		return x->amount > y->amount ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

int64_t
mkg__actor_firms(const mkg_model *m, mkg_idx a)
{
	const mkg_actor_rec *rec = MKG_ACTOR(m, a);

	if (rec->firms > 0)
		return rec->firms;
	return rec->kind == MKG_ACTOR_END_MARKET ? 0 : 1;
}

/* An actor id copied into the result once, however many markets it is in. */
static const char *
actor_copy(mkg_concentration *c, const mkg_model *m, const char **copies, mkg_idx a)
{
	if (copies[a] == NULL)
		copies[a] = g_string_chunk_insert(c->strings, MKG_ACTOR(m, a)->id);
	return copies[a];
}

/* by_firm order: amount per firm descending, then the share's position
 * (share descending, ties by id). */
typedef struct per_firm {
	double amount;
	uint32_t pos;
} per_firm;

static int
per_firm_cmp(const void *a, const void *b)
{
	const per_firm *x = a, *y = b;

	if (x->amount != y->amount)
		return x->amount > y->amount ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The amount of the k largest firms of side s (by_firm: its positions of
 * non-fringe shares, amount per firm descending), as a share. */
static double
cr_k(const mkg_market_side *s, const uint32_t *by_firm, size_t n_firm_shares,
     const mkg_firm_share *all, size_t k)
{
	double sum = 0.0;

	for (size_t j = 0; j < n_firm_shares && k > 0; j++) {
		const mkg_firm_share *f = &all[by_firm[j]];
		size_t take = (uint64_t)f->firms < k ? (size_t)f->firms : k;

		/* N firms of amount / N: `take` of them */
		sum += f->firms == 1 ? f->amount : f->amount / (double)f->firms * (double)take;
		k -= take;
	}
	return sum / s->total;
}

/* The numbers of one side from its sorted shares; firm_shares: how many of
 * them are not fringe (the first entries of by_firm). */
static void
side_numbers(mkg_market_side *s, mkg__side_extra *x, const mkg_thresholds *t,
             const uint32_t *by_firm, size_t firm_shares, const mkg_firm_share *all)
{
	const double n = (double)s->firms;
	double h, sum_sq = 0.0;

	x->unit = side_unit(s->total);
	x->sum_sq = 0.0;
	x->firm_shares = firm_shares;
	if (s->actors == 0 || firm_shares == 0) {
		s->hhi = s->hhi_normalized = s->cr1 = s->cr4 = s->effective_firms = (double)NAN;
		s->concentration = s->actors == 0 ? MKG_CLASS_EMPTY : MKG_CLASS_FRINGE;
		return;
	}
	for (size_t k = 0; k < s->actors; k++) {
		double w = s->shares[k].amount / x->unit;
		if (!s->shares[k].fringe)
			sum_sq += s->shares[k].firms == 1 ? w * w
			                                   : w * w / (double)s->shares[k].firms;
	}
	x->sum_sq = sum_sq;
	{
		double w_total = s->total / x->unit;
		h = sum_sq / (w_total * w_total);
	}
	s->hhi = 1e4 * h;
	s->cr1 = cr_k(s, by_firm, firm_shares, all, 1);
	s->cr4 = cr_k(s, by_firm, firm_shares, all, 4);
	s->effective_firms = 1.0 / h;
	if (s->fringe_share > 0.0)
		s->hhi_normalized = (double)NAN; /* the fringe's number of firms is unknown */
	else if (s->firms == 1)
		s->hhi_normalized = 1.0;
	else /* equal shares give 0 up to rounding: keep it from going negative */
		s->hhi_normalized = fmax(0.0, (h - 1.0 / n) / (1.0 - 1.0 / n));
	s->concentration = mkg_thresholds_classify(t, s->hhi);
}

/* MKG_EDATA: the firms of one side of market src overflow. */
static int
firms_overflow(const char *who, const mkg__market *src, mkg_side side)
{
	GString *label = g_string_new(NULL);
	int rc;

	g_string_append_printf(label, "\"%s\"", src->commodity);
	if (src->level)
		g_string_append_printf(label, " level \"%s\"", src->level);
	if (src->period)
		g_string_append_printf(label, " %s", src->period);
	if (src->region)
		g_string_append_printf(label, " region \"%s\"", src->region);
	if (src->service)
		g_string_append(label, " (service)");
	rc = mkg__error(MKG_EDATA,
	                "%s: the firms of the %ss of market %s overflow (sum of the actors' "
	                "firms exceeds " MKG_COUNT_LIMIT ")",
	                who, mkg_side_name(side), label->str);
	g_string_free(label, TRUE);
	return rc;
}

/*
 * Two passes, each on worker threads in tasks of CONC_CHUNK markets
 * (fixed).  The first sums each side's actors, sorts its firms and orders
 * its non-fringe shares per firm; a side's results go to its own slot of
 * the result's arrays (side s of the market whose transactions are
 * first .. first + count - 1: from 2 * first + s * count, room for one
 * share per transaction), so nothing depends on the number of threads.
 * Its merge, in market order, moves each side down to its final place
 * (never above its slot, and below the next chunk's slots: mkg__markets_build
 * lays the markets' transactions out in market order, and the sides
 * before it have at most one share per transaction) and copies the ids
 * and the market's strings.  The second fills each side's rows and
 * computes its numbers in its final place: the same operations on the
 * same values as on one thread.  Each worker holds 12 bytes per actor;
 * nothing else is added but a position per side.
 */
#define CONC_CHUNK 64

typedef struct conc_worker {
	scratch sc;
	GArray *firms;   /* firm */
	GArray *order;   /* per_firm */
} conc_worker;

typedef struct conc_pass {
	const mkg_model *m;
	const mkg__markets *mk;
	uint32_t *rank;
	uint32_t n_actors;
	mkg_concentration *c;  /* in its slots: shares[].amount, share_actor[] (sorted) and
	                          by_firm[] (positions within the side) */
	uint32_t *actors;      /* [2 * markets] how many firms each side has */
	uint32_t *firm_shares; /* [2 * markets] how many of them are not fringe */
	size_t *side_pos;      /* [2 * markets] each side's final place (the merge) */
	size_t pos;            /* the shares placed so far (the merge) */
	const char **copies;   /* [actors] the result's copy of each id (the merge) */
	const mkg_thresholds *t;
	const char *who;
	conc_worker **worker;
} conc_pass;

static size_t
side_slot(const mkg__market *src, int side)
{
	return 2 * (size_t)src->first + (size_t)side * src->count;
}

static int
sort_sides(size_t chunk, unsigned int worker, void *data)
{
	conc_pass *p = data;
	const mkg__markets *mk = p->mk;
	size_t end = MIN((size_t)mk->count, (chunk + 1) * CONC_CHUNK);
	conc_worker *w = p->worker[worker];

	if (w == NULL) {
		w = p->worker[worker] = g_new0(conc_worker, 1);
		w->sc.amount = g_new(double, p->n_actors ? p->n_actors : 1);
		w->sc.stamp = g_new0(uint32_t, p->n_actors ? p->n_actors : 1);
		w->sc.touched = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
		w->firms = g_array_new(FALSE, FALSE, sizeof(firm));
		w->order = g_array_new(FALSE, FALSE, sizeof(per_firm));
	}
	for (size_t j = chunk * CONC_CHUNK; j < end; j++) {
		const mkg__market *src = &mk->markets[j];

		for (int side = 0; side < 2; side++) {
			scratch *sc = &w->sc;
			size_t slot = side_slot(src, side);
			const mkg_idx *who_side =
				(side == MKG_SIDE_SELLER ? mk->seller : mk->buyer) + src->first;
			const double *amount = mk->amount + src->first;

			sc->current++;
			g_array_set_size(sc->touched, 0);
			for (uint32_t k = 0; k < src->count; k++) {
				mkg_idx a = who_side[k];
				if (sc->stamp[a] != sc->current) {
					sc->stamp[a] = sc->current;
					sc->amount[a] = 0.0;
					g_array_append_val(sc->touched, a);
				}
				sc->amount[a] += amount[k];
			}
			/* shares: amount > 0 */
			g_array_set_size(w->firms, 0);
			for (guint k = 0; k < sc->touched->len; k++) {
				mkg_idx a = g_array_index(sc->touched, mkg_idx, k);
				if (sc->amount[a] > 0.0) {
					firm f = { sc->amount[a], p->rank[a], a };
					g_array_append_val(w->firms, f);
				}
			}
			if (w->firms->len > 1)
				qsort(w->firms->data, w->firms->len, sizeof(firm), firm_cmp);
			for (guint k = 0; k < w->firms->len; k++) {
				const firm *f = &g_array_index(w->firms, firm, k);

				p->c->shares[slot + k].amount = f->amount;
				p->c->share_actor[slot + k] = f->actor;
			}
			/* the non-fringe shares by amount per firm; pos: the share's
			 * place in the side, made absolute by the second pass */
			g_array_set_size(w->order, 0);
			for (guint k = 0; k < w->firms->len; k++) {
				const firm *f = &g_array_index(w->firms, firm, k);
				int64_t firms = mkg__actor_firms(p->m, f->actor);

				if (firms != 0) {
					per_firm pf = { f->amount / (double)firms, k };
					g_array_append_val(w->order, pf);
				}
			}
			if (w->order->len > 1)
				qsort(w->order->data, w->order->len, sizeof(per_firm), per_firm_cmp);
			for (guint k = 0; k < w->order->len; k++)
				p->c->by_firm[slot + k] = g_array_index(w->order, per_firm, k).pos;
			p->actors[2 * j + side] = w->firms->len;
			p->firm_shares[2 * j + side] = w->order->len;
		}
	}
	return MKG_OK;
}

static void
conc_worker_free(conc_worker *w)
{
	if (w == NULL)
		return;
	g_array_free(w->sc.touched, TRUE);
	g_free(w->sc.stamp);
	g_free(w->sc.amount);
	g_array_free(w->firms, TRUE);
	g_array_free(w->order, TRUE);
	g_free(w);
}

/* In market order, after chunk c's first pass: its sides moved down to
 * their final place, the ids they name and the markets' strings copied. */
static int
place_sides(size_t chunk, unsigned int worker, void *data)
{
	conc_pass *p = data;
	const mkg__markets *mk = p->mk;
	mkg_concentration *c = p->c;
	size_t end = MIN((size_t)mk->count, (chunk + 1) * CONC_CHUNK);

	(void)worker;
	for (size_t j = chunk * CONC_CHUNK; j < end; j++) {
		const mkg__market *src = &mk->markets[j];
		mkg__conc_market *dst = &c->markets[j];

		dst->pub.commodity = g_string_chunk_insert_const(c->strings, src->commodity);
		dst->pub.level = src->level ? g_string_chunk_insert_const(c->strings, src->level)
		                            : NULL;
		dst->pub.period = src->period ? g_string_chunk_insert_const(c->strings, src->period)
		                              : NULL;
		dst->pub.region = src->region ? g_string_chunk_insert_const(c->strings, src->region)
		                              : NULL;
		dst->pub.service = src->service;
		dst->pub.transactions = src->count;
		dst->pub.excluded_transactions = src->excluded;
		for (int side = 0; side < 2; side++) {
			size_t slot = side_slot(src, side), pos = p->pos;
			uint32_t actors = p->actors[2 * j + side];
			uint32_t firm_shares = p->firm_shares[2 * j + side];

			/* pos <= slot */
			memmove(&c->shares[pos], &c->shares[slot], actors * sizeof(mkg_firm_share));
			memmove(&c->share_actor[pos], &c->share_actor[slot], actors * sizeof(mkg_idx));
			for (uint32_t k = 0; k < firm_shares; k++)
				c->by_firm[pos + k] = (uint32_t)pos + c->by_firm[slot + k];
			for (uint32_t k = 0; k < actors; k++)
				actor_copy(c, p->m, p->copies, c->share_actor[pos + k]);
			p->side_pos[2 * j + side] = pos;
			p->pos += actors;
		}
	}
	return MKG_OK;
}

/* Chunk c's rows and numbers, in their final place. */
static int
side_rows(size_t chunk, unsigned int worker, void *data)
{
	const conc_pass *p = data;
	const mkg__markets *mk = p->mk;
	mkg_concentration *c = p->c;
	size_t end = MIN((size_t)mk->count, (chunk + 1) * CONC_CHUNK);

	(void)worker;
	for (size_t j = chunk * CONC_CHUNK; j < end; j++) {
		const mkg__market *src = &mk->markets[j];
		mkg__conc_market *dst = &c->markets[j];

		for (int side = 0; side < 2; side++) {
			mkg_market_side *s = &dst->side[side];
			size_t pos = p->side_pos[2 * j + side];
			uint32_t actors = p->actors[2 * j + side];
			int64_t firm_count = 0;
			double fringe = 0.0;

			s->total = src->total;
			s->actors = actors;
			s->shares = &c->shares[pos];
			for (uint32_t k = 0; k < actors; k++) {
				mkg_firm_share *row = &c->shares[pos + k];
				mkg_idx a = c->share_actor[pos + k];

				row->actor = p->copies[a];
				row->share = row->amount / src->total;
				row->firms = mkg__actor_firms(p->m, a);
				row->fringe = row->firms == 0;
				if (row->fringe)
					fringe += row->amount;
				else if (!mkg__count_add(&firm_count, row->firms) ||
				         (uint64_t)firm_count > SIZE_MAX)
					return firms_overflow(p->who, src, (mkg_side)side);
			}
			s->firms = (size_t)firm_count;
			s->fringe_share = fringe / src->total;
			if (s->actors == 0)
				s->fringe_share = 0.0;
			side_numbers(s, &dst->extra[side], p->t, c->by_firm + pos,
			             p->firm_shares[2 * j + side], c->shares);
		}
	}
	return MKG_OK;
}

int
mkg__concentration_compute(mkg_concentration **out, const mkg_model *m, const mkg__markets *mk,
                           const mkg_thresholds *t, const char *who, unsigned int threads)
{
	const uint32_t n_actors = m->actors->len;
	mkg_concentration *c = g_new0(mkg_concentration, 1);
	const char **copies = g_new0(const char *, n_actors ? n_actors : 1);
	size_t nchunks = (mk->count + (size_t)CONC_CHUNK - 1) / CONC_CHUNK;
	unsigned int workers = mkg__workers_for(threads, nchunks);
	conc_pass p;
	size_t pos = 0;
	int rc = MKG_OK;

	c->strings = g_string_chunk_new(4096);
	c->measure = mk->measure;
	c->levels = mk->levels;
	c->split = mk->split;
	c->thresholds = *t;
	c->thresholds.name = t->name ? g_string_chunk_insert_const(c->strings, t->name) : NULL;
	c->thresholds.source =
		t->source ? g_string_chunk_insert_const(c->strings, t->source) : NULL;
	c->excluded = mk->excluded;
	c->count = mk->count;
	c->markets = g_new0(mkg__conc_market, mk->count ? mk->count : 1);
	/* at most one share per transaction and side */
	c->shares = g_new(mkg_firm_share, 2 * (size_t)mk->carrying + 1);
	c->share_actor = g_new(mkg_idx, 2 * (size_t)mk->carrying + 1);
	c->by_firm = g_new(uint32_t, 2 * (size_t)mk->carrying + 1);

	p.c = c;
	p.m = m;
	p.mk = mk;
	p.rank = mkg__actor_id_rank(m, threads);
	p.n_actors = n_actors;
	p.actors = g_new(uint32_t, 2 * (size_t)mk->count + 1);
	p.firm_shares = g_new(uint32_t, 2 * (size_t)mk->count + 1);
	p.side_pos = g_new(size_t, 2 * (size_t)mk->count + 1);
	p.pos = 0;
	p.copies = copies;
	p.t = t;
	p.who = who;
	p.worker = g_new0(conc_worker *, workers);
	rc = mkg__run_tasks(nchunks, threads, sort_sides, place_sides, &p); /* never fails today */
	for (unsigned int k = 0; k < workers; k++)
		conc_worker_free(p.worker[k]);
	g_free(p.worker);
	if (rc == MKG_OK)
		rc = mkg__run_tasks(nchunks, threads, side_rows, NULL, &p);
	pos = p.pos;
	g_free(p.side_pos);
	c->share_count = pos;

	g_free(p.actors);
	g_free(p.firm_shares);
	g_free(copies);
	g_free(p.rank);
	if (rc != MKG_OK) {
		mkg_concentration_free(c);
		return rc;
	}
	*out = c;
	return MKG_OK;
}

int
mkg_concentration_new(mkg_concentration **out, const mkg_model *model,
                      const mkg_concentration_options *opts)
{
	mkg_concentration_options o;
	mkg_thresholds t;
	mkg__markets mk;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_concentration_new", mkg_concentration_options,
	                    MKG_CONCENTRATION_OPTIONS, opts, &o);
	if ((rc = mkg__check_measure(o.measure)) != MKG_OK ||
	    (rc = mkg__check_levels((int)o.levels)) != MKG_OK ||
	    (rc = mkg__check_region_split((int)o.split_by_region)) != MKG_OK ||
	    (rc = mkg__thresholds_resolve(o.thresholds, o.custom_thresholds, &t)) != MKG_OK)
		return rc;
	if ((rc = mkg__markets_build(&mk, model, o.measure, o.levels, o.split_by_region,
	                             "concentration", o.threads)) != MKG_OK)
		return rc;
	rc = mkg__concentration_compute(out, model, &mk, &t, "concentration", o.threads);
	mkg__markets_clear(&mk);
	return rc;
}

void
mkg_concentration_free(mkg_concentration *c)
{
	if (c == NULL)
		return;
	g_free(c->markets);
	g_free(c->shares);
	g_free(c->share_actor);
	g_free(c->by_firm);
	g_string_chunk_free(c->strings);
	g_free(c);
}

/* ---- accessors ----------------------------------------------------------- */

size_t
mkg_concentration_market_count(const mkg_concentration *c)
{
	return c ? c->count : 0;
}

const mkg_market *
mkg_concentration_market_at(const mkg_concentration *c, size_t i)
{
	return c && i < c->count ? &c->markets[i].pub : NULL;
}

const mkg_market_side *
mkg_concentration_side(const mkg_concentration *c, size_t i, mkg_side side)
{
	if (c == NULL || i >= c->count || (unsigned)side > MKG_SIDE_BUYER)
		return NULL;
	return &c->markets[i].side[side];
}

double
mkg_concentration_cr(const mkg_concentration *c, size_t i, mkg_side side, size_t k)
{
	const mkg_market_side *s = mkg_concentration_side(c, i, side);

	if (s == NULL || s->firms == 0)
		return (double)NAN;
	/* from amounts, like CR4: the same number for k = 4 */
	return cr_k(s, c->by_firm + (s->shares - c->shares),
	            c->markets[i].extra[side].firm_shares, c->shares, k);
}

mkg_measure
mkg_concentration_measure(const mkg_concentration *c)
{
	return c ? c->measure : MKG_MEASURE_VOLUME;
}

mkg_region_split
mkg_concentration_split_by_region(const mkg_concentration *c)
{
	return c ? c->split : MKG_REGION_NONE;
}

mkg_levels
mkg_concentration_levels(const mkg_concentration *c)
{
	return c ? c->levels : MKG_LEVELS_SEPARATE;
}

const mkg_thresholds *
mkg_concentration_thresholds(const mkg_concentration *c)
{
	return c ? &c->thresholds : NULL;
}

size_t
mkg_concentration_excluded(const mkg_concentration *c)
{
	return c ? c->excluded : 0;
}
