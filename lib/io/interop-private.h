/* marketgraph: internal helpers of the interop formats (CSV, GraphML,
 * Kumu).  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_INTEROP_PRIVATE_H
#define MKG_INTEROP_PRIVATE_H

#include "marketgraph.h"
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* ---- files (file-io.c) --------------------------------------------------- */

/* Read a whole file into *out (g_free; NUL-terminated beyond *len).
 * MKG_EIO `PATH: cannot open: <reason>` / `PATH: cannot read: <reason>`,
 * MKG_ENOMEM when it does not fit in memory. */
int mkg__io_read_file(const char *path, char **out, size_t *len);
/* The same for a large input: a regular file of 1 MiB or more is read into
 * memory of its own (mmap, huge pages, populated at once), *mapped set to
 * its size; smaller files and others as mkg__io_read_file(), *mapped 0.
 * Free the text with mkg__io_free_read(*out, *mapped). */
int mkg__io_read_file_mapped(const char *path, char **out, size_t *len, size_t *mapped);
void mkg__io_free_read(char *data, size_t mapped);
/* Read a stream to its end into *out (g_free; not NUL-terminated).
 * MKG_EIO `stream: cannot read: <reason>`, MKG_ENOMEM likewise. */
int mkg__io_read_stream(FILE *stream, char **out, size_t *len);

/* Replace the file path with len bytes by mkg__output_write_file()
 * (output-private.h: a unique temporary file beside it, synced and renamed
 * over it; a device or a pipe written in place), so a reader sees the old
 * file or the new one.  MKG_EIO `PATH: cannot write: <reason>`. */
int mkg__io_write_file(const char *path, const char *data, size_t len);

/* The model's commodities as one line of JSON, the array of the model
 * format (json-write.c), for the graph formats; mkg_free() it.  NULL
 * when out of memory. */
char *mkg__json_commodities_text(const mkg_model *m);

/* ---- the tables and their columns (csv-schema.c) ------------------------ */

/* Column numbers of each table, in the order the writer puts them. */
enum { MKG_CA_ID, MKG_CA_NAME, MKG_CA_KIND, MKG_CA_REGION, MKG_CA_HOUSEHOLDS, MKG_CA_CAPACITY,
       MKG_CA_SUPPLY, MKG_CA_DEMAND, MKG_CA_TAGS, MKG_CA_ATTRIBUTES, MKG_CA_FIRMS,
       MKG_CA_COSTS, MKG_CA_COUNT };
enum { MKG_CT_ID, MKG_CT_SELLER, MKG_CT_BUYER, MKG_CT_COMMODITY, MKG_CT_VOLUME, MKG_CT_VALUE,
       MKG_CT_PERIOD, MKG_CT_CONTRACT, MKG_CT_SERVICE, MKG_CT_CAPACITY, MKG_CT_ATTRIBUTES,
       MKG_CT_LEVEL, MKG_CT_COUNT };
enum { MKG_CF_ID, MKG_CF_FACILITATOR, MKG_CF_TYPE, MKG_CF_FUNCTION, MKG_CF_TARGET_ACTORS,
       MKG_CF_TARGET_TRANSACTIONS, MKG_CF_START, MKG_CF_END, MKG_CF_EXIT, MKG_CF_SUCCESSOR,
       MKG_CF_COST, MKG_CF_PAID_BY, MKG_CF_ATTRIBUTES, MKG_CF_COUNT };
enum { MKG_CM_GROUP, MKG_CM_MEMBER, MKG_CM_SINCE, MKG_CM_ROLE, MKG_CM_COUNT };
enum { MKG_CD_NAME, MKG_CD_CURRENCY, MKG_CD_VOLUME_UNIT, MKG_CD_PERIOD, MKG_CD_ATTRIBUTES,
       MKG_CD_COUNT };
