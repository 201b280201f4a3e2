/* marketgraph: the bottleneck family in the report (JSON and text), for
 * report.c and report-text.c.  Never installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_BOTTLENECKS_REPORT_PRIVATE_H
#define MKG_BOTTLENECKS_REPORT_PRIVATE_H

#include "analysis-private.h"
#include "report-text-private.h"
#include "marketgraph/bottlenecks.h"

/* The `flow` object, as a value at the writer's position, led by its
 * chain's `commodity` and `unit` when with_chain (bottlenecks-json.c). */
void mkg__flow_write(mkg_jw *w, const mkg_flow *f, bool with_chain);

/* `commodity` and `unit` (null when absent), into the object open in w. */
void mkg__chain_members(mkg_jw *w, const mkg_chain *c);

/* The report's `bottlenecks` object, as a value at the writer's position
 * (bottlenecks-json.c). */
void mkg__bottlenecks_write(mkg_jw *w, const mkg_bottlenecks *b);

/* The text view of every bottleneck section, under one heading, one block
 * per chain with its unit; detail: the long form (bottlenecks-text.c). */
void mkg__bottlenecks_text(GString *out, const mkg_bottlenecks *b, mkg__labels *l,
                           bool detail);

#endif /* MKG_BOTTLENECKS_REPORT_PRIVATE_H */
