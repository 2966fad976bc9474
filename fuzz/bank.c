/* bank.c - fuzz target: a bank compiled against a real article, then every question graded
 *
 * The bank is compiled as if it stood in quizzes/ beside content/, so the
 * sample bank and banks like it find their article and check their sources. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bank.h"
#include "diag.h"
#include "fuzz.h"
#include "grade.h"
#include "quiz.h"
#include "util.h"

static char bank_name[256];

/* A folder with content/ holding the sample article, and the bank's name in
 * quizzes/ beside it. */
static void set_up(void)
{
	char dir[] = "/tmp/recall-fuzz-bank-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	char path[256];
	snprintf(path, sizeof path, "%s/content", dir);
	if (mkdir(path, 0777) != 0)
		abort();
	buf article;
	buf_init(&article);
	if (read_file("content/china-fentanyl-sanctions.md", 1 << 20, &article) != 0) {
		fprintf(stderr, "fuzz bank: run from the repository's root\n");
		abort();
	}
	snprintf(path, sizeof path, "%s/content/china-fentanyl-sanctions.md", dir);
	FILE *f = fopen(path, "w");
	if (!f || fwrite(article.ptr, 1, article.len, f) != article.len || fclose(f) != 0)
		abort();
	snprintf(path, sizeof path, "%s/quizzes", dir);
	if (mkdir(path, 0777) != 0)
		abort();
	snprintf(bank_name, sizeof bank_name, "%s/quizzes/fuzz.yaml", dir);
	buf_release(&article);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!bank_name[0])
		set_up();
	diag_list *d = diag_list_new();
	quiz *q = bank_compile_text(bank_name, (const char *)data, size, NULL, d);
	buf out;
	buf_init(&out);
	diag_format(d, size & 1, &out);
	fuzz_check_terminal_text(out.ptr, out.len, size & 1);
	FUZZ_ASSERT(q ? diag_errors(d) == 0 : diag_errors(d) > 0, "quiz %s with %zu errors",
	            q ? "made" : "refused", diag_errors(d));
	if (q) {
		grader *g = grader_new(q, NULL);
		size_t n = quiz_question_count(q);
		for (size_t i = 0; i < n && i < 64; i++) {
			const quiz_question *question = quiz_question_at(q, i);
			const char *typed[] = {question->answer_text, "", "a", "1b 2a", "June 18, 2023",
			                       question->prompt};
			for (size_t t = 0; t < sizeof typed / sizeof typed[0]; t++) {
				grade_result r;
				grader_grade(g, question, typed[t], &r);
				FUZZ_ASSERT(r.verdict < GRADE_VERDICT_COUNT, "verdict %d", (int)r.verdict);
				FUZZ_ASSERT(r.credit >= 0 && r.credit <= 1, "credit %g", r.credit);
				FUZZ_ASSERT(memchr(r.note, '\0', sizeof r.note), "note not ended");
			}
		}
		grader_free(g);
		quiz_free(q);
	}
	buf_release(&out);
	diag_list_free(d);
	return 0;
}
