/* cmd_class.c - `recall class set|show|run`: a class's exam settings, and the hot seat */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bank.h"
#include "chart.h"
#include "classroom.h"
#include "cli.h"
#include "input.h"
#include "roster.h"
#include "screen.h"
#include "sitting.h"
#include "store.h"
#include "text.h"

static const char class_usage[] =
	"Usage: recall class set --class NAME SETTING...\n"
	"       recall class show [--class NAME]\n"
	"       recall class run BANK|PACK --class NAME [--time-limit T]\n"
	"\n"
	"A class's exams are taken with its settings, whoever takes them: one\n"
	"question order for every student, no readline history, and no hints or\n"
	"overrides unless the class allows them. `set` changes them, `show` shows\n"
	"them (every class's without --class).\n"
	"\n"
	"`run` is the hot seat, for one machine passed around a room: it asks for a\n"
	"student id (Tab completes the roster's ids), runs that student's exam,\n"
	"waits for Enter, clears the screen and asks for the next. An empty id,\n"
	":end or Ctrl-D at the id prompt ends it. Each exam is recorded under the\n"
	"student's id.\n"
	"\n"
	"Settings (for set):\n"
	"      --mode MODE          exam (the default): no feedback until the end;\n"
	"                           or practice: feedback after each answer\n"
	"      --order ORDER        shuffle (the default): one shuffled order, the\n"
	"                           same for every student; or bank: the bank's order\n"
	"      --seed N             the seed of that order and of the options' order\n"
	"                           (a new class's is made from its name)\n"
	"      --hints, --no-hints  allow :hint and :passage (default: no)\n"
	"      --overrides, --no-overrides\n"
	"                           allow :override in practice mode (default: no)\n"
	"      --show-answers, --hide-answers\n"
	"                           show the answer sheet at the end of an exam\n"
	"                           (default: hide, as later students take it too)\n"
	"      --time-limit T       every exam ends when T is up (90s, 20m, 1h30m);\n"
	"                           'none' removes it\n"
	"\n"
	"Options:\n"
	"      --class NAME         the class (see 'recall roster --help')\n"
	"      --db PATH            the database (default $RECALL_DB, or\n"
	"                           ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --color WHEN         auto, always or never\n"
	"  -h, --help               show this help\n";

typedef struct {
	const char *class_name;
	const char *db;
	term_color_mode color;
	/* Settings given, each with whether it was. */
	const char *mode;
	int shuffle, hints, overrides, show_answers;   /* -1: not given */
	bool has_seed;
	int64_t seed;
	bool has_limit;
	int64_t time_limit_ms;                         /* 0 with has_limit: none */
} class_options;

static bool any_setting(const class_options *o)
{
	return o->mode || o->shuffle >= 0 || o->hints >= 0 || o->overrides >= 0 ||
	       o->show_answers >= 0 || o->has_seed || o->has_limit;
}

/* --- set and show ------------------------------------------------------- */

static void describe(const store_class *c, bool unicode, buf *out)
{
	const char *sep = unicode ? " · " : ", ";
	buf_printf(out, "%s mode%s%s%s", c->mode, sep,
	           c->shuffle ? "one shuffled order" : "the bank's order", sep);
	buf_printf(out, "seed %lld%s", (long long)c->seed, sep);
	buf_puts(out, c->allow_hints ? "hints" : "no hints");
	if (strcmp(c->mode, "practice") == 0)
		buf_printf(out, "%s%s", sep, c->allow_override ? "overrides" : "no overrides");
	else
		buf_printf(out, "%s%s", sep, c->show_answers ? "answers shown" : "answers hidden");
	buf_puts(out, sep);
	if (c->time_limit_ms) {
		sitting_format_limit(c->time_limit_ms, out);
		buf_puts(out, " time limit");
	} else {
		buf_puts(out, "no time limit");
	}
}

static void show_one(const store_class *c, buf *out)
{
	chart_style style = {.unicode = chart_unicode_locale()};
	buf line;
	buf_init(&line);
	buf_printf(&line, "%s%s%zu student%s%s", c->name, style.unicode ? " · " : " - ",
	           c->students, c->students == 1 ? "" : "s", style.unicode ? " · " : " - ");
	describe(c, style.unicode, &line);
	chart_cell(out, line.ptr, 100000, false, &style);
	buf_putc(out, '\n');
	buf_release(&line);
}

