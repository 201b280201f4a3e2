/* marketgraph: the model's internal layout.  Never installed.
 *
 * Records live in flat arrays of small structs, referring to one another by
 * 32-bit index (never by pointer), so that graph views and analyses can
 * build compressed adjacency arrays over millions of transactions.  Every
 * string is interned in one GStringChunk: equal strings (commodities,
 * periods, regions) share one pointer, so analyses may compare interned
 * strings by pointer.  Actor and transaction ids are the exception: unique in
 * their table by construction, they are copied into the chunk without the
 * chunk's table of equal strings (mkg__model_intern_id), which would only
 * grow by one entry per record; compare ids by content.  Variable-length lists (tags, targets, payments) are
 * slices of shared pools: a record stores (first, count).  Targets and
 * payments have two parallel pools, one by index for graph code and one by id
 * that mkg_model_facilitation_at() hands out as the public arrays without
 * allocating; the same slice addresses both.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_MODEL_PRIVATE_H
#define MKG_MODEL_PRIVATE_H

#include "marketgraph.h"
#include <glib.h>
#include <stdbool.h>

/* Index of a record in its array; MKG_IDX_NONE names none. */
typedef uint32_t mkg_idx;
#define MKG_IDX_NONE UINT32_MAX
/* Most records of one kind a model holds (keeps every index < MKG_IDX_NONE). */
#define MKG_MAX_RECORDS (UINT32_MAX - 1u)

/* A slice of one of the model's pools. */
typedef struct mkg_slice {
	uint32_t first;
	uint32_t count;
} mkg_slice;

typedef struct mkg_actor_rec {
	const char *id;         /* interned */
	const char *name;       /* interned, NULL when absent */
	const char *region;     /* interned, NULL when absent */
	const char *attributes; /* canonical JSON object text, NULL when absent */
	int64_t households;     /* -1 when absent */
	double capacity;        /* NaN when absent (unbounded) */
	double supply;          /* NaN when absent */
	double demand;          /* NaN when absent (unbounded) */
	mkg_slice tags;         /* into model->str_pool */
	mkg_slice costs;        /* into model->cost_pool */
	int64_t firms;          /* independent businesses, >= 1; -1 when unknown */
	mkg_actor_kind kind;
} mkg_actor_rec;

typedef struct mkg_transaction_rec {
	const char *id;         /* interned */
	const char *commodity;  /* interned */
	const char *period;     /* interned; NULL: the model's period */
	const char *level;      /* interned; NULL: the seller's kind (mkg__tx_level) */
	const char *attributes;
	double volume;          /* NaN when absent */
	double value;           /* NaN when absent */
	double capacity;        /* NaN when absent (unbounded) */
	mkg_idx seller;
	mkg_idx buyer;
	uint8_t contract;       /* mkg_contract */
	bool service;
} mkg_transaction_rec;

typedef struct mkg_facilitation_rec {
	const char *id;
	const char *start;      /* interned, NULL when absent */
	const char *end;        /* interned, NULL when absent */
	const char *attributes;
	double cost;            /* NaN when absent */
	mkg_idx facilitator;
	mkg_idx successor;      /* MKG_IDX_NONE when absent */
	mkg_slice target_actors;       /* into model->idx_pool and ->target_id_pool */
	mkg_slice target_transactions; /* into model->idx_pool and ->target_id_pool */
	mkg_slice payments;            /* into ->payment_pool and ->payer_id_pool */
	mkg_slice embedded;            /* transactions recovering embedded_share, into ->idx_pool
	                                  and ->target_id_pool; paid_by is absent when both
	                                  slices are empty */
	double embedded_share;         /* 0 when embedded is empty */
	uint8_t type;           /* mkg_facilitation_type */
	uint8_t function;       /* mkg_function */
	uint8_t exit;           /* mkg_exit */
} mkg_facilitation_rec;

typedef struct mkg_payment_rec {
	mkg_idx actor;
	double share;
} mkg_payment_rec;

typedef struct mkg_membership_rec {
	const char *since;      /* interned, NULL when absent */
	const char *role;       /* interned, NULL when absent */
	mkg_idx group;
	mkg_idx member;
} mkg_membership_rec;

typedef struct mkg_commodity_rec {
	const char *id;         /* interned */
	const char *unit;       /* interned, NULL: the model's volume_unit */
	const char *made_from;  /* interned id, NULL for a primary commodity; resolved lazily
	                         * (mkg__model_commodity_chains), as it may name a later record */
	const char *attributes;
	double input_per_unit;  /* > 0 with made_from, NaN without */
	bool service;
	bool transfer;          /* a fee, levy or tax: never value added */
} mkg_commodity_rec;

