/* Tests of the exit shock (lib/analysis/shock.c): hand-worked chains, the
 * errors, and properties on random value chains against brute force.
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "flow-fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#define assert_double_exact(a, b) assert_true((a) == (b))
#define assert_double_near(a, b, eps) assert_true(fabs((a) - (b)) <= (eps))

/* mkg_shock_new() with the options holding only the removal list. */
static int
shock_new(mkg_shock **out, const mkg_model *m, const char *const *ids, size_t count)
{
	mkg_shock_options o = MKG_SHOCK_OPTIONS_INIT;

	o.remove = ids;
	o.remove_count = count;
	return mkg_shock_new(out, m, &o);
}

static mkg_shock *
shock_of(const mkg_model *m, const char *ids)
{
	gchar **list = g_strsplit(ids, ",", -1);
	mkg_shock *s = NULL;
	size_t n = g_strv_length(list);

	if (shock_new(&s, m, (const char *const *)list, *ids ? n : 0) != MKG_OK)
		fail_msg("mkg_shock_new: %s", mkg_error_message());
	g_strfreev(list);
	return s;
}

/* "a,b" from the stranded sources. */
static char *
stranded_text(const mkg_shock *s)
{
	GString *t = g_string_new(NULL);

	for (size_t i = 0; i < mkg_shock_stranded_count(s); i++)
		g_string_append_printf(t, "%s%s", i ? "," : "", mkg_shock_stranded_at(s, i));
	return g_string_free(t, FALSE);
}

static void
check_shock(const mkg_shock *s, const char *stranded, double supply, double before,
            double after)
{
	char *t = stranded_text(s);

	assert_string_equal(t, stranded);
	assert_double_exact(mkg_shock_stranded_supply(s), supply);
	assert_double_exact(mkg_flow_max_flow(mkg_shock_before(s)), before);
	assert_double_exact(mkg_flow_max_flow(mkg_shock_after(s)), after);
	assert_double_exact(mkg_shock_loss(s), before - after);
	g_free(t);
}

