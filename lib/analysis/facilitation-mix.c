/* marketgraph: the facilitation mix (analyses.md, 3).
 *
 * Every (type, function) pair and every type is a group with one bit in a
 * 64-bit mask (3 x 13 + 3 = 42 groups).  Each actor and transaction gets
 * the mask of the groups that support it (mkg__support_add: an actor's
 * sales or all its trades, by function), so one pass over the
 * transactions finds, for every group at once, the transactions it
 * supports: O(n + A + P) whatever the number of records.
 *
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#define FUNCTION_GROUPS (MKG_FACILITATION_TYPE_COUNT * MKG_FUNCTION_COUNT)
#define GROUPS (FUNCTION_GROUPS + MKG_FACILITATION_TYPE_COUNT)

G_STATIC_ASSERT(GROUPS <= 64);

struct mkg_facilitation_mix {
	GStringChunk *strings;
	mkg_measure measure;
	mkg_mix_row types[MKG_FACILITATION_TYPE_COUNT];
	size_t function_count[MKG_FACILITATION_TYPE_COUNT];
	mkg_mix_row functions[MKG_FACILITATION_TYPE_COUNT][MKG_FUNCTION_COUNT]; /* present ones first */
	size_t market_count;
	mkg_facilitation_market *markets[MKG_FACILITATION_TYPE_COUNT];
};

static int
function_group(int type, int function)
{
	return type * MKG_FUNCTION_COUNT + function;
}

static int
type_group(int type)
{
	return FUNCTION_GROUPS + type;
}

/* Count, for every group set in mask, one more item into counts[]. */
static void
count_bits(uint64_t mask, size_t *counts)
{
	while (mask != 0) {
		int g = __builtin_ctzll(mask);
		counts[g]++;
		mask &= mask - 1;
	}
}

static void
compute_rows(mkg_facilitation_mix *mix, const mkg_model *m, const mkg__support *sup)
{
	mkg_mix_row rows[GROUPS] = { { 0 } };
	size_t actors[GROUPS] = { 0 }, targeted[GROUPS] = { 0 }, supported[GROUPS] = { 0 };

	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);
		int groups[2] = { function_group(r->type, r->function), type_group(r->type) };

		for (int k = 0; k < 2; k++) {
			mkg_mix_row *row = &rows[groups[k]];

			row->records++;
			if (MKG_IS_ABSENT(r->cost))
				row->records_without_cost++;
			else
				row->cost += r->cost;
		}
	}
	for (guint a = 0; a < m->actors->len; a++)
		count_bits(sup->sales[a] | sup->trades[a], actors);
	for (guint t = 0; t < m->transactions->len; t++) {
		count_bits(sup->tx[t], targeted);
		count_bits(mkg__support_of(sup, m, t), supported);
	}
	for (int g = 0; g < GROUPS; g++) {
		rows[g].target_actors = actors[g];
		rows[g].target_transactions = targeted[g];
		rows[g].supported_transactions = supported[g];
	}
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++) {
		mix->types[type] = rows[type_group(type)];
		mix->types[type].type = (mkg_facilitation_type)type;
		mix->types[type].function = MKG_FUNCTION_UNSET;
		for (int fn = 0; fn < MKG_FUNCTION_COUNT; fn++) {
			mkg_mix_row *row = &mix->functions[type][mix->function_count[type]];

			if (rows[function_group(type, fn)].records == 0)
				continue;
			*row = rows[function_group(type, fn)];
			row->type = (mkg_facilitation_type)type;
			row->function = (mkg_function)fn;
			mix->function_count[type]++;
		}
	}
}

static void
compute_markets(mkg_facilitation_mix *mix, const mkg_model *m, const mkg__markets *mk,
                const mkg__support *sup)
{
	mix->market_count = mk->count;
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++)
		mix->markets[type] = g_new0(mkg_facilitation_market, mk->count ? mk->count : 1);
	for (uint32_t k = 0; k < mk->count; k++) {
		const mkg__market *market = &mk->markets[k];
		double amount[MKG_FACILITATION_TYPE_COUNT] = { 0 };

		for (uint32_t j = market->first; j < market->first + market->count; j++) {
			uint32_t t = mk->tx[j];
			const mkg_transaction_rec *tx = MKG_TX(m, t);
			uint64_t mask = mkg__support_of(sup, m, t);

			for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++)
				if (mask & (UINT64_C(1) << type_group(type)))
					amount[type] += mkg__tx_measure(tx, mk->measure);
		}
		for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++) {
			mkg_facilitation_market *row = &mix->markets[type][k];

			mkg__facilitation_market_key(row, mix->strings, market);
			row->amount = amount[type];
			row->share = market->total > 0 ? amount[type] / market->total : MKG_ABSENT;
		}
	}
}

