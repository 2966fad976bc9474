/* render.h - lay an article out as text for a terminal */
#ifndef RECALL_RENDER_H
#define RECALL_RENDER_H

#include <stdbool.h>

#include "article.h"
#include "util.h"

typedef struct {
	int width;       /* columns to wrap to */
	bool color;      /* style with SGR sequences */
	bool numbers;    /* prefix paragraphs with their ¶ number */
} render_options;

/* Appends the article to `out`: a title block from the front matter, then
 * every block of the body, wrapped to opt->width. Every byte that came from
 * the article is sanitised (text_sanitize); the only escape sequences in the
 * output are recall's own SGR styles, and only when opt->color. */
void render_article(const article *a, const render_options *opt, buf *out);

/* Appends the top-level blocks of the article's document from `first` up to
 * `stop` (not included; NULL: to the end), laid out as render_article lays
 * them out, with the title block first when `title`. For showing an article
 * a section at a time. */
void render_blocks(const article *a, const render_options *opt, cmark_node *first,
                   cmark_node *stop, bool title, buf *out);

/* Receives rendered text a piece at a time; returns false to stop (a
 * failed write). */
typedef bool (*render_sink)(void *ctx, const char *text, size_t len);

/* As render_article, but hands the text to `sink` about RENDER_PIECE bytes
 * at a time, between top-level blocks, so that the whole is never held.
 * Returns false when the sink stopped it. */
bool render_article_to(const article *a, const render_options *opt, render_sink sink, void *ctx);
enum { RENDER_PIECE = 64 * 1024 };

/* Appends one paragraph's inline content (text, emphasis, code, links ...)
 * as sanitised text with SGR styles when `color`, unwrapped: soft breaks
 * become spaces and hard breaks '\n'. For text_wrap. */
void render_inlines(cmark_node *paragraph, bool color, buf *out);

/* A date written YYYY, YYYY-MM or YYYY-MM-DD shown as "July 25, 2023",
 * "July 2023" or "2023"; anything else is appended as it is. */
void render_date(const char *iso, buf *out);

#endif
