/* marketgraph: the model as GraphML, for Gephi, Cytoscape, yEd and
 * NetworkX (docs/interop.md, "GraphML").
 *
 * Keys are declared once for every field, whether used or not, so every
 * export of every model has the same schema; an absent field simply has
 * no <data>.  The commodities the model lists are one <data> of the graph
 * (the JSON array of the model format); each edge of produce carries its
 * primary commodity, the factor to it and its volume in primary units, so
 * that a tool can add comparable volumes.  Text is escaped for XML 1.0,
 * which cannot hold most control characters even as references: those are
 * written as U+FFFD.
 *
 * SPDX-License-Identifier: MIT */
#include "interop-private.h"
#include "core-private.h"
#include "model-private.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

/* Length of the UTF-8 sequence at s (valid UTF-8) that XML 1.0 cannot
 * hold, or 0 when the character there is allowed. */
static size_t
xml_invalid_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x20)
		return u[0] == '\t' || u[0] == '\n' || u[0] == '\r' ? 0 : 1;
	/* U+FFFE and U+FFFF: EF BF BE, EF BF BF. */
	if (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF))
		return 3;
	return 0;
}

/* Append s escaped for XML character data or (attr) a double-quoted
 * attribute value.  Line ends and tabs in attributes are written as
 * references (a parser would turn them into spaces), and CR in text too
 * (a parser would turn it into LF). */
static void
xml_escape(GString *out, const char *s, bool attr)
{
	for (; *s; s++) {
		size_t bad = xml_invalid_at(s);

		if (bad > 0) {
			g_string_append(out, "\xEF\xBF\xBD");
			s += bad - 1;
			continue;
		}
		switch (*s) {
		case '&': g_string_append(out, "&amp;"); break;
		case '<': g_string_append(out, "&lt;"); break;
		case '>': g_string_append(out, "&gt;"); break;
		case '"': g_string_append(out, attr ? "&quot;" : "\""); break;
		case '\r': g_string_append(out, "&#13;"); break;
		case '\n': g_string_append(out, attr ? "&#10;" : "\n"); break;
		case '\t': g_string_append(out, attr ? "&#9;" : "\t"); break;
		default: g_string_append_c(out, *s); break;
		}
	}
}

/* s with every character XML cannot hold replaced by U+FFFD, or NULL when
 * it has none; *first receives the first such character. */
static char *
xml_clean(const char *s, gunichar *first)
{
	GString *out = NULL;

	for (const char *p = s; *p; p++) {
		size_t bad = xml_invalid_at(p);

		if (bad == 0) {
			if (out)
				g_string_append_c(out, *p);
			continue;
		}
		if (out == NULL) {
			out = g_string_new_len(s, p - s);
			*first = g_utf8_get_char(p);
		}
		g_string_append(out, "\xEF\xBF\xBD");
		p += bad - 1;
	}
	return out ? g_string_free(out, FALSE) : NULL;
}

/* Refuse ids that become equal once cleaned (array "actors" or
 * "transactions"): GraphML tools key nodes and edges by id. */
static int
check_ids(const mkg_model *m, bool actors)
{
	const char *array = actors ? "actors" : "transactions";
	guint n = actors ? m->actors->len : m->transactions->len;
	GHashTable *cleaned = NULL; /* cleaned id -> index + 1 */
	int rc = MKG_OK;

	for (guint i = 0; i < n && rc == MKG_OK; i++) {
		const char *id = actors ? MKG_ACTOR(m, i)->id : MKG_TX(m, i)->id;
		gunichar c = 0;
		char *clean = xml_clean(id, &c);
		mkg_idx other;

		if (clean == NULL)
			continue;
		if (cleaned == NULL)
			cleaned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		other = actors ? mkg__model_actor_lookup(m, clean)
		               : mkg__model_transaction_lookup(m, clean);
		if (other == MKG_IDX_NONE && g_hash_table_contains(cleaned, clean))
			other = GPOINTER_TO_UINT(g_hash_table_lookup(cleaned, clean)) - 1u;
		if (other != MKG_IDX_NONE) {
			rc = mkg__error(MKG_EDATA, "%s[%u].id: holds U+%04X, which XML 1.0 cannot "
			                "hold; written as U+FFFD it is the id of %s[%u] too", array, i,
			                (unsigned)c, array, other);
			g_free(clean);
		} else {
			g_hash_table_insert(cleaned, clean, GUINT_TO_POINTER(i + 1u));
		}
	}
	if (cleaned)
		g_hash_table_destroy(cleaned);
	return rc;
}

/* ---- keys and data -------------------------------------------------------- */

typedef struct key_def {
	const char *id, *for_, *name, *type;
} key_def;

