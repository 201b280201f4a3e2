/* marketgraph: models as spreadsheet tables (CSV, RFC 4180).
 *
 * A model is five tables, one file each: actors, transactions,
 * facilitation, memberships and document (the model's own fields, one
 * row), and a sixth, commodities, when the model lists commodities.  Each
 * file starts with a header row naming its columns after the fields of the
 * model format; columns may come in any order and optional
 * ones may be left out.  An empty cell is an absent field.  Lists (tags,
 * facilitation targets, paid_by) sit in one cell, `a;b;c` or
 * `actor:share;actor:share`, or as JSON text when an item needs it.  The
 * exact rules, every column and every message are in docs/interop.md.
 *
 * Import is strict and atomic, and goes through the model's validating add
 * functions, so a table breaks exactly the rules a JSON document would.
 * Messages name the file, the line and the column:
 * `transactions.csv: line 7, column 3 (buyer): unknown actor "trader-9"`.
 *
 * Export writes the same tables, so that a model goes to a spreadsheet and
 * back: importing an export gives an equal model (mkg_model_equal()).
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_CSV_H
#define MARKETGRAPH_CSV_H

#include "common.h"
#include "model.h"

MKG_BEGIN_DECLS

/** The tables of a model.  Values are part of the ABI and only appended. */
typedef enum mkg_csv_table {
	MKG_CSV_ACTORS = 0,
	MKG_CSV_TRANSACTIONS,
	MKG_CSV_FACILITATION,
	MKG_CSV_MEMBERSHIPS,
	MKG_CSV_DOCUMENT,
	MKG_CSV_COMMODITIES  /**< an addition: written only when the model lists commodities */
} mkg_csv_table;
#define MKG_CSV_TABLE_COUNT 6

/**
 * The name of a table ("actors", "transactions", "facilitation",
 * "memberships", "document", "commodities"): its file is that name plus
 * ".csv".  NULL for a value out of range.  Static strings.
 */
MKG_EXPORT const char *mkg_csv_table_name(mkg_csv_table table);

/* ------------------------------------------------------------------------ */
/* Import                                                                   */

/** Options of the CSV import. */
typedef struct mkg_csv_read_options {
	unsigned int version;    /**< MKG_CSV_READ_OPTIONS_VERSION */
	/** 0: detect each file's separator from its header line (',', ';' or
	 *  tab, whichever occurs most outside quotes; ',' when none does).
	 *  Else ',', ';' or a tab for every file. */
	int separator;
	/* The document's fields.  Each one that is not NULL replaces the value
	 * of the document table (or gives it when there is no such table). */
	const char *name;        /**< the model's name (title), or NULL: the document table's */
	const char *currency;    /**< the currency of every value (ISO 4217), or NULL: the
	                              document table's */
	const char *volume_unit; /**< the unit of every volume and capacity, or NULL: the
	                              document table's */
	const char *period;      /**< the default period of transactions, or NULL: the document
	                              table's */
	const char *attributes;  /**< JSON object text */
} mkg_csv_read_options;

#define MKG_CSV_READ_OPTIONS_VERSION 1
#define MKG_CSV_READ_OPTIONS_INIT { MKG_CSV_READ_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL, NULL }

/** Fill *opts with MKG_CSV_READ_OPTIONS_INIT (for bindings).  MKG_EINVAL for
 *  NULL or an unknown version. */
MKG_EXPORT int mkg_csv_read_options_init(mkg_csv_read_options *opts, unsigned int version);

/**
 * Import a model from CSV files.  paths[k] is the file of table k (an
 * mkg_csv_table value), NULL when there is no such table; count is the
 * number of entries of paths, at most MKG_CSV_TABLE_COUNT (a program
 * written for fewer tables passes its own count, and the tables appended
 * since are absent).  The actors table is required; without a document
 * table the document's fields are the options'.  The tables are read in
 * the order document, commodities, actors, transactions, facilitation,
 * memberships, then mkg_model_validate() checks what joins them.
 * opts NULL: the defaults.
 *
 *     const char *paths[MKG_CSV_TABLE_COUNT] = { NULL };
 *     paths[MKG_CSV_ACTORS] = "actors.csv";
 *     paths[MKG_CSV_TRANSACTIONS] = "transactions.csv";
 *     rc = mkg_csv_read_files(&model, paths, MKG_CSV_TABLE_COUNT, NULL);
 *
 * On success store a new model in *out (owned by the caller); on failure
 * leave *out unchanged and return MKG_EIO (`PATH: cannot open: ...`),
 * MKG_EPARSE (the CSV itself is malformed, an unknown or missing column:
 * `PATH: line 4, column 2: ...`), MKG_EDATA (a cell breaks a rule of the
 * format: `PATH: line 7, column 3 (buyer): unknown actor "trader-9"`) or
 * MKG_EINVAL (NULL out or paths, no actors table, count out of range, bad
 * options).  Messages start with the path as given.
 *
 * The files are read whole; time and memory are linear in their size
 * (memory: the input, the model and one row).
 */
