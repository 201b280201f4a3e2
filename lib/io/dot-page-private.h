/* marketgraph: the market map laid out for a printed page (dot-page.c).
 *
 * A map drawn for a page (mkg_dot_options.page) uses compact fonts and
 * spacing and asks Graphviz to scale the drawing to the page; since
 * Graphviz scales fonts with everything else, the fonts a reader sees are
 * the written ones times that scale.  The scale is only known after
 * Graphviz's layout, so it is estimated here from the columns' sizes, to
 * warn when the labels would come out too small to read.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_DOT_PAGE_PRIVATE_H
#define MKG_DOT_PAGE_PRIVATE_H

#include <glib.h>
#include <stddef.h>

/* The smallest label size, in points on paper, that people read. */
#define MKG__DOT_MIN_LABEL_PT 7.0

typedef struct mkg__dot_page {
	const char *name;        /* "a4-landscape" ... */
	double width, height;    /* inches */
} mkg__dot_page;

/* Fonts (points) and node sizes (inches) of a map; r in [0, 1] is a node's
 * or an arrow's relative volume. */
typedef struct mkg__dot_style {
	double name_pt, name_grow;   /* a node's name: name_pt + name_grow * r */
	double detail_pt;            /* a node's other lines, arrow labels */
	double legend_pt, title_pt;  /* the legend's text and the title */
	double base_w, grow_w;       /* a node's least width: base_w + grow_w * r */
	double base_h, grow_h;
	double pen_grow;             /* an arrow's width: 1 + pen_grow * r */
	const char *node_margin;     /* DOT margin inside a node */
	size_t wrap;                 /* names broken at spaces into lines of about
	                              * this many characters; 0: never */
} mkg__dot_style;

/* The page named name, or NULL for NULL and "none"; MKG_EINVAL with
 * `dot: unknown page "a5" (the pages: a4-landscape, ...)` otherwise. */
int mkg__dot_page_find(const char *name, const mkg__dot_page **page);

/* The style of a map for page (NULL: the screen map). */
const mkg__dot_style *mkg__dot_style_for(const mkg__dot_page *page);

/* The graph attributes (inside "graph [...]") of a map for page, its
 * columns running down the page (rankdir=TB) when down is nonzero. */
void mkg__dot_graph_attrs(GString *out, const mkg__dot_page *page, const mkg__dot_style *s,
                          int down);

/* name with the spaces where its lines break (s->wrap) made line breaks,
 * in a new string; *lines and *longest (NULL: not wanted) receive its
 * number of lines and the characters of the longest. */
char *mkg__dot_wrap(const mkg__dot_style *s, const char *name, size_t *lines,
                    size_t *longest);

/* The estimated size (inches, unscaled) of a node of relative volume r
 * whose label has a name of name_lines lines of at most name_chars
 * characters and lines more lines of at most line_chars characters. */
void mkg__dot_node_size(const mkg__dot_style *s, double r, size_t name_lines,
                        size_t name_chars, size_t lines, size_t line_chars, double *width,
                        double *height);

/* A column of the map (a stage): its nodes stacked, inches.  The arrows
 * that pass a column take a slot in it too (dot's virtual nodes). */
typedef struct mkg__dot_column {
	double max_w, sum_w, max_h, sum_h;
	size_t n;                /* nodes and passing arrows */
} mkg__dot_column;

/* Add a node (or a passing arrow) of that size to column c. */
void mkg__dot_column_add(mkg__dot_column *c, double width, double height);

/* The estimated scale of the map on page from its columns and the
 * legend's lines (legend_chars: the longest), the columns running across
 * the page (rankdir=LR), or down it when down is nonzero. */
double mkg__dot_page_scale(const mkg__dot_page *page, const mkg__dot_style *s, int columns,
                           const mkg__dot_column *col, size_t legend_lines,
                           size_t legend_chars, int down);

#endif /* MKG_DOT_PAGE_PRIVATE_H */