static const key_def keys[] = {
	{ "g_name", "graph", "name", "string" },
	{ "g_currency", "graph", "currency", "string" },
	{ "g_volume_unit", "graph", "volume_unit", "string" },
	{ "g_period", "graph", "period", "string" },
	{ "g_attributes", "graph", "attributes", "string" },
	{ "g_commodities", "graph", "commodities", "string" },
	{ "n_label", "node", "label", "string" },
	{ "n_name", "node", "name", "string" },
	{ "n_kind", "node", "kind", "string" },
	{ "n_region", "node", "region", "string" },
	{ "n_households", "node", "households", "long" },
	{ "n_firms", "node", "firms", "long" },
	{ "n_capacity", "node", "capacity", "double" },
	{ "n_supply", "node", "supply", "double" },
	{ "n_demand", "node", "demand", "double" },
	{ "n_tags", "node", "tags", "string" },
	{ "n_attributes", "node", "attributes", "string" },
	{ "e_commodity", "edge", "commodity", "string" },
	{ "e_volume", "edge", "volume", "double" },
	{ "e_value", "edge", "value", "double" },
	{ "e_period", "edge", "period", "string" },
	{ "e_level", "edge", "level", "string" },
	{ "e_contract", "edge", "contract", "string" },
	{ "e_service", "edge", "service", "boolean" },
	{ "e_capacity", "edge", "capacity", "double" },
	{ "e_attributes", "edge", "attributes", "string" },
	{ "e_weight", "edge", "weight", "double" },
	{ "e_primary", "edge", "primary", "string" },
	{ "e_factor", "edge", "factor", "double" },
	{ "e_primary_volume", "edge", "primary_volume", "double" },
};

/* Declared only with results, facilitation or memberships, so that the
 * plain export keeps its schema. */
static const key_def result_keys[] = {
	{ "g_chain", "graph", "chain", "string" },
	{ "g_chain_unit", "graph", "chain_unit", "string" },
	{ "g_betweenness_pivots", "graph", "betweenness_pivots", "long" },
	{ "n_throughput", "node", "throughput", "double" },
	{ "n_throughput_share", "node", "throughput_share", "double" },
	{ "n_betweenness", "node", "betweenness", "double" },
	{ "n_betweenness_share", "node", "betweenness_share", "double" },
	{ "n_captive_producers", "node", "captive_producers", "long" },
	{ "n_captive_supply", "node", "captive_supply", "double" },
	{ "n_binding", "node", "binding", "string" },
	{ "n_binding_capacity", "node", "binding_capacity", "double" },
	{ "e_binding_capacity", "edge", "binding_capacity", "double" },
};

static const key_def relation_keys[] = {
	{ "e_relation", "edge", "relation", "string" },
	{ "e_facilitation", "edge", "facilitation", "string" },
	{ "e_facilitation_type", "edge", "facilitation_type", "string" },
	{ "e_function", "edge", "function", "string" },
	{ "e_cost", "edge", "cost", "double" },
	{ "e_since", "edge", "since", "string" },
	{ "e_role", "edge", "role", "string" },
};

static void
write_keys(GString *text, const key_def *k, size_t n)
{
	for (size_t i = 0; i < n; i++)
		g_string_append_printf(text,
		                       "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
		                       k[i].id, k[i].for_, k[i].name, k[i].type);
}

static void
data_text(GString *out, const char *indent, const char *key, const char *s)
{
	if (s == NULL)
		return;
	g_string_append_printf(out, "%s<data key=\"%s\">", indent, key);
	xml_escape(out, s, false);
	g_string_append(out, "</data>\n");
}

static void
data_number(GString *out, const char *indent, const char *key, double d)
{
	if (isnan(d))
		return;
	g_string_append_printf(out, "%s<data key=\"%s\">", indent, key);
	mkg__number_write(out, d);
	g_string_append(out, "</data>\n");
}

static void
write_node_results(GString *out, const mkg__actor_result *x)
{
	data_number(out, "      ", "n_throughput", x->throughput);
	data_number(out, "      ", "n_throughput_share", x->throughput_share);
	data_number(out, "      ", "n_betweenness", x->betweenness);
	data_number(out, "      ", "n_betweenness_share", x->betweenness_share);
	if (x->captive > 0) {
		g_string_append_printf(out, "      <data key=\"n_captive_producers\">%" PRId64
		                       "</data>\n", x->captive);
		data_number(out, "      ", "n_captive_supply", x->captive_supply);
	}
	data_text(out, "      ", "n_binding", x->binding);
	data_number(out, "      ", "n_binding_capacity", x->binding_capacity);
}

