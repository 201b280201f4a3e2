/* marketgraph: the exit shock as text (`marketgraph shock`): who left, the
 * flow before and after, the stranded producers and what binds after, in
 * the chain's unit.
 * SPDX-License-Identifier: MIT */
#include "bottlenecks-report-private.h"

#include <string.h>

/* "id (name)" when the actor has a name of its own, else "id"; model
 * strings are escaped for the terminal (mkg__text_escape, docs/report.md). */
static void
append_actor(GString *out, const mkg_model *m, const char *id)
{
	mkg_idx a = mkg__model_actor_lookup(m, id);
	const char *name = a == MKG_IDX_NONE ? NULL : MKG_ACTOR(m, a)->name;

	mkg__text_escape(out, id, false, SIZE_MAX);
	if (name != NULL && strcmp(name, id) != 0) {
		g_string_append(out, " (");
		mkg__text_escape(out, name, false, SIZE_MAX);
		g_string_append_c(out, ')');
	}
}

/* A volume with the chain's unit: "80 t". */
static void
append_volume(GString *out, const mkg_chain *c, double v)
{
	char buf[MKG_DOUBLE_BUFSIZE];
	const char *unit = c->unit;

	if (MKG_IS_ABSENT(v))
		strcpy(buf, "null");
	else
		mkg__human_amount(buf, v);
	g_string_append(out, buf);
	if (unit != NULL) {
		g_string_append_c(out, ' ');
		mkg__text_escape(out, unit, false, SIZE_MAX);
	}
}

static void
append_binding(GString *out, const mkg_model *m, const mkg_flow *f)
{
	size_t n = mkg_flow_binding_count(f);

	if (n == 0) {
		g_string_append(out, "  none: everything that reaches a sink can be delivered\n");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const mkg_binding *b = mkg_flow_binding_at(f, i);
		g_string_append(out, "  ");
		switch (b->type) {
		case MKG_BINDING_ACTOR:
			g_string_append(out, "capacity of ");
			append_actor(out, m, b->actor);
			break;
		case MKG_BINDING_DEMAND:
			g_string_append(out, "demand of ");
			append_actor(out, m, b->actor);
			break;
		case MKG_BINDING_TRANSACTION:
			g_string_append(out, "link ");
			append_actor(out, m, b->seller);
			g_string_append(out, " -> ");
			append_actor(out, m, b->buyer);
			break;
		}
		g_string_append(out, ": ");
		append_volume(out, mkg_flow_chain(f), b->capacity);
		g_string_append_c(out, '\n');
	}
}

int
mkg_shock_write_text(const mkg_shock *s, const mkg_model *model, char **out, size_t *len)
{
	const mkg_flow *before, *after;
	const mkg_chain *chain;
	double loss, max_before;
	GString *text;

	MKG_CHECK_ARG(s);
	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	before = mkg_shock_before(s);
	after = mkg_shock_after(s);
	loss = mkg_shock_loss(s);
	max_before = mkg_flow_max_flow(before);
	chain = mkg_flow_chain(before);
	text = g_string_new("Exit shock");
	if (chain->commodity != NULL) {
		g_string_append(text, " in the ");
		mkg__text_escape(text, chain->commodity, false, SIZE_MAX);
		g_string_append(text, " chain");
	}
	g_string_append(text, ": without ");
	for (size_t i = 0; i < mkg_shock_removed_count(s); i++) {
		if (i > 0)
			g_string_append(text, ", ");
		append_actor(text, model, mkg_shock_removed_at(s, i));
	}
	g_string_append(text, "\nDeliverable flow: ");
	append_volume(text, chain, max_before);
	g_string_append(text, " before, ");
	append_volume(text, chain, mkg_flow_max_flow(after));
	g_string_append(text, " after; loss ");
	append_volume(text, chain, loss);
	if (max_before > 0.0) {
		char buf[MKG_DOUBLE_BUFSIZE];
		g_string_append_printf(text, " (%s of the flow)",
		                       mkg__human_percent(buf, loss / max_before));
	}
	g_string_append_printf(text, "\nStranded producers (no route left to an end market): %zu",
	                       mkg_shock_stranded_count(s));
	if (mkg_shock_stranded_count(s) > 0) {
		g_string_append(text, ", supply ");
		append_volume(text, chain, mkg_shock_stranded_supply(s));
	}
	g_string_append_c(text, '\n');
	for (size_t i = 0; i < mkg_shock_stranded_count(s); i++) {
		g_string_append(text, "  ");
		append_actor(text, model, mkg_shock_stranded_at(s, i));
		g_string_append_c(text, '\n');
	}
	g_string_append(text, "Binding constraints after the exit:\n");
	append_binding(text, model, after);
	if (len != NULL)
		*len = text->len;
	*out = g_string_free(text, FALSE);
	return MKG_OK;
}
