/* sections.h - an article cut into sections for reading: heading to heading, or about a screen */
#ifndef RECALL_SECTIONS_H
#define RECALL_SECTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

/* A section is a run of top-level blocks of the article's document: it
 * starts at a heading, or where the one before grew longer than the size
 * asked for (a long stretch of text with no heading is cut between blocks).
 * The nodes belong to the article's document and live as long as it does
 * (until article_drop_document or article_free); the strings live until
 * sections_free. */
typedef struct {
	cmark_node *first;
	cmark_node *stop;          /* the block after the last; NULL at the end */
	int first_paragraph;       /* the ¶ numbers it holds; both 0 when it has none */
	int last_paragraph;
	const char *heading;       /* the plain text of the heading that opens it; NULL */
} section;

typedef struct {
	section *items;
	size_t count;
} section_list;

/* Cuts the article into sections of at most about `max_bytes` of text each
 * (0: heading to heading only). An article with no blocks has no sections. */
section_list *sections_split(const article *a, size_t max_bytes);
void sections_free(section_list *l);

/* The section holding paragraph ¶`paragraph`; SIZE_MAX when none does. */
size_t sections_of_paragraph(const section_list *l, int paragraph);

/* The first section whose heading is `name`: its text compared with case,
 * spacing and punctuation ignored, or its slug (lower case, words joined by
 * '-', as in a Markdown anchor). SIZE_MAX when none is. */
size_t sections_find_heading(const section_list *l, const char *name);

/* Reads a pin as a bank writes it (`after: ¶12`, or `after: p12`):
 * returns the paragraph number, or 0 when `text` names a heading instead. */
int sections_pin_paragraph(const char *text);

#endif
