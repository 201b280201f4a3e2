/* marketgraph: a stable radix sort for results ordered by a number.
 * SPDX-License-Identifier: MIT */
#include "graph-private.h"

#include <string.h>

#define DIGIT_BITS 11
#define DIGITS 6 /* ceil(64 / 11) */
#define BUCKETS (1u << DIGIT_BITS)

uint64_t
mkg__key_desc(double d)
{
	uint64_t u;

	if (d != d)
		return UINT64_MAX;
	if (d == 0.0)
		d = 0.0; /* -0 and +0 sort together */
	memcpy(&u, &d, sizeof u);
	/* Map doubles to unsigned integers in ascending order, then flip. */
	u = (u >> 63) ? ~u : (u | (UINT64_C(1) << 63));
	return ~u; /* never UINT64_MAX: that is -NaN's place */
}

void
mkg__radix_sort(mkg__keyed *items, size_t n)
{
	size_t *count;
	mkg__keyed *tmp, *src = items, *dst;
	int d;

	if (n < 2)
		return;
	count = g_new0(size_t, (size_t)DIGITS * BUCKETS);
	for (size_t i = 0; i < n; i++)
		for (d = 0; d < DIGITS; d++)
			count[(size_t)d * BUCKETS + ((items[i].key >> (d * DIGIT_BITS)) & (BUCKETS - 1))]++;
	tmp = g_new(mkg__keyed, n);
	dst = tmp;
	for (d = 0; d < DIGITS; d++) {
		size_t *c = count + (size_t)d * BUCKETS, sum = 0;
		unsigned shift = (unsigned)d * DIGIT_BITS;

		if (c[(src[0].key >> shift) & (BUCKETS - 1)] == n)
			continue; /* the same digit everywhere */
		for (unsigned b = 0; b < BUCKETS; b++) {
			size_t k = c[b];

			c[b] = sum;
			sum += k;
		}
		for (size_t i = 0; i < n; i++)
			dst[c[(src[i].key >> shift) & (BUCKETS - 1)]++] = src[i];
		{
			mkg__keyed *t = src;

			src = dst;
			dst = t;
		}
	}
	if (src != items)
		memcpy(items, src, n * sizeof *items);
	g_free(tmp);
	g_free(count);
}
