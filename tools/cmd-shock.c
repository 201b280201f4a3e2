/* marketgraph shock FILE --remove ID[,ID...]: what happens when actors stop
 * trading (docs/analyses.md, section 2, exit shock).
 * SPDX-License-Identifier: MIT */
#include "cli.h"

#include <stdbool.h>
#include <string.h>

/* "id (name)" when the actor has a name of its own, else "id". */
static void
append_actor(GString *out, const mkg_model *m, const char *id)
{
	size_t a;

	g_string_append(out, id);
	if (mkg_model_find_actor(m, id, &a) == MKG_OK && mkg_actor_has_name(m, a) &&
	    strcmp(mkg_actor_name(m, a), id) != 0)
		g_string_append_printf(out, " (%s)", mkg_actor_name(m, a));
}

/* A volume with the model's unit: "80 t". */
static void
append_volume(GString *out, const mkg_model *m, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	const char *unit = mkg_model_volume_unit(m);

	g_string_append(out, cli_format_number(buf, v));
	if (unit != NULL)
		g_string_append_printf(out, " %s", unit);
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
		append_volume(out, m, b->capacity);
		g_string_append_c(out, '\n');
	}
}

static char *
shock_text(const mkg_model *m, const mkg_shock *s, size_t *len)
{
	GString *out = g_string_new("Exit shock: without ");
	const mkg_flow *before = mkg_shock_before(s), *after = mkg_shock_after(s);
	double loss = mkg_shock_loss(s), max_before = mkg_flow_max_flow(before);

	for (size_t i = 0; i < mkg_shock_removed_count(s); i++) {
		if (i > 0)
			g_string_append(out, ", ");
		append_actor(out, m, mkg_shock_removed_at(s, i));
	}
	g_string_append(out, "\nDeliverable flow: ");
	append_volume(out, m, max_before);
	g_string_append(out, " before, ");
	append_volume(out, m, mkg_flow_max_flow(after));
	g_string_append(out, " after; loss ");
	append_volume(out, m, loss);
	if (max_before > 0.0) {
		char buf[G_ASCII_DTOSTR_BUF_SIZE];
		g_string_append_printf(out, " (%s%% of the flow)",
		                       g_ascii_formatd(buf, sizeof buf, "%.1f",
		                                       100.0 * loss / max_before));
	}
	g_string_append_printf(out, "\nStranded producers (no route left to an end market): %zu",
	                       mkg_shock_stranded_count(s));
	if (mkg_shock_stranded_count(s) > 0) {
		g_string_append(out, ", supply ");
		append_volume(out, m, mkg_shock_stranded_supply(s));
	}
	g_string_append_c(out, '\n');
	for (size_t i = 0; i < mkg_shock_stranded_count(s); i++) {
		g_string_append(out, "  ");
		append_actor(out, m, mkg_shock_stranded_at(s, i));
		g_string_append_c(out, '\n');
	}
	g_string_append(out, "Binding constraints after the exit:\n");
	append_binding(out, m, after);
	*len = out->len;
	return g_string_free(out, FALSE);
}

int
cli_shock(const cli_command *cmd, int argc, char **argv)
{
	char *format = NULL, *remove = NULL, *output = NULL;
	const GOptionEntry entries[] = {
		{ "remove", 'r', 0, G_OPTION_ARG_STRING, &remove,
		  "The actors that stop trading (required)", "ID,ID,..." },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &format,
		  "Output format: text (default) or json", "FORMAT" },
		{ "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
		  "Write the result to FILE instead of standard output", "FILE" },
		G_OPTION_ENTRY_NULL
	};
	mkg_model *model = NULL;
	mkg_shock *shock = NULL;
	char **ids = NULL;
	char *text = NULL;
	size_t len = 0;
	bool json = false;
	int fmt = 0; /* in cli_text_or_json */
	int rc = cli_parse(cmd, entries, &argc, &argv);

	if (rc >= 0)
		goto out;
	if ((rc = cli_one_file(cmd, argc)) >= 0 ||
	    (rc = cli_parse_format(cmd, format, cli_text_or_json, &fmt)) >= 0)
		goto out;
	json = fmt == 1;
	if (remove == NULL) {
		rc = cli_usage_error(cmd, "missing --remove ID[,ID...]");
		goto out;
	}
	ids = g_strsplit(remove, ",", -1);
	for (char **p = ids; *p; p++) {
		g_strstrip(*p);
		if (**p == '\0') {
			rc = cli_usage_error(cmd, "--remove: empty actor id in '%s'", remove);
			goto out;
		}
	}

	if ((rc = cli_load(argv[1], &model)) != CLI_EXIT_OK)
		goto out;
	if (mkg_shock_new(&shock, model, (const char *const *)ids, g_strv_length(ids), NULL) !=
	    MKG_OK) {
		rc = cli_fail(cmd, "%s: %s", cli_display_name(argv[1]), mkg_error_message());
		goto out;
	}
	if (json) {
		if (mkg_shock_write_json(shock, &text, &len) != MKG_OK) {
			rc = cli_fail(cmd, "%s", mkg_error_message());
			goto out;
		}
	} else {
		text = shock_text(model, shock, &len);
	}
	rc = cli_write(cmd, output, text, len);
out:
	if (json)
		mkg_free(text);
	else
		g_free(text);
	mkg_shock_free(shock);
	mkg_model_free(model);
	g_strfreev(ids);
	g_free(format);
	g_free(remove);
	g_free(output);
	return rc;
}
