/* marketgraph: HHI threshold sets of competition authorities, as data.
 *
 * Every guideline below words its classes the same way: "below X"
 * unconcentrated, "between X and Y" moderately concentrated, "above Y" (or
 * "in excess of Y") highly concentrated, so X and Y themselves are moderate.
 * docs/analyses.md quotes the sources.
 *
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"

#include <string.h>

static const mkg_thresholds builtin[] = {
	{ MKG_THRESHOLDS_VERSION, "us2023",
	  "U.S. DOJ & FTC Merger Guidelines (2023), section 2.1", 1000.0, 1800.0 },
	{ MKG_THRESHOLDS_VERSION, "us2010",
	  "U.S. DOJ & FTC Horizontal Merger Guidelines (2010), section 5.3", 1500.0, 2500.0 },
	{ MKG_THRESHOLDS_VERSION, "us1992",
	  "U.S. DOJ & FTC Horizontal Merger Guidelines (1992, rev. 1997), section 1.51", 1000.0,
	  1800.0 },
	{ MKG_THRESHOLDS_VERSION, "eu2004",
	  "EU Guidelines on the assessment of horizontal mergers (2004/C 31/03), points 19-20",
	  1000.0, 2000.0 },
};

static const char *const class_names[] = {
	"empty", "unconcentrated", "moderately_concentrated", "highly_concentrated", "fringe"
};

const char *
mkg_concentration_class_name(mkg_concentration_class cls)
{
	return (unsigned)cls < G_N_ELEMENTS(class_names) ? class_names[cls] : NULL;
}

MKG_DEFINE_INIT(mkg_thresholds_init, mkg_thresholds, t, MKG_THRESHOLDS)

size_t
mkg_thresholds_count(void)
{
	return G_N_ELEMENTS(builtin);
}

const mkg_thresholds *
mkg_thresholds_at(size_t i)
{
	return i < G_N_ELEMENTS(builtin) ? &builtin[i] : NULL;
}

const mkg_thresholds *
mkg_thresholds_find(const char *name)
{
	char quoted[MKG_QUOTE_BUFSIZE];

	for (size_t i = 0; name != NULL && i < G_N_ELEMENTS(builtin); i++)
		if (strcmp(builtin[i].name, name) == 0)
			return &builtin[i];
	mkg__error(MKG_ENOTFOUND,
	           "unknown threshold set %s (known: us2023, us2010, us1992, eu2004)",
	           name ? mkg__quote(quoted, name) : "(null)");
	return NULL;
}

mkg_concentration_class
mkg_thresholds_classify(const mkg_thresholds *t, double hhi)
{
	if (t == NULL || isnan(hhi))
		return MKG_CLASS_EMPTY;
	if (mkg__above(hhi, t->high))
		return MKG_CLASS_HIGHLY_CONCENTRATED;
	if (mkg__below(hhi, t->moderate))
		return MKG_CLASS_UNCONCENTRATED;
	return MKG_CLASS_MODERATELY_CONCENTRATED;
}

int
mkg__thresholds_resolve(const char *name, const mkg_thresholds *custom, mkg_thresholds *out)
{
	char quoted[MKG_QUOTE_BUFSIZE];

	if (custom != NULL) {
		if (custom->version != MKG_THRESHOLDS_VERSION)
			return mkg__error(MKG_EINVAL, "thresholds: unknown version %u",
			                  custom->version);
		/* !(a <= b) also catches NaN */
		if (!(custom->moderate >= 0.0) || !(custom->moderate <= custom->high) ||
		    !(custom->high <= 10000.0))
			return mkg__error(MKG_EINVAL, "thresholds: boundaries must satisfy "
			                  "0 <= moderate <= high <= 10000, got %g and %g",
			                  custom->moderate, custom->high);
		*out = *custom;
		if (out->name == NULL)
			out->name = "custom";
		return MKG_OK;
	}
	if (name == NULL) {
		*out = builtin[0];
		return MKG_OK;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(builtin); i++) {
		if (strcmp(builtin[i].name, name) == 0) {
			*out = builtin[i];
			return MKG_OK;
		}
	}
	return mkg__error(MKG_EINVAL,
	                  "thresholds: unknown threshold set %s (known: us2023, us2010, "
	                  "us1992, eu2004)",
	                  mkg__quote(quoted, name));
}
