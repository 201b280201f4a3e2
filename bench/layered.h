/* A deterministic generator of layered value-chain models for the
 * bottleneck benchmarks (bench/layered.c).
 * SPDX-License-Identifier: MIT */
#ifndef BENCH_LAYERED_H
#define BENCH_LAYERED_H

#include <marketgraph.h>

#include <stdint.h>

/* The generated model and, for the peers, the same graph as plain arrays:
 * vertex i is actor i (insertion order). */
typedef struct layered {
	mkg_model *model;
	uint32_t actors;
	uint32_t arcs;      /* produce transactions (parallel ones not merged) */
	uint32_t *tail;     /* [arcs] seller's actor index */
	uint32_t *head;     /* [arcs] buyer's actor index */
	uint8_t *kind;      /* [actors] mkg_actor_kind */
} layered;

/*
 * Generate `actors` actors in the stages of a value chain (producers 70%,
 * collectors 12%, traders 8%, processors 4%, wholesalers 3%, exporters 1%,
 * retailers 1%, end markets 1%) in regions of about 2,000 actors (producers,
 * collectors and traders trade within their region, later stages
 * nationally).  Every actor but an end market sells 1 to 4 times (2.35 on
 * average, about 2.3 transactions per actor) to buyers of the next stage
 * (80%) or the one after (20%), chosen with heavy-tailed popularity (a
 * buyer's weight falls as a power of its rank); a buyer may be drawn twice
 * (parallel transactions).  Actors and transactions are inserted in a
 * shuffled order and ids ("a" and 7 digits) are shuffled too, as in data
 * that come in no particular order.  Some producers have a supply, some
 * processors a capacity, some end markets a demand.  The same arguments
 * give the same model.
 */
void layered_generate(layered *out, uint32_t actors, uint64_t seed);
void layered_clear(layered *l);

#endif /* BENCH_LAYERED_H */
