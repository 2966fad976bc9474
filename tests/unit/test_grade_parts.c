/* test_grade_parts.c - a part of the answer, an ordinal the article counts with, a name the article shortens: on an article of its own */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "article.h"
#include "diag.h"
#include "grade.h"
#include "quiz.h"

#include "grade_bank.h"

/* A made-up article about a river valley, its canal and a rowing league,
 * with a bank written for it as an author would. */
static const char article_md[] =
	"---\n"
	"title: The Oster Valley\n"
	"---\n"
	"\n"
	"The Oster valley was cut during the Miocene period, when the river captured the streams "
	"of the plateau. The Abbey of Kell was founded in the 1st century BC, and all four of its mills still turn. Farmers settled it in the 17th century, and the first mill was built in "
	"early 1546 by the Abbey of Kell.\n"
	"\n"
	"Floods returned throughout the 1880s. Each sluice holds 8–15 boards. The mill ground 200 tons of flour a year. The mill wheel is 6 feet 2 inches across. The mill closed during the dockers' strike of 1911. The river carries 1,200 m3/s (42,000 cu ft/s) at "
	"its mouth. Elections for the valley council are held every four years. The council ended "
	"its grain import policy after 1971.\n"
	"\n"
	"The Harbour Wolves won the league in 2019. Harbour beat Kell in the final, and Harbour "
	"had reached the final twice before: it was their third final. Harbour rows from a boathouse "
	"on North Harbour Road, and the Wolves train there. The league was founded by the Mercury and Gemini clubs.\n"
	"\n"
	"The Lantern Company of Westby built the boathouse. The Ferry Board of Westby and the Ferry "
	"Board of Eastby run the boats across the river. King Osric II of Kell gave the land. The Thrift Party holds the valley council; in full it is the Thrift Party of Oster.\n"
	"\n"
	"The lock keepers kept ledgers from 1802 to 1870. The ferry runs between April and October, "
	"and tolls have been charged since 1911. It crosses over open water; boats under 12 feet pay "
	"no toll. Ice closes the canal before the thaw, and the canal was dredged before the floods.\n"
	"\n"
	"Few pleasure boats use the canal now. The toll rose by about 40% in a decade. Half of the "
	"valley's 3,000 farms keep sheep. The basin covers 900 km2. The railway reached the valley "
	"in the early 1860s.\n";

