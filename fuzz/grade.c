/* grade.c - fuzz target: typed answers to every question of the sample bank
 *
 * The first byte picks the question; the rest is what the student typed. */
#include <string.h>

#include "bank.h"
#include "diag.h"
#include "fuzz.h"
#include "grade.h"
#include "quiz.h"

static quiz *sample;
static grader *sample_grader;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!sample) {
		diag_list *d = diag_list_new();
		sample = bank_compile("quizzes/china-fentanyl-sanctions.yaml", NULL, d);
		FUZZ_ASSERT(sample, "the sample bank does not compile (run from the repository's root)");
		diag_list_free(d);
		sample_grader = grader_new(sample, NULL);
	}
	if (size == 0)
		return 0;
	const quiz_question *question = quiz_question_at(sample, data[0] % quiz_question_count(sample));
	char *typed = fuzz_cstring(data + 1, size - 1);
	grade_result first, again;
	grader_grade(sample_grader, question, typed, &first);
	FUZZ_ASSERT(first.verdict < GRADE_VERDICT_COUNT, "verdict %d", (int)first.verdict);
	FUZZ_ASSERT(first.credit >= 0 && first.credit <= 1, "credit %g", first.credit);
	FUZZ_ASSERT(!grade_verdict_accepted(first.verdict) || first.credit > 0,
	            "%s with no credit", grade_verdict_name(first.verdict));
	FUZZ_ASSERT(memchr(first.note, '\0', sizeof first.note), "note not ended");
	/* Grading changes nothing: the same answer, the same result. */
	grader_grade(sample_grader, question, typed, &again);
	FUZZ_ASSERT(again.verdict == first.verdict && again.credit == first.credit &&
	            strcmp(again.note, first.note) == 0, "graded twice, two results");
	free(typed);
	return 0;
}
