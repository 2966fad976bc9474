/* test_grade_rules.c - the rules that use the question, its passage and the article, on an article of its own */
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

/* An article that is not the sample, about a made-up lake treaty, with a
 * bank written for it as an author would. */
static const char article_md[] =
	"---\n"
	"title: The Lakeshore Water Compact\n"
	"published: 2021-03-04\n"
	"---\n"
	"\n"
	"The Lakeshore Water Compact was signed in Geneva, Switzerland, on 12 May 1998 by the "
	"governments of Norland and Vessia. The Geneva Summit that produced it lasted two weeks "
	"during a heat wave.\n"
	"\n"
	"It was negotiated by Norland's foreign minister Maria Alvarez Ruiz and by Vessia's envoy "
	"Tomas Qin. In 2011 Maria Alvarez Ruiz left office. The treaty was drafted by the lawyer "
	"John F. Hartley.\n"
	"\n"
	"The compact created the International Lake Basin Commission, based at 14 Harbour Street "
	"in Ostrava. A second body, the Water Quality Commission, monitors pollution. The Liberal "
	"Party opposed the compact, and the Labour Party supported it.\n"
	"\n"
	"Under the compact the two countries pledged more than 5 billion euros. By 2019 they had "
	"spent 4.5 billion euros, and about 300 million euros went to 26 treatment plants in the "
	"Yangtze delta region of Vessia. The basin is home to 7 billion fish. Two operations were "
	"needed to repair the main dam, which is 47 metres tall.\n"
	"\n"
	"The Vessian diplomat Sven Lie complained that the River Lei was left out of the compact. "
	"The compact was first proposed in 1984 by the Norland Rowing Club. The Ministry of Water "
	"Resources pays for the commission.\n"
	"\n"
	"A development bank lent the lake towns US$80 million, and the new ferry sailed 1,250 "
	"nautical miles, about 2,315 km, in its first year. Its skipper, Captain Ivo Marsh, is the brother of "
	"Professor Lena Marsh, who studies the lake. The North Vessia Ferry Company runs the "
	"ferry, and the South Vessia Ferry Company the boats to the islands.\n";

