/* grade.h - grade a typed answer against a compiled question, leniently but correctly */
#ifndef RECALL_GRADE_H
#define RECALL_GRADE_H

#include "quiz.h"

/* The grader has no I/O. grader_new reads a quiz once and precomputes what
 * grading needs: the canonical keys of every answer, alias and choice, and
 * the bank's "rivals" (the other actors, choices and answers it names),
 * against which a spelling slip is checked before it is forgiven. After
 * that grader_grade allocates nothing for ordinary answers (answers longer
 * than 255 bytes once folded use the heap) and never changes the grader, so
 * one grader may serve several threads.
 *
 * The rules are in docs/GRADING.md; in short:
 *   - text is compared after Unicode normalisation (NFKC with case folding,
 *     look-alike punctuation lumped, controls stripped), word by word, with
 *     outer punctuation and a leading the/a/an dropped;
 *   - accents are forgiven for Latin, Greek and Cyrillic text (`close`);
 *   - spelling slips are forgiven only in words (`close`): one edit in words
 *     of 5 to 8 letters, two from 9, at most two in the answer, none in
 *     digits, acronyms or words of four letters or fewer, the first letter
 *     must match, and never when the answer is as near to a rival;
 *   - dates and numbers are compared by value, at the precision asked;
 *   - `reject` always wins, `accept` widens. */

typedef enum {
	GRADE_CORRECT,     /* right */
	GRADE_CLOSE,       /* accepted, with a note (a spelling slip, accents) */
	GRADE_PARTIAL,     /* some parts of an order, match, cloze or select-all answer */
	GRADE_AMBIGUOUS,   /* cannot be judged as typed: ask again, no penalty */
	GRADE_WRONG,
	GRADE_SKIPPED,     /* nothing typed */
	GRADE_VERDICT_COUNT
} grade_verdict;

enum { GRADE_NOTE_MAX = 160 };

typedef struct {
	grade_verdict verdict;
	double credit;            /* 0 to 1: 1 for correct and close, the share of
	                             parts for partial, 0 otherwise */
	char note[GRADE_NOTE_MAX];/* the rule that decided, e.g. "Right: the family
	                             name is enough", "Wrong: the article gives the day"; may be ""
	                             for a plain right answer. Holds bank text (never
	                             typed text), still to be sanitised for output. */
} grade_result;

typedef struct {
	/* How to read numeric dates such as 6/7/2023; QUIZ_DATE_ORDER_UNSET
	 * takes the quiz's date_order, and when that is unset too such a date
	 * is `ambiguous` unless only one reading can be right. */
	quiz_date_order date_order;
} grade_options;

typedef struct grader grader;

/* Prepares to grade the questions of `q`, which must outlive the grader.
 * `opt` may be NULL for the defaults. Never fails (allocation aborts). */
grader *grader_new(const quiz *q, const grade_options *opt);
void grader_free(grader *g);

/* Grades `typed` (UTF-8 as the student typed it; NULL counts as empty) for
 * `question`, which should be one of the grader's quiz (another question is
 * graded too, more slowly, with the grader's quiz as its bank). Letters and
 * numbers of `choice` and `order` answers refer to the bank's own order of
 * choices or items; `match` answers are "1b 2a 3c" (left sides numbered,
 * right sides lettered, both in the bank's order of pairs) or the right
 * sides in order separated by ';'; the blanks of a `cloze` answer are
 * separated by ';'. Fills `out`. */
void grader_grade(const grader *g, const quiz_question *question, const char *typed,
                  grade_result *out);

/* "correct", "close", "partial", "ambiguous", "wrong", "skipped". */
const char *grade_verdict_name(grade_verdict v);

/* True for the verdicts that count the answer as right (correct, close). */
bool grade_verdict_accepted(grade_verdict v);

#endif
