/* marketgraph: the report layer's writers of the marketing channels
 * (lib/analysis/channels.c).  Never installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_CHANNELS_REPORT_PRIVATE_H
#define MKG_CHANNELS_REPORT_PRIVATE_H

#include "analysis-private.h"
#include "report-text-private.h"
#include "marketgraph/channels.h"

/* The `channels` object at the writer's position (channels-json.c). */
void mkg__channels_write(mkg_jw *w, const mkg_channels *c);

/* The "Marketing channels" section of the text report (channels-text.c). */
void mkg__channels_text(GString *out, const mkg_channels *c, mkg__labels *l);

#endif /* MKG_CHANNELS_REPORT_PRIVATE_H */
