/* marketgraph: facilitation that ended and the systemic-change indicators
 * (crowding in, copying, take-over, resilience; outreach is in
 * compare-links.c).  Definitions: docs/analyses.md, "Assessing change".
 * "Targeted" means named by a temporary record (a programme's
 * intervention), directly or as a party to a targeted transaction, on
 * either side.
 * SPDX-License-Identifier: MIT */
#include "compare-private.h"

#include <string.h>

static bool
targeted(mkg__cmp_side s[2], const char *actor)
{
	return g_hash_table_contains(s[0].targeted, actor) ||
	       g_hash_table_contains(s[1].targeted, actor);
}

/* Kinds that never crowd in or copy: final buyers and the programmes. */
static bool
market_actor(mkg_actor_kind k)
{
	return k != MKG_ACTOR_END_MARKET && k != MKG_ACTOR_PROGRAMME && k != MKG_ACTOR_NGO;
}

static bool
day_of(const char *date, int32_t *day)
{
	/* a period that is no date (e.g. "2011-Q1") gives no day; the parser
	 * sets a message the comparison does not report */
	return date != NULL && mkg_exit_date_parse(date, day) == MKG_OK;
}

/* ---- facilitation that ended ---------------------------------------------------------- */

void
mkg__cmp_ended(mkg_compare *c, mkg__cmp_side s[2])
{
	const mkg_model *b = s[0].m, *a = s[1].m;
	int32_t day_b = 0, day_a = 0;
	bool has_b = day_of(c->period[0], &day_b), has_a = day_of(c->period[1], &day_a);

	for (guint i = 0; i < b->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(b, i);
		bool gone = !g_hash_table_contains(a->facilitation_ids, f->id);
		int32_t end = 0;
		bool ended = gone;
		mkg_compare_record row;

		if (!ended && has_a && day_of(f->end, &end))
			ended = end <= day_a && (!has_b || end >= day_b);
		if (!ended)
			continue;
		row.record = mkg__cmp_str(c, f->id);
		row.facilitator = mkg__cmp_str(c, MKG_ACTOR(b, f->facilitator)->id);
		row.type = f->type;
		row.function = f->function;
		row.end = mkg__cmp_str(c, f->end);
		row.exit = f->exit;
		row.successor = f->successor == MKG_IDX_NONE
		                        ? NULL
		                        : mkg__cmp_str(c, MKG_ACTOR(b, f->successor)->id);
		row.gone = gone;
		g_array_append_val(c->ended, row);
	}
}

/* ---- crowding in ----------------------------------------------------------------------- */

static void
crowding_markets(mkg_compare *c, mkg__cmp_side s[2])
{
	const mkg_concentration *conc = s[1].conc;

	for (size_t i = 0; i < mkg_concentration_market_count(conc); i++) {
		const mkg_market *mk = mkg_concentration_market_at(conc, i);
		char *key = mkg__cmp_market_key(mk->commodity, mk->level, mk->region, mk->service);

		if (!g_hash_table_contains(s[0].markets_with_target, key)) {
			g_free(key);
			continue;
		}
		for (int sd = 0; sd < 2; sd++) {
			const mkg_market_side *ms = mkg_concentration_side(conc, i, (mkg_side)sd);

			for (size_t k = 0; k < ms->actors; k++) {
				const char *actor = ms->shares[k].actor;
				mkg_idx a = mkg__model_actor_lookup(s[1].m, actor);
				mkg_actor_kind kind = MKG_ACTOR(s[1].m, a)->kind;
				char *entry;
				bool was;

				if (targeted(s, actor) || !market_actor(kind))
					continue;
				entry = g_strconcat(key, MKG__KEY_SEP, sd ? "b" : "s", MKG__KEY_SEP, actor,
				                    NULL);
				was = g_hash_table_contains(s[0].entries, entry);
				g_free(entry);
				if (!was) {
					mkg_compare_crowding row = {
						mkg__cmp_str(c, actor), kind, mkg__cmp_str(c, mk->commodity),
						mkg__cmp_str(c, mk->level), (mkg_side)sd, ms->shares[k].share,
						MKG_FUNCTION_UNSET, NULL
					};

					g_array_append_val(c->crowding, row);
				}
			}
		}
		g_free(key);
	}
}