static int setup(void **state)
{
	(void)state;
	start_bank("The Oster Valley", "oster.md", article_md);

	const quiz_actor *wolves = actor("wolves", "Harbour Wolves");
	actor("abbey", "Abbey of Kell");
	const quiz_actor *lantern = actor("lantern", "Lantern Company of Westby");
	const quiz_actor *ferry = actor("ferry", "Ferry Board of Westby");
	actor("ferry-east", "Ferry Board of Eastby");
	const quiz_actor *osric = actor("osric", "King Osric II of Kell");
	const quiz_actor *thrift = actor("thrift", "Thrift Party");

	text_q("period", "Miocene period", "In which period was the valley cut?",
	       "cut during the Miocene period");
	text_q("settled", "17th century", "When did farmers settle the valley?",
	       "settled it in the 17th century");
	text_q("mill", "early 1546", "When was the first mill built?", "built in early 1546");
	text_q("mill-what", "early 1546", "What was built by the Abbey of Kell?", "built in early 1546");
	text_q("floods", "Throughout the 1880s", "When did floods return?",
	       "Floods returned throughout the 1880s");
	text_q("abbey-century", "1st century BC", "In what century was the Abbey of Kell founded?",
	       "founded in the 1st century BC");
	text_q("mills", "all four", "How many of the four mills still turn?", "all four of its mills");
	text_q("boards", "8–15 per sluice", "How many boards does a sluice of the mill hold?",
	       "Each sluice holds 8–15 boards");
	text_q("tons", "200 tons of flour", "How much did the mill grind each year?",
	       "ground 200 tons of flour a year");
	text_q("wheel", "6 feet 2 inches", "How wide is the mill wheel?", "6 feet 2 inches across");
	text_q("closed", "during the dockers' strike of 1911", "When did the mill close?",
	       "Each sluice holds 8–15 boards. The mill ground 200 tons of flour a year. The mill wheel is 6 feet 2 inches across. The mill closed during the dockers' strike of 1911");
	text_q("flow", "1,200 m3/s (42,000 cu ft/s)", "How much water does the river carry at its mouth?",
	       "The river carries 1,200 m3/s (42,000 cu ft/s)");
	text_q("elections", "every four years", "How often are elections for the council held?",
	       "held every four years");
	text_q("policy", "grain import policy", "Which policy did the council end?",
	       "ended its grain import policy");
	text_q("ended", "after 1971", "When did the council end its import policy?",
	       "policy after 1971");
	text_q("founders", "Mercury and Gemini", "Which clubs founded the league?",
	       "founded by the Mercury and Gemini clubs");
	text_q("ledgers", "from 1802 to 1870", "When did the lock keepers keep ledgers?",
	       "kept ledgers from 1802 to 1870");
	text_q("season", "between April and October", "When does the ferry run?",
	       "runs between April and October");
	text_q("tolls", "since 1911", "How long have tolls been charged?", "charged since 1911");
	text_q("crossing", "over open water", "How does the ferry cross?", "crosses over open water");
	text_q("small-boats", "under 12 feet", "Which boats pay no toll?", "boats under 12 feet pay");
	text_q("ice", "before the thaw", "Ice closes the canal before what?", "closes the canal before the thaw");
	text_q("dredged", "before the floods", "When was the canal dredged?", "dredged before the floods");
	text_q("boats-now", "few pleasure boats", "How many pleasure boats use the canal?",
	       "Few pleasure boats use the canal now");
	text_q("toll", "rose by about 40%", "How much did the toll rise?", "The toll rose by about 40%");
	text_q("sheep", "Half of the valley's 3,000 farms", "How many farms keep sheep?",
	       "Half of the valley's 3,000 farms keep sheep");
	text_q("basin", "900 km2 (350", "How large is the basin?", "The basin covers 900 km2");
	text_q("railway", "the early 1860s", "In what era did the railway reach the valley?",
	       "reached the valley in the early 1860s");
	number_q("finals", 3, NULL, "3", "How many finals had the Wolves reached by 2019?",
	         "it was their third final");
	number_q("won", 2019, NULL, "2019", "In what year did the Wolves win the league?",
	         "won the league in 2019");
	actor_q("champions", wolves, "Which team won the league in 2019?",
	        "The Harbour Wolves won the league in 2019");

	actor_q("builder", lantern, "Who built the boathouse?", "The Lantern Company of Westby built the boathouse");
	actor_q("boats", ferry, "Who runs the boats from the Westby side?", "The Ferry Board of Westby");
	actor_q("council", thrift, "Which party holds the valley council?",
	        "The Thrift Party holds the valley council");
	actor_q("land", osric, "Who gave the land?", "King Osric II of Kell gave the land");

	g = grader_new(bank, NULL);
	return 0;
}

/* A run of the answer's words that leaves out only what adds nothing. */
static void test_answer_part(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"period", "Miocene", OK, "Right: the answer is Miocene period"},
		{"period", "the Miocene", OK, "Right"},
		{"settled", "the 17th", OK, "Right"},
		{"floods", "the 1880s", OK, "Right"},
		{"floods", "1880s", OK, "Right"},
		{"elections", "four years", OK, "Right"},
		{"mill", "1546", OK, "Right: the question asks when"},
		{"flow", "1,200 m3/s", OK, "Right: the words in brackets"},
		{"closed", "1911", OK, "Right: the question asks when"},
		{"mills", "four", OK, "Right"},
		{"boards", "8–15", OK, "Right"},
		{"boards", "8-15", OK, NULL},
		{"boards", "15", WRONG, NULL},
		{"tons", "200 tons", OK, "Right: the number is the article's"},
		{"tons", "200", OK, NULL},
		{"tons", "300 tons", WRONG, NULL},
		{"boards", "8", WRONG, NULL},
		{"wheel", "6 feet", WRONG, NULL},
		{"wheel", "2 inches", WRONG, NULL},
		{"mills", "three", WRONG, NULL},
		{"abbey-century", "the 1st century BC", OK, NULL},
		{"abbey-century", "1st", WRONG, NULL},
		{"abbey-century", "1st century", WRONG, NULL},
		{"closed", "in 1911", OK, NULL},
		{"closed", "1912", WRONG, NULL},
		{"closed", "the dockers' strike", WRONG, NULL},
		/* Must stay wrong. */
		{"period", "period", WRONG, NULL},
		{"mill-what", "1546", WRONG, NULL},
		/* The question says it is a policy. */
		{"policy", "grain import", OK, "Right"},
		{"policy", "grain", WRONG, NULL},
		{"policy", "import policy", WRONG, NULL},
		{"ended", "1971", WRONG, NULL},
		{"founders", "Mercury", WRONG, NULL},
		{"founders", "Gemini", WRONG, NULL},
		{"settled", "18th", WRONG, NULL},
		{"floods", "1890s", WRONG, NULL},
		{"flow", "42,000 cu ft/s", WRONG, NULL},
		{"elections", "four", WRONG, NULL},
		{"elections", "not every four years", WRONG, NULL},
	};
	RUN(cases);
}

