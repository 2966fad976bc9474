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
#include "cards.h"
#include "classroom.h"
#include "cli.h"
#include "input.h"
#include "grade.h"
#include "roster.h"
#include "session.h"
#include "sitting.h"
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
	"      --missed          only the questions missed (wrong or skipped) in your\n"
	"                        last session of this bank\n"
	"      --seed N          the seed for shuffling questions and options\n"
	"      --date-order O    read dates like 6/7/2023 as mdy or dmy\n"
	"      --user NAME       record answers as NAME (default $RECALL_USER, or your login)\n"
	"      --db PATH         the database (default $RECALL_DB, or\n"
	"                        ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --no-save         do not record anything\n"
	"      --time-limit T    end the quiz when T is up (90s, 20m, 1h30m); the time\n"
	"                        left is shown at each question and in the prompt\n"
	"      --class NAME      take class NAME's exam, with its settings (see\n"
	"                        'recall class --help'); needs --student\n"
	"      --student ID      the student taking it: an id on the class's roster\n"
	"      --color WHEN      auto, always or never\n"
	"  -h, --help            show this help\n"
	"\n"
	"At the prompt: :hint, :passage (each halves the credit), :skip, :override\n"
	"(count the last answer as right), :quit, :help. Enter alone does nothing;\n"
	"Ctrl-D skips; Ctrl-C asks whether to quit. Answers are read as plain lines\n"
	"when input is not a terminal; there an answer that cannot be judged is graded\n"
	"as given, not asked again.\n";

typedef struct {
	session_mode mode;
	bool mode_given;
	long limit;
	unsigned kinds;
	const char *tag;
	bool shuffle;
	bool order_given;
	bool has_seed;
	uint64_t seed;
	quiz_date_order date_order;
	const char *user;
	const char *db;
	bool no_save;
	int64_t time_limit_ms;
	const char *class_name;
	const char *student;
	bool missed;
	term_color_mode color;
} take_options;

