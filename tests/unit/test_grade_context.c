/* test_grade_context.c - the words around a typed value: fillers, value
 * words and bounds the question itself asks, on an article of its own */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade_bank.h"

/* A made-up village radio station and a court case about it. */
static const char article_md[] =
	"---\n"
	"title: Radio Fellmoor\n"
	"published: 2020-06-01\n"
	"---\n"
	"\n"
	"Radio Fellmoor has broadcast from the village hall since 1962. Its founder, the teacher "
	"Agnes Brook, ran it alone until 1979.\n"
	"\n"
	"In 1979 a fire burned the hall down.\n"
	"\n"
	"After a long dispute the county paid the station a lump sum of 216,000 pounds in 2004, "
	"and a couple of volunteers rebuilt the mast. A quarter of the village listens every "
	"morning.\n";

static int setup(void **state)
{
	(void)state;
	start_bank("Radio Fellmoor", "fellmoor.md", article_md);
	date_q("since", 1962, 0, 0, "How long has Radio Fellmoor broadcast from the village hall?",
	       "since 1962");
	date_q("founded", 1962, 0, 0, "In what year did Radio Fellmoor start broadcasting from the hall?",
	       "since 1962");
	date_q("alone", 1979, 0, 0, "Agnes Brook ran the station alone until when?",
	       "ran it alone until 1979");
	date_q("fire", 1979, 0, 0, "In what year did the village hall burn down?",
	       "a fire burned the hall down");
	number_q("paid", 216000, "pounds", "216,000 pounds", "How much did the county pay the station?",
	         "paid the station a lump sum");
	number_q("volunteers", 2, "volunteers", "two", "How many volunteers rebuilt the mast?",
	         "a couple of volunteers");
	g = grader_new(bank, NULL);
	return 0;
}

/* "a" and "an" before a value are part of it ("a couple", "a quarter");
 * before anything else they are fillers. */
static void test_article_words(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"paid", "a lump sum of 216,000 pounds", OK, "Right"},
		{"paid", "a sum of 216,000 pounds", OK, "Right"},
		{"paid", "a car and 216,000 pounds", WRONG, NULL},
		{"paid", "a payment of 261,000 pounds", WRONG, NULL},
		{"volunteers", "a couple", OK, NULL},
		{"volunteers", "a couple of volunteers", OK, "Right"},
		{"volunteers", "a dozen", WRONG, NULL},
		{"volunteers", "a quarter", WRONG, NULL},
	};
	RUN(cases);
}

/* A bound the student adds is harmless when the question asks with it, and
 * wrong when it narrows an answer the question did not bound. */
static void test_bounds_the_question_asks(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"since", "since 1962", OK, NULL},
		{"since", "1962", OK, NULL},
		{"since", "since 1963", WRONG, NULL},
		{"alone", "until 1979", OK, NULL},
		{"alone", "until 1980", WRONG, NULL},
		{"fire", "until 1979", WRONG, NULL},
		{"fire", "before 1979", WRONG, NULL},
		{"fire", "since 1979", WRONG, NULL},
	};
	RUN(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_article_words),
		cmocka_unit_test(test_bounds_the_question_asks),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
