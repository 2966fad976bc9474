/* article.c - fuzz target: front matter and Markdown parsing, paragraphs and quote lookup */
#include "article.h"

#include "diag.h"
#include "text.h"
#include "fuzz.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_list *d = diag_list_new();
	article *a = article_parse("fuzz.md", (const char *)data, size, d);
	/* Diagnostics are formatted for the terminal: they must be safe too. */
	buf out;
	buf_init(&out);
	diag_format(d, size % 2, &out);
	fuzz_check_terminal_text(out.ptr, out.len, size % 2);
	FUZZ_ASSERT(a || diag_errors(d) > 0, "refused without an error");
	if (a) {
		const article_meta *meta = article_get_meta(a);
		(void)meta;
		size_t n = article_paragraph_count(a);
		size_t len;
		article_text(a, &len);
		FUZZ_ASSERT(len == size, "text is %zu bytes, input %zu", len, size);
		for (size_t i = 0; i < n && i < 64; i++) {
			const article_paragraph *p = article_paragraph_at(a, i);
			FUZZ_ASSERT(p->number == (int)i + 1, "paragraph %zu numbered %d", i, p->number);
			FUZZ_ASSERT(article_paragraph_of(a, p->node) == p, "paragraph %zu not found by node", i);
			/* A paragraph's own text is always found: in it, or in an
			 * earlier paragraph that folds to the same text. */
			char *quote = xstrndup(p->text, p->len);
			article_match m;
			bool found = article_find_quote(a, quote, &m);
			buf folded;
			buf_init(&folded);
			text_fold(quote, p->len, &folded, NULL);
			if (folded.len) {
				FUZZ_ASSERT(found, "paragraph %zu's text not found", i);
				FUZZ_ASSERT(m.paragraph->number <= p->number, "found after itself");
				FUZZ_ASSERT(m.start <= m.end && m.end <= m.paragraph->len,
				            "match %zu..%zu outside %zu bytes", m.start, m.end, m.paragraph->len);
			}
			buf_release(&folded);
			free(quote);
		}
		article_free(a);
	}
	buf_release(&out);
	diag_list_free(d);
	return 0;
}
