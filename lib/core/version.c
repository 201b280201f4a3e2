/* marketgraph: the running library's version.
 * SPDX-License-Identifier: MIT */
#include "core-private.h"

int
mkg_version_number(void)
{
	return MKG_VERSION_NUMBER;
}

const char *
mkg_version_string(void)
{
	return MKG_VERSION_STRING;
}
