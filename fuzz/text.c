/* text.c - fuzz target: UTF-8 validation, sanitising, width, wrapping and folding */
#include "text.h"

#include "fuzz.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t bad = 0;
	bool valid = text_valid_utf8(s, size, &bad);
	FUZZ_ASSERT(valid || bad < size, "bad offset %zu of %zu", bad, size);

	/* Sanitised text is valid UTF-8 and safe for a terminal. */
	buf clean;
	buf_init(&clean);
	text_sanitize(s, size, &clean);
	FUZZ_ASSERT(text_valid_utf8(clean.ptr, clean.len, NULL), "sanitised text is not UTF-8");
	fuzz_check_terminal_text(clean.ptr, clean.len, false);
	int width = text_width(clean.ptr, clean.len);
	FUZZ_ASSERT(width >= 0, "negative width %d", width);
	size_t at = text_offset_of_column(clean.ptr, clean.len, (int)(size % 17));
	FUZZ_ASSERT(at <= clean.len, "column offset %zu past %zu", at, clean.len);

	/* Wrapping keeps it safe, and every line ends. */
	text_wrap_options opt = {
		.width = 1 + (int)(size % 40),
		.first_prefix = size & 1 ? "\033[1m> \033[0m" : "",
		.rest_prefix = size & 2 ? "  " : "",
		.preserve_spaces = size & 4,
	};
	buf wrapped;
	buf_init(&wrapped);
	text_wrap(clean.ptr, clean.len, &opt, &wrapped);
	fuzz_check_terminal_text(wrapped.ptr, wrapped.len, true);
	FUZZ_ASSERT(wrapped.len == 0 || wrapped.ptr[wrapped.len - 1] == '\n', "last line not ended");

	/* Folding maps every folded byte back into the input, in order. */
	buf folded;
	buf_init(&folded);
	size_t *offsets = NULL;
	text_fold(s, size, &folded, &offsets);
	FUZZ_ASSERT(offsets, "no offsets");
	FUZZ_ASSERT(offsets[folded.len] == size, "end offset %zu, not %zu", offsets[folded.len], size);
	for (size_t i = 0; i < folded.len; i++) {
		FUZZ_ASSERT(offsets[i] < size, "offset %zu past the input", offsets[i]);
		FUZZ_ASSERT(i == 0 || offsets[i] >= offsets[i - 1], "offsets go back at %zu", i);
	}
	FUZZ_ASSERT(folded.len == 0 || (folded.ptr[0] != ' ' && folded.ptr[folded.len - 1] != ' '),
	            "folded text keeps outer white space");
	free(offsets);
	buf_release(&folded);
	buf_release(&wrapped);
	buf_release(&clean);
	return 0;
}
