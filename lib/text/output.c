/* marketgraph: writing output files and directories without losing the
 * user's data (output-private.h says how).
 * SPDX-License-Identifier: MIT */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* renameat2(RENAME_EXCHANGE) */
#endif
#include "output-private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The path a symbolic link names, for replacing that file rather than the
 * link; the path itself when it is no link or a dangling one. */
static char *
resolve(const char *path)
{
	struct stat st;
	char *real, *copy;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode) || (real = realpath(path, NULL)) == NULL)
		return g_strdup(path);
	copy = g_strdup(real);
	free(real);
	return copy;
}

/* Whether an existing path is written in place: a device, a FIFO or a
 * socket, or anything under /dev/ or /proc/ (/dev/stdout, /proc/self/fd/1,
 * which a rename would detach from the open file behind them). */
static bool
in_place(const char *path, const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return false;
	return !S_ISREG(st->st_mode) || g_str_has_prefix(path, "/dev/") ||
	       g_str_has_prefix(path, "/proc/");
}

/* Make the directory entries of dir durable (a rename in it); a file
 * system that cannot says EINVAL, which is no failure. */
static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

static char *
tmp_template(const char *target)
{
	char *dir = g_path_get_dirname(target);
	char *tmpl = g_build_filename(dir, MKG_OUTPUT_TMP_PREFIX "XXXXXX", NULL);

	g_free(dir);
	return tmpl;
}

int
mkg__output_open(mkg_output *out, const char *path)
{
	struct stat st;
	bool exists;
	int err = 0;

	memset(out, 0, sizeof *out);
	out->fd = -1;
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return EISDIR;
	if (exists && in_place(path, &st)) {
		do
			out->fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
		while (out->fd < 0 && errno == EINTR);
		if (out->fd < 0)
			return errno;
		out->target = g_strdup(path);
		return 0;
	}
	out->target = resolve(path);
	out->tmp = tmp_template(out->target);
	/* O_EXCL: a name already taken, even by a symbolic link, is never
	 * opened; another name is tried.  0666 less the umask for a new file. */
	out->fd = g_mkstemp_full(out->tmp, O_WRONLY | O_CLOEXEC, 0666);
	if (out->fd < 0)
		err = errno;
	else if (exists && fchmod(out->fd, st.st_mode & 07777) != 0)
		err = errno;
	if (err != 0) {
		if (out->fd >= 0) {
			close(out->fd);
			unlink(out->tmp);
		}
		g_free(out->target);
		g_free(out->tmp);
		memset(out, 0, sizeof *out);
		out->fd = -1;
	}
	return err;
}

int
mkg__output_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t put = write(fd, p, len);

		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0)
			return errno;
		if (put == 0)
			return EIO;
		p += put;
		len -= (size_t)put;
	}
	return 0;
}

static void
release(mkg_output *out)
{
	g_free(out->target);
	g_free(out->tmp);
	memset(out, 0, sizeof *out);
	out->fd = -1;
}

int
mkg__output_commit(mkg_output *out)
{
	int err = 0;

	if (out->fd < 0) {
		release(out);
		return EBADF;
	}
	/* EINVAL: the file system cannot sync (nothing to wait for). */
	if (out->tmp != NULL && fsync(out->fd) != 0 && errno != EINVAL)
		err = errno;
	if (close(out->fd) != 0 && err == 0)
		err = errno;
	out->fd = -1;
	if (out->tmp != NULL) {
		if (err == 0 && rename(out->tmp, out->target) != 0)
			err = errno;
		if (err != 0) {
			unlink(out->tmp);
		} else {
			char *dir = g_path_get_dirname(out->target);
			sync_dir(dir);
			g_free(dir);
		}
	}
	release(out);
	return err;
}

void
mkg__output_abort(mkg_output *out)
{
	if (out->fd >= 0)
		close(out->fd);
	if (out->tmp != NULL)
		unlink(out->tmp);
	release(out);
}

int
mkg__output_write_file(const char *path, const void *data, size_t len)
{
	mkg_output out;
	int err = mkg__output_open(&out, path);

	if (err != 0)
		return err;
	if ((err = mkg__output_write_all(out.fd, data, len)) != 0) {
		mkg__output_abort(&out);
		return err;
	}
	return mkg__output_commit(&out);
}

