/* marketgraph: the analysis report (docs/report.md).
 *
 * The report is a list of sections in the order of report.md: model,
 * options, concentration, coalitions, dependency, bottlenecks,
 * facilitation, value, inclusiveness, groups, channels.  Adding a section takes four
 * lines, each in report.md order among the others:
 *   1. a field (the section's result object) in struct mkg_report,
 *   2. its computation in mkg_report_new() (and its free in mkg_report_free()),
 *   3. a write call in mkg_report_write_json(),
 *   4. a write call in mkg_report_write_text().
 * A section that is not computed stays NULL and is left out of both
 * outputs: never faked.
 *
 * SPDX-License-Identifier: MIT */
#include "sections-private.h" /* includes m4p- and analysis-private.h */
#include "bottlenecks-report-private.h"
#include "channels-report-private.h"
#include "html-private.h"
#include "findings-private.h"
#include "marketgraph/report.h"
#include "output-private.h"

#include <string.h>

struct mkg_report {
	GStringChunk *strings;        /* owns every string below */

	/* model */
	const char *model_name;       /* NULL when the model has none */
	const char *volume_unit;      /* NULL when none */
	const char *currency;         /* NULL when none */
	size_t actors, transactions, facilitation, memberships;

	/* options */
	mkg_measure measure;
	mkg_thresholds thresholds;
	mkg_levels levels;
	mkg_region_split split;
	const char *exit_date;        /* NULL: no exit simulation */
	const char **coalition;       /* the caller's coalition ids, or NULL */
	size_t coalition_count;
	const char *const *by_tag;    /* copies of the tags that split the value, or NULL */
	size_t by_tag_count;

	GHashTable *labels;           /* actor id -> label escaped for the text */

	/* Sections, in report.md order.  NULL when not computed. */
	mkg_concentration *concentration;
	mkg_coalitions *coalitions;
	mkg_dependency *dependency;
	mkg_bottlenecks *bottlenecks; /* volumes only, whatever the measure */
	mkg__m4p *m4p;                /* facilitation, value, inclusiveness, groups */
	mkg_channels *channels;       /* marketing channels; in the JSON when it has a chain */
	bool channels_text;           /* and in the text only when asked for (or detail) */
	bool detail;                  /* the long text */
	GPtrArray *findings;          /* the summary: mkg__finding *, findings-private.h */
	unsigned want;                /* the sections asked for (S_BIT below) */
	const char *sections;         /* the caller's list, or NULL for all */
	size_t top;                   /* rows per JSON list; 0: all */
};

MKG_DEFINE_INIT(mkg_report_options_init, mkg_report_options, opts, MKG_REPORT_OPTIONS)

/* Check everything in the options before anything is computed: a failed
 * call changes nothing. */
static int
check_options(const mkg_model *model, const mkg_report_options *o, mkg_thresholds *t,
              GArray **coalition)
{
	char quoted[MKG_QUOTE_BUFSIZE];
	int32_t first, last;
	int rc;

	if ((rc = mkg__check_measure(o->measure)) != MKG_OK ||
	    (rc = mkg__check_levels((int)o->levels)) != MKG_OK ||
	    (rc = mkg__check_region_split((int)o->split_by_region)) != MKG_OK ||
	    (rc = mkg__thresholds_resolve(o->thresholds, NULL, t)) != MKG_OK)
		return rc;
	if (o->exit_date != NULL && !mkg__date_parse(o->exit_date, &first, &last))
		return mkg__error(MKG_EINVAL,
		                  "exit_date: %s is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
		                  mkg__quote(quoted, o->exit_date));
	if (o->coalition_count > 0 && o->coalition == NULL)
		return mkg__error(MKG_EINVAL, "coalition: %zu ids announced but the list is NULL",
		                  o->coalition_count);
	*coalition = NULL;
	if (o->coalition != NULL)
		return mkg__resolve_actor_ids(model, "coalition", o->coalition, o->coalition_count,
		                              coalition);
	return MKG_OK;
}

static const char *
copy(mkg_report *r, const char *s)
{
	return s ? g_string_chunk_insert_const(r->strings, s) : NULL;
}

static void
copy_model(mkg_report *r, const mkg_model *m, bool labels)
{
	r->model_name = copy(r, m->name);
	r->volume_unit = copy(r, m->volume_unit);
	r->currency = copy(r, m->currency);
	r->actors = m->actors->len;
	r->transactions = m->transactions->len;
	r->facilitation = m->facilitation->len;
	r->memberships = m->memberships->len;
	r->labels = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; labels && i < m->actors->len; i++) {
		const mkg_actor_rec *a = MKG_ACTOR(m, i);
		if (a->name != NULL && strcmp(a->name, a->id) != 0) {
			GString *label = g_string_new(NULL);

			mkg__text_escape(label, a->id, false, SIZE_MAX);
			g_string_append(label, " (");
			mkg__text_escape(label, a->name, false, SIZE_MAX);
			g_string_append_c(label, ')');
			g_hash_table_insert(r->labels, (char *)copy(r, a->id),
			                    (char *)copy(r, label->str));
			g_string_free(label, TRUE);
		}
	}
}

