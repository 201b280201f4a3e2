/* marketgraph: what every text section of the report shares.  Never
 * installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_REPORT_TEXT_PRIVATE_H
#define MKG_REPORT_TEXT_PRIVATE_H

#include "analysis-private.h" /* MKG_DOUBLE_BUFSIZE */

/* A blank line, title, and a line of '=' as long as the title (in bytes). */
void mkg__text_heading(GString *out, const char *title);

/* Actor id -> display label for the text report ("coop-a (Huasahuasi
 * growers)"); labels of unnamed actors are their ids (report-text.c). */
typedef GHashTable mkg__labels;
const char *mkg__label(const mkg__labels *labels, const char *id);

/* A number for text: shortest round-trip form, "-" for NaN (report-text.c). */
const char *mkg__text_number(char buf[MKG_DOUBLE_BUFSIZE], double d);

#endif /* MKG_REPORT_TEXT_PRIVATE_H */
