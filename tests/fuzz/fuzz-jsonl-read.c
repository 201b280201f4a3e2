/* Fuzz target for the JSON Lines reader (libFuzzer interface): streams,
 * gzip input and aggregation (docs/format.md, section 10).
 *
 * The first byte chooses aggregation (its low bit); the rest is read as a
 * JSON Lines stream.  Whatever the input, the read must return a status
 * without crashing, and a failed read must leave *out alone and say where:
 * every message about the text starts with "line " (the syntax, a record,
 * the header, and the rules checked after the last line, given the line of
 * their record).  When it succeeds: the export must read back, as a
 * document, to an equal model.  MKG_ENOMEM aborts, as in fuzz-json-read.c.
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
	fprintf(stderr, "fuzz-jsonl-read: %s (%d: %s)\n", what, mkg_error_code(),
	        mkg_error_message());
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mkg_read_options opts = MKG_READ_OPTIONS_INIT;
	mkg_model *m = NULL, *m2 = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (size == 0)
		return 0;
	opts.format = MKG_INPUT_JSONL;
	opts.aggregate = data[0] & 1;
	rc = mkg_model_read_buffer(&m, size > 1 ? (const void *)(data + 1) : "", size - 1, &opts);
	if (rc != MKG_OK) {
		if (m != NULL)
			die("failed import wrote *out");
		if (rc == MKG_ENOMEM)
			die("out of memory reported without a shortage");
		if (mkg_error_code() != rc || mkg_error_message()[0] == '\0')
			die("no message");
		if (rc == MKG_EIO) /* broken gzip data */
			return 0;
		if (rc != MKG_EPARSE && rc != MKG_EDATA && rc != MKG_EUNSUPPORTED)
			die("unexpected status");
		if (strncmp(mkg_error_message(), "line ", 5) != 0)
			die("the message does not name the line");
		return 0;
	}
	if (mkg_json_write_string(m, &text, &len) != MKG_OK)
		die("export failed");
	if (mkg_json_read_buffer(&m2, text, len) != MKG_OK)
		die("the export does not import");
	if (!mkg_model_equal(m, m2))
		die("import(export(m)) differs from m");
	mkg_free(text);
	mkg_model_free(m);
	mkg_model_free(m2);
	return 0;
}