static bool parse_kinds(const char *value, unsigned *kinds)
{
	char *copy = xstrdup(value);
	bool ok = true;
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		quiz_kind k = quiz_kind_parse(tok);
		if (k == QUIZ_KIND_COUNT) {
			const char *names[QUIZ_KIND_COUNT];
			for (int i = 0; i < QUIZ_KIND_COUNT; i++)
				names[i] = quiz_kind_name((quiz_kind)i);
			buf shown, guess;
			buf_init(&shown);
			buf_init(&guess);
			text_sanitize(tok, strlen(tok), &shown);
			if (*cli_suggestion(tok, names, QUIZ_KIND_COUNT, &guess))
				cli_usage_error("take", "--only: no kind '%s'%s", shown.ptr, guess.ptr);
			else
				cli_usage_error("take", "--only: no kind '%s'; kinds are date, actor, number, "
				                        "text, claim, choice, order, match, cloze",
				                shown.ptr);
			buf_release(&shown);
			buf_release(&guess);
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
		{"time-limit", required_argument, NULL, 'T'},
		{"class", required_argument, NULL, 'K'},
		{"student", required_argument, NULL, 'S'},
		{"missed", no_argument, NULL, 'M'},
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
			o->mode_given = true;
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
			o->order_given = true;
			break;
		case 's':
			if (!cli_parse_seed("take", optarg, &o->seed))
				return EXIT_USAGE;
			o->has_seed = true;
			break;
		case 'D':
			if (!cli_parse_date_order("take", optarg, &o->date_order))
				return EXIT_USAGE;
			break;
		case 'u':
			o->user = optarg;
			break;
		case 'n':
			o->no_save = true;
			break;
		case 'T':
			if (!sitting_parse_limit(optarg, &o->time_limit_ms))
				return cli_usage_error("take", "--time-limit takes a time such as 90s, 20m or "
				                               "1h30m (1s to 24h), not '%s'",
				                       optarg);
			break;
		case 'K':
			o->class_name = optarg;
			break;
		case 'S':
			o->student = optarg;
			break;
		case 'M':
			o->missed = true;
			break;
		case 'h':
			fputs(take_usage, stdout);
			return -1;
		default: {
			int status = cli_shared_option("take", c, take_usage, argv,
			                               &o->db, &o->color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("take", optind == argc ? "no BANK given" : "one BANK only");
	*path = argv[optind];
	if (o->user && (!*o->user || !text_valid_utf8(o->user, strlen(o->user), NULL)))
		return cli_usage_error("take", "--user needs a name in UTF-8");
	if (o->missed && o->class_name)
		return cli_usage_error("take", "--missed is for practice, not a class exam");
	if (o->student && !o->class_name)
		return cli_usage_error("take", "--student goes with --class");
	if (!o->class_name)
		return EXIT_OK;
	const char *why;
	if (!roster_valid_class(o->class_name, &why))
		return cli_usage_error("take", "--class: %s", why);
	if (!o->student)
		return cli_usage_error("take", "--class needs --student ID");
	if (!roster_valid_id(o->student, &why))
		return cli_usage_error("take", "--student: %s", why);
	/* A class exam is the same for every student: what would make it
	 * otherwise is the class's to set. */
	const char *set_by_class = o->mode_given    ? "--mode"
	                           : o->order_given ? "--order"
	                           : o->limit       ? "--limit"
	                           : o->kinds       ? "--only"
	                           : o->tag         ? "--tag"
	                                            : NULL;
	if (set_by_class)
		return cli_usage_error("take", "%s is the class's to set ('recall class set --class "
		                               "%s'), not a student's",
		                       set_by_class, o->class_name);
	if (o->user)
		return cli_usage_error("take", "--user and --student do not go together: a student's "
		                               "answers are recorded under their id");
	if (o->no_save)
		return cli_usage_error("take", "a class exam is always recorded: no --no-save");
	return EXIT_OK;
}

/* What a run of `take` holds, released in one place. */
typedef struct {
	quiz *quiz;
	grader *grader;
	session *session;
	store *store;
	store_session *recorded;
	store_class class_settings;
	char *student_name;
} take_state;

static int open_store(const take_options *opt, take_state *t)
{
	store_options so = {.path = opt->db, .write = true, .only_existing_folder = true};
	char *err = NULL;
	if (store_open(&so, &t->store, &err) != STORE_OK) {
		fprintf(stderr, "recall take: %s\n", err);
		fprintf(stderr, "recall take: nothing was asked; --no-save takes the quiz without "
		                "recording it.\n");
		free(err);
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

static int begin_session(const take_options *opt, take_state *t, const char *learner)
{
	store_session_options sso = {
		.learner = learner,
		.mode = session_get_options(t->session)->mode == SESSION_EXAM ? "exam" : "practice",
		.has_seed = true,
		.seed = (int64_t)session_get_options(t->session)->seed,
		.planned = (int)session_count(t->session),
		.max_score = session_max_score(t->session),
		.class_name = opt->class_name,
		.time_limit_ms = opt->time_limit_ms,
	};
	if (store_session_begin(t->store, t->quiz, &sso, &t->recorded) != STORE_OK) {
		classroom_error("take", "cannot start a session in %s: %s", store_path(t->store),
		                store_errmsg(t->store));
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

/* A class exam: the class and the student are checked before the bank is
 * even read, and the class's settings replace the command line's. */
static int open_class(take_options *opt, take_state *t)
{
	int status = classroom_open("take", opt->db, opt->class_name, true, &t->store,
	                            &t->class_settings);
	if (status != EXIT_OK)
		return status;
	status = classroom_find_student("take", t->store, opt->class_name, opt->student,
	                                &t->student_name);
	if (status != EXIT_OK)
		return status;
	const store_class *c = &t->class_settings;
	if (opt->has_seed && (int64_t)opt->seed != c->seed)
		return cli_usage_error("take", "class '%s' orders its questions with seed %lld, not "
		                               "%llu; 'recall class set --seed' changes it",
		                       c->name, (long long)c->seed, (unsigned long long)opt->seed);
	if (c->time_limit_ms) {
		if (opt->time_limit_ms && opt->time_limit_ms != c->time_limit_ms)
			return cli_usage_error("take", "class '%s' has its own time limit; 'recall class "
			                               "set --time-limit' changes it",
			                       c->name);
		opt->time_limit_ms = c->time_limit_ms;
	}
	return EXIT_OK;
}

/* No question is left after --only and --tag: when no question has the
 * tag at all, the closest tag the bank has is suggested. */
static void no_match(const quiz *q, const char *path, const char *tag)
{
	size_t n = quiz_question_count(q), n_tags = 0, cap = 0;
	const char **tags = NULL;
	bool tag_used = false;
	for (size_t i = 0; tag && i < n; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		for (size_t k = 0; k < qq->tags.count; k++) {
			const char *t = qq->tags.items[k];
			tag_used |= strcmp(t, tag) == 0;
			bool seen = false;
			for (size_t j = 0; j < n_tags && !seen; j++)
				seen = strcmp(tags[j], t) == 0;
			if (seen)
				continue;
			if (n_tags == cap) {
				cap = cap ? cap * 2 : 16;
				tags = xrealloc(tags, cap * sizeof *tags);
			}
			tags[n_tags++] = t;
		}
	}
	buf shown, guess;
	buf_init(&shown);
	buf_init(&guess);
	text_sanitize(path, strlen(path), &shown);
	if (tag && !tag_used) {
		fprintf(stderr, "recall take: %s: no question has the tag '", shown.ptr);
		buf_clear(&shown);
		text_sanitize(tag, strlen(tag), &shown);
		fprintf(stderr, "%s'%s\n", shown.ptr, cli_suggestion(tag, tags, n_tags, &guess));
	} else {
		fprintf(stderr, "recall take: %s: no question matches --only and --tag\n", shown.ptr);
	}
	buf_release(&shown);
	buf_release(&guess);
	free(tags);
}

/* --missed: the session asks what the learner missed last time on this
 * bank (by title, so an edited bank still finds its questions). */
static int pick_missed(const take_options *opt, take_state *t, const char *learner,
                       const quiz_question ***picked, session_options *so)
{
	if (!t->store) {
		store_options o = {.path = opt->db, .write = !opt->no_save, .must_exist = opt->no_save,
		                    .only_existing_folder = true};
		char *err = NULL;
		if (store_open(&o, &t->store, &err) != STORE_OK) {
			fprintf(stderr, "recall take: --missed: %s\n", err);
			free(err);
			return EXIT_PROBLEMS;
		}
	}
	char **ids = NULL;
	size_t n = 0;
	const char *title = quiz_title(t->quiz) ? quiz_title(t->quiz) : "";
	store_status st = cards_missed_last_session(t->store, learner, title, &ids, &n);
	int status = EXIT_OK;
	if (st == STORE_MISSING) {
		fprintf(stderr, "recall take: --missed: %s has no session of this bank yet\n", learner);
		status = EXIT_PROBLEMS;
	} else if (st != STORE_OK) {
		fprintf(stderr, "recall take: --missed: %s\n", store_errmsg(t->store));
		status = EXIT_PROBLEMS;
	}
	*picked = xmalloc((n ? n : 1) * sizeof **picked);
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		const quiz_question *q = quiz_find(t->quiz, ids[i]);
		if (q)
			(*picked)[found++] = q;
		free(ids[i]);
	}
	free(ids);
	if (status == EXIT_OK && !found) {
		printf("Nothing to ask: you missed no question of this bank in your last session.\n");
		status = -1;
	}
	so->questions = *picked;
	so->question_count = found;
	if (opt->no_save) {
		/* Read only to find the questions: nothing of this quiz is recorded. */
		store_close(t->store);
		t->store = NULL;
	}
	return status;
}

static void free_state(take_state *t)
{
	store_session_free(t->recorded);
	store_close(t->store);
	session_free(t->session);
	grader_free(t->grader);
	quiz_free(t->quiz);
	free(t->student_name);
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

	take_state t = {0};
	char *learner = opt.class_name ? xstrdup(opt.student)
	                : opt.user     ? xstrdup(opt.user)
	                               : store_default_learner();
	diag_list *d = diag_list_new();
	char *history = NULL;
	buf intro;
	buf_init(&intro);
	if (opt.class_name && (status = open_class(&opt, &t)) != EXIT_OK)
		goto out;
	t.quiz = bank_open(path, d);
	if (!t.quiz) {
		cli_print_diagnostics(d, opt.color);
		status = EXIT_PROBLEMS;
		goto out;
	}
	grade_options gopt = {.date_order = opt.date_order};
	t.grader = grader_new(t.quiz, &gopt);
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
	if (opt.class_name)
		classroom_session_options(&t.class_settings, &so);
	const quiz_question **missed = NULL;
	if (opt.missed && (status = pick_missed(&opt, &t, learner, &missed, &so)) != EXIT_OK) {
		free(missed);
		status = status == -1 ? EXIT_OK : status;
		goto out;
	}
	t.session = session_new(t.quiz, t.grader, &so);
	free(missed);
	if (!t.session) {
		no_match(t.quiz, path, so.tag);
		status = EXIT_PROBLEMS;
		goto out;
	}
	if (!opt.no_save && !t.store && (status = open_store(&opt, &t)) != EXIT_OK)
		goto out;
	if (t.store && (status = begin_session(&opt, &t, learner)) != EXIT_OK)
		goto out;

	if (opt.class_name) {
		classroom_intro(&t.class_settings, opt.student, t.student_name, session_count(t.session),
		                opt.time_limit_ms, &intro);
	} else {
		buf_printf(&intro, "%zu question%s · %s mode", session_count(t.session),
		           session_count(t.session) == 1 ? "" : "s",
		           opt.mode == SESSION_EXAM ? "exam" : "practice");
		if (opt.time_limit_ms) {
			buf_puts(&intro, " · ");
			sitting_format_limit(opt.time_limit_ms, &intro);
			buf_puts(&intro, " time limit");
		}
		buf_puts(&intro, " · :help for commands");
		/* Practice keeps readline history; an exam keeps none, so one
		 * student's answers never show up for the next. */
		if (opt.mode == SESSION_PRACTICE)
			history = input_history_path();
	}
	sitting_options sit = {
		.cmd = "take",
		.quiz = t.quiz,
		.session = t.session,
		.store = t.store,
		.recorded = t.recorded,
		.learner = learner,
		.intro = intro.ptr,
		.history_path = history,
		.time_limit_ms = opt.time_limit_ms,
		.answer_sheet = so.mode == SESSION_EXAM &&
		                (!opt.class_name || t.class_settings.show_answers),
		.color = opt.color,
	};
	sitting_result result;
	status = sitting_run(&sit, &result);
	/* Ended by a signal: say so in the exit status, as a shell would. */
	if (status == EXIT_OK && result.signal)
		status = 128 + result.signal;
out:
	free_state(&t);
	diag_list_free(d);
	buf_release(&intro);
	free(history);
	free(learner);
	return cli_finish(status);
}
