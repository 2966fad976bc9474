/* test_escape.c - CSV fields and cells, JSON strings */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "escape.h"

static char *cell(const char *s)
{
	static buf out;
	buf_release(&out);
	buf_init(&out);
	escape_csv_cell(&out, s, strlen(s));
	return out.ptr;
}

static void test_cells_that_would_run_get_a_quote(void **state)
{
	(void)state;
	assert_string_equal(cell("=1+2"), "\"'=1+2\"");
	assert_string_equal(cell("+cmd"), "\"'+cmd\"");
	assert_string_equal(cell("-2+3"), "\"'-2+3\"");
	assert_string_equal(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
	assert_string_equal(cell("\tx"), "\"'\tx\"");
	assert_string_equal(cell("\rx"), "\"'\rx\"");
	assert_string_equal(cell("=\"a\",b"), "\"'=\"\"a\"\",b\"");
	assert_string_equal(cell("-"), "\"'-\"");
	assert_string_equal(cell("-1."), "\"'-1.\"");
}

static void test_plain_cells_stay(void **state)
{
	(void)state;
	assert_string_equal(cell("-5"), "-5");
	assert_string_equal(cell("+1.5"), "+1.5");
	assert_string_equal(cell("-0,5"), "\"-0,5\"");
	assert_string_equal(cell("a=b"), "a=b");
	assert_string_equal(cell(""), "");
	assert_string_equal(cell("x, y"), "\"x, y\"");
}

static void test_json_escapes_c1_controls(void **state)
{
	(void)state;
	buf out;
	buf_init(&out);
	const char s[] = "a\xc2\x9b" "31m\x1b" "b\xc2\xa0";
	escape_json(&out, s, strlen(s));
	assert_string_equal(out.ptr, "\"a\\u009b31m\\u001bb\xc2\xa0\"");
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_that_would_run_get_a_quote),
		cmocka_unit_test(test_plain_cells_stay),
		cmocka_unit_test(test_json_escapes_c1_controls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