mkg_facilitation_mix *
mkg__facilitation_mix_compute(const mkg_model *m, const mkg__markets *mk)
{
	mkg_facilitation_mix *mix = g_new0(mkg_facilitation_mix, 1);
	mkg__support sup;

	mix->strings = g_string_chunk_new(1024);
	mix->measure = mk->measure;
	mkg__support_init(&sup, m);
	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);

		mkg__support_add(&sup, m, r,
		                 UINT64_C(1) << function_group(r->type, r->function) |
		                         UINT64_C(1) << type_group(r->type));
	}
	compute_rows(mix, m, &sup);
	compute_markets(mix, m, mk, &sup);
	mkg__support_clear(&sup);
	return mix;
}

MKG_DEFINE_INIT(mkg_facilitation_mix_options_init, mkg_facilitation_mix_options, opts,
                MKG_FACILITATION_MIX_OPTIONS)

int
mkg_facilitation_mix_new(mkg_facilitation_mix **out, const mkg_model *model,
                         const mkg_facilitation_mix_options *opts)
{
	mkg_facilitation_mix_options o;
	mkg__markets mk;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_facilitation_mix_new", mkg_facilitation_mix_options,
	                    MKG_FACILITATION_MIX_OPTIONS, opts, &o);
	if ((rc = mkg__check_measure(o.measure)) != MKG_OK ||
	    (rc = mkg__check_region_split(o.split_by_region)) != MKG_OK)
		return rc;
	if ((rc = mkg__facilitation_costs_check(model, "facilitation mix")) != MKG_OK ||
	    (rc = mkg__markets_build(&mk, model, o.measure, MKG_LEVELS_POOLED,
	                             (mkg_region_split)o.split_by_region,
	                             "facilitation mix", 1)) != MKG_OK)
		return rc;
	*out = mkg__facilitation_mix_compute(model, &mk);
	mkg__markets_clear(&mk);
	return MKG_OK;
}

void
mkg_facilitation_mix_free(mkg_facilitation_mix *mix)
{
	if (mix == NULL)
		return;
	for (int type = 0; type < MKG_FACILITATION_TYPE_COUNT; type++)
		g_free(mix->markets[type]);
	g_string_chunk_free(mix->strings);
	g_free(mix);
}

static bool
known_type(mkg_facilitation_type type)
{
	return (unsigned)type < MKG_FACILITATION_TYPE_COUNT;
}

const mkg_mix_row *
mkg_facilitation_mix_type(const mkg_facilitation_mix *mix, mkg_facilitation_type type)
{
	return mix && known_type(type) ? &mix->types[type] : NULL;
}

size_t
mkg_facilitation_mix_function_count(const mkg_facilitation_mix *mix, mkg_facilitation_type type)
{
	return mix && known_type(type) ? mix->function_count[type] : 0;
}

const mkg_mix_row *
mkg_facilitation_mix_function_at(const mkg_facilitation_mix *mix, mkg_facilitation_type type,
                              size_t k)
{
	if (mix == NULL || !known_type(type) || k >= mix->function_count[type])
		return NULL;
	return &mix->functions[type][k];
}

size_t
mkg_facilitation_mix_market_count(const mkg_facilitation_mix *mix)
{
	return mix ? mix->market_count : 0;
}

const mkg_facilitation_market *
mkg_facilitation_mix_market_at(const mkg_facilitation_mix *mix, mkg_facilitation_type type,
                            size_t i)
{
	if (mix == NULL || !known_type(type) || i >= mix->market_count)
		return NULL;
	return &mix->markets[type][i];
}

mkg_measure
mkg_facilitation_mix_measure(const mkg_facilitation_mix *mix)
{
	return mix ? mix->measure : MKG_MEASURE_VOLUME;
}
