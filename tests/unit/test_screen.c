/* test_screen.c - what a quiz shows: questions, feedback, the scorecard */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "screen.h"

/* Tests run from the project's root, where content/ holds the article. */
static const char bank_text[] =
	"recall: 1\n"
	"title: Screen test\n"
	"article: ../content/china-fentanyl-sanctions.md\n"
	"questions:\n"
	"  - id: city\n"
	"    kind: choice\n"
	"    prompt: \"Outside which city was the lab? \\e[31m\"\n"
	"    choices: [Shanghai, Beijing, Shenzhen]\n"
	"    answer: Shanghai\n"
	"    source: \"a fentanyl lab outside Shanghai\"\n"
	"    explain: He said so.\n"
	"  - id: blanks\n"
	"    kind: cloze\n"
	"    text: The PRC suspended efforts over {{Nancy Pelosi|Pelosi}}'s visit to {{Taiwan}}.\n"
	"    source: \"Nancy Pelosi’s visit to Taiwan\"\n";

typedef struct {
	quiz *quiz;
	grader *grader;
	session *session;
} fixture;

static int setup(void **state)
{
	diag_list *d = diag_list_new();
	fixture *f = calloc(1, sizeof *f);
	f->quiz = bank_compile_text("quizzes/screen-test.yaml", bank_text, strlen(bank_text), NULL,
	                            d);
	diag_list_free(d);
	if (!f->quiz)
		return -1;
	f->grader = grader_new(f->quiz, NULL);
	session_options o = {.mode = SESSION_PRACTICE, .seed = 1, .allow_hints = true};
	f->session = session_new(f->quiz, f->grader, &o);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	session_free(f->session);
	grader_free(f->grader);
	quiz_free(f->quiz);
	free(f);
	return 0;
}

static void test_question_and_feedback(void **state)
{
	fixture *f = *state;
	screen sc = {.width = 60, .color = false};
	buf out;
	buf_init(&out);
	screen_question(&sc, f->quiz, f->session, &out);
	/* Header, prompt with its escape made visible, options as shown. */
	assert_non_null(strstr(out.ptr, "1/2 · 0 right · choose one\n"));
	assert_non_null(strstr(out.ptr, "Outside which city was the lab? ␛[31m\n"));
	assert_null(strchr(out.ptr, '\033'));
	size_t shown = 0;
	for (size_t i = 0; i < session_option_count(f->session); i++)
		if (session_option(f->session, i) == 0)
			shown = i;
	char line[32];
	snprintf(line, sizeof line, "  (%c) Shanghai\n", (char)('a' + shown));
	assert_non_null(strstr(out.ptr, line));
	buf_clear(&out);

	char wrong[2] = {(char)('a' + (shown + 1) % 3), '\0'};
	const session_response *r = session_answer(f->session, wrong, 5);
	screen_feedback(&sc, f->quiz, r, &out);
	assert_non_null(strstr(out.ptr, "✗ Wrong"));
	/* The right answer with the letter it was shown with. */
	snprintf(line, sizeof line, "The answer: (%c) Shanghai\n", (char)('a' + shown));
	assert_non_null(strstr(out.ptr, line));
	assert_non_null(strstr(out.ptr, "  He said so.\n"));
	assert_non_null(strstr(out.ptr, "¶13 · content/china-fentanyl-sanctions.md:"));
	/* The quoted words are marked in the passage. */
	assert_non_null(strstr(out.ptr, "«a fentanyl"));
	assert_non_null(strstr(out.ptr, "Shanghai»"));
	for (const char *p = out.ptr; *p; p++)
		assert_true((unsigned char)*p >= 0x20 || *p == '\n');
	buf_clear(&out);

	screen_question(&sc, f->quiz, f->session, &out);
	assert_non_null(strstr(out.ptr, "[1]_____'s visit to [2]_____."));
	assert_non_null(strstr(out.ptr, "separated by ;"));
	buf_clear(&out);
	r = session_answer(f->session, "Pelosi; Taiwan", 5);
	assert_int_equal(r->grade.verdict, GRADE_CORRECT);
	screen_scorecard(&sc, f->session, 75, NULL, &out);
	assert_non_null(strstr(out.ptr, "Score: 1 of 2 points (50%) · 1 of 2 right · 1m 15s\n"));
	assert_non_null(strstr(out.ptr, "  choices        ░░░░░░░░░░   0%  (0 of 1)\n"));
	assert_non_null(strstr(out.ptr, "  blanks         ██████████ 100%  (1 of 1)\n"));
	buf_release(&out);
}

static void test_colour_only_when_asked(void **state)
{
	(void)state;
	screen plain = {.width = 20, .color = false}, coloured = {.width = 20, .color = true};
	buf out;
	buf_init(&out);
	screen_line(&plain, "error", "a line long enough to wrap twice or more", &out);
	assert_null(strchr(out.ptr, '\033'));
	assert_string_equal(out.ptr, "a line long enough\nto wrap twice or\nmore\n");
	buf_clear(&out);
	screen_line(&coloured, "error", "short", &out);
	assert_string_equal(out.ptr, "\033[1;31mshort\033[0m\n");
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_question_and_feedback),
		cmocka_unit_test(test_colour_only_when_asked),
	};
	return cmocka_run_group_tests_name("screen", tests, setup, teardown);
}