static void
copy_options(mkg_report *r, const mkg_report_options *o, const mkg_thresholds *t,
             const GArray *coalition, const mkg_model *m)
{
	r->measure = o->measure;
	r->thresholds = *t;
	r->thresholds.name = copy(r, t->name);
	r->thresholds.source = copy(r, t->source);
	r->levels = o->levels;
	r->split = o->split_by_region;
	r->exit_date = copy(r, o->exit_date);
	if (o->by_tag_count > 0 && o->by_tag != NULL) {
		const char **tags = g_new0(const char *, o->by_tag_count + 1);

		/* NULL or empty tags stay as they are: the value analysis refuses them */
		for (size_t i = 0; i < o->by_tag_count; i++)
			tags[i] = copy(r, o->by_tag[i]);
		r->by_tag = tags;
		r->by_tag_count = o->by_tag_count;
	}
	r->channels_text = o->channels != 0;
	r->detail = o->detail != 0;
	r->sections = copy(r, o->sections);
	r->top = o->top;
	if (coalition != NULL) {
		/* The resolved (deduplicated) coalition, in the caller's order. */
		r->coalition_count = coalition->len;
		r->coalition = g_new0(const char *, coalition->len + 1);
		for (guint i = 0; i < coalition->len; i++)
			r->coalition[i] = copy(r, MKG_ACTOR(m, g_array_index(coalition, mkg_idx, i))->id);
	}
}

/* ---- the sections and their computation ----------------------------------- */

/* The sections a caller can choose, in report.md order; the bit of
 * section i is 1 << i.  weight: the share of the work of a usual model
 * (measured on bench/gen-model.py models, docs/performance.md), for the
 * progress fraction. */
typedef struct section_def {
	const char *name;
	double weight;
} section_def;

enum {
	S_CONCENTRATION, S_COALITIONS, S_DEPENDENCY, S_BOTTLENECKS, S_FACILITATION, S_VALUE,
	S_INCLUSIVENESS, S_GROUPS, S_CHANNELS, S_COUNT
};

static const section_def sections[S_COUNT] = {
	{ "concentration", 2 }, { "coalitions", 1 }, { "dependency", 3 }, { "bottlenecks", 6 },
	{ "facilitation", 1 },  { "value", 2 },      { "inclusiveness", 1 }, { "groups", 1 },
	{ "channels", 3 },
};

#define S_BIT(s) (1u << (s))
#define S_ALL ((1u << S_COUNT) - 1u)

/* "concentration,dependency" into a set of bits.  MKG_EINVAL for an
 * unknown or empty name. */
static int
parse_sections(const char *list, unsigned *out)
{
	char quoted[MKG_QUOTE_BUFSIZE];
	char **names;
	unsigned set = 0;
	int rc = MKG_OK;

	if (list == NULL) {
		*out = S_ALL;
		return MKG_OK;
	}
	names = g_strsplit(list, ",", -1);
	for (size_t i = 0; names[i] != NULL && rc == MKG_OK; i++) {
		size_t s = 0;

		while (s < S_COUNT && strcmp(names[i], sections[s].name) != 0)
			s++;
		if (s < S_COUNT)
			set |= S_BIT(s);
		else
			rc = mkg__error(MKG_EINVAL,
			                "sections: unknown section %s, expected a comma-separated list "
			                "of concentration, coalitions, dependency, bottlenecks, "
			                "facilitation, value, inclusiveness, groups and channels",
			                mkg__quote(quoted, names[i]));
	}
	if (rc == MKG_OK && set == 0)
		rc = mkg__error(MKG_EINVAL, "sections: the list is empty");
	g_strfreev(names);
	if (rc == MKG_OK)
		*out = set;
	return rc;
}

/* The streamed text (mkg_report_text_new): each section's text and its
 * summary's facts, taken as soon as the section is computed, so that its
 * results can be freed; the text is put together at the end in the text's
 * order (mkg_report_write_text), with the summary first. */
typedef struct text_run {
	mkg__labels l;
	mkg__units u;
	GString *part[S_COUNT]; /* one per section, NULL when none */
	mkg__findings *facts;
} text_run;

/* One computation of a report: into r (mkg_report_new) or, when w or t is
 * set, written to w or t section by section, each freed once written. */
typedef struct run {
	mkg_report *r;
	const mkg_model *model;
	mkg_jw *w;              /* NULL: keep every section in r (unless t) */
	text_run *t;            /* NULL: no streamed text */
	unsigned want;          /* the sections asked for (S_BIT) */
	mkg_report_progress_fn progress;
	void *progress_data;
	mkg_bottlenecks_options bottlenecks; /* the defaults and the report's threads */
	double done, total;     /* weights */
	const GArray *coalition;
} run;

