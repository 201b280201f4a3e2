/* marketgraph: hints to the kernel for large, freshly written arrays
 * (core-private.h, mkg__memory_huge).
 *
 * This machine takes a page fault per 4 KiB page at about 3 ms per MB
 * written; in 2 MiB transparent huge pages, faulted in at once, an import
 * or a graph view of a million actors loses a fifth to a half less time.
 * The calls are hints: a kernel without them leaves the pages to be
 * faulted one by one, and nothing else changes.
 *
 * SPDX-License-Identifier: MIT */
#if !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* madvise() */
#endif
#include "core-private.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14; older kernels refuse it, harmlessly */
#endif

void
mkg__memory_huge(void *p, size_t bytes, bool populate)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), start, end;

	if (p == NULL || bytes == 0 || page == 0 || page == (uintptr_t)-1)
		return;
	/* whole pages inside [p, p + bytes): a neighbour's memory is not ours */
	start = ((uintptr_t)p + page - 1) & ~(page - 1);
	end = ((uintptr_t)p + bytes) & ~(page - 1);
	if (end <= start)
		return;
#ifdef MADV_HUGEPAGE
	(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#endif
	if (populate)
		(void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}
