/* marketgraph: the market map laid out for a printed page (dot-page-private.h).
 *
 * Why compact fonts and a scale rather than fonts worked out per map:
 * Graphviz scales the fonts with the drawing, and a label-bound layout
 * grows with its fonts, so the size a reader sees hardly depends on the
 * written size; what helps is spacing that does not grow with the fonts
 * (small gaps between columns and nodes, thinner arrows), and drawing less
 * when the estimate says the labels will come out under 7 pt.
 *
 * SPDX-License-Identifier: MIT */
#include "core-private.h"
#include "dot-page-private.h"

#include <math.h>
#include <string.h>

/* Space left blank on each side of the page, inches (about 1 cm). */
#define PAGE_MARGIN 0.4
/* Graphviz's spacing on a page map, inches: between columns, between
 * the nodes of a column (dot draws some edges' bends between them). */
#define PAGE_RANKSEP 0.45
#define PAGE_NODESEP 0.05
/* An average Helvetica character is about 0.55 em wide. */
#define ALONG_SLACK 1.2
#define ACROSS_SLACK 1.1
#define CHAR_EM 0.55

static const mkg__dot_page pages[] = {
	{ "a4-landscape", 11.69, 8.27 },
	{ "a4-portrait", 8.27, 11.69 },
	{ "a3-landscape", 16.54, 11.69 },
	{ "letter-landscape", 11.0, 8.5 },
};

static const mkg__dot_style screen = {
	16, 8, 13, 16, 28, 1.0, 1.5, 0.4, 0.7, 9, "0.12,0.05", 0,
};

static const mkg__dot_style paper = {
	9, 2, 8, 9, 14, 0.5, 0.6, 0.2, 0.1, 4, "0.06,0.02", 18,
};

int
mkg__dot_page_find(const char *name, const mkg__dot_page **page)
{
	*page = NULL;
	if (name == NULL || strcmp(name, "none") == 0)
		return MKG_OK;
	for (size_t i = 0; i < G_N_ELEMENTS(pages); i++)
		if (strcmp(name, pages[i].name) == 0) {
			*page = &pages[i];
			return MKG_OK;
		}
	return mkg__error(MKG_EINVAL, "dot: unknown page \"%s\" (the pages: a4-landscape, "
	                  "a4-portrait, a3-landscape, letter-landscape, none)", name);
}

const mkg__dot_style *
mkg__dot_style_for(const mkg__dot_page *page)
{
	return page != NULL ? &paper : &screen;
}

static const char *
inches(char *buf, size_t size, double v)
{
	return g_ascii_formatd(buf, (int)size, "%.2f", v);
}

void
mkg__dot_graph_attrs(GString *out, const mkg__dot_page *page, const mkg__dot_style *s,
                     int down)
{
	char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

	if (page == NULL) {
		g_string_append(out, "rankdir=LR, newrank=true, ranksep=1.2, nodesep=0.3, "
		                     "splines=true, pad=0.3, ");
	} else {
		/* size with "!": the drawing scaled up or down to fill the page
		 * inside its margins */
		g_string_append_printf(out, "rankdir=%s, newrank=true, ranksep=%g, nodesep=%g, "
		                       "splines=true, size=\"%s,", down ? "TB" : "LR",
		                       PAGE_RANKSEP, PAGE_NODESEP,
		                       inches(w, sizeof w, page->width - 2 * PAGE_MARGIN));
		g_string_append_printf(out, "%s!\", ratio=compress, margin=%g, center=true, "
		                       "pad=0, ", inches(h, sizeof h, page->height - 2 * PAGE_MARGIN),
		                       PAGE_MARGIN);
	}
	g_string_append_printf(out, "fontname=\"Helvetica\", labelloc=t, labeljust=l, "
	                       "outputorder=edgesfirst, fontsize=%g, forcelabels=true",
	                       s->legend_pt);
}

char *
mkg__dot_wrap(const mkg__dot_style *s, const char *name, size_t *lines, size_t *longest)
{
	char *t = g_strdup(name);
	size_t n = 1, most = 0, line = 0;   /* characters on the line so far */

	for (char *p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		if (*p == '\n') {
			most = MAX(most, line);
			line = 0;
			n++;
			continue;
		}
		if (*p == ' ' && s->wrap > 0 && line > 0) {
			/* the next word: would it pass the line's width? */
			size_t word = 0;
			for (const char *q = p + 1; *q != '\0' && *q != ' ' && *q != '\n';
			     q = g_utf8_next_char(q))
				word++;
			if (line + 1 + word > s->wrap) {
				*p = '\n';
				most = MAX(most, line);
				line = 0;
				n++;
				continue;
			}
		}
		line++;
	}
	if (lines != NULL)
		*lines = n;
	if (longest != NULL)
		*longest = MAX(most, line);
	return t;
}

void
mkg__dot_node_size(const mkg__dot_style *s, double r, size_t name_lines, size_t name_chars,
                   size_t lines, size_t line_chars, double *width, double *height)
{
	double name_pt = s->name_pt + s->name_grow * r;
	double text_w = MAX(name_chars * name_pt * 1.1, line_chars * s->detail_pt) * CHAR_EM / 72;
	double text_h = (name_lines * name_pt + lines * s->detail_pt) * 1.2 / 72;

	/* the label's margins: 0.06 in each side, 0.02 above and below (paper) */
	*width = MAX(s->base_w + s->grow_w * r, text_w + 0.12);
	*height = MAX(s->base_h + s->grow_h * r, text_h + 0.04);
}

void
mkg__dot_column_add(mkg__dot_column *c, double width, double height)
{
	c->max_w = MAX(c->max_w, width);
	c->max_h = MAX(c->max_h, height);
	c->sum_w += width;
	c->sum_h += height;
	c->n++;
}

double
mkg__dot_page_scale(const mkg__dot_page *page, const mkg__dot_style *s, int columns,
                    const mkg__dot_column *col, size_t legend_lines, size_t legend_chars,
                    int down)
{
	double across = 0, along = 0;   /* along the columns, across them */
	double legend_h = s->title_pt * 1.3 / 72 + legend_lines * (s->legend_pt * 1.2 + 6) / 72;
	double legend_w = legend_chars * s->legend_pt * CHAR_EM / 72;
	double w, h;
	int used = 0;

	for (int c = 0; c < columns; c++) {
		if (col[c].n == 0)
			continue;
		if (down) {   /* columns are rows: their nodes side by side */
			along = MAX(along, col[c].sum_w + (col[c].n - 1) * PAGE_NODESEP);
			across += col[c].max_h;
		} else {
			along = MAX(along, col[c].sum_h + (col[c].n - 1) * PAGE_NODESEP);
			across += col[c].max_w;
		}
		used++;
	}
	if (used > 1)
		across += (used - 1) * PAGE_RANKSEP;
	/* dot needs more room than the nodes: arrows between the nodes of a
	 * column, bends; these slacks were measured on the examples and
	 * generated models of 40 to 300 actors (dot -Tplain) */
	along *= ALONG_SLACK;
	across *= ACROSS_SLACK;
	w = down ? along : across;
	h = down ? across : along;
	w = MAX(w, legend_w);
	h += legend_h;
	if (!(w > 0) || !(h > 0))
		return 1;
	return MIN((page->width - 2 * PAGE_MARGIN) / w, (page->height - 2 * PAGE_MARGIN) / h);
}
