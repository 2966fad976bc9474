/* sections.c - an article cut into sections for reading: heading to heading, or about a screen */
#include "sections.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The text of a node's inlines, without markup. */
static void plain_text(cmark_node *n, buf *out)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
			const char *lit = cmark_node_get_literal(c);
			if (lit)
				buf_puts(out, lit);
		} else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			buf_putc(out, ' ');
		}
	}
	cmark_iter_free(it);
}

/* The paragraphs a block holds and the bytes of their text. */
static size_t block_paragraphs(const article *a, cmark_node *block, int *first, int *last)
{
	size_t bytes = 0;
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH)
			continue;
		const article_paragraph *p = article_paragraph_of(a, c);
		if (!p)
			continue;
		if (!*first)
			*first = p->number;
		*last = p->number;
		bytes += p->len;
	}
	cmark_iter_free(it);
	return bytes;
}

section_list *sections_split(const article *a, size_t max_bytes)
{
	section_list *l = xcalloc(1, sizeof *l);
	size_t cap = 0, bytes = 0;
	cmark_node *doc = article_document(a);
	for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
		bool heading = cmark_node_get_type(b) == CMARK_NODE_HEADING;
		if (!l->count || heading || (max_bytes && bytes >= max_bytes)) {
			if (l->count)
				l->items[l->count - 1].stop = b;
			if (l->count == cap) {
				cap = cap ? cap * 2 : 16;
				l->items = xrealloc(l->items, cap * sizeof *l->items);
			}
			section *s = &l->items[l->count++];
			memset(s, 0, sizeof *s);
			s->first = b;
			bytes = 0;
			if (heading) {
				buf text;
				buf_init(&text);
				plain_text(b, &text);
				s->heading = buf_detach(&text);
			}
		}
		section *s = &l->items[l->count - 1];
		bytes += block_paragraphs(a, b, &s->first_paragraph, &s->last_paragraph);
	}
	return l;
}

void sections_free(section_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		free((char *)l->items[i].heading);
	free(l->items);
	free(l);
}

size_t sections_of_paragraph(const section_list *l, int paragraph)
{
	for (size_t i = 0; paragraph > 0 && i < l->count; i++)
		if (l->items[i].first_paragraph && paragraph >= l->items[i].first_paragraph &&
		    paragraph <= l->items[i].last_paragraph)
			return i;
	return SIZE_MAX;
}

/* Letters and digits only, ASCII letters in lower case, words (runs of
 * them) joined by `join` (0: nothing). Bytes above 0x7f are kept, so any
 * script still compares. */
static void squeeze(const char *s, char join, buf *out)
{
	bool gap = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isalnum(*p) || *p >= 0x80) {
			if (gap && out->len && join)
				buf_putc(out, join);
			gap = false;
			buf_putc(out, (char)tolower(*p));
		} else {
			gap = true;
		}
	}
}

size_t sections_find_heading(const section_list *l, const char *name)
{
	buf want, slug, have;
	buf_init(&want);
	buf_init(&slug);
	buf_init(&have);
	squeeze(name, ' ', &want);
	size_t found = SIZE_MAX;
	for (size_t i = 0; want.len && i < l->count && found == SIZE_MAX; i++) {
		if (!l->items[i].heading)
			continue;
		buf_clear(&have);
		buf_clear(&slug);
		squeeze(l->items[i].heading, ' ', &have);
		squeeze(l->items[i].heading, '-', &slug);
		if (strcmp(have.ptr, want.ptr) == 0 || strcmp(slug.ptr, name) == 0)
			found = i;
	}
	buf_release(&want);
	buf_release(&slug);
	buf_release(&have);
	return found;
}

int sections_pin_paragraph(const char *text)
{
	const char *p = text;
	if (strncmp(p, "\xc2\xb6", 2) == 0)
		p += 2;
	else if (*p == 'p' || *p == 'P')
		p++;
	else
		return 0;
	if (!isdigit((unsigned char)*p))
		return 0;
	long n = 0;
	for (; isdigit((unsigned char)*p) && n < 100000000; p++)
		n = n * 10 + (*p - '0');
	return *p ? 0 : (int)n;
}
