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

typedef struct sort_run {
	char *src, *dst;   /* this round's input and output */
	size_t n, size, width;
	mkg__cmp_fn cmp;
	void *data;
} sort_run;

static int
sort_one_run(size_t i, unsigned int w, void *p)
{
	sort_run *s = p;
	size_t first = i * MKG__SORT_RUN, count = MIN(s->n - first, (size_t)MKG__SORT_RUN);

	(void)w;
	g_qsort_with_data(s->src + first * s->size, (gint)count, s->size, s->cmp, s->data);
	return MKG_OK;
}

/* Merge i of a round: [2iw, 2iw + w) and [2iw + w, 2iw + 2w) of src into
 * dst, the left element first on ties (stable). */
static int
merge_two_runs(size_t i, unsigned int w, void *p)
{
	sort_run *s = p;
	size_t lo = 2 * i * s->width, mid = MIN(s->n, lo + s->width), hi = MIN(s->n, mid + s->width);
	const size_t size = s->size;
	const char *a = s->src + lo * size, *a_end = s->src + mid * size;
	const char *b = a_end, *b_end = s->src + hi * size;
	char *out = s->dst + lo * size;

	(void)w;
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
	sort_run s = { base, NULL, n, size, MKG__SORT_RUN, cmp, data };
	char *buffer;

	if (n <= MKG__SORT_RUN) {
		if (n > 1)
			g_qsort_with_data(base, (gint)n, size, cmp, data);
		return;
	}
	mkg__run_tasks((n + MKG__SORT_RUN - 1) / MKG__SORT_RUN, threads, sort_one_run, NULL, &s);
	buffer = g_malloc(n * size);
	s.dst = buffer;
	for (; s.width < n; s.width *= 2) {
		char *t;

		mkg__run_tasks((n + 2 * s.width - 1) / (2 * s.width), threads, merge_two_runs, NULL,
		               &s);
		t = s.src;
		s.src = s.dst;
		s.dst = t;
	}
	if (s.src != base)
		memcpy(base, s.src, n * size);
	g_free(buffer);
}