static int show_each(const store_class *c, void *ctx)
{
	show_one(c, ctx);
	return 0;
}

static int show(const class_options *o)
{
	buf out;
	buf_init(&out);
	store *s = NULL;
	int status;
	if (o->class_name) {
		store_class c;
		status = classroom_open("class", o->db, o->class_name, false, &s, &c);
		if (status == EXIT_OK)
			show_one(&c, &out);
	} else {
		store_options so = {.path = o->db, .must_exist = true, .only_existing_folder = true};
		char *err = NULL;
		store_status st = store_open(&so, &s, &err);
		status = EXIT_OK;
		if (st == STORE_MISSING) {
			buf_puts(&out, "No classes yet: 'recall roster import FILE --class NAME' makes one.\n");
		} else if (st != STORE_OK) {
			classroom_error("class", "%s", err);
			status = EXIT_PROBLEMS;
		} else {
			size_t before = out.len;
			if (store_list_classes(s, show_each, &out) != STORE_OK) {
				classroom_error("class", "%s", store_errmsg(s));
				status = EXIT_PROBLEMS;
			} else if (out.len == before) {
				buf_puts(&out,
				         "No classes yet: 'recall roster import FILE --class NAME' makes one.\n");
			}
		}
		free(err);
	}
	fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&out);
	store_close(s);
	return status;
}

static int set(const class_options *o)
{
	if (!any_setting(o))
		return cli_usage_error("class", "set needs a setting to change; see --help");
	store *s = NULL;
	store_class c;
	int status = classroom_open("class", o->db, o->class_name, true, &s, &c);
	if (status != EXIT_OK)
		return status;
	if (o->mode)
		c.mode = o->mode;
	if (o->shuffle >= 0)
		c.shuffle = o->shuffle;
	if (o->hints >= 0)
		c.allow_hints = o->hints;
	if (o->overrides >= 0)
		c.allow_override = o->overrides;
	if (o->show_answers >= 0)
		c.show_answers = o->show_answers;
	if (o->has_seed)
		c.seed = o->seed;
	if (o->has_limit)
		c.time_limit_ms = o->time_limit_ms;
	if (store_class_update(s, &c) != STORE_OK) {
		classroom_error("class", "%s", store_errmsg(s));
		status = EXIT_PROBLEMS;
	} else {
		buf out;
		buf_init(&out);
		show_one(&c, &out);
		fwrite(out.ptr, 1, out.len, stdout);
		buf_release(&out);
	}
	store_close(s);
	return status;
}

/* --- The hot seat ------------------------------------------------------- */

typedef struct {
	char **ids;               /* NULL-terminated, for completion */
	size_t count, cap;
} id_list;

static int collect_id(const store_roster_row *row, void *ctx)
{
	id_list *l = ctx;
	if (l->count + 1 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->ids = xrealloc(l->ids, l->cap * sizeof *l->ids);
	}
	l->ids[l->count++] = xstrdup(row->id);
	l->ids[l->count] = NULL;
	return 0;
}

static int count_session(const store_session_row *row, void *ctx)
{
	(void)row;
	(*(size_t *)ctx)++;
	return 0;
}

typedef struct {
	const class_options *opt;
	store *store;
	store_class settings;
	quiz *quiz;
	grader *grader;
	input *input;
	id_list ids;
	screen screen;
	size_t exams;             /* recorded in this run */
	int signal;
} hot_seat;

static void say(hot_seat *h, const char *style, const char *text)
{
	buf out;
	buf_init(&out);
	h->screen.width = input_columns(h->input);
	screen_line(&h->screen, style, text, &out);
	fwrite(out.ptr, 1, out.len, stdout);
	fflush(stdout);
	buf_release(&out);
}

static void clear_screen(hot_seat *h)
{
	if (!input_is_terminal(h->input))
		return;
	/* The scrollback too: the next student must not scroll up to the last
	 * one's answers. */
	fputs("\033[H\033[2J\033[3J", stdout);
	fflush(stdout);
}

