// <marketgraph.h> compiles alone as C++11 (-pedantic -Wall -Wextra -Werror)
// and links: the declarations have C linkage.
// SPDX-License-Identifier: MIT
#include <marketgraph.h>

static_assert(MKG_OK == 0 && MKG_EDATA == -10, "status codes are ABI");

int
main()
{
	mkg_actor_desc actor = MKG_ACTOR_DESC_INIT;
	mkg_transaction_desc tx = MKG_TRANSACTION_DESC_INIT;
	mkg_facilitation_desc fac = MKG_FACILITATION_DESC_INIT;
	mkg_membership_desc ms = MKG_MEMBERSHIP_DESC_INIT;
	mkg_model *model = nullptr;

	if (!MKG_IS_ABSENT(actor.capacity) || !MKG_IS_ABSENT(tx.volume) ||
	    !MKG_IS_ABSENT(fac.cost) || ms.group != nullptr)
		return 1;
	if (mkg_model_new(&model) != MKG_OK)
		return 1;
	actor.id = "a";
	actor.kind = MKG_ACTOR_PRODUCER;
	int rc = mkg_model_add_actor(model, &actor, nullptr);
	size_t n = mkg_model_actor_count(model);
	// a result of the analysis layer, through its C-linkage API
	mkg_summary_options so = MKG_SUMMARY_OPTIONS_INIT;
	mkg_summary *summary = nullptr;
	if (rc == MKG_OK)
		rc = mkg_summary_new(&summary, model, &so);
	size_t producers = mkg_summary_kind_actors(summary, MKG_ACTOR_PRODUCER);
	mkg_summary_free(summary);
	mkg_model_free(model);
	if (rc != MKG_OK || n != 1 || producers != 1)
		return 1;
	return mkg_version_number() == MKG_VERSION_NUMBER ? 0 : 1;
}
