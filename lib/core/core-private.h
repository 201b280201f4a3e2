/* marketgraph: internal helpers shared by every part of the library:
 * error reporting, versioned structs and a streaming JSON writer (number
 * formatting and JSON escaping come from lib/text/).
 * Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_CORE_PRIVATE_H
#define MKG_CORE_PRIVATE_H

#include "marketgraph.h"
#include "text-private.h" /* mkg__format_double, mkg__json_escape */
#include <glib.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

/* ---- errors (error.c) --------------------------------------------------- */

/* Record a failure on this thread and return its code, so that callers can
 * write `return mkg__error(MKG_EDATA, "%s: ...", path);`. */
int mkg__error(int code, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
#ifdef __clang_analyzer__
/* scan-build analyses one file at a time and cannot see that the result is
 * the code, never MKG_OK: without this it follows error paths as successes
 * and reports "uninitialized" values that no run can read. */
#define mkg__error(code, ...) (mkg__error((code), __VA_ARGS__), (code))
#endif

/* Check a pointer argument; on NULL record MKG_EINVAL naming the function
 * and the argument. */
#define MKG_CHECK_ARG(arg)                                                            \
	do {                                                                          \
		if ((arg) == NULL)                                                    \
			return mkg__error(MKG_EINVAL, "%s: argument '%s' is NULL",  \
			                  G_STRFUNC, #arg);                          \
	} while (0)

/* ---- versioned structs --------------------------------------------------- */

/* The one body of every public `int NAME(TYPE *p, unsigned int version)`
 * that fills an options or description struct with its _INIT defaults, so
 * that bindings, which cannot expand macros, get the same values:
 *     MKG_DEFINE_INIT(mkg_dot_options_init, mkg_dot_options, opts, MKG_DOT_OPTIONS)
 * fails with MKG_EINVAL `mkg_dot_options_init: unknown version 7`. */
#define MKG_DEFINE_INIT(name, type, arg, PREFIX)                                     \
	int name(type *arg, unsigned int version)                                     \
	{                                                                             \
		const type defaults = PREFIX##_INIT;                                  \
		MKG_CHECK_ARG(arg);                                                   \
		if (version != PREFIX##_VERSION)                                      \
			return mkg__error(MKG_EINVAL, "%s: unknown version %u", #name, \
			                  version);                                   \
		*arg = defaults;                                                      \
		return MKG_OK;                                                        \
	}

/* Copy a caller's options (NULL: the defaults) into *out, checking the
 * version; for the analyses' and writers' _new functions.  On a wrong
 * version fails with MKG_EINVAL `FN: unknown options version 7`. */
#define MKG_RESOLVE_OPTIONS(fn, type, PREFIX, opts, out)                             \
	do {                                                                          \
		const type defaults_ = PREFIX##_INIT;                                 \
		if ((opts) == NULL) {                                                 \
			*(out) = defaults_;                                           \
		} else if ((opts)->version != PREFIX##_VERSION) {                     \
			return mkg__error(MKG_EINVAL, "%s: unknown options version %u", \
			                  (fn), (opts)->version);                     \
		} else {                                                              \
			*(out) = *(opts);                                             \
		}                                                                     \
	} while (0)

/* ---- checked sums ---------------------------------------------------------- */

/*
 * Every sum a result reports goes through these, so that no total is ever
 * infinite or wrapped: the caller turns a false into an MKG_EDATA naming what
 * overflowed, e.g.
 *   concentration: the volume of market "maize" 2010 overflows (sum of the
 *   transactions' volume exceeds 1.8e308)
 * with the limits spelled by MKG_SUM_LIMIT and MKG_COUNT_LIMIT.
 */
#define MKG_SUM_LIMIT "1.8e308"               /* DBL_MAX, rounded */
#define MKG_COUNT_LIMIT "9223372036854775807" /* INT64_MAX */

/* *acc += x when the result is finite; otherwise leave *acc and return
 * false.  x must not be NaN (callers skip absent numbers first). */
static inline bool
mkg__sum_add(double *acc, double x)
{
	double r = *acc + x;

	if (!isfinite(r))
		return false;
	*acc = r;
	return true;
}

/* *acc += x for counts (households): when it fits in int64; otherwise leave
 * *acc and return false.  Counts are errors, never saturated: a clamped
 * total would be a wrong number that looks right. */
static inline bool
mkg__count_add(int64_t *acc, int64_t x)
{
	int64_t r;

	if (__builtin_add_overflow(*acc, x, &r))
		return false;
	*acc = r;
	return true;
}

/* ---- pair keys -------------------------------------------------------------- */

/* A GHashTable hash for gint64 keys built as (a << 32 | b).  GLib 2.74's
 * g_int64_hash keeps only the low 32 bits, so every pair with the same b
 * (all sales to one hub) lands in one bucket and a table of n pairs costs
 * O(n^2); this mixes all 64 bits (the splitmix64 finaliser).  Use it with
 * g_int64_equal. */
static inline guint
mkg__pair_hash(gconstpointer key)
{
	guint64 x = *(const guint64 *)key;

	x ^= x >> 30;
	x *= UINT64_C(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64_C(0x94d049bb133111eb);
	x ^= x >> 31;
	return (guint)x;
}

/* ---- JSON writer (json-writer.c) ----------------------------------------- */

/*
 * A streaming JSON writer used by the model exporter and by every result's
 * JSON writer.  Output goes to a growing string or, in chunks, to a FILE.
 * Commas and indentation are inserted automatically.  Containers opened
 * "inline" are written on one line (`{"a": 1, "b": [1, 2]}`); others put
 * each member on its own line, indented by two spaces per level.
 * An I/O error is remembered and reported by mkg__jw_finish().
 * NaN is the library's "absent" and is written null; an infinite number is
 * a bug (every sum is checked with mkg__sum_add before it reaches a
 * writer): it is written null too, so that the text stays JSON, and
 * mkg__jw_finish() then fails with MKG_EDATA instead of passing it off as
 * absent.
 */
typedef struct mkg_jw mkg_jw;

mkg_jw *mkg__jw_new_string(void);
mkg_jw *mkg__jw_new_stream(FILE *stream);
/* A writer that hands its buffer to the descriptor fd in chunks
 * (mkg__output_write_all); mkg__jw_finish() reports the first write error
 * as MKG_EIO and leaves fd open. */
mkg_jw *mkg__jw_new_fd(int fd);
/* Keep at most top rows in every array (0: all, the default): an object
 * that would be an array's element number top + 1 or later is left out,
 * with all it holds.  Arrays of strings or numbers are never cut. */
void mkg__jw_set_top(mkg_jw *w, size_t top);
/* Flush; return MKG_OK, MKG_EIO, or MKG_EDATA after an infinite number
 * (then no text is handed out).  For a string writer, hand the text to
 * *out (freed with mkg_free(), i.e. g_free) and its length to *len.  Frees
 * the writer in every case.  out/len may be NULL for stream writers. */
int mkg__jw_finish(mkg_jw *w, char **out, size_t *len);
/* Free without finishing (on an error path). */
void mkg__jw_abandon(mkg_jw *w);

void mkg__jw_begin_object(mkg_jw *w, bool inline_);
void mkg__jw_end_object(mkg_jw *w);
void mkg__jw_begin_array(mkg_jw *w, bool inline_);
void mkg__jw_end_array(mkg_jw *w);
/* The key of the next member of the current object. */
void mkg__jw_key(mkg_jw *w, const char *key);
void mkg__jw_string(mkg_jw *w, const char *s); /* NULL writes null */
void mkg__jw_double(mkg_jw *w, double d);      /* NaN writes null; infinite: see above */
void mkg__jw_int(mkg_jw *w, int64_t i);
void mkg__jw_bool(mkg_jw *w, bool b);
void mkg__jw_null(mkg_jw *w);
/* A value that is already JSON text (canonical attributes). */
void mkg__jw_raw(mkg_jw *w, const char *json);

/* Shorthands for a key followed by a value. */
void mkg__jw_kstring(mkg_jw *w, const char *key, const char *s);
void mkg__jw_kdouble(mkg_jw *w, const char *key, double d);
void mkg__jw_kint(mkg_jw *w, const char *key, int64_t i);
void mkg__jw_kbool(mkg_jw *w, const char *key, bool b);

/* ---- worker threads (workers.c) ------------------------------------------- */

/* Ask the kernel to back [p, p + bytes) with transparent huge pages and,
 * with populate, to fault them in at once (lib/core/memory.c): for large
 * arrays about to be written whole.  Hints only; never fails. */
void mkg__memory_huge(void *p, size_t bytes, bool populate);

/*
 * Run task(i, worker, data) for every i in [0, count) on up to `threads`
 * threads (0: one per core, g_get_num_processors(); 1 or one task: on the
 * calling thread, no thread created).  The calling thread works too.
 * `worker` is in [0, mkg__workers_for(threads, count)) and no two tasks run
 * at once with the same worker, so per-worker scratch indexed by it needs
 * no lock.  Tasks are handed out in increasing order.
 *
 * merge (or NULL) is called for every task that succeeded, in task order,
 * one at a time (under a lock), by the worker that ran it, before that
 * worker takes another task: partial sums added there in task order are
 * the same, to the last bit, for any number of threads.
 *
 * A task or merge returns MKG_OK or a status with the message set by
 * mkg__error() on its thread.  After a failure no new task starts; the
 * call returns the failure of the lowest failing task, with its message
 * on the calling thread: the same for any number of threads when the
 * tasks' failures are.  Holds no global state: calls may run at once.
 */
typedef int (*mkg__task_fn)(size_t task, unsigned int worker, void *data);

/* How many workers mkg__run_tasks() uses (>= 1). */
unsigned int mkg__workers_for(unsigned int threads, size_t count);
int mkg__run_tasks(size_t count, unsigned int threads, mkg__task_fn task, mkg__task_fn merge,
                   void *data);

/*
 * Sort n elements of `size` bytes by cmp(a, b, data), stably, on up to
 * `threads` threads: runs of MKG__SORT_RUN elements sorted
 * (g_qsort_with_data, stable) as tasks, then merged two by two, a round
 * of merges at a time, each merge a task.  The runs and the merges do not
 * depend on the number of threads, so neither does the order (the same as
 * one stable sort).  Uses a buffer of n elements, as glibc's qsort does.
 * cmp must be safe to call from several threads at once.
 */
#define MKG__SORT_RUN 4096
typedef int (*mkg__cmp_fn)(const void *a, const void *b, void *data);
void mkg__sort(void *base, size_t n, size_t size, mkg__cmp_fn cmp, void *data,
               unsigned int threads);

#endif /* MKG_CORE_PRIVATE_H */
