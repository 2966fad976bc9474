/* session.h - one sitting of a quiz: which questions, in what order, graded how, scored */
#ifndef RECALL_SESSION_H
#define RECALL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grade.h"
#include "quiz.h"
#include "util.h"

/* A session has no I/O of its own: the command asks it what to show, hands
 * it what was typed, and records and prints what it answers. It refers to
 * the quiz and the grader, which must outlive it. */

typedef enum {
	SESSION_PRACTICE,   /* feedback after each answer */
	SESSION_EXAM,       /* no feedback until the end */
} session_mode;

typedef struct {
	session_mode mode;
	size_t limit;           /* ask at most this many; 0 for all */
	unsigned kinds;         /* bit (1 << quiz_kind) per kind to ask; 0 for all */
	const char *tag;        /* only questions with this tag; NULL for all */
	bool shuffle;           /* questions in random order (else the bank's) */
	uint64_t seed;          /* for every shuffle: questions and options */
	bool allow_hints;       /* :hint and :passage */
	bool allow_override;    /* :override (practice only) */
	const quiz_question *const *questions;  /* these questions, in this order, instead of
	                         * the filters and the order above (read by session_new
	                         * only); NULL: the quiz's */
	size_t question_count;
} session_options;

typedef struct session session;

/* Picks the questions (kinds, tag, then limit) and orders them. Returns
 * NULL when no question is left after the filters. */
session *session_new(const quiz *q, const grader *g, const session_options *opt);
void session_free(session *s);

/* The options the session was made with. */
const session_options *session_get_options(const session *s);

size_t session_count(const session *s);
/* Whether answers get feedback as they come (practice) or only at the end. */
bool session_shows_feedback(const session *s);
/* The 0-based position of the current question; session_count when done. */
size_t session_position(const session *s);
bool session_done(const session *s);
const quiz_question *session_current(const session *s);

/* For choice, order and match questions the options are shown in an order
 * of their own (shuffled with the seed, so that the bank's order gives
 * nothing away): shown option i is the bank's option session_option(s, i).
 * For match these are the right-hand sides. */
size_t session_option_count(const session *s);
size_t session_option(const session *s, size_t shown);

/* What the student has used on the current question. */
typedef struct {
	bool hinted;            /* :hint was shown: the credit halved */
	bool passage;           /* :passage was shown: the credit halved (again) */
} session_help;

/* One graded answer, as it is recorded and shown. */
typedef struct {
	const quiz_question *question;
	const char *typed;      /* as typed; owned by the session */
	grade_result grade;
	double credit;          /* grade.credit, halved for each help used */
	session_help help;
	bool overridden;
	int64_t elapsed_ms;     /* from showing the question to the answer */
	const char *chosen;     /* choice questions answered by letter or number: the
	                         * text of the options named, "; " between; else NULL.
	                         * Owned by the session. */
	const char *shown_answer; /* choice, order and match: the right answer with the
	                         * letters its options were shown with ("(c) Zhongnanhai");
	                         * else NULL. Owned by the session. */
} session_response;

/* Grades `typed` for the current question (letters refer to the options as
 * shown). An `ambiguous` verdict leaves the question current, to be asked
 * again with its note; any other moves on. Returns the response, owned by
 * the session and valid until session_free. */
const session_response *session_answer(session *s, const char *typed, int64_t elapsed_ms);

/* Like session_answer, for answers that cannot be asked again (a script):
 * an `ambiguous` verdict is kept as `wrong`, with no credit and its note,
 * and the quiz moves on. */
const session_response *session_answer_once(session *s, const char *typed, int64_t elapsed_ms);

/* Skips the current question (recorded as `skipped`, no credit). */
const session_response *session_skip(session *s, int64_t elapsed_ms);

/* The hint for the current question: the bank's own, else one derived from
 * the answer (its first letter, the year of a date, the number of words).
 * Appends it to `out` and marks the question hinted; false (and nothing
 * appended) when hints are not allowed or none can be given. */
bool session_hint(session *s, buf *out);

/* Marks the current question's passage as shown; false when not allowed or
 * the question has no passage. */
bool session_show_passage(session *s);

/* Counts the last answer as right (practice mode, when allowed, and only
 * when it was not already right). Returns the response changed, or NULL. */
const session_response *session_override(session *s);

/* Ends the session early: the questions not reached are not counted in
 * session_score's max (they were not asked). */
void session_stop(session *s);

/* The responses given so far, in order (ambiguous ones excluded). */
size_t session_response_count(const session *s);
const session_response *session_response_at(const session *s, size_t i);

/* Points earned and points possible over the questions asked (all planned
 * ones unless stopped early); by kind when kind < QUIZ_KIND_COUNT. */
void session_score(const session *s, double *earned, double *possible);
void session_score_kind(const session *s, quiz_kind kind, double *earned, double *possible,
                        size_t *asked);
/* Points possible over every planned question. */
double session_max_score(const session *s);
size_t session_right_count(const session *s);

/* A 64-bit generator, seeded; the same seed gives the same sequence. */
uint64_t session_random(uint64_t *state);

#endif
