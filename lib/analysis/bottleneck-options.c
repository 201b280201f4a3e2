/* marketgraph: the options shared by the bottleneck analyses.
 * SPDX-License-Identifier: MIT */
#include "structure-private.h"

MKG_DEFINE_INIT(mkg_bottlenecks_options_init, mkg_bottlenecks_options, opts, MKG_BOTTLENECKS_OPTIONS)

int
mkg__bottleneck_options_check(const char *fn, const mkg_bottlenecks_options *opts,
                              mkg_bottlenecks_options *out)
{
	const mkg_bottlenecks_options defaults = MKG_BOTTLENECKS_OPTIONS_INIT;

	if (opts == NULL) {
		*out = defaults;
		return MKG_OK;
	}
	if (opts->version != MKG_BOTTLENECKS_OPTIONS_VERSION)
		return mkg__error(MKG_EINVAL, "%s: unknown options version %u", fn, opts->version);
	*out = *opts;
	return MKG_OK;
}
