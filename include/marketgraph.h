/* marketgraph: a market system as a graph, and what holds it back.
 *
 * This is the only header callers include.  Conventions, for every function:
 *  - Fallible functions return an int status (mkg_status): 0 on success, a
 *    negative code on failure, with a message from mkg_error_message().
 *    A failed call changes nothing.
 *  - `T **out` parameters receive objects owned by the caller, freed with
 *    the matching mkg_<t>_free(); every _free accepts NULL.
 *  - Returned `const char *` are borrowed: valid until the owning object is
 *    modified or freed.  Strings returned through `char **` are freed with
 *    mkg_free().
 *  - Input strings and arrays are copied; the caller keeps ownership.
 *  - Objects are not safe for concurrent mutation; distinct objects may be
 *    used from distinct threads at the same time.
 *  - The library never aborts or exits on bad input.  Like GLib, which it
 *    uses internally, it aborts when memory runs out.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_H
#define MARKETGRAPH_H

#define MKG_INSIDE
#include "marketgraph/common.h"
#include "marketgraph/error.h"
#include "marketgraph/version.h"
#include "marketgraph/model.h"
#include "marketgraph/json.h"
#include "marketgraph/analysis.h"
#include "marketgraph/concentration.h"
#include "marketgraph/dependency.h"
#include "marketgraph/bottlenecks.h"
#include "marketgraph/facilitation.h"
#include "marketgraph/value.h"
#include "marketgraph/channels.h"
#include "marketgraph/groups.h"
#include "marketgraph/report.h"
#include "marketgraph/summary.h"
#include "marketgraph/dot.h"
#include "marketgraph/csv.h"
#include "marketgraph/interop.h"
#include "marketgraph/compare.h"
#undef MKG_INSIDE

#endif /* MARKETGRAPH_H */
