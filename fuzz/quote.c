/* quote.c - fuzz target: quote lookup in long articles against a plain search
 *
 * article_find_quote uses an index once an article is long. Here the input,
 * repeated until the article is long enough for it, is searched for pieces
 * of its own paragraphs, one at a time and all at once (the tables a bank's
 * sources are found with), and every answer is compared with a plain memmem
 * over the folded paragraphs and a full fold of the paragraph found. */
#include <string.h>

#include "article.h"
#include "diag.h"
#include "fuzz.h"
#include "text.h"
#include "util.h"

/* Every paragraph folded and joined with '\n', as the article keeps them. */
typedef struct {
	buf all;
	size_t *starts;
} folded_article;

static void fold_all(const article *a, folded_article *f)
{
	size_t n = article_paragraph_count(a);
	buf_init(&f->all);
	f->starts = xmalloc((n + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		const article_paragraph *p = article_paragraph_at(a, i);
		f->starts[i] = f->all.len;
		text_fold(p->text, p->len, &f->all, NULL);
		buf_putc(&f->all, '\n');
	}
}

static bool reference(const article *a, const folded_article *f, const char *quote,
                      article_match *m)
{
	buf needle;
	buf_init(&needle);
	text_fold(quote, strlen(quote), &needle, NULL);
	size_t n = article_paragraph_count(a);
	bool found = false;
	const char *hit = needle.len ? memmem(f->all.ptr, f->all.len, needle.ptr, needle.len) : NULL;
	if (hit) {
		size_t at = (size_t)(hit - f->all.ptr), i = 0;
		while (i + 1 < n && f->starts[i + 1] <= at)
			i++;
		const article_paragraph *p = article_paragraph_at(a, i);
		buf folded;
		buf_init(&folded);
		size_t *offsets;
		text_fold(p->text, p->len, &folded, &offsets);
		size_t rel = at - f->starts[i], end_rel = rel + needle.len;
		m->paragraph = p;
		m->start = offsets[rel];
		m->end = end_rel < folded.len ? offsets[end_rel] : p->len;
		while (m->end > m->start && (p->text[m->end - 1] == ' ' || p->text[m->end - 1] == '\n'))
			m->end--;
		free(offsets);
		buf_release(&folded);
		found = true;
	}
	buf_release(&needle);
	return found;
}

/* Compares a lookup's answer (paragraph NULL: not found) with a plain
 * search. */
static void compare_match(const article *a, const folded_article *f, const char *quote,
                          const article_match *answer)
{
	article_match got = *answer, want = {0};
	bool found = got.paragraph != NULL;
	bool expected = reference(a, f, quote, &want);
	FUZZ_ASSERT(found == expected, "found %d, a plain search %d, for \"%s\"", found, expected, quote);
	if (found) {
		FUZZ_ASSERT(got.paragraph == want.paragraph, "in paragraph %d, not %d", got.paragraph->number,
		            want.paragraph->number);
		FUZZ_ASSERT(got.start == want.start && got.end == want.end, "at %zu..%zu, not %zu..%zu",
		            got.start, got.end, want.start, want.end);
	}
}

static void compare(const article *a, const folded_article *f, const char *quote)
{
	article_match got = {0};
	if (!article_find_quote(a, quote, &got))
		got.paragraph = NULL;
	compare_match(a, f, quote, &got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > 4096)
		return 0;
	/* Long enough for the index: numbered copies of the input, so the
	 * same text occurs many times and the first occurrence must win. */
	buf text;
	buf_init(&text);
	for (int copy = 0; text.len < 24 * 1024; copy++) {
		buf_printf(&text, "Copy %d.\n\n", copy);
		buf_append(&text, (const char *)data, size);
		buf_puts(&text, "\n\n");
	}
	diag_list *d = diag_list_new();
	article *a = article_parse("fuzz.md", text.ptr, text.len, d);
	if (a) {
		folded_article f;
		fold_all(a, &f);
		size_t n = article_paragraph_count(a);
		/* Each quote alone, then all of them at once as a bank's sources
		 * are looked up: the other way through the search. */
		char *quotes[9];
		size_t n_quotes = 0;
		for (size_t k = 0; k < 8 && n; k++) {
			const article_paragraph *p = article_paragraph_at(a, (data[k % size] * 7 + k) % n);
			if (!p->len)
				continue;
			size_t from = data[(k + 1) % size] % p->len;
			size_t to = from + 1 + data[(k + 2) % size] * 3 % (p->len - from);
			quotes[n_quotes] = xstrndup(p->text + from, to - from);
			compare(a, &f, quotes[n_quotes++]);
		}
		quotes[n_quotes] = fuzz_cstring(data, size);
		compare(a, &f, quotes[n_quotes++]);
		article_match all[9];
		article_find_quotes(a, (const char *const *)quotes, n_quotes, all);
		for (size_t k = 0; k < n_quotes; k++) {
			compare_match(a, &f, quotes[k], &all[k]);
			free(quotes[k]);
		}
		free(f.starts);
		buf_release(&f.all);
		article_free(a);
	}
	diag_list_free(d);
	buf_release(&text);
	return 0;
}
