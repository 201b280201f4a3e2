/* marketgraph: the market model.
 *
 * A model holds actors (market players), transactions between them,
 * facilitation records, group memberships and the commodities it lists,
 * with every field of the model format (docs/format.md).  Records are kept in insertion order and
 * addressed by a 0-based index; ids are interned and looked up in O(1).
 *
 * Records are added with a description struct: initialise it with its
 * _INIT macro, set the fields you have, then call mkg_model_add_*().  The
 * add functions apply exactly the rules of the JSON importer and fail with
 * the importer's message, where the path names the index the record would
 * have had, for example `transactions[3].buyer: unknown actor "trader-9"`.
 * A failed add leaves the model unchanged.
 *
 * Records are read back with mkg_model_*_at(), which fill the same
 * description structs: set out->version (start from the _INIT macro), call,
 * and read the fields.  They come back exactly as an add would take them to
 * rebuild an equal model: references to actors and transactions as ids,
 * lists as arrays of ids, absent fields absent.
 *
 * Ownership: every string and array a mkg_model_*_at() call stores in *out
 * is borrowed from the model, valid until the model is next changed (any
 * set or add call) or freed.  Copy what you keep longer.
 *
 * Absent numbers are MKG_ABSENT (a NaN) and absent counts are -1; absent
 * strings are NULL; absent lists are NULL with a count of 0.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_MODEL_H
#define MARKETGRAPH_MODEL_H

#include "common.h"

#include <math.h>

MKG_BEGIN_DECLS

/** A market model.  Opaque; create with mkg_model_new(), free with mkg_model_free(). */
typedef struct mkg_model mkg_model;

/** The value of a number field that is absent (a quiet NaN). */
#define MKG_ABSENT ((double)NAN)

/** Whether a number read from the model is absent. */
#define MKG_IS_ABSENT(x) ((x) != (x))

/* ------------------------------------------------------------------------ */
/* Enumerations.  Values are part of the ABI and only ever appended.        */

typedef enum mkg_actor_kind {
	MKG_ACTOR_KIND_UNSET = -1, /**< in a description: not yet chosen (an error) */
	MKG_ACTOR_PRODUCER = 0,
	MKG_ACTOR_INPUT_SUPPLIER,
	MKG_ACTOR_COLLECTOR,
	MKG_ACTOR_TRADER,
	MKG_ACTOR_PROCESSOR,
	MKG_ACTOR_WHOLESALER,
	MKG_ACTOR_EXPORTER,
	MKG_ACTOR_RETAILER,
	MKG_ACTOR_END_MARKET,
	MKG_ACTOR_SERVICE_PROVIDER,
	MKG_ACTOR_FINANCIAL_INSTITUTION,
	MKG_ACTOR_PUBLIC_AGENCY,
	MKG_ACTOR_MARKETING_BOARD,
	MKG_ACTOR_PROGRAMME,
	MKG_ACTOR_ASSOCIATION,
	MKG_ACTOR_NGO,
	MKG_ACTOR_OTHER
} mkg_actor_kind;
#define MKG_ACTOR_KIND_COUNT 17

typedef enum mkg_contract {
	MKG_CONTRACT_SPOT = 0, /**< the default */
	MKG_CONTRACT_CONTRACT_FARMING,
	MKG_CONTRACT_AUCTION,
	MKG_CONTRACT_EMBEDDED_SERVICE,
	MKG_CONTRACT_CREDIT,
	MKG_CONTRACT_OTHER
} mkg_contract;
#define MKG_CONTRACT_COUNT 6

typedef enum mkg_facilitation_type {
	MKG_FACILITATION_TYPE_UNSET = -1,
	MKG_FACILITATION_TEMPORARY = 0, /**< by a programme, meant to end */
	MKG_FACILITATION_COMMERCIAL,    /**< sold by a business */
	MKG_FACILITATION_PUBLIC         /**< ongoing, by the state or a public body */
} mkg_facilitation_type;
#define MKG_FACILITATION_TYPE_COUNT 3

