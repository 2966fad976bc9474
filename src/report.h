/* report.h - a class's results on one bank: the gradebook, the class's figures and item analysis */
#ifndef RECALL_REPORT_H
#define RECALL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quiz.h"
#include "store.h"
#include "util.h"

/* A report is computed from rows a command reads from the store: the
 * roster, the bank's questions, the class's attempts (sessions) and their
 * answers. It does no I/O. Every string added is copied; everything handed
 * out lives until report_free. docs/CLASSROOM.md defines each figure.
 *
 * In short:
 *   - an attempt is finished when it is complete or ran out of time; its
 *     score is its points over every question planned (unanswered ones
 *     count 0);
 *   - a student's best attempt is the finished one with the highest score
 *     (the earliest of equals), the last the latest finished one;
 *   - item analysis counts each student's first finished attempt. A
 *     question's item score for a student is the credit (0 to 1, as
 *     counted) of their answer to it there; a question they did not reach
 *     leaves them out of that question's figures;
 *   - facility is the mean item score of those who answered;
 *   - the discrimination index is the mean item score of the top group
 *     less that of the bottom group, the groups being the 27% of students
 *     (rounded, at least one each when there are two or more) with the
 *     highest and the lowest scores in the counted attempts, ties broken
 *     by id;
 *   - flags: too easy (facility at least REPORT_EASY), too hard (at most
 *     REPORT_HARD), negative discrimination (below 0), raised only when at
 *     least REPORT_MIN_STUDENTS students answered the question: with
 *     fewer, one student's slip decides them;
 *   - a student with no finished attempt is shown with the score of their
 *     latest attempt so far (report_student.partial), which counts in no
 *     class figure. */

#define REPORT_EASY 0.90
#define REPORT_HARD 0.20
#define REPORT_GROUP 0.27
#define REPORT_MIN_STUDENTS 5  /* answers a question needs before it is flagged */
#define REPORT_WRONG_MAX 3     /* the most common wrong answers kept per question */
#define REPORT_BUCKETS 10      /* the histogram's bars: 0-9%, 10-19% ... 90-100% */

typedef struct report report;

report *report_new(void);
void report_free(report *r);

/* The roster, in its order. */
void report_add_student(report *r, const char *id, const char *name, const char *group);

/* The bank's questions, in its order; an id given again is ignored (the
 * first, from the newest version of a bank, wins). `right` is the right
 * answer as shown to a student (NULL: not known). A cloze prompt is kept
 * with its blanks as ___. */
void report_add_question(report *r, const char *id, const char *kind, const char *prompt,
                         const char *right, double points);

/* Writes `text` to `out` with each cloze blank {{...}} as ___. */
void report_cloze_blanks(const char *text, buf *out);

/* An attempt, by a key unique to it (the session's UUID), in the order they
 * were started. A student not on the roster is added after those who are. */
/* The points an attempt's score is out of: a session stopped early holds
 * only those of the questions it asked, but the class's exam asks every
 * question of the bank, so the teacher's figure is out of all of them. */
double report_attempt_max(const report *r, store_session_status status, double recorded_max);
void report_add_attempt(report *r, const char *key, const char *student_id,
                        store_session_status status, int64_t started_ms, int64_t ended_ms,
                        double score, double max_score);

/* An answer of attempt `key`, in the order given: `typed` is `len` bytes as
 * typed, `chosen` the options a choice answer named (or NULL), `credit` as
 * counted, `points` the question's. Ambiguous answers count for nothing; a
 * question answered twice keeps the later answer. Unknown attempts are
 * ignored; an unknown question is added. */
void report_add_answer(report *r, const char *key, const char *question_id, const char *typed,
                       size_t len, const char *verdict, double credit, double points,
                       bool overridden, const char *chosen);

/* Works every figure out; call once, after adding everything. */
void report_compute(report *r);

/* An answer as counted in its attempt. */
typedef struct {
	const char *typed;              /* as typed, `len` bytes */
	size_t len;
	const char *chosen;             /* the options a choice answer named; NULL when none */
	const char *verdict;
	double credit;                  /* 0 to 1, as counted */
	double points;
	bool overridden;
} report_answer;

typedef struct {
	store_session_status status;
	int64_t started_ms, ended_ms;   /* ended 0: still running */
	double score, max_score;        /* points */
	double fraction;                /* score / max_score; 0 when max_score is 0 */
	double kind_earned[QUIZ_KIND_COUNT];
	double kind_points[QUIZ_KIND_COUNT];   /* points of the kind's questions answered */
	const double *earned;           /* by question (report order): points earned, NaN when
	                                 * the attempt has no answer to it */
	const report_answer *const *answers;   /* by question: the answer counted, NULL when none */
} report_attempt;

typedef struct {
	const char *id, *name, *group;  /* name and group "" when not on the roster */
	bool on_roster;
	size_t attempts;                /* every attempt, whatever its status */
	size_t finished;
	const report_attempt *best, *last, *first;   /* finished ones; NULL when none */
	const report_attempt *latest;   /* the newest attempt of any status; NULL when none */
	const report_attempt *partial;  /* no finished attempt: the latest, scored so far */
} report_student;

typedef struct {
	const char *shown;              /* the commonest form as typed (or as chosen) */
	size_t len;
	size_t count;
} report_wrong;

typedef struct {
	const char *id, *kind, *prompt;  /* prompt: a cloze's blanks as ___ */
	const char *answer;             /* the right answer as shown; "" when not known */
	double points;
	size_t answered;                /* counted attempts with an answer to it */
	bool has_facility;
	double facility;
	bool has_discrimination;
	double discrimination;
	bool too_easy, too_hard, negative;
	const report_wrong *wrong;      /* most common first */
	size_t n_wrong;                 /* at most REPORT_WRONG_MAX */
	size_t wrong_answers;           /* wrong and partial answers in all */
} report_item;

typedef struct {
	size_t students;                /* rows of the gradebook */
	size_t on_roster;
	size_t took;                    /* students with a finished attempt */
	size_t unfinished;              /* with attempts, none finished */
	size_t not_taken;               /* on the roster, with no attempt */
	double mean, sd, median, min, max;   /* of the best scores (fractions) of `took` */
	size_t histogram[REPORT_BUCKETS];
	size_t group_size;              /* students in each of the top and bottom groups */
	bool flagged;                   /* took >= REPORT_MIN_STUDENTS: flags were raised */
} report_summary;

size_t report_student_count(const report *r);
const report_student *report_student_at(const report *r, size_t i);
size_t report_item_count(const report *r);
const report_item *report_item_at(const report *r, size_t i);
const report_summary *report_get_summary(const report *r);

/* The kinds any question of the report has, in the bank format's order:
 * bit (1 << kind). */
unsigned report_kinds(const report *r);

/* The histogram bar a score falls in: whole percentages, tens together,
 * 100% with the nineties. */
size_t report_bucket(double fraction);

#endif