static void banner(hot_seat *h)
{
	buf text;
	buf_init(&text);
	buf_printf(&text, "%s · %s", h->settings.name, quiz_title(h->quiz));
	say(h, "bold", text.ptr);
	buf_clear(&text);
	buf_printf(&text, "Hot seat: type your student id and press Enter (Tab completes it). "
	                  "An empty id or :end ends the session; %zu exam%s recorded so far.",
	           h->exams, h->exams == 1 ? "" : "s");
	say(h, "note", text.ptr);
	buf_release(&text);
}

typedef enum { NEXT_STUDENT, END_SEAT } seat_step;

/* Asks for an id until a student on the roster gives one; NULL when the
 * teacher ends the hot seat. */
static char *ask_student(hot_seat *h, char **name)
{
	for (;;) {
		char *line = NULL;
		input_set_completions(h->input, (const char *const *)h->ids.ids, true);
		input_status st = input_read(h->input, "Student id: ", 0, &line);
		if (st == INPUT_INTERRUPT) {
			if (input_confirm(h->input, "End the hot seat? [y/N] "))
				return NULL;
			continue;
		}
		if (st == INPUT_HANGUP || st == INPUT_TERMINATE) {
			h->signal = st == INPUT_HANGUP ? SIGHUP : SIGTERM;
			return NULL;
		}
		if (st != INPUT_LINE)
			return NULL;
		char *id = line;
		while (*id == ' ' || *id == '\t')
			id++;
		size_t n = strlen(id);
		while (n && (id[n - 1] == ' ' || id[n - 1] == '\t' || id[n - 1] == '\r'))
			id[--n] = '\0';
		if (!*id || strcmp(id, ":end") == 0) {
			free(line);
			return NULL;
		}
		if (classroom_find_student("class run", h->store, h->settings.name, id, name) == EXIT_OK) {
			char *kept = xstrdup(id);
			free(line);
			return kept;
		}
		free(line);
	}
}

/* A student who has taken the exam already is asked before a second go. */
static bool confirm_again(hot_seat *h, const char *id)
{
	size_t sessions = 0;
	store_filter f = {.learner = id, .bank = quiz_hash(h->quiz), .class_name = h->settings.name};
	store_list_sessions(h->store, &f, false, 0, count_session, &sessions);
	if (!sessions)
		return true;
	buf q;
	buf_init(&q);
	buf clean;
	buf_init(&clean);
	text_sanitize(id, strlen(id), &clean);
	buf_printf(&q, "%s has taken this exam already (%zu time%s). Take it again? [y/N] ", clean.ptr,
	           sessions, sessions == 1 ? "" : "s");
	char *answer = NULL;
	/* A script's transcript shows why its next line was read. */
	if (!input_is_terminal(h->input))
		say(h, NULL, q.ptr);
	input_status st = input_read(h->input, q.ptr, 0, &answer);
	bool yes = st == INPUT_LINE && answer && (answer[0] == 'y' || answer[0] == 'Y');
	free(answer);
	buf_release(&q);
	buf_release(&clean);
	return yes;
}

static int run_exam(hot_seat *h, const char *id, const char *name)
{
	session_options so;
	classroom_session_options(&h->settings, &so);
	session *sess = session_new(h->quiz, h->grader, &so);
	if (!sess) {
		classroom_error("class run", "the bank has no questions");
		return EXIT_PROBLEMS;
	}
	store_session_options sso = {
		.learner = id,
		.mode = h->settings.mode,
		.has_seed = true,
		.seed = h->settings.seed,
		.planned = (int)session_count(sess),
		.max_score = session_max_score(sess),
		.class_name = h->settings.name,
		.time_limit_ms = h->settings.time_limit_ms,
	};
	store_session *recorded = NULL;
	if (store_session_begin(h->store, h->quiz, &sso, &recorded) != STORE_OK) {
		classroom_error("class run", "cannot start a session in %s: %s", store_path(h->store),
		                store_errmsg(h->store));
		session_free(sess);
		return EXIT_PROBLEMS;
	}
	buf intro;
	buf_init(&intro);
	classroom_intro(&h->settings, id, name, session_count(sess), h->settings.time_limit_ms,
	                &intro);
	sitting_options sit = {
		.cmd = "class run",
		.quiz = h->quiz,
		.session = sess,
		.store = h->store,
		.recorded = recorded,
		.learner = id,
		.intro = intro.ptr,
		.input = h->input,
		.time_limit_ms = h->settings.time_limit_ms,
		.answer_sheet = so.mode == SESSION_EXAM && h->settings.show_answers,
		.color = h->opt->color,
	};
	sitting_result result;
	int status = sitting_run(&sit, &result);
	h->exams++;
	if (result.signal)
		h->signal = result.signal;
	buf_release(&intro);
	store_session_free(recorded);
	session_free(sess);
	return status;
}