/* Tell the caller that section s starts; MKG_ECANCELED if it says stop. */
static int
run_progress(run *x, const char *name, double weight)
{
	double fraction = x->total > 0 ? x->done / x->total : 1;

	x->done += weight;
	if (x->progress == NULL || x->progress(name, fraction > 1 ? 1 : fraction,
	                                       x->progress_data) == 0)
		return MKG_OK;
	return mkg__error(MKG_ECANCELED, "report: canceled by the progress callback before %s",
	                  name);
}

static int
start(run *x, int s)
{
	return run_progress(x, sections[s].name, sections[s].weight);
}

static bool
wants(const run *x, int s)
{
	return (x->want & S_BIT(s)) != 0;
}

/* Each section freed once written (JSON or text). */
static bool
streamed(const run *x)
{
	return x->w != NULL || x->t != NULL;
}

/* The M4P parts of one section, or all the wanted ones. */
static unsigned
m4p_parts(unsigned want)
{
	return ((want & S_BIT(S_FACILITATION)) ? MKG__M4P_FACILITATION : 0u) |
	       ((want & S_BIT(S_VALUE)) ? MKG__M4P_VALUE : 0u) |
	       ((want & S_BIT(S_INCLUSIVENESS)) ? MKG__M4P_INCLUSIVENESS : 0u) |
	       ((want & S_BIT(S_GROUPS)) ? MKG__M4P_GROUPS : 0u);
}

/* M4P parts into *out.  The facilitation mix and the exit simulation have
 * no level: they take the pooled partition, mk itself when levels are
 * pooled.  A pooled total may overflow where no level's does: that fails
 * with the facilitation mix's message. */
static int
m4p_compute(mkg__m4p **out, const mkg_report *r, const mkg_model *model,
            const mkg__markets *mk, unsigned parts, unsigned int threads)
{
	mkg__markets pooled;
	int rc;

	if (r->levels == MKG_LEVELS_POOLED || !(parts & MKG__M4P_FACILITATION))
		return mkg__m4p_compute(out, model, mk, r->concentration, r->exit_date,
		                        r->by_tag, r->by_tag_count, parts);
	if ((rc = mkg__markets_build(&pooled, model, r->measure, MKG_LEVELS_POOLED, r->split,
	                             "facilitation mix", threads)) != MKG_OK)
		return rc;
	rc = mkg__m4p_compute(out, model, &pooled, r->concentration, r->exit_date, r->by_tag,
	                      r->by_tag_count, parts);
	mkg__markets_clear(&pooled);
	return rc;
}

/* The summary, from the results just computed and the model (kinds and
 * households of the actors they name). */
static void
compute_findings(mkg_report *r, const mkg_model *model)
{
	mkg__findings_input in = {
		.model = model,
		.thresholds = &r->thresholds,
		.measure_unit = r->measure == MKG_MEASURE_VALUE ? r->currency : r->volume_unit,
		.currency = r->currency,
		.concentration = r->concentration,
		.coalitions = r->coalitions,
		.dependency = r->dependency,
		.bottlenecks = r->bottlenecks,
		.channels = r->channels,
		.readiness = r->m4p ? mkg__m4p_readiness(r->m4p) : NULL,
		.payments = r->m4p ? mkg__m4p_payments(r->m4p) : NULL,
		.competing = r->m4p ? mkg__m4p_competing(r->m4p) : NULL,
	};

	r->findings = mkg__findings_compute(&in);
}

static void json_header(mkg_jw *w, const mkg_report *r);

/* What every part of the summary is measured on. */
static mkg__findings_input
findings_base(const mkg_report *r, const mkg_model *model)
{
	mkg__findings_input in = {
		.model = model,
		.thresholds = &r->thresholds,
		.measure_unit = r->measure == MKG_MEASURE_VALUE ? r->currency : r->volume_unit,
		.currency = r->currency,
	};

	return in;
}

static GString *
text_part(text_run *t, int s)
{
	if (t->part[s] == NULL)
		t->part[s] = g_string_new(NULL);
	return t->part[s];
}

/* The streamed text: section s's text and facts from what r holds now
 * (the caller frees it), as mkg_report_write_text() writes it. */
static void
text_take(run *x, int s)
{
	mkg_report *r = x->r;
	text_run *t = x->t;
	mkg__findings_input in = findings_base(r, x->model);

	switch (s) {
	case S_CONCENTRATION:
		mkg__concentration_text(text_part(t, s), r->concentration, &t->l, t->u.measure,
		                        r->detail);
		in.concentration = r->concentration;
		break;
	case S_COALITIONS:
		mkg__coalitions_text(text_part(t, s), r->coalitions, &t->l, r->detail);
		in.coalitions = r->coalitions;
		break;
	case S_DEPENDENCY:
		mkg__dependency_text(text_part(t, s), r->dependency, &t->l, r->detail);
		in.dependency = r->dependency;
		break;
	case S_BOTTLENECKS:
		mkg__bottlenecks_text(text_part(t, s), r->bottlenecks, &t->l, r->detail);
		in.bottlenecks = r->bottlenecks;
		break;
	case S_CHANNELS:
		if (r->channels_text || r->detail)
			mkg__channels_text(text_part(t, s), r->channels, &t->l);
		in.channels = r->channels;
		break;
	default:
		return;
	}
	mkg__findings_add(t->facts, &in);
}