typedef enum mkg_function {
	MKG_FUNCTION_UNSET = -1,
	MKG_FUNCTION_CAPACITY_BUILDING = 0,
	MKG_FUNCTION_RESEARCH_DEVELOPMENT,
	MKG_FUNCTION_SHARED_VISION,
	MKG_FUNCTION_LINKAGES,
	MKG_FUNCTION_BUSINESS_OPPORTUNITIES,
	MKG_FUNCTION_MONITORING,
	MKG_FUNCTION_INFORMATION,
	MKG_FUNCTION_BROKERAGE,
	MKG_FUNCTION_TRANSACTION_SECURITY,
	MKG_FUNCTION_PLATFORM,
	MKG_FUNCTION_REGULATION,
	MKG_FUNCTION_FINANCE,
	MKG_FUNCTION_OTHER
} mkg_function;
#define MKG_FUNCTION_COUNT 13

typedef enum mkg_exit {
	MKG_EXIT_NONE = 0,   /**< no exit given */
	MKG_EXIT_FADE_OUT,   /**< no longer needed after the end */
	MKG_EXIT_COMMERCIAL, /**< a successor takes it over commercially */
	MKG_EXIT_PUBLIC      /**< a successor takes it over as a public service */
} mkg_exit;
#define MKG_EXIT_COUNT 4

/**
 * The format's name of an enumeration value ("end_market", "contract_farming",
 * "temporary", "capacity_building", "fade_out"); NULL for a value out of
 * range.  MKG_EXIT_NONE has no name (NULL).  Static strings.
 */
MKG_EXPORT const char *mkg_actor_kind_name(mkg_actor_kind kind);
MKG_EXPORT const char *mkg_contract_name(mkg_contract contract);
MKG_EXPORT const char *mkg_facilitation_type_name(mkg_facilitation_type type);
MKG_EXPORT const char *mkg_function_name(mkg_function function);
MKG_EXPORT const char *mkg_exit_name(mkg_exit exit);

/**
 * Parse a format name into an enumeration value.  Return MKG_OK, or
 * MKG_EINVAL for NULL arguments or an unknown name (*out is then unchanged).
 */
MKG_EXPORT int mkg_actor_kind_from_name(const char *name, mkg_actor_kind *out);
MKG_EXPORT int mkg_contract_from_name(const char *name, mkg_contract *out);
MKG_EXPORT int mkg_facilitation_type_from_name(const char *name, mkg_facilitation_type *out);
MKG_EXPORT int mkg_function_from_name(const char *name, mkg_function *out);
MKG_EXPORT int mkg_exit_from_name(const char *name, mkg_exit *out);

/* ------------------------------------------------------------------------ */
/* The model                                                                */

/** Create an empty model in *out (owned by the caller). */
MKG_EXPORT int
mkg_model_new(mkg_model **out);

/** Free a model and everything it holds.  NULL is a no-op. */
MKG_EXPORT void
mkg_model_free(mkg_model *model);

/**
 * Document-level fields.  The setters copy the string (NULL clears the
 * field) and fail with MKG_EDATA on invalid UTF-8.  The getters return the
 * field or NULL when absent.
 *
 * `period` is the default period of transactions that name none.
 */
MKG_EXPORT int mkg_model_set_name(mkg_model *model, const char *name);
MKG_EXPORT int mkg_model_set_currency(mkg_model *model, const char *currency);
MKG_EXPORT int mkg_model_set_volume_unit(mkg_model *model, const char *unit);
MKG_EXPORT int mkg_model_set_period(mkg_model *model, const char *period);
MKG_EXPORT const char *mkg_model_name(const mkg_model *model);
MKG_EXPORT const char *mkg_model_currency(const mkg_model *model);
MKG_EXPORT const char *mkg_model_volume_unit(const mkg_model *model);
MKG_EXPORT const char *mkg_model_period(const mkg_model *model);

/**
 * The document's free `attributes`: the text of a JSON object, stored in
 * compact canonical form and written back unchanged by the exporter.
 * The setter fails with MKG_EDATA when the text is not one JSON object
 * (message `attributes: ...`); NULL clears it.  The getter returns NULL
 * when there are none.
 */
MKG_EXPORT int mkg_model_set_attributes(mkg_model *model, const char *json_object_text);
MKG_EXPORT const char *mkg_model_attributes(const mkg_model *model);

