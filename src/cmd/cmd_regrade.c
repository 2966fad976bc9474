/* cmd_regrade.c - `recall regrade`: accept an answer for everyone, override one response, re-apply a bank */
#include <ctype.h>
#include <stdarg.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bank.h"
#include "classroom.h"
#include "cli.h"
#include "grade.h"
#include "normalize.h"
#include "roster.h"
#include "store.h"
#include "text.h"

static const char regrade_usage[] =
	"Usage: recall regrade [--class NAME] [--bank BANK] --accept QID ANSWER\n"
	"       recall regrade [--class NAME] [--bank BANK] --override SESSION QID [--credit N]\n"
	"       recall regrade [--class NAME] --apply BANK.yaml\n"
	"\n"
	"Corrects the grading of answers already given; scores are summed again\n"
	"and each change is recorded (who, when, why, what it was), which\n"
	"recall report shows.\n"
	"\n"
	"  --accept QID ANSWER   counts ANSWER right for everyone who gave it to\n"
	"                        question QID (case, accents, punctuation and a\n"
	"                        leading the/a/an aside), then prints the accept:\n"
	"                        line to add to the bank so future sessions agree.\n"
	"                        The report's common wrong answers are the place to\n"
	"                        find such answers. Not for order, match or cloze.\n"
	"  --override SESSION QID  changes one response: the answer to QID in the\n"
	"                        session whose id starts with SESSION (4 or more\n"
	"                        characters; recall report --student shows them)\n"
	"  --credit N            with --override: the credit, 0 to 1 (default 1,\n"
	"                        counted right)\n"
	"  --apply BANK.yaml     grades every answer given on any version of this\n"
	"                        bank (by its title) again with the bank as it is\n"
	"                        now: a question edited after sessions were taken\n"
	"                        applies to them too. Overridden answers are kept,\n"
	"                        and so are order and match answers (their letters\n"
	"                        follow the order they were shown in).\n"
	"\n"
	"Options:\n"
	"      --class NAME     only sessions taken in this class\n"
	"  -b, --bank BANK      its title, its file's path, or 4 or more hex digits of\n"
	"                       its content hash (needed when there are several)\n"
	"  -n, --dry-run        say what would change, change nothing\n"
	"      --user NAME      who is regrading (default $RECALL_USER, or the login)\n"
	"      --db PATH        the database (default $RECALL_DB, or\n"
	"                       ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"  -h, --help           show this help\n";

typedef enum { ACT_NONE, ACT_ACCEPT, ACT_OVERRIDE, ACT_APPLY } regrade_action;

typedef struct {
	regrade_action action;
	const char *class_name, *bank, *db, *user;
	const char *qid, *answer;       /* --accept */
	const char *session;            /* --override */
	double credit;
	bool has_credit;
	const char *apply;
	bool dry_run;
} regrade_options;

/* One change, with what a person reads about it. */
typedef struct {
	store_regrade_change change;
	char *learner;
	char *session;
	char *question_id;
	char *old_verdict;
	char *new_verdict;
	double old_credit;
} planned;

typedef struct {
	const regrade_options *o;
	planned *items;
	size_t n, cap;
	size_t seen;                 /* responses looked at */
	size_t kept_overridden, kept_letters, kept_unknown;
	char *kind;                  /* --accept: the question's kind */
	char *sessions_matched;      /* --override: the session found */
	bool several_sessions;
	norm_work want, got;         /* --accept */
	const quiz *q;               /* --apply */
	grader *g;
} regrade_run;

static double help_factor(const store_regrade_response *row)
{
	return row->hints > 0 || row->passage ? 0.5 : 1.0;
}

