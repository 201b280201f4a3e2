/* marketgraph: a fixed set of independent tasks run on a few threads, with
 * an optional merge in task order (core-private.h, mkg__run_tasks).
 *
 * Threads are made per call (g_thread_try_new) and joined before it
 * returns: nothing outlives a call and nothing is shared between calls.
 * The cost of a thread (some tens of microseconds) is small beside the
 * sections that use them.
 *
 * SPDX-License-Identifier: MIT */
#include "core-private.h"

#include <string.h>

typedef struct run {
	size_t count;
	mkg__task_fn task, merge;
	void *data;
	GMutex lock;
	GCond merged;       /* next_merge moved on */
	size_t next_task;   /* the next task to hand out */
	size_t next_merge;  /* the task whose merge is due */
	size_t failed;      /* lowest failing task, count if none */
	int *status;        /* [count] */
	char **message;     /* [count] the failing tasks' messages */
} run;

typedef struct worker {
	run *r;
	unsigned int index;
} worker;

unsigned int
mkg__workers_for(unsigned int threads, size_t count)
{
	if (threads == 0)
		threads = g_get_num_processors();
	if (threads < 1)
		threads = 1;
	if (count < threads)
		threads = count ? (unsigned int)count : 1;
	return threads;
}

/* Record task i's status (under the lock). */
static void
record(run *r, size_t i, int rc)
{
	r->status[i] = rc;
	if (rc != MKG_OK) {
		r->message[i] = g_strdup(mkg_error_message());
		if (i < r->failed)
			r->failed = i;
	}
}

static gpointer
work(gpointer p)
{
	worker *wk = p;
	run *r = wk->r;

	g_mutex_lock(&r->lock);
	while (r->next_task < r->count && r->failed == r->count) {
		size_t i = r->next_task++;
		int rc;

		g_mutex_unlock(&r->lock);
		rc = r->task(i, wk->index, r->data);
		g_mutex_lock(&r->lock);
		if (rc != MKG_OK)
			record(r, i, rc);
		if (r->merge != NULL) {
			/* wait for the tasks before i; they were all handed out
			 * before it, so each is running or done */
			while (r->next_merge != i)
				g_cond_wait(&r->merged, &r->lock);
			if (rc == MKG_OK && r->failed > i && (rc = r->merge(i, wk->index, r->data)) != MKG_OK)
				record(r, i, rc);
			r->next_merge++;
			g_cond_broadcast(&r->merged);
		}
	}
	g_mutex_unlock(&r->lock);
	return NULL;
}

int
mkg__run_tasks(size_t count, unsigned int threads, mkg__task_fn task, mkg__task_fn merge,
               void *data)
{
	unsigned int n = mkg__workers_for(threads, count), started = 0;
	GThread **thread;
	worker *wk;
	run r;
	int rc = MKG_OK;

	if (n == 1) {
		/* on the calling thread: no lock, the message already here */
		for (size_t i = 0; i < count; i++)
			if ((rc = task(i, 0, data)) != MKG_OK ||
			    (merge != NULL && (rc = merge(i, 0, data)) != MKG_OK))
				return rc;
		return MKG_OK;
	}
	r.count = count;
	r.task = task;
	r.merge = merge;
	r.data = data;
	g_mutex_init(&r.lock);
	g_cond_init(&r.merged);
	r.next_task = r.next_merge = 0;
	r.failed = count;
	r.status = g_new0(int, count);
	r.message = g_new0(char *, count);
	thread = g_new0(GThread *, n);
	wk = g_new(worker, n);
	for (unsigned int t = 0; t < n; t++)
		wk[t] = (worker){ &r, t };
	/* workers 1 .. n-1 on new threads (fewer if the system refuses some:
	 * the result does not depend on how many), worker 0 here */
	for (unsigned int t = 1; t < n; t++) {
		thread[t] = g_thread_try_new("mkg-worker", work, &wk[t], NULL);
		if (thread[t] == NULL)
			break;
		started++;
	}
	work(&wk[0]);
	for (unsigned int t = 1; t <= started; t++)
		g_thread_join(thread[t]);
	if (r.failed < count) {
		rc = r.status[r.failed];
		mkg__error(rc, "%s", r.message[r.failed]);
	}
	for (size_t i = 0; i < count; i++)
		g_free(r.message[i]);
	g_free(r.message);
	g_free(r.status);
	g_free(thread);
	g_free(wk);
	g_cond_clear(&r.merged);
	g_mutex_clear(&r.lock);
	return rc;
}

/* ---- mkg__sort --------------------------------------------------------- */

/* Each round has at least this many tasks: a merge of long runs is split
 * into pieces of equal output, so the last rounds run on every worker. */
