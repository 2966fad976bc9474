/* cmd_take.c - `recall take BANK|PACK`: the interactive quiz, every answer saved */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bank.h"
#include "cli.h"
#include "grade.h"
#include "input.h"
#include "screen.h"
#include "session.h"
#include "store.h"
#include "text.h"

static const char take_usage[] =
	"Usage: recall take [OPTIONS] BANK|PACK\n"
	"\n"
	"Take a quiz: each question is asked in turn, each typed answer graded and\n"
	"saved at once. Practice mode shows after each answer whether it was right,\n"
	"the right answer and the passage of the article it comes from.\n"
	"\n"
	"Options:\n"
	"      --mode MODE       practice (default) or exam: no feedback until the end\n"
	"      --limit N         ask at most N questions\n"
	"      --only KINDS      only these kinds, comma-separated: date, actor, number,\n"
	"                        text, claim, choice, order, match, cloze\n"
	"      --tag TAG         only questions with this tag\n"
	"      --order ORDER     bank (default) or shuffle\n"
	"      --seed N          the seed for shuffling questions and options\n"
	"      --date-order O    read dates like 6/7/2023 as mdy or dmy\n"
	"      --user NAME       record answers as NAME (default $RECALL_USER, or your login)\n"
	"      --db PATH         the database (default $RECALL_DB, or\n"
	"                        ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --no-save         do not record anything\n"
	"      --color WHEN      auto, always or never\n"
	"  -h, --help            show this help\n"
	"\n"
	"At the prompt: :hint, :passage (each halves the credit), :skip, :override\n"
	"(count the last answer as right), :quit, :help. Ctrl-D skips; Ctrl-C asks\n"
	"whether to quit. Answers are read as plain lines when input is not a terminal.\n";

static const char *const quiz_commands[] = {
	":hint", ":passage", ":skip", ":override", ":quit", ":help", NULL,
};

typedef struct {
	session_mode mode;
	long limit;
	unsigned kinds;
	const char *tag;
	bool shuffle;
	bool has_seed;
	uint64_t seed;
	quiz_date_order date_order;
	const char *user;
	const char *db;
	bool no_save;
	term_color_mode color;
} take_options;

/* The state of one run of the quiz loop. */
typedef struct {
	const take_options *opt;
	quiz *quiz;
	session *session;
	store *store;
	store_session *recorded;
	input *input;
	screen screen;
	buf out;
	struct timespec asked_at;
	const char *status_name;
	int signal;           /* the signal that ended the quiz, if one did */
} take_run;

static int64_t elapsed_since(const struct timespec *start)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)(ts.tv_sec - start->tv_sec) * 1000 + (ts.tv_nsec - start->tv_nsec) / 1000000;
}

static void flush_out(take_run *r)
{
	fwrite(r->out.ptr, 1, r->out.len, stdout);
	fflush(stdout);
	buf_clear(&r->out);
}

static bool parse_kinds(const char *value, unsigned *kinds)
{
	char *copy = xstrdup(value);
	bool ok = true;
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		quiz_kind k = quiz_kind_parse(tok);
		if (k == QUIZ_KIND_COUNT) {
			cli_usage_error("take", "--only: no kind '%s'; kinds are date, actor, number, "
			                        "text, claim, choice, order, match, cloze", tok);
			ok = false;
			break;
		}
		*kinds |= 1u << k;
	}
	free(copy);
	return ok;
}

