/* test_chart.c - bars, sparklines and table cells, in Unicode and ASCII */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "chart.h"
#include "text.h"

static const chart_style unicode = {.unicode = true};
static const chart_style ascii = {.unicode = false};
static const chart_style colour = {.unicode = true, .color = true};

static buf out;

static const char *bar(double fraction, int width, const chart_style *style)
{
	buf_clear(&out);
	chart_bar(&out, fraction, width, style);
	return out.ptr;
}

static void test_bar(void **state)
{
	(void)state;
	assert_string_equal(bar(0.5, 10, &ascii), "#####.....");
	assert_string_equal(bar(1, 4, &ascii), "####");
	assert_string_equal(bar(0, 4, &ascii), "....");
	/* Out of range and NaN are clamped, never overflow the width. */
	assert_string_equal(bar(7, 4, &ascii), "####");
	assert_string_equal(bar(-1, 4, &ascii), "....");
	assert_string_equal(bar(0.0 / 0.0, 4, &ascii), "....");
	/* Eighths: 2/3 of 20 columns is 13 and a third: 13 full, a 3/8 block. */
	assert_string_equal(bar(2.0 / 3.0, 20, &unicode), "█████████████▍░░░░░░");
	assert_int_equal(text_width(bar(2.0 / 3.0, 20, &unicode), strlen(out.ptr)), 20);
	assert_string_equal(bar(0.5, 4, &unicode), "██░░");
	assert_string_equal(bar(0.9, 2, &colour), "\033[32m█▊\033[0m");
	assert_string_equal(bar(0.25, 2, &colour), "\033[31m▌\033[0m\033[2m░\033[0m");
	assert_string_equal(bar(0.5, 0, &ascii), "");
}

static void test_sparkline(void **state)
{
	(void)state;
	double values[] = {0, 0.2, 0.5, 0.74, 0.99, 1, 3};
	buf_clear(&out);
	chart_sparkline(&out, values, 7, &unicode);
	assert_string_equal(out.ptr, "▁▂▅▆███");
	buf_clear(&out);
	chart_sparkline(&out, values, 7, &ascii);
	assert_string_equal(out.ptr, "_.+*@@@");
	buf_clear(&out);
	chart_sparkline(&out, values, 0, &colour);
	assert_string_equal(out.ptr, "");
}

static const char *cell(const char *text, int width, bool pad, const chart_style *style,
                        int *used)
{
	buf_clear(&out);
	*used = chart_cell(&out, text, width, pad, style);
	return out.ptr;
}

static void test_cell(void **state)
{
	(void)state;
	int used;
	assert_string_equal(cell("short", 8, true, &unicode, &used), "short   ");
	assert_int_equal(used, 8);
	assert_string_equal(cell("short", 8, false, &unicode, &used), "short");
	assert_int_equal(used, 5);
	assert_string_equal(cell("a longer title", 8, true, &unicode, &used), "a longe…");
	assert_string_equal(cell("a longer title", 8, true, &ascii, &used), "a lon...");
	/* Wide characters are two columns; none is split. */
	assert_string_equal(cell("日本語のタイトル", 7, true, &unicode, &used), "日本語…");
	assert_int_equal(used, 7);
	assert_string_equal(cell("日本語のタイトル", 8, true, &unicode, &used), "日本語… ");
	assert_int_equal(used, 8);
	/* A base letter keeps its combining accent. */
	assert_string_equal(cell("e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3, false,
	                         &unicode, &used),
	                    "e\xcc\x81" "e\xcc\x81" "…");
	/* Escapes are made visible, line breaks become spaces. */
	assert_string_equal(cell("a\033[2Jb\nc", 20, false, &unicode, &used), "a␛[2Jb c");
	assert_string_equal(cell("abc", 2, false, &ascii, &used), "ab");
	assert_int_equal(chart_width("a\033[2Jb\nc"), 8);
	assert_int_equal(chart_width("日本"), 4);
}

static void test_right(void **state)
{
	(void)state;
	buf_clear(&out);
	chart_right(&out, "7.5/10", 8);
	assert_string_equal(out.ptr, "  7.5/10");
	buf_clear(&out);
	chart_right(&out, "toolong", 3);
	assert_string_equal(out.ptr, "toolong");
}

int main(void)
{
	buf_init(&out);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_sparkline),
		cmocka_unit_test(test_cell),
		cmocka_unit_test(test_right),
	};
	int failed = cmocka_run_group_tests_name("chart", tests, NULL, NULL);
	buf_release(&out);
	return failed;
}