/* Lets the student read their score, then hands the machine on. */
static void wait_for_enter(hot_seat *h)
{
	if (!input_is_terminal(h->input) || h->signal)
		return;
	input_set_completions(h->input, NULL, false);
	char *line = NULL;
	input_status st = input_read(h->input, "Press Enter for the next student. ", 0, &line);
	if (st == INPUT_HANGUP || st == INPUT_TERMINATE)
		h->signal = st == INPUT_HANGUP ? SIGHUP : SIGTERM;
	free(line);
}

static int run(const class_options *o, const char *bank_path)
{
	hot_seat h = {.opt = o};
	int status = classroom_open("class run", o->db, o->class_name, true, &h.store, &h.settings);
	if (status != EXIT_OK)
		return status;
	diag_list *d = diag_list_new();
	if (o->has_limit && o->time_limit_ms) {
		if (h.settings.time_limit_ms && h.settings.time_limit_ms != o->time_limit_ms) {
			status = cli_usage_error("class", "class '%s' has its own time limit; 'recall class "
			                                  "set --time-limit' changes it",
			                         o->class_name);
			goto out;
		}
		h.settings.time_limit_ms = o->time_limit_ms;
	}
	if (store_roster_list(h.store, o->class_name, collect_id, &h.ids) != STORE_OK) {
		classroom_error("class run", "%s", store_errmsg(h.store));
		status = EXIT_PROBLEMS;
		goto out;
	}
	h.quiz = bank_open(bank_path, d);
	if (!h.quiz) {
		cli_print_diagnostics(d, o->color);
		status = EXIT_PROBLEMS;
		goto out;
	}
	h.grader = grader_new(h.quiz, NULL);
	input_options io = {.completions = (const char *const *)h.ids.ids, .complete_any = true};
	h.input = input_new(&io);
	h.screen.color = term_use_color(o->color, STDOUT_FILENO);
	while (status == EXIT_OK && !h.signal) {
		clear_screen(&h);
		banner(&h);
		char *name = NULL;
		char *id = ask_student(&h, &name);
		if (!id)
			break;
		bool ran = confirm_again(&h, id);
		if (ran)
			status = run_exam(&h, id, name);
		free(id);
		free(name);
		if (ran && status == EXIT_OK)
			wait_for_enter(&h);
	}
	if (status == EXIT_OK) {
		clear_screen(&h);
		buf text;
		buf_init(&text);
		buf_printf(&text, "The hot seat has ended: %zu exam%s recorded in class %s. "
		                  "'recall report --class %s' shows the results.",
		           h.exams, h.exams == 1 ? "" : "s", h.settings.name, h.settings.name);
		say(&h, NULL, text.ptr);
		buf_release(&text);
	}
	if (status == EXIT_OK && h.signal)
		status = 128 + h.signal;
out:
	input_free(h.input);
	for (size_t i = 0; i < h.ids.count; i++)
		free(h.ids.ids[i]);
	free(h.ids.ids);
	grader_free(h.grader);
	quiz_free(h.quiz);
	store_close(h.store);
	diag_list_free(d);
	return status;
}

/* --- Options ------------------------------------------------------------ */