static void
write_nodes(GString *out, const mkg_model *m, const mkg__results *r, GString *scratch)
{
	for (guint i = 0; i < m->actors->len; i++) {
		const mkg_actor_rec *a = MKG_ACTOR(m, i);

		g_string_append(out, "    <node id=\"");
		xml_escape(out, a->id, true);
		g_string_append(out, "\">\n");
		data_text(out, "      ", "n_label", a->name ? a->name : a->id);
		data_text(out, "      ", "n_name", a->name);
		data_text(out, "      ", "n_kind", mkg_actor_kind_name(a->kind));
		data_text(out, "      ", "n_region", a->region);
		if (a->households >= 0)
			g_string_append_printf(out, "      <data key=\"n_households\">%" PRId64 "</data>\n",
			                       a->households);
		if (a->firms >= 1)
			g_string_append_printf(out, "      <data key=\"n_firms\">%" PRId64 "</data>\n",
			                       a->firms);
		data_number(out, "      ", "n_capacity", a->capacity);
		data_number(out, "      ", "n_supply", a->supply);
		data_number(out, "      ", "n_demand", a->demand);
		if (a->tags.count > 0) {
			g_string_truncate(scratch, 0);
			mkg__list_write(scratch, (const char *const *)m->str_pool->pdata + a->tags.first,
			                a->tags.count);
			data_text(out, "      ", "n_tags", scratch->str);
		}
		data_text(out, "      ", "n_attributes", a->attributes);
		if (r != NULL)
			write_node_results(out, &r->actors[i]);
		g_string_append(out, "    </node>\n");
	}
}

/* chains: NULL when the model lists no commodity (then no edge has a
 * primary equivalent to tell). */
static void
write_edges(GString *out, const mkg_model *m, const mkg_commodity_chains *chains,
            const mkg__results *r, bool relations)
{
	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		g_string_append(out, "    <edge id=\"");
		xml_escape(out, t->id, true);
		g_string_append(out, "\" source=\"");
		xml_escape(out, MKG_ACTOR(m, t->seller)->id, true);
		g_string_append(out, "\" target=\"");
		xml_escape(out, MKG_ACTOR(m, t->buyer)->id, true);
		g_string_append(out, "\">\n");
		if (relations)
			data_text(out, "      ", "e_relation", "transaction");
		data_text(out, "      ", "e_commodity", t->commodity);
		data_number(out, "      ", "e_volume", t->volume);
		data_number(out, "      ", "e_value", t->value);
		data_text(out, "      ", "e_period", mkg__tx_period(m, t));
		data_text(out, "      ", "e_level", mkg__tx_level(m, t));
		data_text(out, "      ", "e_contract", mkg_contract_name((mkg_contract)t->contract));
		data_text(out, "      ", "e_service", t->service ? "true" : "false");
		data_number(out, "      ", "e_capacity", t->capacity);
		data_text(out, "      ", "e_attributes", t->attributes);
		data_number(out, "      ", "e_weight", t->volume);
		if (chains != NULL && !t->service) {
			const char *primary;
			double factor;

			mkg__tx_primary(m, chains, t, &primary, &factor);
			data_text(out, "      ", "e_primary", primary);
			data_number(out, "      ", "e_factor", factor);
			data_number(out, "      ", "e_primary_volume", t->volume * factor);
		}
		if (r != NULL)
			data_number(out, "      ", "e_binding_capacity", r->tx_binding[i]);
		g_string_append(out, "    </edge>\n");
	}
}

/* An edge from actor `from` to actor `to` with a made id (`facilitation:F:K`,
 * `membership:I`) and its relation. */
static void
begin_edge(GString *out, const mkg_model *m, const char *id, mkg_idx from, mkg_idx to,
           const char *relation)
{
	g_string_append(out, "    <edge id=\"");
	xml_escape(out, id, true);
	g_string_append(out, "\" source=\"");
	xml_escape(out, MKG_ACTOR(m, from)->id, true);
	g_string_append(out, "\" target=\"");
	xml_escape(out, MKG_ACTOR(m, to)->id, true);
	g_string_append(out, "\">\n");
	data_text(out, "      ", "e_relation", relation);
}

/* A made edge id must not be a transaction's (GraphML keys edges by id). */
static int
check_made_id(const mkg_model *m, const char *id)
{
	mkg_idx t = mkg__model_transaction_lookup(m, id);

	if (t == MKG_IDX_NONE)
		return MKG_OK;
	return mkg__error(MKG_EDATA, "transactions[%u].id: \"%s\" is also the GraphML id of a "
	                  "facilitation or membership edge: rename it or leave those edges out",
	                  t, id);
}