/* The same for an M4P part (run_m4p), from one. */
static void
text_take_m4p(run *x, int s, const mkg__m4p *one)
{
	text_run *t = x->t;
	mkg__findings_input in = findings_base(x->r, x->model);

	mkg__m4p_text(text_part(t, s), one, &t->l, &t->u);
	in.readiness = mkg__m4p_readiness(one);
	in.payments = mkg__m4p_payments(one);
	in.competing = mkg__m4p_competing(one);
	mkg__findings_add(t->facts, &in);
}

/* The M4P sections: kept in r, or each written and freed in turn. */
static int
run_m4p(run *x, const mkg__markets *mk)
{
	mkg_report *r = x->r;
	mkg__m4p *early = NULL; /* streaming: the inclusiveness, computed before the value */
	int rc = MKG_OK;

	for (int s = S_FACILITATION; s <= S_GROUPS; s++) {
		mkg__m4p *one = NULL;
		unsigned parts = m4p_parts(S_BIT(s));

		if (!wants(x, s))
			continue;
		if ((rc = start(x, s)) != MKG_OK)
			break;
		/* the households of the inclusiveness overflow before the value's
		 * do (mkg__m4p_compute): that one is reported, as in every report */
		if (s == S_INCLUSIVENESS && wants(x, S_VALUE)) {
			if (x->w != NULL)
				mkg__m4p_write(x->w, early);
			if (x->t != NULL)
				text_take_m4p(x, s, early);
			continue;
		}
		if (s == S_VALUE && wants(x, S_INCLUSIVENESS)) {
			if (!streamed(x))
				parts |= MKG__M4P_INCLUSIVENESS;
			else if ((rc = m4p_compute(&early, r, x->model, mk,
			                           MKG__M4P_INCLUSIVENESS, x->bottlenecks.threads)) != MKG_OK)
				break;
		}
		if (!streamed(x)) {
			rc = m4p_compute(&r->m4p, r, x->model, mk, parts, x->bottlenecks.threads);
		} else if ((rc = m4p_compute(&one, r, x->model, mk, parts,
		                             x->bottlenecks.threads)) == MKG_OK) {
			if (x->w != NULL)
				mkg__m4p_write(x->w, one);
			if (x->t != NULL)
				text_take_m4p(x, s, one);
		}
		mkg__m4p_free(one);
		if (rc != MKG_OK)
			break;
	}
	mkg__m4p_free(early);
	return rc;
}

/* Every section asked for, in report.md order, so that the first sum that
 * overflows is the one reported.  Bottlenecks also fail for a flow network
 * too large for 32-bit arcs.  Whatever is left in r is freed by the
 * caller, on success or failure. */
