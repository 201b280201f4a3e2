/* marketgraph: the options shared by the bottleneck analyses, and the exit
 * shock's own.  Each _new function resolves them with MKG_RESOLVE_OPTIONS.
 * SPDX-License-Identifier: MIT */
#include "structure-private.h"

MKG_DEFINE_INIT(mkg_bottlenecks_options_init, mkg_bottlenecks_options, opts, MKG_BOTTLENECKS_OPTIONS)
MKG_DEFINE_INIT(mkg_shock_options_init, mkg_shock_options, opts, MKG_SHOCK_OPTIONS)
