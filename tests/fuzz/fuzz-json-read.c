/* Fuzz target for the JSON importer (libFuzzer interface).
 *
 * Whatever the input, import must return a status without crashing.  When
 * it succeeds: the export must import back to an equal model, and export
 * again to the same bytes.  MKG_ENOMEM aborts too: nothing runs out of
 * memory here, so it would mean the importer's check of json-c's work
 * disagrees with json-c.
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
	fprintf(stderr, "fuzz-json-read: %s (%d: %s)\n", what, mkg_error_code(), mkg_error_message());
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mkg_model *m = NULL, *m2 = NULL;
	char *first = NULL, *second = NULL;
	size_t first_len = 0, second_len = 0;
	int rc;

	rc = mkg_json_read_buffer(&m, size ? (const void *)data : "", size);
	if (rc != MKG_OK) {
		if (m != NULL)
			die("failed import wrote *out");
		if (rc == MKG_ENOMEM)
			die("out of memory reported without a shortage");
		if (rc != MKG_EPARSE && rc != MKG_EDATA && rc != MKG_EUNSUPPORTED)
			die("unexpected status");
		if (mkg_error_code() != rc || mkg_error_message()[0] == '\0')
			die("no message");
		return 0;
	}
	if (mkg_json_write_string(m, &first, &first_len) != MKG_OK)
		die("export failed");
	if (mkg_json_read_buffer(&m2, first, first_len) != MKG_OK)
		die("the export does not import");
	if (!mkg_model_equal(m, m2))
		die("import(export(m)) differs from m");
	if (mkg_json_write_string(m2, &second, &second_len) != MKG_OK)
		die("second export failed");
	if (first_len != second_len || memcmp(first, second, first_len) != 0)
		die("export is not stable");
	mkg_free(first);
	mkg_free(second);
	mkg_model_free(m);
	mkg_model_free(m2);
	return 0;
}
