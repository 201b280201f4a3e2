/* marketgraph: exit readiness of temporary facilitation (analyses.md, 3).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_exit_readiness {
	GStringChunk *strings;
	size_t count;
	size_t unplanned;
	mkg_exit_plan *plans;
};

static const char *const reason_names[MKG_EXIT_REASON_COUNT] = {
	"no_end", "no_exit", "unfit_successor",
};

const char *
mkg_exit_reason_name(mkg_exit_reason reason)
{
	for (int i = 0; i < MKG_EXIT_REASON_COUNT; i++)
		if ((unsigned)reason == 1u << i)
			return reason_names[i];
	return NULL;
}

/* Programmes and NGOs are themselves temporary: handing a function over to
 * one of them postpones the exit instead of planning it. */
static bool
fitting_successor(mkg_actor_kind kind)
{
	return kind != MKG_ACTOR_PROGRAMME && kind != MKG_ACTOR_NGO;
}

static int
by_record(const void *a, const void *b)
{
	return strcmp(((const mkg_exit_plan *)a)->record, ((const mkg_exit_plan *)b)->record);
}

mkg_exit_readiness *
mkg__exit_readiness_compute(const mkg_model *m)
{
	mkg_exit_readiness *r = g_new0(mkg_exit_readiness, 1);
	GArray *plans = g_array_new(FALSE, TRUE, sizeof(mkg_exit_plan));

	r->strings = g_string_chunk_new(1024);
	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		mkg_exit_plan p = { 0 };

		if (f->type != MKG_FACILITATION_TEMPORARY)
			continue;
		p.record = mkg__keep(r->strings, f->id);
		p.facilitator = mkg__keep(r->strings, MKG_ACTOR(m, f->facilitator)->id);
		p.function = (mkg_function)f->function;
		p.end = mkg__keep(r->strings, f->end);
		p.exit = (mkg_exit)f->exit;
		p.successor_kind = MKG_ACTOR_KIND_UNSET;
		if (f->successor != MKG_IDX_NONE) {
			p.successor = mkg__keep(r->strings, MKG_ACTOR(m, f->successor)->id);
			p.successor_kind = MKG_ACTOR(m, f->successor)->kind;
		}
		if (f->end == NULL)
			p.reasons |= MKG_EXIT_REASON_NO_END;
		if (p.exit == MKG_EXIT_NONE)
			p.reasons |= MKG_EXIT_REASON_NO_EXIT;
		/* The importer guarantees a successor for commercial and public exits. */
		if ((p.exit == MKG_EXIT_COMMERCIAL || p.exit == MKG_EXIT_PUBLIC) &&
		    p.successor != NULL && !fitting_successor(p.successor_kind))
			p.reasons |= MKG_EXIT_REASON_UNFIT_SUCCESSOR;
		p.planned = p.reasons == 0;
		r->unplanned += !p.planned;
		g_array_append_val(plans, p);
	}
	g_array_sort(plans, by_record);
	r->count = plans->len;
	r->plans = (mkg_exit_plan *)(void *)g_array_free(plans, FALSE);
	return r;
}

int
mkg_exit_readiness_new(mkg_exit_readiness **out, const mkg_model *model)
{
	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	*out = mkg__exit_readiness_compute(model);
	return MKG_OK;
}

void
mkg_exit_readiness_free(mkg_exit_readiness *r)
{
	if (r == NULL)
		return;
	g_free(r->plans);
	g_string_chunk_free(r->strings);
	g_free(r);
}

size_t
mkg_exit_readiness_count(const mkg_exit_readiness *r)
{
	return r ? r->count : 0;
}

const mkg_exit_plan *
mkg_exit_readiness_at(const mkg_exit_readiness *r, size_t i)
{
	return r && i < r->count ? &r->plans[i] : NULL;
}

size_t
mkg_exit_readiness_unplanned(const mkg_exit_readiness *r)
{
	return r ? r->unplanned : 0;
}

static void
write_reasons(mkg_jw *w, unsigned int reasons)
{
	mkg__jw_key(w, "reasons");
	mkg__jw_begin_array(w, true);
	for (int i = 0; i < MKG_EXIT_REASON_COUNT; i++)
		if (reasons & (1u << i))
			mkg__jw_string(w, reason_names[i]);
	mkg__jw_end_array(w);
}

void
mkg__exit_readiness_write(mkg_jw *w, const mkg_exit_readiness *r)
{
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < r->count; i++) {
		const mkg_exit_plan *p = &r->plans[i];

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "record", p->record);
		mkg__jw_kstring(w, "facilitator", p->facilitator);
		mkg__jw_kstring(w, "function", mkg_function_name(p->function));
		mkg__jw_kstring(w, "end", p->end);
		mkg__jw_kstring(w, "exit", mkg_exit_name(p->exit));
		mkg__jw_kstring(w, "successor", p->successor);
		mkg__jw_kstring(w, "successor_kind", mkg_actor_kind_name(p->successor_kind));
		mkg__jw_kstring(w, "status", p->planned ? "planned" : "unplanned");
		write_reasons(w, p->reasons);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_exit_readiness_write_json(const mkg_exit_readiness *r, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(r);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__exit_readiness_write(w, r);
	return mkg__m4p_finish(w, out, len);
}

/* The text view: unplanned records first, each with its reasons in words. */
void
mkg__exit_readiness_text(GString *out, const mkg_exit_readiness *r, const mkg__labels *l)
{
	static const char *const reason_words[MKG_EXIT_REASON_COUNT] = {
		"no end date", "no exit strategy", "successor is itself a programme or NGO",
	};

	mkg__m4p_heading(out, "Exit readiness of temporary facilitation");
	g_string_append_printf(out, "%zu temporary %s, %zu without a planned exit\n", r->count,
	                       mkg__plural(r->count, "record", "records"), r->unplanned);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < r->count; i++) {
			const mkg_exit_plan *p = &r->plans[i];
			const char *sep = "";

			if (p->planned != (pass == 1))
				continue;
			g_string_append_printf(out, "  %-9s %s (%s, by %s)", p->planned ? "planned"
			                       : "UNPLANNED", p->record, mkg_function_name(p->function),
			                       mkg__label(l, p->facilitator));
			if (p->end != NULL)
				g_string_append_printf(out, ", ends %s", p->end);
			if (p->exit != MKG_EXIT_NONE)
				g_string_append_printf(out, ", exit %s", mkg_exit_name(p->exit));
			if (p->successor != NULL)
				g_string_append_printf(out, " to %s (%s)", mkg__label(l, p->successor),
				                       mkg_actor_kind_name(p->successor_kind));
			if (!p->planned) {
				g_string_append(out, ": ");
				for (int k = 0; k < MKG_EXIT_REASON_COUNT; k++) {
					if (p->reasons & (1u << k)) {
						g_string_append_printf(out, "%s%s", sep, reason_words[k]);
						sep = "; ";
					}
				}
			}
			g_string_append_c(out, '\n');
		}
	}
}
