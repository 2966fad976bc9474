/* render.c - lay an article out as text for a terminal */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_ITALIC "\033[3m"
#define SGR_UNDERLINE "\033[4m"
#define SGR_CODE "\033[36m"
#define SGR_HEADING "\033[1;34m"
#define SGR_TITLE "\033[1;4m"

static const char *month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

void render_date(const char *iso, buf *out)
{
	int y = 0, m = 0, d = 0, used = 0;
	size_t len = strlen(iso);
	if (sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && (size_t)used == len &&
	    m >= 1 && m <= 12 && d >= 1 && d <= 31) {
		buf_printf(out, "%s %d, %d", month_names[m - 1], d, y);
	} else if (sscanf(iso, "%4d-%2d%n", &y, &m, &used) == 2 && (size_t)used == len && m >= 1 &&
	           m <= 12) {
		buf_printf(out, "%s %d", month_names[m - 1], y);
	} else {
		text_sanitize(iso, len, out);
	}
}

/* Styles nest: closing one resets all, then reopens those still open. */
typedef struct {
	bool color;
	const char *stack[32];
	int depth;
	buf *out;
} styler;

static void style_push(styler *s, const char *sgr)
{
	if (s->depth < 32)
		s->stack[s->depth] = sgr;
	s->depth++;
	if (s->color)
		buf_puts(s->out, sgr);
}

static void style_pop(styler *s)
{
	if (s->depth > 0)
		s->depth--;
	if (!s->color)
		return;
	buf_puts(s->out, SGR_RESET);
	for (int i = 0; i < s->depth && i < 32; i++)
		buf_puts(s->out, s->stack[i]);
}

static void put_literal(buf *out, const char *s)
{
	if (s)
		text_sanitize(s, strlen(s), out);
}

/* A link's destination is worth showing when the text does not already say
 * it (autolinks) and it is not an in-page anchor. */
static bool url_adds_information(cmark_node *link, const char *url)
{
	if (!url || !*url || url[0] == '#')
		return false;
	cmark_node *child = cmark_node_first_child(link);
	if (child && !cmark_node_next(child) && cmark_node_get_type(child) == CMARK_NODE_TEXT) {
		const char *text = cmark_node_get_literal(child);
		if (text && (strcmp(text, url) == 0 ||
		             (strncmp(url, "mailto:", 7) == 0 && strcmp(text, url + 7) == 0)))
			return false;
	}
	return true;
}

static void image_alt_text(cmark_node *image, buf *out)
{
	for (cmark_node *c = cmark_node_first_child(image); c; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			put_literal(out, cmark_node_get_literal(c));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			buf_putc(out, ' ');
		else
			image_alt_text(c, out);
	}
}

static void render_inline_children(cmark_node *parent, styler *s);

static void render_inline(cmark_node *n, styler *s)
{
	buf *out = s->out;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		put_literal(out, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_putc(out, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		buf_putc(out, '\n');
		break;
	case CMARK_NODE_CODE:
		if (s->color) {
			style_push(s, SGR_CODE);
			put_literal(out, cmark_node_get_literal(n));
			style_pop(s);
		} else {
			buf_putc(out, '`');
			put_literal(out, cmark_node_get_literal(n));
			buf_putc(out, '`');
		}
		break;
	case CMARK_NODE_HTML_INLINE:
		/* Raw HTML is shown as the text it is, never interpreted. */
		style_push(s, SGR_DIM);
		put_literal(out, cmark_node_get_literal(n));
		style_pop(s);
		break;
	case CMARK_NODE_EMPH:
		style_push(s, SGR_ITALIC);
		render_inline_children(n, s);
		style_pop(s);
		break;
	case CMARK_NODE_STRONG:
		style_push(s, SGR_BOLD);
		render_inline_children(n, s);
		style_pop(s);
		break;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(n);
		style_push(s, SGR_UNDERLINE);
		render_inline_children(n, s);
		style_pop(s);
		if (url_adds_information(n, url)) {
			buf_puts(out, " ");
			style_push(s, SGR_DIM);
			buf_putc(out, '<');
			put_literal(out, url);
			buf_putc(out, '>');
			style_pop(s);
		}
		break;
	}
	case CMARK_NODE_IMAGE: {
		style_push(s, SGR_DIM);
		buf_puts(out, "[image: ");
		image_alt_text(n, out);
		buf_putc(out, ']');
		style_pop(s);
		break;
	}
	default:
		render_inline_children(n, s);
		break;
	}
}