static int
write_relations(GString *out, const mkg_model *m, const mkg_interop_options *o)
{
	GArray *actors = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
	uint32_t *seen = g_new0(uint32_t, m->actors->len + 1);
	int rc = MKG_OK;

	for (guint i = 0; o->facilitation && i < m->facilitation->len && rc == MKG_OK; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		mkg__supported_actors(m, f, i + 1u, seen, actors);
		for (guint k = 0; k < actors->len && rc == MKG_OK; k++) {
			char *id = g_strdup_printf("facilitation:%s:%u", f->id, k);
			if ((rc = check_made_id(m, id)) == MKG_OK) {
				begin_edge(out, m, id, f->facilitator, g_array_index(actors, mkg_idx, k),
				           "facilitation");
				data_text(out, "      ", "e_facilitation", f->id);
				data_text(out, "      ", "e_facilitation_type",
				          mkg_facilitation_type_name((mkg_facilitation_type)f->type));
				data_text(out, "      ", "e_function",
				          mkg_function_name((mkg_function)f->function));
				/* an equal share on each edge: summed over edges, counted once */
				data_number(out, "      ", "e_cost", f->cost / (double)actors->len);
				g_string_append(out, "    </edge>\n");
			}
			g_free(id);
		}
	}
	for (guint i = 0; o->memberships && i < m->memberships->len && rc == MKG_OK; i++) {
		const mkg_membership_rec *ms = MKG_MEMBERSHIP(m, i);
		char id[32];
		g_snprintf(id, sizeof id, "membership:%u", i);
		if ((rc = check_made_id(m, id)) != MKG_OK)
			break;
		begin_edge(out, m, id, ms->member, ms->group, "membership");
		data_text(out, "      ", "e_since", ms->since);
		data_text(out, "      ", "e_role", ms->role);
		g_string_append(out, "    </edge>\n");
	}
	g_free(seen);
	g_array_free(actors, TRUE);
	return rc;
}

int
mkg_graphml_write_string(const mkg_model *model, char **out, size_t *len)
{
	return mkg_graphml_write(model, NULL, out, len);
}

int
mkg_graphml_write(const mkg_model *model, const mkg_interop_options *opts, char **out,
                  size_t *len)
{
	const mkg_commodity_chains *chains = NULL;
	GString *text, *scratch;
	char *commodities = NULL;
	mkg_interop_options o;
	mkg__results results = { 0 };
	bool relations;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	MKG_RESOLVE_OPTIONS("mkg_graphml_write", mkg_interop_options, MKG_INTEROP_OPTIONS, opts,
	                    &o);
	relations = o.facilitation || o.memberships;
	if ((rc = mkg_model_validate(model)) != MKG_OK ||
	    (rc = check_ids(model, true)) != MKG_OK || (rc = check_ids(model, false)) != MKG_OK)
		return rc;
	if (o.results && (rc = mkg__results_compute(model, o.chain, &results)) != MKG_OK)
		return rc;
	if (model->commodities->len > 0) {
		if ((rc = mkg__model_commodity_chains(model, &chains)) != MKG_OK) {
			mkg__results_clear(&results);
			return rc;
		}
		if ((commodities = mkg__json_commodities_text(model)) == NULL) {
			mkg__results_clear(&results);
			return mkg__error(MKG_ENOMEM, "mkg_graphml_write_string: out of memory");
		}
	}
	text = g_string_sized_new(4096);
	scratch = g_string_new(NULL);
	g_string_append(text,
	                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
	                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	                "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	                "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
	write_keys(text, keys, G_N_ELEMENTS(keys));
	if (o.results)
		write_keys(text, result_keys, G_N_ELEMENTS(result_keys));
	if (relations)
		write_keys(text, relation_keys, G_N_ELEMENTS(relation_keys));
	g_string_append(text, "  <graph id=\"G\" edgedefault=\"directed\">\n");
	data_text(text, "    ", "g_name", model->name);
	data_text(text, "    ", "g_currency", model->currency);
	data_text(text, "    ", "g_volume_unit", model->volume_unit);
	data_text(text, "    ", "g_period", model->period);
	data_text(text, "    ", "g_attributes", model->attributes);
	data_text(text, "    ", "g_commodities", commodities);
	if (o.results) {
		data_text(text, "    ", "g_chain", results.chain);
		data_text(text, "    ", "g_chain_unit", results.unit);
		g_string_append_printf(text, "    <data key=\"g_betweenness_pivots\">%zu</data>\n",
		                       results.pivots);
	}
	write_nodes(text, model, o.results ? &results : NULL, scratch);
	write_edges(text, model, chains, o.results ? &results : NULL, relations);
	rc = write_relations(text, model, &o);
	g_string_append(text, "  </graph>\n</graphml>\n");
	g_string_free(scratch, TRUE);
	mkg_free(commodities);
	mkg__results_clear(&results);
	if (rc != MKG_OK) {
		g_string_free(text, TRUE);
		return rc;
	}
	if (len)
		*len = text->len;
	*out = g_string_free(text, FALSE);
	return MKG_OK;
}
