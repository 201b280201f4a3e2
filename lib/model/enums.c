/* marketgraph: names of the enumerations, as the format spells them.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "core-private.h"

#include <string.h>

static const char *const actor_kind_names[MKG_ACTOR_KIND_COUNT] = {
	"producer", "input_supplier", "collector", "trader", "processor", "wholesaler",
	"exporter", "retailer", "end_market", "service_provider", "financial_institution",
	"public_agency", "marketing_board", "programme", "association", "ngo", "other",
};

static const char *const contract_names[MKG_CONTRACT_COUNT] = {
	"spot", "contract_farming", "auction", "embedded_service", "credit", "other",
};

static const char *const facilitation_type_names[MKG_FACILITATION_TYPE_COUNT] = {
	"temporary", "commercial", "public",
};

static const char *const function_names[MKG_FUNCTION_COUNT] = {
	"capacity_building", "research_development", "shared_vision", "linkages",
	"business_opportunities", "monitoring", "information", "brokerage",
	"transaction_security", "platform", "regulation", "finance", "other",
};

static const char *const exit_names[MKG_EXIT_COUNT] = {
	NULL, "fade_out", "commercial", "public",
};

static const char *
name_of(const char *const *names, int count, int value)
{
	return value >= 0 && value < count ? names[value] : NULL;
}

static int
from_name(const char *const *names, int count, const char *what, const char *name, int *out)
{
	if (name == NULL || out == NULL)
		return mkg__error(MKG_EINVAL, "%s name: argument is NULL", what);
	for (int i = 0; i < count; i++) {
		if (names[i] != NULL && strcmp(names[i], name) == 0) {
			*out = i;
			return MKG_OK;
		}
	}
	char quoted[MKG_QUOTE_BUFSIZE];

	return mkg__error(MKG_EINVAL, "unknown %s %s", what, mkg__quote(quoted, name));
}

#define ENUM_FUNCTIONS(prefix, type, names, count, what)                        \
	const char *prefix##_name(type value)                                   \
	{                                                                       \
		return name_of(names, count, (int)value);                       \
	}                                                                       \
	int prefix##_from_name(const char *name, type *out)                     \
	{                                                                       \
		int v = 0;                                                      \
		int rc = from_name(names, count, what, name, out ? &v : NULL);              \
		if (rc == MKG_OK && out != NULL)                               \
			*out = (type)v;                                         \
		return rc;                                                      \
	}

ENUM_FUNCTIONS(mkg_actor_kind, mkg_actor_kind, actor_kind_names, MKG_ACTOR_KIND_COUNT, "kind")
ENUM_FUNCTIONS(mkg_contract, mkg_contract, contract_names, MKG_CONTRACT_COUNT, "contract")
ENUM_FUNCTIONS(mkg_facilitation_type, mkg_facilitation_type, facilitation_type_names,
               MKG_FACILITATION_TYPE_COUNT, "facilitation type")
ENUM_FUNCTIONS(mkg_function, mkg_function, function_names, MKG_FUNCTION_COUNT, "function")
ENUM_FUNCTIONS(mkg_exit, mkg_exit, exit_names, MKG_EXIT_COUNT, "exit")