/** Number of records of each kind.  O(1). */
MKG_EXPORT size_t mkg_model_actor_count(const mkg_model *model);
MKG_EXPORT size_t mkg_model_transaction_count(const mkg_model *model);
MKG_EXPORT size_t mkg_model_facilitation_count(const mkg_model *model);
MKG_EXPORT size_t mkg_model_membership_count(const mkg_model *model);
MKG_EXPORT size_t mkg_model_commodity_count(const mkg_model *model);

/**
 * Look a record up by id, in O(1).  Store its index in *index and return
 * MKG_OK, or return MKG_ENOTFOUND (message `no actor "x"`) and leave *index
 * unchanged.  MKG_EINVAL for NULL arguments.
 */
MKG_EXPORT int mkg_model_find_actor(const mkg_model *model, const char *id, size_t *index);
MKG_EXPORT int mkg_model_find_transaction(const mkg_model *model, const char *id, size_t *index);
MKG_EXPORT int mkg_model_find_facilitation(const mkg_model *model, const char *id, size_t *index);
/** A listed commodity (message `no commodity "x"`); an implicit one is not found. */
MKG_EXPORT int mkg_model_find_commodity(const mkg_model *model, const char *id, size_t *index);
/** The membership (group, member), by the two actor ids. */
MKG_EXPORT int mkg_model_find_membership(const mkg_model *model, const char *group,
                                         const char *member, size_t *index);

/* ------------------------------------------------------------------------ */
/* Actors                                                                   */

/**
 * One cost of an actor (FAO value chain analysis: what it pays that is not a
 * purchase recorded as a transaction: labour, rent, energy, depreciation,
 * interest).  The format's actor field `costs` holds a list of them.
 */
typedef struct mkg_cost {
	const char *item;      /**< required, not empty: what the money paid for ("labour") */
	double amount;         /**< required: finite, >= 0, in the model's currency */
	const char *period;    /**< NULL: the model's period */
	const char *commodity; /**< NULL: the actor's whole business; else the commodity it is for */
} mkg_cost;

/** An actor, as mkg_model_add_actor() takes it and mkg_model_actor_at() fills it (strings
 *  borrowed). */
typedef struct mkg_actor_desc {
	unsigned int version;     /**< MKG_ACTOR_DESC_VERSION */
	const char *id;           /**< required; 1 to 256 bytes of UTF-8, unique */
	const char *name;         /**< NULL: defaults to the id */
	mkg_actor_kind kind;      /**< required */
	const char *region;       /**< NULL when absent */
	int64_t households;       /**< >= 0, or -1 when absent */
	double capacity;          /**< >= 0, or MKG_ABSENT (unbounded) */
	double supply;            /**< producers only; >= 0 or MKG_ABSENT */
	double demand;            /**< end markets only; >= 0 or MKG_ABSENT */
	const char *const *tags;  /**< tag_count strings, or NULL */
	size_t tag_count;         /**< length of tags; 0 when tags is NULL */
	const char *attributes;   /**< JSON object text, or NULL */
	int64_t firms;            /**< independent businesses it stands for: >= 1, or -1 (unknown) */
	const mkg_cost *costs;    /**< cost_count costs, or NULL (docs/format.md, "Costs") */
	size_t cost_count;        /**< length of costs; 0 when costs is NULL */
} mkg_actor_desc;

#define MKG_ACTOR_DESC_VERSION 1
#define MKG_ACTOR_DESC_INIT                                                        \
	{ MKG_ACTOR_DESC_VERSION, NULL, NULL, MKG_ACTOR_KIND_UNSET, NULL, -1,      \
	  MKG_ABSENT, MKG_ABSENT, MKG_ABSENT, NULL, 0, NULL, -1, NULL, 0 }

/** Fill *desc with the defaults of MKG_ACTOR_DESC_INIT (for bindings). */
MKG_EXPORT int mkg_actor_desc_init(mkg_actor_desc *desc, unsigned int version);

/**
 * Validate and append an actor.  On success store its index in *index
 * (when not NULL).  Fails with MKG_EDATA (invalid field, duplicate id),
 * MKG_EINVAL (NULL or wrong version) and changes nothing.  Amortised O(1).
 */
MKG_EXPORT int
mkg_model_add_actor(mkg_model *model, const mkg_actor_desc *desc, size_t *index);

