/* marketgraph: what every text section of the report shares.  Never
 * installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_HEADING_PRIVATE_H
#define MKG_HEADING_PRIVATE_H

#include <glib.h>

/* A blank line, title, and a line of '=' as long as the title (in bytes). */
void mkg__text_heading(GString *out, const char *title);

#endif /* MKG_HEADING_PRIVATE_H */
