/* marketgraph: the charts of the HTML report, as inline SVG: horizontal
 * bars, one row per item, a label on the left, the scale on top.  Every
 * number a person reads (bar value, tooltip, scale) is rounded as the text
 * report rounds it (lib/text/numfmt-human.c); each bar carries its full
 * value in data-v, for programs, as the tables' cells do.
 * SPDX-License-Identifier: MIT */
#include "html-private.h"

#include <math.h>
#include <string.h>

#define LABEL_W 400 /* label column */
#define BAR_W 440   /* the bars' full length */
#define ROW_H 20
#define LABEL_CHARS 62
#define MAX_ROWS 60 /* more are in the tables */

/* How a person reads a chart's numbers, as the text report writes them. */
typedef enum chart_unit {
	UNIT_WHOLE, /* an HHI: "4,689" */
	UNIT_SHARE, /* a fraction as a percentage: "16.1%" */
	UNIT_AMOUNT /* a cost: "890,000" */
} chart_unit;

typedef struct segment {
	double value;
	const char *colour;
	const char *what; /* the tooltip's first words */
} segment;

static const char *
human(char buf[MKG_DOUBLE_BUFSIZE], chart_unit unit, double x)
{
	switch (unit) {
	case UNIT_WHOLE: return mkg__human_integer(buf, x, false);
	case UNIT_SHARE: return mkg__text_percent(buf, x);
	default: return mkg__text_amount(buf, x);
	}
}

static void
chart_start(GString *out, const char *id, const char *title, const char *note, size_t rows)
{
	g_string_append_printf(out, "<div class=\"figure\" id=\"%s\">\n<h3>%s</h3>\n"
	                       "<p class=\"note\">%s</p>\n", id, title, note);
	g_string_append_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	                       "width=\"%d\" height=\"%zu\" viewBox=\"0 0 %d %zu\" font-size=\"12\">\n",
	                       LABEL_W + BAR_W + 70, rows * ROW_H + 30, LABEL_W + BAR_W + 70,
	                       rows * ROW_H + 30);
}

/* Grid lines at 0, 25, 50, 75 and 100% of max, labelled with fmt. */
static void
scale(GString *out, size_t rows, double max, bool percent)
{
	char buf[MKG_DOUBLE_BUFSIZE];

	for (int k = 0; k <= 4; k++) {
		double x = LABEL_W + BAR_W * k / 4.0;

		g_string_append_printf(out, "<line x1=\"%.1f\" y1=\"18\" x2=\"%.1f\" y2=\"%zu\" "
		                       "stroke=\"#ddd\"/>", x, x, rows * ROW_H + 22);
		g_string_append_printf(out, "<text x=\"%.1f\" y=\"13\" text-anchor=\"middle\" "
		                       "fill=\"#555\">%s</text>\n", x,
		                       percent ? (k == 0 ? "0%" : k == 1 ? "25%" : k == 2 ? "50%"
		                                                 : k == 3 ? "75%" : "100%")
		                               : mkg__text_amount(buf, max * k / 4.0));
	}
}

/* One bar of n segments, their tooltips in `unit`; value_text after it. */
static void
row(GString *out, size_t i, const char *label, const segment *segs, size_t n, double max,
    chart_unit unit, const char *value_text)
{
	double y = 22 + (double)i * ROW_H, x = LABEL_W;
	char buf[MKG_DOUBLE_BUFSIZE];

	g_string_append_printf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\"><title>",
	                       LABEL_W - 6, y + 13);
	mkg__html_escape(out, label);
	g_string_append(out, "</title>");
	/* a long label (a channel of many steps) is cut, whole in its tooltip */
	if (g_utf8_validate(label, -1, NULL) && g_utf8_strlen(label, -1) > LABEL_CHARS) {
		GString *cut = g_string_new_len(label, g_utf8_offset_to_pointer(label, LABEL_CHARS - 1) -
		                                               label);
		g_string_append(cut, "\xe2\x80\xa6");
		mkg__html_escape(out, cut->str);
		g_string_free(cut, TRUE);
	} else {
		mkg__html_escape(out, label);
	}
	g_string_append(out, "</text>");
	for (size_t k = 0; k < n; k++) {
		double w = max > 0 && segs[k].value > 0 ? BAR_W * segs[k].value / max : 0;

		if (w <= 0)
			continue;
		g_string_append_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		                       "height=\"%d\" fill=\"%s\" data-v=\"%s\"><title>", x, y + 2, w,
		                       ROW_H - 5, segs[k].colour,
		                       mkg__format_double(buf, segs[k].value));
		mkg__html_escape(out, segs[k].what);
		g_string_append_printf(out, ": %s</title></rect>", human(buf, unit, segs[k].value));
		x += w;
	}
	g_string_append_printf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#333\">", x + 4, y + 13);
	mkg__html_escape(out, value_text);
	g_string_append(out, "</text>\n");
}