static int
run_sections(run *x)
{
	mkg_report *r = x->r;
	mkg_jw *w = x->w;
	const GArray *co = x->coalition;
	/* concentration, coalitions, facilitation and groups share one market
	 * partition and the concentration */
	bool markets = (x->want & (S_BIT(S_CONCENTRATION) | S_BIT(S_COALITIONS) |
	                           S_BIT(S_FACILITATION) | S_BIT(S_GROUPS))) != 0;
	mkg__markets mk;
	int rc = MKG_OK;

	if (w != NULL)
		json_header(w, r);
	if (markets) {
		if ((rc = start(x, S_CONCENTRATION)) != MKG_OK ||
		    (rc = mkg__markets_build(&mk, x->model, r->measure, r->levels, r->split,
		                             "concentration", x->bottlenecks.threads)) != MKG_OK)
			return rc;
		rc = mkg__concentration_compute(&r->concentration, x->model, &mk, &r->thresholds,
		                                "concentration", x->bottlenecks.threads);
		if (rc == MKG_OK && w != NULL && wants(x, S_CONCENTRATION)) {
			mkg__jw_key(w, "concentration");
			mkg__concentration_write(w, r->concentration);
		}
		if (rc == MKG_OK && x->t != NULL && wants(x, S_CONCENTRATION))
			text_take(x, S_CONCENTRATION);
		if (rc == MKG_OK && wants(x, S_COALITIONS) && (rc = start(x, S_COALITIONS)) == MKG_OK) {
			r->coalitions = mkg__coalitions_compute(
				x->model, r->concentration,
				co ? (const mkg_idx *)(void *)co->data : NULL, co ? co->len : 0, true);
			if (w != NULL) {
				mkg__jw_key(w, "coalitions");
				mkg__coalitions_write(w, r->coalitions);
			}
			if (x->t != NULL)
				text_take(x, S_COALITIONS);
			if (streamed(x)) {
				mkg_coalitions_free(r->coalitions);
				r->coalitions = NULL;
			}
		}
		if (rc != MKG_OK) {
			mkg__markets_clear(&mk);
			return rc;
		}
	}
	if (wants(x, S_DEPENDENCY)) {
		if ((rc = start(x, S_DEPENDENCY)) != MKG_OK ||
		    (rc = mkg__dependency_compute(&r->dependency, x->model, r->measure,
		                                 x->bottlenecks.threads)) != MKG_OK)
			goto out;
		if (w != NULL) {
			mkg__jw_key(w, "dependency");
			mkg__dependency_write(w, r->dependency);
		}
		if (x->t != NULL)
			text_take(x, S_DEPENDENCY);
		if (streamed(x)) {
			mkg_dependency_free(r->dependency);
			r->dependency = NULL;
		}
	}
	if (wants(x, S_BOTTLENECKS)) {
		if ((rc = start(x, S_BOTTLENECKS)) != MKG_OK ||
		    (rc = mkg_bottlenecks_new(&r->bottlenecks, x->model, &x->bottlenecks)) != MKG_OK)
			goto out;
		if (w != NULL) {
			mkg__jw_key(w, "bottlenecks");
			mkg__bottlenecks_write(w, r->bottlenecks);
		}
		if (x->t != NULL)
			text_take(x, S_BOTTLENECKS);
		if (streamed(x)) {
			mkg_bottlenecks_free(r->bottlenecks);
			r->bottlenecks = NULL;
		}
	}
	if ((rc = run_m4p(x, markets ? &mk : NULL)) != MKG_OK)
		goto out;
	if (wants(x, S_CHANNELS)) {
		if ((rc = start(x, S_CHANNELS)) != MKG_OK ||
		    (rc = mkg_channels_new(&r->channels, x->model, NULL)) != MKG_OK)
			goto out;
		if (w != NULL && mkg_channels_chain_count(r->channels) > 0) {
			mkg__jw_key(w, "channels");
			mkg__channels_write(w, r->channels);
		}
		if (x->t != NULL)
			text_take(x, S_CHANNELS);
		if (streamed(x)) {
			mkg_channels_free(r->channels);
			r->channels = NULL;
		}
	}
	if (w != NULL)
		mkg__jw_end_object(w);
	rc = run_progress(x, "done", 0);
out:
	if (markets)
		mkg__markets_clear(&mk);
	if (streamed(x) || !wants(x, S_CONCENTRATION)) {
		/* computed for the other sections only */
		mkg_concentration_free(r->concentration);
		r->concentration = NULL;
	}
	return rc;
}

/* Check the options and set up a report and a run (nothing computed).
 * keep_labels: the text's labels are needed (mkg_report_new). */
static int
run_init(run *x, const mkg_model *model, const mkg_report_options *opts, bool keep_labels,
         GArray **coalition)
{
	mkg_thresholds t;
	unsigned want;
	int rc;

	if ((rc = check_options(model, opts, &t, coalition)) != MKG_OK)
		return rc;
	if ((rc = parse_sections(opts->sections, &want)) != MKG_OK) {
		if (*coalition != NULL)
			g_array_free(*coalition, TRUE);
		*coalition = NULL;
		return rc;
	}
	memset(x, 0, sizeof *x);
	x->r = g_new0(mkg_report, 1);
	x->r->strings = g_string_chunk_new(4096);
	copy_model(x->r, model, keep_labels);
	copy_options(x->r, opts, &t, *coalition, model);
	x->r->want = want;
	x->model = model;
	x->want = want;
	x->progress = opts->progress;
	x->progress_data = opts->progress_data;
	mkg_bottlenecks_options_init(&x->bottlenecks, MKG_BOTTLENECKS_OPTIONS_VERSION);
	x->bottlenecks.threads = opts->threads;
	x->coalition = *coalition;
	if (want & (S_BIT(S_COALITIONS) | S_BIT(S_FACILITATION) | S_BIT(S_GROUPS)))
		want |= S_BIT(S_CONCENTRATION); /* computed for them, maybe not written */
	for (int s = 0; s < S_COUNT; s++)
		if (want & S_BIT(s))
			x->total += sections[s].weight;
	return MKG_OK;
}

int
mkg_report_new(mkg_report **out, const mkg_model *model, const mkg_report_options *opts)
{
	mkg_report_options o;
	GArray *coalition = NULL;
	run x;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_report_new", mkg_report_options, MKG_REPORT_OPTIONS, opts, &o);
	if ((rc = run_init(&x, model, &o, true, &coalition)) != MKG_OK)
		return rc;
	rc = run_sections(&x);
	if (coalition != NULL)
		g_array_free(coalition, TRUE);
	if (rc != MKG_OK) {
		mkg_report_free(x.r);
		return rc;
	}
	compute_findings(x.r, model);
	*out = x.r;
	return MKG_OK;
}

const GPtrArray *
mkg__report_findings(const mkg_report *r)
{
	return r->findings;
}