MKG_EXPORT int
mkg_csv_read_files(mkg_model **out, const char *const *paths, size_t count,
                   const mkg_csv_read_options *opts);

/** One table's text in memory. */
typedef struct mkg_csv_buffer {
	const char *name;  /**< for messages ("actors.csv"); NULL: the table's name + ".csv" */
	const void *data;  /**< len bytes, need not be NUL-terminated; NULL when len is 0 */
	size_t len;        /**< bytes at data */
} mkg_csv_buffer;

/**
 * Import a model from tables in memory, as mkg_csv_read_files() (the same
 * rules and messages, named by each buffer's name): tables[k] is table k,
 * NULL when absent, for k < count.  The caller keeps the buffers.
 */
MKG_EXPORT int
mkg_csv_read_buffers(mkg_model **out, const mkg_csv_buffer *const *tables, size_t count,
                     const mkg_csv_read_options *opts);

/* ------------------------------------------------------------------------ */
/* Export                                                                   */

/** Options of the CSV export. */
typedef struct mkg_csv_write_options {
	unsigned int version; /**< MKG_CSV_WRITE_OPTIONS_VERSION */
	int separator;        /**< 0 or ',': comma; ';' or a tab */
	int bom;              /**< nonzero: start with a UTF-8 byte order mark (for Excel) */
	/** nonzero: guard against spreadsheet formula injection (OWASP): every
	 *  text of the model (ids, names, list items...) that starts with '=',
	 *  '+', '-', '@', a tab or a CR is written with a leading apostrophe
	 *  ('=1+1), which a spreadsheet shows as text.  Numbers are not changed.
	 *  The importer does not strip the apostrophe: such a file imports as
	 *  a model whose texts start with it (docs/interop.md). */
	int safe_cells;
} mkg_csv_write_options;

#define MKG_CSV_WRITE_OPTIONS_VERSION 1
#define MKG_CSV_WRITE_OPTIONS_INIT { MKG_CSV_WRITE_OPTIONS_VERSION, 0, 0, 0 }

/** Fill *opts with MKG_CSV_WRITE_OPTIONS_INIT (for bindings). */
MKG_EXPORT int mkg_csv_write_options_init(mkg_csv_write_options *opts, unsigned int version);

/**
 * Write one table of a model as CSV text: a header row naming every column
 * of the table, then one row per record in model order (the document table
 * has exactly one row).  Rows end with CRLF (RFC 4180); a cell is quoted
 * when it holds the separator, a quote, a line end, or is an empty string
 * (an unquoted empty cell is an absent field).  Numbers are written in the
 * shortest form that reads back to the same double.  The same model gives
 * the same bytes.
 *
 * The commodities table of a model that lists none is its header row.
 *
 * On success store a NUL-terminated string in *out, to be freed with
 * mkg_free(), and its length in *len when len is not NULL.  MKG_EINVAL for
 * NULL model or out, an unknown table, or bad options; MKG_EDATA with the
 * message of mkg_model_validate() for a model that fails it (its tables
 * would not read back).  O(size of the table).
 */
MKG_EXPORT int
mkg_csv_write_string(const mkg_model *model, mkg_csv_table table,
                     const mkg_csv_write_options *opts, char **out, size_t *len);

/**
 * Write the tables to the files PREFIX + "actors.csv", PREFIX +
 * "transactions.csv", ...: the five, and "commodities.csv" when the model
 * lists commodities (else a PREFIX + "commodities.csv" left by an earlier
 * export is removed, so the set on disk is the model's).  Each file is
 * replaced atomically: written to a fresh temporary file beside it
 * (".mkg-XXXXXX"), synced and renamed; they are renamed only once all are
 * written, so a failure while writing changes no file (a replaced file
 * keeps its permission bits).
 *
 * A PREFIX ending in '/' ("dir/") names a directory, replaced as a whole
 * set: the tables go into a new directory beside dir, which then takes its
 * place, so a reader (or a failure) never sees old and new tables mixed.
 * dir is created when missing (its parent must exist); an existing dir
 * must be empty or hold only the tables' files, else nothing is written
 * and the message is `dir: cannot write: the directory holds 'notes.txt',
 * which is not one of the tables; give a new or empty directory`.
 * MKG_EIO `PATH: cannot write: REASON` on failure; MKG_EDATA as
 * mkg_csv_write_string().
 */
MKG_EXPORT int
mkg_csv_write_files(const mkg_model *model, const char *prefix,
                    const mkg_csv_write_options *opts);

MKG_END_DECLS

#endif /* MARKETGRAPH_CSV_H */
