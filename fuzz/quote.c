/* quote.c - fuzz target: quote lookup in long articles against a plain search
 *
 * article_find_quote uses an index once an article is long. Here the input,
 * repeated until the article is long enough for it, is searched for pieces
 * of its own paragraphs, and every answer is compared with a plain memmem
 * over the folded paragraphs and a full fold of the paragraph found. */
#include <string.h>

#include "article.h"
#include "diag.h"
#include "fuzz.h"
#include "text.h"
#include "util.h"

static bool reference(const article *a, const char *quote, article_match *m)
{
	buf needle, all;
	buf_init(&needle);
	buf_init(&all);
	text_fold(quote, strlen(quote), &needle, NULL);
	size_t n = article_paragraph_count(a);
	size_t *starts = xmalloc((n + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		const article_paragraph *p = article_paragraph_at(a, i);
		starts[i] = all.len;
		text_fold(p->text, p->len, &all, NULL);
		buf_putc(&all, '\n');
	}
	bool found = false;
	const char *hit = needle.len ? memmem(all.ptr, all.len, needle.ptr, needle.len) : NULL;
	if (hit) {
		size_t at = (size_t)(hit - all.ptr), i = 0;
		while (i + 1 < n && starts[i + 1] <= at)
			i++;
		const article_paragraph *p = article_paragraph_at(a, i);
		buf folded;
		buf_init(&folded);
		size_t *offsets;
		text_fold(p->text, p->len, &folded, &offsets);
		size_t rel = at - starts[i], end_rel = rel + needle.len;
		m->paragraph = p;
		m->start = offsets[rel];
		m->end = end_rel < folded.len ? offsets[end_rel] : p->len;
		while (m->end > m->start && (p->text[m->end - 1] == ' ' || p->text[m->end - 1] == '\n'))
			m->end--;
		free(offsets);
		buf_release(&folded);
		found = true;
	}
	free(starts);
	buf_release(&all);
	buf_release(&needle);
	return found;
}

static void compare(const article *a, const char *quote)
{
	article_match got = {0}, want = {0};
	bool found = article_find_quote(a, quote, &got);
	bool expected = reference(a, quote, &want);
	FUZZ_ASSERT(found == expected, "found %d, a plain search %d, for \"%s\"", found, expected, quote);
	if (found) {
		FUZZ_ASSERT(got.paragraph == want.paragraph, "in paragraph %d, not %d", got.paragraph->number,
		            want.paragraph->number);
		FUZZ_ASSERT(got.start == want.start && got.end == want.end, "at %zu..%zu, not %zu..%zu",
		            got.start, got.end, want.start, want.end);
	}
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
		size_t n = article_paragraph_count(a);
		for (size_t k = 0; k < 8 && n; k++) {
			const article_paragraph *p = article_paragraph_at(a, (data[k % size] * 7 + k) % n);
			if (!p->len)
				continue;
			size_t from = data[(k + 1) % size] % p->len;
			size_t to = from + 1 + data[(k + 2) % size] * 3 % (p->len - from);
			char *quote = xstrndup(p->text + from, to - from);
			compare(a, quote);
			free(quote);
		}
		char *whole = fuzz_cstring(data, size);
		compare(a, whole);
		free(whole);
		article_free(a);
	}
	diag_list_free(d);
	buf_release(&text);
	return 0;
}