/* The processor of the chain leaves: the producer is cut off. */
static void
test_chain(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z", "a>proc:100 proc>z:80");
	mkg_shock *s = shock_of(m, "proc");
	char *json = NULL;

	(void)state;
	check_shock(s, "a", 100, 80, 0);
	assert_int_equal(mkg_shock_removed_count(s), 1);
	assert_string_equal(mkg_shock_removed_at(s, 0), "proc");
	assert_null(mkg_shock_removed_at(s, 1));
	assert_null(mkg_shock_stranded_at(s, 1));
	assert_int_equal(mkg_shock_write_json(s, &json, NULL), MKG_OK);
	/* After: S -100-> a, and a sells to nobody: no flow, no cut capacity
	 * (a stays on the source side). */
	assert_string_equal(json,
	                    "{\n"
	                    "  \"commodity\": \"produce\",\n"
	                    "  \"unit\": null,\n"
	                    "  \"removed\": [\"proc\"],\n"
	                    "  \"stranded\": [\"a\"],\n"
	                    "  \"stranded_supply\": 100,\n"
	                    "  \"max_flow_before\": 80,\n"
	                    "  \"max_flow_after\": 0,\n"
	                    "  \"loss\": 80,\n"
	                    "  \"loss_share\": 1,\n"
	                    "  \"after\": {\n"
	                    "    \"total_supply\": 100,\n"
	                    "    \"max_flow\": 0,\n"
	                    "    \"deliverable_share\": 0,\n"
	                    "    \"binding\": []\n"
	                    "  }\n"
	                    "}\n");
	mkg_free(json);
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* A diamond: either outlet can go, nobody is stranded, but the flow drops
 * to what the other outlet's link carries. */
static void
test_diamond(void **state)
{
	mkg_model *m = flow_model("p:a t:x t:y e:z", "a>x:60/60 a>y:40/40 x>z:60 y>z:40");
	mkg_shock *s = shock_of(m, "x");
	const mkg_binding *b;

	(void)state;
	check_shock(s, "", 0, 100, 40);
	assert_int_equal(mkg_flow_binding_count(mkg_shock_after(s)), 1);
	b = mkg_flow_binding_at(mkg_shock_after(s), 0);
	assert_int_equal(b->type, MKG_BINDING_TRANSACTION);
	assert_string_equal(b->seller, "a");
	assert_string_equal(b->buyer, "y");
	assert_double_exact(mkg_shock_loss(s), 60);
	mkg_shock_free(s);
	/* Both outlets: a is stranded. */
	s = shock_of(m, "y,x");
	check_shock(s, "a", 100, 100, 0);
	assert_string_equal(mkg_shock_removed_at(s, 0), "x");
	assert_string_equal(mkg_shock_removed_at(s, 1), "y");
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* A star through one trader: all its producers are stranded, with their
 * supplies (explicit or observed). */
static void
test_star(void **state)
{
	mkg_model *m = flow_model("p:c p:a=7 p:b t:x e:z",
	                          "c>x:10 a>x:5 b>x:2.5 x>z:17.5");
	mkg_shock *s = shock_of(m, "x");

	(void)state;
	/* supplies in actor order: c 10, a 7, b 2.5 */
	check_shock(s, "a,b,c", 19.5, 19.5, 0);
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* A producer with two outlets that merge downstream: the merge point
 * strands it, an outlet does not. */
static void
test_merge_point(void **state)
{
	mkg_model *m = flow_model("p:a t:x t:y r:mill e:z",
	                          "a>x:30 a>y:20 x>mill:30 y>mill:20 mill>z:50");
	mkg_shock *s = shock_of(m, "x");

	(void)state;
	check_shock(s, "", 0, 50, 50);
	mkg_shock_free(s);
	s = shock_of(m, "mill");
	check_shock(s, "a", 50, 50, 0);
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* A removed source leaves with its supply and is not stranded; a source
 * already stranded before is not stranded by the shock; a removed sink
 * strands the producers that had no other. */
static void
test_sources_and_sinks(void **state)
{
	mkg_model *m = flow_model("p:a p:b p:c t:x t:dead e:z e:w",
	                          "a>x:40 b>x:10 x>z:50 c>dead:5 b>w:3");
	mkg_shock *s = shock_of(m, "a");

	(void)state;
	/* Before: a 40 + b 13 delivered, c (5) stuck: 53 of 58. */
	check_shock(s, "", 0, 53, 13);
	assert_double_exact(mkg_flow_total_supply(mkg_shock_after(s)), 18);
	mkg_shock_free(s);
	s = shock_of(m, "dead");
	check_shock(s, "", 0, 53, 53);
	mkg_shock_free(s);
	/* Without z, a has no market; b still sells to w. */
	s = shock_of(m, "z");
	check_shock(s, "a", 40, 53, 13);
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* An empty list (not a missing one) and a repeated id. */
static void
test_empty_and_duplicates(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z", "a>proc:100 proc>z:80");
	const char *twice[] = { "proc", "proc" };
	mkg_shock *s = NULL;

	(void)state;
	assert_int_equal(shock_new(&s, m, twice, 0), MKG_OK);
	check_shock(s, "", 0, 80, 80);
	assert_int_equal(mkg_shock_removed_count(s), 0);
	mkg_shock_free(s);
	assert_int_equal(shock_new(&s, m, twice, 2), MKG_OK);
	assert_int_equal(mkg_shock_removed_count(s), 1);
	check_shock(s, "a", 100, 80, 0);
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* The text view (`marketgraph shock`), on the CLI test's model with names
 * and a unit.  Supplies are the observed sales: coop-a 60 + 20, coop-b 30,
 * coop-c 10.  Before: 100 (the market's demand binds).  Without proc:
 * coop-c stranded (10), coop-a keeps its link to the trader (capacity 20),
 * coop-b 30: 50, the link binds.  Without the trader: coop-b stranded (30),
 * proc passes 80: its capacity binds. */
static void
test_text(void **state)
{
	static const struct { const char *id, *name; char kind; double capacity, demand; } actors[] = {
		{ "coop-a", NULL, 'p', MKG_ABSENT, MKG_ABSENT },
		{ "coop-b", NULL, 'p', MKG_ABSENT, MKG_ABSENT },
		{ "coop-c", "Coop C", 'p', MKG_ABSENT, MKG_ABSENT },
		{ "proc", "Mill", 'r', 80, MKG_ABSENT },
		{ "trader", "trader", 't', MKG_ABSENT, MKG_ABSENT }, /* a name equal to the id */
		{ "market", NULL, 'e', MKG_ABSENT, 100 },
	};
	const char *proc[] = { "proc" }, *trader[] = { "trader" };
	mkg_model *m = NULL;
	mkg_shock *s = NULL;
	char *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (size_t i = 0; i < G_N_ELEMENTS(actors); i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

		d.id = actors[i].id;
		d.name = actors[i].name;
		d.kind = fixture_kind(actors[i].kind);
		d.capacity = actors[i].capacity;
		d.demand = actors[i].demand;
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	}
	fixture_add_transactions(m, "coop-a>proc:60 coop-a>trader:20/20 coop-b>trader:30 "
	                            "coop-c>proc:10 proc>market:70 trader>market:50");
	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);

	assert_int_equal(shock_new(&s, m, proc, 1), MKG_OK);
	assert_int_equal(mkg_shock_write_text(s, m, &text, &len), MKG_OK);
	assert_string_equal(text,
	                    "Exit shock in the produce chain: without proc (Mill)\n"
	                    "Deliverable flow: 100 t before, 50 t after; loss 50 t (50.0% of the flow)\n"
	                    "Stranded producers (no route left to an end market): 1, supply 10 t\n"
	                    "  coop-c (Coop C)\n"
	                    "Binding constraints after the exit:\n"
	                    "  link coop-a -> trader: 20 t\n");
	assert_int_equal(len, strlen(text));
	mkg_free(text);
	mkg_shock_free(s);

	assert_int_equal(shock_new(&s, m, trader, 1), MKG_OK);
	assert_int_equal(mkg_shock_write_text(s, m, &text, NULL), MKG_OK);
	assert_string_equal(text,
	                    "Exit shock in the produce chain: without trader\n"
	                    "Deliverable flow: 100 t before, 80 t after; loss 20 t (20.0% of the flow)\n"
	                    "Stranded producers (no route left to an end market): 1, supply 30 t\n"
	                    "  coop-b\n"
	                    "Binding constraints after the exit:\n"
	                    "  capacity of proc (Mill): 80 t\n");
	mkg_free(text);

	text = NULL;
	assert_int_equal(mkg_shock_write_text(s, NULL, &text, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_write_text: argument 'model' is NULL");
	assert_int_equal(mkg_shock_write_text(s, m, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_write_text: argument 'out' is NULL");
	assert_null(text);
	mkg_shock_free(s);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z", "a>proc:100 proc>z:80");
	const char *bad[] = { "proc", "nope" }, *null_id[] = { "proc", NULL };
	const char *src[] = { "ghost" };
	mkg_shock_options o = MKG_SHOCK_OPTIONS_INIT;
	mkg_shock *s = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(shock_new(&s, m, bad, 2), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "remove: unknown actor \"nope\"");
	assert_int_equal(shock_new(&s, m, NULL, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "remove: NULL with remove_count 2");
	assert_int_equal(shock_new(&s, m, null_id, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "remove[1]: NULL id");
	/* No removal list at all: neither options nor a list in them. */
	assert_int_equal(mkg_shock_new(&s, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_shock_new: no actors to remove (opts->remove is NULL)");
	assert_int_equal(mkg_shock_new(&s, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_shock_new: no actors to remove (opts->remove is NULL)");
	o.remove = bad;
	o.remove_count = 1;
	o.sources = src;
	o.source_count = 1;
	assert_int_equal(mkg_shock_new(&s, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sources: unknown actor \"ghost\"");
	/* Ids in option errors are escaped and cut (docs/format.md, section 4). */
	{
		const char *esc[] = { "gh\x1b[2Jost\a" }, *c1[] = { "\xc2\x9b" "1m\"q\"" };
		char long_id[301];
		const char *long_ids[] = { long_id };

		memset(long_id, 'x', 300);
		long_id[300] = '\0';
		o.sources = esc;
		assert_int_equal(mkg_shock_new(&s, m, &o), MKG_ENOTFOUND);
		assert_string_equal(mkg_error_message(),
		                    "sources: unknown actor \"gh\\u001b[2Jost\\u0007\"");
		o.sources = c1;
		assert_int_equal(mkg_shock_new(&s, m, &o), MKG_ENOTFOUND);
		assert_string_equal(mkg_error_message(),
		                    "sources: unknown actor \"\\u009b1m\\\"q\\\"\"");
		o.sources = long_ids;
		assert_int_equal(mkg_shock_new(&s, m, &o), MKG_ENOTFOUND);
		assert_string_equal(mkg_error_message(), "sources: unknown actor "
		                    "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026\"");
		o.sources = src;
		assert_int_equal(shock_new(&s, m, esc, 1), MKG_ENOTFOUND);
		assert_string_equal(mkg_error_message(),
		                    "remove: unknown actor \"gh\\u001b[2Jost\\u0007\"");
		assert_null(s);
	}
	o.version = 0;
	assert_int_equal(mkg_shock_new(&s, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_new: unknown options version 0");
	assert_int_equal(shock_new(&s, NULL, bad, 1), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_new: argument 'model' is NULL");
	assert_int_equal(shock_new(NULL, m, bad, 1), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_new: argument 'out' is NULL");
	assert_null(s);
	assert_int_equal(mkg_shock_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_options_init: unknown version 2");
	assert_int_equal(mkg_shock_options_init(&o, MKG_SHOCK_OPTIONS_VERSION), MKG_OK);
	assert_true(o.version == MKG_SHOCK_OPTIONS_VERSION && o.remove == NULL &&
	            o.remove_count == 0 && o.sources == NULL && o.sinks == NULL);

	assert_int_equal(mkg_shock_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_write_json: argument 's' is NULL");
	assert_int_equal(mkg_shock_write_text(NULL, m, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_shock_write_text: argument 's' is NULL");
	assert_int_equal(mkg_shock_removed_count(NULL), 0);
	assert_null(mkg_shock_removed_at(NULL, 0));
	assert_int_equal(mkg_shock_stranded_count(NULL), 0);
	assert_null(mkg_shock_stranded_at(NULL, 0));
	assert_true(isnan(mkg_shock_stranded_supply(NULL)));
	assert_true(isnan(mkg_shock_loss(NULL)));
	assert_null(mkg_shock_before(NULL));
	assert_null(mkg_shock_after(NULL));
	mkg_shock_free(NULL);
	mkg_model_free(m);
}

/* ---- properties ------------------------------------------------------------- */

/* Whether source p reaches a sink without passing a removed actor: a
 * depth-first search over the transactions, by the public accessors. */
static bool
brute_reaches(const mkg_model *m, size_t p, const bool *gone)
{
	size_t na = mkg_model_actor_count(m), nt = mkg_model_transaction_count(m);
	bool *seen = g_new0(bool, na), found = false;
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(size_t));

	seen[p] = true;
	g_array_append_val(stack, p);
	while (stack->len > 0 && !found) {
		size_t v = g_array_index(stack, size_t, stack->len - 1);
		g_array_set_size(stack, stack->len - 1);
		if (read_actor(m, v).kind == MKG_ACTOR_END_MARKET) {
			found = true;
			break;
		}
		for (size_t x = 0; x < nt; x++) {
			mkg_transaction_desc tx = read_tx(m, x);
			size_t w = actor_index(m, tx.buyer);
			if (actor_index(m, tx.seller) != v || tx.service || seen[w] || gone[w])
				continue;
			seen[w] = true;
			g_array_append_val(stack, w);
		}
	}
	g_array_free(stack, TRUE);
	g_free(seen);
	return found;
}

/* A source counts when it trades produce (a node): one that trades nothing
 * reaches nothing, before or after. */
static bool
trades_produce(const mkg_model *m, size_t a)
{
	for (size_t x = 0; x < mkg_model_transaction_count(m); x++) {
		mkg_transaction_desc tx = read_tx(m, x);
		if (!tx.service &&
		    (actor_index(m, tx.seller) == a || actor_index(m, tx.buyer) == a))
			return true;
	}
	return false;
}

/*
 * Remove each actor of random value chains in turn: the stranded sources
 * are exactly those a brute-force search finds cut off, their supply is
 * summed right, and the flow after is Edmonds-Karp's on the model without
 * the actor.
 */
static void
test_random_single_exits(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 25; seed++) {
		mkg_model *m = flow_random_model(seed * 31, 4 + (int)(seed % 9), 1 + (int)(seed % 7),
		                                 1 + (int)(seed % 3));
		size_t na = mkg_model_actor_count(m);
		bool *gone = g_new0(bool, na), *none = g_new0(bool, na);

		for (size_t x = 0; x < na; x++) {
			const char *id = read_actor(m, x).id;
			mkg_shock *s = NULL;
			GString *expect = g_string_new(NULL);
			char *got;
			brute_flow b;

			assert_int_equal(shock_new(&s, m, &id, 1), MKG_OK);
			gone[x] = true;
			/* Sources in id order = actor order here (p00, p01, ...). */
			for (size_t p = 0; p < na; p++) {
				if (p == x || read_actor(m, p).kind != MKG_ACTOR_PRODUCER ||
				    !trades_produce(m, p))
					continue;
				if (brute_reaches(m, p, none) && !brute_reaches(m, p, gone))
					g_string_append_printf(expect, "%s%s", expect->len ? "," : "",
					                       read_actor(m, p).id);
			}
			got = stranded_text(s);
			if (strcmp(got, expect->str) != 0)
				fail_msg("seed %u, remove %s: stranded %s, brute force %s",
				         (unsigned)seed, id, got, expect->str);
			b = brute_max_flow(m, NULL, 0, NULL, 0, &id, 1);
			assert_double_near(mkg_flow_max_flow(mkg_shock_after(s)), b.max_flow,
			                   1e-9 * fmax(1.0, b.total_supply));
			assert_true(mkg_shock_loss(s) >= 0.0);
			g_ptr_array_free(b.binding, TRUE);
			gone[x] = false;
			g_free(got);
			g_string_free(expect, TRUE);
			mkg_shock_free(s);
		}
		g_free(gone);
		g_free(none);
		mkg_model_free(m);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The comma-separated captive producers of actor id, by mkg_captive, in
 * byte order. */
static char *
captive_text(const mkg_captive *c, const char *id)
{
	GString *t = g_string_new(NULL);

	for (size_t i = 0; i < mkg_captive_count(c); i++) {
		const mkg_captive_actor *x = mkg_captive_at(c, i);
		const char **ids;
		if (strcmp(x->actor, id) != 0)
			continue;
		ids = g_new(const char *, x->producers ? x->producers : 1);
		for (size_t k = 0; k < x->producers; k++)
			ids[k] = mkg_captive_producer_at(c, i, k);
		qsort(ids, x->producers, sizeof *ids, cmp_str);
		for (size_t k = 0; k < x->producers; k++)
			g_string_append_printf(t, "%s%s", k ? "," : "", ids[k]);
		g_free(ids);
	}
	return g_string_free(t, FALSE);
}

/* One actor's exit strands exactly its captive producers (post-dominators,
 * computed by the captive analysis), with their supply. */
static void
test_random_exits_match_captive(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 25; seed++) {
		mkg_model *m = flow_random_model(seed * 57, 5 + (int)(seed % 8), 2 + (int)(seed % 6),
		                                 1 + (int)(seed % 3));
		mkg_captive *c = NULL;

		assert_int_equal(mkg_captive_new(&c, m, NULL), MKG_OK);
		for (size_t x = 0; x < mkg_model_actor_count(m); x++) {
			const char *id = read_actor(m, x).id;
			mkg_shock *s = NULL;
			char *got, *expect;

			assert_int_equal(shock_new(&s, m, &id, 1), MKG_OK);
			got = stranded_text(s);
			expect = captive_text(c, id);
			if (strcmp(got, expect) != 0)
				fail_msg("seed %u, remove %s: stranded %s, captive %s", (unsigned)seed, id,
				         got, expect);
			for (size_t i = 0; i < mkg_captive_count(c); i++)
				if (strcmp(mkg_captive_at(c, i)->actor, id) == 0)
					assert_true(fabs(mkg_captive_at(c, i)->supply -
					                 mkg_shock_stranded_supply(s)) <=
					            1e-12 * mkg_shock_stranded_supply(s));
			g_free(got);
			g_free(expect);
			mkg_shock_free(s);
		}
		mkg_captive_free(c);
		mkg_model_free(m);
	}
}

/* Removing several actors at once: the flow after matches brute force. */
static void
test_random_group_exits(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 30; seed++) {
		mkg_model *m = flow_random_model(seed * 101, 10, 7, 3);
		size_t na = mkg_model_actor_count(m);
		const char *ids[3];
		uint64_t st = seed;
		mkg_shock *s = NULL;
		brute_flow b;

		for (int i = 0; i < 3; i++)
			ids[i] = read_actor(m, (size_t)(fixture_rand(&st) % na)).id;
		assert_int_equal(shock_new(&s, m, ids, 3), MKG_OK);
		b = brute_max_flow(m, NULL, 0, NULL, 0, ids, 3);
		assert_double_near(mkg_flow_max_flow(mkg_shock_after(s)), b.max_flow,
		                   1e-9 * fmax(1.0, b.total_supply));
		assert_double_near(mkg_flow_total_supply(mkg_shock_after(s)), b.total_supply,
		                   1e-12 * b.total_supply);
		g_ptr_array_free(b.binding, TRUE);
		mkg_shock_free(s);
		mkg_model_free(m);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_diamond),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_merge_point),
		cmocka_unit_test(test_sources_and_sinks),
		cmocka_unit_test(test_empty_and_duplicates),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_random_single_exits),
		cmocka_unit_test(test_random_exits_match_captive),
		cmocka_unit_test(test_random_group_exits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
