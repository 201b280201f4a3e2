/* marketgraph: what the structural bottleneck analyses share (cut points,
 * captive producers, betweenness, throughput).  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_STRUCTURE_PRIVATE_H
#define MKG_STRUCTURE_PRIVATE_H

#include "graph-private.h"
#include "core-private.h"
#include "marketgraph/bottlenecks.h"

/* ---- options (bottleneck-options.c) ---------------------------------------- */

/* Copy opts (NULL: the defaults) into *out; MKG_EINVAL for a wrong version,
 * with the message `<fn>: unknown options version 7`. */
int mkg__bottleneck_options_check(const char *fn, const mkg_bottlenecks_options *opts,
                                  mkg_bottlenecks_options *out);

/* ---- JSON, for the report's `bottlenecks` object -------------------------- */

/* Write the keys and values into the object open in w:
 * `articulation_points`, `bridges`; resp. `captive`, `stranded`, `gatekeepers`. */
void mkg__cutpoints_write_members(mkg_jw *w, const mkg_cutpoints *c);
void mkg__captive_write_members(mkg_jw *w, const mkg_captive *c);
/* Write the `betweenness` (resp. `throughput`) array as the next value. */
void mkg__betweenness_write(mkg_jw *w, const mkg_betweenness *b);
void mkg__throughput_write(mkg_jw *w, const mkg_throughput *t);

#endif /* MKG_STRUCTURE_PRIVATE_H */
