/* marketgraph: resolving the made_from chains of the listed commodities,
 * and the checks that join records added in any order.
 *
 * Records may name commodities listed later, so chains are resolved on
 * first use after a change, all together in O(commodities): each record is
 * walked once along made_from until a primary commodity or a record already
 * resolved, then the walk is unwound multiplying the factors.  The result
 * is cached in the model (the records are append-only, so it holds while
 * the count of commodities is unchanged).
 *
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "core-private.h"

#include <math.h>

/* Most ids a cycle message spells out before cutting. */
#define CYCLE_IDS_SHOWN 8

void
mkg__commodity_chains_free(mkg_commodity_chains *c)
{
	if (c == NULL)
		return;
	g_free(c->made_from);
	g_free(c->primary);
	g_free(c->factor);
	g_free(c);
}

/* `commodities[i].made_from: cycle a -> b -> a`, starting at the member of
 * the cycle listed first (on_cycle is one member). */
static int
report_cycle(const mkg_model *m, const mkg_idx *made_from, mkg_idx on_cycle)
{
	mkg_idx start = on_cycle, c;
	GString *text = g_string_new(NULL);
	size_t n = 0;
	int rc;

	for (c = made_from[on_cycle]; c != on_cycle; c = made_from[c])
		if (c < start)
			start = c;
	c = start;
	do {
		if (n < CYCLE_IDS_SHOWN)
			g_string_append_printf(text, "%s -> ", MKG_COMMODITY(m, c)->id);
		n++;
		c = made_from[c];
	} while (c != start);
	if (n > CYCLE_IDS_SHOWN)
		g_string_append_printf(text, "... (%zu commodities) -> ", n);
	g_string_append(text, MKG_COMMODITY(m, start)->id);
	rc = mkg__error(MKG_EDATA, "commodities[%u].made_from: cycle %s", start, text->str);
	g_string_free(text, TRUE);
	return rc;
}

/* Every made_from names a listed commodity that is not a service. */
static int
resolve_references(const mkg_model *m, mkg_idx *made_from)
{
	for (guint i = 0; i < m->commodities->len; i++) {
		const mkg_commodity_rec *c = MKG_COMMODITY(m, i);
		mkg_idx to;

		made_from[i] = MKG_IDX_NONE;
		if (c->made_from == NULL)
			continue;
		to = mkg__model_commodity_lookup(m, c->made_from);
		if (to == MKG_IDX_NONE)
			return mkg__error(MKG_EDATA, "commodities[%u].made_from: unknown commodity \"%s\"",
			                  i, c->made_from);
		if (MKG_COMMODITY(m, to)->service)
			return mkg__error(MKG_EDATA, "commodities[%u].made_from: \"%s\" is a service "
			                  "(commodities[%u]), not a commodity to make from", i,
			                  c->made_from, to);
		made_from[i] = to;
	}
	return MKG_OK;
}

/* Walk from every record to its primary; fill primary[] and factor[]. */
static int
resolve_chains(const mkg_model *m, const mkg_idx *made_from, mkg_idx *primary, double *factor)
{
	enum { NEW, ON_WALK, DONE };
	guint n = m->commodities->len;
	guint8 *state = g_new0(guint8, n);
	mkg_idx *walk = g_new(mkg_idx, n);
	int rc = MKG_OK;

	for (guint i = 0; i < n && rc == MKG_OK; i++) {
		size_t depth = 0;
		mkg_idx c = i;

		while (c != MKG_IDX_NONE && state[c] == NEW) {
			state[c] = ON_WALK;
			walk[depth++] = c;
			c = made_from[c];
		}
		if (c != MKG_IDX_NONE && state[c] == ON_WALK) {
			rc = report_cycle(m, made_from, c);
			break;
		}
		/* Unwind: each record's next link is resolved already. */
		while (depth > 0) {
			mkg_idx r = walk[--depth], next = made_from[r];
			if (next == MKG_IDX_NONE) {
				primary[r] = r;
				factor[r] = 1.0;
			} else {
				primary[r] = primary[next];
				factor[r] = MKG_COMMODITY(m, r)->input_per_unit * factor[next];
			}
			if (!(isfinite(factor[r]) && factor[r] > 0)) {
				rc = mkg__error(MKG_EDATA, "commodities[%u].input_per_unit: the product of "
				                "input_per_unit down to the primary commodity \"%s\" is "
				                "not a finite number > 0", r,
				                MKG_COMMODITY(m, primary[r])->id);
				break;
			}
			state[r] = DONE;
		}
	}
	g_free(state);
	g_free(walk);
	return rc;
}

