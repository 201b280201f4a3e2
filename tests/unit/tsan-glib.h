/* Make GLib's locks visible to ThreadSanitizer (include in one test file).
 *
 * GLib is not instrumented, and GMutex and g_once lock with futexes and
 * atomics inside libglib that ThreadSanitizer never sees: the library's
 * correctly locked lazy caches would be reported as data races.  Under
 * ThreadSanitizer this file defines g_mutex_lock/trylock/unlock and
 * g_cond_wait and g_once_init_enter/leave in the test program (ELF interposition: the
 * library's calls land here), forwards each to GLib and tells
 * ThreadSanitizer what it did: a lock acquires, an unlock releases (and
 * g_cond_wait, which unlocks and locks again inside GLib, does both), a
 * finished g_once releases its location and a waiter acquires it.  Races
 * in the library's own code stay visible; nothing is suppressed.  Without
 * ThreadSanitizer it defines nothing.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_TSAN_GLIB_H
#define MKG_TSAN_GLIB_H

#if defined(__SANITIZE_THREAD__)
#define MKG_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MKG_TSAN 1
#endif
#endif

#ifdef MKG_TSAN
#include <dlfcn.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void __tsan_acquire(void *addr);
void __tsan_release(void *addr);

static void (*real_mutex_lock)(GMutex *);
static gboolean (*real_mutex_trylock)(GMutex *);
static void (*real_mutex_unlock)(GMutex *);
static void (*real_cond_wait)(GCond *, GMutex *);
static gboolean (*real_once_init_enter)(volatile void *);
static void (*real_once_init_leave)(volatile void *, gsize);

static void *
tsan_glib_next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (f == NULL) {
		fprintf(stderr, "tsan-glib: %s not found\n", name);
		abort();
	}
	return f;
}

/* Before main(), hence before any thread: the pointers are never raced. */
__attribute__((constructor)) static void
tsan_glib_init(void)
{
	*(void **)&real_mutex_lock = tsan_glib_next("g_mutex_lock");
	*(void **)&real_mutex_trylock = tsan_glib_next("g_mutex_trylock");
	*(void **)&real_mutex_unlock = tsan_glib_next("g_mutex_unlock");
	*(void **)&real_cond_wait = tsan_glib_next("g_cond_wait");
	*(void **)&real_once_init_enter = tsan_glib_next("g_once_init_enter");
	*(void **)&real_once_init_leave = tsan_glib_next("g_once_init_leave");
}

void
g_mutex_lock(GMutex *mutex)
{
	real_mutex_lock(mutex);
	__tsan_acquire(mutex);
}

gboolean
g_mutex_trylock(GMutex *mutex)
{
	gboolean got = real_mutex_trylock(mutex);

	if (got)
		__tsan_acquire(mutex);
	return got;
}

void
g_mutex_unlock(GMutex *mutex)
{
	__tsan_release(mutex);
	real_mutex_unlock(mutex);
}

/* The worker threads' merge in order waits with the lock released. */
void
g_cond_wait(GCond *cond, GMutex *mutex)
{
	__tsan_release(mutex);
	real_cond_wait(cond, mutex);
	__tsan_acquire(mutex);
}

/* The macro g_once_init_enter() reads the location atomically (in
 * instrumented code) and calls the function only while it is unset. */
gboolean(g_once_init_enter)(volatile void *location)
{
	gboolean first = real_once_init_enter(location);

	__tsan_acquire((void *)(uintptr_t)location);
	return first;
}

void(g_once_init_leave)(volatile void *location, gsize result)
{
	__tsan_release((void *)(uintptr_t)location);
	real_once_init_leave(location, result);
}
#endif /* MKG_TSAN */

#endif /* MKG_TSAN_GLIB_H */
