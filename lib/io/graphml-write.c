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
write_nodes(GString *out, const mkg_model *m, GString *scratch)
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
		g_string_append(out, "    </node>\n");
	}
}

/* chains: NULL when the model lists no commodity (then no edge has a
 * primary equivalent to tell). */
static void
write_edges(GString *out, const mkg_model *m, const mkg_commodity_chains *chains)
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
		g_string_append(out, "    </edge>\n");
	}
}

int
mkg_graphml_write_string(const mkg_model *model, char **out, size_t *len)
{
	const mkg_commodity_chains *chains = NULL;
	GString *text, *scratch;
	char *commodities = NULL;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if ((rc = mkg_model_validate(model)) != MKG_OK ||
	    (rc = check_ids(model, true)) != MKG_OK || (rc = check_ids(model, false)) != MKG_OK)
		return rc;
	if (model->commodities->len > 0) {
		if ((rc = mkg__model_commodity_chains(model, &chains)) != MKG_OK)
			return rc;
		if ((commodities = mkg__json_commodities_text(model)) == NULL)
			return mkg__error(MKG_ENOMEM, "mkg_graphml_write_string: out of memory");
	}
	text = g_string_sized_new(4096);
	scratch = g_string_new(NULL);
	g_string_append(text,
	                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
	                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	                "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	                "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
	for (size_t k = 0; k < G_N_ELEMENTS(keys); k++)
		g_string_append_printf(text,
		                       "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
		                       keys[k].id, keys[k].for_, keys[k].name, keys[k].type);
	g_string_append(text, "  <graph id=\"G\" edgedefault=\"directed\">\n");
	data_text(text, "    ", "g_name", model->name);
	data_text(text, "    ", "g_currency", model->currency);
	data_text(text, "    ", "g_volume_unit", model->volume_unit);
	data_text(text, "    ", "g_period", model->period);
	data_text(text, "    ", "g_attributes", model->attributes);
	data_text(text, "    ", "g_commodities", commodities);
	write_nodes(text, model, scratch);
	write_edges(text, model, chains);
	g_string_append(text, "  </graph>\n</graphml>\n");
	g_string_free(scratch, TRUE);
	mkg_free(commodities);
	if (len)
		*len = text->len;
	*out = g_string_free(text, FALSE);
	return MKG_OK;
}
