/* test_report.c - the gradebook's attempts and the item analysis, against a class worked out by hand */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The class of docs/CLASSROOM.md's worked example: ten students, four
 * one-point questions, one attempt each. 1 is right, 0 wrong; the typed
 * answers of the wrong ones are given.
 *
 *        players city  capital claim   total
 *   s01     1     1      1      0        3
 *   s02     1     1      1      0        3
 *   s03     1     1      0      0        2
 *   s04     1     1      0      0        2
 *   s05     1     1      0      0        2
 *   s06     1     0      0      1        2
 *   s07     1     0      0      1        2
 *   s08     1     0      0      1        2
 *   s09     1     0      -      1        2     (- : skipped)
 *   s10     1     0      0      0        1
 *
 * Ranked by total, ties by id: s01 s02 s03 | s04 ... s07 | s08 s09 s10;
 * 27% of 10 is 2.7, so the top and bottom groups have 3 students.
 *   players: facility 10/10 = 1.00, D = 3/3 - 3/3 = 0      -> too easy
 *   city:    facility  5/10 = 0.50, D = 3/3 - 0/3 = 1
 *   capital: facility  2/10 = 0.20, D = 2/3 - 0/3 = 0.67   -> too hard
 *   claim:   facility  4/10 = 0.40, D = 0/3 - 2/3 = -0.67  -> negative
 * Best scores: 0.75 twice, 0.5 seven times, 0.25 once: mean 0.525,
 * median 0.5, standard deviation sqrt(0.18125 / 10) = 0.1346. */
static const char *const answers[10][4] = {
	{"7", "Paris", "Lima", "false"},
	{"seven", "Paris", "Lima", "no"},
	{"7", "Paris", "Cusco", "false"},
	{"7", "Paris", "cusco", "n"},
	{"7", "paris", "Quito", "false"},
	{"7", "Rome", "Bogotá", "true"},
	{"7", "rome", "Bogota", "yes"},
	{"7", "ROME.", "Cusco", "true"},
	{"7", "Oslo", "", "true"},
	{"7", "d", "Quito", "no"},
};
static const bool right[10][4] = {
	{1, 1, 1, 0}, {1, 1, 1, 0}, {1, 1, 0, 0}, {1, 1, 0, 0}, {1, 1, 0, 0},
	{1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 1}, {1, 0, 0, 0},
};
static const char *const qids[4] = {"players", "city", "capital", "claim"};
static const char *const kinds[4] = {"number", "choice", "text", "claim"};

static report *worked_example(void)
{
	report *r = report_new();
	char id[16], name[32], key[16];
	for (int s = 0; s < 10; s++) {
		snprintf(id, sizeof id, "s%02d", s + 1);
		snprintf(name, sizeof name, "Student %d", s + 1);
		report_add_student(r, id, name, s < 5 ? "A" : "B");
	}
	for (int q = 0; q < 4; q++)
		report_add_question(r, qids[q], kinds[q], "Prompt?", NULL, 1);
	for (int s = 0; s < 10; s++) {
		snprintf(id, sizeof id, "s%02d", s + 1);
		snprintf(key, sizeof key, "k%02d", s + 1);
		double score = 0;
		for (int q = 0; q < 4; q++)
			score += right[s][q];
		report_add_attempt(r, key, id, STORE_COMPLETE, 1000 * s, 1000 * s + 60000, score, 4);
		for (int q = 0; q < 4; q++) {
			const char *typed = answers[s][q];
			const char *verdict = right[s][q] ? "correct" : *typed ? "wrong" : "skipped";
			/* s10 answered the choice by letter: it named Lima. */
			const char *chosen = s == 9 && q == 1 ? "Lima" : NULL;
			report_add_answer(r, key, qids[q], typed, strlen(typed), verdict, right[s][q], 1,
			                  false, chosen);
		}
	}
	report_compute(r);
	return r;
}