/* The made_from chains of every listed commodity, resolved together: for
 * commodity record c, primary[c] is the record its chain ends at and
 * factor[c] the units of primary per unit of c (1 for a primary). */
typedef struct mkg_commodity_chains {
	guint count;            /* the number of commodity records it was built for */
	mkg_idx *made_from;     /* record index, MKG_IDX_NONE for a primary */
	mkg_idx *primary;
	double *factor;
} mkg_commodity_chains;

struct mkg_model {
	GStringChunk *strings;   /* owns every string of the model */

	const char *name;        /* document fields, interned, NULL when absent */
	const char *currency;
	const char *volume_unit;
	const char *period;
	const char *attributes;

	GArray *actors;          /* mkg_actor_rec */
	GByteArray *actor_kinds; /* each actor's mkg_actor_kind, in step with actors: the graph
	                          * build reads a byte per actor, not an 80-byte record */
	GArray *transactions;    /* mkg_transaction_rec */
	GArray *facilitation;    /* mkg_facilitation_rec */
	GArray *memberships;     /* mkg_membership_rec */
	GArray *commodities;     /* mkg_commodity_rec */

	GPtrArray *str_pool;       /* const char *, interned: actor tags */
	GArray *idx_pool;          /* mkg_idx: facilitation targets */
	GPtrArray *target_id_pool; /* const char *, interned: idx_pool's ids, in step with it */
	GArray *payment_pool;      /* mkg_payment_rec */
	GArray *payer_id_pool;     /* mkg_payment: payment_pool by actor id, in step with it */
	GArray *cost_pool;         /* mkg_cost, strings interned: actors' costs */

	GHashTable *actor_ids;        /* id -> GUINT_TO_POINTER(index + 1) */
	GHashTable *transaction_ids;  /* id -> index + 1 */
	GHashTable *facilitation_ids; /* id -> index + 1 */
	GHashTable *membership_pairs; /* (group << 32 | member) as gint64* -> index + 1 */
	GHashTable *commodity_ids;    /* id -> index + 1 */
	GHashTable *tx_commodities;   /* interned commodity named by a transaction -> first
	                               * such transaction's index + 1 */

	/* Incremented by every change: caches derived from the model (graph
	 * views) compare it to know when to rebuild. */
	uint64_t revision;

	/* Views derived from the model (the produce graph), built lazily and
	 * dropped when the revision moves on.  The model only knows how to free
	 * them: it never looks inside (data flows model -> view, not back). */
	GMutex derived_lock;
	void *derived_graph;
	uint64_t derived_graph_revision;
	void (*derived_graph_free)(void *graph);
	/* Resolved made_from chains, under chains_lock; records are only ever
	 * appended, so they stay right while chains->count equals the number of
	 * commodity records.  NULL until first asked for. */
	GMutex chains_lock;
	mkg_commodity_chains *chains;
};

/* Typed element access; no bounds check (callers check against the count). */
#define MKG_ACTOR(m, i) (&g_array_index((m)->actors, mkg_actor_rec, (i)))
#define MKG_TX(m, i) (&g_array_index((m)->transactions, mkg_transaction_rec, (i)))
#define MKG_FAC(m, i) (&g_array_index((m)->facilitation, mkg_facilitation_rec, (i)))
#define MKG_MEMBERSHIP(m, i) (&g_array_index((m)->memberships, mkg_membership_rec, (i)))
#define MKG_COMMODITY(m, i) (&g_array_index((m)->commodities, mkg_commodity_rec, (i)))
#define MKG_POOL_IDX(m, i) (g_array_index((m)->idx_pool, mkg_idx, (i)))
#define MKG_POOL_PAYMENT(m, i) (&g_array_index((m)->payment_pool, mkg_payment_rec, (i)))
#define MKG_POOL_COST(m, i) (&g_array_index((m)->cost_pool, mkg_cost, (i)))
#define MKG_POOL_STR(m, i) ((const char *)g_ptr_array_index((m)->str_pool, (i)))

/* The ids of a slice of a string pool as a public array; NULL for an empty
 * slice, as a description has it. */
static inline const char *const *
mkg__pool_ids(const GPtrArray *pool, mkg_slice s)
{
	return s.count ? (const char *const *)pool->pdata + s.first : NULL;
}

/* The name to show for an actor: its name, else its id. */
static inline const char *
mkg__actor_display_name(const mkg_actor_rec *a)
{
	return a->name ? a->name : a->id;
}

/* The effective period of a transaction: its own, else the model's, else NULL. */
static inline const char *
mkg__tx_period(const mkg_model *m, const mkg_transaction_rec *t)
{
	return t->period ? t->period : m->period;
}

