/* screen.h - what a quiz shows: questions, feedback, passages and the scorecard, laid out */
#ifndef RECALL_SCREEN_H
#define RECALL_SCREEN_H

#include <stdbool.h>

#include "session.h"
#include "util.h"

/* Everything here appends text for a person to `out`, wrapped to `width`,
 * styled with SGR only when `color`, every byte from a bank, an article or
 * a typed answer sanitised on the way. */
typedef struct {
	int width;
	bool color;
	bool timed;            /* a time limit runs: the question shows the time left */
	long seconds_left;     /* when timed */
} screen;

/* The question block: "3/12 · 2 right · a date", the prompt, the options
 * lettered as shown (choice, order, match) and how to answer. */
void screen_question(const screen *sc, const quiz *q, const session *s, buf *out);

/* A prompt for readline: "› " styled. */
const char *screen_prompt(const screen *sc);

/* The prompt under a time limit: the time left, then the prompt
 * ("[19:32] › "), in yellow for the last minute. Replaces `out`'s text. */
void screen_prompt_timed(const screen *sc, long seconds_left, buf *out);

/* Appends a time left or taken as m:ss, or h:mm:ss from an hour. */
void screen_clock(long seconds, buf *out);

/* Practice feedback on one response: the verdict and its note, the right
 * answer when it was not given, the explanation, and the source passage. */
void screen_feedback(const screen *sc, const quiz *q, const session_response *r, buf *out);

/* The paragraph a question's source is in, its quoted words highlighted,
 * with its place ("¶7 · content/x.md:23"). Nothing when there is none. */
void screen_passage(const screen *sc, const quiz *q, const quiz_question *qq, buf *out);

/* A line of text in a style: "note" (dim), "warn" (yellow), "error" (red),
 * "good" (green), or NULL for plain. Wrapped, sanitised. */
void screen_line(const screen *sc, const char *style, const char *text, buf *out);

/* Earlier results of this learner on this bank, for the scorecard. */
typedef struct {
	size_t sessions;          /* finished sessions before this one */
	double best, last;        /* fractions of their max score */
} screen_history;

/* The end: score, right answers, credit by kind, time taken and how it
 * compares with `before` (NULL or sessions == 0: nothing to compare). */
void screen_scorecard(const screen *sc, const session *s, long elapsed_seconds,
                      const screen_history *before, buf *out);

/* Exam mode's answer sheet: every question with the answer given, the
 * right one and the passage. */
void screen_answer_sheet(const screen *sc, const quiz *q, const session *s, buf *out);

/* The right answer of a question as shown to a student. */
void screen_right_answer(const quiz_question *qq, buf *out);

#endif
