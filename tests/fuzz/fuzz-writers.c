/* Fuzz target for the writers (libFuzzer interface).
 *
 * The input is a JSON document; inputs that do not import are the
 * importer target's business.  Every model that imports goes through every
 * writer, and the outputs are checked in C:
 *
 * - JSON: re-imports to an equal model and exports again to the same bytes;
 *   valid UTF-8.
 * - CSV, each of the six tables with the separator and BOM chosen by a
 *   hash of the input: re-imports to an equal model.  With safe_cells: no
 *   cell starts with = + - @ TAB CR, and the tables import (or fail with
 *   MKG_EDATA, when an id with its apostrophe meets another id).
 * - DOT, with and without highlights (MKG_EUNSUPPORTED accepted with them,
 *   the flow's limit): valid UTF-8 without noncharacters or
 *   control characters but the line ends, nothing as long as Graphviz's
 *   16384-byte limit in a label or a quoted string, no empty <B></B> or
 *   <FONT></FONT>, no bare ']' in a label.
 * - GraphML: valid UTF-8 without the characters XML 1.0 cannot hold
 *   (C0 controls but tab, LF and CR; U+FFFE, U+FFFF); MKG_EDATA accepted
 *   when ids only differ by such characters (docs/interop.md).
 * - Kumu: strict JSON, valid UTF-8, one element per actor.
 *
 * Seeds: corpus-writers/ (hostile strings, subnormals).
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
die(const char *what)
{
	fprintf(stderr, "fuzz-writers: %s (%d: %s)\n", what, mkg_error_code(), mkg_error_message());
	abort();
}

static uint32_t
fnv1a(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;

	for (size_t k = 0; k < size; k++)
		h = (h ^ data[k]) * 16777619u;
	return h;
}

/* ---- character checks ----------------------------------------------------- */

static bool
is_noncharacter(gunichar c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* Valid UTF-8 of len bytes (no NUL), and no character bad() refuses. */
static void
check_text(const char *what, const char *text, size_t len, bool (*bad)(gunichar c))
{
	const char *end = NULL;

	if (strlen(text) != len || !g_utf8_validate(text, (gssize)len, &end))
		die(what);
	for (const char *p = text; *p; p = g_utf8_next_char(p))
		if (bad != NULL && bad(g_utf8_get_char(p)))
			die(what);
}

static bool
bad_in_dot(gunichar c)
{
	return is_noncharacter(c) || (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F);
}

static bool
bad_in_xml(gunichar c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

/* ---- the writers ------------------------------------------------------------ */

static void
check_json(const mkg_model *m)
{
	mkg_model *back = NULL;
	char *text = NULL, *again = NULL;
	size_t len = 0, again_len = 0;

	if (mkg_json_write_string(m, &text, &len) != MKG_OK)
		die("JSON export failed");
	check_text("JSON export is not UTF-8", text, len, NULL);
	if (mkg_json_read_buffer(&back, text, len) != MKG_OK)
		die("the JSON export does not import");
	if (!mkg_model_equal(m, back))
		die("JSON import(export(m)) differs from m");
	if (mkg_json_write_string(back, &again, &again_len) != MKG_OK || again_len != len ||
	    memcmp(again, text, len) != 0)
		die("JSON export is not stable");
	mkg_free(again);
	mkg_free(text);
	mkg_model_free(back);
}

/* Whether a cell of the CSV text (sep-separated, RFC 4180 quotes) starts
 * with what a spreadsheet would run as a formula. */
static bool
has_formula_cell(const char *text, char sep)
{
	bool quoted = false, cell_start = true;

	for (const char *p = text; *p; p++) {
		if (cell_start && *p == '"') {
			quoted = true;
			cell_start = false;
			if (p[1] != '\0' && strchr("=+-@\t\r", p[1]) != NULL)
				return true;
			continue;
		}
		if (cell_start && strchr("=+-@\t", *p) != NULL && *p != sep)
			return true;
		cell_start = false;
		if (quoted) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				quoted = false;
			continue;
		}
		if (*p == sep || *p == '\n')
			cell_start = true;
	}
	return false;
}

static void
check_csv(const mkg_model *m, uint32_t h, bool safe)
{
	static const int separators[3] = { ',', ';', '\t' };
	mkg_csv_write_options o = MKG_CSV_WRITE_OPTIONS_INIT;
	mkg_csv_buffer b[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *t[MKG_CSV_TABLE_COUNT];
	char *text[MKG_CSV_TABLE_COUNT];
	mkg_model *back = NULL;
	int rc;

	o.separator = separators[h % 3];
	o.bom = (h >> 2) & 1;
	o.safe_cells = safe;
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		size_t len = 0;
		if (mkg_csv_write_string(m, (mkg_csv_table)k, &o, &text[k], &len) != MKG_OK)
			die("CSV export failed");
		check_text("CSV export is not UTF-8", text[k], len, NULL);
		/* the header row names fixed columns: skip it */
		if (safe && has_formula_cell(strstr(text[k], "\r\n") + 2, (char)o.separator))
			die("safe_cells left a cell that starts like a formula");
		b[k].name = NULL;
		b[k].data = text[k];
		b[k].len = len;
	}
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		t[k] = &b[k];
	rc = mkg_csv_read_buffers(&back, t, MKG_CSV_TABLE_COUNT, NULL);
	if (!safe && (rc != MKG_OK || !mkg_model_equal(m, back)))
		die("CSV import(export(m)) differs from m");
	if (safe && rc != MKG_OK && rc != MKG_EDATA)
		die("a safe_cells export does not import");
	mkg_model_free(back);
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		mkg_free(text[k]);
}

/* Walk the DOT text: every quoted string and every HTML-like label (<...>,
 * nested) is shorter than Graphviz's 16384-byte limit, and a label holds
 * no bare ']' and no empty <B></B> or <FONT ...></FONT>. */
static void
check_dot_strings(const char *text)
{
	const char *p = text;

	while (*p) {
		const char *from = p;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
			if (*p != '"')
				die("DOT: a quoted string does not end");
		} else if (*p == '<') {
			int depth = 0;
			for (; *p; p++) {
				if (*p == '<')
					depth++;
				else if (*p == '>' && --depth == 0)
					break;
				else if (*p == ']')
					die("DOT: a bare ']' in a label");
			}
			if (*p != '>')
				die("DOT: a label does not end");
			{
				char *label = g_strndup(from, (gsize)(p - from + 1));
				if (strstr(label, "<B></B>") || strstr(label, "\"></FONT>"))
					die("DOT: an empty element Graphviz refuses");
				g_free(label);
			}
		}
		if (p - from >= 16384)
			die("DOT: a string or label beyond Graphviz's 16384 bytes");
		p++;
	}
}

