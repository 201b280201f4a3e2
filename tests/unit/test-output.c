/* Tests of the one output primitive (lib/text/output-private.h) that every
 * writer of the library and the tool goes through: the user's files are
 * never lost, whatever is already at the target or beside it.
 *
 * SPDX-License-Identifier: MIT */
#include "output-private.h"

#include <dirent.h>
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

/* A fresh directory for one test. */
static char *
make_dir(void)
{
	char *dir = g_dir_make_tmp("mkg-test-output-XXXXXX", NULL);

	assert_non_null(dir);
	return dir;
}

static void
put(const char *path, const char *text)
{
	assert_true(g_file_set_contents(path, text, -1, NULL));
}

/* The whole content of a file, for comparing. */
static char *
content(const char *path)
{
	char *text = NULL;

	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

static void
assert_content(const char *path, const char *expected)
{
	char *text = content(path);

	assert_string_equal(text, expected);
	g_free(text);
}

/* The names in dir, sorted and joined with spaces ("a b c"). */
static char *
listing(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new();
	const char *name;
	char *joined;

	assert_non_null(d);
	while ((name = g_dir_read_name(d)) != NULL)
		g_ptr_array_add(names, (gpointer)name);
	for (guint i = 0; i + 1 < names->len; i++)
		for (guint j = i + 1; j < names->len; j++)
			if (strcmp(names->pdata[i], names->pdata[j]) > 0) {
				gpointer t = names->pdata[i];
				names->pdata[i] = names->pdata[j];
				names->pdata[j] = t;
			}
	g_ptr_array_add(names, NULL);
	joined = g_strjoinv(" ", (char **)names->pdata);
	g_ptr_array_free(names, TRUE);
	g_dir_close(d);
	return joined;
}

static void
assert_listing(const char *dir, const char *expected)
{
	char *names = listing(dir);

	assert_string_equal(names, expected);
	g_free(names);
}

/* Remove dir and the files (or links) in it. */
static void
remove_all(char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		char *path = g_build_filename(dir, name, NULL);
		struct stat st;

		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_all(g_strdup(path));
		else
			g_unlink(path);
		g_free(path);
	}
	if (d != NULL)
		g_dir_close(d);
	g_rmdir(dir);
	g_free(dir);
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

/* The writer of old wrote OUT.tmp: a user's file of that name survives, and
 * a symbolic link of that name is left alone, its target never written. */
static void
test_tmp_names_untouched(void **state)
{
	char *dir = make_dir();
	char *out = g_build_filename(dir, "out.json", NULL);
	char *users = g_build_filename(dir, "out.json.tmp", NULL);
	char *out2 = g_build_filename(dir, "other.json", NULL);
	char *link = g_build_filename(dir, "other.json.tmp", NULL);
	char *victim = g_build_filename(dir, "victim.txt", NULL);

	(void)state;
	put(users, "the user's own notes");
	assert_int_equal(mkg__output_write_file(out, "new\n", 4), 0);
	assert_content(out, "new\n");
	assert_content(users, "the user's own notes");

	put(victim, "precious");
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(mkg__output_write_file(out2, "{}\n", 3), 0);
	assert_content(victim, "precious");
	assert_content(out2, "{}\n");
	assert_false(g_file_test(out2, G_FILE_TEST_IS_SYMLINK));
	assert_true(g_file_test(link, G_FILE_TEST_IS_SYMLINK));
	assert_listing(dir, "other.json other.json.tmp out.json out.json.tmp victim.txt");
	remove_all(dir);
	g_free(out);
	g_free(users);
	g_free(out2);
	g_free(link);
	g_free(victim);
}

/* A replaced file keeps its mode; a new one gets 0666 less the umask. */
static void
test_modes(void **state)
{
	char *dir = make_dir();
	char *secret = g_build_filename(dir, "secret.json", NULL);
	char *fresh = g_build_filename(dir, "fresh.json", NULL);
	char *fresh2 = g_build_filename(dir, "fresh2.json", NULL);
	mode_t old = umask(022);

	(void)state;
	put(secret, "old");
	assert_int_equal(chmod(secret, 0600), 0);
	assert_int_equal(mkg__output_write_file(secret, "new", 3), 0);
	assert_content(secret, "new");
	assert_int_equal(mode_of(secret), 0600);

	assert_int_equal(mkg__output_write_file(fresh, "x", 1), 0);
	assert_int_equal(mode_of(fresh), 0644);
	umask(077);
	assert_int_equal(mkg__output_write_file(fresh2, "x", 1), 0);
	assert_int_equal(mode_of(fresh2), 0600);
	umask(old);
	remove_all(dir);
	g_free(secret);
	g_free(fresh);
	g_free(fresh2);
}

/* A target that is a symbolic link: the file it names is replaced, the
 * link stays a link. */
static void
test_target_link_followed(void **state)
{
	char *dir = make_dir();
	char *real = g_build_filename(dir, "real.json", NULL);
	char *link = g_build_filename(dir, "link.json", NULL);

	(void)state;
	put(real, "old");
	assert_int_equal(symlink("real.json", link), 0);
	assert_int_equal(mkg__output_write_file(link, "new", 3), 0);
	assert_true(g_file_test(link, G_FILE_TEST_IS_SYMLINK));
	assert_content(real, "new");
	assert_listing(dir, "link.json real.json");
	remove_all(dir);
	g_free(real);
	g_free(link);
}

/* A name of NAME_MAX bytes works: the temporary name is short. */
static void
test_name_max(void **state)
{
	char *dir = make_dir();
	char *name = g_strnfill(NAME_MAX - 5, 'n');
	char *file = g_strconcat(name, ".json", NULL);
	char *path = g_build_filename(dir, file, NULL);

	(void)state;
	assert_int_equal(strlen(file), NAME_MAX);
	assert_int_equal(mkg__output_write_file(path, "ok", 2), 0);
	assert_content(path, "ok");
	assert_listing(dir, file);
	remove_all(dir);
	g_free(name);
	g_free(file);
	g_free(path);
}

/* Failures: the reason returned, the old file as it was, nothing left. */
static void
test_failures_leave_nothing(void **state)
{
	char *dir = make_dir();
	char *out = g_build_filename(dir, "out.json", NULL);
	char *missing = g_build_filename(dir, "no-such-dir", "out.json", NULL);
	char *big = g_strnfill(4096, 'x');
	struct rlimit saved, small;
	void (*old_handler)(int);

	(void)state;
	put(out, "old");
	/* a directory that does not exist, a directory in the way */
	assert_int_equal(mkg__output_write_file(missing, "x", 1), ENOENT);
	assert_int_equal(mkg__output_write_file(dir, "x", 1), EISDIR);
	assert_listing(dir, "out.json");

	/* A write that fails half-way (the file size limit: EFBIG): the old
	 * file stays, the temporary file goes. */
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 1024;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(mkg__output_write_file(out, big, 4096), EFBIG);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, old_handler);
	assert_content(out, "old");
	assert_listing(dir, "out.json");

	/* A full device is written in place, and says so. */
	if (g_file_test("/dev/full", G_FILE_TEST_EXISTS)) {
		assert_int_equal(mkg__output_write_file("/dev/full", "x", 1), ENOSPC);
		assert_false(g_file_test("/dev/full", G_FILE_TEST_IS_REGULAR));
	}
	/* /dev/null stays the device (no rename over it). */
	assert_int_equal(mkg__output_write_file("/dev/null", "x", 1), 0);
	assert_false(g_file_test("/dev/null", G_FILE_TEST_IS_REGULAR));

	/* A read-only directory (root may write anyway: not checked then). */
	if (geteuid() != 0) {
		assert_int_equal(chmod(dir, 0555), 0);
		assert_int_equal(mkg__output_write_file(out, "new", 3), EACCES);
		assert_int_equal(chmod(dir, 0755), 0);
		assert_content(out, "old");
		assert_listing(dir, "out.json");
	}
	remove_all(dir);
	g_free(out);
	g_free(missing);
	g_free(big);
}