/* (facilitator, function) as a key. */
static char *
provider_key(const char *actor, int function)
{
	return g_strdup_printf("%s" MKG__KEY_SEP "%d", actor, function);
}

static void
crowding_functions(mkg_compare *c, mkg__cmp_side s[2])
{
	const mkg_model *b = s[0].m, *a = s[1].m;
	bool temporary[MKG_FUNCTION_COUNT];
	GHashTable *providers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	memset(temporary, 0, sizeof temporary);
	for (guint i = 0; i < b->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(b, i);

		if (f->type == MKG_FACILITATION_TEMPORARY && f->function < MKG_FUNCTION_COUNT)
			temporary[f->function] = true;
		g_hash_table_add(providers,
		                 provider_key(MKG_ACTOR(b, f->facilitator)->id, f->function));
	}
	for (guint i = 0; i < a->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(a, i);
		const mkg_actor_rec *p = MKG_ACTOR(a, f->facilitator);
		char *key;
		bool was;

		if (f->type == MKG_FACILITATION_TEMPORARY || f->function >= MKG_FUNCTION_COUNT ||
		    !temporary[f->function] || !market_actor(p->kind) || targeted(s, p->id))
			continue;
		key = provider_key(p->id, f->function);
		was = g_hash_table_contains(providers, key);
		g_free(key);
		if (!was) {
			mkg_compare_crowding row = { mkg__cmp_str(c, p->id), p->kind, NULL, NULL,
				                     MKG_SIDE_SELLER, MKG_ABSENT,
				                     (mkg_function)f->function, mkg__cmp_str(c, f->id) };

			g_array_append_val(c->crowding, row);
		}
	}
	g_hash_table_destroy(providers);
}

/* ---- copying ------------------------------------------------------------------------------ */

static void
keep_min(const char **slot, const char *id)
{
	if (*slot == NULL || strcmp(id, *slot) < 0)
		*slot = id;
}

static void
copying(mkg_compare *c, mkg__cmp_side s[2])
{
	const mkg_model *b = s[0].m, *a = s[1].m;
	const char *first[MKG_CONTRACT_COUNT] = { NULL };
	GHashTable *used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *bought = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);

	for (guint i = 0; i < b->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(b, i);
		const char *party[2] = { MKG_ACTOR(b, t->seller)->id, MKG_ACTOR(b, t->buyer)->id };

		for (int k = 0; k < 2; k++) {
			g_hash_table_add(used, provider_key(party[k], t->contract));
			if (t->contract != MKG_CONTRACT_SPOT && targeted(s, party[k]))
				keep_min(&first[t->contract], party[k]);
		}
		if (targeted(s, party[0])) {
			char *key = g_strconcat(party[1], MKG__KEY_SEP, t->commodity, NULL);
			const char **slot = g_hash_table_lookup(bought, key);

			if (slot == NULL) {
				slot = g_new0(const char *, 1);
				g_hash_table_insert(bought, key, slot);
			} else {
				g_free(key);
			}
			keep_min(slot, party[0]);
		}
	}
	for (guint i = 0; i < a->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(a, i);
		mkg_idx party[2] = { t->seller, t->buyer };

		if (t->contract == MKG_CONTRACT_SPOT || first[t->contract] == NULL)
			continue;
		for (int k = 0; k < 2; k++) {
			const mkg_actor_rec *p = MKG_ACTOR(a, party[k]);
			char *key = provider_key(p->id, t->contract);

			if (!targeted(s, p->id) && market_actor(p->kind) &&
			    !g_hash_table_contains(used, key) && g_hash_table_add(rows, key)) {
				mkg_compare_copy row = { mkg__cmp_str(c, p->id), t->contract, NULL, NULL,
					                 mkg__cmp_str(c, first[t->contract]) };

				g_array_append_val(c->copies, row);
				continue;
			}
			if (!g_hash_table_contains(rows, key))
				g_free(key);
		}
	}
	/* links: a new link to a buyer that bought the commodity from a targeted actor */
	for (guint i = 0; i < c->links->len; i++) {
		const mkg_compare_link *l = &g_array_index(c->links, mkg_compare_link, i);
		char *key;
		const char **slot;
		mkg_idx si;

		if (l->change != MKG_CHANGE_ENTERING || targeted(s, l->seller))
			continue;
		si = mkg__model_actor_lookup(a, l->seller);
		if (!market_actor(MKG_ACTOR(a, si)->kind))
			continue;
		key = g_strconcat(l->buyer, MKG__KEY_SEP, l->commodity, NULL);
		slot = g_hash_table_lookup(bought, key);
		g_free(key);
		if (slot != NULL) {
			mkg_compare_copy row = { l->seller, -1, l->buyer, l->commodity,
				                 mkg__cmp_str(c, *slot) };

			g_array_append_val(c->copies, row);
		}
	}
	g_hash_table_destroy(used);
	g_hash_table_destroy(rows);
	g_hash_table_destroy(bought);
}

