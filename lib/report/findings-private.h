/* marketgraph: the report's summary, "the findings that matter", as rows
 * that every writer of the report can use (the text view prints them as
 * its first lines; an HTML or CSV view can put them where it likes).
 * Never installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_FINDINGS_PRIVATE_H
#define MKG_FINDINGS_PRIVATE_H

#include "sections-private.h"
#include "marketgraph/report.h"

/* Lines of the summary at most: with the title line, the first ten lines
 * of the text report. */
#define MKG_SUMMARY_LINES 9

/* One finding: a topic (a static string: "periods", "farm_gate", "coalitions",
 * "dependence", "captive", "deliverable", "farmer_share", "exit",
 * "payers", "competing") and one line of text without its newline, numbers
 * rounded for a person, model strings escaped for a terminal
 * (mkg__text_escape; an HTML writer escapes it again for HTML). */
typedef struct mkg__finding {
	const char *topic;
	char *text;
} mkg__finding;

/* What the findings are made of: the report's results (any may be NULL)
 * and the model they were computed on. */
typedef struct mkg__findings_input {
	const mkg_model *model;
	const mkg_thresholds *thresholds;
	const char *measure_unit;     /* the measure's unit, NULL when none */
	const char *currency;         /* NULL when none */
	const mkg_concentration *concentration;
	const mkg_coalitions *coalitions;
	const mkg_dependency *dependency;
	const mkg_bottlenecks *bottlenecks;
	const mkg_channels *channels;
	const mkg_exit_readiness *readiness;
	const mkg_payments *payments;
	const mkg_competing *competing;
} mkg__findings_input;

/* The findings, in the order a practitioner asks for them, at most
 * MKG_SUMMARY_LINES: a GPtrArray of mkg__finding *, freed (with the rows)
 * by g_ptr_array_unref().  O(actors + transactions + records). */
GPtrArray *mkg__findings_compute(const mkg__findings_input *in);

/* The same findings gathered section by section, so that a writer can free
 * each section's results once it has read them (the streamed text,
 * report.c): mkg__findings_add() with an input whose other results are NULL
 * computes the topics of the results it holds (each topic reads one
 * section: the exit topic reads the readiness and the payments, both of
 * the facilitation section); mkg__findings_finish() returns the rows in the
 * summary's order, as mkg__findings_compute() would from all the results
 * at once, and frees f. */
typedef struct mkg__findings mkg__findings;
mkg__findings *mkg__findings_new(void);
void mkg__findings_add(mkg__findings *f, const mkg__findings_input *in);
GPtrArray *mkg__findings_finish(mkg__findings *f);

/* The findings of a report (report.c), borrowed from it. */
const GPtrArray *mkg__report_findings(const mkg_report *r);

/* The guideline that defines the band of an HHI class under t, short
 * ("2023 US Merger Guidelines") or as the source says; the 2023 U.S.
 * guidelines define only "highly concentrated": their lower bands are the
 * 1982/1992 guidelines'.  NULL for a class without a band. */
const char *mkg__band_source(const mkg_thresholds *t, mkg_concentration_class cls, bool full);
/* The band of cls in words with its numbers: "above 1,800", "1,000 to
 * 1,800", "below 1,000"; written into buf (64 bytes). */
const char *mkg__band_words(char buf[64], const mkg_thresholds *t, mkg_concentration_class cls);

#endif /* MKG_FINDINGS_PRIVATE_H */