#define SORT_MIN_TASKS 16

typedef struct sort_run {
	char *base, *buffer;
	char *src, *dst;   /* this round's input and output */
	size_t n, size, width, pieces;
	bool copy;         /* the runs are copied to the buffer first (an odd round count) */
	mkg__cmp_fn cmp;
	void *data;
} sort_run;

static int
sort_one_run(size_t i, unsigned int w, void *p)
{
	sort_run *s = p;
	size_t first = i * MKG__SORT_RUN, count = MIN(s->n - first, (size_t)MKG__SORT_RUN);
	char *at = s->base + first * s->size;

	(void)w;
	if (s->copy) {
		memcpy(s->buffer + first * s->size, at, count * s->size);
		at = s->buffer + first * s->size;
	}
	g_qsort_with_data(at, (gint)count, s->size, s->cmp, s->data);
	return MKG_OK;
}

/* How many of a[0..na) are among the first k of the stable merge of a and
 * b (ties: a first). */
static size_t
co_rank(const sort_run *s, const char *a, size_t na, const char *b, size_t nb, size_t k)
{
	size_t lo = k > nb ? k - nb : 0, hi = MIN(k, na);

	while (lo < hi) {
		size_t i = lo + (hi - lo) / 2, j = k - i;

		/* a[i] goes before b[j - 1]: more of a */
		if (j > 0 && s->cmp(b + (j - 1) * s->size, a + i * s->size, s->data) >= 0)
			lo = i + 1;
		else
			hi = i;
	}
	return lo;
}

/* Piece t % pieces of merge t / pieces of a round: [2mw, 2mw + w) and
 * [2mw + w, 2mw + 2w) of src into dst, the left element first on ties
 * (stable); the piece writes its share of the output, found by co_rank. */
static int
merge_two_runs(size_t t, unsigned int w, void *p)
{
	sort_run *s = p;
	size_t m = t / s->pieces, piece = t % s->pieces;
	size_t lo = 2 * m * s->width, mid = MIN(s->n, lo + s->width), hi = MIN(s->n, mid + s->width);
	size_t na = mid - lo, nb = hi - mid, out_lo, out_hi, i0, i1;
	const size_t size = s->size;
	const char *a0 = s->src + lo * size, *b0 = s->src + mid * size;
	const char *a, *a_end, *b, *b_end;
	char *out;

	(void)w;
	out_lo = (na + nb) * piece / s->pieces;
	out_hi = (na + nb) * (piece + 1) / s->pieces;
	i0 = co_rank(s, a0, na, b0, nb, out_lo);
	i1 = co_rank(s, a0, na, b0, nb, out_hi);
	a = a0 + i0 * size;
	a_end = a0 + i1 * size;
	b = b0 + (out_lo - i0) * size;
	b_end = b0 + (out_hi - i1) * size;
	out = s->dst + (lo + out_lo) * size;
	while (a < a_end && b < b_end) {
		if (s->cmp(b, a, s->data) < 0) {
			memcpy(out, b, size);
			b += size;
		} else {
			memcpy(out, a, size);
			a += size;
		}
		out += size;
	}
	memcpy(out, a, (size_t)(a_end - a));
	out += a_end - a;
	memcpy(out, b, (size_t)(b_end - b));
	return MKG_OK;
}

void
mkg__sort(void *base, size_t n, size_t size, mkg__cmp_fn cmp, void *data, unsigned int threads)
{
	sort_run s = { base, NULL, NULL, NULL, n, size, MKG__SORT_RUN, 1, false, cmp, data };
	unsigned int rounds = 0;

	if (n <= MKG__SORT_RUN) {
		if (n > 1)
			g_qsort_with_data(base, (gint)n, size, cmp, data);
		return;
	}
	for (size_t width = MKG__SORT_RUN; width < n; width *= 2)
		rounds++;
	/* the last round writes to base */
	s.buffer = g_malloc(n * size);
	s.copy = rounds % 2 == 1;
	s.src = s.copy ? s.buffer : s.base;
	s.dst = s.copy ? s.base : s.buffer;
	mkg__run_tasks((n + MKG__SORT_RUN - 1) / MKG__SORT_RUN, threads, sort_one_run, NULL, &s);
	for (; s.width < n; s.width *= 2) {
		size_t merges = (n + 2 * s.width - 1) / (2 * s.width);
		char *t;

		s.pieces = merges >= SORT_MIN_TASKS ? 1 : (SORT_MIN_TASKS + merges - 1) / merges;
		mkg__run_tasks(merges * s.pieces, threads, merge_two_runs, NULL, &s);
		t = s.src;
		s.src = s.dst;
		s.dst = t;
	}
	g_free(s.buffer);
}
