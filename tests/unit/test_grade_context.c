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
	"morning.\n"
	"\n"
	"The new mast is 120 metres (394 ft) tall and reaches more than 3,000 homes. Over the "
	"winter of 2008 the station lost up to two-thirds of its income, and 4 of its 9 "
	"presenters left. By 2010 it had won back most of its listeners.\n"
	"\n"
	"The station did not get a licence of its own until 1965. Today about 800 members in "
	"nearly 40 villages pay a yearly fee.\n"
	"\n"
	"At the reopening the Fellmoor Choir sang after the Oldgate Brass Band played, and one "
	"in five of all the homes in the valley tuned in.\n";

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
	number_q("mast", 120, "metres", "120 metres", "How tall is the new mast?", "120 metres (394 ft) tall");
	number_q("homes", 3000, "homes", "3,000", "How many homes does the mast reach?",
	         "reaches more than 3,000 homes");
	text_q("lost", "winter of 2008", "When did the station lose its income?", "winter of 2008");
	number_q("income", 2.0 / 3, NULL, "two-thirds", "How much of its income did the station lose?",
	         "two-thirds of its income");
	number_q("left", 4, "presenters", "4", "How many presenters left the station?",
	         "4 of its 9 presenters left");
	date_q("licence", 1965, 0, 0, "In what year did the station get a licence of its own?",
	       "did not get a licence of its own until 1965");
	number_q("members", 800, "members", "800", "How many members pay a yearly fee?",
	         "about 800 members in nearly 40 villages");
	const quiz_actor *choir = actor("choir", "Fellmoor Choir");
	actor("band", "Oldgate Brass Band");
	actor_q("sang", choir, "Who sang after the Oldgate Brass Band played at the reopening?",
	        "the Fellmoor Choir sang");
	text_q("share", "one in five", "What share of the valley's homes tuned in?",
	       "one in five of all the homes");
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

/* The article's own words around the answer: a bound it writes before the
 * value, the total in "4 of its 9", a conversion in brackets, and a number
 * the question itself gives. Another value stays wrong. */
static void test_passage_words(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"homes", "more than 3,000 homes", OK, NULL},
		{"homes", "more than 3,000", OK, NULL},
		{"homes", "fewer than 3,000", WRONG, NULL},
		{"lost", "over the winter of 2008", OK, NULL},
		{"lost", "before the winter of 2008", WRONG, NULL},
		{"income", "up to two-thirds of its income", OK, NULL},
		{"income", "up to a third", WRONG, NULL},
		{"left", "4 of its 9 presenters", OK, "Right"},
		{"left", "4 or 9", WRONG, NULL},
		{"left", "4 and 9", WRONG, NULL},
		{"left", "4 of 10", WRONG, NULL},
		{"left", "9", WRONG, NULL},
		{"mast", "120 metres (394 ft)", OK, NULL},
		{"lost", "winter of 2008 (a hard one for the station)", OK, "Right: the words in brackets"},
		{"lost", "winter of 2008 (or 2009)", WRONG, NULL},
		{"lost", "winter of 2008 (not sure)", WRONG, NULL},
		{"mast", "130 metres (394 ft)", WRONG, NULL},
		{"mast", "120 metres 40", WRONG, NULL},
		{"mast", "120 metres (or 394 ft)", WRONG, NULL},
		{"members", "about 800 members in nearly 40 villages", OK, NULL},
		{"members", "about 800 members in nearly 50 villages", WRONG, NULL},
		{"members", "800 or 40", WRONG, NULL},
	};
	RUN(cases);
}

/* Words of the question are harmless even when they name another actor;
 * an answer word that is only a filler may trail after them. */
static void test_question_words(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"sang", "the Fellmoor Choir sang after the Oldgate Brass Band", OK, "Right"},
		{"sang", "the Fellmoor Choir and the Oldgate Brass Band", WRONG, NULL},
		{"sang", "the Oldgate Brass Band", WRONG, NULL},
		{"share", "one in five of all the homes in the valley", OK, "Right"},
		{"share", "one in five of all the homes in the valley tuned in", OK, "Right"},
		{"share", "one in six of all the homes in the valley", WRONG, NULL},
		{"share", "one of all the homes in five", WRONG, NULL},
	};
	RUN(cases);
}

/* "Not until 1965" says when a thing first happened, as "in 1965" does;
 * any other negation still denies the value. */
static void test_not_until(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"licence", "not until 1965", OK, NULL},
		{"licence", "it did not get a licence until 1965", OK, NULL},
		{"licence", "did not get a licence till 1965", OK, NULL},
		{"licence", "didn't get a licence till 1965", OK, NULL},
		{"licence", "didn't until 1965", OK, NULL},
		{"licence", "not 1965", WRONG, NULL},
		{"licence", "not in 1965", WRONG, NULL},
		{"licence", "not until 1966", WRONG, NULL},
		{"licence", "not until 1965 but 1966", WRONG, NULL},
	};
	RUN(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_article_words),
		cmocka_unit_test(test_bounds_the_question_asks),
		cmocka_unit_test(test_passage_words),
		cmocka_unit_test(test_question_words),
		cmocka_unit_test(test_not_until),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
