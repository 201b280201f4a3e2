/* The JSON importer when json-c's allocations fail.
 *
 * This program defines malloc, calloc, realloc, free, strdup and strndup
 * itself (ELF interposition reaches every shared library) and forwards to
 * glibc.  Only allocations called from libjson-c's code are counted and
 * made to fail, so GLib (which aborts on failure by design) never is.
 *
 * The rich test document is imported once to count json-c's allocations,
 * then once per allocation with that one failing (a passing shortage) and
 * once with it and every later one failing (a lasting one).  Each import
 * must either fail with MKG_ENOMEM or MKG_EPARSE, or succeed with a model
 * equal to the one imported without failures: never a crash, never a
 * model that silently lost data.  Memory json-c 0.16 leaks on its own
 * failure paths is not checked here.
 *
 * The same is done for the export (which must give the same bytes or
 * MKG_ENOMEM; today it makes no json-c allocation at all, GLib's writer
 * only, and the test says so) and for mkg_model_set_attributes(), the
 * other caller of json-c (MKG_OK with the same canonical text, or
 * MKG_ENOMEM / MKG_EDATA leaving the model's attributes as they were).
 *
 * Built only without sanitizers and excluded from valgrind: both replace
 * malloc themselves.
 *
 * SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <marketgraph.h>

#include <dlfcn.h>
#include <link.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MKG_TEST_DATA
#error "MKG_TEST_DATA must name tests/data"
#endif

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);

static uintptr_t jsonc_lo, jsonc_hi; /* libjson-c's code */
static long calls;                   /* json-c allocations so far */
static long fail_at = -1;            /* the first call that fails; -1: none */
static bool fail_later;              /* and every call after it */
static long failures;                /* calls made to fail in this run */

static bool
must_fail(void *caller)
{
	uintptr_t a = (uintptr_t)caller;

	if (a < jsonc_lo || a >= jsonc_hi)
		return false;
	calls++;
	if (fail_at > 0 && (calls == fail_at || (fail_later && calls > fail_at))) {
		failures++;
		return true;
	}
	return false;
}

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);

void *
malloc(size_t size)
{
	return must_fail(__builtin_return_address(0)) ? NULL : __libc_malloc(size);
}

void *
calloc(size_t n, size_t size)
{
	return must_fail(__builtin_return_address(0)) ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t size)
{
	return must_fail(__builtin_return_address(0)) ? NULL : __libc_realloc(p, size);
}

void
free(void *p)
{
	__libc_free(p);
}

/* json-c 0.16 does not check the strdup() of an object key inside
 * json_tokener_parse_ex() and crashes on NULL (strlen in its hash
 * function; json-c 0.17 checks it).  Nothing outside json-c can prevent
 * that, so this one call site is never made to fail. */
static bool
unchecked_in_jsonc(void *caller)
{
	Dl_info info;

	return dladdr(caller, &info) != 0 && info.dli_sname != NULL &&
	       strcmp(info.dli_sname, "json_tokener_parse_ex") == 0;
}

char *
strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	void *caller = __builtin_return_address(0);
	char *d;

	if (!unchecked_in_jsonc(caller) && must_fail(caller))
		return NULL;
	d = __libc_malloc(n);
	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

char *
strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d;

	if (must_fail(__builtin_return_address(0)))
		return NULL;
	d = __libc_malloc(len + 1);
	if (d != NULL) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