static void
check_dot(const mkg_model *m, bool highlight)
{
	mkg_dot_options o = MKG_DOT_OPTIONS_INIT;
	char *text = NULL;
	size_t len = 0;
	int rc;

	o.highlight = highlight;
	rc = mkg_dot_write_string(m, &o, &text, &len);
	if (rc == MKG_EUNSUPPORTED && highlight && text == NULL)
		return; /* the flow's documented limit: a total supply beyond a double */
	if (rc != MKG_OK)
		die("DOT export failed");
	check_text("DOT export: not UTF-8, or a noncharacter or a control character", text, len,
	           bad_in_dot);
	check_dot_strings(text);
	mkg_free(text);
}

static void
check_graphml(const mkg_model *m)
{
	char *text = NULL;
	size_t len = 0;
	int rc = mkg_graphml_write_string(m, &text, &len);

	if (rc == MKG_EDATA && text == NULL && strstr(mkg_error_message(), "XML 1.0 cannot hold"))
		return;
	if (rc != MKG_OK)
		die("GraphML export failed");
	check_text("GraphML: not UTF-8, or a character XML 1.0 cannot hold", text, len,
	           bad_in_xml);
	mkg_free(text);
}

static void
check_kumu(const mkg_model *m)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *obj, *elements = NULL, *connections = NULL;
	char *text = NULL;
	size_t len = 0;

	if (tok == NULL)
		die("json_tokener_new");
	if (mkg_kumu_write_string(m, &text, &len) != MKG_OK)
		die("Kumu export failed");
	check_text("Kumu export is not UTF-8", text, len, NULL);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, text, (int)len);
	if (obj == NULL || text[strspn(text + json_tokener_get_parse_end(tok), " \n") +
	                        json_tokener_get_parse_end(tok)] != '\0')
		die("Kumu export is not strict JSON");
	if (!json_object_object_get_ex(obj, "elements", &elements) ||
	    !json_object_object_get_ex(obj, "connections", &connections) ||
	    json_object_array_length(elements) != mkg_model_actor_count(m))
		die("Kumu export: not one element per actor");
	json_object_put(obj);
	json_tokener_free(tok);
	mkg_free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mkg_model *m = NULL;
	uint32_t h;

	if (mkg_json_read_buffer(&m, size ? (const void *)data : "", size) != MKG_OK)
		return 0;
	h = fnv1a(data, size);
	check_json(m);
	check_csv(m, h, false);
	check_csv(m, h >> 3, true);
	check_dot(m, false);
	check_dot(m, true);
	check_graphml(m);
	check_kumu(m);
	mkg_model_free(m);
	return 0;
}