static void render_inline_children(cmark_node *parent, styler *s)
{
	for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
		render_inline(c, s);
}

void render_inlines(cmark_node *paragraph, bool color, buf *out)
{
	styler s = {.color = color, .out = out};
	render_inline_children(paragraph, &s);
}

/* The state of one render: options, output, and the ¶ counter. */
typedef struct {
	const render_options *opt;
	const article *article;
	buf *out;
	int paragraph;
	int number_width;    /* digits of the largest ¶ number */
	char gutter[40];     /* with numbers: the blank gutter every line starts with */
} renderer;

static void wrap_into(renderer *r, const char *text, size_t len, const char *first,
                      const char *rest, bool preserve)
{
	text_wrap_options w = {
		.width = r->opt->width,
		.first_prefix = first,
		.rest_prefix = rest,
		.preserve_spaces = preserve,
	};
	text_wrap(text, len, &w, r->out);
}

/* A blank line between blocks keeps the container's rule (a quote's bar). */
static void blank_line(renderer *r, const char *rest)
{
	size_t n = strlen(rest);
	buf line;
	buf_init(&line);
	buf_append(&line, rest, n);
	/* Drop trailing spaces, and a trailing SGR reset after them. */
	for (;;) {
		if (line.len && line.ptr[line.len - 1] == ' ') {
			buf_truncate(&line, line.len - 1);
		} else if (line.len >= 4 && memcmp(line.ptr + line.len - 4, SGR_RESET, 4) == 0 &&
		           line.len >= 5 && line.ptr[line.len - 5] == ' ') {
			buf_truncate(&line, line.len - 5);
			buf_puts(&line, SGR_RESET);
			break;
		} else {
			break;
		}
	}
	buf_append(r->out, line.ptr, line.len);
	buf_putc(r->out, '\n');
	buf_release(&line);
}

static char *concat(const char *a, const char *b)
{
	buf s;
	buf_init(&s);
	buf_puts(&s, a);
	buf_puts(&s, b);
	return buf_detach(&s);
}

static void render_block(renderer *r, cmark_node *n, const char *first, const char *rest);

static void render_children(renderer *r, cmark_node *parent, const char *first, const char *rest,
                            bool tight)
{
	bool first_child = true;
	for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
		if (!first_child && !tight)
			blank_line(r, rest);
		render_block(r, c, first_child ? first : rest, rest);
		first_child = false;
	}
}

static void render_paragraph(renderer *r, cmark_node *n, const char *first, const char *rest)
{
	buf text;
	buf_init(&text);
	render_inlines(n, r->opt->color, &text);
	r->paragraph++;
	if (r->opt->numbers) {
		char num[32];
		snprintf(num, sizeof num, "%-*d ", r->number_width, r->paragraph);
		buf gutter;
		buf_init(&gutter);
		if (r->opt->color)
			buf_puts(&gutter, SGR_DIM);
		buf_puts(&gutter, "¶");
		buf_puts(&gutter, num);
		if (r->opt->color)
			buf_puts(&gutter, SGR_RESET);
		/* Every line starts with the gutter, so the number takes its
		 * place there and a list's bullet or a quote's bar stays in the
		 * text column. */
		size_t blank = strlen(r->gutter);
		if (strncmp(first, r->gutter, blank) == 0)
			first += blank;
		char *f = concat(gutter.ptr, first);
		wrap_into(r, text.ptr, text.len, f, rest, false);
		free(f);
		buf_release(&gutter);
	} else {
		wrap_into(r, text.ptr, text.len, first, rest, false);
	}
	buf_release(&text);
}

