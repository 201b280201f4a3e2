/* Helpers of the M4P tests (facilitation, value, inclusiveness, groups):
 * models from JSON text or from tests/data, failing the test when the
 * importer refuses them.
 *
 * The shared fixture tests/data/m4p-programmes.json (volume in t, money in
 * USD, period 2010):
 *
 *   t1 p1 -> tr  maize 100 t  1000      fA prog1 temporary linkages  actors p1 p4
 *   t2 p2 -> tr  maize  50 t   600         2008..2011, fade_out, cost 1000 (prog1 pays)
 *   t3 p3 -> pr  maize  50 t   500      fB prog2 temporary linkages  actors p1 p2, tx t4
 *   t4 tr -> pr  maize 150 t  2400         ..2012-06, commercial to pr, cost 2000
 *   t5 pr -> em  flour 100 t  5000         (prog2 0.5, pr 0.3, p2 0.2)
 *   t6 biz -> tr transport (service) 200 fC prog1 temporary capacity_building  actors p2
 *   t7 p4 -> pr  maize  40 t   400         no dates, no exit, no cost
 *                                       fD ngo1 temporary information  tx t3
 *   households: p1 100, p2 50, p4 30,      ..2010, public to prog2 (a programme)
 *   p5 20 (p5 does not trade)           fE biz commercial brokerage  actors tr, cost 500 (biz)
 *                                       fF agency public information  actors em p5, cost 300
 *
 * Markets by volume: flour 2010 (100 t), maize 2010 (390 t), transport 2010
 * (service; its only transaction has no volume: total 0).
 *
 * SPDX-License-Identifier: MIT */
#ifndef M4P_FIXTURE_H
#define M4P_FIXTURE_H

#include <marketgraph.h>

#include <glib.h>
#include <string.h>

static inline mkg_model *
m4p_load(const char *json)
{
	mkg_model *m = NULL;

	if (mkg_json_read_buffer(&m, json, strlen(json)) != MKG_OK)
		g_error("fixture: %s", mkg_error_message());
	return m;
}

static inline mkg_model *
m4p_load_file(const char *name)
{
	char *path = g_build_filename(MKG_TEST_DATA, name, NULL);
	mkg_model *m = NULL;

	if (mkg_json_read_file(&m, path) != MKG_OK)
		g_error("fixture %s: %s", path, mkg_error_message());
	g_free(path);
	return m;
}

/* The shared fixture. */
static inline mkg_model *
m4p_programmes(void)
{
	return m4p_load_file("m4p-programmes.json");
}

/* A document with these actors, transactions, facilitation and memberships
 * (each the text inside the array's brackets). */
static inline mkg_model *
m4p_doc(const char *actors, const char *transactions, const char *facilitation,
        const char *memberships)
{
	char *json = g_strdup_printf("{\"format\": \"marketgraph\", \"version\": 1, "
	                             "\"period\": \"2010\", \"actors\": [%s], "
	                             "\"transactions\": [%s], \"facilitation\": [%s], "
	                             "\"memberships\": [%s]}",
	                             actors, transactions ? transactions : "",
	                             facilitation ? facilitation : "",
	                             memberships ? memberships : "");
	mkg_model *m = m4p_load(json);

	g_free(json);
	return m;
}

/* A model with one case of each support rule (docs/analyses.md, "Which
 * transactions a record supports"), worked in test-exit-simulation.c:
 * inp -> f1 seed (ta, named by "credit", finance), f1 -> ex (tb), f2 -> ex
 * (tc), ex -> eu (td), f2 -> tr (te), f3 -> tr (tf) coffee; "train"
 * capacity_building names f1 f2, "link" linkages names ex, "reg" public
 * regulation names f2; the three temporary records end 2010. */
#if defined(__GNUC__)
__attribute__((unused))
#endif
static const char *const m4p_rule_actors =
	"{\"id\": \"f1\", \"kind\": \"producer\"}, {\"id\": \"f2\", \"kind\": \"producer\"}, "
	"{\"id\": \"f3\", \"kind\": \"producer\"}, {\"id\": \"tr\", \"kind\": \"trader\"}, "
	"{\"id\": \"ex\", \"kind\": \"exporter\"}, {\"id\": \"eu\", \"kind\": \"end_market\"}, "
	"{\"id\": \"inp\", \"kind\": \"input_supplier\"}, "
	"{\"id\": \"prog\", \"kind\": \"programme\"}, {\"id\": \"gov\", \"kind\": "
	"\"public_agency\"}";
#if defined(__GNUC__)
__attribute__((unused))
#endif
static const char *const m4p_rule_txs =
	"{\"id\": \"ta\", \"seller\": \"inp\", \"buyer\": \"f1\", \"commodity\": \"seed\", "
	"\"volume\": 10}, "
	"{\"id\": \"tb\", \"seller\": \"f1\", \"buyer\": \"ex\", \"commodity\": \"coffee\", "
	"\"volume\": 100}, "
	"{\"id\": \"tc\", \"seller\": \"f2\", \"buyer\": \"ex\", \"commodity\": \"coffee\", "
	"\"volume\": 50}, "
	"{\"id\": \"td\", \"seller\": \"ex\", \"buyer\": \"eu\", \"commodity\": \"coffee\", "
	"\"volume\": 140}, "
	"{\"id\": \"te\", \"seller\": \"f2\", \"buyer\": \"tr\", \"commodity\": \"coffee\", "
	"\"volume\": 20}, "
	"{\"id\": \"tf\", \"seller\": \"f3\", \"buyer\": \"tr\", \"commodity\": \"coffee\", "
	"\"volume\": 40}";
#if defined(__GNUC__)
__attribute__((unused))
#endif
static const char *const m4p_rule_fac =
	"{\"id\": \"train\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
	"\"function\": \"capacity_building\", \"targets\": {\"actors\": [\"f1\", \"f2\"]}, "
	"\"end\": \"2010\", \"exit\": \"fade_out\"}, "
	"{\"id\": \"link\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
	"\"function\": \"linkages\", \"targets\": {\"actors\": [\"ex\"]}, "
	"\"end\": \"2010\", \"exit\": \"fade_out\"}, "
	"{\"id\": \"credit\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
	"\"function\": \"finance\", \"targets\": {\"transactions\": [\"ta\"]}, "
	"\"end\": \"2010\", \"exit\": \"fade_out\"}, "
	"{\"id\": \"reg\", \"facilitator\": \"gov\", \"type\": \"public\", \"function\": "
	"\"regulation\", \"targets\": {\"actors\": [\"f2\"]}}";

/* Whether |a - b| <= 1e-9 (both NaN counts as equal). */
static inline int
m4p_near(double a, double b)
{
	if (a != a || b != b)
		return a != a && b != b;
	return a - b <= 1e-9 && b - a <= 1e-9;
}

#define assert_near(a, b)                                                             \
	do {                                                                          \
		double a_ = (a), b_ = (b);                                            \
		if (!m4p_near(a_, b_))                                                \
			fail_msg("%s = %.17g, expected %.17g", #a, a_, b_);           \
	} while (0)

#define assert_nan(a) assert_true((a) != (a))

#endif /* M4P_FIXTURE_H */