static int setup(void **state)
{
	(void)state;
	start_bank("The Lakeshore Water Compact", "lake.md", article_md);

	const quiz_actor *ruiz = actor("ruiz", "Maria Alvarez Ruiz");
	const quiz_actor *qin = actor("qin", "Tomas Qin");
	const quiz_actor *lie = actor("lie", "Sven Lie");
	const quiz_actor *hartley = actor("hartley", "John F. Hartley");
	const quiz_actor *basin = actor("basin", "International Lake Basin Commission");
	actor("quality", "Water Quality Commission");
	const quiz_actor *liberal = actor("liberal", "Liberal Party");
	actor("labour", "Labour Party");
	const quiz_actor *summit = actor("summit", "Geneva Summit");
	const quiz_actor *club = actor("club", "Norland Rowing Club");
	const quiz_actor *ministry = actor("ministry", "Ministry of Water Resources");

	date_q("signed-day", 1998, 5, 12, "On what date was the Lakeshore Water Compact signed?",
	       "signed in Geneva, Switzerland, on 12 May 1998");
	date_q("signed-year", 1998, 0, 0, "In what year was the compact signed?",
	       "signed in Geneva, Switzerland, on 12 May 1998");
	date_q("left-office", 2011, 0, 0, "When did Maria Alvarez Ruiz leave office?",
	       "In 2011 Maria Alvarez Ruiz left office");
	date_q("proposed", 1984, 0, 0, "In what year was the compact first proposed?",
	       "first proposed in 1984");
	date_q("spent-by", 2019, 0, 0, "By which year had the countries spent 4.5 billion euros?",
	       "By 2019 they had spent 4.5 billion euros");

	number_q("spent", 4.5, "billion euros", "4.5 billion euros",
	         "How much had the two countries spent by 2019?", "spent 4.5 billion euros");
	number_q("pledged", 5, "billion euros", "more than 5 billion euros",
	         "How much did the two countries pledge?", "pledged more than 5 billion euros");
	number_q("plants-money", 300, "million euros", "300 million euros",
	         "About how much money went to treatment plants?", "about 300 million euros went to 26 treatment plants");
	number_q("plants", 26, NULL, "26", "How many treatment plants were funded?",
	         "26 treatment plants");
	number_q("fish", 7, "billion", "7 billion", "How many fish live in the basin?",
	         "home to 7 billion fish");
	number_q("operations", 2, NULL, "two", "How many operations did the dam need?",
	         "Two operations were needed");
	number_q("dam", 47, "metres", "47 metres", "How tall is the main dam?", "which is 47 metres tall");
	number_q("loan", 80000000, "US dollars", "US$80 million", "How much did the bank lend the towns?",
	         "lent the lake towns US$80 million");
	number_q("ferry", 1250, "nautical miles", "1,250 nautical miles", "How far did the ferry sail in its first year?",
	         "the new ferry sailed 1,250 nautical miles");
	number_q("weeks", 2, "weeks", "two weeks", "How long did the Geneva Summit last?",
	         "lasted two weeks");

	const quiz_actor *ivo = actor("ivo", "Ivo Marsh");
	const quiz_actor *lena = actor("lena", "Lena Marsh");
	const quiz_actor *north = actor("north", "North Vessia Ferry Company");
	actor("south", "South Vessia Ferry Company");
	actor_q("ferry-runner", north, "Which company runs the ferry?", "The North Vessia Ferry Company runs the ferry");
	actor_q("skipper", ivo, "Who skippers the ferry?", "Its skipper, Captain Ivo Marsh");
	actor_q("scientist", lena, "Who studies the lake?", "Professor Lena Marsh, who studies the lake");
	actor_q("negotiator", ruiz, "Who negotiated the compact for Norland?",
	        "negotiated by Norland's foreign minister Maria Alvarez Ruiz");
	actor_q("envoy", qin, "Who was Vessia's envoy?", "Vessia's envoy Tomas Qin");
	actor_q("diplomat", lie, "Which diplomat complained about the River Lei?",
	        "The Vessian diplomat Sven Lie complained");
	actor_q("lawyer", hartley, "Who drafted the treaty?", "drafted by the lawyer John F. Hartley");
	actor_q("created", basin, "Which body did the compact create?",
	        "The compact created the International Lake Basin Commission");
	actor_q("opposed", liberal, "Which party opposed the compact?", "The Liberal Party opposed the compact");
	actor_q("summit", summit, "Which meeting produced the compact?", "The Geneva Summit that produced it");
	actor_q("payer", ministry, "Who pays for the commission?",
	        "The Ministry of Water Resources pays for the commission");
	actor_q("proposer", club, "Who first proposed the compact?", "first proposed in 1984 by the Norland Rowing Club");

	text_q("city", "Geneva", "In which city was the compact signed?",
	       "signed in Geneva, Switzerland, on 12 May 1998");
	text_q("region", "Yangtze", "Near which river were the treatment plants built?",
	       "26 treatment plants in the Yangtze delta region of Vessia");
	text_q("governments", "Norland and Vessia", "Which governments signed the compact?",
	       "by the governments of Norland and Vessia");
	text_q("street", "14 Harbour Street", "What is the address of the basin commission?",
	       "based at 14 Harbour Street");

	const quiz_actor *rangers = actor("rangers", "members of the Kessel Ranger Corps");
	actor_q("patrol", rangers, "Who patrols the shore?", "The North Vessia Ferry Company runs the ferry");
	const quiz_actor *owner = actor("owner", "the owner of the boatyard");
	actor_q("boats", owner, "Who builds the boats?", "The North Vessia Ferry Company runs the ferry");

	text_q("fleet-size", "a core fleet of twelve boats", "How many boats does the island service run?",
	       "the South Vessia Ferry Company the boats to the islands");
	text_q("fleet-kind", "a core fleet of twelve boats", "What does the island service run?",
	       "the South Vessia Ferry Company the boats to the islands");
	text_q("crossings", "as many as 40 crossings a day", "How many crossings does the ferry make?",
	       "The North Vessia Ferry Company runs the ferry");
	text_q("season", "from April to October 1999", "How long was the first season?",
	       "The North Vessia Ferry Company runs the ferry");

	claim_q("claim-true", true, NULL, "True or false: Maria Alvarez Ruiz left office in 2011.",
	        "In 2011 Maria Alvarez Ruiz left office");
	claim_q("claim-false", false, "The Water Quality Commission monitors pollution.",
	        "True or false: the International Lake Basin Commission monitors pollution.",
	        "the Water Quality Commission, monitors pollution");

	static const char *const parties[] = {"the Liberal Party", "the Labour Party",
	                                      "the Norland Rowing Club", "the Geneva Summit"};
	choice_q("choice-opposed", parties, 4, (const size_t[]){0}, 1,
	         "Who opposed the compact?");
	static const char *const people[] = {"Maria Alvarez Ruiz", "Tomas Qin", "Sven Lie",
	                                     "John F. Hartley"};
	choice_q("choice-negotiators", people, 4, (const size_t[]){0, 1}, 2,
	         "Who negotiated the compact? Select all that apply.");
	cloze_q("cloze", "The compact was signed in ___ in ___.", "Geneva", "1998");
	static const char *const roles[][2] = {{"Maria Alvarez Ruiz", "foreign minister"},
	                                       {"Tomas Qin", "envoy"},
	                                       {"John F. Hartley", "lawyer"}};
	match_q("match-roles", roles, 3, "Match each person with the role.");
	static const char *const events[] = {"The compact is proposed", "The compact is signed",
	                                     "Maria Alvarez Ruiz leaves office", "4.5 billion euros are spent"};
	order_q("order-events", events, 4, "Put these events in order.");
	static const char *const funded[] = {"the repair of the main dam", "treatment plants in the delta",
	                                     "a new harbour", "fish farms"};
	choice_q("choice-funded", funded, 4, (const size_t[]){0, 1}, 2,
	         "What did the compact pay for? Select all that apply.");
	cloze_q("cloze-sides", "The treaty was drafted by the lawyer {{Hartley}} at 14 {{Harbour}} Street.",
	        "Hartley", "Harbour");

	g = grader_new(bank, NULL);
	return 0;
}