/* ---- directories ---------------------------------------------------------- */

/* The first entry of dir whose name is not in names (or is no regular
 * file), g_strdup'ed; NULL when there is none.  *err: an errno value when
 * dir cannot be read. */
static char *
first_stray(const char *dir, const char *const *names, int *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *stray = NULL;

	*err = 0;
	if (d == NULL) {
		*err = errno;
		return NULL;
	}
	while (stray == NULL && (e = readdir(d)) != NULL) {
		bool known = false;
		struct stat st;
		char *path;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		for (size_t i = 0; names[i] != NULL && !known; i++)
			known = strcmp(e->d_name, names[i]) == 0;
		path = g_build_filename(dir, e->d_name, NULL);
		if (!known || lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			stray = g_strdup(e->d_name);
		g_free(path);
	}
	closedir(d);
	return stray;
}

/* Remove a directory this code made and filled (only files in it). */
static void
remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *path;

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			path = g_build_filename(dir, e->d_name, NULL);
			unlink(path);
			g_free(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

static void
release_dir(mkg_output_dir *out)
{
	g_free(out->target);
	g_free(out->tmp);
	memset(out, 0, sizeof *out);
}

int
mkg__output_dir_open(mkg_output_dir *out, const char *dir, const char *const *names,
                     char **stray)
{
	struct stat st;
	int err = 0;

	memset(out, 0, sizeof *out);
	*stray = NULL;
	out->target = resolve(dir);
	out->exists = stat(out->target, &st) == 0;
	if (out->exists && !S_ISDIR(st.st_mode))
		err = ENOTDIR;
	else if (out->exists && (*stray = first_stray(out->target, names, &err)) != NULL)
		err = ENOTEMPTY;
	if (err == 0) {
		out->tmp = tmp_template(out->target);
		/* 0777 less the umask, as mkdir; an existing target's bits kept. */
		if (g_mkdtemp_full(out->tmp, 0777) == NULL)
			err = errno;
		else if (out->exists && chmod(out->tmp, st.st_mode & 07777) != 0)
			err = errno, rmdir(out->tmp);
	}
	if (err != 0)
		release_dir(out);
	return err;
}

/* Put the new directory in place of an existing one: *aside names where the
 * old one went (to be removed). */
static int
swap_dirs(mkg_output_dir *out, char **aside)
{
	char *tmpl;

#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, out->tmp, AT_FDCWD, out->target, RENAME_EXCHANGE) == 0) {
		*aside = g_strdup(out->tmp);
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return errno;
#endif
	/* No atomic exchange here: the old directory goes aside first (over a
	 * fresh empty directory), and comes back if the new one cannot take
	 * its place. */
	tmpl = tmp_template(out->target);
	if (g_mkdtemp_full(tmpl, 0700) == NULL || rename(out->target, tmpl) != 0) {
		int err = errno;
		rmdir(tmpl);
		g_free(tmpl);
		return err;
	}
	if (rename(out->tmp, out->target) != 0) {
		int err = errno;
		(void)rename(tmpl, out->target);
		g_free(tmpl);
		return err;
	}
	*aside = tmpl;
	return 0;
}

int
mkg__output_dir_commit(mkg_output_dir *out)
{
	char *aside = NULL, *parent;
	int err = 0;

	if (out->tmp == NULL) {
		release_dir(out);
		return EBADF;
	}
	sync_dir(out->tmp);
	if (!out->exists)
		err = rename(out->tmp, out->target) != 0 ? errno : 0;
	else
		err = swap_dirs(out, &aside);
	if (err != 0) {
		remove_dir(out->tmp);
	} else {
		parent = g_path_get_dirname(out->target);
		sync_dir(parent);
		g_free(parent);
		if (aside != NULL)
			remove_dir(aside);
	}
	g_free(aside);
	release_dir(out);
	return err;
}

void
mkg__output_dir_abort(mkg_output_dir *out)
{
	if (out->tmp != NULL)
		remove_dir(out->tmp);
	release_dir(out);
}