static void plan(regrade_run *run, const store_regrade_response *row, const char *verdict,
                 double graded, double credit, bool overridden)
{
	if (strcmp(row->verdict, verdict) == 0 && fabs(row->credit - credit) < 1e-12 &&
	    fabs(row->graded_credit - graded) < 1e-12 && row->override == overridden)
		return;
	if (run->n == run->cap) {
		run->cap = run->cap ? run->cap * 2 : 16;
		run->items = xrealloc(run->items, run->cap * sizeof *run->items);
	}
	planned *p = &run->items[run->n++];
	*p = (planned){
		.change = {.response_id = row->id, .verdict = verdict, .graded_credit = graded,
		           .credit = credit, .overridden = overridden},
		.learner = xstrdup(row->learner),
		.session = xstrdup(row->session_uuid),
		.question_id = xstrdup(row->question_id),
		.old_verdict = xstrdup(row->verdict),
		.new_verdict = xstrdup(verdict),
		.old_credit = row->credit,
	};
	p->change.verdict = p->new_verdict;
}

static bool accepted_verdict(const char *v)
{
	return strcmp(v, "correct") == 0 || strcmp(v, "close") == 0;
}

static int on_accept(const store_regrade_response *row, void *ctx)
{
	regrade_run *run = ctx;
	run->seen++;
	if (!run->kind)
		run->kind = xstrdup(row->kind);
	if (row->override) {
		run->kept_overridden++;
		return 0;
	}
	if (accepted_verdict(row->verdict) || strcmp(row->verdict, "ambiguous") == 0)
		return 0;
	const char *shown = row->chosen && *row->chosen ? row->chosen : row->answer;
	size_t len = row->chosen && *row->chosen ? strlen(row->chosen) : row->answer_len;
	if (!len || !norm_work_set(&run->got, shown, len, NORM_STRIP_MARKS, NORM_DROP_ARTICLE))
		return 0;
	if (!norm_key_eq(&run->want.key, &run->got.key))
		return 0;
	/* Marked overridden: a person decided it, so a later --apply of a
	 * bank without the accept: line does not undo it. */
	plan(run, row, "correct", 1, help_factor(row), true);
	return 0;
}

static bool uuid_matches(const char *uuid, const char *prefix)
{
	return strncasecmp(uuid, prefix, strlen(prefix)) == 0;
}

static int on_override(const store_regrade_response *row, void *ctx)
{
	regrade_run *run = ctx;
	if (!uuid_matches(row->session_uuid, run->o->session) ||
	    strcmp(row->verdict, "ambiguous") == 0)
		return 0;
	if (run->sessions_matched && strcmp(run->sessions_matched, row->session_uuid) != 0) {
		run->several_sessions = true;
		return 0;
	}
	if (!run->sessions_matched)
		run->sessions_matched = xstrdup(row->session_uuid);
	run->seen++;
	/* A question answered again in one session (after an ambiguous
	 * answer) counts its last answer; only that one is changed. */
	for (size_t i = 0; i < run->n; i++) {
		free(run->items[i].learner);
		free(run->items[i].session);
		free(run->items[i].question_id);
		free(run->items[i].old_verdict);
		free(run->items[i].new_verdict);
	}
	run->n = 0;
	double c = run->o->credit;
	if (c >= 1)
		plan(run, row, row->verdict, row->graded_credit, 1, true);
	else if (c > 0)
		plan(run, row, "partial", c, c, true);
	else
		plan(run, row, "wrong", 0, 0, false);
	return 0;
}

/* The bank-order letters of the options a choice answer named, from the
 * texts recorded with it: "a c". NULL when one is not among the choices. */