/* Hedges and context around a right value are harmless; another value,
 * another entity, a bound or a negation is not. */
static void test_context(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"signed-year", "around 1998", OK, NULL},
		{"signed-year", "early 1998", OK, NULL},
		{"signed-year", "in 1998 during the heat wave", OK, "Right"},
		{"left-office", "She left office in 2011", OK, "Right"},
		{"left-office", "in 2011", OK, NULL},
		/* A short sentence of the student's own around the date. */
		{"proposed", "it was suggested in 1984", OK, "a sentence"},
		{"proposed", "it was suggested in 1985", WRONG, NULL},
		{"proposed", "it was suggested by Vessia in 1984", WRONG, NULL},
		{"proposed", "it was suggested before 1984", WRONG, NULL},
		{"spent-by", "in 2019 with the 26 treatment plants", OK, NULL},
		{"spent-by", "in 2019 with the 27 treatment plants", WRONG, NULL},
		{"signed-year", "in 1998 after 14 days", WRONG, NULL},
		{"left-office", "It was in 2011", OK, NULL},
		{"left-office", "2011, after negotiating the compact", OK, "after the comma"},
		{"left-office", "2011, not 2012", WRONG, NULL},
		{"left-office", "2011, 2012", WRONG, NULL},
		{"signed-year", "1998 during the Geneva Summit", OK, NULL},
		{"city", "the summit in Geneva, Switzerland", OK, "Right"},
		{"region", "the Yangtze delta", OK, "Right"},
		{"negotiator", "foreign minister Maria Alvarez Ruiz of Norland", OK, NULL},
		/* Must stay wrong. */
		{"signed-year", "1997", WRONG, NULL},
		{"signed-year", "1999", WRONG, NULL},
		{"signed-year", "before 1998", WRONG, NULL},
		{"signed-year", "between 1997 and 1999", WRONG, NULL},
		{"signed-year", "not 1998", WRONG, NULL},
		{"signed-year", "1998 or 1999", WRONG, NULL},
		{"signed-year", "1998 or 1984", WRONG, NULL},
		{"left-office", "She left office in 2012", WRONG, NULL},
		{"city", "Geneva and Ostrava", WRONG, NULL},
		{"city", "not Geneva", WRONG, NULL},
		{"negotiator", "Maria Alvarez Ruiz and Tomas Qin", WRONG, NULL},
		{"negotiator", "Tomas Qin", WRONG, NULL},
		{"opposed", "the Liberal Party and the Labour Party", WRONG, NULL},
		{"region", "Ostrava", WRONG, NULL},
		{"governments", "Vessia, Norland", OK, "listed another way"},
		{"governments", "Norland & Vessia", OK, NULL},
		{"governments", "Norland", WRONG, NULL},
		{"governments", "Norland, Vessia and Ostrava", WRONG, NULL},
	};
	RUN(cases);
}