int
mkg_report_write_json_file(const mkg_model *model, const mkg_report_options *opts,
                           const char *path)
{
	mkg_report_options o;
	GArray *coalition = NULL;
	mkg_output file = { NULL, NULL, -1 };
	int fd = 1, err;
	run x;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_report_write_json_file", mkg_report_options,
	                    MKG_REPORT_OPTIONS, opts, &o);
	if ((rc = run_init(&x, model, &o, false, &coalition)) != MKG_OK)
		return rc;
	if (path != NULL) {
		if ((err = mkg__output_open(&file, path)) != 0) {
			rc = mkg__error(MKG_EIO, "%s: cannot write: %s", path, g_strerror(err));
			goto out;
		}
		fd = file.fd;
	}
	x.w = mkg__jw_new_fd(fd);
	mkg__jw_set_top(x.w, x.r->top);
	rc = run_sections(&x);
	if (rc != MKG_OK) {
		mkg__jw_abandon(x.w);
		mkg__output_abort(&file);
		goto out;
	}
	if ((rc = mkg__jw_finish(x.w, NULL, NULL)) != MKG_OK) {
		mkg__output_abort(&file);
		if (rc == MKG_EIO)
			rc = mkg__error(MKG_EIO, "%s: cannot write: %s",
			                path ? path : "<stdout>",
			                mkg_error_message() + strlen("write error: "));
		goto out;
	}
	if (path != NULL && (err = mkg__output_commit(&file)) != 0)
		rc = mkg__error(MKG_EIO, "%s: cannot write: %s", path, g_strerror(err));
out:
	if (coalition != NULL)
		g_array_free(coalition, TRUE);
	mkg_report_free(x.r);
	return rc;
}

void
mkg_report_free(mkg_report *r)
{
	if (r == NULL)
		return;
	mkg_concentration_free(r->concentration);
	mkg_coalitions_free(r->coalitions);
	mkg_dependency_free(r->dependency);
	mkg_bottlenecks_free(r->bottlenecks);
	mkg__m4p_free(r->m4p);
	mkg_channels_free(r->channels);
	if (r->findings != NULL)
		g_ptr_array_unref(r->findings);
	g_hash_table_destroy(r->labels);
	g_free(r->coalition);
	g_free((gpointer)r->by_tag);
	g_string_chunk_free(r->strings);
	g_free(r);
}

/* ---- JSON ---------------------------------------------------------------- */

static void
json_model(mkg_jw *w, const mkg_report *r)
{
	mkg__jw_key(w, "model");
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "name", r->model_name);
	mkg__jw_kint(w, "actors", (int64_t)r->actors);
	mkg__jw_kint(w, "transactions", (int64_t)r->transactions);
	mkg__jw_kint(w, "facilitation", (int64_t)r->facilitation);
	mkg__jw_kint(w, "memberships", (int64_t)r->memberships);
	mkg__jw_end_object(w);
}

static void
json_options(mkg_jw *w, const mkg_report *r)
{
	mkg__jw_key(w, "options");
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "measure", mkg_measure_name(r->measure));
	mkg__jw_kstring(w, "thresholds", r->thresholds.name);
	mkg__jw_kbool(w, "split_by_region", r->split != MKG_REGION_NONE);
	mkg__jw_kstring(w, "region_split", mkg__region_split_name(r->split));
	mkg__jw_kstring(w, "levels", mkg__levels_name(r->levels));
	mkg__jw_kstring(w, "exit_date", r->exit_date);
	/* only when asked for: the default report's bytes stay as they were */
	if (r->sections != NULL)
		mkg__jw_kstring(w, "sections", r->sections);
	if (r->top > 0)
		mkg__jw_kint(w, "top", (int64_t)r->top);
	mkg__jw_key(w, "coalition");
	if (r->coalition == NULL) {
		mkg__jw_null(w);
	} else {
		mkg__jw_begin_array(w, true);
		for (size_t i = 0; i < r->coalition_count; i++)
			mkg__jw_string(w, r->coalition[i]);
		mkg__jw_end_array(w);
	}
	mkg__jw_key(w, "by_tag");
	if (r->by_tag == NULL) {
		mkg__jw_null(w);
	} else {
		mkg__jw_begin_array(w, true);
		for (size_t i = 0; i < r->by_tag_count; i++)
			mkg__jw_string(w, r->by_tag[i]);
		mkg__jw_end_array(w);
	}
	mkg__jw_end_object(w);
}

/* The report object's opening: what, which model, which options. */
static void
json_header(mkg_jw *w, const mkg_report *r)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "report", "marketgraph");
	mkg__jw_kint(w, "version", 1);
	json_model(w, r);
	json_options(w, r);
}

