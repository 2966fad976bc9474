/* test_text.c - sanitising, display width, wrapping and folding */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static char *sanitized(const char *s)
{
	static buf out;
	buf_release(&out);
	buf_init(&out);
	text_sanitize(s, strlen(s), &out);
	return out.ptr;
}

static void test_sanitize_neutralises_escapes(void **state)
{
	(void)state;
	/* CSI colour, OSC title with BEL, 8-bit CSI (C1), a bell and DEL. */
	const char *evil = "a\033[31mred\033]0;title\007b\xc2\x9b" "31mc\x7f";
	char *out = sanitized(evil);
	for (const char *p = out; *p; p++)
		assert_false((unsigned char)*p < 0x20 && *p != '\n');
	assert_null(strchr(out, '\033'));
	assert_null(strstr(out, "\xc2\x9b"));
	assert_non_null(strstr(out, "␛[31mred"));
	assert_non_null(strstr(out, "␇"));
}

static void test_sanitize_tabs_and_newlines(void **state)
{
	(void)state;
	assert_string_equal(sanitized("a\tb"), "a       b");
	assert_string_equal(sanitized("line\r\nnext"), "line\nnext");
	assert_string_equal(sanitized("x\xe2\x80\xa8y"), "x\ny");
	/* Bidi overrides are removed; invalid bytes become U+FFFD. */
	assert_string_equal(sanitized("a\xe2\x80\xae" "b"), "ab");
	assert_string_equal(sanitized("a\xff" "z"), "a\xef\xbf\xbd" "z");
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("hello", 5), 5);
	assert_int_equal(text_width("日本語", strlen("日本語")), 6);
	/* e + combining acute is one column. */
	assert_int_equal(text_width("e\xcc\x81", 3), 1);
	assert_int_equal(text_width("\033[1mbold\033[0m", strlen("\033[1mbold\033[0m")), 4);
}

static char *wrapped(const char *s, int width, const char *first, const char *rest, bool pre)
{
	static buf out;
	buf_release(&out);
	buf_init(&out);
	text_wrap_options o = {width, first, rest, pre};
	text_wrap(s, strlen(s), &o, &out);
	return out.ptr;
}

static void test_wrap_words(void **state)
{
	(void)state;
	assert_string_equal(wrapped("the quick brown fox jumps", 10, "", "", false),
	                    "the quick\nbrown fox\njumps\n");
	assert_string_equal(wrapped("aaaaaaaaaaaaa", 5, "", "", false), "aaaaa\naaaaa\naaa\n");
	assert_string_equal(wrapped("one two", 20, "> ", "  ", false), "> one two\n");
	assert_string_equal(wrapped("one two three", 9, "> ", "  ", false), "> one two\n  three\n");
	assert_string_equal(wrapped("", 10, "", "", false), "\n");
}

static void test_wrap_wide_and_combining(void **state)
{
	(void)state;
	/* Five wide characters in 6 columns: three lines of at most 3 each. */
	assert_string_equal(wrapped("日本語日本", 6, "", "", false), "日本語\n日本\n");
	/* Combining marks never split from their base. */
	const char *s = "e\xcc\x81" "e\xcc\x81" "e\xcc\x81";
	assert_string_equal(wrapped(s, 2, "", "", false), "e\xcc\x81" "e\xcc\x81\n" "e\xcc\x81\n");
}

static void test_wrap_keeps_style_across_breaks(void **state)
{
	(void)state;
	assert_string_equal(wrapped("\033[1mone two\033[0m", 4, "", "", false),
	                    "\033[1mone\033[0m\n\033[1mtwo\033[0m\n");
}

static void test_fold(void **state)
{
	(void)state;
	buf out;
	buf_init(&out);
	const char *s = "  “Quoted”  —\tIT’S ";
	size_t *offsets = NULL;
	text_fold(s, strlen(s), &out, &offsets);
	assert_string_equal(out.ptr, "\"quoted\" - it's");
	assert_int_equal(offsets[0], 2);
	assert_int_equal(offsets[out.len], strlen(s));
	free(offsets);
	buf_release(&out);
}

static void test_valid_utf8(void **state)
{
	(void)state;
	size_t bad = 0;
	assert_true(text_valid_utf8("héllo", strlen("héllo"), &bad));
	assert_false(text_valid_utf8("ab\xc3(", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(text_valid_utf8("ab\0c", 4, &bad));
	assert_int_equal(bad, 2);
	/* Overlong encodings and surrogates are invalid. */
	assert_false(text_valid_utf8("\xc0\xaf", 2, &bad));
	assert_false(text_valid_utf8("\xed\xa0\x80", 3, &bad));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_neutralises_escapes),
		cmocka_unit_test(test_sanitize_tabs_and_newlines),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_wide_and_combining),
		cmocka_unit_test(test_wrap_keeps_style_across_breaks),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_valid_utf8),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