static void render_heading(renderer *r, cmark_node *n, const char *first, const char *rest)
{
	int level = cmark_node_get_heading_level(n);
	buf text;
	buf_init(&text);
	render_inlines(n, r->opt->color, &text);
	if (r->opt->color) {
		buf styled;
		buf_init(&styled);
		buf_puts(&styled, level == 1 ? SGR_TITLE : SGR_HEADING);
		buf_append(&styled, text.ptr, text.len);
		buf_puts(&styled, SGR_RESET);
		wrap_into(r, styled.ptr, styled.len, first, rest, false);
		buf_release(&styled);
	} else {
		/* Without colour a heading is underlined, setext style, as wide as
		 * its longest line. */
		size_t start = r->out->len;
		wrap_into(r, text.ptr, text.len, first, rest, false);
		int widest = 0;
		const char *p = r->out->ptr + start;
		while (*p) {
			const char *nl = strchr(p, '\n');
			int w = text_width(p, (size_t)(nl - p)) - text_width(rest, strlen(rest));
			if (w > widest)
				widest = w;
			p = nl + 1;
		}
		if (level <= 2) {
			buf_puts(r->out, rest);
			for (int i = 0; i < widest; i++)
				buf_putc(r->out, level == 1 ? '=' : '-');
			buf_putc(r->out, '\n');
		}
	}
	buf_release(&text);
}

/* Code and raw HTML blocks keep their lines and spaces, styled as a whole. */
static void render_literal_block(renderer *r, cmark_node *n, const char *style,
                                 const char *first, const char *rest)
{
	const char *literal = cmark_node_get_literal(n);
	size_t len = literal ? strlen(literal) : 0;
	while (len && literal[len - 1] == '\n')
		len--;
	buf text;
	buf_init(&text);
	if (r->opt->color)
		buf_puts(&text, style);
	text_sanitize(literal ? literal : "", len, &text);
	if (r->opt->color)
		buf_puts(&text, SGR_RESET);
	wrap_into(r, text.ptr, text.len, first, rest, true);
	buf_release(&text);
}

static void render_code_block(renderer *r, cmark_node *n, const char *first, const char *rest)
{
	char *f = concat(first, "    ");
	char *rs = concat(rest, "    ");
	render_literal_block(r, n, SGR_CODE, f, rs);
	free(f);
	free(rs);
}

static void render_list(renderer *r, cmark_node *list, const char *first, const char *rest,
                        int depth)
{
	static const char *bullets[] = {"•", "◦", "▪"};
	bool tight = cmark_node_get_list_tight(list);
	bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int number = cmark_node_get_list_start(list);
	char delim = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.';
	/* Numbers are right-aligned to the widest one in the list. */
	int items = 0;
	for (cmark_node *c = cmark_node_first_child(list); c; c = cmark_node_next(c))
		items++;
	char widest[32];
	int marker_width = ordered ? snprintf(widest, sizeof widest, "%d%c ", number + items - 1, delim)
	                           : 2;
	bool first_item = true;
	for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		if (!first_item && !tight)
			blank_line(r, rest);
		char marker[48];
		if (ordered)
			snprintf(marker, sizeof marker, "%*d%c ", marker_width - 2, number++, delim);
		else
			snprintf(marker, sizeof marker, "%s ", bullets[depth % 3]);
		char pad[48];
		memset(pad, ' ', (size_t)marker_width);
		pad[marker_width] = '\0';
		char *f = concat(first_item ? first : rest, marker);
		char *rs = concat(rest, pad);
		if (!cmark_node_first_child(item))
			wrap_into(r, "", 0, f, rs, false);
		bool first_block = true;
		for (cmark_node *b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
			if (!first_block && !tight)
				blank_line(r, rs);
			if (cmark_node_get_type(b) == CMARK_NODE_LIST)
				render_list(r, b, first_block ? f : rs, rs, depth + 1);
			else
				render_block(r, b, first_block ? f : rs, rs);
			first_block = false;
		}
		free(f);
		free(rs);
		first_item = false;
	}
}

static void render_block(renderer *r, cmark_node *n, const char *first, const char *rest)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		render_paragraph(r, n, first, rest);
		break;
	case CMARK_NODE_HEADING:
		render_heading(r, n, first, rest);
		break;
	case CMARK_NODE_CODE_BLOCK:
		render_code_block(r, n, first, rest);
		break;
	case CMARK_NODE_HTML_BLOCK:
		render_literal_block(r, n, SGR_DIM, first, rest);
		break;
	case CMARK_NODE_THEMATIC_BREAK: {
		buf line;
		buf_init(&line);
		int width = r->opt->width - text_width(rest, strlen(rest));
		if (width > 40)
			width = 40;
		if (r->opt->color)
			buf_puts(&line, SGR_DIM);
		for (int i = 0; i < width; i++)
			buf_puts(&line, "─");
		if (r->opt->color)
			buf_puts(&line, SGR_RESET);
		wrap_into(r, line.ptr, line.len, first, rest, false);
		buf_release(&line);
		break;
	}
	case CMARK_NODE_BLOCK_QUOTE: {
		const char *bar = r->opt->color ? SGR_DIM "│" SGR_RESET " " : "│ ";
		char *f = concat(first, bar);
		char *rs = concat(rest, bar);
		render_children(r, n, f, rs, false);
		free(f);
		free(rs);
		break;
	}
	case CMARK_NODE_LIST:
		render_list(r, n, first, rest, 0);
		break;
	default:
		render_children(r, n, first, rest, false);
		break;
	}
}

