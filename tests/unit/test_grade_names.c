/* test_grade_names.c - one person named twice in the bank, a common noun in either number, the question's words of a name, a name within who someone is: on an article of its own */
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

/* A made-up article about a town choir, with a bank whose author named
 * some people twice, as authors do. */
static const char article_md[] =
	"---\n"
	"title: The Brenna Town Choir\n"
	"---\n"
	"\n"
	"The Brenna Town Choir was founded in 1921 by Peter James Horne, the town organist. "
	"P. J. Horne wrote its first anthem. The cellist Ivan Lutz joined in 1930 and led the "
	"choir for twenty years; Cellist Ivan Lutz also kept its accounts.\n"
	"\n"
	"Two sisters sang in it: Aldo Brisk's daughters Marta Brisk and Nina Brisk. Marta Brisk "
	"sang alto, Nina Brisk soprano.\n"
	"\n"
	"The choir is run by volunteers, and the parish council pays for the hall. The "
	"choristers elect a secretary each spring. Edda Kline was elected secretary in 2001. The Hall "
	"Committee of the town holds the deeds. Rehearsals are held in Hall Street.\n"
	"\n"
	"Nina Brisk sang a duet with Marta Brisk. Nina Brisk's teacher Olga Varga came from Pest. "
	"Rosa Pell, the choir's first soprano, retired in 1950.\n"
	"\n"
	"Brenna Radio (90.1 FM) broadcasts the choir. The singers answer to their Spring Assembly, "
	"where all singers may vote. The choir sings at the matches of Oskov FC.\n";

static int setup(void **state)
{
	(void)state;
	start_bank("The Brenna Town Choir", "choir.md", article_md);

	const quiz_actor *horne = actor("horne", "Peter James Horne");
	const quiz_actor *pj = actor("pj", "P. J. Horne");
	const quiz_actor *lutz = actor("lutz", "Ivan Lutz");
	const quiz_actor *cellist = actor("cellist", "Cellist Ivan Lutz");
	const quiz_actor *marta = actor("marta", "Marta Brisk");
	const quiz_actor *nina = actor("nina", "Nina Brisk");
	const quiz_actor *volunteers = actor("volunteers", "volunteers");
	const quiz_actor *council = actor("council", "the parish council");
	const quiz_actor *choristers = actor("choristers", "The choristers");

	actor_q("founder", horne, "Who founded the choir?", "founded in 1921 by Peter James Horne");
	actor_q("anthem", pj, "Who wrote the first anthem?", "P. J. Horne wrote its first anthem");
	actor_q("leader", lutz, "Who led the choir for twenty years?", "The cellist Ivan Lutz joined in 1930");
	actor_q("accounts", cellist, "Who kept the accounts?", "Cellist Ivan Lutz also kept its accounts");
	actor_q("alto", marta, "Who sang alto?", "Marta Brisk sang alto");
	actor_q("soprano", nina, "Who sang soprano?", "Nina Brisk soprano");
	actor_q("runs", volunteers, "Who runs the choir?", "The choir is run by volunteers");
	actor_q("hall", council, "Who pays for the hall?", "the parish council pays for the hall");
	actor_q("elect", choristers, "Who elects the secretary?", "choristers elect a secretary");

	const quiz_actor *trust = actor("trust", "Hall Committee");
	const quiz_actor *kline = actor("kline", "Edda Kline was elected secretary");
	actor_q("deeds", trust, "Which Committee of the town holds the deeds?", "Committee of the town holds the deeds");
	actor_q("secretary", kline, "Who was elected secretary in 2001?", "Edda Kline was elected secretary");

	const quiz_actor *varga = actor("varga", "Nina Brisk's teacher Olga Varga");
	const quiz_actor *pell = actor("pell", "Rosa Pell, the choir's first soprano");
	actor_q("teacher", varga, "Who taught Nina?", "Nina Brisk's teacher Olga Varga");
	actor_q("retired", pell, "Who retired in 1950?", "Rosa Pell, the choir's first soprano, retired in 1950");
	actor_q("duet", nina, "Who sang a duet with Marta Brisk?", "Nina Brisk sang a duet with Marta Brisk");

	const quiz_actor *radio = actor("radio", "Brenna Radio");
	const quiz_actor *assembly = actor("assembly", "their Spring Assembly");
	const quiz_actor *voters = actor("voters", "all singers");
	actor_q("station", radio, "Which station broadcasts the choir?", "Brenna Radio (90.1 FM) broadcasts the choir");
	actor_q("answer-to", assembly, "To whom do the singers answer?", "answer to their Spring Assembly");
	actor_q("vote", voters, "Who may vote?", "all singers may vote");
	const quiz_actor *club = actor("club", "Oskov FC");
	actor_q("matches", club, "At whose matches does the choir sing?", "sings at the matches of Oskov FC");

	g = grader_new(bank, NULL);
	return 0;
}