enum { MKG_CC_ID, MKG_CC_UNIT, MKG_CC_SERVICE, MKG_CC_MADE_FROM, MKG_CC_INPUT_PER_UNIT,
       MKG_CC_ATTRIBUTES, MKG_CC_TRANSFER, MKG_CC_COUNT };

/* Most columns of any table. */
#define MKG_CSV_MAX_COLUMNS 13

typedef struct mkg_csv_schema {
	const char *array;           /* the model's name for the records ("actors"), as in
	                              * its messages; "document" for the document table */
	const char *const *columns;  /* the format's field names ("targets.actors") */
	size_t count;
	const bool *required;        /* whether each column must be in the header */
} mkg_csv_schema;

/* The schema of a table (table < MKG_CSV_TABLE_COUNT). */
const mkg_csv_schema *mkg__csv_schema(mkg_csv_table table);

/* ---- lists in one cell (csv-list.c) --------------------------------------- */

/* Whether c is one of the white-space bytes trimmed around list items and
 * typed cells: space, tab, CR, LF. */
static inline bool
mkg__csv_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Append a list of strings as one cell's text: "a;b;c" when every item is
 * non-empty, holds no ';', has no space at either end and the first does
 * not start with '[' (so that it reads back the same); else a JSON array
 * of strings.  n == 0 appends nothing. */
void mkg__list_write(GString *out, const char *const *items, size_t n);

/* Append who pays as one cell's text: "actor:share;actor:share" under the
 * rules of mkg__list_write() for the actor ids (which may hold ':'), else
 * a JSON array of {"actor", "share"} objects, followed by
 * {"embedded": [ids], "share": embedded_share} when n_embedded > 0 (always
 * the JSON form then).  n == 0 and n_embedded == 0 append nothing. */
void mkg__payments_write(GString *out, const char *const *actors, const double *shares,
                         size_t n, const char *const *embedded, size_t n_embedded,
                         double embedded_share);

/* Append a number as the CSV writer and the interop formats write it: the
 * shortest form that reads back to the same double, -0 as 0. */
void mkg__number_write(GString *out, double d);

/* ---- analysis results for the graph exports (interop-results.c) --------- */

typedef struct mkg__actor_result {
	bool in_chain;            /* a node of the chain's produce graph */
	double throughput, throughput_share;   /* NaN: not in the chain */
	double betweenness;       /* all pairs; NaN: not in the chain */
	double betweenness_share; /* source_sink / (producers x end markets) */
	int64_t captive;          /* captive producers (0: none) */
	double captive_supply;    /* NaN when none */
	const char *binding;      /* "capacity", "demand" or NULL */
	double binding_capacity;  /* NaN when not binding */
} mkg__actor_result;

typedef struct mkg__results {
	char *chain, *unit;       /* the chain's primary commodity and unit (may be NULL) */
	size_t pivots;            /* betweenness: 0 exact, else estimated from these */
	mkg__actor_result *actors;  /* per actor index */
	double *tx_binding;       /* per transaction: its pair's binding capacity, or NaN */
} mkg__results;

/* Run throughput, betweenness, captive producers and the flow on chain
 * (NULL: the model's only one) with the default sources and sinks; fails
 * as they fail (several chains and no name: `throughput: the model has 2
 * chains (a, b): name one in options.chain`).  O(the analyses). */
int mkg__results_compute(const mkg_model *m, const char *chain, mkg__results *out);
void mkg__results_clear(mkg__results *r);

/* The actors a facilitation record supports, in order of first mention,
 * into out (mkg_idx): its target actors, then the sellers and buyers of
 * its target transactions; never the facilitator.  seen (one per actor,
 * zeroed once) marks with stamp, a number different for each record
 * (kumu-write.c). */
struct mkg_facilitation_rec;
void mkg__supported_actors(const mkg_model *m, const struct mkg_facilitation_rec *f,
                           uint32_t stamp, uint32_t *seen, GArray *out);

#endif /* MKG_INTEROP_PRIVATE_H */
