/* render.c - fuzz target: an article laid out for the terminal, with and without colour
 *
 * Whatever the input, the output holds no escape sequence but recall's own
 * SGR styles (and none at all without colour), and no control byte but
 * newline. */
#include "render.h"

#include "article.h"
#include "diag.h"
#include "fuzz.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int widths[] = {1, 12, 40, 80, 100};
	diag_list *d = diag_list_new();
	article *a = article_parse("fuzz.md", (const char *)data, size, d);
	if (a) {
		/* The width is picked from the input, so one input always lays
		 * out the same way and a crash replays. */
		render_options opt = {.width = widths[size % 5], .numbers = size & 8};
		for (int color = 0; color < 2; color++) {
			buf out;
			buf_init(&out);
			opt.color = color;
			render_article(a, &opt, &out);
			fuzz_check_terminal_text(out.ptr, out.len, color);
			FUZZ_ASSERT(out.len == 0 || out.ptr[out.len - 1] == '\n', "output does not end a line");
			buf_release(&out);
		}
		article_free(a);
	}
	diag_list_free(d);
	return 0;
}
