/* marketgraph: the CSV tokenizer (RFC 4180 and the extensions of
 * docs/interop.md).  One pass over the input, no recursion; memory is one
 * row.
 * SPDX-License-Identifier: MIT */
#include "csv-private.h"
#include "core-private.h"

#include <string.h>

static int csv_fail(const mkg_csv_parser *p, size_t line, size_t column, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);

static int
csv_fail(const mkg_csv_parser *p, size_t line, size_t column, const char *fmt, ...)
{
	va_list ap;
	char *what;
	int rc;

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	rc = mkg__error(MKG_EPARSE, "%s: line %zu, column %zu: %s", p->name, line, column, what);
	g_free(what);
	return rc;
}

/* The character at s[0..n) for a message: 'x', a space, U+00E9 or byte 0xFF. */
static const char *
describe(const char *s, size_t n, char buf[24])
{
	unsigned char c = (unsigned char)s[0];
	gunichar u;

	if (c == ' ')
		return "a space";
	if (c > ' ' && c < 0x7F) {
		g_snprintf(buf, 24, "'%c'", c);
		return buf;
	}
	u = g_utf8_get_char_validated(s, (gssize)(n < 4 ? n : 4));
	if (c >= 0x80 && u < 0x110000)
		g_snprintf(buf, 24, "U+%04X", (unsigned)u);
	else if (c < 0x80)
		g_snprintf(buf, 24, "U+%04X", (unsigned)c);
	else
		g_snprintf(buf, 24, "byte 0x%02X", (unsigned)c);
	return buf;
}

/* The separator that occurs most often outside quotes in the first line. */
static char
detect_separator(const char *data, size_t len, size_t pos)
{
	static const char candidates[] = { ',', ';', '\t' };
	size_t count[3] = { 0, 0, 0 };
	bool quoted = false;
	size_t best = 0;

	for (; pos < len; pos++) {
		char c = data[pos];
		if (c == '"')
			quoted = !quoted; /* a doubled quote toggles twice */
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted)
			for (size_t k = 0; k < 3; k++)
				count[k] += c == candidates[k];
	}
	for (size_t k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return candidates[best];
}