/* A word that only introduces the part typed: a range without "between"
 * or "from", the edge of a span of time, a place with no value. */
static void test_leading_word(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"ledgers", "1802 to 1870", OK, "Right: the answer is from 1802 to 1870"},
		{"season", "April and October", OK, "Right"},
		{"tolls", "1911", OK, "Right"},
		{"crossing", "open water", OK, "Right"},
		{"ice", "the thaw", OK, "Right"},
		/* Must stay wrong: half a range, another value, a bound that is
		 * another time, a value under a bound. */
		{"ledgers", "1802", WRONG, NULL},
		{"ledgers", "1870", WRONG, NULL},
		{"season", "April", WRONG, NULL},
		{"season", "October", WRONG, NULL},
		{"tolls", "1912", WRONG, NULL},
		{"small-boats", "12 feet", WRONG, NULL},
		{"dredged", "the floods", WRONG, NULL},
		{"ended", "1971", WRONG, NULL},
	};
	RUN(cases);
}

/* Asked how many or how much, the amount the answer gives. */
static void test_amount_part(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"boats-now", "few", OK, "Right: the answer is few pleasure boats"},
		{"toll", "40%", OK, "Right"},
		{"toll", "about 40%", OK, NULL},
		{"sheep", "half", OK, "Right"},
		{"basin", "900 km2", OK, "Right: the words in brackets only add to it"},
		{"railway", "1860s", OK, "Right: the question asks when"},
		/* Must stay wrong: another amount, the whole for the part. */
		{"boats-now", "many", WRONG, NULL},
		{"toll", "50%", WRONG, NULL},
		{"sheep", "3,000", WRONG, NULL},
		{"sheep", "a third", WRONG, NULL},
		{"railway", "1870s", WRONG, NULL},
	};
	RUN(cases);
}

/* An ordinal for a count is right only when the article counts that way. */
static void test_ordinals(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"finals", "third", OK, "Right: the article counts them that way"},
		{"finals", "3", OK, NULL},
		{"finals", "second", WRONG, NULL},
		{"finals", "fourth", WRONG, NULL},
		{"won", "2019th", WRONG, NULL},
	};
	RUN(cases);
}

/* "Harbour" for the Harbour Wolves: the article uses the word alone for
 * the team far more often than in its other names. */
static void test_short_name(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"champions", "Harbour", OK, "Right"},
		{"champions", "the Wolves", OK, NULL},
		{"champions", "Kell", WRONG, NULL},
		/* A longer name of the article that holds the whole name is the same. */
		{"council", "Thrift", OK, "Right: Thrift Party"},
		{"council", "the Thrift Party of Oster", OK, NULL},
		{"champions", "North Harbour", WRONG, NULL},
	};
	RUN(cases);
}

/* The name up to an "of" that ends it, when no other name has it. */
static void test_before_of(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"builder", "the Lantern Company", OK, "Right: short for Lantern Company of Westby"},
		{"builder", "Lantern Company", OK, "Right"},
		{"land", "King Osric II", OK, "Right"},
		/* Must not be accepted. */
		{"builder", "Company", WRONG, NULL},
		{"builder", "the Company", WRONG, NULL},
		{"boats", "Ferry Board", AMBIG, NULL},
		{"boats", "Ferry Board of Eastby", WRONG, NULL},
		{"land", "King", WRONG, NULL},
	};
	RUN(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answer_part),
		cmocka_unit_test(test_leading_word),
		cmocka_unit_test(test_amount_part),
		cmocka_unit_test(test_ordinals),
		cmocka_unit_test(test_short_name),
		cmocka_unit_test(test_before_of),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