/* Numbers as people write them. */
static void test_numbers(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		/* Asked for an amount, the value of a text answer is enough. */
		{"fleet-size", "twelve", OK, "the number is the article's"},
		{"fleet-size", "twelve boats", OK, NULL},
		{"fleet-size", "fleet of twelve", OK, NULL},
		{"fleet-size", "thirteen", WRONG, NULL},
		{"fleet-size", "core fleet", WRONG, NULL},
		{"fleet-kind", "twelve", WRONG, NULL},
		{"crossings", "40", WRONG, NULL},
		{"crossings", "40 crossings", WRONG, NULL},
		{"season", "1999", WRONG, NULL},
		{"season", "October 1999", WRONG, NULL},
		{"spent", "4.5 billion", OK, NULL},
		{"spent", "€4.5 billion", OK, NULL},
		{"spent", "4.5bn", OK, NULL},
		{"spent", "4.5", OK, NULL},
		{"spent", "4,500,000,000 euros", OK, NULL},
		{"spent", "four and a half billion euros", OK, NULL},
		{"plants-money", "300m", OK, NULL},
		/* With money, m is a million; nm is also the nautical mile. */
		{"loan", "80m", OK, NULL},
		{"loan", "$80m", OK, NULL},
		{"loan", "0.08bn", OK, NULL},
		{"loan", "81m", WRONG, NULL},
		{"loan", "80k", WRONG, NULL},
		{"dam", "47m", OK, NULL},
		{"dam", "47 million", WRONG, NULL},
		{"ferry", "1,250 nm", OK, NULL},
		{"ferry", "1,250 km", WRONG, NULL},
		/* The article's figure in its other unit is asked again. */
		{"ferry", "2,315 km", AMBIG, "answer in nautical miles"},
		{"ferry", "2,316 km", WRONG, NULL},
		{"ferry", "2,315", WRONG, NULL},
		{"ferry", "2,315 miles", WRONG, NULL},
		{"ferry", "1,250 miles", OK, NULL},
		{"plants-money", "€300,000,000", OK, NULL},
		{"plants-money", "about 300 million euros", OK, NULL},
		{"fish", "7,000,000,000", OK, NULL},
		{"fish", "seven billion", OK, NULL},
		{"operations", "a pair", OK, NULL},
		{"operations", "2 operations", OK, NULL},
		{"operations", "a couple", OK, NULL},
		{"dam", "47 metres, taller than most", OK, NULL},
		{"weeks", "a fortnight", WRONG, NULL},
		{"pledged", "more than 5 billion", OK, NULL},
		{"pledged", "more than 5 billion euros", OK, NULL},
		{"dam", "47 metres tall", OK, NULL},
		/* Must stay wrong. */
		{"spent", "4.6 billion", WRONG, NULL},
		{"spent", "4.5 million", WRONG, NULL},
		{"spent", "more than 4.5 billion", WRONG, NULL},
		{"spent", "between 4 and 5 billion", WRONG, NULL},
		{"plants", "27", WRONG, NULL},
		{"plants", "not 26", WRONG, NULL},
		{"plants", "fewer than 26", WRONG, NULL},
		{"dam", "47 feet", WRONG, NULL},
	};
	RUN(cases);
}

