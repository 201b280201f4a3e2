/* marketgraph: the analysis report (docs/report.md).
 *
 * A report runs every analysis that the library has on one model with one
 * set of options, and writes the result as the JSON object of the report
 * contract, or as text for an analyst.  Sections of analyses that this
 * version does not implement are absent, never faked.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_REPORT_H
#define MARKETGRAPH_REPORT_H

#include "common.h"
#include "model.h"
#include "analysis.h" /* mkg_measure */

MKG_BEGIN_DECLS

/**
 * Progress of a report: called before each section with its name
 * ("concentration", ... as in docs/report.md) and the fraction of the
 * report's work done so far (0 to 1, estimated from the sections' usual
 * cost), and once at the end with "done" and 1.  Return 0 to go on,
 * nonzero to stop: the call then fails with MKG_ECANCELED, frees
 * everything it made and writes no file.  Called on the caller's thread.
 */
typedef int (*mkg_report_progress_fn)(const char *section, double fraction, void *data);

/** Options of the report (mkg_report_new()): what every analysis is run with. */
typedef struct mkg_report_options {
	unsigned int version;             /**< MKG_REPORT_OPTIONS_VERSION */
	mkg_measure measure;              /**< default MKG_MEASURE_VOLUME */
	const char *thresholds;           /**< threshold set name; NULL: "us2023" */
	mkg_region_split split_by_region; /**< whose region splits markets; default none */
	const char *exit_date;            /**< YYYY[-MM[-DD]]: simulate programme exits then; NULL: no */
	const char *const *coalition;     /**< actor ids of an extra what-if coalition, or NULL */
	size_t coalition_count;           /**< length of coalition; 0 when coalition is NULL */
	int channels;                     /**< nonzero: the text has the marketing channels, as
	                                       with detail (the JSON always has them) */
	mkg_levels levels;                /**< levels of trade as separate markets (default) or
	                                       pooled, for concentration, coalitions and groups;
	                                       the facilitation mix is always pooled */
	const char *const *by_tag;        /**< tags that split producers' incomes, households and
	                                       farmer's shares (with and without each), or NULL
	                                       (mkg_value_options.by_tag) */
	size_t by_tag_count;              /**< length of by_tag; 0 when by_tag is NULL */
	int detail;                       /**< nonzero: the long text (every market's share
	                                       table, every list to ten rows, the marketing
	                                       channels); default: the summary and the short
	                                       sections */
	const char *sections;             /**< the sections to compute and write, comma-separated
	                                       ("concentration,dependency"; docs/report.md); NULL:
	                                       all.  model and options are always written */
	size_t top;                       /**< at most this many rows in every list of the JSON
	                                       (the first rows, i.e. the largest: docs/report.md);
	                                       0: every row */
	mkg_report_progress_fn progress;  /**< called before each section, or NULL */
	void *progress_data;              /**< passed to progress */
	unsigned int threads;             /**< worker threads for the sections that split into
	                                       independent parts (the markets and their
	                                       concentration, dependency's pairs,
	                                       bottlenecks' chains and betweenness's
	                                       sources); 0: one per core, 1: none
	                                       made.  The result is the same, to the last bit,
	                                       for any number */
} mkg_report_options;

#define MKG_REPORT_OPTIONS_VERSION 1
#define MKG_REPORT_OPTIONS_INIT \
	{ MKG_REPORT_OPTIONS_VERSION, MKG_MEASURE_VOLUME, NULL, MKG_REGION_NONE, NULL, NULL, 0, 0, \
	  MKG_LEVELS_SEPARATE, NULL, 0, 0, NULL, 0, NULL, NULL, 0 }

MKG_EXPORT int mkg_report_options_init(mkg_report_options *opts, unsigned int version);

/** A computed report.  Opaque; free with mkg_report_free(). */
typedef struct mkg_report mkg_report;

/**
 * Run every analysis on model with opts (NULL: defaults) and store the
 * report in *out (owned by the caller; it copies what it needs, so the model
 * may be freed first).  Fails with MKG_EINVAL for bad options (unknown
 * threshold set, unknown coalition actor, malformed exit date, levels or
 * split_by_region out of range, an empty or repeated by_tag), with MKG_ENOTFOUND
 * for a by_tag no producer has (`by_tag[0]: no producer has the tag "x"`), with
 * MKG_EDATA when a sum of volume, value, cost, supply or households
 * overflows (`concentration: the volume of market "maize" level "producer" 2010 overflows
 * (sum of the transactions' volume exceeds 1.8e308)`, docs/analyses.md,
 * "Sums that overflow"), and with MKG_EUNSUPPORTED for a flow network of
 * 2^30 arcs or more; a failed call changes nothing.
 */
MKG_EXPORT int
mkg_report_new(mkg_report **out, const mkg_model *model, const mkg_report_options *opts);

MKG_EXPORT void
mkg_report_free(mkg_report *report);

/** The report as JSON (report.md); *out freed with mkg_free(). */
MKG_EXPORT int
mkg_report_write_json(const mkg_report *report, char **out, size_t *len);