/* The market level of a transaction: its own, else its seller's kind name
 * (`producer` is the farm gate).  Never NULL. */
static inline const char *
mkg__tx_level(const mkg_model *m, const mkg_transaction_rec *t)
{
	return t->level ? t->level
	                : mkg_actor_kind_name(g_array_index(m->actors, mkg_actor_rec, t->seller).kind);
}

/* Intern a string in the model (no validation). */
const char *mkg__model_intern(mkg_model *m, const char *s);
/* Copy an actor or transaction id into the model's strings, not interned:
 * it is unique in its table already. */
const char *mkg__model_intern_id(mkg_model *m, const char *s);

/* Room for that many more actors and transactions (an importer's counts),
 * their memory faulted in at once (reserve.c).  A hint: it changes no
 * count, and a failure only leaves the arrays to grow as they go. */
void mkg__model_reserve(mkg_model *m, size_t actors, size_t transactions);

/* Find an actor by id: its index or MKG_IDX_NONE.  No error is set. */
mkg_idx mkg__model_actor_lookup(const mkg_model *m, const char *id);
mkg_idx mkg__model_transaction_lookup(const mkg_model *m, const char *id);
mkg_idx mkg__model_commodity_lookup(const mkg_model *m, const char *id);

/* ---- commodities for analyses (commodity.c) -------------------------------- */

/* The commodity record transaction t names, or MKG_IDX_NONE when the model
 * does not list it: an implicit primary commodity in the model's volume
 * unit, factor 1.  O(1). */
static inline mkg_idx
mkg__tx_commodity(const mkg_model *m, const mkg_transaction_rec *t)
{
	return mkg__model_commodity_lookup(m, t->commodity);
}

/* The unit of a commodity's volumes: its own when listed with one, else
 * the model's volume unit (NULL when neither is given).  O(1). */
static inline const char *
mkg__commodity_unit(const mkg_model *m, const char *commodity)
{
	mkg_idx c = mkg__model_commodity_lookup(m, commodity);

	if (c != MKG_IDX_NONE && MKG_COMMODITY(m, c)->unit != NULL)
		return MKG_COMMODITY(m, c)->unit;
	return m->volume_unit;
}

/* The resolved made_from chains (see mkg_commodity_chains), built once per
 * change of the commodity list in O(commodities) and shared by threads.
 * MKG_OK with *out borrowed until the model changes, or MKG_EDATA with the
 * message of mkg_model_validate() (unknown made_from, cycle, factor out of
 * range) and *out unchanged. */
int mkg__model_commodity_chains(const mkg_model *m, const mkg_commodity_chains **out);
void mkg__commodity_chains_free(mkg_commodity_chains *chains);

/* The primary commodity (interned id) and factor of transaction t's commodity:
 * (its own commodity, 1) when not listed.  chains from
 * mkg__model_commodity_chains(). */
static inline void
mkg__tx_primary(const mkg_model *m, const mkg_commodity_chains *chains,
                const mkg_transaction_rec *t, const char **primary, double *factor)
{
	mkg_idx c = mkg__tx_commodity(m, t);

	*primary = c == MKG_IDX_NONE ? t->commodity
	                             : g_array_index(m->commodities, mkg_commodity_rec,
	                                             chains->primary[c]).id;
	*factor = c == MKG_IDX_NONE ? 1.0 : chains->factor[c];
}

/* How the add functions treat `attributes` text. */
typedef enum mkg_add_flags {
	MKG__ADD_DEFAULT = 0,
	/* The attributes text is already canonical JSON (the importer made it). */
	MKG__ADD_TRUSTED_ATTRIBUTES = 1u << 0
} mkg_add_flags;

int mkg__model_add_actor(mkg_model *m, const mkg_actor_desc *d, unsigned flags, size_t *index);
int mkg__model_add_transaction(mkg_model *m, const mkg_transaction_desc *d, unsigned flags,
                               size_t *index);
int mkg__model_add_facilitation(mkg_model *m, const mkg_facilitation_desc *d, unsigned flags,
                                size_t *index);
int mkg__model_add_commodity(mkg_model *m, const mkg_commodity_desc *d, unsigned flags,
                             size_t *index);
int mkg__model_set_attributes(mkg_model *m, const char *text, unsigned flags);

/*
 * Dates of the format: "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real
 * calendar day.  Parsed into the first and the last day they cover, as
 * YYYYMMDD integers ("2012" -> 20120101 .. 20121231).  Returns false for
 * anything else.
 */
bool mkg__date_parse(const char *s, int32_t *first_day, int32_t *last_day);

#endif /* MKG_MODEL_PRIVATE_H */
