/* A deterministic generator of layered value-chain models (see layered.h).
 * SPDX-License-Identifier: MIT */
#include "layered.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STAGES 8
#define REGION_SIZE 2000

static const mkg_actor_kind stage_kind[STAGES] = {
	MKG_ACTOR_PRODUCER, MKG_ACTOR_COLLECTOR, MKG_ACTOR_TRADER, MKG_ACTOR_PROCESSOR,
	MKG_ACTOR_WHOLESALER, MKG_ACTOR_EXPORTER, MKG_ACTOR_RETAILER, MKG_ACTOR_END_MARKET,
};
static const double stage_share[STAGES] = { 0.70, 0.12, 0.08, 0.04, 0.03, 0.01, 0.01, 0.01 };
/* Producers, collectors and traders trade within their region. */
static const int stage_local[STAGES] = { 1, 1, 1, 0, 0, 0, 0, 0 };

static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static double
unit(uint64_t *s)
{
	return (double)(next(s) >> 11) * 0x1.0p-53;
}

static uint32_t
below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(unit(s) * n);
}

static void
shuffle(uint32_t *a, uint32_t n, uint64_t *s)
{
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = below(s, i), t = a[i - 1];

		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* Rank drawn with weight ~ 1 / (rank + 1)^1.2 (heavy-tailed), by the
 * inverse of the continuous approximation. */
static uint32_t
popular(uint64_t *s, uint32_t n)
{
	const double a = 0.2; /* exponent - 1 */
	double u = unit(s), top = 1.0 - pow((double)n + 1.0, -a);
	double x = pow(1.0 - u * top, -1.0 / a) - 1.0;
	uint32_t r = (uint32_t)x;

	return r < n ? r : n - 1;
}

/* The members of one stage (in one region, for local stages), in a
 * shuffled order: a member's position is its popularity rank. */
typedef struct pool {
	uint32_t *member;
	uint32_t count;
} pool;

void
layered_generate(layered *out, uint32_t actors, uint64_t seed)
{
	uint64_t s = seed * 2654435761u + 1;
	uint32_t count[STAGES], regions = actors / REGION_SIZE ? actors / REGION_SIZE : 1;
	uint32_t *stage = malloc(actors * sizeof *stage), *region = malloc(actors * sizeof *region);
	uint32_t *order = malloc(actors * sizeof *order), *id_of = malloc(actors * sizeof *id_of);
	uint32_t *where = malloc(actors * sizeof *where);
	pool *pools = calloc((size_t)STAGES * regions, sizeof *pools);
	uint32_t cap = actors * 5 + 16, arcs = 0, a, k, st, sum = 0;
	uint32_t *tail = malloc(cap * sizeof *tail), *head = malloc(cap * sizeof *head);
	uint32_t *perm;
	mkg_model *m = NULL;
	char sid[16], bid[16];

	/* Stage sizes, every stage at least one actor. */
	for (st = 0; st < STAGES; st++) {
		count[st] = (uint32_t)(stage_share[st] * actors);
		if (count[st] == 0)
			count[st] = 1;
		sum += count[st];
	}
	count[0] -= sum > actors ? sum - actors : 0;
	count[0] += sum < actors ? actors - sum : 0;
	/* Generated in stage order (then shuffled): stage and region. */
	for (st = 0, a = 0; st < STAGES; st++) {
		for (k = 0; k < count[st]; k++, a++) {
			stage[a] = st;
			region[a] = stage_local[st] ? below(&s, regions) : 0;
		}
	}
	for (a = 0; a < actors; a++) {
		pool *p = &pools[stage[a] * regions + region[a]];

		p->count++;
	}
	for (k = 0; k < STAGES * regions; k++) {
		pools[k].member = malloc((pools[k].count ? pools[k].count : 1) * sizeof(uint32_t));
		pools[k].count = 0;
	}
	for (a = 0; a < actors; a++) {
		pool *p = &pools[stage[a] * regions + region[a]];

		p->member[p->count++] = a;
	}
	for (k = 0; k < STAGES * regions; k++)
		shuffle(pools[k].member, pools[k].count, &s);

	/* Sales: 1 to 4 per seller, to the next stage or the one after. */
	for (a = 0; a < actors; a++) {
		double u = unit(&s);
		uint32_t sales = u < 0.25 ? 1 : u < 0.55 ? 2 : u < 0.85 ? 3 : 4;

		if (stage[a] == STAGES - 1)
			continue;
		for (k = 0; k < sales; k++) {
			uint32_t to = stage[a] + 1 + (unit(&s) < 0.2 ? 1 : 0);
			const pool *p;

			if (to >= STAGES)
				to = STAGES - 1;
			p = &pools[to * regions + (stage_local[to] ? region[a] : 0)];
			if (p->count == 0) /* a region with no one of that stage: go national */
				p = &pools[to * regions + below(&s, regions)];
			if (p->count == 0)
				continue;
			tail[arcs] = a;
			head[arcs] = p->member[popular(&s, p->count)];
			arcs++;
		}
	}

	/* Shuffle the insertion order of actors and transactions, and ids. */
	for (a = 0; a < actors; a++)
		order[a] = id_of[a] = a;
	shuffle(order, actors, &s);
	shuffle(id_of, actors, &s);
	for (a = 0; a < actors; a++)
		where[order[a]] = a; /* generated actor -> insertion index */
	perm = malloc((arcs ? arcs : 1) * sizeof *perm);
	for (k = 0; k < arcs; k++)
		perm[k] = k;
	shuffle(perm, arcs, &s);

	if (mkg_model_new(&m) != MKG_OK)
		abort();
	mkg_model_set_name(m, "layered value chain (bench/layered.c)");
	out->kind = malloc(actors);
	for (a = 0; a < actors; a++) {
		uint32_t g = order[a];
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

		snprintf(sid, sizeof sid, "a%07u", id_of[g]);
		d.id = sid;
		d.kind = stage_kind[stage[g]];
		if (d.kind == MKG_ACTOR_PRODUCER && unit(&s) < 0.3)
			d.supply = (double)(1 + below(&s, 200));
		if (d.kind == MKG_ACTOR_PROCESSOR && unit(&s) < 0.5)
			d.capacity = (double)(100 + below(&s, 2000));
		if (d.kind == MKG_ACTOR_END_MARKET && unit(&s) < 0.5)
			d.demand = (double)(1000 + below(&s, 100000));
		if (mkg_model_add_actor(m, &d, NULL) != MKG_OK) {
			fprintf(stderr, "layered: %s\n", mkg_error_message());
			abort();
		}
		out->kind[a] = (uint8_t)d.kind;
	}
	out->tail = malloc((arcs ? arcs : 1) * sizeof *out->tail);
	out->head = malloc((arcs ? arcs : 1) * sizeof *out->head);
	for (k = 0; k < arcs; k++) {
		uint32_t e = perm[k];
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

		snprintf(sid, sizeof sid, "a%07u", id_of[tail[e]]);
		snprintf(bid, sizeof bid, "a%07u", id_of[head[e]]);
		d.id = NULL;
		d.seller = sid;
		d.buyer = bid;
		d.commodity = "maize";
		d.volume = (double)(1 + below(&s, 100));
		if (mkg_model_add_transaction(m, &d, NULL) != MKG_OK) {
			fprintf(stderr, "layered: %s\n", mkg_error_message());
			abort();
		}
		out->tail[k] = where[tail[e]];
		out->head[k] = where[head[e]];
	}
	out->model = m;
	out->actors = actors;
	out->arcs = arcs;
	for (k = 0; k < STAGES * regions; k++)
		free(pools[k].member);
	free(pools);
	free(stage);
	free(region);
	free(order);
	free(id_of);
	free(where);
	free(tail);
	free(head);
	free(perm);
}

void
layered_clear(layered *l)
{
	mkg_model_free(l->model);
	free(l->tail);
	free(l->head);
	free(l->kind);
	memset(l, 0, sizeof *l);
}