static void
chart_end(GString *out, size_t shown, size_t total)
{
	g_string_append(out, "</svg>\n");
	if (shown < total)
		g_string_append_printf(out, "<p class=\"note\">The first %zu of %zu; every one is in "
		                       "the table below.</p>\n", shown, total);
	g_string_append(out, "</div>\n");
}

static void
legend(GString *out, const segment *segs, size_t n)
{
	g_string_append(out, "<p class=\"note\">");
	for (size_t k = 0; k < n; k++) {
		g_string_append_printf(out, "<svg width=\"12\" height=\"12\"><rect width=\"12\" "
		                       "height=\"12\" fill=\"%s\"/></svg> ", segs[k].colour);
		mkg__html_escape(out, segs[k].what);
		g_string_append(out, k + 1 < n ? " &nbsp; " : "");
	}
	g_string_append(out, "</p>\n");
}

static const char *
class_colour(mkg_concentration_class c)
{
	switch (c) {
	case MKG_CLASS_HIGHLY_CONCENTRATED: return "#cb181d";
	case MKG_CLASS_MODERATELY_CONCENTRATED: return "#fd8d3c";
	default: return "#74a9cf";
	}
}

/* Both sides of every goods market with an HHI, in the report's order
 * (commodity, level of trade from the farm gate on, period). */
void
mkg__html_chart_concentration(GString *out, const mkg__report_view *v)
{
	const mkg_concentration *c = v->concentration;
	size_t rows = 0, shown = 0;
	GString *label;
	char buf[MKG_DOUBLE_BUFSIZE];
	segment legend_segs[] = { { 0, "#cb181d", "highly concentrated" },
		                  { 0, "#fd8d3c", "moderately concentrated" },
		                  { 0, "#74a9cf", "unconcentrated" } };

	if (c == NULL)
		return;
	for (size_t i = 0; i < mkg_concentration_market_count(c); i++)
		for (int k = 0; k < 2; k++)
			rows += !mkg_concentration_market_at(c, i)->service &&
			        !isnan(mkg_concentration_side(c, i, (mkg_side)k)->hhi);
	if (rows == 0)
		return;
	label = g_string_new(NULL);
	chart_start(out, "chart-concentration", "Concentration by level of trade",
	            "HHI (0 to 10000) of the sellers and of the buyers of each goods market.",
	            MIN(rows, MAX_ROWS));
	scale(out, MIN(rows, MAX_ROWS), 10000, false);
	for (size_t i = 0; i < mkg_concentration_market_count(c) && shown < MAX_ROWS; i++) {
		const mkg_market *m = mkg_concentration_market_at(c, i);

		for (int k = 0; k < 2 && shown < MAX_ROWS; k++) {
			const mkg_market_side *d = mkg_concentration_side(c, i, (mkg_side)k);
			segment seg = { d->hhi, class_colour(d->concentration), "HHI" };

			if (m->service || isnan(d->hhi))
				continue;
			g_string_printf(label, "%s, %s%s%s: %s", m->commodity,
			                m->level ? m->level : "all levels", m->period ? ", " : "",
			                m->period ? m->period : "",
			                k == MKG_SIDE_SELLER ? "sellers" : "buyers");
			row(out, shown++, label->str, &seg, 1, 10000, UNIT_WHOLE,
			    human(buf, UNIT_WHOLE, d->hhi));
		}
	}
	chart_end(out, shown, rows);
	legend(out, legend_segs, 3);
	g_string_free(label, TRUE);
}

