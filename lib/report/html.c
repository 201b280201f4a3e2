/* marketgraph: the report as one self-contained HTML page (docs/report.md,
 * "HTML report"): mkg_report_write_html(), `marketgraph report`.
 *
 * The page needs nothing but itself: styles, the map, the charts (inline
 * SVG drawn here, so no Graphviz is needed and the bytes do not depend on
 * what is installed) and the few lines of script that sort the tables.
 * Without script the tables are complete, in the report's order.  Every
 * model string goes through mkg__html_escape(); numbers are rounded for
 * people and carry their full value in data-v, on which columns sort.
 *
 * SPDX-License-Identifier: MIT */
#include "html-private.h"
#include "model-private.h"
#include "marketgraph/version.h"

#include <math.h>
#include <string.h>

MKG_DEFINE_INIT(mkg_report_html_options_init, mkg_report_html_options, opts,
                MKG_REPORT_HTML_OPTIONS)

static const char style[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
	"color:#1a1a1a;background:#fff;margin:0 auto;max-width:1200px;padding:16px 24px}\n"
	"h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:2px solid #3b6e8f;"
	"padding-bottom:2px;margin-top:1.6em}h3{font-size:1.05em}\n"
	".meta,.note{color:#555}.note{margin:.2em 0 .6em}\n"
	"dl.options{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:.5em 0}"
	"dl.options dt{font-weight:600}dl.options dd{margin:0}\n"
	"nav ul{columns:3;padding-left:1.2em;margin:.4em 0}\n"
	"ul.findings li{margin:.25em 0}.warn{color:#b10026;font-weight:600}\n"
	"table{border-collapse:collapse;margin:.4em 0 1em;font-size:.9em}\n"
	"th,td{border:1px solid #ccc;padding:3px 7px;vertical-align:top}\n"
	"th{background:#eef3f7;text-align:left;cursor:pointer;user-select:none}\n"
	"th[aria-sort=ascending]::after{content:' \\25B2'}"
	"th[aria-sort=descending]::after{content:' \\25BC'}\n"
	"td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tbody tr:nth-child(even){background:#f8f8f8}\n"
	".scroll{overflow-x:auto}.figure{margin:.6em 0 1.2em}svg{max-width:100%;height:auto}\n"
	"svg text{font-family:system-ui,'DejaVu Sans',sans-serif}\n"
	"footer{margin-top:2em;color:#666;font-size:.85em}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}"
	"th{cursor:auto}th::after{content:''!important}h2{break-after:avoid}"
	"tr,.figure{break-inside:avoid}.scroll{overflow:visible}}\n"
	"@page{size:A4;margin:14mm}\n";

/* Sorting: a click (or Enter) on a header sorts by that column, again in
 * the other direction; numbers by data-v, empty cells last. */
static const char script[] =
	"(function(){\n"
	"function sortBy(th){\n"
	" var table=th.closest('table'),body=table.tBodies[0],col=th.cellIndex;\n"
	" var asc=th.getAttribute('aria-sort')!=='ascending',num=th.getAttribute('data-kind')==='n';\n"
	" Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});\n"
	" th.setAttribute('aria-sort',asc?'ascending':'descending');\n"
	" var rows=Array.prototype.slice.call(body.rows);\n"
	" rows.sort(function(a,b){\n"
	"  var x=a.cells[col],y=b.cells[col],p,q;\n"
	"  if(num){p=x.getAttribute('data-v');q=y.getAttribute('data-v');\n"
	"   if(p===null||q===null)return p===q?0:(p===null?1:-1);\n"
	"   p=parseFloat(p);q=parseFloat(q);return asc?p-q:q-p;}\n"
	"  p=x.textContent;q=y.textContent;\n"
	"  if(p===''||q==='')return p===q?0:(p===''?1:-1);\n"
	"  return asc?p.localeCompare(q):q.localeCompare(p);});\n"
	" rows.forEach(function(r){body.appendChild(r);});\n"
	"}\n"
	"Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'),function(th){\n"
	" th.tabIndex=0;th.addEventListener('click',function(){sortBy(th);});\n"
	" th.addEventListener('keydown',function(e){if(e.key==='Enter'){sortBy(th);}});});\n"
	"document.body.setAttribute('data-script','ok');\n"
	"})();\n";

static void
table_html(GString *out, const mkg__table *t)
{
	char buf[MKG_DOUBLE_BUFSIZE];
	size_t rows = mkg__table_rows(t);

	g_string_append_printf(out, "<section id=\"t-%s\">\n<h2>", t->name);
	mkg__html_escape(out, t->title);
	g_string_append_printf(out, "</h2>\n<p class=\"note\">");
	mkg__html_escape(out, t->note);
	g_string_append_printf(out, " <span class=\"meta\">(%zu %s; %s.csv with "
	                       "<code>analyze --format csv</code>)</span></p>\n",
	                       rows, rows == 1 ? "row" : "rows", t->name);
	if (rows == 0) {
		g_string_append(out, "<p class=\"empty\">None.</p>\n</section>\n");
		return;
	}
	g_string_append_printf(out, "<div class=\"scroll\"><table class=\"sortable\" "
	                       "data-table=\"%s\">\n<thead><tr>", t->name);
	for (size_t c = 0; c < t->column_count; c++) {
		g_string_append_printf(out, "<th scope=\"col\" data-kind=\"%s\">",
		                       t->columns[c].kind == MKG__COL_TEXT ? "t" : "n");
		mkg__html_escape(out, t->columns[c].header);
		g_string_append(out, "</th>");
	}
	g_string_append(out, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < rows; r++) {
		g_string_append(out, "<tr>");
		for (size_t c = 0; c < t->column_count; c++) {
			const mkg__cell *x = mkg__table_cell(t, r, c);

			if (x->text != NULL) {
				g_string_append(out, "<td>");
				mkg__html_escape(out, x->text);
			} else if (isnan(x->number)) {
				g_string_append(out, "<td class=\"n\">");
			} else {
				g_string_append_printf(out, "<td class=\"n\" data-v=\"%s\">",
				                       mkg__format_double(buf, x->number));
				mkg__html_number(out, x->number, t->columns[c].kind);
			}
			g_string_append(out, "</td>");
		}
		g_string_append(out, "</tr>\n");
	}
	g_string_append(out, "</tbody></table></div>\n</section>\n");
}

static void
option_row(GString *out, const char *name, const char *value)
{
	g_string_append_printf(out, "<dt>%s</dt><dd>", name);
	mkg__html_escape(out, value);
	g_string_append(out, "</dd>\n");
}

static void
header_html(GString *out, const mkg__report_view *v, const char *date)
{
	char lo[MKG_DOUBLE_BUFSIZE], hi[MKG_DOUBLE_BUFSIZE];
	const char *unit = v->measure == MKG_MEASURE_VALUE ? v->currency : v->volume_unit;
	GString *s = g_string_new(NULL);

	g_string_append(out, "<header>\n<h1>Market analysis: ");
	mkg__html_escape(out, v->model_name ? v->model_name : "(unnamed model)");
	g_string_append(out, "</h1>\n<p class=\"meta\">");
	if (date != NULL) {
		g_string_append(out, "Date: <span id=\"report-date\">");
		mkg__html_escape(out, date);
		g_string_append(out, "</span> &middot; ");
	}
	g_string_append_printf(out, "Model: %zu actors, %zu transactions, %zu facilitation "
	                       "records, %zu memberships</p>\n<dl class=\"options\">\n",
	                       v->actors, v->transactions, v->facilitation, v->memberships);
	g_string_printf(s, "%s%s%s%s", mkg_measure_name(v->measure), unit ? " (" : "",
	                unit ? unit : "", unit ? ")" : "");
	option_row(out, "Measure", s->str);
	if (v->volume_unit != NULL || v->currency != NULL) {
		g_string_printf(s, "%s%s%s%s%s", v->volume_unit ? "volume in " : "",
		                v->volume_unit ? v->volume_unit : "",
		                v->volume_unit && v->currency ? ", " : "",
		                v->currency ? "money in " : "", v->currency ? v->currency : "");
		option_row(out, "Units", s->str);
	}
	g_string_printf(s, "%s: HHI below %s unconcentrated, %s to %s moderately concentrated, "
	                "above %s highly concentrated", v->thresholds->name,
	                mkg__text_number(lo, v->thresholds->moderate), lo,
	                mkg__text_number(hi, v->thresholds->high), hi);
	option_row(out, "Thresholds", s->str);
	g_string_printf(s, "commodity x %speriod%s", v->levels == MKG_LEVELS_POOLED ? "" : "level x ",
	                v->split == MKG_REGION_SELLER  ? " x seller's region"
	                : v->split == MKG_REGION_BUYER ? " x buyer's region"
	                                               : "");
	option_row(out, "Markets", s->str);
	if (v->exit_date != NULL)
		option_row(out, "Programme exits simulated at", v->exit_date);
	if (v->coalition != NULL) {
		g_string_truncate(s, 0);
		for (size_t i = 0; i < v->coalition_count; i++)
			g_string_append_printf(s, "%s%s", i ? ", " : "", v->coalition[i]);
		option_row(out, "Coalition tested", s->str);
	}
	g_string_append(out, "</dl>\n");
	g_string_free(s, TRUE);
}

static void
nav_html(GString *out, const mkg__tables *ts, bool map, bool charts)
{
	g_string_append(out, "<nav><ul>\n<li><a href=\"#summary\">Summary</a></li>\n");
	if (map)
		g_string_append(out, "<li><a href=\"#map\">Market map</a></li>\n");
	if (charts)
		g_string_append(out, "<li><a href=\"#charts\">Charts</a></li>\n");
	for (guint i = 0; i < ts->tables->len; i++) {
		const mkg__table *t = g_ptr_array_index(ts->tables, i);

		g_string_append_printf(out, "<li><a href=\"#t-%s\">", t->name);
		mkg__html_escape(out, t->title);
		g_string_append(out, "</a></li>\n");
	}
	g_string_append(out, "</ul></nav>\n</header>\n");
}

int
mkg_report_write_html(const mkg_report *report, const mkg_report_html_options *opts, char **out,
                      size_t *len)
{
	mkg_report_html_options o;
	mkg__report_view v;
	mkg__tables *ts;
	GString *s, *charts;
	const char *date;

	MKG_CHECK_ARG(report);
	MKG_CHECK_ARG(out);
	MKG_RESOLVE_OPTIONS("mkg_report_write_html", mkg_report_html_options,
	                    MKG_REPORT_HTML_OPTIONS, opts, &o);
	mkg__report_view_get(report, &v);
	ts = mkg__tables_build(&v);
	date = o.date != NULL ? o.date : o.model != NULL ? o.model->period : NULL;
	charts = g_string_new(NULL);
	mkg__html_chart_concentration(charts, &v);
	mkg__html_chart_channels(charts, &v);
	mkg__html_chart_payments(charts, &v);

	s = g_string_sized_new(65536);
	g_string_append(s, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	g_string_append_printf(s, "<meta name=\"generator\" content=\"marketgraph %s\">\n<title>",
	                       mkg_version_string());
	g_string_append(s, "Market analysis: ");
	mkg__html_escape(s, v.model_name ? v.model_name : "(unnamed model)");
	g_string_append_printf(s, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	header_html(s, &v, date);
	nav_html(s, ts, o.model != NULL, charts->len > 0);
	g_string_append(s, "<main>\n<section id=\"summary\">\n<h2>Summary</h2>\n");
	mkg__html_summary(s, &v);
	g_string_append(s, "</section>\n");
	if (o.model != NULL) {
		g_string_append(s, "<section id=\"map\">\n<h2>Market map</h2>\n<p class=\"note\">"
		                   "Actors by stage, from producers (left) to end markets (right); "
		                   "supporting actors below.  Arrows as wide as the volume traded; "
		                   "services dashed.  Red outline: holds captive producers; red "
		                   "arrow or box: a binding capacity.</p>\n<div class=\"figure\">\n");
		mkg__html_map(s, o.model, &v);
		g_string_append(s, "</div>\n</section>\n");
	}
	if (charts->len > 0)
		g_string_append_printf(s, "<section id=\"charts\">\n<h2>Charts</h2>\n%s</section>\n",
		                       charts->str);
	for (guint i = 0; i < ts->tables->len; i++)
		table_html(s, g_ptr_array_index(ts->tables, i));
	g_string_append_printf(s, "</main>\n<footer>Written by marketgraph %s (" MKG_PROJECT_URL
	                       ").  The definitions of the numbers are in docs/analyses.md; the "
	                       "tables are the lists of docs/report.md.</footer>\n<script>\n%s"
	                       "</script>\n</body>\n</html>\n", mkg_version_string(), script);
	g_string_free(charts, TRUE);
	mkg__tables_free(ts);
	if (len != NULL)
		*len = s->len;
	*out = g_string_free(s, FALSE);
	return MKG_OK;
}
