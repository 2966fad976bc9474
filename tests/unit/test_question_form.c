/* test_question_form.c - questions formed from statements: the verb table, inversion, attributions */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "question_form.h"

static void expect_base(const char *past, const char *base)
{
	char *got = qform_base_of_past(past);
	if (!base) {
		if (got)
			print_message("  %s -> %s, expected none\n", past, got);
		assert_null(got);
		return;
	}
	if (!got || strcmp(got, base) != 0)
		print_message("  %s -> %s, expected %s\n", past, got ? got : "(none)", base);
	assert_non_null(got);
	assert_string_equal(got, base);
	free(got);
}

static void test_verb_table(void **state)
{
	(void)state;
	/* Irregular. */
	expect_base("said", "say");
	expect_base("won", "win");
	expect_base("became", "become");
	expect_base("fought", "fight");
	expect_base("died", "die");
	/* Regular, with the rules for a lost "e", "y" and doubled letters. */
	static const char *const pairs[][2] = {
		{"married", "marry"},     {"studied", "study"},     {"stopped", "stop"},
		{"admitted", "admit"},    {"controlled", "control"}, {"called", NULL},
		{"created", "create"},    {"moved", "move"},        {"produced", "produce"},
		{"announced", "announce"}, {"raised", "raise"},     {"suspended", "suspend"},
		{"defeated", "defeat"},   {"located", "locate"},    {"executed", "execute"},
		{"shouted", "shout"},     {"acquired", "acquire"},  {"measured", "measure"},
		{"poured", "pour"},       {"declared", "declare"},  {"appeared", "appear"},
		{"explored", "explore"},  {"honored", "honor"},     {"settled", "settle"},
		{"compiled", "compile"},  {"failed", "fail"},       {"invoked", "invoke"},
		{"booked", "book"},       {"decided", "decide"},    {"avoided", "avoid"},
		{"traded", "trade"},      {"headed", "head"},       {"combined", "combine"},
		{"examined", "examine"},  {"gained", "gain"},       {"assumed", "assume"},
		{"escaped", "escape"},    {"described", "describe"}, {"developed", "develop"},
		{"agreed", "agree"},      {"argued", "argue"},      {"changed", "change"},
		{"belonged", "belong"},   {"caused", "cause"},      {"focused", "focus"},
		{"collapsed", "collapse"}, {"isolated", "isolate"}, {"added", "add"},
		{"recalled", "recall"},   {"banned", "ban"},        {"received", "receive"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		expect_base(pairs[i][0], pairs[i][1]);
	/* No verbs: nouns and adjectives in -ed, capitals, present tenses. */
	expect_base("hundred", NULL);
	expect_base("sacred", NULL);
	expect_base("Reported", NULL);
	expect_base("says", NULL);
	expect_base("so-called", NULL);
}

static void expect_question(const char *statement, const char *wh, const char *question)
{
	char *got = qform_ask(statement, wh, false);
	if (!question) {
		if (got)
			print_message("  [%s] -> [%s], expected none\n", statement, got);
		assert_null(got);
		return;
	}
	if (!got || strcmp(got, question) != 0)
		print_message("  [%s]\n  -> [%s]\n  expected [%s]\n", statement, got ? got : "(none)", question);
	assert_non_null(got);
	assert_string_equal(got, question);
	free(got);
}

static void test_inversion(void **state)
{
	(void)state;
	/* The example of the issue: "In 2019," cut, the clause inverted. */
	expect_question("Beijing said it would regulate all fentanyl-related drugs as a class of controlled substances.",
	                "In what year",
	                "In what year did Beijing say it would regulate all fentanyl-related drugs as a class of "
	                "controlled substances?");
	/* An auxiliary moves as it is. */
	expect_question("Yi Sun-sin was born in Hanseong.", "On what date", "On what date was Yi Sun-sin born in Hanseong?");
	expect_question("The warlord Toyotomi Hideyoshi had ended a century of civil war.", "In what year",
	                "In what year had the warlord Toyotomi Hideyoshi ended a century of civil war?");
	expect_question("Governments had already agreed on a framework.", "In what year",
	                "In what year had Governments already agreed on a framework?");
	/* "had" with a noun is "did ... have". */
	expect_question("The couple had a second daughter.", "In what year",
	                "In what year did the couple have a second daughter?");
	/* An apposition stays with its subject, even with a clause inside. */
	expect_question("U.S. Secretary of State Antony Blinken, while visiting Beijing, raised the issue with Qin Gang.",
	                "In what month and year",
	                "In what month and year did U.S. Secretary of State Antony Blinken, while visiting Beijing, "
	                "raise the issue with Qin Gang?");
	/* A second verb of the same subject takes its base form too. */
	expect_question("Maria Skłodowska moved to Paris and enrolled at the Sorbonne.", "In what year",
	                "In what year did Maria Skłodowska move to Paris and enroll at the Sorbonne?");
	/* A time adverb before the verb goes: it would answer "when". */
	expect_question("The armies then marched north.", "In what year",
	                "In what year did the armies march north?");
	/* No question rather than a wrong one. */
	expect_question("She met Pierre Curie.", "In what year", NULL);          /* a pronoun subject */
	expect_question("The company that made the drug went bankrupt.", "In what year", NULL);  /* a relative clause */
	expect_question("Using an electrometer, she measured the currents.", "In what year", NULL);  /* an opening phrase */
	expect_question("Hideyoshi died, and the commanders began to withdraw.", "In what year", NULL);  /* two clauses */
	expect_question("The layer is on track to recover.", "In what year", NULL);  /* a present tense */
	expect_question("He said “no” to the plan.", "In what year", NULL);  /* a quotation */
	expect_question("During the war Curie trained nurses.", "In what year", NULL);  /* an opening phrase */
	/* The count moved out of the object. */
	expect_question("Marie Curie trained as radiographers for the army.", "How many women",
	                "How many women did Marie Curie train as radiographers for the army?");
	/* A present tense when asked for. */
	char *q = qform_ask("Ozone absorbs most ultraviolet-B radiation.", "How much", true);
	assert_non_null(q);
	assert_string_equal(q, "How much does Ozone absorb most ultraviolet-B radiation?");
	free(q);
}

static void expect_attribution(const char *s, const char *event_end, const char *who)
{
	size_t a, b, ws, we;
	bool found = qform_attribution(s, &a, &b, &ws, &we);
	if (!event_end) {
		assert_false(found);
		return;
	}
	assert_true(found);
	char *source = strndup(s + ws, we - ws);
	assert_string_equal(source, who);
	free(source);
	if (a == 0)
		assert_string_equal(s + b, event_end);
	else
		assert_int_equal(a, strlen(s) - strlen(event_end));
}

static void test_attributions(void **state)
{
	(void)state;
	expect_attribution("In June, Blinken raised the issue with Qin Gang, the Wall Street Journal (WSJ) reported.",
	                   ", the Wall Street Journal (WSJ) reported.", "the Wall Street Journal (WSJ)");
	expect_attribution("According to the NY Post, sources say officials are stalled.",
	                   "sources say officials are stalled.", "the NY Post");
	/* A clause ending in a verb is no attribution. */
	expect_attribution("The troops landed at Busan, and the city fell.", NULL, NULL);
	expect_attribution("Blinken raised the issue with Qin Gang.", NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verb_table),
		cmocka_unit_test(test_inversion),
		cmocka_unit_test(test_attributions),
	};
	return cmocka_run_group_tests_name("question_form", tests, NULL, NULL);
}