static char *letters_of(const quiz_question *qq, const char *chosen)
{
	buf out;
	buf_init(&out);
	const char *p = chosen;
	while (*p) {
		const char *end = strstr(p, "; ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t i = 0;
		while (i < qq->choices.count &&
		       !(strlen(qq->choices.items[i]) == len && memcmp(qq->choices.items[i], p, len) == 0))
			i++;
		if (i == qq->choices.count || i >= 26) {
			buf_release(&out);
			return NULL;
		}
		buf_printf(&out, "%s%c", out.len ? " " : "", (char)('a' + i));
		p = end ? end + 2 : p + len;
	}
	return buf_detach(&out);
}

/* Whether a typed answer is option letters or numbers, which refer to the
 * order the options were shown in, not known here. */
static bool looks_like_letters(const char *typed)
{
	bool any = false;
	for (const char *p = typed; *p; p++) {
		if (isspace((unsigned char)*p) || *p == ',')
			continue;
		if (!isalnum((unsigned char)*p))
			return false;
		if (isalpha((unsigned char)*p) && isalpha((unsigned char)p[1]))
			return false;
		any = true;
	}
	return any;
}

static int on_apply(const store_regrade_response *row, void *ctx)
{
	regrade_run *run = ctx;
	run->seen++;
	if (row->override) {
		run->kept_overridden++;
		return 0;
	}
	if (strcmp(row->verdict, "ambiguous") == 0)
		return 0;
	const quiz_question *qq = quiz_find(run->q, row->question_id);
	if (!qq || strcmp(quiz_kind_name(qq->kind), row->kind) != 0) {
		run->kept_unknown++;
		return 0;
	}
	if (qq->kind == QUIZ_ORDER || qq->kind == QUIZ_MATCH) {
		run->kept_letters++;
		return 0;
	}
	char *typed = NULL;
	if (qq->kind == QUIZ_CHOICE && row->chosen && *row->chosen) {
		typed = letters_of(qq, row->chosen);
		if (!typed) {
			run->kept_unknown++;
			return 0;
		}
	} else if (qq->kind == QUIZ_CHOICE && looks_like_letters(row->answer)) {
		run->kept_letters++;
		return 0;
	} else {
		typed = xstrdup(row->answer);
	}
	grade_result res;
	grader_grade(run->g, qq, typed, &res);
	free(typed);
	if (res.verdict == GRADE_AMBIGUOUS)
		return 0;
	plan(run, row, grade_verdict_name(res.verdict), res.credit, res.credit * help_factor(row),
	     false);
	return 0;
}

static void run_release(regrade_run *run)
{
	for (size_t i = 0; i < run->n; i++) {
		free(run->items[i].learner);
		free(run->items[i].session);
		free(run->items[i].question_id);
		free(run->items[i].old_verdict);
		free(run->items[i].new_verdict);
	}
	free(run->items);
	free(run->kind);
	free(run->sessions_matched);
	norm_work_release(&run->want);
	norm_work_release(&run->got);
}

/* --- Which bank --------------------------------------------------------- */

typedef struct {
	char *title;
	size_t titles;
	char *path;                 /* the newest version's file, when known */
	buf listed;
} bank_choice;

static int consider_bank(const store_bank_row *row, void *ctx)
{
	bank_choice *c = ctx;
	if (row->path && *row->path && (!c->title || strcmp(c->title, row->title) == 0)) {
		free(c->path);
		c->path = xstrdup(row->path);
	}
	if (c->title && strcmp(c->title, row->title) == 0)
		return 0;
	if (!c->title)
		c->title = xstrdup(row->title);
	buf_printf(&c->listed, "%s'%s'", c->titles ? ", " : "", row->title);
	c->titles++;
	return 0;
}

/* The one bank the options name. EXIT_OK with c->title set, or a message. */
static int choose_bank(const regrade_options *o, store *s, bank_choice *c)
{
	store_status st = o->class_name ? store_class_banks(s, o->class_name, o->bank, consider_bank, c)
	                                : store_list_banks(s, o->bank, consider_bank, c);
	if (st != STORE_OK) {
		classroom_error("regrade", "%s", store_errmsg(s));
		return EXIT_PROBLEMS;
	}
	if (c->titles > 1) {
		classroom_error("regrade", "answers were given on %zu banks: %s; choose one with --bank",
		                c->titles, c->listed.ptr);
		return EXIT_USAGE;
	}
	if (!c->title) {
		if (o->bank)
			classroom_error("regrade", "no answers on a bank matching '%s'%s%s", o->bank,
			                o->class_name ? " in class " : "", o->class_name ? o->class_name : "");
		else
			classroom_error("regrade", "no answers to regrade%s%s",
			                o->class_name ? " in class " : "", o->class_name ? o->class_name : "");
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

/* --- Saying what changed ------------------------------------------------ */

/* Prints a line that holds typed or bank text, sanitised. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	buf raw, clean;
	buf_init(&raw);
	buf_init(&clean);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	text_sanitize(raw.ptr, raw.len, &clean);
	fputs(clean.ptr, stdout);
	buf_release(&raw);
	buf_release(&clean);
}

/* A YAML flow scalar: plain when that reads back as the same string. */
static void yaml_scalar(buf *out, const char *s)
{
	bool plain = *s && (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80);
	static const char *const special[] = {"true", "false", "yes", "no", "null", "on", "off", "y",
	                                      "n", "~"};
	for (size_t i = 0; plain && i < sizeof special / sizeof special[0]; i++)
		plain = strcasecmp(s, special[i]) != 0;
	for (const char *p = s; plain && *p; p++)
		plain = isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80 ||
		        strchr(" .-'()/", *p);
	size_t n = strlen(s);
	if (plain && s[n - 1] == ' ')
		plain = false;
	if (plain) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_putc(out, '\\');
		if ((unsigned char)*p < 0x20)
			buf_printf(out, "\\x%02x", (unsigned char)*p);
		else
			buf_putc(out, *p);
	}
	buf_putc(out, '"');
}

static void print_changes(const regrade_run *run)
{
	for (size_t i = 0; i < run->n; i++) {
		const planned *p = &run->items[i];
		say("  %s  session %.8s  %s: %s %g -> %s %g%s\n", p->learner, p->session,
		    p->question_id, p->old_verdict, p->old_credit, p->change.verdict, p->change.credit,
		    p->change.overridden ? " (overridden)" : "");
	}
}

/* The accept: line that makes future sessions agree, with the accepted
 * answers the bank has already when its file can be read. */
static void print_accept_line(const regrade_options *o, const char *bank_path)
{
	buf line;
	buf_init(&line);
	buf_puts(&line, "accept: [");
	quiz *q = NULL;
	if (bank_path) {
		diag_list *d = diag_list_new();
		q = bank_open(bank_path, d);
		diag_list_free(d);
	}
	const quiz_question *qq = q ? quiz_find(q, o->qid) : NULL;
	for (size_t i = 0; qq && i < qq->accept.count; i++) {
		yaml_scalar(&line, qq->accept.items[i]);
		buf_puts(&line, ", ");
	}
	yaml_scalar(&line, o->answer);
	buf_puts(&line, "]");
	say("To make future sessions agree, give question '%s'%s%s this line:\n    %s\n", o->qid,
	    qq ? " in " : "", qq ? bank_path : "", line.ptr);
	buf_release(&line);
	quiz_free(q);
}

/* --- The command -------------------------------------------------------- */

static int regrade(const regrade_options *o)
{
	store *s = NULL;
	int status;
	if (o->class_name) {
		store_class settings;
		status = classroom_open("regrade", o->db, o->class_name, !o->dry_run, &s, &settings);
		if (status != EXIT_OK)
			return status;
	} else {
		store_options so = {.path = o->db, .must_exist = true, .write = !o->dry_run};
		char *err = NULL;
		if (store_open(&so, &s, &err) != STORE_OK) {
			classroom_error("regrade", "%s", err);
			free(err);
			return EXIT_PROBLEMS;
		}
	}
	regrade_run run = {.o = o};
	norm_work_init(&run.want);
	norm_work_init(&run.got);
	bank_choice bank = {0};
	buf_init(&bank.listed);
	quiz *q = NULL;
	diag_list *d = NULL;
	buf reason;
	buf_init(&reason);
	char *who = o->user ? xstrdup(o->user) : store_default_learner();

	store_filter f = {.class_name = o->class_name};
	if (o->action == ACT_APPLY) {
		d = diag_list_new();
		q = bank_open(o->apply, d);
		if (!q) {
			cli_print_diagnostics(d, TERM_COLOR_AUTO);
			status = EXIT_PROBLEMS;
			goto out;
		}
		f.bank = quiz_title(q);
		buf_printf(&reason, "re-graded with bank '%s' (version %.8s)", quiz_title(q),
		           quiz_hash(q) ? quiz_hash(q) : "?");
	} else {
		status = choose_bank(o, s, &bank);
		if (status != EXIT_OK)
			goto out;
		f.bank = o->bank ? o->bank : bank.title;
	}

	store_status st = STORE_OK;
	if (o->action == ACT_ACCEPT) {
		if (!norm_work_set(&run.want, o->answer, strlen(o->answer), NORM_STRIP_MARKS,
		                   NORM_DROP_ARTICLE) ||
		    !run.want.key.len) {
			classroom_error("regrade", "--accept: '%s' has no words to compare", o->answer);
			status = EXIT_USAGE;
			goto out;
		}
		st = store_regrade_responses(s, &f, o->qid, on_accept, &run);
		if (st == STORE_OK && !run.seen) {
			classroom_error("regrade", "nobody answered a question '%s' on '%s'", o->qid,
			                bank.title);
			status = EXIT_PROBLEMS;
			goto out;
		}
		if (st == STORE_OK && run.kind &&
		    (strcmp(run.kind, "order") == 0 || strcmp(run.kind, "match") == 0 ||
		     strcmp(run.kind, "cloze") == 0)) {
			classroom_error("regrade", "--accept is for answers typed whole; '%s' is a %s "
			                           "question: use --override, or edit the bank and --apply it",
			                o->qid, run.kind);
			status = EXIT_USAGE;
			goto out;
		}
		buf_printf(&reason, "accepted '%s' for %s", o->answer, o->qid);
	} else if (o->action == ACT_OVERRIDE) {
		st = store_regrade_responses(s, &f, o->qid, on_override, &run);
		if (st == STORE_OK && run.several_sessions) {
			classroom_error("regrade", "'%s' starts the ids of several sessions; give more of it",
			                o->session);
			status = EXIT_USAGE;
			goto out;
		}
		if (st == STORE_OK && !run.seen) {
			classroom_error("regrade", "no answer to '%s' in a session whose id starts with '%s'",
			                o->qid, o->session);
			status = EXIT_PROBLEMS;
			goto out;
		}
		buf_printf(&reason, "override of %s in session %.8s: credit %g", o->qid,
		           run.sessions_matched, o->credit);
	} else {
		run.q = q;
		run.g = grader_new(q, NULL);
		st = store_regrade_responses(s, &f, NULL, on_apply, &run);
		grader_free(run.g);
		if (st == STORE_OK && !run.seen) {
			classroom_error("regrade", "no answers on a bank titled '%s'%s%s", quiz_title(q),
			                o->class_name ? " in class " : "",
			                o->class_name ? o->class_name : "");
			status = EXIT_PROBLEMS;
			goto out;
		}
	}
	if (st != STORE_OK) {
		classroom_error("regrade", "%s", store_errmsg(s));
		status = EXIT_PROBLEMS;
		goto out;
	}

	size_t changed = 0;
	if (!o->dry_run && run.n) {
		store_regrade_change *changes = xmalloc(run.n * sizeof *changes);
		for (size_t i = 0; i < run.n; i++)
			changes[i] = run.items[i].change;
		st = store_regrade_apply(s, changes, run.n, who, reason.ptr, &changed);
		free(changes);
		if (st != STORE_OK) {
			classroom_error("regrade", "%s", store_errmsg(s));
			status = EXIT_PROBLEMS;
			goto out;
		}
	}
	print_changes(&run);
	size_t n = o->dry_run ? run.n : changed;
	printf("%s%zu response%s %s", o->dry_run ? "Dry run: " : "", n, n == 1 ? "" : "s",
	       o->dry_run ? "would change" : "changed");
	if (o->action == ACT_APPLY)
		printf(" of %zu looked at", run.seen);
	printf("%s\n", n ? "; scores summed again." : ".");
	if (run.kept_overridden)
		printf("%zu overridden answer%s kept as %s.\n", run.kept_overridden,
		       run.kept_overridden == 1 ? "" : "s", run.kept_overridden == 1 ? "it was" : "they were");
	if (run.kept_letters)
		printf("%zu order, match or choice answer%s typed as letters kept as graded: the letters "
		       "follow the order the options were shown in.\n",
		       run.kept_letters, run.kept_letters == 1 ? "" : "s");
	if (run.kept_unknown)
		printf("%zu answer%s to questions the bank no longer has (or has changed the kind or "
		       "choices of) kept as graded.\n",
		       run.kept_unknown, run.kept_unknown == 1 ? "" : "s");
	if (o->action == ACT_ACCEPT)
		print_accept_line(o, bank.path);
	status = EXIT_OK;
out:
	free(who);
	buf_release(&reason);
	free(bank.title);
	free(bank.path);
	buf_release(&bank.listed);
	run_release(&run);
	quiz_free(q);
	diag_list_free(d);
	store_close(s);
	return status;
}

int cmd_regrade(int argc, char **argv)
{
	static const struct option options[] = {
		{"class", required_argument, NULL, 'K'},
		{"bank", required_argument, NULL, 'b'},
		{"accept", required_argument, NULL, 'a'},
		{"override", required_argument, NULL, 'o'},
		{"credit", required_argument, NULL, 'c'},
		{"apply", required_argument, NULL, 'A'},
		{"dry-run", no_argument, NULL, 'n'},
		{"user", required_argument, NULL, 'u'},
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	regrade_options o = {.credit = 1};
	int c, actions = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":b:nh", options, NULL)) != -1) {
		switch (c) {
		case 'K':
			o.class_name = optarg;
			break;
		case 'b':
			o.bank = optarg;
			break;
		case 'a':
			o.action = ACT_ACCEPT;
			o.qid = optarg;
			actions++;
			break;
		case 'o':
			o.action = ACT_OVERRIDE;
			o.session = optarg;
			actions++;
			break;
		case 'c': {
			char *end;
			o.credit = strtod(optarg, &end);
			if (end == optarg || *end || !(o.credit >= 0 && o.credit <= 1))
				return cli_usage_error("regrade", "--credit must be a number from 0 to 1, not "
				                                  "'%s'",
				                       optarg);
			o.has_credit = true;
			break;
		}
		case 'A':
			o.action = ACT_APPLY;
			o.apply = optarg;
			actions++;
			break;
		case 'n':
			o.dry_run = true;
			break;
		case 'u':
			o.user = optarg;
			break;
		default: {
			int status = cli_shared_option("regrade", c, regrade_usage, argv,
			                               &o.db, NULL);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (actions != 1)
		return cli_usage_error("regrade", actions ? "give one of --accept, --override and --apply"
		                                          : "what to regrade? --accept, --override or "
		                                            "--apply");
	int rest = argc - optind;
	if (o.action == ACT_ACCEPT) {
		if (rest != 1)
			return cli_usage_error("regrade", "--accept QID ANSWER: give the answer to accept");
		o.answer = argv[optind];
	} else if (o.action == ACT_OVERRIDE) {
		if (rest != 1)
			return cli_usage_error("regrade", "--override SESSION QID: give the question's id");
		o.qid = argv[optind];
		if (strlen(o.session) < 4)
			return cli_usage_error("regrade", "--override needs at least 4 characters of the "
			                                  "session's id");
	} else if (rest) {
		return cli_usage_error("regrade", "no arguments expected, not '%s'", argv[optind]);
	}
	if (o.has_credit && o.action != ACT_OVERRIDE)
		return cli_usage_error("regrade", "--credit goes with --override");
	const char *why;
	if (o.class_name && !roster_valid_class(o.class_name, &why))
		return cli_usage_error("regrade", "--class: %s", why);
	return cli_finish(regrade(&o));
}
