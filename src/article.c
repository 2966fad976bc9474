/* article.c - load a Markdown article with its YAML front matter, and find quotations in it */
#include "article.h"

#include <errno.h>
#include <stdint.h>
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
	size_t body;              /* where the Markdown starts, after the front matter */
	article_meta meta;
	char *meta_storage[5];
	cmark_node *doc;          /* NULL once dropped (article_drop_document) */
	article_paragraph *paragraphs;
	size_t n_paragraphs;
	buf paragraph_texts;      /* what paragraphs[i].text point into */
	size_t words;
	/* Every paragraph folded (text_fold) and joined with '\n', which folding
	 * never produces: built for the first lookup of a few quotes or of the
	 * closest passage, and kept for the next. */
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

static bool leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Checks a `published` date, which must be YYYY, YYYY-MM or YYYY-MM-DD and
 * name a real day. */
static void check_published(const article *a, const char *value, int line, int col, diag_list *d)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t len = strlen(value);
	bool shape = len == 4 || len == 7 || len == 10;
	for (size_t i = 0; shape && i < len; i++)
		shape = (i == 4 || i == 7) ? value[i] == '-' : value[i] >= '0' && value[i] <= '9';
	if (!shape) {
		diag *dg = diag_add(d, DIAG_ERROR, a->path, line, col,
		                    "`published` is not a date: `%s`", value);
		diag_hint(dg, "write it as YYYY, YYYY-MM or YYYY-MM-DD, such as 2024-06-18");
		return;
	}
	int year = atoi(value);
	int month = len >= 7 ? atoi(value + 5) : 0;
	int day = len == 10 ? atoi(value + 8) : 0;
	if (len >= 7 && (month < 1 || month > 12)) {
		diag *dg = diag_add(d, DIAG_ERROR, a->path, line, col,
		                    "`published` has no month %d: `%s`", month, value);
		diag_hint(dg, "months are 01 to 12");
		return;
	}
	if (len == 10) {
		int last = days[month - 1] + (month == 2 && leap_year(year));
		if (day < 1 || day > last) {
			diag *dg = diag_add(d, DIAG_ERROR, a->path, line, col,
			                    "`published` is a day that does not exist: `%s`", value);
			static const char *const months[] = {"January", "February", "March", "April",
			                                     "May", "June", "July", "August", "September",
			                                     "October", "November", "December"};
			diag_hint(dg, "%s %d has %d days", months[month - 1], year, last);
		}
	}
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
	int key_line = 0, key_col = 0;
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
				key_line = line;
				key_col = col;
			} else {
				size_t field = 0;
				while (field < 5 && strcmp(key, meta_fields[field]) != 0)
					field++;
				if (field < 5) {
					free(a->meta_storage[field]);
					a->meta_storage[field] = xstrndup((const char *)event.data.scalar.value,
					                                  event.data.scalar.length);
					if (field == 2)
						check_published(a, a->meta_storage[field], line, col, d);
				} else {
					diag *dg = diag_add(d, DIAG_WARNING, a->path, key_line, key_col,
					                    "unknown front matter field `%s`", key);
					const char *guess = diag_suggest(key, meta_fields, 5);
					if (guess)
						diag_hint(dg, "did you mean `%s`?", guess);
					else
						diag_hint(dg, "fields are: title, source, published, author, url");
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

/* Numbers the paragraphs of a->doc and copies their text; when the document
 * is parsed again after a drop, only points the paragraphs at its nodes. */
static void index_paragraphs(article *a)
{
	cmark_iter *it = cmark_iter_new(a->doc);
	cmark_event_type ev;
	if (a->paragraphs) {
		size_t i = 0;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *n = cmark_iter_get_node(it);
			if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
			    i < a->n_paragraphs)
				a->paragraphs[i++].node = n;
		}
		cmark_iter_free(it);
		return;
	}
	size_t cap = 16;
	a->paragraphs = xmalloc(cap * sizeof(article_paragraph));
	/* All the texts in one buffer, each ending in a NUL: many small copies
	 * would pin pieces of the heap the document held, and none of it could
	 * be used again once the document is dropped. */
	buf *texts = &a->paragraph_texts;
	/* Paragraphs' text is the body less its markup: reserved at once, the
	 * buffer is not grown (and copied) again and again. */
	buf_reserve(texts, a->len - a->body);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
			continue;
		if (a->n_paragraphs == cap) {
			cap *= 2;
			a->paragraphs = xrealloc(a->paragraphs, cap * sizeof(article_paragraph));
		}
		size_t start = texts->len;
		collect_inline_text(n, texts);
		article_paragraph *p = &a->paragraphs[a->n_paragraphs++];
		p->number = (int)a->n_paragraphs;
		p->line = cmark_node_get_start_line(n) + a->line_offset;
		p->len = texts->len - start;
		p->node = n;
		a->words += count_words(texts->ptr + start, p->len);
		buf_putc(texts, '\0');
	}
	cmark_iter_free(it);
	/* The buffer has stopped moving: point the paragraphs into it. */
	size_t at = 0;
	for (size_t i = 0; i < a->n_paragraphs; i++) {
		a->paragraphs[i].text = texts->ptr + at;
		at += a->paragraphs[i].len + 1;
	}
}

