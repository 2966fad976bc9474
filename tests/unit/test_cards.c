/* test_cards.c - how answers fold into review cards, calendar days, times and pins */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "cards.h"
#include "sections.h"

#define DAY (86400 * 1000LL)

static int64_t at(const char *text)
{
	int64_t ms = 0;
	assert_true(cards_parse_time(text, &ms));
	return ms;
}

static void test_ratings(void **state)
{
	(void)state;
	assert_int_equal(cards_rating("correct", false), FSRS_GOOD);
	assert_int_equal(cards_rating("wrong", true), FSRS_GOOD);
	assert_int_equal(cards_rating("close", false), FSRS_HARD);
	assert_int_equal(cards_rating("partial", false), FSRS_HARD);
	assert_int_equal(cards_rating("wrong", false), FSRS_AGAIN);
	assert_int_equal(cards_rating("skipped", false), FSRS_AGAIN);
	assert_int_equal(cards_rating("ambiguous", false), 0);
	assert_int_equal(cards_rating("nonsense", false), 0);
}

static void test_times(void **state)
{
	(void)state;
	assert_int_equal(at("2026-03-01"), 1772323200000LL);
	assert_int_equal(at("2026-03-01T10:00"), 1772323200000LL + 10 * 3600000LL);
	assert_int_equal(at("2026-03-01 10:00:30"), 1772323200000LL + 10 * 3600000LL + 30000);
	assert_int_equal(at("@60"), 60000);
	int64_t ms;
	assert_false(cards_parse_time("2026-02-30", &ms));
	assert_false(cards_parse_time("2026-03-01T25:00", &ms));
	assert_false(cards_parse_time("tomorrow", &ms));
	assert_false(cards_parse_time("2026-03-01x", &ms));
	assert_false(cards_parse_time("", &ms));
}

static void test_days(void **state)
{
	(void)state;
	/* Late in the evening and early the next morning: one calendar day. */
	assert_int_equal(cards_days_between(at("2026-03-01T23:30"), at("2026-03-02T00:10")), 1);
	assert_int_equal(cards_days_between(at("2026-03-01T00:10"), at("2026-03-01T23:30")), 0);
	assert_int_equal(cards_days_between(at("2026-03-05"), at("2026-03-01")), -4);
	assert_int_equal(cards_day_start(at("2026-03-01T15:00"), 2), at("2026-03-03"));
	assert_int_equal(cards_day_start(at("2026-12-31T15:00"), 1), at("2027-01-01"));
}

/* Answers fold into FSRS-6: Good, Good on their due days; Again the next day. */
static void test_apply(void **state)
{
	(void)state;
	card_state c = {0};
	cards_apply(&c, "correct", false, at("2026-03-01T10:00"));
	assert_true(fabs(c.memory.stability - 2.3065) < 1e-4);
	assert_int_equal(c.due_ms, at("2026-03-03"));
	cards_apply(&c, "correct", false, at("2026-03-03T09:00"));
	assert_true(fabs(c.memory.stability - 10.9643) < 1e-4);
	assert_int_equal(c.due_ms, at("2026-03-14"));
	assert_int_equal(c.reviews, 1);
	assert_int_equal(c.recalled, 1);
	cards_apply(&c, "ambiguous", false, at("2026-03-14T09:00"));
	assert_int_equal(c.reps, 2);
	cards_apply(&c, "wrong", false, at("2026-03-14T09:00"));
	assert_int_equal(c.lapses, 1);
	assert_int_equal(c.reviews, 2);
	assert_int_equal(c.recalled, 1);
	assert_true(fabs(c.memory.stability - 1.538337) < 1e-4);
	assert_int_equal(c.due_ms, at("2026-03-16"));
	/* Again then Good the same day: the short-term formula, due the next day. */
	card_state d = {0};
	cards_apply(&d, "wrong", false, at("2026-03-01T10:00"));
	cards_apply(&d, "correct", false, at("2026-03-01T10:20"));
	assert_true(d.memory.stability > 0.212);
	assert_int_equal(d.reviews, 0);
	assert_int_equal(d.due_ms, at("2026-03-02"));
	/* A higher retention brings the due date forward. */
	assert_true(cards_due_ms(at("2026-03-01"), 10, 0.97) < cards_due_ms(at("2026-03-01"), 10, 0.9));
}

static void test_pins(void **state)
{
	(void)state;
	assert_int_equal(sections_pin_paragraph("\xc2\xb6" "12"), 12);
	assert_int_equal(sections_pin_paragraph("p3"), 3);
	assert_int_equal(sections_pin_paragraph("Empty promises"), 0);
	assert_int_equal(sections_pin_paragraph("\xc2\xb6"), 0);
	assert_int_equal(sections_pin_paragraph("\xc2\xb6" "1a"), 0);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratings), cmocka_unit_test(test_times),
		cmocka_unit_test(test_days),    cmocka_unit_test(test_apply),
		cmocka_unit_test(test_pins),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