/* Years in words, short years, the year from the article. */
static void test_years(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"proposed", "nineteen eighty-four", OK, NULL},
		{"proposed", "in '84", OK, NULL},
		{"signed-year", "nineteen ninety-eight", OK, NULL},
		{"spent-by", "twenty nineteen", OK, NULL},
		{"signed-day", "12 May", OK, "the year comes from the article"},
		{"signed-day", "May 12th", OK, "the year comes from the article"},
		{"signed-day", "May 1998", WRONG, "the article gives the day"},
		{"signed-day", "12 May '98", OK, NULL},
		{"signed-day", "12 May '97", WRONG, NULL},
		{"proposed", "nineteen eighty-five", WRONG, NULL},
		{"proposed", "in '85", WRONG, NULL},
		{"spent-by", "by 2019", OK, NULL},
		{"spent-by", "by 2018", WRONG, NULL},
		/* Whole dates in words: an ordinal day, the month, the year. */
		{"signed-day", "twelfth of May nineteen ninety-eight", OK, "Right: 12 May 1998"},
		{"signed-day", "the twelfth of May, nineteen ninety-eight", OK, NULL},
		{"signed-day", "May the twelfth, nineteen ninety-eight", OK, NULL},
		{"signed-day", "twelfth of May", OK, "the year comes from the article"},
		{"signed-day", "thirteenth of May nineteen ninety-eight", WRONG, NULL},
		{"signed-day", "twelfth of June nineteen ninety-eight", WRONG, NULL},
		{"signed-day", "twelfth of May nineteen ninety-seven", WRONG, NULL},
	};
	RUN(cases);
}

/* Names: a distinctive part, middle names and initials, the other order,
 * of/for slips, abbreviations. */
