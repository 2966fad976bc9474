/* test_date.c - reading typed dates: forms, precision, order and existence */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

typedef struct {
	const char *typed;
	date_status status;
	int y, m, d, weekday;
} date_case;

static const date_case cases[] = {
	{"June 18, 2023", DATE_OK, 2023, 6, 18, 0},
	{"june 18 2023", DATE_OK, 2023, 6, 18, 0},
	{"JUNE 18, 2023", DATE_OK, 2023, 6, 18, 0},
	{"18 June 2023", DATE_OK, 2023, 6, 18, 0},
	{"18th June 2023", DATE_OK, 2023, 6, 18, 0},
	{"18th of June, 2023", DATE_OK, 2023, 6, 18, 0},
	{"the 18th of June 2023", DATE_OK, 2023, 6, 18, 0},
	{"the eighteenth of June 2023", DATE_OK, 2023, 6, 18, 0},
	{"twenty-first of May 2020", DATE_OK, 2020, 5, 21, 0},
	{"twenty first May 2020", DATE_OK, 2020, 5, 21, 0},
	{"May the 21st, 2020", DATE_OK, 2020, 5, 21, 0},
	{"Jun 18th 2023", DATE_OK, 2023, 6, 18, 0},
	{"Jun. 18, 2023", DATE_OK, 2023, 6, 18, 0},
	{"Sept 11, 2001", DATE_OK, 2001, 9, 11, 0},
	{"Sept. 11, 2001", DATE_OK, 2001, 9, 11, 0},
	{"Sep 11 2001", DATE_OK, 2001, 9, 11, 0},
	{"1st March 2000", DATE_OK, 2000, 3, 1, 0},
	{"2nd March 2000", DATE_OK, 2000, 3, 2, 0},
	{"3rd March 2000", DATE_OK, 2000, 3, 3, 0},
	{"Sunday, June 18, 2023", DATE_OK, 2023, 6, 18, 7},
	{"Sun 18 June 2023", DATE_OK, 2023, 6, 18, 7},
	{"Wed. 21 June 2023", DATE_OK, 2023, 6, 21, 3},
	{"Thurs, June 22, 2023", DATE_OK, 2023, 6, 22, 4},
	{"Sunday the 18th of June 2023", DATE_OK, 2023, 6, 18, 7},
	{"on June 18, 2023", DATE_OK, 2023, 6, 18, 0},
	{"On Sunday 18 June 2023.", DATE_OK, 2023, 6, 18, 7},
	{"(18 June 2023)", DATE_OK, 2023, 6, 18, 0},
	{"１８ June ２０２３", DATE_OK, 2023, 6, 18, 0},
	{"2023-06-18", DATE_OK, 2023, 6, 18, 0},
	{"2023/06/18", DATE_OK, 2023, 6, 18, 0},
	{"2023.6.18", DATE_OK, 2023, 6, 18, 0},
	{"6/18/2023", DATE_OK, 2023, 6, 18, 0},
	{"18/6/2023", DATE_OK, 2023, 6, 18, 0},
	{"18.06.2023", DATE_OK, 2023, 6, 18, 0},
	{"18-06-2023", DATE_OK, 2023, 6, 18, 0},
	{"5/5/2023", DATE_OK, 2023, 5, 5, 0},
	{"6/7/2023", DATE_AMBIGUOUS, 2023, 6, 7, 0},
	{"12/11/2023", DATE_AMBIGUOUS, 2023, 12, 11, 0},
	{"6/18", DATE_OK, 0, 6, 18, 0},
	{"18/6", DATE_OK, 0, 6, 18, 0},
	{"6/18/23", DATE_SHORT_YEAR, 0, 0, 0, 0},
	{"June 2023", DATE_OK, 2023, 6, 0, 0},
	{"June, 2023", DATE_OK, 2023, 6, 0, 0},
	{"June of 2023", DATE_OK, 2023, 6, 0, 0},
	{"in June 2023", DATE_OK, 2023, 6, 0, 0},
	{"2023-06", DATE_OK, 2023, 6, 0, 0},
	{"06/2023", DATE_OK, 2023, 6, 0, 0},
	{"June 18", DATE_OK, 0, 6, 18, 0},
	{"18 June", DATE_OK, 0, 6, 18, 0},
	{"June", DATE_OK, 0, 6, 0, 0},
	{"2023", DATE_OK, 2023, 0, 0, 0},
	{"in 2014", DATE_OK, 2014, 0, 0, 0},
	{"around 1294", DATE_OK, 1294, 0, 0, 0},
	{"circa 1294", DATE_OK, 1294, 0, 0, 0},
	{"c. 1294", DATE_OK, 1294, 0, 0, 0},
	{"476", DATE_OK, 476, 0, 0, 0},
	{"476 AD", DATE_OK, 476, 0, 0, 0},
	{"AD 476", DATE_OK, 476, 0, 0, 0},
	{"Sunday", DATE_OK, 0, 0, 0, 7},
	{"the 1960s", DATE_DECADE, 1960, 0, 0, 0},
	{"1960s", DATE_DECADE, 1960, 0, 0, 0},
	{"1960's", DATE_DECADE, 1960, 0, 0, 0},
	{"early 2012", DATE_OK, 2012, 0, 0, 0},
	{"mid-2016", DATE_OK, 2016, 0, 0, 0},
	{"the end of 1350", DATE_OK, 1350, 0, 0, 0},
	{"in the spring of 1349", DATE_OK, 1349, 0, 0, 0},
	{"late June 2023", DATE_OK, 2023, 6, 0, 0},
	{"Feburary 3, 2023", DATE_OK, 2023, 2, 3, 0},
	{"Septmber 11, 2001", DATE_OK, 2001, 9, 11, 0},
	{"Agust 1, 2001", DATE_OK, 2001, 8, 1, 0},
	/* Do not exist. */
	{"February 30, 2023", DATE_NONEXISTENT, 2023, 2, 30, 0},
	{"February 29, 2023", DATE_NONEXISTENT, 2023, 2, 29, 0},
	{"June 31, 2023", DATE_NONEXISTENT, 2023, 6, 31, 0},
	{"31/6/2023", DATE_NONEXISTENT, 2023, 6, 31, 0},
	{"2023-13-01", DATE_NONEXISTENT, 2023, 13, 1, 0},
	{"2023-02-29", DATE_NONEXISTENT, 2023, 2, 29, 0},
	{"13/13/2023", DATE_NONEXISTENT, 0, 0, 0, 0},
	{"2023-00", DATE_NONEXISTENT, 2023, 0, 0, 0},
	{"June 0, 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	/* Not dates. */
	{"", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"yesterday", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"18", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"18th", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"20230618", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"Juen 18, 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"Jnue 18, 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"June 18-19, 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"2018-2019", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"June 18, 2023 or June 19, 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"6-18", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"3.5", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"2,018", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"MMXVIII", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"early June 18, 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"mid", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"June June 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"2023 June", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"the the 18th of June 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"18 18 June 2023", DATE_NOT_A_DATE, 0, 0, 0, 0},
	{"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18", DATE_NOT_A_DATE, 0, 0, 0, 0},
};

static void test_forms(void **state)
{
	(void)state;
	size_t failures = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const date_case *c = &cases[i];
		date_parse_result r;
		date_status st = date_parse(c->typed, strlen(c->typed), QUIZ_DATE_ORDER_UNSET, &r);
		bool ok = st == c->status && r.status == st;
		if (ok && (st == DATE_OK || st == DATE_AMBIGUOUS || st == DATE_DECADE ||
		           (st == DATE_NONEXISTENT && c->y)))
			ok = r.value.year == c->y && r.value.month == c->m && r.value.day == c->d &&
			     r.value.weekday == c->weekday;
		if (!ok) {
			print_error("\"%s\": got status %d %d-%d-%d wd %d, want %d %d-%d-%d wd %d\n",
			            c->typed, st, r.value.year, r.value.month, r.value.day,
			            r.value.weekday, c->status, c->y, c->m, c->d, c->weekday);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void test_order(void **state)
{
	(void)state;
	date_parse_result r;
	assert_int_equal(date_parse("6/7/2023", 8, QUIZ_DATE_ORDER_UNSET, &r), DATE_AMBIGUOUS);
	assert_int_equal(r.value.month, 6);
	assert_int_equal(r.value.day, 7);
	assert_int_equal(r.alt.month, 7);
	assert_int_equal(r.alt.day, 6);
	assert_true(r.numeric);
	assert_int_equal(date_parse("6/7/2023", 8, QUIZ_DATE_ORDER_MDY, &r), DATE_OK);
	assert_int_equal(r.value.month, 6);
	assert_int_equal(date_parse("6/7/2023", 8, QUIZ_DATE_ORDER_DMY, &r), DATE_OK);
	assert_int_equal(r.value.month, 7);
	/* One reading only: the order does not matter. */
	assert_int_equal(date_parse("18/6/2023", 9, QUIZ_DATE_ORDER_MDY, &r), DATE_OK);
	assert_int_equal(r.value.month, 6);
	assert_int_equal(date_parse("6/18/2023", 9, QUIZ_DATE_ORDER_DMY, &r), DATE_OK);
	assert_int_equal(r.value.day, 18);
	/* Year first is always year-month-day. */
	assert_int_equal(date_parse("2023/07/06", 10, QUIZ_DATE_ORDER_DMY, &r), DATE_OK);
	assert_int_equal(r.value.month, 7);
	/* Both readings impossible. */
	assert_int_equal(date_parse("31/31/2023", 10, QUIZ_DATE_ORDER_UNSET, &r), DATE_NONEXISTENT);
	/* 29/2 without a year may exist. */
	assert_int_equal(date_parse("29/2", 4, QUIZ_DATE_ORDER_UNSET, &r), DATE_OK);
	assert_int_equal(date_parse("30/2", 4, QUIZ_DATE_ORDER_UNSET, &r), DATE_NONEXISTENT);
}

static void test_flags(void **state)
{
	(void)state;
	date_parse_result r;
	date_parse("Feburary 3, 2023", 16, QUIZ_DATE_ORDER_UNSET, &r);
	assert_true(r.month_corrected);
	date_parse("February 3, 2023", 16, QUIZ_DATE_ORDER_UNSET, &r);
	assert_false(r.month_corrected);
	assert_false(r.numeric);
	date_parse("early 2012", 10, QUIZ_DATE_ORDER_UNSET, &r);
	assert_true(r.vague);
	date_parse("2012", 4, QUIZ_DATE_ORDER_UNSET, &r);
	assert_false(r.vague);
	date_parse("2023-06-18", 10, QUIZ_DATE_ORDER_UNSET, &r);
	assert_true(r.numeric);
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(2023, 6, 18), 7);
	assert_int_equal(date_weekday(2000, 1, 1), 6);
	assert_int_equal(date_weekday(2024, 2, 29), 4);
	assert_int_equal(date_weekday(1969, 7, 20), 7);
	assert_int_equal(date_weekday(2001, 9, 11), 2);
	assert_string_equal(date_weekday_name(7), "Sunday");
	assert_string_equal(date_month_name(9), "September");
	assert_string_equal(date_month_name(13), "?");
}

/* Long and odd input is refused quickly, never read past its end. */
static void test_odd_input(void **state)
{
	(void)state;
	date_parse_result r;
	char s[4096];
	memset(s, '9', sizeof s);
	assert_int_equal(date_parse(s, sizeof s, QUIZ_DATE_ORDER_UNSET, &r), DATE_NOT_A_DATE);
	memset(s, '/', sizeof s);
	assert_int_equal(date_parse(s, sizeof s, QUIZ_DATE_ORDER_UNSET, &r), DATE_NOT_A_DATE);
	assert_int_equal(date_parse("999999999999/1/1", 16, QUIZ_DATE_ORDER_UNSET, &r),
	                 DATE_NOT_A_DATE);
	assert_int_equal(date_parse("\xff", 1, QUIZ_DATE_ORDER_UNSET, &r), DATE_NOT_A_DATE);
	/* The length is respected: "2023" is all that is read. */
	assert_int_equal(date_parse("2023-06-18", 4, QUIZ_DATE_ORDER_UNSET, &r), DATE_OK);
	assert_int_equal(r.value.month, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_odd_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