static int
find_jsonc(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	(void)data;
	if (info->dlpi_name == NULL || strstr(info->dlpi_name, "libjson-c") == NULL)
		return 0;
	for (int k = 0; k < info->dlpi_phnum; k++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[k];
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
			jsonc_lo = info->dlpi_addr + ph->p_vaddr;
			jsonc_hi = jsonc_lo + ph->p_memsz;
			return 1;
		}
	}
	return 0;
}

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (buf = __libc_malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

typedef struct tally {
	long errors_nomem, errors_parse, equal_successes;
} tally;

/* One import with json-c allocation k failing (and the later ones when
 * later is set); false when the outcome breaks the rule. */
static bool
run_once(const char *doc, size_t len, const mkg_model *reference, long k, bool later, tally *t)
{
	mkg_model *m = NULL;
	int rc;
	bool ok = true;

	calls = 0;
	failures = 0;
	fail_at = k;
	fail_later = later;
	rc = mkg_json_read_buffer(&m, doc, len);
	fail_at = -1;
	if (rc == MKG_OK) {
		if (!mkg_model_equal(m, reference)) {
			printf("not ok: failing allocation %ld%s gave a different model\n", k,
			       later ? " and later" : "");
			ok = false;
		} else {
			t->equal_successes++;
		}
		mkg_model_free(m);
	} else if (rc == MKG_ENOMEM || rc == MKG_EPARSE) {
		if (m != NULL || mkg_error_message()[0] == '\0') {
			printf("not ok: failing allocation %ld: *out written or no message\n", k);
			ok = false;
		}
		if (rc == MKG_ENOMEM)
			t->errors_nomem++;
		else
			t->errors_parse++;
	} else {
		printf("not ok: failing allocation %ld%s: status %d (%s)\n", k, later ? " and later" : "",
		       rc, mkg_error_message());
		ok = false;
	}
	return ok;
}

/* Export of reference with json-c allocation k failing (k = 0: none);
 * false when the outcome breaks the rule. */
static bool
export_once(const mkg_model *reference, const char *expected, long k, long *nomem)
{
	char *out = NULL;
	size_t len = 0;
	int rc;
	bool ok = true;

	calls = 0;
	fail_at = k > 0 ? k : -1;
	fail_later = false;
	rc = mkg_json_write_string(reference, &out, &len);
	fail_at = -1;
	if (rc == MKG_OK) {
		if (expected != NULL && (len != strlen(expected) || memcmp(out, expected, len) != 0)) {
			printf("not ok: failing allocation %ld: the export differs\n", k);
			ok = false;
		}
	} else if (rc == MKG_ENOMEM && out == NULL) {
		(*nomem)++;
	} else {
		printf("not ok: failing allocation %ld: export status %d (%s)\n", k, rc,
		       mkg_error_message());
		ok = false;
	}
	mkg_free(out);
	return ok;
}

/* The export: count its json-c allocations, then fail each in turn. */
static int
test_export(const mkg_model *reference)
{
	char *expected = NULL;
	size_t len = 0;
	long total, nomem = 0;
	int bad = 0;

	if (mkg_json_write_string(reference, &expected, &len) != MKG_OK) {
		printf("not ok 3 - export: %s\n", mkg_error_message());
		return 1;
	}
	calls = 0;
	bad += !export_once(reference, NULL, 0, &nomem);
	total = calls;
	for (long k = 1; k <= total; k++)
		bad += !export_once(reference, expected, k, &nomem);
	if (total == 0)
		printf("%s 3 - export: no json-c allocation (GLib's writer only), nothing to fail\n",
		       bad ? "not ok" : "ok");
	else
		printf("%s 3 - export: %ld json-c allocations failing one at a time: %ld MKG_ENOMEM\n",
		       bad ? "not ok" : "ok", total, nomem);
	mkg_free(expected);
	return bad;
}

/* mkg_model_set_attributes(), which checks and canonicalises the text
 * with json-c, with allocation k failing from the k-th on. */
static int
test_set_attributes(void)
{
	static const char text[] =
		"{\"source\": \"CIP\", \"n\": 1.50, \"big\": 1E5, \"list\": [1, 2.0, \"x\", null, "
		"true, {\"a\": {}}], \"s\": \"\\u00e9\"}";
	mkg_model *m = NULL;
	char *canonical;
	long total, nomem = 0, data = 0;
	int bad = 0;

	if (mkg_model_new(&m) != MKG_OK || mkg_model_set_attributes(m, "{\"old\": 1}") != MKG_OK) {
		printf("not ok 4 - set_attributes: %s\n", mkg_error_message());
		return 1;
	}
	calls = 0;
	if (mkg_model_set_attributes(m, text) != MKG_OK) {
		printf("not ok 4 - set_attributes: %s\n", mkg_error_message());
		mkg_model_free(m);
		return 1;
	}
	total = calls;
	canonical = __libc_malloc(strlen(mkg_model_attributes(m)) + 1);
	strcpy(canonical, mkg_model_attributes(m));
	for (long k = 1; k <= total; k++) {
		int rc;

		if (mkg_model_set_attributes(m, "{\"old\": 1}") != MKG_OK)
			bad++;
		calls = 0;
		fail_at = k;
		fail_later = true;
		rc = mkg_model_set_attributes(m, text);
		fail_at = -1;
		if (rc == MKG_OK) {
			if (strcmp(mkg_model_attributes(m), canonical) != 0) {
				printf("not ok: set_attributes, failing allocation %ld on: other text\n", k);
				bad++;
			}
		} else if (rc == MKG_ENOMEM || rc == MKG_EDATA) {
			if (rc == MKG_ENOMEM)
				nomem++;
			else
				data++;
			if (strcmp(mkg_model_attributes(m), "{\"old\":1}") != 0) {
				printf("not ok: set_attributes, failing allocation %ld on: the model "
				       "changed (%s)\n", k, mkg_model_attributes(m));
				bad++;
			}
		} else {
			printf("not ok: set_attributes, failing allocation %ld on: status %d (%s)\n", k,
			       rc, mkg_error_message());
			bad++;
		}
	}
	printf("%s 4 - set_attributes: %ld json-c allocations failing from the k-th on: "
	       "%ld MKG_ENOMEM, %ld MKG_EDATA\n", bad || total == 0 ? "not ok" : "ok", total, nomem,
	       data);
	__libc_free(canonical);
	mkg_model_free(m);
	return bad || total == 0;
}

int
main(void)
{
	size_t len;
	char *doc = read_all(MKG_TEST_DATA "/json-rich.json", &len);
	mkg_model *reference = NULL;
	long total;
	int bad = 0;

	dl_iterate_phdr(find_jsonc, NULL);
	if (jsonc_hi == 0) {
		printf("1..0 # SKIP libjson-c not found among the loaded objects\n");
		return 77;
	}
	if (mkg_json_read_buffer(&reference, doc, len) != MKG_OK) {
		printf("Bail out! %s\n", mkg_error_message());
		return 1;
	}
	total = calls;
	if (total == 0) {
		printf("Bail out! no json-c allocation was seen: the interposition does not work\n");
		return 1;
	}
	for (int pass = 0; pass < 2; pass++) {
		tally t = { 0, 0, 0 };
		bool later = pass == 1;
		int bad_pass = 0;

		for (long k = 1; k <= total; k++)
			bad_pass += !run_once(doc, len, reference, k, later, &t);
		printf("%s %d - %ld json-c allocations failing %s: %ld MKG_ENOMEM, %ld MKG_EPARSE, "
		       "%ld imports complete and equal\n", bad_pass ? "not ok" : "ok", pass + 1, total,
		       later ? "from the k-th on" : "one at a time", t.errors_nomem, t.errors_parse,
		       t.equal_successes);
		bad += bad_pass;
	}
	bad += test_export(reference);
	bad += test_set_attributes();
	printf("1..4\n");
	mkg_model_free(reference);
	__libc_free(doc);
	return bad ? 1 : 0;
}