/** The report as text for an analyst: it opens with a summary of at most
 * ten lines (the findings that matter, with their numbers), then the
 * sections (docs/report.md, "The text view"); *out freed with mkg_free(). */
MKG_EXPORT int
mkg_report_write_text(const mkg_report *report, char **out, size_t *len);

/**
 * Compute the report of model with opts (NULL: defaults) and return its
 * text in *out (freed with mkg_free()), the same bytes as mkg_report_new()
 * then mkg_report_write_text(), holding the results of one section at a
 * time: each section's text and the facts its summary lines need are taken
 * as soon as it is computed, then its results are freed, so memory holds
 * the model, the section being computed and the text, never every result
 * (what `marketgraph analyze` does for the text).  Fails as
 * mkg_report_new() does, with MKG_ECANCELED when the progress callback
 * stops it; *out is untouched on failure.
 */
MKG_EXPORT int
mkg_report_text_new(const mkg_model *model, const mkg_report_options *opts, char **out,
                    size_t *len);


/* ---- the HTML report and the tables (docs/report.md, "HTML report" and "Tables") ---- */

/** Options of the HTML report. */
typedef struct mkg_report_html_options {
	unsigned int version;    /**< MKG_REPORT_HTML_OPTIONS_VERSION */
	const mkg_model *model;  /**< the model the report was made from, borrowed for the call:
	                              its market map is drawn; NULL: no map */
	const char *date;        /**< the report's date as printed (any text); NULL: the
	                              model's period (needs model), else none.  Never the clock:
	                              the same report gives the same bytes */
} mkg_report_html_options;

#define MKG_REPORT_HTML_OPTIONS_VERSION 1
#define MKG_REPORT_HTML_OPTIONS_INIT { MKG_REPORT_HTML_OPTIONS_VERSION, NULL, NULL }

MKG_EXPORT int mkg_report_html_options_init(mkg_report_html_options *opts, unsigned int version);

/**
 * The report as one self-contained HTML page (no network, no external
 * file): the summary, the market map (inline SVG drawn by the library,
 * no Graphviz needed), charts (inline SVG), every result list as a table
 * with sortable columns (a few lines of inline script), print styles.
 * Every model string is escaped.  opts NULL: defaults (no map).  *out
 * freed with mkg_free().  MKG_EINVAL for NULL arguments or a wrong
 * options version.
 */
MKG_EXPORT int
mkg_report_write_html(const mkg_report *report, const mkg_report_html_options *opts, char **out,
                      size_t *len);

/** Options of the report's CSV tables. */
typedef struct mkg_report_csv_options {
	unsigned int version; /**< MKG_REPORT_CSV_OPTIONS_VERSION */
	int bom;              /**< nonzero: start each file with a UTF-8 byte-order mark */
	int safe_cells;       /**< nonzero: a text starting with = + - @ tab or CR gets a
	                           leading apostrophe, so a spreadsheet shows it as text */
} mkg_report_csv_options;

#define MKG_REPORT_CSV_OPTIONS_VERSION 1
#define MKG_REPORT_CSV_OPTIONS_INIT { MKG_REPORT_CSV_OPTIONS_VERSION, 0, 0 }

MKG_EXPORT int mkg_report_csv_options_init(mkg_report_csv_options *opts, unsigned int version);

/**
 * Write every result list of the report as a CSV file into the directory
 * dir (concentration.csv, coalitions.csv, ... : docs/report.md, "Tables"),
 * replaced as a whole set: the files go into a new directory beside dir,
 * which then takes its place.  dir is created when missing (its parent
 * must exist); an existing dir must be empty or hold only the tables'
 * files, else nothing is written and the message is `dir: cannot write:
 * the directory holds 'notes.txt', which is not one of the tables; give a
 * new or empty directory`.  MKG_EIO `PATH: cannot write: REASON` on
 * failure; MKG_EINVAL for NULL arguments, an empty dir or a wrong options
 * version.
 */
MKG_EXPORT int
mkg_report_write_csv_files(const mkg_report *report, const char *dir,
                           const mkg_report_csv_options *opts);

/**
 * Compute the report of model with opts (NULL: defaults) and write it as
 * JSON (the same bytes as mkg_report_new() then mkg_report_write_json())
 * to the file path, or to standard output when path is NULL, each section
 * as soon as it is computed, then freed: memory holds the model, the
 * section being computed and a 64 KiB buffer, never the whole report.  A
 * file is written beside path and renamed over it at the end, so a failure
 * leaves path as it was; standard output may hold the sections written
 * before the failure.  Fails as mkg_report_new() does, with MKG_ECANCELED
 * when the progress callback stops it, and with MKG_EIO `PATH: cannot
 * write: REASON`.
 */
MKG_EXPORT int
mkg_report_write_json_file(const mkg_model *model, const mkg_report_options *opts,
                           const char *path);

MKG_END_DECLS

#endif /* MARKETGRAPH_REPORT_H */