static void test_item_analysis(void **state)
{
	(void)state;
	report *r = worked_example();
	const report_summary *s = report_get_summary(r);
	assert_int_equal(s->took, 10);
	assert_int_equal(s->group_size, 3);

	const report_item *players = report_item_at(r, 0);
	assert_true(players->has_facility);
	assert_true(fabs(players->facility - 1.0) < 1e-12);
	assert_true(fabs(players->discrimination) < 1e-12);
	assert_true(players->too_easy);
	assert_false(players->too_hard || players->negative);
	assert_int_equal(players->n_wrong, 0);

	const report_item *city = report_item_at(r, 1);
	assert_true(fabs(city->facility - 0.5) < 1e-12);
	assert_true(fabs(city->discrimination - 1.0) < 1e-12);
	assert_false(city->too_easy || city->too_hard || city->negative);
	/* Grouped by their folded words, shown as the first typed. */
	assert_int_equal(city->wrong_answers, 5);
	assert_int_equal(city->n_wrong, 3);
	assert_string_equal(city->wrong[0].shown, "Rome");
	assert_int_equal(city->wrong[0].count, 3);
	assert_string_equal(city->wrong[1].shown, "Oslo");
	assert_string_equal(city->wrong[2].shown, "Lima");

	const report_item *capital = report_item_at(r, 2);
	assert_int_equal(capital->answered, 10);
	assert_true(fabs(capital->facility - 0.2) < 1e-12);
	assert_true(fabs(capital->discrimination - 2.0 / 3) < 1e-12);
	assert_true(capital->too_hard);
	/* A skip is not an answer: seven wrong ones, accents folded away. */
	assert_int_equal(capital->wrong_answers, 7);
	assert_string_equal(capital->wrong[0].shown, "Cusco");
	assert_int_equal(capital->wrong[0].count, 3);
	assert_string_equal(capital->wrong[1].shown, "Quito");
	assert_int_equal(capital->wrong[1].count, 2);
	assert_string_equal(capital->wrong[2].shown, "Bogotá");
	assert_int_equal(capital->wrong[2].count, 2);

	const report_item *claim = report_item_at(r, 3);
	assert_true(fabs(claim->facility - 0.4) < 1e-12);
	assert_true(fabs(claim->discrimination + 2.0 / 3) < 1e-12);
	assert_true(claim->negative);
	assert_false(claim->too_easy || claim->too_hard);
	assert_string_equal(claim->wrong[0].shown, "false");
	assert_int_equal(claim->wrong[0].count, 3);
	assert_string_equal(claim->wrong[1].shown, "no");
	assert_string_equal(claim->wrong[2].shown, "n");
	report_free(r);
}

static void test_class_figures(void **state)
{
	(void)state;
	report *r = worked_example();
	const report_summary *s = report_get_summary(r);
	assert_true(fabs(s->mean - 0.525) < 1e-12);
	assert_true(fabs(s->median - 0.5) < 1e-12);
	assert_true(fabs(s->sd - sqrt(0.018125)) < 1e-12);
	assert_true(fabs(s->min - 0.25) < 1e-12);
	assert_true(fabs(s->max - 0.75) < 1e-12);
	size_t want[REPORT_BUCKETS] = {0, 0, 1, 0, 0, 7, 0, 2, 0, 0};
	for (int b = 0; b < REPORT_BUCKETS; b++)
		assert_int_equal(s->histogram[b], want[b]);
	const report_student *s01 = report_student_at(r, 0);
	assert_string_equal(s01->id, "s01");
	assert_true(fabs(s01->best->kind_earned[QUIZ_CLAIM]) < 1e-12);
	assert_true(fabs(s01->best->kind_points[QUIZ_CLAIM] - 1) < 1e-12);
	assert_true(fabs(s01->best->earned[2] - 1) < 1e-12);
	report_free(r);
}

