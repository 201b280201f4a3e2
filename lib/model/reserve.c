/* marketgraph: room for the records an importer is about to add.
 *
 * An import of a large document appends hundreds of thousands of records
 * to the model's arrays.  Grown by doubling, the arrays' fresh memory is
 * faulted in one 4 KiB page at a time as the records are written, which
 * cost about a fifth of the import (perf, 900,000 transactions).  Given
 * the counts the syntax pass saw, the arrays are sized once and their
 * memory is faulted in at once, in huge pages where the kernel has them.
 *
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "core-private.h"

#include <stdint.h>

/* Below this, the pages are few and the system calls not worth it. */
#define POPULATE_MIN_BYTES ((size_t)4 << 20)

/* Room for count more elements in a, its memory faulted in. */
static void
reserve(GArray *a, size_t count)
{
	guint elt = g_array_get_element_size(a);
	size_t len = a->len, bytes;
	void *probe;

	if (count == 0 || len > G_MAXUINT / 4 || count > G_MAXUINT / 4 - len ||
	    len + count > SIZE_MAX / 2 / elt)
		return;
	bytes = count * elt;
	if (bytes >= POPULATE_MIN_BYTES) {
		/* GArray aborts when it cannot allocate: ask first, for the power
		 * of two it rounds to at most, and leave the array as it is if
		 * refused */
		probe = g_try_malloc((len + count) * 2 * elt);
		if (probe == NULL)
			return;
		g_free(probe);
	}
	/* set_size allocates without clearing; back to len keeps the room */
	g_array_set_size(a, (guint)(len + count));
	g_array_set_size(a, (guint)len);
	if (bytes < POPULATE_MIN_BYTES)
		return;
	mkg__memory_huge(a->data + len * elt, bytes, true);
}

void
mkg__model_reserve(mkg_model *m, size_t actors, size_t transactions)
{
	reserve(m->actors, actors);
	reserve(m->transactions, transactions);
}
