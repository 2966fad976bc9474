/* sitting.h - one sitting of a quiz at the terminal: the loop `take` and `class run` share */
#ifndef RECALL_SITTING_H
#define RECALL_SITTING_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "input.h"
#include "session.h"
#include "store.h"
#include "term.h"

/* A sitting asks a session's questions one after another, records each
 * answer in the store before anything about it is shown, and ends with the
 * scorecard. It is the interactive face of a command and prints like one:
 * questions and feedback to stdout, failures to stderr with "recall CMD:". */

typedef struct {
	const char *cmd;            /* "take", "class run": names the command in messages */
	const quiz *quiz;
	session *session;
	store *store;               /* NULL: nothing is recorded */
	store_session *recorded;    /* the session in the store, begun; NULL with no store */
	const char *learner;        /* whose earlier results the scorecard compares with */
	const char *intro;          /* the line under the title: questions, mode ... */
	const char *history_path;   /* readline history; NULL: none kept */
	input *input;               /* the input to read from; NULL: one of its own, made with
	                             * history_path (a loop around sittings passes its own, so
	                             * lines a pipe has already given are not lost) */
	int64_t time_limit_ms;      /* 0: none; else the sitting ends when it runs out */
	bool answer_sheet;          /* exam mode: every answer with the right one at the end */
	term_color_mode color;
	/* A sitting that is one part of a longer one (`study`): no title line,
	 * and at its end neither the end of the session in the store nor the
	 * scorecard, which are the caller's. */
	bool part;
	/* No comparison with the learner's earlier sessions on the scorecard
	 * (`review`: a few due questions are not a quiz to compare with). */
	bool no_comparison;
	/* Called before each question is shown, with its 0-based position in
	 * the session: `study` shows the article's section there. */
	void (*before_question)(void *ctx, size_t position);
	/* When set, :passage calls it instead of showing the question's
	 * paragraph, and costs no credit: it appends what to show again. */
	void (*look_back)(void *ctx, buf *out);
	void *ctx;                  /* for before_question and look_back */
} sitting_options;

typedef struct {
	store_session_status status;  /* how it ended: complete, quit, interrupted, timeout */
	int signal;                   /* SIGHUP or SIGTERM when one ended it; else 0 */
	bool saved;                   /* every answer and the end were recorded (or no store) */
} sitting_result;

/* Runs the sitting to its end and records the end. Returns EXIT_OK, or
 * EXIT_PROBLEMS when the database refused an answer or the end (the quiz
 * stops at once rather than go on unrecorded). */
int sitting_run(const sitting_options *o, sitting_result *result);

/* Parses a time limit: a whole number with a unit, s, m or h ("90s", "20m",
 * "1h"), or several ("1h30m"); from 1 second to 24 hours. Returns false
 * when it is not one. */
bool sitting_parse_limit(const char *text, int64_t *ms);

/* Appends a time limit as it was written, in the largest units that are
 * whole: "20m", "1h30m", "90s" stays "1m30s". */
void sitting_format_limit(int64_t ms, buf *out);

#endif
