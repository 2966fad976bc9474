/* article.c - load a Markdown article with its YAML front matter, and find quotations in it */
#include "article.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text.h"
#include "util.h"

struct article {
	char *path;
	char *text;
	size_t len;
	int line_offset;          /* lines taken by the front matter */
	article_meta meta;
	char *meta_storage[5];
	cmark_node *doc;
	article_paragraph *paragraphs;
	size_t n_paragraphs;
	size_t words;
	/* Every paragraph folded (text_fold) and joined with '\n', which folding
	 * never produces, so a match cannot span two paragraphs. */
	buf folded;
	size_t *folded_starts;    /* where each paragraph begins in `folded` */
};

static const char *meta_fields[] = {"title", "source", "published", "author", "url"};

/* Finds the front matter: "---" on the first line, up to a line "---" or
 * "...". Returns the byte length of the block with its fences (0 if none)
 * and sets the range of the YAML between the fences. */
static size_t front_matter_extent(const char *text, size_t len, size_t *yaml_start,
                                  size_t *yaml_len, bool *unterminated)
{
	*unterminated = false;
	size_t first = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		first = 3;
	if (len - first < 4 || memcmp(text + first, "---", 3) != 0)
		return 0;
	size_t p = first + 3;
	while (p < len && (text[p] == ' ' || text[p] == '\t'))
		p++;
	if (p < len && text[p] == '\r')
		p++;
	if (p >= len || text[p] != '\n')
		return 0;
	p++;
	*yaml_start = p;
	while (p < len) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t line_len = end - p;
		if (line_len && text[end - 1] == '\r')
			line_len--;
		if (line_len >= 3 && (memcmp(text + p, "---", 3) == 0 || memcmp(text + p, "...", 3) == 0)) {
			size_t k = 3;
			while (k < line_len && (text[p + k] == ' ' || text[p + k] == '\t'))
				k++;
			if (k == line_len) {
				*yaml_len = p - *yaml_start;
				return nl ? end + 1 : end;
			}
		}
		p = nl ? end + 1 : len;
	}
	*yaml_len = len - *yaml_start;
	*unterminated = true;
	return 0;
}

/* A block between "---" fences is front matter only when it starts like a
 * YAML mapping (`key:` or a comment): a CommonMark document may well open
 * with a thematic break followed by a setext heading. */
static bool looks_like_front_matter(const char *yaml, size_t len)
{
	size_t i = 0;
	while (i < len && (yaml[i] == '\n' || yaml[i] == '\r' || yaml[i] == ' '))
		i++;
	if (i < len && yaml[i] == '#')
		return true;
	size_t key = i;
	while (i < len && yaml[i] != ':' && yaml[i] != '\n' && yaml[i] != ' ')
		i++;
	if (i == key || i >= len)
		return false;
	while (i < len && yaml[i] == ' ')
		i++;
	return i < len && yaml[i] == ':';
}