int cmd_class(int argc, char **argv)
{
	enum {
		OPT_HINTS = 256, OPT_NO_HINTS, OPT_OVERRIDES, OPT_NO_OVERRIDES, OPT_SHOW, OPT_HIDE,
	};
	static const struct option options[] = {
		{"class", required_argument, NULL, 'K'},
		{"mode", required_argument, NULL, 'm'},
		{"order", required_argument, NULL, 'o'},
		{"seed", required_argument, NULL, 's'},
		{"hints", no_argument, NULL, OPT_HINTS},
		{"no-hints", no_argument, NULL, OPT_NO_HINTS},
		{"overrides", no_argument, NULL, OPT_OVERRIDES},
		{"no-overrides", no_argument, NULL, OPT_NO_OVERRIDES},
		{"show-answers", no_argument, NULL, OPT_SHOW},
		{"hide-answers", no_argument, NULL, OPT_HIDE},
		{"time-limit", required_argument, NULL, 'T'},
		{"db", required_argument, NULL, 'd'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	class_options o = {
		.color = TERM_COLOR_AUTO,
		.shuffle = -1, .hints = -1, .overrides = -1, .show_answers = -1,
	};
	int c, status;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'K':
			o.class_name = optarg;
			break;
		case 'm':
			if (strcmp(optarg, "exam") != 0 && strcmp(optarg, "practice") != 0)
				return cli_usage_error("class", "--mode must be exam or practice, not '%s'",
				                       optarg);
			o.mode = optarg;
			break;
		case 'o':
			if (strcmp(optarg, "shuffle") == 0)
				o.shuffle = 1;
			else if (strcmp(optarg, "bank") == 0)
				o.shuffle = 0;
			else
				return cli_usage_error("class", "--order must be shuffle or bank, not '%s'",
				                       optarg);
			break;
		case 's': {
			char *end;
			errno = 0;
			long long v = strtoll(optarg, &end, 10);
			if (errno || *end || end == optarg || v < 0)
				return cli_usage_error("class", "--seed takes a whole number, not '%s'", optarg);
			o.has_seed = true;
			o.seed = v;
			break;
		}
		case OPT_HINTS:
		case OPT_NO_HINTS:
			o.hints = c == OPT_HINTS;
			break;
		case OPT_OVERRIDES:
		case OPT_NO_OVERRIDES:
			o.overrides = c == OPT_OVERRIDES;
			break;
		case OPT_SHOW:
		case OPT_HIDE:
			o.show_answers = c == OPT_SHOW;
			break;
		case 'T':
			o.has_limit = true;
			if (strcmp(optarg, "none") == 0)
				o.time_limit_ms = 0;
			else if (!sitting_parse_limit(optarg, &o.time_limit_ms))
				return cli_usage_error("class", "--time-limit takes a time such as 90s, 20m or "
				                                "1h30m (1s to 24h), or none, not '%s'",
				                       optarg);
			break;
		default:
			status = cli_shared_option("class", c, class_usage, argv, &o.db, &o.color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
	}
	if (optind == argc)
		return cli_usage_error("class", "set, show or run?");
	const char *action = argv[optind++];
	const char *why;
	if (o.class_name && !roster_valid_class(o.class_name, &why))
		return cli_usage_error("class", "--class: %s", why);
	if (strcmp(action, "show") == 0) {
		if (optind != argc || any_setting(&o))
			return cli_usage_error("class", "show takes only --class");
		return cli_finish(show(&o));
	}
	if (!o.class_name)
		return cli_usage_error("class", "%s needs --class NAME", action);
	if (strcmp(action, "set") == 0) {
		if (optind != argc)
			return cli_usage_error("class", "set takes settings, not '%s'", argv[optind]);
		return cli_finish(set(&o));
	}
	if (strcmp(action, "run") == 0) {
		if (optind != argc - 1)
			return cli_usage_error("class", optind == argc ? "run needs a BANK" : "one BANK only");
		if (o.mode || o.shuffle >= 0 || o.hints >= 0 || o.overrides >= 0 ||
		    o.show_answers >= 0 || o.has_seed || (o.has_limit && !o.time_limit_ms))
			return cli_usage_error("class", "run takes --time-limit; the other settings are "
			                                "changed with 'recall class set'");
		return cli_finish(run(&o, argv[optind]));
	}
	return cli_usage_error("class", "no action '%s'; the actions are set, show and run", action);
}