/**
 * Read actor `i` into *out, which the caller versions (out->version =
 * MKG_ACTOR_DESC_VERSION, or start from MKG_ACTOR_DESC_INIT).  The name is
 * NULL when none was given (display code falls back to the id); the tags
 * are NULL when there are none.  Strings and arrays are borrowed (see the
 * top of this file).
 *
 * Returns MKG_OK; MKG_EINVAL for a NULL argument or an unknown out->version
 * (`mkg_model_actor_at: unknown description version 7`); MKG_ENOTFOUND for
 * an index out of range (`mkg_model_actor_at: no actor at index 7 (the
 * model has 3)`).  On failure *out is unchanged.  O(1).
 */
MKG_EXPORT int
mkg_model_actor_at(const mkg_model *model, size_t i, mkg_actor_desc *out);

/* ------------------------------------------------------------------------ */
/* Transactions                                                             */

/** A transaction, as mkg_model_add_transaction() takes it and mkg_model_transaction_at() fills
 *  it. */
typedef struct mkg_transaction_desc {
	unsigned int version;   /**< MKG_TRANSACTION_DESC_VERSION */
	const char *id;         /**< NULL: generated as "t<N>", N the 1-based position */
	const char *seller;     /**< required actor id */
	const char *buyer;      /**< required actor id, not the seller */
	const char *commodity;  /**< required, not empty */
	double volume;          /**< >= 0 or MKG_ABSENT; volume or value is required */
	double value;           /**< >= 0 or MKG_ABSENT */
	const char *period;     /**< NULL: the model's period */
	mkg_contract contract;  /**< default MKG_CONTRACT_SPOT */
	int service;            /**< nonzero: the commodity is a service */
	double capacity;        /**< >= 0 or MKG_ABSENT (unbounded) */
	const char *attributes; /**< JSON object text, or NULL */
	const char *level;      /**< market level; NULL: the seller's kind name; else not empty */
} mkg_transaction_desc;

#define MKG_TRANSACTION_DESC_VERSION 1
#define MKG_TRANSACTION_DESC_INIT                                                 \
	{ MKG_TRANSACTION_DESC_VERSION, NULL, NULL, NULL, NULL, MKG_ABSENT,       \
	  MKG_ABSENT, NULL, MKG_CONTRACT_SPOT, 0, MKG_ABSENT, NULL, NULL }

MKG_EXPORT int mkg_transaction_desc_init(mkg_transaction_desc *desc, unsigned int version);

/** Validate and append a transaction; as mkg_model_add_actor(). */
MKG_EXPORT int
mkg_model_add_transaction(mkg_model *model, const mkg_transaction_desc *desc, size_t *index);

/**
 * Read transaction `i` into *out; as mkg_model_actor_at() (message `no
 * transaction at index 7 (the model has 3)`).  The id is always set (a
 * generated "t<N>" included).  Seller and buyer are actor ids; find their
 * indices with mkg_model_find_actor().  The period is the transaction's own,
 * or NULL when it names none: it then falls in the model's period,
 * mkg_model_period() (which may be NULL too).  service is 0 or 1.  The level
 * is the transaction's own, or NULL: the market level is then the name of
 * the seller's kind (`producer`: the farm gate).
 */
MKG_EXPORT int
mkg_model_transaction_at(const mkg_model *model, size_t i, mkg_transaction_desc *out);

/* ------------------------------------------------------------------------ */
/* Facilitation                                                             */

/** One payer of a facilitation record's cost. */
typedef struct mkg_payment {
	const char *actor; /**< actor id */
	double share;      /**< in [0, 1]; the shares of a record sum to 1 */
} mkg_payment;

/** A facilitation record, as mkg_model_add_facilitation() takes it and
 *  mkg_model_facilitation_at() fills it. */
