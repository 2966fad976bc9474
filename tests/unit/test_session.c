/* test_session.c - choosing and ordering questions, options as shown, help, scores */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "session.h"

/* Tests run from the project's root, where content/ holds the article. */
static const char bank_text[] =
	"recall: 1\n"
	"title: Session test\n"
	"article: ../content/china-fentanyl-sanctions.md\n"
	"questions:\n"
	"  - id: handshake\n"
	"    kind: date\n"
	"    prompt: On what date did they shake hands?\n"
	"    answer: 2023-06-18\n"
	"    source: \"June 18, 2023\"\n"
	"    tags: [dates]\n"
	"  - id: made-up-day\n"
	"    kind: date\n"
	"    prompt: Which day?\n"
	"    answer: 2023-06-07\n"
	"    tags: [dates]\n"
	"  - id: journalist\n"
	"    kind: choice\n"
	"    prompt: Who went undercover?\n"
	"    choices: [Ben Westhoff, Liu Yuejin, Antony Blinken, Qin Gang]\n"
	"    answer: Ben Westhoff\n"
	"  - id: events\n"
	"    kind: order\n"
	"    prompt: In order?\n"
	"    items: [Issue brief, Beijing pledge, Pelosi visit, Handshake]\n"
	"  - id: roles\n"
	"    kind: match\n"
	"    prompt: Match them.\n"
	"    pairs: [[Blinken, Secretary of State], [Qin Gang, Foreign Minister], "
	"[Westhoff, journalist]]\n"
	"  - id: minister\n"
	"    kind: actor\n"
	"    prompt: Which foreign minister?\n"
	"    answer: Qin Gang\n"
	"    family: Qin\n"
	"    source: \"Foreign Minister Qin Gang\"\n";

typedef struct {
	quiz *quiz;
	grader *grader;
} fixture;