static int count_lines(const char *s, size_t len)
{
	int n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

/* Reads the front matter's mapping of scalars. Marks from libyaml are
 * 0-based and relative to the YAML's first line, which is file line 2. */
static bool parse_front_matter(article *a, const char *yaml, size_t len, int first_line,
                               diag_list *d)
{
	yaml_parser_t parser;
	yaml_event_t event;
	bool ok = true, done = false;
	int depth = 0;
	char *key = NULL;
	/* A parser that could not be set up reports no error of its own: it
	 * returns empty events for ever. */
	if (!yaml_parser_initialize(&parser)) {
		diag_add(d, DIAG_ERROR, a->path, 0, 0, "out of memory reading the front matter");
		return false;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			if (parser.error == YAML_MEMORY_ERROR) {
				diag_add(d, DIAG_ERROR, a->path, 0, 0, "out of memory reading the front matter");
				ok = false;
				break;
			}
			diag_add(d, DIAG_ERROR, a->path, (int)parser.problem_mark.line + first_line,
			         (int)parser.problem_mark.column + 1, "broken front matter: %s",
			         parser.problem ? parser.problem : "YAML syntax error");
			ok = false;
			break;
		}
		int line = (int)event.start_mark.line + first_line;
		int col = (int)event.start_mark.column + 1;
		switch (event.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_ALIAS_EVENT:
			diag_add(d, DIAG_ERROR, a->path, line, col,
			         "broken front matter: YAML aliases are not allowed");
			ok = false;
			done = true;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			depth++;
			if (depth == 1 && event.type == YAML_MAPPING_START_EVENT)
				break;
			diag_add(d, DIAG_ERROR, a->path, line, col,
			         depth == 1 ? "broken front matter: expected a mapping of fields"
			                    : "broken front matter: field `%s` must be a plain value",
			         key ? key : "?");
			ok = false;
			done = true;
			break;
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			if (depth != 1) {
				diag_add(d, DIAG_ERROR, a->path, line, col,
				         "broken front matter: expected a mapping of fields");
				ok = false;
				done = true;
			} else if (!key) {
				key = xstrdup((const char *)event.data.scalar.value);
			} else {
				for (size_t i = 0; i < 5; i++) {
					if (strcmp(key, meta_fields[i]) == 0) {
						free(a->meta_storage[i]);
						a->meta_storage[i] = xstrndup((const char *)event.data.scalar.value,
						                              event.data.scalar.length);
					}
				}
				free(key);
				key = NULL;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&event);
	}
	free(key);
	yaml_parser_delete(&parser);
	a->meta.title = a->meta_storage[0];
	a->meta.source = a->meta_storage[1];
	a->meta.published = a->meta_storage[2];
	a->meta.author = a->meta_storage[3];
	a->meta.url = a->meta_storage[4];
	return ok;
}

static void collect_inline_text(cmark_node *node, buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			buf_puts(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static size_t count_words(const char *s, size_t len)
{
	size_t n = 0;
	bool in_word = false;
	for (size_t i = 0; i < len; i++) {
		bool space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
		if (!space && !in_word)
			n++;
		in_word = !space;
	}
	return n;
}

static void index_paragraphs(article *a)
{
	size_t cap = 16;
	a->paragraphs = xmalloc(cap * sizeof(article_paragraph));
	cmark_iter *it = cmark_iter_new(a->doc);
	cmark_event_type ev;
	buf text;
	buf_init(&text);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
			continue;
		if (a->n_paragraphs == cap) {
			cap *= 2;
			a->paragraphs = xrealloc(a->paragraphs, cap * sizeof(article_paragraph));
		}
		buf_clear(&text);
		collect_inline_text(n, &text);
		article_paragraph *p = &a->paragraphs[a->n_paragraphs++];
		p->number = (int)a->n_paragraphs;
		p->line = cmark_node_get_start_line(n) + a->line_offset;
		p->len = text.len;
		p->text = xstrndup(text.ptr, text.len);
		p->node = n;
		a->words += count_words(text.ptr, text.len);
	}
	cmark_iter_free(it);
	buf_release(&text);

	a->folded_starts = xmalloc((a->n_paragraphs + 1) * sizeof(size_t));
	for (size_t i = 0; i < a->n_paragraphs; i++) {
		a->folded_starts[i] = a->folded.len;
		text_fold(a->paragraphs[i].text, a->paragraphs[i].len, &a->folded, NULL);
		buf_putc(&a->folded, '\n');
	}
	a->folded_starts[a->n_paragraphs] = a->folded.len;
}

article *article_parse(const char *name, const char *text, size_t len, diag_list *d)
{
	article *a = xcalloc(1, sizeof(article));
	a->path = xstrdup(name);
	a->text = xstrndup(text, len);
	a->len = len;
	buf_init(&a->folded);
	diag_add_source(d, name, text, len);

	size_t bad;
	if (!text_valid_utf8(text, len, &bad)) {
		int line, col;
		diag_locate(text, len, bad, &line, &col);
		diag_add(d, DIAG_ERROR, name, line, col,
		         text[bad] ? "invalid UTF-8 (byte 0x%02X)" : "NUL byte in text%.0d",
		         (unsigned char)text[bad]);
		goto fail;
	}

	size_t yaml_start = 0, yaml_len = 0;
	bool unterminated;
	size_t body = front_matter_extent(text, len, &yaml_start, &yaml_len, &unterminated);
	if (!looks_like_front_matter(text + yaml_start, yaml_len)) {
		body = 0;
		unterminated = false;
	}
	if (unterminated) {
		diag_add(d, DIAG_ERROR, name, 1, 1,
		         "broken front matter: no closing `---` line");
		goto fail;
	}
	if (body) {
		a->line_offset = count_lines(text, body);
		if (!parse_front_matter(a, text + yaml_start, yaml_len, 2, d))
			goto fail;
	}
	a->doc = cmark_parse_document(a->text + body, len - body, CMARK_OPT_SOURCEPOS);
	index_paragraphs(a);
	return a;
fail:
	article_free(a);
	return NULL;
}

article *article_load(const char *path, diag_list *d)
{
	buf text;
	buf_init(&text);
	int err = read_file(path, ARTICLE_MAX_SIZE, &text);
	if (err) {
		if (err == EISDIR)
			diag_add(d, DIAG_ERROR, path, 0, 0, "is a directory, not an article");
		else if (err == EFBIG)
			diag_add(d, DIAG_ERROR, path, 0, 0, "article is larger than %u MiB",
			         ARTICLE_MAX_SIZE >> 20);
		else
			diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read article: %s", strerror(err));
		buf_release(&text);
		return NULL;
	}
	article *a = article_parse(path, text.ptr, text.len, d);
	buf_release(&text);
	return a;
}

void article_free(article *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n_paragraphs; i++)
		free((char *)a->paragraphs[i].text);
	free(a->paragraphs);
	for (size_t i = 0; i < 5; i++)
		free(a->meta_storage[i]);
	if (a->doc)
		cmark_node_free(a->doc);
	buf_release(&a->folded);
	free(a->folded_starts);
	free(a->text);
	free(a->path);
	free(a);
}

const char *article_path(const article *a)
{
	return a->path;
}

const article_meta *article_get_meta(const article *a)
{
	return &a->meta;
}

const char *article_text(const article *a, size_t *len)
{
	if (len)
		*len = a->len;
	return a->text;
}

cmark_node *article_document(const article *a)
{
	return a->doc;
}

int article_line_offset(const article *a)
{
	return a->line_offset;
}

size_t article_paragraph_count(const article *a)
{
	return a->n_paragraphs;
}

const article_paragraph *article_paragraph_at(const article *a, size_t index)
{
	return index < a->n_paragraphs ? &a->paragraphs[index] : NULL;
}

const article_paragraph *article_paragraph_of(const article *a, cmark_node *node)
{
	/* Paragraphs are in document order, so their start lines never
	 * decrease: search by line, then match the node. */
	int line = cmark_node_get_start_line(node) + a->line_offset;
	size_t lo = 0, hi = a->n_paragraphs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->paragraphs[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < a->n_paragraphs && a->paragraphs[i].line == line; i++)
		if (a->paragraphs[i].node == node)
			return &a->paragraphs[i];
	return NULL;
}

size_t article_word_count(const article *a)
{
	return a->words;
}

bool article_find_quote(const article *a, const char *quote, article_match *m)
{
	buf needle;
	buf_init(&needle);
	text_fold(quote, strlen(quote), &needle, NULL);
	bool found = false;
	if (needle.len == 0)
		goto out;
	const char *hit = memmem(a->folded.ptr, a->folded.len, needle.ptr, needle.len);
	if (!hit)
		goto out;
	size_t at = (size_t)(hit - a->folded.ptr);
	size_t lo = 0, hi = a->n_paragraphs;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->folded_starts[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	const article_paragraph *p = &a->paragraphs[lo];
	/* Map the folded range back to bytes of the paragraph's own text. */
	buf folded;
	buf_init(&folded);
	size_t *offsets = NULL;
	text_fold(p->text, p->len, &folded, &offsets);
	size_t rel = at - a->folded_starts[lo];
	m->paragraph = p;
	m->start = offsets[rel];
	size_t end_rel = rel + needle.len;
	m->end = end_rel < folded.len ? offsets[end_rel] : p->len;
	/* The end offset points at the next folded byte's source; back off
	 * any white space that folding had collapsed. */
	while (m->end > m->start && (p->text[m->end - 1] == ' ' || p->text[m->end - 1] == '\n'))
		m->end--;
	free(offsets);
	buf_release(&folded);
	found = true;
out:
	buf_release(&needle);
	return found;
}
