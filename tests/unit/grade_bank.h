/* grade_bank.h - a bank built in code for the grader's rule tests, and the
 * table of typed answers each is checked against; included by one test
 * program each, which writes its own article and questions in setup. */
#ifndef RECALL_TEST_GRADE_BANK_H
#define RECALL_TEST_GRADE_BANK_H

#include <stdbool.h>
#include <string.h>

#include "arena.h"
#include "article.h"
#include "diag.h"
#include "grade.h"
#include "quiz.h"

static quiz *bank;
static grader *g;

/* A new bank for the article `md`, named `file`; setup adds the questions. */
static inline void start_bank(const char *title, const char *file, const char *md)
{
	bank = quiz_new();
	quiz_set_title(bank, title);
	diag_list *d = diag_list_new();
	article *a = article_parse(file, md, strlen(md), d);
	assert_non_null(a);
	diag_list_free(d);
	quiz_set_article(bank, a);
}

static int teardown(void **state)
{
	(void)state;
	grader_free(g);
	quiz_free(bank);
	return 0;
}

static inline const char *dup(const char *s)
{
	return s ? arena_strdup(quiz_arena(bank), s) : NULL;
}

static inline void set_source(quiz_question *q, const char *quote)
{
	article_match m;
	q->source.quote = dup(quote);
	assert_true(article_find_quote(quiz_article(bank), quote, &m));
	q->source.paragraph = m.paragraph->number;
	q->source.line = m.paragraph->line;
	q->source.start = m.start;
	q->source.end = m.end;
}

static inline quiz_question *question(const char *id, quiz_kind kind, const char *prompt,
                               const char *source)
{
	quiz_question *q = quiz_add_question(bank);
	q->id = dup(id);
	q->kind = kind;
	q->prompt = dup(prompt);
	if (source)
		set_source(q, source);
	return q;
}

static inline quiz_actor *actor(const char *id, const char *name)
{
	quiz_actor *a = quiz_add_actor(bank);
	a->id = dup(id);
	a->name = dup(name);
	return a;
}

static inline void actor_q(const char *id, const quiz_actor *a, const char *prompt, const char *source)
{
	quiz_question *q = question(id, QUIZ_ACTOR, prompt, source);
	q->actor = a;
	q->answer_text = a->name;
}

static inline void date_q(const char *id, int y, int m, int d, const char *prompt, const char *source)
{
	quiz_question *q = question(id, QUIZ_DATE, prompt, source);
	q->date = (quiz_date){y, m, d};
}

static inline void number_q(const char *id, double value, const char *unit, const char *shown,
                     const char *prompt, const char *source)
{
	quiz_question *q = question(id, QUIZ_NUMBER, prompt, source);
	q->number.value = value;
	q->number.unit = dup(unit);
	q->answer_text = dup(shown);
}

static inline void text_q(const char *id, const char *text, const char *prompt, const char *source)
{
	quiz_question *q = question(id, QUIZ_TEXT, prompt, source);
	q->text = dup(text);
	q->answer_text = q->text;
}

static inline void claim_q(const char *id, bool truth, const char *correction, const char *prompt,
                    const char *source)
{
	quiz_question *q = question(id, QUIZ_CLAIM, prompt, source);
	q->claim.truth = truth;
	q->claim.correction = dup(correction);
}

static inline void choice_q(const char *id, const char *const *choices, size_t n, const size_t *correct,
                     size_t n_correct, const char *prompt)
{
	quiz_question *q = question(id, QUIZ_CHOICE, prompt, NULL);
	q->choices = quiz_strings_copy(bank, choices, n);
	size_t *c = arena_alloc(quiz_arena(bank), n_correct * sizeof *c);
	memcpy(c, correct, n_correct * sizeof *c);
	q->correct = c;
	q->n_correct = n_correct;
}

static inline void order_q(const char *id, const char *const *items, size_t n, const char *prompt)
{
	quiz_question *q = question(id, QUIZ_ORDER, prompt, NULL);
	q->items = quiz_strings_copy(bank, items, n);
}

static inline void match_q(const char *id, const char *const (*pairs)[2], size_t n, const char *prompt)
{
	quiz_question *q = question(id, QUIZ_MATCH, prompt, NULL);
	quiz_pair *p = arena_alloc(quiz_arena(bank), n * sizeof *p);
	for (size_t i = 0; i < n; i++)
		p[i] = (quiz_pair){dup(pairs[i][0]), dup(pairs[i][1])};
	q->pairs = p;
	q->n_pairs = n;
}

static inline void cloze_q(const char *id, const char *text, const char *a, const char *b)
{
	quiz_question *q = question(id, QUIZ_CLOZE, text, NULL);
	quiz_blank *bl = arena_alloc(quiz_arena(bank), 2 * sizeof *bl);
	bl[0].answers = quiz_strings_copy(bank, &a, 1);
	bl[1].answers = quiz_strings_copy(bank, &b, 1);
	q->blanks = bl;
	q->n_blanks = 2;
}

typedef struct {
	const char *id;
	const char *typed;
	grade_verdict verdict;
	const char *note;   /* a part of the note, or NULL to not check it */
} rule_case;

static inline const quiz_question *find(const char *id)
{
	for (size_t i = 0; i < quiz_question_count(bank); i++)
		if (strcmp(quiz_question_at(bank, i)->id, id) == 0)
			return quiz_question_at(bank, i);
	fail_msg("no question %s", id);
	return NULL;
}

static inline void run_cases(const rule_case *cases, size_t n)
{
	int failures = 0;
	for (size_t i = 0; i < n; i++) {
		grade_result r;
		grader_grade(g, find(cases[i].id), cases[i].typed, &r);
		bool ok = r.verdict == cases[i].verdict &&
		          (!cases[i].note || strstr(r.note, cases[i].note));
		/* A note never contradicts the verdict. */
		if (grade_verdict_accepted(r.verdict) && strncmp(r.note, "Wrong", 5) == 0)
			ok = false;
		if (!grade_verdict_accepted(r.verdict) && strncmp(r.note, "Right", 5) == 0)
			ok = false;
		if (!ok) {
			print_message("%s: \"%s\": got %s \"%s\", want %s \"%s\"\n", cases[i].id,
			              cases[i].typed, grade_verdict_name(r.verdict), r.note,
			              grade_verdict_name(cases[i].verdict), cases[i].note ? cases[i].note : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

#define RUN(cases) run_cases(cases, sizeof cases / sizeof *cases)
#define OK GRADE_CORRECT
#define CLOSE GRADE_CLOSE
#define WRONG GRADE_WRONG
#define AMBIG GRADE_AMBIGUOUS
#define PART GRADE_PARTIAL

#endif