static void test_attempts(void **state)
{
	(void)state;
	report *r = report_new();
	report_add_student(r, "ana", "Ana", "");
	report_add_student(r, "ben", "Ben", "");
	report_add_student(r, "cy", "Cy", "");
	report_add_question(r, "q1", "date", "When?", NULL, 1);
	report_add_question(r, "q2", "actor", "Who?", NULL, 2);
	/* Ana: an interrupted try, then 1/3, then 3/3, then 2/3. */
	report_add_attempt(r, "a0", "ana", STORE_INTERRUPTED, 0, 100, 0, 3);
	report_add_attempt(r, "a1", "ana", STORE_COMPLETE, 1000, 61000, 1, 3);
	report_add_attempt(r, "a2", "ana", STORE_TIMEOUT, 2000, 3000, 3, 3);
	report_add_attempt(r, "a3", "ana", STORE_COMPLETE, 5000, 9000, 2, 3);
	report_add_answer(r, "a1", "q1", "2023", 4, "correct", 1, 1, false, NULL);
	report_add_answer(r, "a1", "q2", "Qin", 3, "wrong", 0, 2, false, NULL);
	/* An ambiguous answer asked again counts once, the second. */
	report_add_answer(r, "a2", "q1", "6/7/2023", 8, "ambiguous", 0, 1, false, NULL);
	report_add_answer(r, "a2", "q1", "2023", 4, "correct", 1, 1, false, NULL);
	report_add_answer(r, "a2", "q2", "Blinken", 7, "correct", 1, 2, false, NULL);
	/* Ben only quit; a stranger took it without being on the roster. */
	report_add_attempt(r, "b1", "ben", STORE_QUIT, 0, 10, 0, 3);
	report_add_attempt(r, "z1", "zed", STORE_COMPLETE, 0, 10, 1.5, 3);
	report_add_answer(r, "z1", "q2", "Bl", 2, "partial", 0.75, 2, false, NULL);
	/* An answer to a question the list did not have is added. */
	report_add_answer(r, "z1", "q9", "x", 1, "wrong", 0, 1, false, NULL);
	report_compute(r);

	assert_int_equal(report_student_count(r), 4);
	const report_student *ana = report_student_at(r, 0);
	assert_int_equal(ana->attempts, 4);
	assert_int_equal(ana->finished, 3);
	assert_true(fabs(ana->first->fraction - 1.0 / 3) < 1e-12);
	assert_true(fabs(ana->best->fraction - 1.0) < 1e-12);
	assert_true(fabs(ana->last->fraction - 2.0 / 3) < 1e-12);
	assert_int_equal(ana->best->status, STORE_TIMEOUT);
	assert_true(fabs(ana->best->kind_earned[QUIZ_ACTOR] - 2) < 1e-12);
	assert_true(isnan(ana->last->earned[0]));
	const report_student *ben = report_student_at(r, 1);
	assert_null(ben->best);
	assert_int_equal(ben->attempts, 1);
	assert_int_equal(ben->latest->status, STORE_QUIT);
	const report_student *zed = report_student_at(r, 3);
	assert_string_equal(zed->id, "zed");
	assert_false(zed->on_roster);
	const report_summary *s = report_get_summary(r);
	assert_int_equal(s->on_roster, 3);
	assert_int_equal(s->took, 2);
	assert_int_equal(s->unfinished, 1);
	assert_int_equal(s->not_taken, 1);
	assert_int_equal(report_item_count(r), 3);
	/* Item analysis takes Ana's first finished attempt, not her best. */
	const report_item *q2 = report_item_at(r, 1);
	assert_int_equal(q2->answered, 2);
	assert_true(fabs(q2->facility - 0.375) < 1e-12);
	assert_int_equal(q2->wrong_answers, 2);
	/* Two students: one in each group; Zed (1.5/3) is above Ana (1/3). */
	assert_int_equal(s->group_size, 1);
	assert_true(fabs(q2->discrimination - 0.75) < 1e-12);
	report_free(r);
}

static void test_small_and_empty(void **state)
{
	(void)state;
	report *r = report_new();
	report_add_student(r, "ana", "Ana", "");
	report_compute(r);
	const report_summary *s = report_get_summary(r);
	assert_int_equal(s->took, 0);
	assert_int_equal(s->not_taken, 1);
	assert_int_equal(s->group_size, 0);
	report_free(r);

	r = report_new();
	report_add_question(r, "q1", "date", "When?", NULL, 1);
	report_add_attempt(r, "a", "ana", STORE_COMPLETE, 0, 1, 1, 1);
	report_add_answer(r, "a", "q1", "2023", 4, "correct", 1, 1, false, NULL);
	report_compute(r);
	const report_item *q1 = report_item_at(r, 0);
	assert_true(q1->has_facility);
	/* One student cannot be split into a top and a bottom group. */
	assert_false(q1->has_discrimination);
	report_free(r);

	assert_int_equal(report_bucket(0), 0);
	assert_int_equal(report_bucket(0.094), 0);
	assert_int_equal(report_bucket(0.095), 1);
	assert_int_equal(report_bucket(0.999), 9);
	assert_int_equal(report_bucket(1), 9);
}

static void test_large_class(void **state)
{
	(void)state;
	/* Twenty thousand students, every wrong answer different: grouping
	 * must not compare each with each. */
	report *r = report_new();
	report_add_question(r, "q1", "text", "Which?", NULL, 1);
	char id[32], key[32], typed[32];
	for (int i = 0; i < 20000; i++) {
		snprintf(id, sizeof id, "s%05d", i);
		snprintf(key, sizeof key, "k%05d", i);
		snprintf(typed, sizeof typed, "answer %d", i % 7 == 0 ? 7 : i);
		report_add_student(r, id, id, "");
		report_add_attempt(r, key, id, STORE_COMPLETE, i, i + 1, 0, 1);
		report_add_answer(r, key, "q1", typed, strlen(typed), "wrong", 0, 1, false, NULL);
	}
	report_compute(r);
	const report_item *q1 = report_item_at(r, 0);
	assert_int_equal(q1->wrong_answers, 20000);
	assert_string_equal(q1->wrong[0].shown, "answer 7");
	assert_int_equal(q1->wrong[0].count, 2858);
	assert_int_equal(report_get_summary(r)->group_size, 5400);
	report_free(r);
}

