/* marketgraph: the M4P sections of the report (docs/report.md): one
 * object holding every M4P result, so that the report adds them with one
 * field, one computation and one call per output.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"
#include "html-private.h"

struct mkg__m4p {
	mkg_facilitation_mix *mix;
	mkg_exit_readiness *readiness;
	mkg_competing *competing;
	mkg_payments *payments;
	mkg_exit_simulation *exit_simulation; /* NULL without an exit date */
	mkg_value *value;
	mkg_inclusiveness *inclusiveness;
	mkg_groups *groups;
};

int
mkg__m4p_compute(mkg__m4p **out, const mkg_model *m, const mkg__markets *mk,
                 const mkg_concentration *c, const char *exit_date,
                 const char *const *by_tag, size_t by_tag_count, unsigned parts)
{
	mkg__m4p *x;
	int32_t day;
	int rc;

	/* the sums that can overflow are checked before anything is built */
	if ((parts & MKG__M4P_FACILITATION) &&
	    (rc = mkg__facilitation_costs_check(m, "facilitation mix")) != MKG_OK)
		return rc;
	if (*out == NULL)
		*out = g_new0(mkg__m4p, 1);
	x = *out;
	/* inclusiveness first: its households overflow before the value's do */
	if (((parts & MKG__M4P_INCLUSIVENESS) &&
	     (rc = mkg__inclusiveness_compute(&x->inclusiveness, m)) != MKG_OK) ||
	    ((parts & MKG__M4P_VALUE) &&
	     (rc = mkg__value_compute(&x->value, m, by_tag, by_tag_count)) != MKG_OK) ||
	    ((parts & MKG__M4P_GROUPS) && (rc = mkg__groups_compute(&x->groups, m, c)) != MKG_OK))
		return rc;
	if (parts & MKG__M4P_FACILITATION) {
		x->mix = mkg__facilitation_mix_compute(m, mk);
		x->readiness = mkg__exit_readiness_compute(m);
		x->competing = mkg__competing_compute(m);
		x->payments = mkg__payments_compute(m);
		if (exit_date != NULL && mkg_exit_date_parse(exit_date, &day) == MKG_OK)
			x->exit_simulation = mkg__exit_simulation_compute(m, mk, exit_date, day);
	}
	return MKG_OK;
}

void
mkg__m4p_free(mkg__m4p *x)
{
	if (x == NULL)
		return;
	mkg_facilitation_mix_free(x->mix);
	mkg_exit_readiness_free(x->readiness);
	mkg_competing_free(x->competing);
	mkg_payments_free(x->payments);
	mkg_exit_simulation_free(x->exit_simulation);
	mkg_value_free(x->value);
	mkg_inclusiveness_free(x->inclusiveness);
	mkg_groups_free(x->groups);
	g_free(x);
}

void
mkg__m4p_write(mkg_jw *w, const mkg__m4p *x)
{
	if (x->mix == NULL)
		goto value;
	mkg__jw_key(w, "facilitation");
	mkg__jw_begin_object(w, false);
	mkg__jw_key(w, "mix");
	mkg__facilitation_mix_write(w, x->mix);
	mkg__jw_key(w, "exit_readiness");
	mkg__exit_readiness_write(w, x->readiness);
	mkg__jw_key(w, "competing");
	mkg__competing_write(w, x->competing);
	mkg__payments_write_members(w, x->payments);
	if (x->exit_simulation != NULL) {
		mkg__jw_key(w, "exit_simulation");
		mkg__exit_simulation_write(w, x->exit_simulation);
	}
	mkg__jw_end_object(w);
value:
	if (x->value != NULL) {
		mkg__jw_key(w, "value");
		mkg__value_write(w, x->value);
	}
	if (x->inclusiveness != NULL) {
		mkg__jw_key(w, "inclusiveness");
		mkg__inclusiveness_write(w, x->inclusiveness);
	}
	if (x->groups != NULL) {
		mkg__jw_key(w, "groups");
		mkg__groups_write(w, x->groups);
	}
}

void
mkg__m4p_text(GString *out, const mkg__m4p *x, mkg__labels *l, const mkg__units *u)
{
	/* Who earns and who is included, then the programmes: what breaks
	 * when they leave, who else works on the same people, who pays, what
	 * they do; then the groups. */
	if (x->value != NULL)
		mkg__value_text(out, x->value, l);
	if (x->inclusiveness != NULL)
		mkg__inclusiveness_text(out, x->inclusiveness, u);
	if (x->exit_simulation != NULL)
		mkg__exit_simulation_text(out, x->exit_simulation, l, u);
	/* a section left out of the report (its sections option) is NULL */
	if (x->mix != NULL) {
		mkg__exit_readiness_text(out, x->readiness, l);
		mkg__competing_text(out, x->competing, l);
		mkg__payments_text(out, x->payments, l, u);
		mkg__facilitation_mix_text(out, x->mix, l, u);
	}
	if (x->groups != NULL)
		mkg__groups_text(out, x->groups, l);
}

void
mkg__m4p_view_get(const mkg__m4p *x, mkg__report_view *v)
{
	v->mix = x->mix;
	v->payments = x->payments;
	v->exit_simulation = x->exit_simulation;
	v->value = x->value;
	v->inclusiveness = x->inclusiveness;
}

/* The parts the report's summary reads (findings.c). */
const mkg_exit_readiness *
mkg__m4p_readiness(const mkg__m4p *x)
{
	return x->readiness;
}

const mkg_payments *
mkg__m4p_payments(const mkg__m4p *x)
{
	return x->payments;
}

const mkg_competing *
mkg__m4p_competing(const mkg__m4p *x)
{
	return x->competing;
}
