/* One run of the scaling benchmark (bench/scaling.py): import a model,
 * compute its report and write it, timing every section.
 *
 *     scaling-driver FILE json|text|text-report OUT [THREADS]
 *
 * json: mkg_report_write_json_file() (what `analyze --format json` does:
 * each section written as soon as it is computed); text:
 * mkg_report_text_new() (what `analyze` does: each section's text taken
 * as soon as it is computed, then its results freed) written to OUT;
 * text-report: the same bytes through mkg_report_new() then
 * mkg_report_write_text(), which hold every section's results.
 * Prints one JSON object: the input size, the import's wall-clock and CPU
 * (user + system, all threads) seconds, each section's, the text write's,
 * the whole analysis's, and the process's peak resident set size
 * (bytes); each section also gives the peak so far when it ends (peak_mb,
 * MB of 2^20 bytes), to tell which section sets it.  Clocks: bench-clock.h.
 * Section times come from the report's progress callback, called before
 * each section.
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"

#include <marketgraph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct clock_state {
	const char *section; /* the section running, NULL before the first */
	double wall, cpu;    /* when it started */
	int printed;
} clock_state;

static void
close_section(clock_state *c, double wall, double cpu)
{
	if (c->section != NULL)
		printf("%s\"%s\": {\"wall\": %.3f, \"cpu\": %.3f, \"peak_mb\": %.1f}",
		       c->printed++ ? ", " : "", c->section, wall - c->wall, cpu - c->cpu, peak_rss_mb());
}

static int
tick(const char *section, double fraction, void *data)
{
	clock_state *c = data;
	double wall = wall_seconds(), cpu = cpu_seconds();

	(void)fraction;
	close_section(c, wall, cpu);
	c->section = strcmp(section, "done") == 0 ? NULL : section;
	c->wall = wall;
	c->cpu = cpu;
	return 0;
}

int
main(int argc, char **argv)
{
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	clock_state c = { NULL, 0, 0, 0 };
	mkg_model *model = NULL;
	mkg_report *r = NULL;
	struct stat st;
	double w0, c0, w1, c1, w2, c2, w3, c3;
	int rc;

	if (argc < 4 || (strcmp(argv[2], "json") != 0 && strcmp(argv[2], "text") != 0 &&
	                 strcmp(argv[2], "text-report") != 0)) {
		fprintf(stderr, "usage: scaling-driver FILE json|text|text-report OUT [THREADS]\n");
		return 2;
	}
	if (stat(argv[1], &st) != 0) {
		perror(argv[1]);
		return 1;
	}
	w0 = wall_seconds();
	c0 = cpu_seconds();
	if (mkg_json_read_file(&model, argv[1]) != MKG_OK) {
		fprintf(stderr, "%s: %s\n", argv[1], mkg_error_message());
		return 1;
	}
	w1 = wall_seconds();
	c1 = cpu_seconds();
	o.progress = tick;
	o.progress_data = &c;
	o.threads = argc > 4 ? (unsigned)atoi(argv[4]) : 0;
	printf("{\"input_bytes\": %lld, \"import\": {\"wall\": %.3f, \"cpu\": %.3f}, "
	       "\"sections\": {", (long long)st.st_size, w1 - w0, c1 - c0);
	if (strcmp(argv[2], "json") == 0) {
		rc = mkg_report_write_json_file(model, &o, argv[3]);
	} else {
		char *text = NULL;
		size_t len = 0;
		FILE *f;

		if (strcmp(argv[2], "text") == 0) {
			/* the text is put together after "done" */
			rc = mkg_report_text_new(model, &o, &text, &len);
			w2 = c.wall;
			c2 = c.cpu;
		} else {
			rc = mkg_report_new(&r, model, &o);
			w2 = wall_seconds();
			c2 = cpu_seconds();
			if (rc == MKG_OK)
				rc = mkg_report_write_text(r, &text, &len);
		}
		if (rc == MKG_OK) {
			if ((f = fopen(argv[3], "wb")) == NULL || fwrite(text, 1, len, f) != len)
				rc = MKG_EIO;
			if (f != NULL)
				fclose(f);
		}
		c.section = "write";
		c.wall = w2;
		c.cpu = c2;
		close_section(&c, wall_seconds(), cpu_seconds());
		mkg_free(text);
		mkg_report_free(r);
	}
	if (rc != MKG_OK) {
		fprintf(stderr, "report: %s\n", mkg_error_message());
		return 1;
	}
	w3 = wall_seconds();
	c3 = cpu_seconds();
	printf("}, \"analysis\": {\"wall\": %.3f, \"cpu\": %.3f}, \"peak_rss\": %lld}\n", w3 - w1,
	       c3 - c1, (long long)(peak_rss_mb() * 1048576.0));
	mkg_model_free(model);
	return 0;
}