/* Flags wait for five students; below that the figures are there, the
 * flags are not. */
static void test_flags_need_five(void **state)
{
	(void)state;
	for (int students = 4; students <= 5; students++) {
		report *r = report_new();
		report_add_question(r, "q1", "text", "Which?", "Lima", 1);
		char id[16];
		for (int i = 0; i < students; i++) {
			snprintf(id, sizeof id, "s%d", i);
			report_add_student(r, id, id, "");
			report_add_attempt(r, id, id, STORE_COMPLETE, i, i + 1, 1, 1);
			report_add_answer(r, id, "q1", "Lima", 4, "correct", 1, 1, false, NULL);
		}
		report_compute(r);
		const report_item *it = report_item_at(r, 0);
		assert_true(it->has_facility);
		assert_float_equal(it->facility, 1, 1e-9);
		assert_int_equal(it->too_easy, students >= REPORT_MIN_STUDENTS);
		assert_int_equal(report_get_summary(r)->flagged, students >= REPORT_MIN_STUDENTS);
		report_free(r);
	}
}

static void test_cloze_blanks(void **state)
{
	(void)state;
	report *r = report_new();
	report_add_question(r, "c", "cloze", "A {{x|y}} met {{z}} in {{ w }}.", "x; z; w", 1);
	report_add_question(r, "t", "text", "Braces {{stay}} in text", "stay", 1);
	report_compute(r);
	assert_string_equal(report_item_at(r, 0)->prompt, "A ___ met ___ in ___.");
	assert_string_equal(report_item_at(r, 0)->answer, "x; z; w");
	assert_string_equal(report_item_at(r, 1)->prompt, "Braces {{stay}} in text");
	buf b;
	buf_init(&b);
	report_cloze_blanks("open {{ never closed", &b);
	assert_string_equal(b.ptr, "open {{ never closed");
	buf_release(&b);
	report_free(r);
}

/* A student who never finished is shown with the latest attempt's score
 * so far, which counts in no class figure; the answers counted are
 * reachable by question. */
static void test_partial_and_answers(void **state)
{
	(void)state;
	report *r = report_new();
	report_add_student(r, "ana", "Ana", "");
	report_add_student(r, "ben", "Ben", "");
	report_add_question(r, "q1", "date", "When?", "2023", 1);
	report_add_question(r, "q2", "actor", "Who?", "Qin Gang", 1);
	report_add_attempt(r, "a1", "ana", STORE_QUIT, 0, 10, 0, 2);
	report_add_attempt(r, "a2", "ana", STORE_INTERRUPTED, 20, 30, 1, 2);
	report_add_answer(r, "a2", "q1", "2023", 4, "correct", 1, 1, false, NULL);
	report_add_attempt(r, "b1", "ben", STORE_COMPLETE, 0, 10, 1, 2);
	report_add_answer(r, "b1", "q2", "Qin", 3, "correct", 1, 1, true, NULL);
	report_compute(r);
	const report_student *ana = report_student_at(r, 0), *ben = report_student_at(r, 1);
	assert_null(ana->best);
	assert_non_null(ana->partial);
	assert_int_equal(ana->partial->status, STORE_INTERRUPTED);
	assert_float_equal(ana->partial->fraction, 0.5, 1e-9);
	assert_null(ben->partial);
	assert_int_equal(report_get_summary(r)->took, 1);
	assert_float_equal(report_get_summary(r)->mean, 0.5, 1e-9);
	assert_null(ben->best->answers[0]);
	const report_answer *an = ben->best->answers[1];
	assert_non_null(an);
	assert_string_equal(an->typed, "Qin");
	assert_string_equal(an->verdict, "correct");
	assert_true(an->overridden);
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item_analysis),
		cmocka_unit_test(test_class_figures),
		cmocka_unit_test(test_attempts),
		cmocka_unit_test(test_small_and_empty),
		cmocka_unit_test(test_large_class),
		cmocka_unit_test(test_flags_need_five),
		cmocka_unit_test(test_cloze_blanks),
		cmocka_unit_test(test_partial_and_answers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