static int setup(void **state)
{
	diag_list *d = diag_list_new();
	fixture *f = calloc(1, sizeof *f);
	f->quiz = bank_compile_text("quizzes/session-test.yaml", bank_text, strlen(bank_text),
	                            NULL, d);
	if (!f->quiz) {
		buf out;
		buf_init(&out);
		diag_format(d, false, &out);
		fprintf(stderr, "%s", out.ptr);
		buf_release(&out);
	}
	diag_list_free(d);
	if (!f->quiz)
		return -1;
	f->grader = grader_new(f->quiz, NULL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	grader_free(f->grader);
	quiz_free(f->quiz);
	free(f);
	return 0;
}

static session_options options(void)
{
	return (session_options){.mode = SESSION_PRACTICE, .seed = 42, .allow_hints = true,
	                         .allow_override = true};
}

/* Moves the session to the question with `id`, skipping the others. */
static const quiz_question *go_to(session *s, const char *id)
{
	while (!session_done(s) && strcmp(session_current(s)->id, id) != 0)
		session_skip(s, 0);
	return session_current(s);
}

/* The shown letter of bank option `bank`. */
static char shown_letter(const session *s, size_t bank)
{
	for (size_t i = 0; i < session_option_count(s); i++)
		if (session_option(s, i) == bank)
			return (char)('a' + i);
	return '?';
}

static void test_filters(void **state)
{
	fixture *f = *state;
	session_options o = options();
	o.tag = "dates";
	session *s = session_new(f->quiz, f->grader, &o);
	assert_int_equal(session_count(s), 2);
	session_free(s);

	o = options();
	o.kinds = 1u << QUIZ_CHOICE | 1u << QUIZ_ACTOR;
	s = session_new(f->quiz, f->grader, &o);
	assert_int_equal(session_count(s), 2);
	assert_string_equal(session_current(s)->id, "journalist");
	session_free(s);

	o = options();
	o.limit = 3;
	s = session_new(f->quiz, f->grader, &o);
	assert_int_equal(session_count(s), 3);
	session_free(s);

	o = options();
	o.tag = "no-such-tag";
	assert_null(session_new(f->quiz, f->grader, &o));
}

static void test_shuffle_is_reproducible(void **state)
{
	fixture *f = *state;
	session_options o = options();
	o.shuffle = true;
	char first[6][32], again[6][32];
	for (int round = 0; round < 2; round++) {
		session *s = session_new(f->quiz, f->grader, &o);
		for (int i = 0; !session_done(s); i++) {
			strcpy(round ? again[i] : first[i], session_current(s)->id);
			session_skip(s, 0);
		}
		session_free(s);
	}
	for (int i = 0; i < 6; i++)
		assert_string_equal(first[i], again[i]);
	/* Some seed puts the bank's questions out of order. */
	bool moved = false;
	for (uint64_t seed = 1; seed < 20 && !moved; seed++) {
		o.seed = seed;
		session *s = session_new(f->quiz, f->grader, &o);
		moved = strcmp(session_current(s)->id, "handshake") != 0;
		session_free(s);
	}
	assert_true(moved);
}

static void test_choice_letters_as_shown(void **state)
{
	fixture *f = *state;
	for (uint64_t seed = 1; seed <= 8; seed++) {
		session_options o = options();
		o.seed = seed;
		session *s = session_new(f->quiz, f->grader, &o);
		go_to(s, "journalist");
		char right[2] = {shown_letter(s, 0), '\0'};
		char wrong[2] = {shown_letter(s, 1), '\0'};
		char shown[64];
		snprintf(shown, sizeof shown, "(%c) Ben Westhoff", right[0]);
		const session_response *r = session_answer(s, wrong, 10);
		assert_int_equal(r->grade.verdict, GRADE_WRONG);
		/* The right answer is given with the letter it was shown with. */
		assert_string_equal(r->shown_answer, shown);
		session_free(s);

		s = session_new(f->quiz, f->grader, &o);
		go_to(s, "journalist");
		r = session_answer(s, right, 10);
		assert_int_equal(r->grade.verdict, GRADE_CORRECT);
		assert_string_equal(r->typed, right);
		session_free(s);
	}
	/* The answer typed out needs no letters. */
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	go_to(s, "journalist");
	assert_int_equal(session_answer(s, "Ben Westhoff", 1)->grade.verdict, GRADE_CORRECT);
	session_free(s);
}

static void test_order_and_match_as_shown(void **state)
{
	fixture *f = *state;
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	go_to(s, "events");
	/* Never shown in the right order already. */
	bool in_order = true;
	for (size_t i = 0; i < session_option_count(s); i++)
		in_order = in_order && session_option(s, i) == i;
	assert_false(in_order);
	char typed[16];
	snprintf(typed, sizeof typed, "%c %c %c %c", shown_letter(s, 0), shown_letter(s, 1),
	         shown_letter(s, 2), shown_letter(s, 3));
	char want[160];
	snprintf(want, sizeof want,
	         "(%c) Issue brief → (%c) Beijing pledge → (%c) Pelosi visit → (%c) Handshake",
	         typed[0], typed[2], typed[4], typed[6]);
	const session_response *r = session_answer(s, typed, 1);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	assert_string_equal(r->shown_answer, want);

	go_to(s, "roles");
	snprintf(typed, sizeof typed, "1%c 2%c 3%c", shown_letter(s, 0), shown_letter(s, 1),
	         shown_letter(s, 2));
	snprintf(want, sizeof want,
	         "1. Blinken → (%c) Secretary of State; 2. Qin Gang → (%c) Foreign Minister; "
	         "3. Westhoff → (%c) journalist",
	         typed[1], typed[4], typed[7]);
	r = session_answer(s, typed, 1);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	assert_string_equal(r->shown_answer, want);
	/* Kinds without shown options have none. */
	r = session_skip(s, 1);
	assert_null(r->shown_answer);
	session_free(s);
}

static void test_help_halves_credit_and_override(void **state)
{
	fixture *f = *state;
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	buf hint;
	buf_init(&hint);
	assert_true(session_hint(s, &hint));
	assert_string_equal(hint.ptr, "The year is 2023.");
	const session_response *r = session_answer(s, "18 June 2023", 5);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	assert_true(r->help.hinted);
	assert_true(r->credit == 0.5);
	/* A right answer cannot be overridden. */
	assert_null(session_override(s));

	go_to(s, "minister");
	assert_true(session_show_passage(s));
	r = session_answer(s, "Blinken", 5);
	assert_int_equal(r->grade.verdict, GRADE_WRONG);
	r = session_override(s);
	assert_non_null(r);
	assert_true(r->overridden);
	assert_true(r->credit == 0.5);
	assert_null(session_override(s));
	assert_true(session_done(s));
	double earned, possible;
	session_score(s, &earned, &possible);
	assert_true(earned == 1.0);
	assert_true(possible == 6.0);
	session_score_kind(s, QUIZ_DATE, &earned, &possible, NULL);
	assert_true(earned == 0.5 && possible == 2.0);
	buf_release(&hint);
	session_free(s);
}

static void test_exam_has_no_override(void **state)
{
	fixture *f = *state;
	session_options o = options();
	o.mode = SESSION_EXAM;
	session *s = session_new(f->quiz, f->grader, &o);
	session_answer(s, "1999", 1);
	assert_null(session_override(s));
	session_free(s);
}

static void test_ambiguous_asks_again(void **state)
{
	fixture *f = *state;
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	go_to(s, "made-up-day");
	const session_response *r = session_answer(s, "6/7/2023", 1);
	assert_int_equal(r->grade.verdict, GRADE_AMBIGUOUS);
	assert_string_equal(session_current(s)->id, "made-up-day");
	size_t before = session_response_count(s);
	r = session_answer(s, "June 7, 2023", 1);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	assert_int_equal(session_response_count(s), before + 1);
	session_free(s);
}

/* `take --help` says each of :hint and :passage halves the credit. */
static void test_hint_and_passage_each_halve(void **state)
{
	fixture *f = *state;
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	buf hint;
	buf_init(&hint);
	assert_true(session_hint(s, &hint));
	assert_true(session_show_passage(s));
	const session_response *r = session_answer(s, "18 June 2023", 5);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	assert_true(r->credit == 0.25);
	buf_release(&hint);
	session_free(s);
}

/* A script cannot be asked again: the answer counts as given and the next
 * line goes to the next question. */
static void test_answer_once_moves_on(void **state)
{
	fixture *f = *state;
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	go_to(s, "made-up-day");
	size_t before = session_response_count(s);
	const session_response *r = session_answer_once(s, "6/7/2023", 1);
	assert_int_equal(r->grade.verdict, GRADE_WRONG);
	assert_true(r->credit == 0);
	assert_true(r->grade.note[0] != '\0');
	assert_int_equal(session_response_count(s), before + 1);
	assert_string_equal(session_current(s)->id, "journalist");
	/* An answer that can be judged is graded as session_answer does. */
	r = session_answer_once(s, "Ben Westhoff", 1);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	/* An order question answered with words, not letters, moves on too. */
	r = session_answer_once(s, "no idea", 1);
	assert_int_not_equal(r->grade.verdict, GRADE_AMBIGUOUS);
	assert_string_equal(session_current(s)->id, "roles");
	session_free(s);
}

static void test_stop_counts_only_asked(void **state)
{
	fixture *f = *state;
	session_options o = options();
	session *s = session_new(f->quiz, f->grader, &o);
	session_answer(s, "June 18, 2023", 1);
	session_stop(s);
	assert_true(session_done(s));
	double earned, possible;
	session_score(s, &earned, &possible);
	assert_true(earned == 1.0 && possible == 1.0);
	assert_true(session_max_score(s) == 6.0);
	session_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_shuffle_is_reproducible),
		cmocka_unit_test(test_choice_letters_as_shown),
		cmocka_unit_test(test_order_and_match_as_shown),
		cmocka_unit_test(test_help_halves_credit_and_override),
		cmocka_unit_test(test_exam_has_no_override),
		cmocka_unit_test(test_ambiguous_asks_again),
		cmocka_unit_test(test_hint_and_passage_each_halve),
		cmocka_unit_test(test_answer_once_moves_on),
		cmocka_unit_test(test_stop_counts_only_asked),
	};
	return cmocka_run_group_tests_name("session", tests, setup, teardown);
}