static void test_names(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		/* Another actor in the possessive is only context. */
		{"negotiator", "Maria Alvarez Ruiz, at Tomas Qin's side", OK, NULL},
		{"negotiator", "Maria Alvarez Ruiz, with Tomas Qin", WRONG, NULL},
		{"negotiator", "Tomas Qin, at Maria Alvarez Ruiz's side", WRONG, NULL},
		/* Words of a name that no other name has together. */
		{"ferry-runner", "North Vessia", OK, "Right: North Vessia Ferry Company"},
		{"ferry-runner", "the North Vessia company", WRONG, NULL},
		{"ferry-runner", "South Vessia", WRONG, NULL},
		{"ferry-runner", "Ferry Company", AMBIG, NULL},
		{"ferry-runner", "Vessia", WRONG, NULL},
		/* The whole name of a body with the place it belongs to. */
		{"proposer", "the Norland Rowing Club of Kessel", OK, "with the place it belongs to"},
		{"proposer", "Norland Rowing Club of Geneva", WRONG, NULL},
		{"proposer", "Rowing Club of Kessel", WRONG, NULL},
		{"negotiator", "Maria Alvarez Ruiz of Kessel", WRONG, NULL},
		/* A title tells apart two people of one family name. */
		{"skipper", "Captain Marsh", OK, "that title to Ivo Marsh alone"},
		{"scientist", "Professor Marsh", OK, NULL},
		{"skipper", "Professor Marsh", WRONG, "another of that name"},
		{"scientist", "Captain Marsh", WRONG, NULL},
		{"skipper", "Marsh", AMBIG, NULL},
		{"skipper", "Dr Marsh", AMBIG, NULL},
		{"created", "Lake Basin Commission", OK, "Right"},
		{"created", "the Basin Commission", OK, NULL},
		{"summit", "Geneva", OK, NULL},
		{"opposed", "the Liberals", OK, NULL},
		{"opposed", "Liberal", OK, NULL},
		{"proposer", "the Rowing Club", OK, NULL},
		{"lawyer", "John Fitzgerald Hartley", OK, NULL},
		{"lawyer", "J. F. Hartley", OK, NULL},
		{"lawyer", "Hartley, John", OK, NULL},
		{"negotiator", "Ruiz, Maria Alvarez", OK, NULL},
		{"negotiator", "Qin, Tomas", WRONG, NULL},
		{"envoy", "Qin Tomas", OK, NULL},
		{"negotiator", "Ruiz", OK, NULL},
		{"created", "International Lake Basin Commision", CLOSE, NULL},
		{"created", "International Lake Basin Commission in Ostrava", OK, NULL},
		{"created", "International Lake Basin Commission of Vessia", WRONG, NULL},
		{"created", "International Commission for the Lake Basin", WRONG, NULL},
		{"created", "International Lake Basin Comm.", WRONG, NULL},
		{"payer", "Ministry for Water Resources", OK, "of or for"},
		{"payer", "the Ministry of Water Resources", OK, NULL},
		{"payer", "Ministry", WRONG, NULL},
		{"payer", "Ministry of Energy Resources", WRONG, NULL},
		/* Who the person is to someone else, then the name. */
		{"skipper", "Lena Marsh's brother Ivo Marsh", OK, "who they are to someone else"},
		{"scientist", "Ivo Marsh's sister Lena Marsh", OK, NULL},
		{"skipper", "Ivo Marsh's sister Lena Marsh", WRONG, NULL},
		{"skipper", "Ivo Marsh's sister", WRONG, NULL},
		{"negotiator", "Tomas Qin's colleague", WRONG, NULL},
		/* "by" before who did it. */
		{"lawyer", "by John F. Hartley", OK, "only says who did it"},
		{"lawyer", "by the lawyer John F. Hartley", OK, NULL},
		{"lawyer", "by Tomas Qin", WRONG, NULL},
		{"lawyer", "by", WRONG, NULL},
		/* The group after words that say how much of it. */
		{"patrol", "Kessel Ranger Corps", OK, "how much of the group"},
		{"patrol", "the Kessel Ranger Corps", OK, NULL},
		{"patrol", "members", WRONG, NULL},
		{"patrol", "Kessel", WRONG, NULL},
		{"boats", "the boatyard", WRONG, NULL},
		{"boats", "the owner", WRONG, NULL},
		/* The name with its initials, or their plural, in brackets. */
		{"created", "International Lake Basin Commission (ILBC)", OK, NULL},
		{"created", "the International Lake Basin Commission (ILBCs)", OK, "initials in brackets"},
		{"created", "International Lake Basin Commission (WQC)", WRONG, NULL},
		{"created", "Water Quality Commission (ILBC)", WRONG, NULL},
		{"created", "Water Quality Commission (WQC)", WRONG, NULL},
		{"street", "14 Harbour St", OK, NULL},
		{"street", "14 Harbour St.", OK, NULL},
		/* Must stay wrong or ambiguous. */
		{"created", "Commission", WRONG, NULL},
		{"created", "the Commission", AMBIG, NULL},
		{"opposed", "Party", WRONG, NULL},
		{"opposed", "the Labour Party", WRONG, NULL},
		{"created", "Water Quality Commission", WRONG, NULL},
		{"proposer", "Club", WRONG, NULL},
		{"proposer", "Rowing", WRONG, NULL},
		{"negotiator", "Maria", WRONG, NULL},
		{"lawyer", "John", WRONG, NULL},
		{"street", "15 Harbour St", WRONG, NULL},
	};
	RUN(cases);
}

/* Small slips in short words: a transposition, never towards another name
 * of the article, never in digits. */
static void test_short_slips(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"envoy", "Tomas Qni", CLOSE, NULL},
		{"envoy", "Qni", CLOSE, NULL},
		{"diplomat", "Sven Lei", WRONG, NULL},
		{"diplomat", "Lei", WRONG, NULL},
		{"plants", "62", WRONG, NULL},
		{"envoy", "Tomas Qing", WRONG, NULL},
	};
	RUN(cases);
}