typedef struct mkg_facilitation_desc {
	unsigned int version;                   /**< MKG_FACILITATION_DESC_VERSION */
	const char *id;                         /**< NULL: generated as "f<N>" */
	const char *facilitator;                /**< required actor id */
	mkg_facilitation_type type;             /**< required */
	mkg_function function;                  /**< required */
	const char *const *target_actors;       /**< actor ids */
	size_t target_actor_count;              /**< length of target_actors */
	const char *const *target_transactions; /**< transaction ids */
	size_t target_transaction_count;        /**< at least one target in all */
	const char *start;                      /**< YYYY, YYYY-MM or YYYY-MM-DD, or NULL */
	const char *end;                        /**< as start; not before start */
	mkg_exit exit;                          /**< temporary records only */
	const char *successor;                  /**< actor id; required by a commercial or public exit */
	double cost;                            /**< >= 0 or MKG_ABSENT */
	const mkg_payment *paid_by;             /**< NULL and 0: absent; else shares sum to 1
	                                             (with embedded_share) */
	size_t paid_by_count;                   /**< length of paid_by */
	const char *attributes;                 /**< JSON object text, or NULL */
	/* version 2 */
	const char *const *embedded;            /**< the `embedded` part of paid_by: ids of the
	                                             transactions in whose price the cost is
	                                             recovered; the facilitator is the seller or
	                                             buyer of each.  NULL and 0: none */
	size_t embedded_count;                  /**< length of embedded */
	double embedded_share;                  /**< the share of the cost they recover, in [0, 1];
	                                             ignored when embedded_count is 0 */
} mkg_facilitation_desc;

/* Version 1 descriptions (without the embedded part) are still accepted. */
#define MKG_FACILITATION_DESC_VERSION 2
#define MKG_FACILITATION_DESC_INIT                                                \
	{ MKG_FACILITATION_DESC_VERSION, NULL, NULL, MKG_FACILITATION_TYPE_UNSET, \
	  MKG_FUNCTION_UNSET, NULL, 0, NULL, 0, NULL, NULL, MKG_EXIT_NONE, NULL,  \
	  MKG_ABSENT, NULL, 0, NULL, NULL, 0, 0 }

MKG_EXPORT int mkg_facilitation_desc_init(mkg_facilitation_desc *desc, unsigned int version);

/** Validate and append a facilitation record; as mkg_model_add_actor(). */
MKG_EXPORT int
mkg_model_add_facilitation(mkg_model *model, const mkg_facilitation_desc *desc, size_t *index);

/**
 * Read facilitation record `i` into *out; as mkg_model_actor_at() (message
 * `no facilitation record at index 7 (the model has 3)`).  The id is always
 * set.  Facilitator, successor (NULL when absent), targets and payers are
 * ids: target_actors and target_transactions are arrays of ids (NULL when
 * the list is empty), paid_by an array of paid_by_count payers (NULL and 0
 * when absent), embedded the ids of the transactions recovering
 * embedded_share of the cost (NULL, 0 and 0 when none; only set when
 * out->version is 2 or more).
 */
MKG_EXPORT int
mkg_model_facilitation_at(const mkg_model *model, size_t i, mkg_facilitation_desc *out);

/* ------------------------------------------------------------------------ */
/* Memberships                                                              */

/** A membership, as mkg_model_add_membership() takes it and mkg_model_membership_at() fills it. */
typedef struct mkg_membership_desc {
	unsigned int version; /**< MKG_MEMBERSHIP_DESC_VERSION */
	const char *group;    /**< required actor id */
	const char *member;   /**< required actor id, not the group; (group, member) unique */
	const char *since;    /**< YYYY, YYYY-MM or YYYY-MM-DD, or NULL */
	const char *role;     /**< free text ("member", "chair", "supervisor"), or NULL */
} mkg_membership_desc;

#define MKG_MEMBERSHIP_DESC_VERSION 1
#define MKG_MEMBERSHIP_DESC_INIT { MKG_MEMBERSHIP_DESC_VERSION, NULL, NULL, NULL, NULL }

MKG_EXPORT int mkg_membership_desc_init(mkg_membership_desc *desc, unsigned int version);

/** Validate and append a membership; as mkg_model_add_actor(). */
MKG_EXPORT int
mkg_model_add_membership(mkg_model *model, const mkg_membership_desc *desc, size_t *index);

/**
 * Read membership `i` into *out; as mkg_model_actor_at() (message `no
 * membership at index 7 (the model has 3)`).  Group and member are actor ids.
 */
MKG_EXPORT int
mkg_model_membership_at(const mkg_model *model, size_t i, mkg_membership_desc *out);

/* ------------------------------------------------------------------------ */
/* Commodities                                                              */

/**
 * A commodity the model lists.  A commodity that transactions name but the
 * model does not list is a primary commodity measured in the model's
 * volume_unit; listing it adds its unit, whether it is a service, and what
 * it is made from: one unit of it needs input_per_unit units of made_from.
 * Chains of made_from end at a primary commodity (one without made_from).
 */