/* Two names of the bank for one person: the family name alone is his. */
static void test_one_person_twice(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"founder", "Horne", OK, "Right: the family name is enough"},
		{"anthem", "Horne", OK, NULL},
		{"anthem", "Peter James Horne", OK, NULL},
		{"leader", "Lutz", OK, NULL},
		{"accounts", "Lutz", OK, NULL},
		{"accounts", "Ivan Lutz", OK, NULL},
		/* Two people of one family stay apart. */
		{"alto", "Brisk", AMBIG, NULL},
		{"soprano", "Brisk", AMBIG, NULL},
		{"alto", "Nina Brisk", WRONG, NULL},
		{"leader", "Ivan", WRONG, NULL},
		{"founder", "Peter", WRONG, NULL},
	};
	RUN(cases);
}

/* A common noun is the same in the singular and the plural. */
static void test_number_of_a_noun(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"runs", "a volunteer", OK, "Right: the same, in the singular or the plural"},
		{"runs", "volunteer", OK, NULL},
		{"runs", "the volunteers", OK, NULL},
		{"hall", "the parish councils", OK, NULL},
		{"elect", "a chorister", OK, NULL},
		/* Must stay wrong. */
		{"runs", "volunteering", WRONG, NULL},
		{"hall", "the town council", WRONG, NULL},
		{"elect", "choir", WRONG, NULL},
	};
	RUN(cases);
}

/* A part of the answer, when the rest is the question's own words. */
static void test_rest_in_question(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"deeds", "Hall", OK, "Right: Hall Committee; the question says the rest"},
		{"deeds", "the Hall Committee", OK, NULL},
		{"secretary", "Edda Kline", OK, NULL},
		/* Must stay wrong: only the question's word, the question's words
		 * both left out and added. */
		{"deeds", "Committee", WRONG, NULL},
		{"deeds", "Hall of the town", WRONG, NULL},
	};
	RUN(cases);
}

/* The name inside an answer that says who someone is. */
static void test_name_within(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"teacher", "Olga Varga", OK, "Right: the name; the rest of the answer says who it is"},
		{"retired", "Rosa Pell", OK, "Right: the name"},
		/* Must stay wrong: another person. */
		{"teacher", "Olga Brisk", WRONG, NULL},
		{"retired", "Rosa Brisk", WRONG, NULL},
		{"retired", "Rosa", WRONG, NULL},
		/* A word that says whose, or all of them. */
		{"answer-to", "Spring Assembly", OK, NULL},
		{"answer-to", "the Spring Assembly", OK, NULL},
		{"vote", "singers", OK, NULL},
		{"answer-to", "Autumn Assembly", WRONG, NULL},
		/* Brackets as the article writes them beside the name. */
		{"station", "Brenna Radio (90.1 FM)", OK, "what the article says of it in brackets"},
		{"station", "Brenna Radio (88.0 FM)", WRONG, NULL},
		/* Capitals at the end are no family name: the rest is the name. */
		{"matches", "Oskov", OK, "Right: short for Oskov FC"},
		{"matches", "FC", WRONG, NULL},
	};
	RUN(cases);
}

/* Two names joined by "and", one of them the question's own. */
static void test_beside_asked(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"duet", "Nina Brisk and Marta Brisk", OK, "the other name is the question's own"},
		{"duet", "Marta Brisk and Nina Brisk", OK, NULL},
		{"duet", "Nina Brisk", OK, NULL},
		/* Must stay wrong: another name beside it, the question's name alone. */
		{"duet", "Nina Brisk and Ivan Lutz", WRONG, NULL},
		{"duet", "Marta Brisk", WRONG, NULL},
		{"soprano", "Nina Brisk and Marta Brisk", WRONG, NULL},
	};
	RUN(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_person_twice),
		cmocka_unit_test(test_number_of_a_noun),
		cmocka_unit_test(test_rest_in_question),
		cmocka_unit_test(test_name_within),
		cmocka_unit_test(test_beside_asked),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