/* ---- take-over ----------------------------------------------------------------------------- */

static void
takeover(mkg_compare *c, mkg__cmp_side s[2])
{
	const mkg_model *b = s[0].m, *a = s[1].m;
	const char *ended[MKG_FUNCTION_COUNT] = { NULL };

	for (guint i = 0; i < c->ended->len; i++) {
		const mkg_compare_record *r = &g_array_index(c->ended, mkg_compare_record, i);

		if (r->type == MKG_FACILITATION_TEMPORARY && (unsigned)r->function < MKG_FUNCTION_COUNT)
			keep_min(&ended[r->function], r->record);
	}
	for (guint i = 0; i < a->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(a, i);
		const mkg_actor_rec *p = MKG_ACTOR(a, f->facilitator);
		guint before = GPOINTER_TO_UINT(g_hash_table_lookup(b->facilitation_ids, f->id));

		if (f->type == MKG_FACILITATION_TEMPORARY || f->function >= MKG_FUNCTION_COUNT ||
		    ended[f->function] == NULL || !market_actor(p->kind))
			continue;
		if (before != 0 && MKG_FAC(b, before - 1)->type != MKG_FACILITATION_TEMPORARY)
			continue; /* it was there already, not a take-over */
		{
			mkg_compare_takeover row = { (mkg_function)f->function, ended[f->function],
				                     mkg__cmp_str(c, f->id), mkg__cmp_str(c, p->id),
				                     (mkg_facilitation_type)f->type };

			g_array_append_val(c->takeovers, row);
		}
	}
}

/* ---- resilience ------------------------------------------------------------------------------ */

static void
resilience(mkg_compare *c)
{
	mkg_compare_resilience *r = &c->resilience;
	int captive_down = 0, captive_up = 0, cut_down = 0, cut_up = 0;

	for (guint i = 0; i < c->chains->len; i++) {
		const mkg_compare_chain *ch = &g_array_index(c->chains, mkg_compare_chain, i);

		if (!ch->before.present || !ch->after.present)
			continue;
		captive_down += ch->after.captive_supply < ch->before.captive_supply;
		captive_up += ch->after.captive_supply > ch->before.captive_supply;
		cut_down += ch->after.producer_side_cut_points < ch->before.producer_side_cut_points;
		cut_up += ch->after.producer_side_cut_points > ch->before.producer_side_cut_points;
	}
	r->captive_supply_falling = captive_down > 0 && captive_up == 0;
	r->fewer_producer_cut_points = cut_down > 0 && cut_up == 0;
	r->outlets_rising = c->outlets[1].mean_outlets > c->outlets[0].mean_outlets;
	r->signals = r->captive_supply_falling + r->outlets_rising + r->fewer_producer_cut_points;
}

void
mkg__cmp_systemic(mkg_compare *c, mkg__cmp_side s[2])
{
	crowding_markets(c, s);
	crowding_functions(c, s);
	copying(c, s);
	takeover(c, s);
	resilience(c);
}
