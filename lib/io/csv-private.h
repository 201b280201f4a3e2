/* marketgraph: the CSV tokenizer (csv-parse.c), used by the CSV importer.
 * Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_CSV_PRIVATE_H
#define MKG_CSV_PRIVATE_H

#include "interop-private.h"

/* One cell of the current row. */
typedef struct mkg_csv_cell {
	const char *text; /* its content, unquoted, NUL-terminated; valid UTF-8 without NUL */
	size_t len;
	size_t line;      /* 1-based line where the cell starts */
	bool quoted;      /* written in quotes (so "" is an empty string, not an absent field) */
} mkg_csv_cell;

/*
 * Reads one table row by row (RFC 4180, with the extensions of
 * docs/interop.md: a UTF-8 BOM is skipped, lines end with CRLF, LF or CR,
 * the separator is ',' ';' or tab).  Memory: the input (borrowed) plus
 * one row.
 */
typedef struct mkg_csv_parser {
	const char *name;  /* the table's name in messages ("actors.csv") */
	const char *data;
	size_t len;
	size_t pos;        /* next byte to read */
	size_t line;       /* line of data[pos] */
	char sep;
	size_t max_cells;  /* more cells in a row are an error; 0: no limit */
	size_t row_line;   /* line where the current row starts */
	GString *scratch;  /* the current row's cells, each followed by a NUL */
	GArray *cells;     /* mkg_csv_cell, the current row */
} mkg_csv_parser;

/*
 * Start reading data[0..len).  sep is ',', ';' or '\t', or 0 to take the
 * one that occurs most often outside quotes in the first line (',' when
 * none does).  Skips a UTF-8 byte order mark.  Fails with MKG_EPARSE for an
 * empty table (`NAME: empty file: expected a header row naming the
 * columns`) or a UTF-16/UTF-32 one; the parser must be cleared in any case.
 */
int mkg__csv_parser_init(mkg_csv_parser *p, const char *name, const char *data, size_t len,
                         char sep);
void mkg__csv_parser_clear(mkg_csv_parser *p);

/*
 * Read the next row into p->cells: return 1, or 0 at the end of the input,
 * or MKG_EPARSE with a message `NAME: line L, column C: ...` (C the
 * 1-based cell) for a quote out of place, a quoted cell the input ends
 * in, more than max_cells cells, a NUL byte or bytes that are not UTF-8.
 */
int mkg__csv_next_row(mkg_csv_parser *p);

/* The current row's k-th cell (k < p->cells->len). */
#define MKG_CSV_CELL(p, k) (&g_array_index((p)->cells, mkg_csv_cell, (k)))

#endif /* MKG_CSV_PRIVATE_H */
