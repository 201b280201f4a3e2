/* marketgraph: reading whole files and streams, and replacing files (through
 * lib/text/output.c), for the importers and exporters.
 * SPDX-License-Identifier: MIT */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#endif
#include "interop-private.h"
#include "core-private.h"
#include "output-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* First buffer size for a file of unknown size; doubled as needed. */
#define READ_CHUNK (64 * 1024)

static int
grow(char **buf, size_t *cap, size_t need, const char *path)
{
	size_t cap2 = *cap ? *cap : READ_CHUNK;
	char *buf2;

	while (cap2 < need) {
		if (cap2 > SIZE_MAX / 2)
			return mkg__error(MKG_ENOMEM, "%s: input too large", path);
		cap2 *= 2;
	}
	buf2 = g_try_realloc(*buf, cap2);
	if (buf2 == NULL)
		return mkg__error(MKG_ENOMEM, "%s: out of memory reading %zu bytes", path, need);
	*buf = buf2;
	*cap = cap2;
	return MKG_OK;
}

int
mkg__io_read_file(const char *path, char **out, size_t *len)
{
	struct stat st;
	char *buf = NULL;
	size_t cap = 0, n = 0;
	int fd, rc = MKG_OK;

	do
		fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return mkg__error(MKG_EIO, "%s: cannot open: %s", path, g_strerror(errno));
	/* A regular file's size is known: one allocation (+1 for the NUL, +1
	 * to see its end). */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size < SIZE_MAX - 2)
		rc = grow(&buf, &cap, (size_t)st.st_size + 2, path);
	while (rc == MKG_OK) {
		ssize_t got;

		if (n + 1 >= cap && (rc = grow(&buf, &cap, n + 2, path)) != MKG_OK)
			break;
		got = read(fd, buf + n, cap - n - 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			rc = mkg__error(MKG_EIO, "%s: cannot read: %s", path, g_strerror(errno));
		else if (got == 0)
			break;
		else
			n += (size_t)got;
	}
	close(fd);
	if (rc != MKG_OK) {
		g_free(buf);
		return rc;
	}
	if (buf == NULL)
		buf = g_malloc(1);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return MKG_OK;
}

/* Below this a file is read into the heap. */
#define MAP_MIN_SIZE (1024 * 1024)

int
mkg__io_read_file_mapped(const char *path, char **out, size_t *len, size_t *mapped)
{
	struct stat st;
	size_t size, n = 0, cap;
	char *buf;
	int fd;

	*mapped = 0;
	do
		fd = open(path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0)
		return mkg__error(MKG_EIO, "%s: cannot open: %s", path, g_strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < MAP_MIN_SIZE ||
	    (uintmax_t)st.st_size >= SIZE_MAX / 2) {
		close(fd);
		return mkg__io_read_file(path, out, len);
	}
	size = (size_t)st.st_size;
	cap = size + 2; /* +1 for the NUL, +1 to see the end */
	/* anonymous memory: the fd argument must be -1 */
	/* cppcheck-suppress invalidFunctionArg */
	buf = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		close(fd);
		return mkg__io_read_file(path, out, len);
	}
	/* Huge pages, all faulted in at once: a large input is read about ten
	 * times faster than into 4 KiB pages faulted one by one. */
	mkg__memory_huge(buf, cap, true);
	for (;;) {
		ssize_t got = read(fd, buf + n, cap - 1 - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int err = errno;

			close(fd);
			munmap(buf, cap);
			return mkg__error(MKG_EIO, "%s: cannot read: %s", path, g_strerror(err));
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n == cap - 1) {
			/* The file grew while being read: read it the ordinary way. */
			close(fd);
			munmap(buf, cap);
			return mkg__io_read_file(path, out, len);
		}
	}
	close(fd);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	*mapped = cap;
	return MKG_OK;
}

void
mkg__io_free_read(char *data, size_t mapped)
{
	if (mapped > 0)
		munmap(data, mapped);
	else
		g_free(data);
}

int
mkg__io_read_stream(FILE *stream, char **out, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;
	int rc = MKG_OK;

	while (rc == MKG_OK) {
		size_t got;

		if (n == cap && (rc = grow(&buf, &cap, n + 1, "stream")) != MKG_OK)
			break;
		got = fread(buf + n, 1, cap - n, stream);
		n += got;
		if (got == 0 || feof(stream) || ferror(stream)) {
			if (ferror(stream))
				rc = mkg__error(MKG_EIO, "stream: cannot read: %s", g_strerror(errno));
			break;
		}
	}
	if (rc != MKG_OK) {
		g_free(buf);
		return rc;
	}
	*out = buf;
	*len = n;
	return MKG_OK;
}

int
mkg__io_write_file(const char *path, const char *data, size_t len)
{
	int err = mkg__output_write_file(path, data, len);

	if (err != 0)
		return mkg__error(MKG_EIO, "%s: cannot write: %s", path, g_strerror(err));
	return MKG_OK;
}
