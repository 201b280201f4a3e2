/* marketgraph: the one way every writer puts a file on disk, shared by the
 * library's writers (JSON, CSV) and the command-line tool (every -o).
 *
 * A regular file (or a new one) is never written where it is: the bytes go
 * to a fresh temporary file beside it (".mkg-XXXXXX" in the same directory,
 * created with O_EXCL, so no file or symbolic link already there is ever
 * opened), which is synced and renamed over the target.  A reader sees the
 * old file or the new one; a failure leaves the old one untouched and no
 * temporary file behind.  The replaced file's permission bits are kept; a
 * new file gets 0666 less the umask.  A target that is a symbolic link is
 * followed: the file it names is replaced and the link stays.  A target
 * that exists and is not a regular file or a directory (a device, a FIFO,
 * /dev/stdout), or any existing path under /dev/ or /proc/, is written in
 * place, as a shell redirection would.
 *
 * Functions return 0 or an errno value and set no message: the library
 * and the tool word it ("PATH: cannot write: REASON").  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_OUTPUT_PRIVATE_H
#define MKG_OUTPUT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

/* The prefix of every temporary file and directory (short, so that a
 * target name of NAME_MAX bytes still works). */
#define MKG_OUTPUT_TMP_PREFIX ".mkg-"

/* A file being written. */
typedef struct mkg_output {
	char *target; /* the file replaced (a symbolic link resolved) */
	char *tmp;    /* the temporary file beside it; NULL when written in place */
	int fd;       /* open for writing; -1 once committed or aborted */
} mkg_output;

/* Open path for writing into *out.  0, or an errno value (EISDIR for a
 * directory) with nothing created and *out cleared. */
int mkg__output_open(mkg_output *out, const char *path);
/* Write len bytes to out->fd.  0 or an errno value. */
int mkg__output_write_all(int fd, const void *data, size_t len);
/* Sync and close the file and rename it over the target.  0, or an errno
 * value with the temporary file removed.  Either way *out is released. */
int mkg__output_commit(mkg_output *out);
/* Close and remove the temporary file; the target is untouched.  Releases
 * *out; does nothing on a cleared or released one. */
void mkg__output_abort(mkg_output *out);
/* Open, write len bytes and commit: the whole file in one call. */
int mkg__output_write_file(const char *path, const void *data, size_t len);

/* A directory of files being written as one set.  The files go into a
 * fresh temporary directory beside the target, which replaces the target
 * on commit: renamed when the target does not exist, else swapped with it
 * (renameat2(RENAME_EXCHANGE) where the system has it, else two renames)
 * and the old files removed.  A reader sees the old set or the new one. */
typedef struct mkg_output_dir {
	char *target; /* the directory replaced */
	char *tmp;    /* the new directory, where the caller writes the files */
	bool exists;  /* whether target exists (swapped, not renamed) */
} mkg_output_dir;

/* Prepare dir.  names lists (NULL-terminated) the only file names dir may
 * already hold: a directory holding anything else is refused with
 * ENOTEMPTY and the first other name in *stray (g_free), so that the
 * writer never mixes its files with others nor deletes a user's file.
 * ENOTDIR when dir is not a directory.  0 or an errno value. */
int mkg__output_dir_open(mkg_output_dir *out, const char *dir, const char *const *names,
                         char **stray);
/* Sync the new directory and put it in place of the target (which keeps
 * its permission bits).  0, or an errno value with the new directory
 * removed and the target as it was.  Either way *out is released. */
int mkg__output_dir_commit(mkg_output_dir *out);
/* Remove the new directory and what it holds; the target is untouched. */
void mkg__output_dir_abort(mkg_output_dir *out);

#endif /* MKG_OUTPUT_PRIVATE_H */
