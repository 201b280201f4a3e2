/* Fuzz target for the CSV importer (libFuzzer interface).
 *
 * The input holds up to six tables, in the order actors, transactions,
 * facilitation, memberships, document, commodities, separated by lines "%%" (the line
 * end before "%%" belongs to the table); missing tables are absent.
 *
 * Whatever the input, import must return a status without crashing, and on
 * failure leave *out alone and say why.  When it succeeds: the CSV export
 * must import back to an equal model and export again to the same bytes
 * (also with ';', a BOM and tabs), the model must survive JSON the same
 * way, and the GraphML and Kumu exports must work (GraphML may refuse ids
 * that only differ by characters XML cannot hold).
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
die(const char *what)
{
	fprintf(stderr, "fuzz-csv-read: %s (%d: %s)\n", what, mkg_error_code(), mkg_error_message());
	abort();
}

/* Export every table with o, import them back: equal, and the same bytes. */
static void
csv_roundtrip(const mkg_model *m, int separator, int bom)
{
	mkg_csv_write_options o = MKG_CSV_WRITE_OPTIONS_INIT;
	mkg_csv_buffer b[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *t[MKG_CSV_TABLE_COUNT];
	char *text[MKG_CSV_TABLE_COUNT], *again;
	size_t len[MKG_CSV_TABLE_COUNT], again_len;
	mkg_model *m2 = NULL;

	o.separator = separator;
	o.bom = bom;
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		if (mkg_csv_write_string(m, (mkg_csv_table)k, &o, &text[k], &len[k]) != MKG_OK)
			die("CSV export failed");
		b[k].name = NULL;
		b[k].data = text[k];
		b[k].len = len[k];
		t[k] = &b[k];
	}
	if (mkg_csv_read_buffers(&m2, t, MKG_CSV_TABLE_COUNT, NULL) != MKG_OK)
		die("the CSV export does not import");
	if (!mkg_model_equal(m, m2))
		die("import(export(m)) differs from m");
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		if (mkg_csv_write_string(m2, (mkg_csv_table)k, &o, &again, &again_len) != MKG_OK)
			die("second CSV export failed");
		if (again_len != len[k] || memcmp(again, text[k], len[k]) != 0)
			die("CSV export is not stable");
		mkg_free(again);
		mkg_free(text[k]);
	}
	mkg_model_free(m2);
}

static void
other_formats(const mkg_model *m)
{
	mkg_model *m2 = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (mkg_json_write_string(m, &text, &len) != MKG_OK)
		die("JSON export failed");
	if (mkg_json_read_buffer(&m2, text, len) != MKG_OK)
		die("the JSON export of a CSV import does not import");
	if (!mkg_model_equal(m, m2))
		die("JSON import(export(m)) differs from m");
	mkg_model_free(m2);
	mkg_free(text);
	text = NULL;
	rc = mkg_graphml_write_string(m, &text, &len);
	if (rc != MKG_OK && (rc != MKG_EDATA || text != NULL))
		die("GraphML export failed");
	mkg_free(text);
	if (mkg_kumu_write_string(m, &text, &len) != MKG_OK)
		die("Kumu export failed");
	mkg_free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = size ? (const char *)data : "";
	mkg_csv_buffer b[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *t[MKG_CSV_TABLE_COUNT] = { NULL };
	mkg_model *m = (mkg_model *)&b; /* must stay untouched on failure */
	size_t start = 0;
	int rc;

	for (int k = 0; k < MKG_CSV_TABLE_COUNT && start <= size; k++) {
		size_t end = start;

		/* The next "\n%%\n", or the end of the input. */
		while (end < size && !(end + 3 < size && s[end] == '\n' && s[end + 1] == '%' &&
		                       s[end + 2] == '%' && s[end + 3] == '\n'))
			end++;
		b[k].name = NULL;
		b[k].data = s + start;
		b[k].len = end < size ? end + 1 - start : size - start;
		t[k] = &b[k];
		start = end + 4;
	}
	rc = mkg_csv_read_buffers(&m, t, MKG_CSV_TABLE_COUNT, NULL);
	if (rc != MKG_OK) {
		if (m != (mkg_model *)&b)
			die("failed import wrote *out");
		if (rc != MKG_EPARSE && rc != MKG_EDATA)
			die("unexpected status");
		if (mkg_error_code() != rc || mkg_error_message()[0] == '\0')
			die("no message");
		return 0;
	}
	csv_roundtrip(m, 0, 0);
	csv_roundtrip(m, ';', 1);
	csv_roundtrip(m, '\t', 0);
	other_formats(m);
	mkg_model_free(m);
	return 0;
}
