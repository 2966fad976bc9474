/* test_number.c - reading typed numbers: digits, words, scales, percentages, units */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number.h"

typedef struct {
	const char *typed;
	bool ok;
	double value;
	const char *unit;   /* NULL: not checked */
	int flags;          /* P percent, O ordinal, Q qualified */
} number_case;

enum { P = 1, O = 2, Q = 4 };

static const number_case cases[] = {
	{"2000", true, 2000, "", 0},
	{"2,000", true, 2000, "", 0},
	{"2 000", true, 2000, "", 0},
	{"1,234,567", true, 1234567, "", 0},
	{"1,234.56", true, 1234.56, "", 0},
	{"-3.5", true, -3.5, "", 0},
	{"−3.5", true, -3.5, "", 0},
	{"+7", true, 7, "", 0},
	{"minus 5", true, -5, "", 0},
	{".5", true, 0.5, "", 0},
	{"0.25", true, 0.25, "", 0},
	{"２０００", true, 2000, "", 0},
	{"2k", true, 2000, "", 0},
	{"2.5K", true, 2500, "", 0},
	{"2.5bn", true, 2.5e9, "", 0},
	{"2.5 bn", true, 2.5e9, "", 0},
	{"3 mn", true, 3e6, "", 0},
	{"$3m", true, 3e6, "$", 0},
	{"3m", true, 3, "m", 0},
	{"1.5 million", true, 1.5e6, "", 0},
	{"2 thousand", true, 2000, "", 0},
	{"two thousand million", true, 2e9, "", 0},
	{"zero", true, 0, "", 0},
	{"seven", true, 7, "", 0},
	{"twelve", true, 12, "", 0},
	{"twenty-five", true, 25, "", 0},
	{"twenty five", true, 25, "", 0},
	{"ninety-nine", true, 99, "", 0},
	{"a hundred", true, 100, "", 0},
	{"one hundred and five", true, 105, "", 0},
	{"two thousand and nineteen", true, 2019, "", 0},
	{"two thousand nineteen", true, 2019, "", 0},
	{"twenty-five hundred", true, 2500, "", 0},
	{"nineteen hundred", true, 1900, "", 0},
	{"one million two hundred thousand", true, 1.2e6, "", 0},
	{"three billion", true, 3e9, "", 0},
	{"a dozen", true, 12, "", 0},
	{"two dozen", true, 24, "", 0},
	{"a million", true, 1e6, "", 0},
	{"two and a half", true, 2.5, "", 0},
	{"two and a half billion", true, 2.5e9, "", 0},
	{"3rd", true, 3, "", O},
	{"21st", true, 21, "", O},
	{"third", true, 3, "", O},
	{"the third", true, 3, "", O},
	{"twenty-first", true, 21, "", O},
	{"hundredth", true, 100, "", O},
	{"half", true, 0.5, "", 0},
	{"a half", true, 0.5, "", 0},
	{"one half", true, 0.5, "", 0},
	{"a third", true, 1.0 / 3, "", 0},
	{"one third", true, 1.0 / 3, "", 0},
	{"two thirds", true, 2.0 / 3, "", 0},
	{"seven-eighths", true, 7.0 / 8, "", 0},
	{"three quarters", true, 0.75, "", 0},
	{"a quarter", true, 0.25, "", 0},
	{"1/2", true, 0.5, "", 0},
	{"½", true, 0.5, "", 0},
	{"2½", true, 2.5, "", 0},
	{"2 1/2", true, 2.5, "", 0},
	{"5%", true, 5, "%", P},
	{"5 %", true, 5, "%", P},
	{"5 percent", true, 5, "%", P},
	{"5 per cent", true, 5, "%", P},
	{"5 pct", true, 5, "%", P},
	{"five percent", true, 5, "%", P},
	{"53% of the population", true, 53, "% of the population", P},
	{"$40 million", true, 4e7, "$", 0},
	{"US$40 million", true, 4e7, "$", 0},
	{"€5", true, 5, "€", 0},
	{"£1.3bn", true, 1.3e9, "£", 0},
	{"USD 40", true, 40, "$", 0},
	{"about 40 km", true, 40, "km", Q},
	{"40km", true, 40, "km", 0},
	{"over $40 million", true, 4e7, "$", Q},
	{"more than 600,000", true, 600000, "", Q},
	{"just under 3 feet", true, 3, "feet", Q},
	{"an estimated 2,000 people", true, 2000, "people", Q},
	{"~200", true, 200, "", Q},
	{"22,000 objects", true, 22000, "objects", 0},
	{"39-yard", true, 39, "yard", 0},
	{"−5 °C", true, -5, "°c", 0},
	{"1.4 times normal", true, 1.4, "times normal", 0},
	{"187 feet (57 m)", true, 187, "feet", 0},
	{"15 °C [59 °F]", true, 15, "°c", 0},
	/* Not one number. */
	{"", false, 0, NULL, 0},
	{"many", false, 0, NULL, 0},
	{"thousands", false, 0, NULL, 0},
	{"2,00", false, 0, NULL, 0},
	{"20,00", false, 0, NULL, 0},
	{"1,2345", false, 0, NULL, 0},
	{"12,34,567", false, 0, NULL, 0},
	{"8-15", false, 0, NULL, 0},
	{"8–15", false, 0, NULL, 0},
	{"5 to 6", false, 0, NULL, 0},
	{"five or six", false, 0, NULL, 0},
	{"13 years and 48 days", false, 0, NULL, 0},
	{"five twenty", false, 0, NULL, 0},
	{"twentyfive", false, 0, NULL, 0},
	{"1960s", false, 0, NULL, 0},
	{"2e3", false, 0, NULL, 0},
	{"%5", false, 0, NULL, 0},
	{"a", false, 0, NULL, 0},
	{"and", false, 0, NULL, 0},
	{"187 (or 188) feet", false, 0, NULL, 0},
	{"187 (188) feet", false, 0, NULL, 0},
	{"18 June 2023", false, 0, NULL, 0},
	{"number 24", false, 0, NULL, 0},
	{"\xff", false, 0, NULL, 0},
};