int
mkg_report_write_json(const mkg_report *report, char **out, size_t *len)
{
	const mkg_report *r = report;
	mkg_jw *w;

	MKG_CHECK_ARG(report);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__jw_set_top(w, r->top);
	json_header(w, r);
	if (r->concentration != NULL) {
		mkg__jw_key(w, "concentration");
		mkg__concentration_write(w, r->concentration);
	}
	if (r->coalitions != NULL) {
		mkg__jw_key(w, "coalitions");
		mkg__coalitions_write(w, r->coalitions);
	}
	if (r->dependency != NULL) {
		mkg__jw_key(w, "dependency");
		mkg__dependency_write(w, r->dependency);
	}
	if (r->bottlenecks != NULL) {
		mkg__jw_key(w, "bottlenecks");
		mkg__bottlenecks_write(w, r->bottlenecks);
	}
	if (r->m4p != NULL)
		mkg__m4p_write(w, r->m4p);
	if (r->channels != NULL && mkg_channels_chain_count(r->channels) > 0) {
		mkg__jw_key(w, "channels");
		mkg__channels_write(w, r->channels);
	}
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}

/* ---- text ---------------------------------------------------------------- */

/* The title, then the summary: the findings that matter, at most
 * MKG_SUMMARY_LINES lines, so that the first ten lines tell the story. */
static void
text_summary(GString *out, const mkg_report *r, mkg__labels *l)
{
	g_string_append_printf(out, "Market analysis: %s\n",
	                       r->model_name ? mkg__text(l, r->model_name) : "(unnamed model)");
	for (guint i = 0; i < r->findings->len; i++) {
		const mkg__finding *f = g_ptr_array_index(r->findings, i);
		g_string_append_printf(out, "%s\n", f->text);
	}
}

static void
text_model(GString *out, const mkg_report *r)
{
	g_string_append_printf(out,
	                       "\nModel: %zu actors, %zu transactions, %zu facilitation records, "
	                       "%zu memberships\n",
	                       r->actors, r->transactions, r->facilitation, r->memberships);
}

/* Each band with the guideline that defines it: the 2023 U.S. guidelines
 * define only "highly concentrated". */
static void
text_thresholds(GString *out, const mkg_report *r, mkg__labels *l)
{
	const mkg_thresholds *t = &r->thresholds;
	const char *high = mkg__band_source(t, MKG_CLASS_HIGHLY_CONCENTRATED, true);
	const char *lower = mkg__band_source(t, MKG_CLASS_MODERATELY_CONCENTRATED, true);
	char hi[64], mid[64], lo[64];

	mkg__band_words(hi, t, MKG_CLASS_HIGHLY_CONCENTRATED);
	mkg__band_words(mid, t, MKG_CLASS_MODERATELY_CONCENTRATED);
	mkg__band_words(lo, t, MKG_CLASS_UNCONCENTRATED);
	g_string_append_printf(out, "Thresholds: %s: HHI %s highly concentrated", mkg__text(l, t->name), hi);
	if (high != NULL && lower != NULL && strcmp(high, lower) != 0) {
		g_string_append_printf(out, " (%s); %s moderately concentrated and %s "
		                       "unconcentrated (%s)\n", mkg__text(l, high), mid, lo,
		                       mkg__text(l, lower));
		return;
	}
	g_string_append_printf(out, ", %s moderately concentrated, %s unconcentrated", mid, lo);
	if (t->source != NULL)
		g_string_append_printf(out, " (%s)", mkg__text(l, t->source));
	g_string_append_c(out, '\n');
}

static void
text_options(GString *out, const mkg_report *r, mkg__labels *l)
{
	const char *unit = mkg__text(l, r->measure == MKG_MEASURE_VALUE ? r->currency
	                                                                : r->volume_unit);

	g_string_append_printf(out, "Measure: %s%s%s%s\n", mkg_measure_name(r->measure),
	                       unit ? " (" : "", unit ? unit : "", unit ? ")" : "");
	text_thresholds(out, r, l);
	g_string_append_printf(out, "Markets: commodity x %speriod%s\n",
	                       r->levels == MKG_LEVELS_POOLED ? "" : "level x ",
	                       r->split == MKG_REGION_SELLER  ? " x seller's region"
	                       : r->split == MKG_REGION_BUYER ? " x buyer's region"
	                                                      : "");
	if (r->levels == MKG_LEVELS_POOLED)
		g_string_append(out, "Levels of trade pooled: farm-gate sales and resales are one "
		                     "market\n");
	if (r->exit_date != NULL)
		g_string_append_printf(out, "Programme exits simulated at: %s\n",
		                       mkg__text(l, r->exit_date));
	if (r->coalition != NULL) {
		g_string_append(out, "Coalition tested:");
		for (size_t i = 0; i < r->coalition_count; i++)
			g_string_append_printf(out, "%s %s", i ? "," : "",
			                       mkg__label(l, r->coalition[i]));
		g_string_append_c(out, '\n');
	}
}

/* The labels of r's text, and its units: model strings too, escaped once
 * for every section. */
static void
text_labels(const mkg_report *r, mkg__labels *l, mkg__units *u)
{
	l->labels = r->labels;
	l->model = NULL;
	l->escaped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	u->volume = mkg__text(l, r->volume_unit);
	u->currency = mkg__text(l, r->currency);
	u->measure = r->measure == MKG_MEASURE_VALUE ? u->currency : u->volume;
}