static int
build_chains(const mkg_model *m, mkg_commodity_chains **out)
{
	guint n = m->commodities->len;
	mkg_commodity_chains *c = g_new0(mkg_commodity_chains, 1);
	int rc;

	c->count = n;
	c->made_from = g_new(mkg_idx, n ? n : 1);
	c->primary = g_new(mkg_idx, n ? n : 1);
	c->factor = g_new(double, n ? n : 1);
	if ((rc = resolve_references(m, c->made_from)) != MKG_OK ||
	    (rc = resolve_chains(m, c->made_from, c->primary, c->factor)) != MKG_OK) {
		mkg__commodity_chains_free(c);
		return rc;
	}
	*out = c;
	return MKG_OK;
}

int
mkg__model_commodity_chains(const mkg_model *cm, const mkg_commodity_chains **out)
{
	/* The cache is not part of the model's value: filling it from a const
	 * model is safe under the lock (readers may share a model). */
	mkg_model *m = (mkg_model *)cm;
	mkg_commodity_chains *fresh = NULL;
	int rc = MKG_OK;

	g_mutex_lock(&m->chains_lock);
	if (m->chains == NULL || m->chains->count != m->commodities->len) {
		rc = build_chains(m, &fresh);
		if (rc == MKG_OK) {
			mkg__commodity_chains_free(m->chains);
			m->chains = fresh;
		}
	}
	if (rc == MKG_OK)
		*out = m->chains;
	g_mutex_unlock(&m->chains_lock);
	return rc;
}

/* A transaction of a listed commodity is a service exactly when it is. */
static int
check_services(const mkg_model *m)
{
	if (m->commodities->len == 0) /* no listed commodity: nothing to look up */
		return MKG_OK;
	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		mkg_idx c = mkg__tx_commodity(m, t);

		if (c == MKG_IDX_NONE || MKG_COMMODITY(m, c)->service == t->service)
			continue;
		return mkg__error(MKG_EDATA, "transactions[%u].service: must be %s, commodity \"%s\" "
		                  "is %s (commodities[%u])", i, t->service ? "false" : "true",
		                  t->commodity, t->service ? "not a service" : "a service", c);
	}
	return MKG_OK;
}

int
mkg_model_validate(const mkg_model *model)
{
	const mkg_commodity_chains *chains;
	int rc;

	MKG_CHECK_ARG(model);
	if ((rc = mkg__model_commodity_chains(model, &chains)) != MKG_OK)
		return rc;
	return check_services(model);
}

int
mkg_model_primary_equivalent(const mkg_model *model, const char *commodity, const char **primary,
                             double *factor)
{
	const mkg_commodity_chains *chains;
	mkg_idx c;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(commodity);
	if ((rc = mkg__model_commodity_chains(model, &chains)) != MKG_OK)
		return rc;
	c = mkg__model_commodity_lookup(model, commodity);
	if (c == MKG_IDX_NONE) {
		gpointer used;
		if (!g_hash_table_lookup_extended(model->tx_commodities, commodity, &used, NULL))
			return mkg__error(MKG_ENOTFOUND, "no commodity \"%s\"", commodity);
		/* Named by a transaction, not listed: a primary commodity. */
		if (primary)
			*primary = used;
		if (factor)
			*factor = 1.0;
		return MKG_OK;
	}
	if (primary)
		*primary = MKG_COMMODITY(model, chains->primary[c])->id;
	if (factor)
		*factor = chains->factor[c];
	return MKG_OK;
}
