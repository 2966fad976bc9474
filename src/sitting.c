/* sitting.c - one sitting of a quiz at the terminal: the loop `take` and `class run` share */
#include "sitting.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "input.h"
#include "screen.h"
#include "text.h"

static const char *const quiz_commands[] = {
	":hint", ":passage", ":skip", ":override", ":quit", ":help", NULL,
};

/* The state of one run of the loop. */
typedef struct {
	const sitting_options *opt;
	input *input;
	screen screen;
	buf out;
	buf prompt;           /* the timed prompt, redrawn while waiting */
	struct timespec asked_at;
	time_t deadline;      /* 0: no time limit */
	const char *status_name;
	int signal;           /* the signal that ended the quiz, if one did */
} sitting;

static int64_t elapsed_since(const struct timespec *start)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)(ts.tv_sec - start->tv_sec) * 1000 + (ts.tv_nsec - start->tv_nsec) / 1000000;
}

static void flush_out(sitting *r)
{
	fwrite(r->out.ptr, 1, r->out.len, stdout);
	fflush(stdout);
	buf_clear(&r->out);
}

static long seconds_left(const sitting *r)
{
	long left = (long)(r->deadline - time(NULL));
	return left > 0 ? left : 0;
}

static const char *timed_prompt(void *ctx)
{
	sitting *r = ctx;
	screen_prompt_timed(&r->screen, seconds_left(r), &r->prompt);
	return r->prompt.ptr;
}

/* Saves a response before anything about it is shown. False when the
 * database refused it: the quiz stops rather than go on unrecorded. */
static bool record(sitting *r, const session_response *resp)
{
	if (!r->opt->recorded)
		return true;
	store_response row = {
		.question_id = resp->question->id,
		.answer = resp->typed,
		.verdict = grade_verdict_name(resp->grade.verdict),
		.credit = resp->credit,
		.hints = resp->help.hinted ? 1 : 0,
		.passage = resp->help.passage,
		.time_ms = resp->elapsed_ms,
		.chosen = resp->chosen,
	};
	if (store_session_record(r->opt->recorded, &row) == STORE_OK)
		return true;
	fprintf(stderr, "recall %s: could not save the answer: %s\n", r->opt->cmd,
	        store_errmsg(r->opt->store));
	return false;
}

static void show_question(sitting *r)
{
	/* The window may have changed size since the last question. */
	r->screen.width = input_columns(r->input);
	if (r->deadline)
		r->screen.seconds_left = seconds_left(r);
	if (r->opt->before_question)
		r->opt->before_question(r->opt->ctx, session_position(r->opt->session));
	screen_question(&r->screen, r->opt->quiz, r->opt->session, &r->out);
	flush_out(r);
	clock_gettime(CLOCK_MONOTONIC, &r->asked_at);
}

static void show_help(sitting *r)
{
	const session_options *so = session_get_options(r->opt->session);
	buf text;
	buf_init(&text);
	if (so->allow_hints)
		buf_puts(&text, ":hint      a hint (halves the credit)\n"
		                ":passage   the paragraph the question is about (halves the credit)\n");
	buf_puts(&text, ":skip      go on without answering (or Ctrl-D)\n");
	if (so->mode == SESSION_PRACTICE && so->allow_override)
		buf_puts(&text, ":override  count your last answer as right\n");
	buf_puts(&text, ":quit      stop here; your answers so far are kept (or Ctrl-C)");
	screen_line(&r->screen, "note", text.ptr, &r->out);
	buf_release(&text);
	flush_out(r);
}

typedef enum { STEP_NEXT, STEP_AGAIN, STEP_STOP, STEP_FAIL } step;

