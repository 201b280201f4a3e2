/* export-helper FILE: print mkg_json_write_string() of the model in FILE,
 * so that tests can compare the library's own export with the tool's.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdio.h>

int
main(int argc, char **argv)
{
	mkg_model *model = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (argc != 2) {
		fputs("usage: export-helper FILE\n", stderr);
		return 2;
	}
	if (mkg_json_read_file(&model, argv[1]) != MKG_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mkg_error_message());
		return 1;
	}
	rc = mkg_json_write_string(model, &text, &len);
	mkg_model_free(model);
	if (rc != MKG_OK) {
		fprintf(stderr, "export: %s\n", mkg_error_message());
		return 1;
	}
	rc = fwrite(text, 1, len, stdout) == len ? 0 : 1;
	mkg_free(text);
	return rc;
}
