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

MKG_DEFINE_INIT(mkg_exit_readiness_options_init, mkg_exit_readiness_options, opts,
                MKG_EXIT_READINESS_OPTIONS)

int
mkg_exit_readiness_new(mkg_exit_readiness **out, const mkg_model *model,
                       const mkg_exit_readiness_options *opts)
{
	mkg_exit_readiness_options o;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_exit_readiness_new", mkg_exit_readiness_options,
	                    MKG_EXIT_READINESS_OPTIONS, opts, &o);
	(void)o; /* no option yet: the version is checked */
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