/* Aborting leaves the target as it was and no temporary file. */
static void
test_abort(void **state)
{
	char *dir = make_dir();
	char *out = g_build_filename(dir, "out.json", NULL);
	mkg_output o;

	(void)state;
	put(out, "old");
	assert_int_equal(mkg__output_open(&o, out), 0);
	assert_non_null(o.tmp);
	assert_true(g_str_has_prefix(strrchr(o.tmp, '/') + 1, MKG_OUTPUT_TMP_PREFIX));
	assert_int_equal(mkg__output_write_all(o.fd, "new", 3), 0);
	mkg__output_abort(&o);
	assert_int_equal(o.fd, -1);
	assert_null(o.tmp);
	mkg__output_abort(&o); /* twice: nothing */
	assert_content(out, "old");
	assert_listing(dir, "out.json");
	remove_all(dir);
	g_free(out);
}

static const char *const tables[] = { "a.csv", "b.csv", NULL };

/* Fill a prepared directory output with a.csv and b.csv holding text. */
static void
fill(const mkg_output_dir *o, const char *text)
{
	for (size_t i = 0; tables[i] != NULL; i++) {
		char *path = g_build_filename(o->tmp, tables[i], NULL);
		assert_int_equal(mkg__output_write_file(path, text, strlen(text)), 0);
		g_free(path);
	}
}