int
mkg__csv_parser_init(mkg_csv_parser *p, const char *name, const char *data, size_t len,
                     char sep)
{
	const unsigned char *u = (const unsigned char *)data;

	memset(p, 0, sizeof *p);
	p->name = name;
	p->data = data;
	p->len = len;
	p->line = 1;
	p->scratch = g_string_sized_new(256);
	p->cells = g_array_new(FALSE, FALSE, sizeof(mkg_csv_cell));
	if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
	                 (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
		return mkg__error(MKG_EPARSE, "%s: the file is UTF-32; save it as UTF-8", name);
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return mkg__error(MKG_EPARSE, "%s: the file is UTF-16; save it as UTF-8 "
		                  "(\"CSV UTF-8\" in Excel)", name);
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		p->pos = 3;
	if (p->pos == len)
		return mkg__error(MKG_EPARSE, "%s: empty file: expected a header row naming the columns",
		                  name);
	p->sep = sep ? sep : detect_separator(data, len, p->pos);
	return MKG_OK;
}

void
mkg__csv_parser_clear(mkg_csv_parser *p)
{
	if (p->scratch)
		g_string_free(p->scratch, TRUE);
	if (p->cells)
		g_array_free(p->cells, TRUE);
	p->scratch = NULL;
	p->cells = NULL;
}

/* Append data[from..to) to the cell, counting the line ends in it (CRLF,
 * LF or a lone CR). */
static void
take(mkg_csv_parser *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (p->data[i] == '\n' || (p->data[i] == '\r' && (i + 1 >= p->len || p->data[i + 1] != '\n')))
			p->line++;
	g_string_append_len(p->scratch, p->data + from, (gssize)(to - from));
}

/* A quoted cell; p->pos is on its opening quote.  Leaves p->pos after the
 * closing one. */
static int
read_quoted(mkg_csv_parser *p, size_t column)
{
	size_t open_line = p->line;
	const char *d = p->data;

	p->pos++;
	for (;;) {
		const char *q = p->pos < p->len ? memchr(d + p->pos, '"', p->len - p->pos) : NULL;
		size_t at = q ? (size_t)(q - d) : p->len;

		take(p, p->pos, at);
		p->pos = at;
		if (q == NULL)
			return csv_fail(p, open_line, column,
			                "quoted cell not closed: the file ends inside it");
		if (at + 1 < p->len && d[at + 1] == '"') {
			g_string_append_c(p->scratch, '"');
			p->pos = at + 2;
			continue;
		}
		p->pos = at + 1;
		break;
	}
	if (p->pos < p->len && d[p->pos] != p->sep && d[p->pos] != '\n' && d[p->pos] != '\r') {
		char buf[24];
		return csv_fail(p, p->line, column,
		                "%s after the closing quote of a quoted cell (a quote inside "
		                "a quoted cell is written twice: \"\")",
		                describe(d + p->pos, p->len - p->pos, buf));
	}
	return MKG_OK;
}

/* An unquoted cell: up to the separator or the end of the line. */
static int
read_plain(mkg_csv_parser *p, size_t column)
{
	const char *d = p->data;
	size_t i = p->pos;

	while (i < p->len && d[i] != p->sep && d[i] != '\n' && d[i] != '\r') {
		if (d[i] == '"')
			return csv_fail(p, p->line, column,
			                "'\"' inside an unquoted cell: quote the whole cell and write "
			                "the quotes inside twice (\"a \"\"b\"\" c\")");
		i++;
	}
	g_string_append_len(p->scratch, d + p->pos, (gssize)(i - p->pos));
	p->pos = i;
	return MKG_OK;
}

/* Check the cells' text: UTF-8, no NUL. */
static int
check_cells(mkg_csv_parser *p)
{
	for (guint k = 0; k < p->cells->len; k++) {
		mkg_csv_cell *c = MKG_CSV_CELL(p, k);
		const char *end;
		char buf[24];

		if (memchr(c->text, '\0', c->len) != NULL)
			return csv_fail(p, c->line, k + 1, "contains a NUL byte");
		if (!g_utf8_validate_len(c->text, c->len, &end))
			return csv_fail(p, c->line, k + 1,
			                "not UTF-8 (%s); save the file as UTF-8 (\"CSV UTF-8\" in Excel)",
			                describe(end, c->len - (size_t)(end - c->text), buf));
	}
	return MKG_OK;
}

int
mkg__csv_next_row(mkg_csv_parser *p)
{
	GArray *starts;
	int rc = MKG_OK;

	if (p->pos >= p->len)
		return 0;
	g_string_truncate(p->scratch, 0);
	g_array_set_size(p->cells, 0);
	p->row_line = p->line;
	/* Offsets first: the scratch string may move while it grows. */
	starts = g_array_new(FALSE, FALSE, sizeof(size_t));
	for (;;) {
		mkg_csv_cell cell = { NULL, 0, p->line, false };
		size_t start = p->scratch->len;
		size_t column = p->cells->len + 1;

		if (p->max_cells > 0 && p->cells->len == p->max_cells) {
			rc = mkg__error(MKG_EPARSE, "%s: line %zu: more than %zu cells (the header has %zu "
			                "columns)", p->name, p->row_line, p->max_cells, p->max_cells);
			break;
		}
		cell.quoted = p->pos < p->len && p->data[p->pos] == '"';
		rc = cell.quoted ? read_quoted(p, column) : read_plain(p, column);
		if (rc != MKG_OK)
			break;
		cell.len = p->scratch->len - start;
		g_string_append_c(p->scratch, '\0');
		g_array_append_val(p->cells, cell);
		g_array_append_val(starts, start);
		if (p->pos < p->len && p->data[p->pos] == p->sep) {
			p->pos++;
			continue;
		}
		/* The end of the row: CRLF, LF, CR or the end of the input. */
		if (p->pos < p->len) {
			if (p->data[p->pos] == '\r' && p->pos + 1 < p->len && p->data[p->pos + 1] == '\n')
				p->pos++;
			p->pos++;
			p->line++;
		}
		break;
	}
	if (rc == MKG_OK) {
		for (guint k = 0; k < p->cells->len; k++)
			MKG_CSV_CELL(p, k)->text = p->scratch->str + g_array_index(starts, size_t, k);
		rc = check_cells(p);
	}
	g_array_free(starts, TRUE);
	return rc == MKG_OK ? 1 : rc;
}