static void test_forms(void **state)
{
	(void)state;
	size_t failures = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const number_case *c = &cases[i];
		number_value v;
		bool ok = number_parse(c->typed, strlen(c->typed), &v);
		bool right = ok == c->ok;
		if (right && ok) {
			right = fabs(v.value - c->value) <= 1e-9 * (fabs(c->value) > 1 ? fabs(c->value) : 1) &&
			        v.percent == !!(c->flags & P) && v.ordinal == !!(c->flags & O) &&
			        v.qualified == !!(c->flags & Q) && (!c->unit || !strcmp(v.unit, c->unit));
		}
		if (!right) {
			print_error("\"%s\": got %d %g [%s] p%d o%d q%d, want %d %g [%s]\n", c->typed, ok,
			            v.value, v.unit, v.percent, v.ordinal, v.qualified, c->ok, c->value,
			            c->unit ? c->unit : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void test_words_flag(void **state)
{
	(void)state;
	number_value v;
	assert_true(number_parse("two thousand", 12, &v));
	assert_true(v.in_words);
	assert_true(number_parse("2000", 4, &v));
	assert_false(v.in_words);
}

static void test_units(void **state)
{
	(void)state;
	assert_int_equal(number_unit_compare(NULL, "km"), NUMBER_UNIT_ABSENT);
	assert_int_equal(number_unit_compare("", "km"), NUMBER_UNIT_ABSENT);
	assert_int_equal(number_unit_compare("km", ""), NUMBER_UNIT_ABSENT);
	assert_int_equal(number_unit_compare("km", "km"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("km", "kilometres"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("kilometers", "km"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("km", "km long"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("km", "miles"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("km", "m"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("km", "sq km"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("feet", "ft"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("feet", "foot"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("USD", "$"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("dollars", "$"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("USD", "€"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("%", "% of the city"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("percent", "%"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("% of the city", "%"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("%", "km"), NUMBER_UNIT_DIFFERENT);
	/* "pounds" are money and weight. */
	assert_int_equal(number_unit_compare("£", "pounds"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("lb", "pounds"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("kg", "pounds"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("°C", "degrees Celsius"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("°C", "degrees celsius"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("°C", "°f"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("km2", "sq km"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("km²", "km2"), NUMBER_UNIT_SAME);
	/* Units the table does not know compare by their first word. */
	assert_int_equal(number_unit_compare("troops", "troops"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("troops", "troop"), NUMBER_UNIT_SAME);
	assert_int_equal(number_unit_compare("troops", "soldiers"), NUMBER_UNIT_DIFFERENT);
	assert_int_equal(number_unit_compare("men including the guard", "men"), NUMBER_UNIT_SAME);
}

static void test_odd_input(void **state)
{
	(void)state;
	number_value v;
	char s[4096];
	memset(s, '9', sizeof s);
	assert_false(number_parse(s, sizeof s, &v));
	/* Trailing punctuation is punctuation; commas that do not group by
	 * three are not a number. */
	memset(s, ',', sizeof s);
	s[0] = '1';
	assert_true(number_parse(s, 200, &v));
	assert_true(v.value == 1);
	for (size_t i = 0; i < 200; i += 2)
		s[i] = '1';
	assert_false(number_parse(s, 199, &v));
	/* Long digit runs still give a value, no overflow. */
	assert_true(number_parse("123456789012345678901234567890", 30, &v));
	assert_true(v.value > 1e29);
	/* Many words: the token limit refuses them. */
	const char *words = "one one one one one one one one one one one one one one one one one "
	                    "one one one one one one one one one one one one";
	assert_false(number_parse(words, strlen(words), &v));
	/* The length is respected. */
	assert_true(number_parse("25 km", 2, &v));
	assert_string_equal(v.unit, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_words_flag),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_odd_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