static void parse_document(article *a)
{
	a->doc = cmark_parse_document(a->text + a->body, a->len - a->body, CMARK_OPT_SOURCEPOS);
	index_paragraphs(a);
}

/* Folds every paragraph for quote lookups, the first time one is made:
 * reading an article never needs it. The article is const to its readers;
 * this cache, like the document, changes behind that. */
static void fold_paragraphs(const article *ca)
{
	article *a = (article *)ca;
	if (a->folded_starts)
		return;
	a->folded_starts = xmalloc((a->n_paragraphs + 1) * sizeof(size_t));
	for (size_t i = 0; i < a->n_paragraphs; i++) {
		const article_paragraph *p = &a->paragraphs[i];
		a->folded_starts[i] = a->folded.len;
		text_fold(p->text, p->len, &a->folded, NULL);
		buf_putc(&a->folded, '\n');
	}
	a->folded_starts[a->n_paragraphs] = a->folded.len;
}

/* As article_parse, taking ownership of `owned` (len bytes and a NUL). */
static article *parse_owned(const char *name, char *owned, size_t len, diag_list *d)
{
	article *a = xcalloc(1, sizeof(article));
	a->path = xstrdup(name);
	a->text = owned;
	a->len = len;
	const char *text = owned;
	buf_init(&a->folded);
	buf_init(&a->paragraph_texts);
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
	a->body = body;
	parse_document(a);
	return a;
fail:
	article_free(a);
	return NULL;
}

article *article_parse(const char *name, const char *text, size_t len, diag_list *d)
{
	return parse_owned(name, xstrndup(text, len), len, d);
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
	/* The bytes read become the article's own: a large article is held
	 * once, not copied. */
	size_t len = text.len;
	return parse_owned(path, buf_detach(&text), len, d);
}