typedef struct mkg_commodity_desc {
	unsigned int version;     /**< MKG_COMMODITY_DESC_VERSION */
	const char *id;           /**< required, not empty, unique among commodities */
	const char *unit;         /**< NULL: the model's volume_unit */
	int service;              /**< nonzero: a service (no made_from; its transactions are services) */
	const char *made_from;    /**< a listed commodity id, or NULL for a primary commodity */
	double input_per_unit;    /**< > 0 with made_from; MKG_ABSENT without */
	const char *attributes;   /**< JSON object text, or NULL */
	int transfer;             /**< nonzero: a transfer (fee, levy, cess, tax): money its
	                               buyer (the payer) pays its seller (the payee) for no
	                               good or service; requires service.  Never value added
	                               (docs/analyses.md, "Value distribution") */
} mkg_commodity_desc;

#define MKG_COMMODITY_DESC_VERSION 1
#define MKG_COMMODITY_DESC_INIT \
	{ MKG_COMMODITY_DESC_VERSION, NULL, NULL, 0, NULL, MKG_ABSENT, NULL, 0 }

MKG_EXPORT int mkg_commodity_desc_init(mkg_commodity_desc *desc, unsigned int version);

/**
 * Validate and append a commodity; as mkg_model_add_actor().  made_from may
 * name a commodity added later, and transactions may name the commodity
 * before or after it is added: the rules that join records (an unknown
 * made_from, a cycle, a service's transactions) are checked by
 * mkg_model_validate().  Fails on a duplicate id, an input_per_unit that is
 * not a finite number > 0, made_from without input_per_unit or the
 * reverse, a service with made_from, and a transfer that is not a service.
 */
MKG_EXPORT int
mkg_model_add_commodity(mkg_model *model, const mkg_commodity_desc *desc, size_t *index);

/**
 * Read commodity `i` into *out; as mkg_model_actor_at() (message `no
 * commodity at index 7 (the model has 3)`).  service and transfer are 0 or 1.
 */
MKG_EXPORT int
mkg_model_commodity_at(const mkg_model *model, size_t i, mkg_commodity_desc *out);

/**
 * Check the rules that join records added in any order, with the
 * importer's messages: every made_from names a listed commodity that is not
 * a service (`commodities[1].made_from: unknown commodity "tuber"`), chains
 * of made_from have no cycle (`commodities[2].made_from: cycle chips ->
 * potato -> chips`), their factors stay finite, and a transaction of a
 * listed commodity is a service exactly when the commodity is
 * (`transactions[4].service: must be true, commodity "transport" is a
 * service (commodities[0])`).  Returns MKG_OK or MKG_EDATA.  The JSON and
 * CSV importers call it after the last record; the JSON and CSV exporters
 * refuse a model that fails it.  O(commodities + transactions).
 */
MKG_EXPORT int
mkg_model_validate(const mkg_model *model);

/**
 * The primary equivalent of a commodity: store in *primary the id of the
 * primary commodity its made_from chain ends at (itself for a primary
 * commodity, a service or a commodity transactions name without listing
 * it) and in *factor the units of primary per unit of it: the product of
 * input_per_unit along the chain (1 for a primary commodity).  4 t of
 * potato per t of chips: ("chips", "potato", 4).  *primary is borrowed
 * (see the top of this file).  Either output pointer may be NULL.
 *
 * Fails with MKG_ENOTFOUND (`no commodity "x"`) for an id neither listed
 * nor named by a transaction, MKG_EDATA with the message of
 * mkg_model_validate() when the chains are broken, MKG_EINVAL for NULL
 * model or commodity; outputs are then unchanged.  O(1) after the first
 * call following a change (which resolves every chain in O(commodities)).
 */
MKG_EXPORT int
mkg_model_primary_equivalent(const mkg_model *model, const char *commodity,
                             const char **primary, double *factor);

/**
 * Whether two models hold the same data: the same document fields and the
 * same records in the same order with equal fields (numbers compared
 * exactly, absent equal to absent).  Returns 1 or 0.
 */
MKG_EXPORT int
mkg_model_equal(const mkg_model *a, const mkg_model *b);

MKG_END_DECLS

#endif /* MARKETGRAPH_MODEL_H */
