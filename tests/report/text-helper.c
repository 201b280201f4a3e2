/* text-helper FILE [OPTION...]: print the text report of the model in FILE
 * as mkg_report_new() then mkg_report_write_text() make it, holding every
 * section's results, so that tests can compare it with `marketgraph
 * analyze`, which takes each section's text as it is computed
 * (mkg_report_text_new()).  OPTIONs, one per argument: detail, channels,
 * value, pooled, seller, exit=DATE, sections=LIST, coalition=ID,
 * tag=TAG, thresholds=NAME.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	const char *coalition[1], *tag[1];
	mkg_model *model = NULL;
	mkg_report *report = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (argc < 2) {
		fputs("usage: text-helper FILE [OPTION...]\n", stderr);
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "detail") == 0) {
			o.detail = 1;
		} else if (strcmp(a, "channels") == 0) {
			o.channels = 1;
		} else if (strcmp(a, "value") == 0) {
			o.measure = MKG_MEASURE_VALUE;
		} else if (strcmp(a, "pooled") == 0) {
			o.levels = MKG_LEVELS_POOLED;
		} else if (strcmp(a, "seller") == 0) {
			o.split_by_region = MKG_REGION_SELLER;
		} else if (strncmp(a, "exit=", 5) == 0) {
			o.exit_date = a + 5;
		} else if (strncmp(a, "sections=", 9) == 0) {
			o.sections = a + 9;
		} else if (strncmp(a, "thresholds=", 11) == 0) {
			o.thresholds = a + 11;
		} else if (strncmp(a, "coalition=", 10) == 0) {
			coalition[0] = a + 10;
			o.coalition = coalition;
			o.coalition_count = 1;
		} else if (strncmp(a, "tag=", 4) == 0) {
			tag[0] = a + 4;
			o.by_tag = tag;
			o.by_tag_count = 1;
		} else {
			fprintf(stderr, "text-helper: unknown option %s\n", a);
			return 2;
		}
	}
	if (mkg_json_read_file(&model, argv[1]) != MKG_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mkg_error_message());
		return 1;
	}
	rc = mkg_report_new(&report, model, &o);
	if (rc == MKG_OK)
		rc = mkg_report_write_text(report, &text, &len);
	mkg_report_free(report);
	mkg_model_free(model);
	if (rc != MKG_OK) {
		fprintf(stderr, "report: %s\n", mkg_error_message());
		return 1;
	}
	rc = fwrite(text, 1, len, stdout) == len ? 0 : 1;
	mkg_free(text);
	return rc;
}