/* The text's opening: the title, the summary, the model and the options. */
static GString *
text_head(const mkg_report *r, mkg__labels *l)
{
	GString *s = g_string_new(NULL);

	text_summary(s, r, l);
	text_model(s, r);
	text_options(s, r, l);
	return s;
}

int
mkg_report_write_text(const mkg_report *report, char **out, size_t *len)
{
	const mkg_report *r = report;
	mkg__labels l;
	mkg__units u;
	GString *s;

	MKG_CHECK_ARG(report);
	MKG_CHECK_ARG(out);
	text_labels(r, &l, &u);
	s = text_head(r, &l);
	/* An analyst's order: who has market power, who depends on whom, what
	 * limits delivery and who holds producers captive, where the produce
	 * goes and what the farmer gets, then the programmes (m4p-report.c).
	 * mkg_report_text_new() puts its parts in the same order. */
	if (r->concentration != NULL)
		mkg__concentration_text(s, r->concentration, &l, u.measure, r->detail);
	if (r->coalitions != NULL)
		mkg__coalitions_text(s, r->coalitions, &l, r->detail);
	if (r->dependency != NULL)
		mkg__dependency_text(s, r->dependency, &l, r->detail);
	if (r->bottlenecks != NULL)
		mkg__bottlenecks_text(s, r->bottlenecks, &l, r->detail);
	if (r->channels != NULL && (r->channels_text || r->detail))
		mkg__channels_text(s, r->channels, &l);
	if (r->m4p != NULL)
		mkg__m4p_text(s, r->m4p, &l, &u);
	mkg__labels_clear(&l);
	if (len != NULL)
		*len = s->len;
	*out = g_string_free(s, FALSE);
	return MKG_OK;
}

int
mkg_report_text_new(const mkg_model *model, const mkg_report_options *opts, char **out,
                    size_t *len)
{
	/* the text's order of the sections (mkg_report_write_text); the M4P
	 * parts in mkg__m4p_text()'s: the facilitation part holds the exit
	 * simulation, which comes after the inclusiveness */
	static const int order[S_COUNT] = {
		S_CONCENTRATION, S_COALITIONS, S_DEPENDENCY, S_BOTTLENECKS, S_CHANNELS,
		S_VALUE, S_INCLUSIVENESS, S_FACILITATION, S_GROUPS,
	};
	mkg_report_options o;
	GArray *coalition = NULL;
	text_run t;
	GString *s;
	run x;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	MKG_RESOLVE_OPTIONS("mkg_report_text_new", mkg_report_options, MKG_REPORT_OPTIONS,
	                    opts, &o);
	if ((rc = run_init(&x, model, &o, false, &coalition)) != MKG_OK)
		return rc;
	memset(&t, 0, sizeof t);
	text_labels(x.r, &t.l, &t.u);
	/* the labels the text prints, made as it prints them */
	t.l.labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	t.l.model = model;
	t.facts = mkg__findings_new();
	x.t = &t;
	rc = run_sections(&x);
	if (coalition != NULL)
		g_array_free(coalition, TRUE);
	x.r->findings = mkg__findings_finish(t.facts);
	s = rc == MKG_OK ? text_head(x.r, &t.l) : NULL;
	for (int i = 0; i < S_COUNT; i++) {
		GString *part = t.part[order[i]];
		if (part != NULL && s != NULL)
			g_string_append_len(s, part->str, (gssize)part->len);
		if (part != NULL)
			g_string_free(part, TRUE);
	}
	mkg__labels_clear(&t.l);
	g_hash_table_destroy(t.l.labels);
	mkg_report_free(x.r);
	if (rc != MKG_OK)
		return rc;
	if (len != NULL)
		*len = s->len;
	*out = g_string_free(s, FALSE);
	return MKG_OK;
}

/* ---- the report's parts, for the HTML and CSV writers (html-private.h) ---- */

void
mkg__report_view_get(const mkg_report *r, mkg__report_view *v)
{
	memset(v, 0, sizeof *v);
	v->model_name = r->model_name;
	v->volume_unit = r->volume_unit;
	v->currency = r->currency;
	v->actors = r->actors;
	v->transactions = r->transactions;
	v->facilitation = r->facilitation;
	v->memberships = r->memberships;
	v->measure = r->measure;
	v->thresholds = &r->thresholds;
	v->levels = r->levels;
	v->split = r->split;
	v->exit_date = r->exit_date;
	v->coalition = r->coalition;
	v->coalition_count = r->coalition_count;
	v->concentration = r->concentration;
	v->coalitions = r->coalitions;
	v->dependency = r->dependency;
	v->bottlenecks = r->bottlenecks;
	v->channels = r->channels;
	v->findings = r->findings;
	if (r->m4p != NULL)
		mkg__m4p_view_get(r->m4p, v);
}
