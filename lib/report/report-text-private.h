/* marketgraph: what every text section of the report shares.  Never
 * installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_REPORT_TEXT_PRIVATE_H
#define MKG_REPORT_TEXT_PRIVATE_H

#include "analysis-private.h" /* MKG_DOUBLE_BUFSIZE */

/* A blank line, title, and a line of '=' as long as the title (in bytes). */
void mkg__text_heading(GString *out, const char *title);

/* What the text sections need to print the model's strings safely
 * (docs/report.md): every id, name, commodity, period, region and unit
 * goes through mkg__label() or mkg__text(), escaped with the rule of
 * messages (mkg__text_escape: controls as \u001b, never raw), without
 * quotes and uncut.  One per call that writes text: the cache is filled as
 * the text is written, so it is never shared between threads. */
typedef struct mkg__labels {
	GHashTable *labels;  /* actor id -> escaped label; the report's, read only,
	                        unless model is set */
	GHashTable *escaped; /* string -> its escaped form, for strings that need one */
	/* When set, labels starts empty and owns its keys and values: an actor's
	 * label is made from the model the first time it is asked for, so that
	 * a text of a large model holds the labels it prints, not every one
	 * (mkg_report_text_new). */
	const mkg_model *model;
} mkg__labels;

/* The display label of an actor, escaped: "coop-a (Huasahuasi growers)";
 * an actor without a name of its own is its id (report-text.c). */
const char *mkg__label(mkg__labels *l, const char *id);
/* s escaped for the text: s itself when it needs no escape, else a copy
 * that l owns (report-text.c). */
const char *mkg__text(mkg__labels *l, const char *s);
/* Free what l made (not l->labels). */
void mkg__labels_clear(mkg__labels *l);

/* A number for text, rounded for a person (mkg__human_amount), "-" for NaN. */
const char *mkg__text_number(char buf[MKG_DOUBLE_BUFSIZE], double d);

#endif /* MKG_REPORT_TEXT_PRIVATE_H */
