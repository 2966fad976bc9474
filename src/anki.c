/* anki.c - a compiled quiz as Anki's plain-text import file */
#include "anki.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "text.h"

/* A field of one line of the import file, as HTML: a line break of its
 * own would end the note, a tab the field. */
static void html(buf *out, const char *s, size_t len)
{
	buf escaped;
	buf_init(&escaped);
	escape_html(&escaped, s, len);
	for (size_t i = 0; i < escaped.len; i++) {
		char c = escaped.ptr[i];
		if (c == '\n') {
			buf_puts(out, "<br>");
		} else if (c == '&' && strncmp(escaped.ptr + i, "&#39;", 5) == 0) {
			/* Text, not an attribute: an apostrophe reads better as it is
			 * (a typed "&#39;" is "&amp;#39;" by now). */
			buf_putc(out, '\'');
			i += 4;
		} else if (c == '\t') {
			buf_putc(out, ' ');
		} else {
			buf_putc(out, c);
		}
	}
	buf_release(&escaped);
}

static void h(buf *out, const char *s)
{
	html(out, s, s ? strlen(s) : 0);
}

/* Fields hold no tab, newline or quote once written by html(), so none
 * needs CSV quoting. */
static void field_end(buf *out, bool last)
{
	buf_puts(out, last ? "\n" : "\t");
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The strings in an order that does not give the answer away. */
static const char **sorted_copy(const char *const *items, size_t n)
{
	const char **copy = xmalloc((n ? n : 1) * sizeof *copy);
	memcpy(copy, items, n * sizeof *copy);
	qsort(copy, n, sizeof *copy, compare_strings);
	return copy;
}

static void passage(buf *out, const quiz *q, const quiz_question *qq)
{
	const article *a = quiz_article(q);
	if (!a || !qq->source.paragraph ||
	    (size_t)qq->source.paragraph > article_paragraph_count(a))
		return;
	const article_paragraph *p = article_paragraph_at(a, (size_t)qq->source.paragraph - 1);
	if (!p || !p->text)
		return;
	size_t start = qq->source.start, end = qq->source.end;
	if (start > end || end > p->len)
		start = end = 0;
	buf_puts(out, "<br><br><i>");
	html(out, p->text, start);
	buf_puts(out, "<b>");
	html(out, p->text + start, end - start);
	buf_puts(out, "</b>");
	html(out, p->text + end, p->len - end);
	buf_printf(out, "</i> (¶%d)", qq->source.paragraph);
}

static void tags(buf *out, const quiz_question *qq)
{
	buf_puts(out, quiz_kind_name(qq->kind));
	for (size_t i = 0; i < qq->tags.count; i++) {
		buf_putc(out, ' ');
		for (const char *p = qq->tags.items[i]; *p; p++)
			buf_putc(out, *p == ' ' || *p == '\t' || *p == '\n' ? '_' : *p);
	}
}

static unsigned long title_hash(const char *s)
{
	unsigned long h = 5381;
	for (; *s; s++)
		h = (h * 33) ^ (unsigned char)*s;
	return h & 0xffffffffUL;
}

static void cloze_text(buf *out, const quiz_question *qq)
{
	const char *p = qq->prompt;
	size_t n = 0;
	for (;;) {
		const char *open = strstr(p, "{{");
		const char *close = open ? strstr(open + 2, "}}") : NULL;
		if (!close) {
			h(out, p);
			return;
		}
		html(out, p, (size_t)(open - p));
		const quiz_blank *b = n < qq->n_blanks ? &qq->blanks[n] : NULL;
		buf_printf(out, "{{c%zu::", ++n);
		if (b && b->answers.count)
			h(out, b->answers.items[0]);
		buf_puts(out, "}}");
		p = close + 2;
	}
}

void anki_export(const quiz *q, buf *out)
{
	buf_puts(out, "#separator:tab\n#html:true\n#notetype column:1\n#deck:");
	for (const char *p = quiz_title(q); *p; p++)
		buf_putc(out, *p == '\n' || *p == '\t' ? ' ' : *p);
	buf_puts(out, "\n#tags column:4\n#guid column:5\n");
	unsigned long th = title_hash(quiz_title(q));
	for (size_t i = 0; i < quiz_question_count(q); i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		if (qq->kind == QUIZ_CLOZE) {
			buf_puts(out, "Cloze\t");
			cloze_text(out, qq);
			field_end(out, false);
			if (qq->explain)
				h(out, qq->explain);
			passage(out, q, qq);
		} else {
			buf_puts(out, "Basic\t");
			if (qq->kind == QUIZ_CLAIM)
				buf_puts(out, "True or false: ");
			h(out, qq->prompt);
			if (qq->kind == QUIZ_CHOICE) {
				for (size_t k = 0; k < qq->choices.count; k++) {
					buf_printf(out, "<br>(%c) ", (char)('a' + (k % 26)));
					h(out, qq->choices.items[k]);
				}
			} else if (qq->kind == QUIZ_ORDER) {
				const char **items = sorted_copy(qq->items.items, qq->items.count);
				buf_puts(out, "<br>Put in order:");
				for (size_t k = 0; k < qq->items.count; k++) {
					buf_puts(out, "<br>• ");
					h(out, items[k]);
				}
				free(items);
			} else if (qq->kind == QUIZ_MATCH) {
				const char **rights = xmalloc((qq->n_pairs ? qq->n_pairs : 1) * sizeof *rights);
				for (size_t k = 0; k < qq->n_pairs; k++)
					rights[k] = qq->pairs[k].right;
				qsort(rights, qq->n_pairs, sizeof *rights, compare_strings);
				for (size_t k = 0; k < qq->n_pairs; k++) {
					buf_printf(out, "<br>%zu. ", k + 1);
					h(out, qq->pairs[k].left);
				}
				buf_puts(out, "<br>with:");
				for (size_t k = 0; k < qq->n_pairs; k++) {
					buf_printf(out, "<br>(%c) ", (char)('a' + (k % 26)));
					h(out, rights[k]);
				}
				free(rights);
			}
			field_end(out, false);
			h(out, qq->answer_text);
			if (qq->kind == QUIZ_CLAIM && !qq->claim.truth && qq->claim.correction) {
				buf_puts(out, " — ");
				h(out, qq->claim.correction);
			}
			if (qq->explain) {
				buf_puts(out, "<br><br>");
				h(out, qq->explain);
			}
			passage(out, q, qq);
		}
		field_end(out, false);
		tags(out, qq);
		field_end(out, false);
		buf_printf(out, "recall-%08lx-", th);
		for (const char *p = qq->id; *p; p++)
			buf_putc(out, *p == '\t' || *p == '\n' ? '_' : *p);
		field_end(out, true);
	}
}