static step after_response(sitting *r, const session_response *resp)
{
	/* An answer asked again is not one: only the answer that settles the
	 * question is recorded, counted once in stats, export and reports. */
	if (resp->grade.verdict == GRADE_AMBIGUOUS) {
		screen_feedback(&r->screen, r->opt->quiz, resp, &r->out);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (!record(r, resp))
		return STEP_FAIL;
	if (session_shows_feedback(r->opt->session))
		screen_feedback(&r->screen, r->opt->quiz, resp, &r->out);
	else
		screen_line(&r->screen, "note", "Answer recorded.", &r->out);
	flush_out(r);
	return STEP_NEXT;
}

static step run_command(sitting *r, const char *line)
{
	session *s = r->opt->session;
	const session_options *so = session_get_options(s);
	if (strcmp(line, ":hint") == 0) {
		buf hint;
		buf_init(&hint);
		if (!so->allow_hints)
			screen_line(&r->screen, "note", "No hints in this quiz.", &r->out);
		else if (session_hint(s, &hint))
			screen_line(&r->screen, "warn", hint.ptr, &r->out);
		else
			screen_line(&r->screen, "note", "No hint for this question.", &r->out);
		buf_release(&hint);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (strcmp(line, ":passage") == 0 && r->opt->look_back) {
		r->opt->look_back(r->opt->ctx, &r->out);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (strcmp(line, ":passage") == 0) {
		if (!so->allow_hints)
			screen_line(&r->screen, "note", "No passages in this quiz.", &r->out);
		else if (session_show_passage(s))
			screen_passage(&r->screen, r->opt->quiz, session_current(s), &r->out);
		else
			screen_line(&r->screen, "note", "No passage for this question.", &r->out);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (strcmp(line, ":skip") == 0)
		return after_response(r, session_skip(s, elapsed_since(&r->asked_at)));
	if (strcmp(line, ":override") == 0) {
		const session_response *resp = session_override(s);
		if (!resp) {
			screen_line(&r->screen, "note",
			            so->mode == SESSION_EXAM ? "No overrides in exam mode."
			            : !so->allow_override
			                    ? "No overrides in this quiz."
			                    : "Nothing to override: the last answer counts already, or "
			                      "there is none.",
			            &r->out);
		} else if (r->opt->recorded &&
		           store_session_override(r->opt->recorded, resp->credit) != STORE_OK) {
			fprintf(stderr, "recall %s: could not save the override: %s\n", r->opt->cmd,
			        store_errmsg(r->opt->store));
			return STEP_FAIL;
		} else {
			screen_line(&r->screen, "good", "Your last answer now counts as right.", &r->out);
		}
		flush_out(r);
		return STEP_AGAIN;
	}
	if (strcmp(line, ":quit") == 0 || strcmp(line, ":q") == 0) {
		r->status_name = "quit";
		return STEP_STOP;
	}
	if (strcmp(line, ":help") == 0 || strcmp(line, ":?") == 0) {
		show_help(r);
		return STEP_AGAIN;
	}
	screen_line(&r->screen, "warn", "Unknown command; :help lists them.", &r->out);
	flush_out(r);
	return STEP_AGAIN;
}

/* Trims white space at both ends, in place. */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static step time_is_up(sitting *r)
{
	screen_line(&r->screen, "warn", "Time is up.", &r->out);
	flush_out(r);
	r->status_name = "timeout";
	return STEP_STOP;
}

/* Asks the current question until it is answered, skipped or the quiz ends. */
static step ask(sitting *r)
{
	/* Lines already waiting in a pipe would be read before the clock is
	 * looked at: look first. */
	if (r->deadline && time(NULL) >= r->deadline)
		return time_is_up(r);
	show_question(r);
	session *s = r->opt->session;
	for (;;) {
		r->screen.width = input_columns(r->input);
		char *line = NULL;
		const char *prompt = r->deadline ? timed_prompt(r) : screen_prompt(&r->screen);
		input_status st = input_read(r->input, prompt, r->deadline, &line);
		if (input_take_resize(r->input))
			r->screen.width = input_columns(r->input);
		step next;
		switch (st) {
		case INPUT_LINE: {
			char *typed = trim(line);
			if (!typed[0]) {
				/* Enter alone is no answer: the prompt stays (:skip skips). */
				next = STEP_AGAIN;
			} else if (typed[0] == ':') {
				next = run_command(r, typed);
			} else {
				if (session_shows_feedback(s))
					input_remember(r->input, typed);
				/* A script's next line answers the next question, so an
				 * answer from a pipe is never asked again. */
				int64_t ms = elapsed_since(&r->asked_at);
				next = after_response(r, input_is_terminal(r->input)
				                             ? session_answer(s, typed, ms)
				                             : session_answer_once(s, typed, ms));
			}
			free(line);
			break;
		}
		case INPUT_EOF:
			if (!input_is_terminal(r->input)) {
				/* A script that ends early: the rest was not asked. */
				r->status_name = "interrupted";
				return STEP_STOP;
			}
			next = after_response(r, session_skip(s, elapsed_since(&r->asked_at)));
			break;
		case INPUT_INTERRUPT:
			if (input_confirm(r->input, "Quit this quiz? Your answers so far are kept. [y/N] ")) {
				r->status_name = "quit";
				return STEP_STOP;
			}
			next = STEP_AGAIN;
			break;
		case INPUT_TIMEOUT:
			return time_is_up(r);
		case INPUT_HANGUP:
		case INPUT_TERMINATE:
			r->signal = st == INPUT_HANGUP ? SIGHUP : SIGTERM;
			r->status_name = "interrupted";
			return STEP_STOP;
		default:
			r->status_name = "interrupted";
			return STEP_STOP;
		}
		if (next != STEP_AGAIN)
			return next;
		if (r->deadline && time(NULL) >= r->deadline)
			return time_is_up(r);
	}
}

static void earlier_results(sitting *r, screen_history *h)
{
	memset(h, 0, sizeof *h);
	if (!r->opt->store || r->opt->no_comparison)
		return;
	store_filter f = {
		.learner = r->opt->learner,
		.bank = quiz_hash(r->opt->quiz),
		.exclude_session = r->opt->recorded ? store_session_id(r->opt->recorded) : 0,
		.finished_only = true,
	};
	store_summary sum;
	if (store_summarize(r->opt->store, &f, &sum) == STORE_OK && sum.finished) {
		h->sessions = sum.finished;
		h->best = sum.best;
		h->last = sum.last;
	}
}

static int finish(sitting *r, long elapsed_seconds, sitting_result *result)
{
	session *s = r->opt->session;
	/* Questions a time limit left unanswered count against the score, as
	 * they do in the store; a student who stops early was not asked the
	 * rest. */
	if (strcmp(r->status_name, "timeout") != 0)
		session_stop(s);
	double earned, possible;
	session_score(s, &earned, &possible);
	int status = EXIT_OK;
	store_session_status st = store_session_status_parse(r->status_name);
	result->status = st;
	if (r->opt->part)
		return EXIT_OK;
	/* A script that ended before its first answer took no quiz: nothing
	 * of it is kept. */
	bool nothing_given = !session_response_count(s) && strcmp(r->status_name, "interrupted") == 0 &&
	                     !r->signal && !input_is_terminal(r->input);
	if (r->opt->recorded && nothing_given) {
		if (store_session_discard(r->opt->recorded) != STORE_OK) {
			fprintf(stderr, "recall %s: could not remove the empty session: %s\n", r->opt->cmd,
			        store_errmsg(r->opt->store));
			status = EXIT_PROBLEMS;
		}
	} else if (r->opt->recorded) {
		/* The score is out of the points of the questions asked, as the
		 * scorecard shows it, so `history` says the same. */
		if (store_session_end(r->opt->recorded, st, earned, possible) != STORE_OK) {
			fprintf(stderr, "recall %s: could not save the session's end: %s\n", r->opt->cmd,
			        store_errmsg(r->opt->store));
			status = EXIT_PROBLEMS;
		}
	}
	if (strcmp(r->status_name, "interrupted") == 0 && input_is_terminal(r->input))
		return status;
	if (r->opt->answer_sheet)
		screen_answer_sheet(&r->screen, r->opt->quiz, s, &r->out);
	screen_history before;
	earlier_results(r, &before);
	screen_scorecard(&r->screen, s, elapsed_seconds, &before, &r->out);
	if (strcmp(r->status_name, "complete") != 0) {
		char note[96];
		snprintf(note, sizeof note, "Stopped after %zu of %zu questions (%s).",
		         session_response_count(s), session_count(s), r->status_name);
		screen_line(&r->screen, "note", note, &r->out);
	}
	flush_out(r);
	return status;
}

int sitting_run(const sitting_options *o, sitting_result *result)
{
	memset(result, 0, sizeof *result);
	sitting r = {.opt = o, .status_name = "complete"};
	buf_init(&r.out);
	buf_init(&r.prompt);
	if (o->input) {
		r.input = o->input;
		input_set_completions(r.input, quiz_commands, false);
	} else {
		input_options io = {.history_path = o->history_path, .completions = quiz_commands};
		r.input = input_new(&io);
	}
	r.screen.width = input_columns(r.input);
	r.screen.color = term_use_color(o->color, STDOUT_FILENO);
	time_t started = time(NULL);
	if (o->time_limit_ms > 0) {
		r.deadline = started + (time_t)((o->time_limit_ms + 999) / 1000);
		r.screen.timed = true;
		input_set_prompt_source(r.input, timed_prompt, &r);
	}

	if (!o->part)
		screen_line(&r.screen, "bold", quiz_title(o->quiz), &r.out);
	if (o->intro)
		screen_line(&r.screen, "note", o->intro, &r.out);
	flush_out(&r);

	int status = EXIT_OK;
	step last = STEP_NEXT;
	while (!session_done(o->session) && (last = ask(&r)) == STEP_NEXT)
		;
	if (last == STEP_FAIL) {
		r.status_name = "interrupted";
		status = EXIT_PROBLEMS;
	}
	int end = finish(&r, (long)(time(NULL) - started), result);
	if (status == EXIT_OK)
		status = end;
	result->signal = r.signal;
	result->saved = status == EXIT_OK;
	if (o->input)
		input_set_prompt_source(r.input, NULL, NULL);
	else
		input_free(r.input);
	buf_release(&r.out);
	buf_release(&r.prompt);
	return status;
}

bool sitting_parse_limit(const char *text, int64_t *ms)
{
	const char *p = text;
	int64_t total = 0;
	int last_unit = 4;   /* units in falling order: h, then m, then s */
	if (!*p)
		return false;
	while (*p) {
		if (!isdigit((unsigned char)*p))
			return false;
		errno = 0;
		char *end;
		long long n = strtoll(p, &end, 10);
		if (errno || n > 86400)
			return false;
		int unit;
		int64_t scale;
		switch (*end) {
		case 'h':
			unit = 3, scale = 3600000;
			break;
		case 'm':
			unit = 2, scale = 60000;
			break;
		case 's':
			unit = 1, scale = 1000;
			break;
		default:
			return false;
		}
		if (unit >= last_unit)
			return false;
		last_unit = unit;
		total += n * scale;
		p = end + 1;
	}
	if (total < 1000 || total > 86400000)
		return false;
	*ms = total;
	return true;
}

void sitting_format_limit(int64_t ms, buf *out)
{
	int64_t s = ms / 1000;
	if (s >= 3600 && s % 60 == 0) {
		buf_printf(out, "%lldh", (long long)(s / 3600));
		if (s % 3600)
			buf_printf(out, "%lldm", (long long)(s % 3600 / 60));
	} else if (s >= 60 && s % 60 == 0) {
		buf_printf(out, "%lldm", (long long)(s / 60));
	} else if (s >= 60) {
		buf_printf(out, "%lldm%llds", (long long)(s / 60), (long long)(s % 60));
	} else {
		buf_printf(out, "%llds", (long long)s);
	}
}