static void render_title_block(renderer *r, const article_meta *meta)
{
	if (!meta->title && !meta->source && !meta->published && !meta->author)
		return;
	if (meta->title) {
		buf title;
		buf_init(&title);
		if (r->opt->color)
			buf_puts(&title, SGR_BOLD);
		put_literal(&title, meta->title);
		if (r->opt->color)
			buf_puts(&title, SGR_RESET);
		wrap_into(r, title.ptr, title.len, "", "", false);
		buf_release(&title);
	}
	buf line;
	buf_init(&line);
	if (r->opt->color)
		buf_puts(&line, SGR_DIM);
	const char *sep = "";
	if (meta->source) {
		put_literal(&line, meta->source);
		sep = " · ";
	}
	if (meta->author) {
		buf_puts(&line, sep);
		put_literal(&line, meta->author);
		sep = " · ";
	}
	if (meta->published) {
		buf_puts(&line, sep);
		buf_puts(&line, "published ");
		render_date(meta->published, &line);
	}
	if (meta->url) {
		buf_puts(&line, "\n");
		put_literal(&line, meta->url);
	}
	if (r->opt->color)
		buf_puts(&line, SGR_RESET);
	if (line.len > (r->opt->color ? 8u : 0u))
		wrap_into(r, line.ptr, line.len, "", "", false);
	buf_release(&line);
	int width = r->opt->width < 40 ? r->opt->width : 40;
	if (r->opt->color)
		buf_puts(r->out, SGR_DIM);
	for (int i = 0; i < width; i++)
		buf_puts(r->out, "─");
	if (r->opt->color)
		buf_puts(r->out, SGR_RESET);
	buf_puts(r->out, "\n\n");
}

bool render_article_to(const article *a, const render_options *opt, render_sink sink, void *ctx)
{
	buf out;
	buf_init(&out);
	renderer r = {.opt = opt, .article = a, .out = &out};
	char digits[32];
	r.number_width = snprintf(digits, sizeof digits, "%zu", article_paragraph_count(a));
	if (opt->numbers)
		snprintf(r.gutter, sizeof r.gutter, "%*s", r.number_width + 2, "");
	render_title_block(&r, article_get_meta(a));
	bool ok = true;
	cmark_node *doc = article_document(a);
	for (cmark_node *c = cmark_node_first_child(doc); c && ok; c = cmark_node_next(c)) {
		if (c != cmark_node_first_child(doc))
			blank_line(&r, "");
		render_block(&r, c, r.gutter, r.gutter);
		if (out.len >= RENDER_PIECE) {
			ok = sink(ctx, out.ptr, out.len);
			buf_clear(&out);
		}
	}
	if (ok && out.len)
		ok = sink(ctx, out.ptr, out.len);
	buf_release(&out);
	return ok;
}

void render_blocks(const article *a, const render_options *opt, cmark_node *first,
                   cmark_node *stop, bool title, buf *out)
{
	renderer r = {.opt = opt, .article = a, .out = out};
	char digits[32];
	r.number_width = snprintf(digits, sizeof digits, "%zu", article_paragraph_count(a));
	if (title)
		render_title_block(&r, article_get_meta(a));
	for (cmark_node *c = first; c && c != stop; c = cmark_node_next(c)) {
		if (c != first)
			blank_line(&r, "");
		render_block(&r, c, "", "");
	}
}

static bool append_to(void *ctx, const char *text, size_t len)
{
	buf_append(ctx, text, len);
	return true;
}

void render_article(const article *a, const render_options *opt, buf *out)
{
	render_article_to(a, opt, append_to, out);
}
