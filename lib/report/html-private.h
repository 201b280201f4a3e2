/* marketgraph: the report as tables (one per result list), rendered as
 * CSV files (csv-tables.c) and as the HTML report (html*.c).  Never
 * installed.
 *
 * A table is built once from the result accessors (report-tables.c) and
 * rendered twice, so the CSV files and the HTML tables always agree: same
 * rows, same columns, same order.  Cells keep full precision; the HTML
 * rounds them for people (and sorts on the full value), the CSV writes
 * the shortest exact form.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_HTML_PRIVATE_H
#define MKG_HTML_PRIVATE_H

#include "sections-private.h"
#include "bottlenecks-report-private.h"
#include "channels-report-private.h"
#include "marketgraph/report.h"

/* ---- what the report holds (report.c, m4p-report.c) ---------------------- */

typedef struct mkg__report_view {
	const char *model_name, *volume_unit, *currency; /* NULL when absent */
	size_t actors, transactions, facilitation, memberships;
	mkg_measure measure;
	const mkg_thresholds *thresholds;
	mkg_levels levels;
	mkg_region_split split;
	const char *exit_date;
	const char *const *coalition;
	size_t coalition_count;
	const mkg_concentration *concentration; /* each NULL when not computed */
	const mkg_coalitions *coalitions;
	const mkg_dependency *dependency;
	const mkg_bottlenecks *bottlenecks;
	const mkg_channels *channels;
	/* the M4P results */
	const mkg_facilitation_mix *mix;
	const mkg_payments *payments;
	const mkg_exit_simulation *exit_simulation; /* NULL without an exit date */
	const mkg_value *value;
	const mkg_inclusiveness *inclusiveness;
	/* the summary: mkg__finding * rows (findings-private.h), borrowed */
	const GPtrArray *findings;
} mkg__report_view;

void mkg__report_view_get(const mkg_report *r, mkg__report_view *v);
void mkg__m4p_view_get(const mkg__m4p *x, mkg__report_view *v);

/* ---- tables (report-tables.c) -------------------------------------------- */

typedef enum mkg__col_kind {
	MKG__COL_TEXT,   /* a string of the model or a name */
	MKG__COL_NUMBER, /* an amount: two decimals for people */
	MKG__COL_SHARE,  /* a fraction: a percentage for people */
	MKG__COL_INDEX,  /* an HHI, a count: no decimals for people */
} mkg__col_kind;

typedef struct mkg__column {
	const char *header; /* human-readable, with its unit */
	mkg__col_kind kind;
} mkg__column;

/* A cell: text, or (text NULL) a number; NaN is an empty cell. */
typedef struct mkg__cell {
	const char *text;
	double number;
} mkg__cell;

typedef struct mkg__table {
	const char *name;  /* file name without ".csv", and the HTML anchor */
	const char *title; /* the section heading */
	const char *note;  /* what it measures and in which unit */
	const mkg__column *columns;
	size_t column_count;
	GArray *cells;     /* mkg__cell, row after row */
} mkg__table;

typedef struct mkg__tables {
	GPtrArray *tables;     /* mkg__table *, in the report's order */
	GStringChunk *strings; /* the texts the tables built */
} mkg__tables;

/* Every table of the report, empty ones included (a CSV file with its
 * header only says "none"). */
mkg__tables *mkg__tables_build(const mkg__report_view *v);
void mkg__tables_free(mkg__tables *t);
/* The names of every table mkg__tables_build() can make, NULL-terminated. */
extern const char *const mkg__table_names[];

static inline size_t
mkg__table_rows(const mkg__table *t)
{
	return t->column_count ? t->cells->len / t->column_count : 0;
}

static inline const mkg__cell *
mkg__table_cell(const mkg__table *t, size_t row, size_t col)
{
	return &g_array_index(t->cells, mkg__cell, row * t->column_count + col);
}

/* ---- HTML pieces (html-escape.c, html-map.c, html-charts.c) --------------- */

/* Append s with & < > " ' as entities, controls and bytes that are not
 * well-formed UTF-8 as U+FFFD: safe in text and in attribute values. */
void mkg__html_escape(GString *out, const char *s);
/* A number as HTML shows it, by column kind ("12.5%", "1,480" is not used:
 * no thousands separator, so that a copied number reads back). */
void mkg__html_number(GString *out, double x, mkg__col_kind kind);

/* The market map as an inline <svg>: actors in columns by stage, arrows as
 * wide as the volume traded; actors holding captive producers outlined in
 * red.  Nothing when the model has no actor. */
void mkg__html_map(GString *out, const mkg_model *m, const mkg__report_view *v);

/* The charts: buyers' HHI by market and level, farmer's share by channel,
 * who pays for facilitation.  Each only when it has something to show. */
void mkg__html_chart_concentration(GString *out, const mkg__report_view *v);
void mkg__html_chart_channels(GString *out, const mkg__report_view *v);
void mkg__html_chart_payments(GString *out, const mkg__report_view *v);

/* The summary: the findings a reader must not miss (html-summary.c). */
void mkg__html_summary(GString *out, const mkg__report_view *v);

#endif /* MKG_HTML_PRIVATE_H */
