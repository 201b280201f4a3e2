/* marketgraph: the report layer's writers of the concentration,
 * coalition, dependency and M4P results (facilitation, value,
 * inclusiveness, groups).  Never installed.
 *
 * Each result has a JSON writer, which writes it as one value at the
 * writer's position (the public mkg_X_write_json() and the report both
 * call it), and a text writer for the report's text view.  They read the
 * results through their public accessors.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_SECTIONS_PRIVATE_H
#define MKG_SECTIONS_PRIVATE_H

#include "m4p-private.h" /* includes analysis-private.h */
#include "report-text-private.h"

/* ---- JSON: the value at the writer's position ----------------------------- */

void mkg__concentration_write(mkg_jw *w, const mkg_concentration *c);
void mkg__coalitions_write(mkg_jw *w, const mkg_coalitions *c);
void mkg__dependency_write(mkg_jw *w, const mkg_dependency *d);
void mkg__facilitation_mix_write(mkg_jw *w, const mkg_facilitation_mix *mix);
void mkg__exit_readiness_write(mkg_jw *w, const mkg_exit_readiness *r);
void mkg__exit_simulation_write(mkg_jw *w, const mkg_exit_simulation *s);
void mkg__competing_write(mkg_jw *w, const mkg_competing *c);
/* Two members of the current object: "payments" and "payment_totals". */
void mkg__payments_write_members(mkg_jw *w, const mkg_payments *p);
void mkg__value_write(mkg_jw *w, const mkg_value *v);
void mkg__inclusiveness_write(mkg_jw *w, const mkg_inclusiveness *inc);
void mkg__groups_write(mkg_jw *w, const mkg_groups *g);

/* ---- JSON pieces several sections share (json-rows.c) --------------------- */

/* key: an inline array of n strings (ids, names). */
void mkg__write_ids(mkg_jw *w, const char *key, const char *const *ids, size_t n);
/* A market row as a JSON object, its amount under amount_key. */
void mkg__facilitation_market_write(mkg_jw *w, const mkg_facilitation_market *row,
                                    const char *amount_key);

/* The part of a cost that amount is; absent when there is no cost to share. */
static inline double
mkg__share_of(double amount, double cost)
{
	return cost > 0 ? amount / cost : MKG_ABSENT;
}

/* ---- text views ----------------------------------------------------------- */

/* Units of the text report: NULL members print nothing. */
typedef struct mkg__units {
	const char *measure;  /* the measure's unit (volume unit or currency) */
	const char *volume;   /* the model's volume unit */
	const char *currency; /* the model's currency */
} mkg__units;

/* report-text.c */
/* detail: the long form (every share table, ten rows a list); else one
 * line per market side and five rows a list.  Markets where nothing
 * carries the measure are left out. */
void mkg__concentration_text(GString *out, const mkg_concentration *c, mkg__labels *l,
                             const char *unit, bool detail);
/* Each coalition once, those presumed harmful first. */
void mkg__coalitions_text(GString *out, const mkg_coalitions *c, mkg__labels *l, bool detail);
void mkg__dependency_text(GString *out, const mkg_dependency *d, mkg__labels *l, bool detail);

/* facilitation-text.c, value-text.c, groups-text.c */
void mkg__exit_simulation_text(GString *out, const mkg_exit_simulation *s,
                               mkg__labels *l, const mkg__units *u);
void mkg__exit_readiness_text(GString *out, const mkg_exit_readiness *r, mkg__labels *l);
void mkg__competing_text(GString *out, const mkg_competing *c, mkg__labels *l);
void mkg__payments_text(GString *out, const mkg_payments *p, mkg__labels *l,
                        const mkg__units *u);
void mkg__facilitation_mix_text(GString *out, const mkg_facilitation_mix *mix, mkg__labels *l,
                                const mkg__units *u);
void mkg__value_text(GString *out, const mkg_value *v, mkg__labels *l);
void mkg__inclusiveness_text(GString *out, const mkg_inclusiveness *inc, const mkg__units *u);
void mkg__groups_text(GString *out, const mkg_groups *g, mkg__labels *l);

/* ---- text pieces the M4P sections share (m4p-text-common.c) --------------- */

/* "maize 2010", "maize 2010 Kasese", "transport 2010 (service)". */
void mkg__market_label(GString *out, mkg__labels *l, const mkg_facilitation_market *row);

/* A number for the text, rounded for a person (mkg__human_amount: "13,179",
 * "55.6"), "-" for NaN. */
const char *mkg__text_amount(char buf[MKG_DOUBLE_BUFSIZE], double x);

/* one or many, by n. */
const char *mkg__plural(size_t n, const char *one, const char *many);

/* "12.5%" for a share (mkg__human_percent: 3 significant digits), "-" for
 * NaN; a share of 1e13 or more in exponent form ("1.6e+310%"). */
const char *mkg__text_percent(char buf[MKG_DOUBLE_BUFSIZE], double share);

/* ---- the report's M4P sections (m4p-report.c) ----------------------------- */

/* Every M4P result of one report. */
typedef struct mkg__m4p mkg__m4p;

/* The parts of mkg__m4p_compute (the report's sections). */
enum {
	MKG__M4P_FACILITATION = 1u, /* mix, exit readiness, competing, payments, exit simulation */
	MKG__M4P_VALUE = 2u,
	MKG__M4P_INCLUSIVENESS = 4u,
	MKG__M4P_GROUPS = 8u
};

/* Compute the parts asked for into *out (allocated when NULL; parts
 * already there must not be asked again) on the report's partition and
 * concentration; the exit simulation only when exit_date is not NULL
 * (already checked); the value split by the tags by_tag.  Fails with MKG_EDATA, the message of the analysis,
 * when one of their sums overflows (*out then holds what was computed, for
 * mkg__m4p_free).  Parts not computed stay NULL and are left out of both
 * outputs.  Fails as mkg_value_new() for a bad tag. */
int mkg__m4p_compute(mkg__m4p **out, const mkg_model *m, const mkg__markets *mk,
                     const mkg_concentration *c, const char *exit_date,
                     const char *const *by_tag, size_t by_tag_count, unsigned parts);
void mkg__m4p_free(mkg__m4p *x);
/* The members "facilitation", "value", "inclusiveness" and "groups" of
 * the report object. */
void mkg__m4p_write(mkg_jw *w, const mkg__m4p *x);
/* The text sections, in the order a practitioner reads them. */
void mkg__m4p_text(GString *out, const mkg__m4p *x, mkg__labels *l,
                   const mkg__units *u);

/* The parts the report's summary reads, borrowed. */
const mkg_exit_readiness *mkg__m4p_readiness(const mkg__m4p *x);
const mkg_payments *mkg__m4p_payments(const mkg__m4p *x);
const mkg_competing *mkg__m4p_competing(const mkg__m4p *x);

#endif /* MKG_SECTIONS_PRIVATE_H */
