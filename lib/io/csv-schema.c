/* marketgraph: the columns of the CSV tables (docs/interop.md), shared by
 * the reader and the writer.
 * SPDX-License-Identifier: MIT */
#include "interop-private.h"

static const char *const actor_columns[MKG_CA_COUNT] = {
	"id", "name", "kind", "region", "households", "capacity", "supply", "demand", "tags",
	"attributes", "firms", "costs" /* additions: written only when used */
};
static const bool actor_required[MKG_CA_COUNT] = { [MKG_CA_ID] = true, [MKG_CA_KIND] = true };

static const char *const transaction_columns[MKG_CT_COUNT] = {
	"id", "seller", "buyer", "commodity", "volume", "value", "period", "contract", "service",
	"capacity", "attributes", "level" /* an addition: written only when used */
};
static const bool transaction_required[MKG_CT_COUNT] = {
	[MKG_CT_SELLER] = true, [MKG_CT_BUYER] = true, [MKG_CT_COMMODITY] = true
};

static const char *const facilitation_columns[MKG_CF_COUNT] = {
	"id", "facilitator", "type", "function", "targets.actors", "targets.transactions", "start",
	"end", "exit", "successor", "cost", "paid_by", "attributes"
};
static const bool facilitation_required[MKG_CF_COUNT] = {
	[MKG_CF_FACILITATOR] = true, [MKG_CF_TYPE] = true, [MKG_CF_FUNCTION] = true
};

static const char *const membership_columns[MKG_CM_COUNT] = { "group", "member", "since", "role" };
static const bool membership_required[MKG_CM_COUNT] = {
	[MKG_CM_GROUP] = true, [MKG_CM_MEMBER] = true
};

static const char *const document_columns[MKG_CD_COUNT] = {
	"name", "currency", "volume_unit", "period", "attributes"
};
static const bool document_required[MKG_CD_COUNT] = { false };

static const char *const commodity_columns[MKG_CC_COUNT] = {
	"id", "unit", "service", "made_from", "input_per_unit", "attributes",
	"transfer" /* an addition: written only when used */
};
static const bool commodity_required[MKG_CC_COUNT] = { [MKG_CC_ID] = true };

static const mkg_csv_schema schemas[MKG_CSV_TABLE_COUNT] = {
	[MKG_CSV_ACTORS] = { "actors", actor_columns, MKG_CA_COUNT, actor_required },
	[MKG_CSV_TRANSACTIONS] = { "transactions", transaction_columns, MKG_CT_COUNT,
	                           transaction_required },
	[MKG_CSV_FACILITATION] = { "facilitation", facilitation_columns, MKG_CF_COUNT,
	                           facilitation_required },
	[MKG_CSV_MEMBERSHIPS] = { "memberships", membership_columns, MKG_CM_COUNT,
	                          membership_required },
	[MKG_CSV_DOCUMENT] = { "document", document_columns, MKG_CD_COUNT, document_required },
	[MKG_CSV_COMMODITIES] = { "commodities", commodity_columns, MKG_CC_COUNT,
	                          commodity_required },
};

const mkg_csv_schema *
mkg__csv_schema(mkg_csv_table table)
{
	return &schemas[table];
}

const char *
mkg_csv_table_name(mkg_csv_table table)
{
	if ((int)table < 0 || (int)table >= MKG_CSV_TABLE_COUNT)
		return NULL;
	return schemas[table].array;
}