void article_free(article *a)
{
	if (!a)
		return;
	free(a->paragraphs);
	buf_release(&a->paragraph_texts);
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

cmark_node *article_document(const article *ca)
{
	/* Parsed again after a drop: the article is const to its readers, and
	 * the document, like the folded text, is a cache behind that. */
	article *a = (article *)ca;
	if (!a->doc)
		parse_document(a);
	return a->doc;
}

void article_drop_document(article *a)
{
	if (!a->doc)
		return;
	cmark_node_free(a->doc);
	a->doc = NULL;
	for (size_t i = 0; i < a->n_paragraphs; i++)
		a->paragraphs[i].node = NULL;
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

/* The paragraph whose folded text holds byte `at` of a->folded. */
static size_t paragraph_at_folded(const article *a, size_t at)
{
	size_t lo = 0, hi = a->n_paragraphs;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->folded_starts[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Maps a folded range [rel, rel + len) of paragraph `p` back to bytes of its
 * own text, given the offsets text_fold made for it (NULL: byte for byte). */
static void map_back(const article_paragraph *p, const size_t *offsets, size_t folded_len,
                     size_t rel, size_t len, article_match *m)
{
	m->paragraph = p;
	m->start = offsets ? offsets[rel] : rel;
	size_t end_rel = rel + len;
	m->end = end_rel < folded_len ? (offsets ? offsets[end_rel] : end_rel) : p->len;
	/* The end offset points at the next folded byte's source; back off
	 * any white space that folding had collapsed. */
	while (m->end > m->start && (p->text[m->end - 1] == ' ' || p->text[m->end - 1] == '\n'))
		m->end--;
}

/* A quote looked for, folded, and where it was found: positions count
 * through the folded paragraphs one after another. */
typedef struct {
	const char *text;    /* folded */
	size_t len;
	size_t at;           /* SIZE_MAX until found */
	size_t found_at;     /* the position that found it */
} quote_probe;

/* The paragraph being searched, folded, and what has been found so far. */
typedef struct {
	const char *text;
	size_t len;
	size_t base;         /* the position of its first byte */
	quote_probe *probes;
	size_t pending;      /* quotes that may still be found */
	size_t *found;       /* quotes first found in this paragraph */
	size_t n_found;
} quote_scan;

static void record_match(quote_scan *s, size_t quote, size_t start, size_t p)
{
	quote_probe *q = &s->probes[quote];
	if (q->at == SIZE_MAX) {
		s->pending--;
		s->found[s->n_found++] = quote;
	}
	q->at = s->base + start;
	q->found_at = s->base + p;
}

/* Quotes are keyed by KEY_LEN of their bytes. Long quotes are keyed by
 * STRIDE consecutive windows, so that looking at every STRIDE-th position
 * of the article meets one of them wherever the quote stands; shorter ones
 * are looked for at every position. */
enum { KEY_LEN = 8, STRIDE = 4, FILTER_BITS = 18 };

/* A key of fewer than KEY_LEN bytes leaves the top byte free: its length
 * goes there, so one number tells keys of different lengths apart. */
typedef struct {
	uint64_t key;
	uint32_t head;       /* first entry in the bucket; NO_ENTRY when empty */
	uint32_t count;
} quote_slot;

#define NO_ENTRY UINT32_MAX

typedef struct {
	uint32_t quote;
	uint32_t shift;      /* offset in the quote of the keyed bytes */
	uint32_t next;       /* next entry in the same bucket */
} key_entry;

typedef struct {
	quote_slot *slots;
	size_t mask;
	unsigned shift;      /* slots are found by the hash's top bits */
	key_entry *entries;
	size_t n_entries;
	/* Most article positions start no key: a bit per hash, small enough to
	 * stay in cache, turns them away before the table is read. */
	uint64_t *filter;
	unsigned lengths;    /* bit L set: some key has L bytes */
} key_table;

/* A key: `len` bytes (at most KEY_LEN) as a number. Full keys are read in
 * one load; short ones byte by byte, the same way on building and on
 * scanning. */
static uint64_t load_key(const char *s, size_t len)
{
	uint64_t k = 0;
	if (len == KEY_LEN) {
		memcpy(&k, s, KEY_LEN);
		return k;
	}
	for (size_t i = 0; i < len; i++)
		k |= (uint64_t)(unsigned char)s[i] << (8 * i);
	return k | (uint64_t)len << 56;
}

static uint64_t key_hash(uint64_t key)
{
	return key * 0x9E3779B97F4A7C15u;
}

static void table_init(key_table *t, size_t max_entries)
{
	size_t cap = 16;
	t->shift = 60;
	/* At most three quarters full: linear probing stays short, and the
	 * slots of 10,000 long quotes (40,000 keys) take 1 MiB, not 2. */
	while (3 * cap < 4 * max_entries) {
		cap *= 2;
		t->shift--;
	}
	t->mask = cap - 1;
	t->slots = xmalloc(cap * sizeof(quote_slot));
	for (size_t i = 0; i < cap; i++)
		t->slots[i] = (quote_slot){0, NO_ENTRY, 0};
	t->entries = xmalloc((max_entries ? max_entries : 1) * sizeof(key_entry));
	t->n_entries = 0;
	t->filter = xcalloc((size_t)1 << (FILTER_BITS - 6), sizeof(uint64_t));
	t->lengths = 0;
}

static void table_release(key_table *t)
{
	free(t->slots);
	free(t->entries);
	free(t->filter);
}

static quote_slot *table_slot(const key_table *t, uint64_t key)
{
	/* The top bits of a multiplicative hash depend on every bit of the key. */
	size_t h = (size_t)(key_hash(key) >> t->shift);
	while (t->slots[h].head != NO_ENTRY && t->slots[h].key != key)
		h = (h + 1) & t->mask;
	return &t->slots[h];
}

static size_t table_count(const key_table *t, const char *s, unsigned len)
{
	const quote_slot *slot = table_slot(t, load_key(s, len));
	return slot->head == NO_ENTRY ? 0 : slot->count;
}

static void table_add(key_table *t, const char *s, unsigned len, size_t quote, size_t shift)
{
	uint64_t key = load_key(s, len);
	quote_slot *slot = table_slot(t, key);
	if (slot->head == NO_ENTRY)
		*slot = (quote_slot){key, NO_ENTRY, 0};
	t->entries[t->n_entries] = (key_entry){(uint32_t)quote, (uint32_t)shift, slot->head};
	slot->head = (uint32_t)t->n_entries++;
	slot->count++;
	uint64_t bit = key_hash(key) >> (64 - FILTER_BITS);
	t->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
	t->lengths |= 1u << len;
}

/* Compares the quotes keyed by the `len` bytes at position p of the
 * paragraph. A match never spans two paragraphs: a quote is looked for
 * within one. */
static void table_probe(const key_table *t, quote_scan *s, size_t p, unsigned len)
{
	uint64_t key = load_key(s->text + p, len);
	uint64_t bit = key_hash(key) >> (64 - FILTER_BITS);
	if (!(t->filter[bit >> 6] & ((uint64_t)1 << (bit & 63))))
		return;
	const quote_slot *slot = table_slot(t, key);
	for (uint32_t e = slot->head; e != NO_ENTRY; e = t->entries[e].next) {
		const quote_probe *q = &s->probes[t->entries[e].quote];
		size_t shift = t->entries[e].shift;
		/* A quote found here may still start earlier by another window. */
		if ((q->at != SIZE_MAX && q->found_at != s->base + p) || p < shift)
			continue;
		size_t start = p - shift;
		if (q->at != SIZE_MAX && s->base + start >= q->at)
			continue;
		if (start + q->len <= s->len && memcmp(s->text + start, q->text, q->len) == 0)
			record_match(s, t->entries[e].quote, start, p);
	}
}

/* Finds many quotes in about one pass over the article, so that a bank of
 * thousands of sources costs about one scan rather than one per quote. Each
 * quote's key windows are chosen where the fewest other quotes share them,
 * and only the quotes in a position's bucket are compared in full. */
typedef struct {
	key_table dense, sparse;
	unsigned lengths[KEY_LEN + 1];   /* the lengths of dense keys */
	size_t n_lengths;
} quote_tables;

static void tables_build(quote_tables *qt, quote_probe *probes, size_t n)
{
	size_t n_dense = 0, n_sparse = 0;
	for (size_t i = 0; i < n; i++) {
		if (probes[i].len == 0)
			continue;
		if (probes[i].len >= KEY_LEN + STRIDE - 1)
			n_sparse++;
		else
			n_dense++;
	}
	table_init(&qt->dense, n_dense);
	table_init(&qt->sparse, n_sparse * STRIDE);
	for (size_t i = 0; i < n; i++) {
		quote_probe *q = &probes[i];
		if (q->len == 0)
			continue;
		bool is_sparse = q->len >= KEY_LEN + STRIDE - 1;
		key_table *t = is_sparse ? &qt->sparse : &qt->dense;
		unsigned klen = q->len < KEY_LEN ? (unsigned)q->len : KEY_LEN;
		size_t windows = is_sparse ? STRIDE : 1;
		size_t last = q->len - klen - (windows - 1);
		if (last > 15)
			last = 15;
		/* Each window's count once, then the run of `windows` with the
		 * smallest sum. */
		size_t counts[16 + STRIDE];
		size_t best = 0, best_count = SIZE_MAX, sum = 0;
		for (size_t j = 0; j < last + windows; j++) {
			counts[j] = table_count(t, q->text + j, klen);
			sum += counts[j];
			if (j + 1 < windows)
				continue;
			if (j + 1 > windows)
				sum -= counts[j - windows];
			if (sum < best_count) {
				best_count = sum;
				best = j + 1 - windows;
				if (!sum)
					break;
			}
		}
		for (size_t w = 0; w < windows; w++)
			table_add(t, q->text + best + w, klen, i, best + w);
	}
	qt->n_lengths = 0;
	for (unsigned klen = 1; klen <= KEY_LEN; klen++)
		if (qt->dense.lengths & (1u << klen))
			qt->lengths[qt->n_lengths++] = klen;
}

static void tables_scan(const quote_tables *qt, quote_scan *s)
{
	/* A long quote has STRIDE consecutive windows keyed, so one of them
	 * starts at a multiple of STRIDE wherever the quote stands. */
	size_t step = qt->n_lengths ? 1 : STRIDE;
	for (size_t p = 0; p < s->len && s->pending; p += step) {
		for (size_t li = 0; li < qt->n_lengths && p + qt->lengths[li] <= s->len; li++)
			table_probe(&qt->dense, s, p, qt->lengths[li]);
		if (p % STRIDE == 0 && qt->sparse.n_entries && p + KEY_LEN <= s->len)
			table_probe(&qt->sparse, s, p, KEY_LEN);
	}
}

static bool is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* One batch of article_find_quotes: one pass over the article. */
static size_t find_quote_batch(const article *a, const char *const *quotes, size_t n,
                               article_match *matches)
{
	quote_probe *probes = xmalloc((n ? n : 1) * sizeof(quote_probe));
	buf needles;
	buf_init(&needles);
	size_t *starts = xmalloc((n + 1) * sizeof(size_t));
	/* Folded quotes are mostly as long as the quotes: room for all at once
	 * (text_fold asks for 8 bytes to spare) rather than half as much again. */
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += strlen(quotes[i]);
	buf_reserve(&needles, total + 8);
	for (size_t i = 0; i < n; i++) {
		starts[i] = needles.len;
		text_fold(quotes[i], strlen(quotes[i]), &needles, NULL);
		matches[i] = (article_match){NULL, 0, 0};
	}
	starts[n] = needles.len;
	size_t pending = 0;
	for (size_t i = 0; i < n; i++) {
		probes[i] = (quote_probe){needles.ptr + starts[i], starts[i + 1] - starts[i], SIZE_MAX,
		                          SIZE_MAX};
		pending += probes[i].len > 0;
	}
	free(starts);

	/* A few quotes are found faster by memmem than by building a table, in
	 * the folded paragraphs kept for the next few (drafting looks up one
	 * source at a time). Many are looked for in each paragraph folded in
	 * turn: a bank's thousands of sources need no copy of the folded
	 * article beside their own. */
	bool few = n <= 4;
	quote_tables qt;
	if (few)
		fold_paragraphs(a);
	else
		tables_build(&qt, probes, n);
	quote_scan s = {.probes = probes, .pending = pending};
	s.found = xmalloc((n ? n : 1) * sizeof(size_t));
	buf scratch, refolded;
	buf_init(&scratch);
	buf_init(&refolded);
	for (size_t i = 0; i < a->n_paragraphs && s.pending; i++) {
		const article_paragraph *para = &a->paragraphs[i];
		/* Folded here, a paragraph is folded with its offsets at once:
		 * with thousands of quotes most paragraphs hold one. */
		size_t *offsets = NULL;
		if (a->folded_starts) {
			s.text = a->folded.ptr + a->folded_starts[i];
			s.len = a->folded_starts[i + 1] - a->folded_starts[i] - 1;
		} else {
			buf_clear(&scratch);
			text_fold(para->text, para->len, &scratch, &offsets);
			s.text = scratch.ptr;
			s.len = scratch.len;
		}
		s.n_found = 0;
		if (few) {
			for (size_t k = 0; k < n; k++) {
				if (probes[k].at != SIZE_MAX || !probes[k].len)
					continue;
				const char *hit = memmem(s.text, s.len, probes[k].text, probes[k].len);
				if (hit)
					record_match(&s, k, (size_t)(hit - s.text), (size_t)(hit - s.text));
			}
		} else {
			tables_scan(&qt, &s);
		}
		/* Map what was found here back to the paragraph's own bytes. ASCII
		 * folds byte for byte unless white space was collapsed, which
		 * shortens it: then no second folding is needed. */
		bool identity = s.n_found && s.len == para->len && is_ascii(para->text, para->len);
		if (s.n_found && !identity && !offsets) {
			buf_clear(&refolded);
			text_fold(para->text, para->len, &refolded, &offsets);
		}
		for (size_t k = 0; k < s.n_found; k++) {
			const quote_probe *q = &probes[s.found[k]];
			map_back(para, offsets, s.len, q->at - s.base, q->len, &matches[s.found[k]]);
		}
		free(offsets);
		s.base += s.len;
	}
	if (!few) {
		table_release(&qt.dense);
		table_release(&qt.sparse);
	}
	buf_release(&scratch);
	buf_release(&refolded);
	free(s.found);
	free(probes);
	buf_release(&needles);
	return pending - s.pending;
}

/* Quotes are looked for this many at a time. The tables and folded quotes
 * of a batch take about 400 bytes a quote, so a bank of 100,000 sources
 * needs about 6 MiB for its search rather than 40; each batch after the
 * first costs one more pass over the article, folded once for all of them. */
enum { QUOTE_BATCH = 16384 };

size_t article_find_quotes(const article *a, const char *const *quotes, size_t n,
                           article_match *matches)
{
	if (n > QUOTE_BATCH)
		fold_paragraphs(a);
	size_t found = 0;
	for (size_t i = 0; i < n; i += QUOTE_BATCH)
		found += find_quote_batch(a, quotes + i, n - i < QUOTE_BATCH ? n - i : QUOTE_BATCH,
		                          matches + i);
	return found;
}

bool article_find_quote(const article *a, const char *quote, article_match *m)
{
	return article_find_quotes(a, &quote, 1, m) == 1;
}

/* Bit-parallel approximate matching (Myers 1999, in Hyyrö's form for
 * searching): the least edit distance between `pat` (at most 64 bytes) and
 * any substring of `text`, and where the best such substring ends. */
static size_t best_approximate_end(const char *text, size_t len, const char *pat, size_t m,
                                   size_t *distance)
{
	uint64_t peq[256] = {0};
	for (size_t i = 0; i < m; i++)
		peq[(unsigned char)pat[i]] |= (uint64_t)1 << i;
	uint64_t high = (uint64_t)1 << (m - 1);
	uint64_t pv = m == 64 ? ~(uint64_t)0 : ((uint64_t)1 << m) - 1, mv = 0;
	size_t score = m, best = m, best_end = 0;
	for (size_t j = 0; j < len; j++) {
		uint64_t eq = peq[(unsigned char)text[j]];
		uint64_t xv = eq | mv;
		uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
		uint64_t ph = mv | ~(xh | pv);
		uint64_t mh = pv & xh;
		if (ph & high)
			score++;
		else if (mh & high)
			score--;
		ph <<= 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
		if (score < best) {
			best = score;
			best_end = j + 1;
		}
	}
	*distance = best;
	return best_end;
}

/* Edit distances between all of `s` and each prefix of `t`: row[j] for
 * t[0..j), for j from 0 to m. `row` holds m + 1 entries. */
static void prefix_distances(const char *s, size_t n, const char *t, size_t m, size_t *row)
{
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t cost = diagonal + (s[i - 1] != t[j - 1]);
			size_t best = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
			row[j] = cost < best ? cost : best;
			diagonal = up;
		}
	}
}

bool article_closest_passage(const article *a, const char *quote, article_match *m)
{
	fold_paragraphs(a);
	enum { MAX_QUOTE = 512 };
	buf needle;
	buf_init(&needle);
	text_fold(quote, strlen(quote), &needle, NULL);
	bool close = false;
	if (needle.len < 4 || needle.len > MAX_QUOTE || a->folded.len == 0)
		goto out;
	/* Locate by the quote's first 64 bytes, then judge the whole quote
	 * against the passage of its length that starts there. */
	size_t probe_len = needle.len < 64 ? needle.len : 64;
	size_t distance;
	size_t end = best_approximate_end(a->folded.ptr, a->folded.len, needle.ptr, probe_len,
	                                  &distance);
	if (distance * 3 > probe_len)
		goto out;
	size_t at = end > probe_len ? end - probe_len : 0;
	size_t para = paragraph_at_folded(a, end ? end - 1 : 0);
	size_t para_start = a->folded_starts[para];
	size_t para_end = a->folded_starts[para + 1] - 1;   /* before the '\n' */
	if (at < para_start)
		at = para_start;
	/* Try the start positions the edits could have moved it to, and for
	 * each the passage length that fits the quote best. */
	size_t best_at = at, best_len = 0, best_distance = SIZE_MAX;
	size_t slack = distance + 1 < 8 ? distance + 1 : 8;
	size_t *row = xmalloc((needle.len + slack + 1) * sizeof(size_t));
	size_t first = at > para_start + slack ? at - slack : para_start;
	for (size_t s = first; s <= at + slack && s < para_end; s++) {
		size_t avail = para_end - s;
		size_t span = needle.len + slack < avail ? needle.len + slack : avail;
		prefix_distances(needle.ptr, needle.len, a->folded.ptr + s, span, row);
		for (size_t l = 1; l <= span; l++) {
			if (row[l] < best_distance) {
				best_distance = row[l];
				best_at = s;
				best_len = l;
			}
		}
	}
	free(row);
	if (best_distance == SIZE_MAX || best_distance * 3 > needle.len)
		goto out;
	buf folded;
	buf_init(&folded);
	size_t *offsets = NULL;
	const article_paragraph *p = &a->paragraphs[para];
	text_fold(p->text, p->len, &folded, &offsets);
	map_back(p, offsets, folded.len, best_at - para_start, best_len, m);
	free(offsets);
	buf_release(&folded);
	close = true;
out:
	buf_release(&needle);
	return close;
}