/* A directory output: made whole when missing, swapped whole when it holds
 * only the tables (its mode kept), refused when it holds anything else. */
static void
test_directory(void **state)
{
	char *top = make_dir();
	char *dir = g_build_filename(top, "tables", NULL);
	char *a = g_build_filename(dir, "a.csv", NULL);
	char *b = g_build_filename(dir, "b.csv", NULL);
	char *notes = g_build_filename(dir, "notes.txt", NULL);
	char *stray = NULL;
	mkg_output_dir o;

	(void)state;
	/* missing: created, with 0777 less the umask */
	assert_int_equal(mkg__output_dir_open(&o, dir, tables, &stray), 0);
	assert_false(o.exists);
	fill(&o, "one");
	assert_int_equal(mkg__output_dir_commit(&o), 0);
	assert_content(a, "one");
	assert_content(b, "one");
	assert_int_equal(mode_of(dir), 0777 & ~022);
	assert_listing(top, "tables");

	/* holding only the tables (one of them missing): swapped whole */
	assert_int_equal(chmod(dir, 0700), 0);
	g_unlink(b);
	assert_int_equal(mkg__output_dir_open(&o, dir, tables, &stray), 0);
	assert_true(o.exists);
	fill(&o, "two");
	assert_content(a, "one"); /* nothing changes before the commit */
	assert_int_equal(mkg__output_dir_commit(&o), 0);
	assert_content(a, "two");
	assert_content(b, "two");
	assert_int_equal(mode_of(dir), 0700);
	assert_listing(top, "tables");

	/* aborted: as it was, nothing beside it */
	assert_int_equal(mkg__output_dir_open(&o, dir, tables, &stray), 0);
	fill(&o, "three");
	mkg__output_dir_abort(&o);
	assert_content(a, "two");
	assert_listing(top, "tables");

	/* a user's file among the tables: refused, nothing touched */
	put(notes, "mine");
	assert_int_equal(mkg__output_dir_open(&o, dir, tables, &stray), ENOTEMPTY);
	assert_string_equal(stray, "notes.txt");
	g_free(stray);
	assert_content(notes, "mine");
	assert_content(a, "two");
	assert_listing(top, "tables");
	assert_listing(dir, "a.csv b.csv notes.txt");

	/* a file where the directory should be */
	assert_int_equal(mkg__output_dir_open(&o, a, tables, &stray), ENOTDIR);
	assert_null(stray);
	remove_all(top);
	g_free(dir);
	g_free(a);
	g_free(b);
	g_free(notes);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tmp_names_untouched),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_target_link_followed),
		cmocka_unit_test(test_name_max),
		cmocka_unit_test(test_failures_leave_nothing),
		cmocka_unit_test(test_abort),
		cmocka_unit_test(test_directory),
	};

	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