static int parse_options(int argc, char **argv, take_options *o, const char **path)
{
	static const struct option options[] = {
		{"mode", required_argument, NULL, 'm'},
		{"limit", required_argument, NULL, 'l'},
		{"only", required_argument, NULL, 'k'},
		{"tag", required_argument, NULL, 't'},
		{"order", required_argument, NULL, 'o'},
		{"seed", required_argument, NULL, 's'},
		{"date-order", required_argument, NULL, 'D'},
		{"user", required_argument, NULL, 'u'},
		{"db", required_argument, NULL, 'd'},
		{"no-save", no_argument, NULL, 'n'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (strcmp(optarg, "practice") == 0)
				o->mode = SESSION_PRACTICE;
			else if (strcmp(optarg, "exam") == 0)
				o->mode = SESSION_EXAM;
			else
				return cli_usage_error("take", "--mode must be practice or exam, not '%s'",
				                       optarg);
			break;
		case 'l':
			if (!cli_parse_count("take", "--limit", optarg, 1000000, &o->limit))
				return EXIT_USAGE;
			break;
		case 'k':
			if (!parse_kinds(optarg, &o->kinds))
				return EXIT_USAGE;
			break;
		case 't':
			o->tag = optarg;
			break;
		case 'o':
			if (strcmp(optarg, "bank") == 0)
				o->shuffle = false;
			else if (strcmp(optarg, "shuffle") == 0)
				o->shuffle = true;
			else
				return cli_usage_error("take", "--order must be bank or shuffle, not '%s'",
				                       optarg);
			break;
		case 's': {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (errno || *end || end == optarg || optarg[0] == '-')
				return cli_usage_error("take", "--seed takes a whole number, not '%s'", optarg);
			o->seed = v;
			o->has_seed = true;
			break;
		}
		case 'D':
			if (strcmp(optarg, "mdy") == 0)
				o->date_order = QUIZ_DATE_ORDER_MDY;
			else if (strcmp(optarg, "dmy") == 0)
				o->date_order = QUIZ_DATE_ORDER_DMY;
			else
				return cli_usage_error("take", "--date-order must be mdy or dmy, not '%s'",
				                       optarg);
			break;
		case 'u':
			o->user = optarg;
			break;
		case 'd':
			o->db = optarg;
			break;
		case 'n':
			o->no_save = true;
			break;
		case 'C':
			if (!cli_parse_color("take", optarg, &o->color))
				return EXIT_USAGE;
			break;
		case 'h':
			fputs(take_usage, stdout);
			return -1;
		case ':':
			return cli_usage_error("take", "%s needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("take", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("take", optind == argc ? "no BANK given" : "one BANK only");
	*path = argv[optind];
	if (o->user && (!*o->user || !text_valid_utf8(o->user, strlen(o->user), NULL)))
		return cli_usage_error("take", "--user needs a name in UTF-8");
	return EXIT_OK;
}

static char *history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	buf b;
	buf_init(&b);
	if (state && state[0] == '/')
		buf_printf(&b, "%s/recall/history", state);
	else if (home && *home)
		buf_printf(&b, "%s/.local/state/recall/history", home);
	else
		return NULL;
	return buf_detach(&b);
}

/* Saves a response before anything about it is shown. False when the
 * database refused it: the quiz stops rather than go on unrecorded. */
static bool record(take_run *r, const session_response *resp)
{
	if (!r->recorded)
		return true;
	store_response row = {
		.question_id = resp->question->id,
		.answer = resp->typed,
		.verdict = grade_verdict_name(resp->grade.verdict),
		.credit = resp->credit,
		.hints = resp->help.hinted ? 1 : 0,
		.passage = resp->help.passage,
		.time_ms = resp->elapsed_ms,
	};
	if (store_session_record(r->recorded, &row) == STORE_OK)
		return true;
	fprintf(stderr, "recall take: could not save the answer: %s\n", store_errmsg(r->store));
	return false;
}

static void show_question(take_run *r)
{
	/* The window may have changed size since the last question. */
	r->screen.width = input_columns(r->input);
	screen_question(&r->screen, r->quiz, r->session, &r->out);
	flush_out(r);
	clock_gettime(CLOCK_MONOTONIC, &r->asked_at);
}

static void show_help(take_run *r)
{
	screen_line(&r->screen, "note",
	            ":hint      a hint (half credit)\n"
	            ":passage   the paragraph the question is about (half credit)\n"
	            ":skip      go on without answering (or Ctrl-D)\n"
	            ":override  count your last answer as right\n"
	            ":quit      stop here; your answers so far are kept (or Ctrl-C)",
	            &r->out);
	flush_out(r);
}

typedef enum { STEP_NEXT, STEP_AGAIN, STEP_STOP, STEP_FAIL } step;

static step after_response(take_run *r, const session_response *resp)
{
	if (!record(r, resp))
		return STEP_FAIL;
	if (resp->grade.verdict == GRADE_AMBIGUOUS) {
		screen_feedback(&r->screen, r->quiz, resp, &r->out);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (r->opt->mode == SESSION_PRACTICE)
		screen_feedback(&r->screen, r->quiz, resp, &r->out);
	else
		screen_line(&r->screen, "note", "Answer recorded.", &r->out);
	flush_out(r);
	return STEP_NEXT;
}

static step run_command(take_run *r, const char *line)
{
	if (strcmp(line, ":hint") == 0) {
		buf hint;
		buf_init(&hint);
		if (session_hint(r->session, &hint))
			screen_line(&r->screen, "warn", hint.ptr, &r->out);
		else
			screen_line(&r->screen, "note", "No hint for this question.", &r->out);
		buf_release(&hint);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (strcmp(line, ":passage") == 0) {
		if (session_show_passage(r->session))
			screen_passage(&r->screen, r->quiz, session_current(r->session), &r->out);
		else
			screen_line(&r->screen, "note", "No passage for this question.", &r->out);
		flush_out(r);
		return STEP_AGAIN;
	}
	if (strcmp(line, ":skip") == 0)
		return after_response(r, session_skip(r->session, elapsed_since(&r->asked_at)));
	if (strcmp(line, ":override") == 0) {
		const session_response *resp = session_override(r->session);
		if (!resp) {
			screen_line(&r->screen, "note",
			            r->opt->mode == SESSION_EXAM
			                    ? "No overrides in exam mode."
			                    : "Nothing to override: the last answer counts already, or "
			                      "there is none.",
			            &r->out);
		} else if (r->recorded && store_session_override(r->recorded, resp->credit) != STORE_OK) {
			fprintf(stderr, "recall take: could not save the override: %s\n",
			        store_errmsg(r->store));
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

/* Asks the current question until it is answered, skipped or the quiz ends. */
static step ask(take_run *r)
{
	show_question(r);
	for (;;) {
		r->screen.width = input_columns(r->input);
		char *line = NULL;
		input_status st = input_read(r->input, screen_prompt(&r->screen), 0, &line);
		if (input_take_resize(r->input))
			r->screen.width = input_columns(r->input);
		step next;
		switch (st) {
		case INPUT_LINE: {
			char *typed = trim(line);
			if (typed[0] == ':') {
				next = run_command(r, typed);
			} else {
				if (r->opt->mode == SESSION_PRACTICE)
					input_remember(r->input, typed);
				next = after_response(r, session_answer(r->session, typed,
				                                        elapsed_since(&r->asked_at)));
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
			next = after_response(r, session_skip(r->session, elapsed_since(&r->asked_at)));
			break;
		case INPUT_INTERRUPT:
			if (input_confirm(r->input, "Quit this quiz? Your answers so far are kept. [y/N] ")) {
				r->status_name = "quit";
				return STEP_STOP;
			}
			next = STEP_AGAIN;
			break;
		case INPUT_TIMEOUT:
			r->status_name = "timeout";
			return STEP_STOP;
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
	}
}

static void earlier_results(take_run *r, screen_history *h)
{
	memset(h, 0, sizeof *h);
	if (!r->store)
		return;
	store_filter f = {
		.learner = r->opt->user,
		.bank = quiz_hash(r->quiz),
		.exclude_session = r->recorded ? store_session_id(r->recorded) : 0,
		.finished_only = true,
	};
	store_summary sum;
	if (store_summarize(r->store, &f, &sum) == STORE_OK && sum.finished) {
		h->sessions = sum.finished;
		h->best = sum.best;
		h->last = sum.last;
	}
}

static int finish(take_run *r, long elapsed_seconds)
{
	session_stop(r->session);
	double earned, possible;
	session_score(r->session, &earned, &possible);
	int status = EXIT_OK;
	if (r->recorded) {
		store_session_status st = store_session_status_parse(r->status_name);
		if (store_session_end(r->recorded, st, earned, session_max_score(r->session)) != STORE_OK) {
			fprintf(stderr, "recall take: could not save the session's end: %s\n",
			        store_errmsg(r->store));
			status = EXIT_PROBLEMS;
		}
	}
	if (strcmp(r->status_name, "interrupted") == 0 && input_is_terminal(r->input))
		return status;
	if (r->opt->mode == SESSION_EXAM)
		screen_answer_sheet(&r->screen, r->quiz, r->session, &r->out);
	screen_history before;
	earlier_results(r, &before);
	screen_scorecard(&r->screen, r->session, elapsed_seconds, &before, &r->out);
	if (strcmp(r->status_name, "complete") != 0) {
		char note[96];
		snprintf(note, sizeof note, "Stopped after %zu of %zu questions (%s).",
		         session_response_count(r->session), session_count(r->session), r->status_name);
		screen_line(&r->screen, "note", note, &r->out);
	}
	flush_out(r);
	return status;
}

static int open_store(take_run *r, char *learner)
{
	store_options so = {.path = r->opt->db, .write = true};
	char *err = NULL;
	if (store_open(&so, &r->store, &err) != STORE_OK) {
		fprintf(stderr, "recall take: %s\n", err);
		fprintf(stderr, "recall take: nothing was asked; --no-save takes the quiz without "
		                "recording it.\n");
		free(err);
		return EXIT_PROBLEMS;
	}
	double max = session_max_score(r->session);
	store_session_options sso = {
		.learner = learner,
		.mode = r->opt->mode == SESSION_EXAM ? "exam" : "practice",
		.has_seed = true,
		.seed = (int64_t)r->opt->seed,
		.planned = (int)session_count(r->session),
		.max_score = max,
	};
	if (store_session_begin(r->store, r->quiz, &sso, &r->recorded) != STORE_OK) {
		fprintf(stderr, "recall take: cannot start a session in %s: %s\n", store_path(r->store),
		        store_errmsg(r->store));
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

int cmd_take(int argc, char **argv)
{
	take_options opt = {.mode = SESSION_PRACTICE, .color = TERM_COLOR_AUTO};
	const char *path = NULL;
	int status = parse_options(argc, argv, &opt, &path);
	if (status == -1)
		return cli_finish(EXIT_OK);
	if (status != EXIT_OK)
		return status;
	if (!opt.has_seed) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t state = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
		opt.seed = session_random(&state) >> 1;
	}

	take_run r = {.opt = &opt, .status_name = "complete"};
	buf_init(&r.out);
	char *learner = opt.user ? xstrdup(opt.user) : store_default_learner();
	opt.user = learner;
	diag_list *d = diag_list_new();
	grader *g = NULL;
	char *history = NULL;
	r.quiz = bank_open(path, d);
	if (!r.quiz) {
		cli_print_diagnostics(d, opt.color);
		status = EXIT_PROBLEMS;
		goto out;
	}
	grade_options gopt = {.date_order = opt.date_order};
	g = grader_new(r.quiz, &gopt);
	session_options so = {
		.mode = opt.mode,
		.limit = (size_t)opt.limit,
		.kinds = opt.kinds,
		.tag = opt.tag,
		.shuffle = opt.shuffle,
		.seed = opt.seed,
		.allow_hints = true,
		.allow_override = opt.mode == SESSION_PRACTICE,
	};
	r.session = session_new(r.quiz, g, &so);
	if (!r.session) {
		fprintf(stderr, "recall take: %s: no question matches --only and --tag\n", path);
		status = EXIT_PROBLEMS;
		goto out;
	}
	if (!opt.no_save && (status = open_store(&r, learner)) != EXIT_OK)
		goto out;

	history = opt.mode == SESSION_PRACTICE ? history_path() : NULL;
	input_options io = {.history_path = history, .completions = quiz_commands};
	r.input = input_new(&io);
	r.screen.width = input_columns(r.input);
	r.screen.color = term_use_color(opt.color, STDOUT_FILENO);

	buf intro;
	buf_init(&intro);
	buf_puts(&intro, quiz_title(r.quiz));
	screen_line(&r.screen, "bold", intro.ptr, &r.out);
	buf_clear(&intro);
	buf_printf(&intro, "%zu question%s · %s mode · :help for commands", session_count(r.session),
	           session_count(r.session) == 1 ? "" : "s",
	           opt.mode == SESSION_EXAM ? "exam" : "practice");
	screen_line(&r.screen, "note", intro.ptr, &r.out);
	buf_release(&intro);
	flush_out(&r);

	time_t started = time(NULL);
	step last = STEP_NEXT;
	while (!session_done(r.session) && (last = ask(&r)) == STEP_NEXT)
		;
	if (last == STEP_FAIL) {
		r.status_name = "interrupted";
		status = EXIT_PROBLEMS;
	}
	int end = finish(&r, (long)(time(NULL) - started));
	if (status == EXIT_OK)
		status = end;
	/* Ended by a signal: say so in the exit status, as a shell would. */
	if (status == EXIT_OK && r.signal)
		status = 128 + r.signal;
out:
	input_free(r.input);
	store_session_free(r.recorded);
	store_close(r.store);
	session_free(r.session);
	grader_free(g);
	quiz_free(r.quiz);
	diag_list_free(d);
	buf_release(&r.out);
	free(history);
	free(learner);
	return cli_finish(status);
}
