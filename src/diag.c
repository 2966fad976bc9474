/* diag.c - positioned diagnostics (file:line:col: error: message) collected for one run */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct {
	char *file;
	const char *borrowed;  /* the caller's text, until a diagnostic needs it */
	char *text;            /* our copy; NULL until then */
	size_t len;
	size_t *line_starts;   /* byte offset of each line, so that showing many
	                        * diagnostics costs no walk from the top each */
	size_t n_lines;
} source_text;

struct diag_list {
	diag *items;
	size_t count, cap;
	source_text *sources;
	size_t n_sources;
};

diag_list *diag_list_new(void)
{
	return xcalloc(1, sizeof(diag_list));
}

void diag_list_free(diag_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].file);
		free(l->items[i].message);
		free(l->items[i].hint);
	}
	for (size_t i = 0; i < l->n_sources; i++) {
		free(l->sources[i].file);
		free(l->sources[i].text);
		free(l->sources[i].line_starts);
	}
	free(l->items);
	free(l->sources);
	free(l);
}

void diag_add_source(diag_list *l, const char *file, const char *text, size_t len)
{
	l->sources = xrealloc(l->sources, (l->n_sources + 1) * sizeof(source_text));
	source_text *s = &l->sources[l->n_sources++];
	*s = (source_text){.file = xstrdup(file), .borrowed = text, .len = len};
}

/* A source is copied, and its lines indexed, only once a diagnostic points
 * into it: a bank or an article without problems is never held twice. */
static void keep_source(diag_list *l, const char *file)
{
	if (!file)
		return;
	source_text *s = NULL;
	for (size_t i = l->n_sources; i-- > 0;) {
		if (strcmp(l->sources[i].file, file) == 0) {
			s = &l->sources[i];
			break;
		}
	}
	if (!s || s->text)
		return;
	const char *text = s->borrowed;
	size_t len = s->len;
	s->text = xstrndup(text, len);
	s->borrowed = NULL;
	size_t lines = 1;
	for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + len - p))); p++)
		lines++;
	s->line_starts = xmalloc(lines * sizeof(size_t));
	s->n_lines = 0;
	s->line_starts[s->n_lines++] = 0;
	for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + len - p))); p++)
		s->line_starts[s->n_lines++] = (size_t)(p - text) + 1;
}

diag *diag_add(diag_list *l, diag_severity sev, const char *file, int line, int col,
               const char *fmt, ...)
{
	if (line > 0)
		keep_source(l, file);
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xrealloc(l->items, l->cap * sizeof(diag));
	}
	diag *d = &l->items[l->count++];
	buf msg;
	buf_init(&msg);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	*d = (diag){
		.severity = sev,
		.file = file ? xstrdup(file) : NULL,
		.line = line,
		.col = col,
		.message = buf_detach(&msg),
	};
	return d;
}

void diag_hint(diag *d, const char *fmt, ...)
{
	buf msg;
	buf_init(&msg);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	free(d->hint);
	d->hint = buf_detach(&msg);
}

void diag_promote_warnings(diag_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		if (l->items[i].severity == DIAG_WARNING)
			l->items[i].severity = DIAG_ERROR;
}

size_t diag_count(const diag_list *l)
{
	return l->count;
}

const diag *diag_at(const diag_list *l, size_t i)
{
	return i < l->count ? &l->items[i] : NULL;
}

static size_t count_severity(const diag_list *l, diag_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < l->count; i++)
		n += l->items[i].severity == sev;
	return n;
}

size_t diag_errors(const diag_list *l)
{
	return count_severity(l, DIAG_ERROR);
}

size_t diag_warnings(const diag_list *l)
{
	return count_severity(l, DIAG_WARNING);
}

void diag_locate(const char *text, size_t len, size_t offset, int *line, int *col)
{
	int ln = 1, cl = 1;
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			ln++;
			cl = 1;
		} else if ((c & 0xC0) != 0x80) {
			cl++;
		}
	}
	*line = ln;
	*col = cl;
}

static const source_text *find_source(const diag_list *l, const char *file)
{
	if (!file)
		return NULL;
	for (size_t i = l->n_sources; i-- > 0;)
		if (strcmp(l->sources[i].file, file) == 0)
			return l->sources[i].text ? &l->sources[i] : NULL;
	return NULL;
}

/* Shows the offending line and a caret. The caret is placed by display
 * width, so it stands under the right character even after wide ones. */
static void format_source_line(const source_text *src, int line, int col, buf *out)
{
	const char *end = src->text + src->len;
	if ((size_t)line > src->n_lines)
		return;
	const char *p = src->text + src->line_starts[line - 1];
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	if (eol > p && eol[-1] == '\r')
		eol--;
	/* Very long lines (a 1 MiB prompt) are not shown; nor is an empty one,
	 * which a caret would point at nothing in (an empty file). */
	size_t line_len = (size_t)(eol - p);
	if (line_len > 4096 || line_len == 0)
		return;
	buf shown, before;
	buf_init(&shown);
	buf_init(&before);
	text_sanitize(p, line_len, &shown);
	size_t prefix = text_offset_of_column(p, line_len, col > 0 ? col - 1 : 0);
	text_sanitize(p, prefix, &before);
	int width = text_width(before.ptr, before.len);
	buf_puts(out, "    ");
	buf_append(out, shown.ptr, shown.len);
	buf_puts(out, "\n    ");
	for (int i = 0; i < width; i++)
		buf_putc(out, ' ');
	buf_puts(out, "^\n");
	buf_release(&shown);
	buf_release(&before);
}

void diag_format(const diag_list *l, bool color, buf *out)
{
	static const char *names[] = {"error", "warning", "note"};
	static const char *colors[] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};
	for (size_t i = 0; i < l->count; i++) {
		const diag *d = &l->items[i];
		buf loc;
		buf_init(&loc);
		if (d->file) {
			text_sanitize(d->file, strlen(d->file), &loc);
			if (d->line > 0) {
				buf_printf(&loc, ":%d", d->line);
				if (d->col > 0)
					buf_printf(&loc, ":%d", d->col);
			}
			buf_puts(&loc, ": ");
		}
		if (color)
			buf_puts(out, "\033[1m");
		buf_append(out, loc.ptr, loc.len);
		if (color)
			buf_printf(out, "%s%s:\033[0m ", colors[d->severity], names[d->severity]);
		else
			buf_printf(out, "%s: ", names[d->severity]);
		text_sanitize(d->message, strlen(d->message), out);
		buf_putc(out, '\n');
		buf_release(&loc);
		const source_text *src = find_source(l, d->file);
		if (src && d->line > 0)
			format_source_line(src, d->line, d->col, out);
		if (d->hint) {
			buf_puts(out, "    hint: ");
			text_sanitize(d->hint, strlen(d->hint), out);
			buf_putc(out, '\n');
		}
	}
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* Edit distance with adjacent transpositions. */
static size_t spelling_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 64 || m > 64)
		return SIZE_MAX;
	size_t d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	}
	return d[n][m];
}

const char *diag_suggest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_distance = SIZE_MAX;
	size_t len = strlen(word);
	for (size_t i = 0; i < n; i++) {
		size_t dist = spelling_distance(word, candidates[i]);
		if (dist < best_distance) {
			best_distance = dist;
			best = candidates[i];
		}
	}
	size_t allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	if (best && best_distance <= allowed && best_distance < len)
		return best;
	for (size_t i = 0; i < n; i++)
		if (strlen(candidates[i]) >= 4 && strstr(word, candidates[i]))
			return candidates[i];
	return NULL;
}
