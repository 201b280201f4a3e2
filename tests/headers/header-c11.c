/* <marketgraph.h> compiles alone as strict C11 (-std=c11 -pedantic -Wall
 * -Wextra -Werror) and its macros expand to valid C11.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

_Static_assert(MKG_OK == 0 && MKG_EDATA == -10, "status codes are ABI");
_Static_assert(MKG_VERSION_CHECK(0, 1, 0), "version macros");
_Static_assert(MKG_ACTOR_KIND_COUNT == 17, "actor kinds");

int
main(void)
{
	mkg_actor_desc actor = MKG_ACTOR_DESC_INIT;
	mkg_transaction_desc tx = MKG_TRANSACTION_DESC_INIT;
	mkg_facilitation_desc fac = MKG_FACILITATION_DESC_INIT;
	mkg_membership_desc ms = MKG_MEMBERSHIP_DESC_INIT;
	mkg_payment pay = { "a", 1.0 };
	size_t none = MKG_NONE;
	mkg_summary_options summary = MKG_SUMMARY_OPTIONS_INIT;

	(void)pay;
	if (summary.version != MKG_SUMMARY_OPTIONS_VERSION)
		return 1;
	if (!MKG_IS_ABSENT(actor.capacity) || !MKG_IS_ABSENT(tx.volume) ||
	    !MKG_IS_ABSENT(fac.cost) || ms.group != NULL || none != (size_t)-1)
		return 1;
	return mkg_version_number() == MKG_VERSION_NUMBER ? 0 : 1;
}
