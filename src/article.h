/* article.h - load a Markdown article with its YAML front matter, and find quotations in it */
#ifndef RECALL_ARTICLE_H
#define RECALL_ARTICLE_H

#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Articles larger than this are refused. */
#define ARTICLE_MAX_SIZE (64u * 1024 * 1024)

typedef struct article article;

/* Front matter fields; each is NULL when absent. */
typedef struct {
	const char *title;
	const char *source;
	const char *published;   /* as written: YYYY, YYYY-MM or YYYY-MM-DD */
	const char *author;
	const char *url;
} article_meta;

/* A paragraph of the body, numbered 1, 2, ... in document order: every
 * CommonMark paragraph, wherever it stands (lists and block quotes too). */
typedef struct {
	int number;
	int line;            /* 1-based line in the file where it starts */
	const char *text;    /* its inline text, soft breaks as spaces */
	size_t len;
	cmark_node *node;    /* NULL while the document is dropped */
} article_paragraph;

/* Where a quotation was found. */
typedef struct {
	const article_paragraph *paragraph;
	size_t start, end;   /* byte range of the match in paragraph->text */
} article_match;

/* Reads and parses the file at `path`. On failure returns NULL and adds
 * positioned diagnostics to `d` (missing file, directory, invalid UTF-8,
 * broken front matter). Free with article_free. */
article *article_load(const char *path, diag_list *d);

/* Parses `text` (copied) as if read from a file named `name`. */
article *article_parse(const char *name, const char *text, size_t len, diag_list *d);

void article_free(article *a);

/* Everything below returns memory owned by the article. */
const char *article_path(const article *a);
const article_meta *article_get_meta(const article *a);
/* The whole file as read, front matter included. */
const char *article_text(const article *a, size_t *len);
/* The cmark document; line numbers in its nodes count from the file's first
 * line (front matter included) once added to article_line_offset. After
 * article_drop_document it is parsed again, and the paragraphs point at the
 * new nodes. */
cmark_node *article_document(const article *a);
/* Frees the cmark document, about four times the article's size, when only
 * the paragraphs' text is needed (quote lookups, showing a source). */
void article_drop_document(article *a);
int article_line_offset(const article *a);
size_t article_paragraph_count(const article *a);
const article_paragraph *article_paragraph_at(const article *a, size_t index);
/* The paragraph for a cmark paragraph node of this article, or NULL. */
const article_paragraph *article_paragraph_of(const article *a, cmark_node *node);
size_t article_word_count(const article *a);

/* Looks `quote` up in the paragraphs, comparing after text_fold (case, white
 * space, curly and straight quotes, dashes). Returns true and fills `m` with
 * the first match; a quote is never matched across two paragraphs. */
bool article_find_quote(const article *a, const char *quote, article_match *m);

/* Looks up `n` quotes at once, as article_find_quote does each, in one pass
 * over the article for each batch of some thousands of quotes (the memory a
 * search takes is bounded by a batch). matches[i].paragraph is NULL when
 * quote i is not in the article. Returns how many were found. */
size_t article_find_quotes(const article *a, const char *const *quotes, size_t n,
                           article_match *matches);

/* For a quote that is not in the article: the passage most like it, when one
 * is close (about two thirds of its characters right, compared after
 * text_fold). Returns false when nothing is close. Costs one pass over the
 * article, so call it for a few quotes, not thousands. */
bool article_closest_passage(const article *a, const char *quote, article_match *m);

#endif
