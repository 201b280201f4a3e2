/* marketgraph: the report's tables as CSV files (docs/report.md, "Tables"):
 * `analyze --format csv --dir DIR`, mkg_report_write_csv_files().
 *
 * One file per table, named after it; RFC 4180 (a comma, CRLF, quotes
 * where needed), UTF-8 with an optional byte-order mark for spreadsheets;
 * numbers in the shortest form that reads back exactly, an absent one
 * empty.  The set is written as the model's CSV export writes its tables
 * (lib/text/output-private.h): into a new directory that then takes the
 * target's place, so a reader never sees old and new tables mixed.
 *
 * SPDX-License-Identifier: MIT */
#include "html-private.h"
#include "output-private.h"

#include <errno.h>
#include <math.h>
#include <string.h>

MKG_DEFINE_INIT(mkg_report_csv_options_init, mkg_report_csv_options, opts,
                MKG_REPORT_CSV_OPTIONS)

static void
cell(GString *out, const char *s, bool safe)
{
	bool formula = safe && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
		g_string_append(out, s);
		return;
	}
	g_string_append_c(out, '"');
	if (formula)
		g_string_append_c(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			g_string_append_c(out, '"');
		g_string_append_c(out, *s);
	}
	g_string_append_c(out, '"');
}

static GString *
table_csv(const mkg__table *t, const mkg_report_csv_options *o)
{
	GString *out = g_string_sized_new(1024);
	char buf[MKG_DOUBLE_BUFSIZE];

	if (o->bom)
		g_string_append(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->column_count; c++) {
		if (c > 0)
			g_string_append_c(out, ',');
		cell(out, t->columns[c].header, false);
	}
	g_string_append(out, "\r\n");
	for (size_t r = 0; r < mkg__table_rows(t); r++) {
		for (size_t c = 0; c < t->column_count; c++) {
			const mkg__cell *x = mkg__table_cell(t, r, c);

			if (c > 0)
				g_string_append_c(out, ',');
			if (x->text != NULL)
				cell(out, x->text, o->safe_cells != 0);
			else if (!isnan(x->number))
				g_string_append(out, mkg__format_double(buf, x->number));
		}
		g_string_append(out, "\r\n");
	}
	return out;
}

int
mkg_report_write_csv_files(const mkg_report *report, const char *dir,
                           const mkg_report_csv_options *opts)
{
	mkg_report_csv_options o;
	mkg__report_view v;
	mkg__tables *ts;
	mkg_output_dir out;
	char **names, *target, *stray = NULL;
	size_t n;
	int err, rc = MKG_OK;

	MKG_CHECK_ARG(report);
	MKG_CHECK_ARG(dir);
	MKG_RESOLVE_OPTIONS("mkg_report_write_csv_files", mkg_report_csv_options,
	                    MKG_REPORT_CSV_OPTIONS, opts, &o);
	if (dir[0] == '\0')
		return mkg__error(MKG_EINVAL, "mkg_report_write_csv_files: empty directory name");
	target = g_strdup(dir);
	n = strlen(target);
	while (n > 1 && target[n - 1] == '/')
		target[--n] = '\0';
	n = g_strv_length((char **)mkg__table_names);
	names = g_new0(char *, n + 1);
	for (size_t k = 0; k < n; k++)
		names[k] = g_strconcat(mkg__table_names[k], ".csv", NULL);
	err = mkg__output_dir_open(&out, target, (const char *const *)names, &stray);
	if (err == ENOTEMPTY && stray != NULL)
		rc = mkg__error(MKG_EIO, "%s: cannot write: the directory holds '%s', which is not "
		                "one of the tables; give a new or empty directory", target, stray);
	else if (err != 0)
		rc = mkg__error(MKG_EIO, "%s: cannot write: %s", target, g_strerror(err));
	if (rc != MKG_OK) {
		g_strfreev(names);
		g_free(stray);
		g_free(target);
		return rc;
	}
	mkg__report_view_get(report, &v);
	ts = mkg__tables_build(&v);
	for (guint k = 0; k < ts->tables->len && rc == MKG_OK; k++) {
		const mkg__table *t = g_ptr_array_index(ts->tables, k);
		char *file = g_strconcat(t->name, ".csv", NULL);
		char *path = g_build_filename(out.tmp, file, NULL);
		GString *text = table_csv(t, &o);

		if ((err = mkg__output_write_file(path, text->str, text->len)) != 0)
			rc = mkg__error(MKG_EIO, "%s/%s: cannot write: %s", target, file, g_strerror(err));
		g_string_free(text, TRUE);
		g_free(path);
		g_free(file);
	}
	mkg__tables_free(ts);
	if (rc != MKG_OK)
		mkg__output_dir_abort(&out);
	else if ((err = mkg__output_dir_commit(&out)) != 0)
		rc = mkg__error(MKG_EIO, "%s: cannot write: %s", target, g_strerror(err));
	g_strfreev(names);
	g_free(stray);
	g_free(target);
	return rc;
}