void
mkg__html_chart_channels(GString *out, const mkg__report_view *v)
{
	const mkg_channels *ch = v->channels;
	size_t rows = 0, shown = 0;
	GString *label = g_string_new(NULL);
	char buf[MKG_DOUBLE_BUFSIZE];

	for (size_t i = 0; ch != NULL && i < mkg_channels_chain_count(ch); i++)
		for (size_t j = 0; j < mkg_channels_channel_count(ch, i); j++)
			rows += !isnan(mkg_channels_channel_at(ch, i, j)->farmer_share);
	if (rows > 0) {
		chart_start(out, "chart-channels", "Farmer's share by channel",
		            "The producers' price as a share of the price end markets pay, per "
		            "marketing channel (its share of the chain's volume in brackets).",
		            MIN(rows, MAX_ROWS));
		scale(out, MIN(rows, MAX_ROWS), 1, true);
		for (size_t i = 0; i < mkg_channels_chain_count(ch); i++) {
			for (size_t j = 0; j < mkg_channels_channel_count(ch, i) && shown < MAX_ROWS;
			     j++) {
				const mkg_channel *x = mkg_channels_channel_at(ch, i, j);
				segment seg = { x->farmer_share, "#41ab5d", "farmer's share" };

				if (isnan(x->farmer_share))
					continue;
				g_string_printf(label, "%s: %s (%s)",
				                mkg_channels_chain_at(ch, i)->commodity, x->kinds,
				                mkg__text_percent(buf, x->share));
				row(out, shown++, label->str, &seg, 1, fmax(1, x->farmer_share),
				    UNIT_SHARE, human(buf, UNIT_SHARE, x->farmer_share));
			}
		}
		chart_end(out, shown, rows);
	}
	g_string_free(label, TRUE);
}

void
mkg__html_chart_payments(GString *out, const mkg__report_view *v)
{
	const mkg_payments *p = v->payments;
	size_t rows = 0, shown = 0;
	segment names[] = { { 0, "#2171b5", "users" }, { 0, "#fd8d3c", "facilitator" },
		            { 0, "#969696", "others" }, { 0, "#e0e0e0", "payer not given" } };
	char buf[MKG_DOUBLE_BUFSIZE];

	for (int ty = 0; p != NULL && ty < MKG_FACILITATION_TYPE_COUNT; ty++) {
		const mkg_payment_total *t = mkg_payments_total(p, (mkg_facilitation_type)ty);
		rows += t != NULL && t->cost > 0;
	}
	if (rows == 0)
		return;
	chart_start(out, "chart-payments", "Who pays for facilitation",
	            "Each type's cost split between its users, the facilitator and others "
	            "(the model's currency), as a share of the type's cost.", rows);
	scale(out, rows, 1, true);
	for (int ty = 0; ty < MKG_FACILITATION_TYPE_COUNT; ty++) {
		const mkg_payment_total *t = mkg_payments_total(p, (mkg_facilitation_type)ty);
		segment segs[4];

		if (t == NULL || t->cost <= 0)
			continue;
		memcpy(segs, names, sizeof segs);
		segs[0].value = t->users_amount / t->cost;
		segs[1].value = t->facilitator_amount / t->cost;
		segs[2].value = t->others_amount / t->cost;
		segs[3].value = t->unallocated_amount / t->cost;
		row(out, shown++, mkg_facilitation_type_name(t->type), segs, 4, 1, UNIT_SHARE,
		    human(buf, UNIT_AMOUNT, t->cost));
	}
	chart_end(out, shown, rows);
	legend(out, names, 4);
}