/* Claims with a reason. */
static void test_claims(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"claim-true", "True, she left office in 2011", OK, NULL},
		{"claim-true", "yes", OK, NULL},
		{"claim-false", "No, it was the Water Quality Commission", OK, NULL},
		{"claim-false", "false, it was the quality commission", OK, NULL},
		{"claim-false", "false", OK, NULL},
		{"claim-false", "not true", OK, NULL},
		{"claim-false", "untrue", OK, NULL},
		{"claim-true", "not true", WRONG, NULL},
		{"claim-false", "false, it was a sponge", WRONG, "not the reason"},
		/* A committed wrong reason is wrong. */
		{"claim-false", "false, it was the Liberal Party", WRONG, NULL},
		{"claim-false", "true, it monitors pollution", WRONG, NULL},
		{"claim-true", "false, she left in 2012", WRONG, NULL},
	};
	RUN(cases);
}

/* Choices typed as text; cloze parts separated by commas. */
static void test_choices(void **state)
{
	(void)state;
	static const rule_case cases[] = {
		{"choice-opposed", "Liberal", OK, NULL},
		{"choice-opposed", "the liberals", OK, NULL},
		{"choice-opposed", "Labour", WRONG, NULL},
		{"choice-opposed", "Party", AMBIG, NULL},
		{"choice-negotiators", "Ruiz and Qin", OK, NULL},
		{"choice-negotiators", "Maria Alvarez Ruiz, Tomas Qin", OK, NULL},
		{"choice-negotiators", "Ruiz", PART, NULL},
		{"choice-negotiators", "Ruiz and Lie", WRONG, NULL},
		{"cloze", "Geneva, 1998", OK, NULL},
		{"cloze", "Geneva; 1998", OK, NULL},
		{"cloze", "Geneva, 1999", PART, NULL},
		{"cloze", "Geneva and 1998", OK, NULL},
		{"cloze", "Geneva 1998", OK, NULL},
		{"cloze", "1998 Geneva", WRONG, NULL},
		/* An order with items left out earns the pairs it puts in order. */
		{"order-events", "a b c d", OK, NULL},
		{"order-events", "a b c", PART, "3 of the 4 items, 3 of 6 pairs"},
		{"order-events", "a, c, d", PART, NULL},
		{"order-events", "d c", WRONG, NULL},
		{"order-events", "a a b", AMBIG, NULL},
		/* Match questions typed as pairs of texts, in any order. */
		{"match-roles", "Ruiz foreign minister, Qin envoy, Hartley lawyer", OK, NULL},
		{"match-roles", "Hartley = lawyer, Tomas Qin = envoy, Ruiz = minister", OK, NULL},
		{"match-roles", "Qin: envoy; Ruiz: foreign minister; Hartley: lawyer", OK, NULL},
		{"match-roles", "Ruiz envoy, Qin foreign minister, Hartley lawyer", PART, "1 of 3"},
		{"match-roles", "Ruiz lawyer, Qin foreign minister, Hartley envoy", WRONG, NULL},
		{"match-roles", "foreign minister, envoy, lawyer", OK, NULL},
		/* The words of the text on either side of a blank may come with it. */
		{"cloze-sides", "lawyer Hartley, Harbour Street", OK, NULL},
		{"cloze-sides", "Hartley; Harbour Street", OK, NULL},
		{"cloze-sides", "lawyer Ruiz, Harbour Street", PART, NULL},
		{"cloze-sides", "Harbour Street, lawyer Hartley", WRONG, NULL},
		{"cloze-sides", "lawyer, Street", WRONG, NULL},
		{"choice-negotiators", "a b c d", WRONG, "every choice"},
		/* A choice's words in another order, when they fit only it. */
		{"choice-funded", "dam repair and delta treatment plants", OK, NULL},
		{"choice-funded", "delta plants, main dam repair", OK, NULL},
		{"choice-funded", "dam repair and delta harbour", WRONG, NULL},
		{"choice-opposed", "it was the liberal party", OK, NULL},
	};
	RUN(cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_context),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_short_slips),
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_choices),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
