/* cmd_review.c - `recall review [BANK...]`: the questions due now, by the FSRS-6 schedule */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bank.h"
#include "cards.h"
#include "cli.h"
#include "input.h"
#include "grade.h"
#include "session.h"
#include "sitting.h"
#include "store.h"
#include "text.h"

static const char review_usage[] =
	"Usage: recall review [OPTIONS] [BANK...]\n"
	"\n"
	"Ask the questions that are due for review now, across every bank you have\n"
	"answered (or the banks named), the most overdue first. Every answer moves\n"
	"its question's next review: a question you know comes back later and\n"
	"later, one you missed comes back the next day. The schedule is FSRS-6\n"
	"(see 'man recall', REVIEW).\n"
	"\n"
	"Options:\n"
	"      --limit N         ask at most N questions\n"
	"      --new N           also ask up to N questions never answered before,\n"
	"                        from the banks named (or the banks you have answered)\n"
	"      --retention R     the chance of remembering to plan for, 0.70 to 0.99\n"
	"                        (default 0.9): higher means more frequent reviews\n"
	"      --now TIME        review as if it were TIME (YYYY-MM-DD, YYYY-MM-DDTHH:MM;\n"
	"                        default $RECALL_NOW, or now)\n"
	"      --seed N          the seed for shuffling options\n"
	"      --date-order O    read dates like 6/7/2023 as mdy or dmy\n"
	"      --user NAME       whose review (default $RECALL_USER, or your login)\n"
	"      --db PATH         the database (default $RECALL_DB, or\n"
	"                        ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --color WHEN      auto, always or never\n"
	"  -h, --help            show this help\n"
	"\n"
	"At the prompt: :hint, :passage, :skip, :override, :quit, :help, as in take.\n";

typedef struct {
	long limit;
	long new_count;
	double retention;
	bool has_now;
	int64_t now_ms;
	bool has_seed;
	uint64_t seed;
	quiz_date_order date_order;
	const char *user;
	const char *db;
	term_color_mode color;
} review_options;

static int parse_options(int argc, char **argv, review_options *o)
{
	static const struct option options[] = {
		{"limit", required_argument, NULL, 'l'},
		{"new", required_argument, NULL, 'N'},
		{"retention", required_argument, NULL, 'r'},
		{"now", required_argument, NULL, 'w'},
		{"seed", required_argument, NULL, 's'},
		{"date-order", required_argument, NULL, 'D'},
		{"user", required_argument, NULL, 'u'},
		{"db", required_argument, NULL, 'd'},
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
		case 'l':
			if (!cli_parse_count("review", "--limit", optarg, 1000000, &o->limit))
				return EXIT_USAGE;
			break;
		case 'N':
			if (strcmp(optarg, "0") == 0)
				o->new_count = 0;
			else if (!cli_parse_count("review", "--new", optarg, 1000000, &o->new_count))
				return EXIT_USAGE;
			break;
		case 'r': {
			char *end;
			errno = 0;
			double r = strtod(optarg, &end);
			if (errno || *end || end == optarg || !(r >= 0.7 && r <= 0.99))
				return cli_usage_error("review", "--retention takes a number from 0.70 to "
				                                 "0.99, not '%s'", optarg);
			o->retention = r;
			break;
		}
		case 'w':
			if (!cards_parse_time(optarg, &o->now_ms))
				return cli_usage_error("review", "--now takes a time such as 2026-03-01 or "
				                                 "2026-03-01T09:30, not '%s'", optarg);
			o->has_now = true;
			break;
		case 's':
			if (!cli_parse_seed("review", optarg, &o->seed))
				return EXIT_USAGE;
			o->has_seed = true;
			break;
		case 'D':
			if (!cli_parse_date_order("review", optarg, &o->date_order))
				return EXIT_USAGE;
			break;
		case 'u':
			o->user = optarg;
			break;
		case 'h':
			fputs(review_usage, stdout);
			return -1;
		default: {
			int status = cli_shared_option("review", c, review_usage, argv,
			                               &o->db, &o->color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (o->user && (!*o->user || !text_valid_utf8(o->user, strlen(o->user), NULL)))
		return cli_usage_error("review", "--user needs a name in UTF-8");
	if (!o->has_now && getenv("RECALL_NOW") && *getenv("RECALL_NOW") &&
	    !cards_env_now(&o->now_ms))
		return cli_usage_error("review", "RECALL_NOW is not a time: '%s'", getenv("RECALL_NOW"));
	return EXIT_OK;
}

/* One question to ask: where its bank is, and when it fell due. */
typedef struct {
	char *bank_title;
	char *bank_path;      /* NULL when the store has none */
	char *question_id;
	char *answer;         /* the right answer the card was learned for; NULL: none */
	int64_t due_ms;       /* INT64_MAX: a new question */
} due_item;

typedef struct {
	due_item *items;
	size_t count, cap;
	double retention;
	int64_t now_ms;
} due_list;

static void due_add(due_list *l, const char *title, const char *path, const char *qid,
                    const char *answer, int64_t due)
{
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->count++] = (due_item){
		.bank_title = xstrdup(title),
		.bank_path = path ? xstrdup(path) : NULL,
		.question_id = xstrdup(qid),
		.answer = answer ? xstrdup(answer) : NULL,
		.due_ms = due,
	};
}

static void due_release(due_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].bank_title);
		free(l->items[i].bank_path);
		free(l->items[i].question_id);
		free(l->items[i].answer);
	}
	free(l->items);
}

static int64_t card_due(const card_row *row, double retention)
{
	if (retention == CARDS_DEFAULT_RETENTION)
		return row->state.due_ms;
	return cards_due_ms(row->state.last_ms, row->state.memory.stability, retention);
}

static int collect_due(const card_row *row, void *ctx)
{
	due_list *l = ctx;
	int64_t due = card_due(row, l->retention);
	if (due <= l->now_ms)
		due_add(l, row->bank_title, row->bank_path, row->question_id, row->answer, due);
	return 0;
}

/* Most overdue first; questions due at one time by bank and id, so the
 * order does not depend on how the store happens to return them. */
static int by_due(const void *a, const void *b)
{
	const due_item *x = a, *y = b;
	if (x->due_ms != y->due_ms)
		return x->due_ms < y->due_ms ? -1 : 1;
	int c = strcmp(x->bank_title, y->bank_title);
	return c ? c : strcmp(x->question_id, y->question_id);
}

/* Within one bank, questions due at one time come in the bank's order. */
typedef struct {
	const quiz_question *question;
	int64_t due_ms;
	size_t position;
} pick;

static int by_due_then_position(const void *a, const void *b)
{
	const pick *x = a, *y = b;
	if (x->due_ms != y->due_ms)
		return x->due_ms < y->due_ms ? -1 : 1;
	return x->position < y->position ? -1 : x->position > y->position;
}

static size_t question_position(const quiz *q, const quiz_question *qq)
{
	for (size_t i = 0; i < quiz_question_count(q); i++)
		if (quiz_question_at(q, i) == qq)
			return i;
	return 0;
}

/* The banks to draw new questions from: the named ones, or those of the
 * learner's cards. Titles with the path of their newest version. */
typedef struct {
	char **titles;
	char **paths;
	size_t count;
} bank_set;

static void bank_set_add(bank_set *b, const char *title, const char *path)
{
	for (size_t i = 0; i < b->count; i++)
		if (strcmp(b->titles[i], title) == 0)
			return;
	b->titles = xrealloc(b->titles, (b->count + 1) * sizeof *b->titles);
	b->paths = xrealloc(b->paths, (b->count + 1) * sizeof *b->paths);
	b->titles[b->count] = xstrdup(title);
	b->paths[b->count] = path ? xstrdup(path) : NULL;
	b->count++;
}

static void bank_set_release(bank_set *b)
{
	for (size_t i = 0; i < b->count; i++) {
		free(b->titles[i]);
		free(b->paths[i]);
	}
	free(b->titles);
	free(b->paths);
}

/* What a learner already has cards for, to tell new questions by. */
typedef struct {
	bank_set banks;
	char **keys;          /* "title\tqid" */
	size_t count, cap;
} known_cards;

static int collect_known(const card_row *row, void *ctx)
{
	known_cards *k = ctx;
	bank_set_add(&k->banks, row->bank_title, row->bank_path);
	if (k->count == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 256;
		k->keys = xrealloc(k->keys, k->cap * sizeof *k->keys);
	}
	buf key;
	buf_init(&key);
	buf_printf(&key, "%s\t%s", row->bank_title, row->question_id);
	k->keys[k->count++] = buf_detach(&key);
	return 0;
}

static int compare_keys(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool known_has(const known_cards *k, const char *title, const char *qid)
{
	buf key;
	buf_init(&key);
	buf_printf(&key, "%s\t%s", title, qid);
	const char *p = key.ptr;
	bool found = k->count &&
	             bsearch(&p, k->keys, k->count, sizeof *k->keys, compare_keys) != NULL;
	buf_release(&key);
	return found;
}

static void known_release(known_cards *k)
{
	for (size_t i = 0; i < k->count; i++)
		free(k->keys[i]);
	free(k->keys);
	bank_set_release(&k->banks);
}

/* Adds up to `want` questions that have no card yet, bank by bank, each
 * bank's in its own order. */
static void collect_new(store *st, const char *learner, char **specs, int n_specs, long want,
                        due_list *l)
{
	known_cards k = {0};
	for (int i = 0; i < (n_specs ? n_specs : 1); i++)
		cards_list(st, learner, n_specs ? specs[i] : NULL, INT64_MAX, collect_known, &k);
	if (k.count)
		qsort(k.keys, k.count, sizeof *k.keys, compare_keys);
	bank_set from = {0};
	/* A bank named as a file is read from that file, known or not. */
	for (int i = 0; i < n_specs; i++)
		if (access(specs[i], R_OK) == 0)
			bank_set_add(&from, "", specs[i]);
	for (size_t i = 0; i < k.banks.count; i++)
			bank_set_add(&from, k.banks.titles[i], k.banks.paths[i]);
	for (size_t b = 0; b < from.count && want > 0; b++) {
		if (!from.paths[b])
			continue;
		diag_list *d = diag_list_new();
		quiz *q = bank_open(from.paths[b], d);
		diag_list_free(d);
		if (!q)
			continue;
		const char *title = quiz_title(q) ? quiz_title(q) : "";
		for (size_t i = 0; i < quiz_question_count(q) && want > 0; i++) {
			const quiz_question *qq = quiz_question_at(q, i);
			if (known_has(&k, title, qq->id))
				continue;
			due_add(l, title, from.paths[b], qq->id, NULL, INT64_MAX);
			want--;
		}
		quiz_free(q);
	}
	bank_set_release(&from);
	known_release(&k);
}

/* What a run of review holds, released in one place. */
typedef struct {
	store *store;
	input *input;
	char *learner;
	char *history;
} review_state;

/* Asks the `count` due questions of one bank in one sitting. Returns an
 * exit status; *stop when the student quit or the input ended. */
static int review_bank(const review_options *opt, review_state *r, due_item *items, size_t count,
                       bool *stop)
{
	const char *path = items[0].bank_path;
	if (!path) {
		buf title;
		buf_init(&title);
		text_sanitize(items[0].bank_title, strlen(items[0].bank_title), &title);
		fprintf(stderr, "recall review: the store does not know where bank '%s' is; its %zu "
		                "due question%s wait\n", title.ptr, count, count == 1 ? "" : "s");
		buf_release(&title);
		return EXIT_OK;
	}
	diag_list *d = diag_list_new();
	quiz *q = bank_open(path, d);
	if (!q) {
		/* A bank moved or broken since holds up only its own questions. */
		buf title;
		buf_init(&title);
		text_sanitize(items[0].bank_title, strlen(items[0].bank_title), &title);
		fprintf(stderr, "recall review: bank '%s' cannot be read from %s ('recall check' says "
		                "why); its %zu due question%s wait\n",
		        title.ptr, path, count, count == 1 ? "" : "s");
		buf_release(&title);
		diag_list_free(d);
		return EXIT_OK;
	}
	diag_list_free(d);
	pick *picks = xmalloc(count * sizeof *picks);
	const quiz_question **picked = xmalloc(count * sizeof *picked);
	size_t n = 0, gone = 0;
	for (size_t i = 0; i < count; i++) {
		const quiz_question *qq = quiz_find(q, items[i].question_id);
		/* A question whose right answer changed is a new question: what
		 * was learned for the old answer does not schedule it. */
		bool changed = qq && items[i].due_ms != INT64_MAX &&
		               !(items[i].answer && qq->answer_text &&
		                 strcmp(items[i].answer, qq->answer_text) == 0) &&
		               (items[i].answer || qq->answer_text);
		if (qq && !changed)
			picks[n++] = (pick){qq, items[i].due_ms, question_position(q, qq)};
		else if (!qq)
			gone++;
	}
	qsort(picks, n, sizeof *picks, by_due_then_position);
	for (size_t i = 0; i < n; i++)
		picked[i] = picks[i].question;
	free(picks);
	int status = EXIT_OK;
	if (gone)
		fprintf(stderr, "recall review: %zu due question%s no longer in %s\n", gone,
		        gone == 1 ? " is" : "s are", path);
	if (!n)
		goto out;
	grade_options gopt = {.date_order = opt->date_order};
	grader *g = grader_new(q, &gopt);
	session_options so = {
		.mode = SESSION_PRACTICE,
		.seed = opt->seed,
		.allow_hints = true,
		.allow_override = true,
		.questions = picked,
		.question_count = n,
	};
	session *s = session_new(q, g, &so);
	store_session *recorded = NULL;
	store_session_options sso = {
		.learner = r->learner,
		.mode = "review",
		.has_seed = true,
		.seed = (int64_t)opt->seed,
		.planned = (int)n,
		.max_score = session_max_score(s),
	};
	if (store_session_begin(r->store, q, &sso, &recorded) != STORE_OK) {
		fprintf(stderr, "recall review: cannot start a session in %s: %s\n",
		        store_path(r->store), store_errmsg(r->store));
		status = EXIT_PROBLEMS;
	} else {
		buf intro;
		buf_init(&intro);
		buf_printf(&intro, "review · %zu question%s due · :help for commands", n,
		           n == 1 ? "" : "s");
		sitting_options sit = {
			.cmd = "review",
			.quiz = q,
			.session = s,
			.store = r->store,
			.recorded = recorded,
			.learner = r->learner,
			.intro = intro.ptr,
			.input = r->input,
			.color = opt->color,
			.no_comparison = true,
		};
		sitting_result result;
		status = sitting_run(&sit, &result);
		if (result.status != STORE_COMPLETE)
			*stop = true;
		if (status == EXIT_OK && result.signal)
			status = 128 + result.signal;
		buf_release(&intro);
	}
	store_session_free(recorded);
	session_free(s);
	grader_free(g);
out:
	free(picked);
	quiz_free(q);
	return status;
}

/* The summary of what comes next: due later today, tomorrow, this week. */
typedef struct {
	double retention;
	int64_t now_ms;
	size_t today, tomorrow, week, total;
	int64_t next_ms;
} outlook;

static int count_outlook(const card_row *row, void *ctx)
{
	outlook *o = ctx;
	int64_t due = card_due(row, o->retention);
	o->total++;
	int days = cards_days_between(o->now_ms, due);
	if (days <= 0)
		o->today++;
	else if (days == 1)
		o->tomorrow++;
	else if (days < 7)
		o->week++;
	if (due > o->now_ms && (!o->next_ms || due < o->next_ms))
		o->next_ms = due;
	return 0;
}

/* The soonest due card: the first cards_list gives. */
static int first_due(const card_row *row, void *ctx)
{
	outlook *o = ctx;
	if (row->state.due_ms > o->now_ms && (!o->next_ms || row->state.due_ms < o->next_ms))
		o->next_ms = row->state.due_ms;
	return 1;
}

static void print_outlook(store *st, const char *learner, char **specs, int n_specs,
                          const review_options *opt, int64_t now)
{
	outlook o = {.retention = opt->retention, .now_ms = now};
	for (int i = 0; i < (n_specs ? n_specs : 1); i++) {
		const char *spec = n_specs ? specs[i] : NULL;
		if (opt->retention != CARDS_DEFAULT_RETENTION) {
			cards_list(st, learner, spec, INT64_MAX, count_outlook, &o);
			continue;
		}
		/* At 0.9 the store counts them by the due dates it keeps. */
		int64_t bounds[3] = {cards_day_start(now, 1), cards_day_start(now, 2),
		                     cards_day_start(now, 7)};
		size_t before[3] = {0};
		bool any = false;
		if (cards_count(st, learner, spec, bounds, 3, before, &any) != STORE_OK)
			continue;
		o.today += before[0];
		o.tomorrow += before[1] - before[0];
		o.week += before[2] - before[1];
		o.total += any;
		if (!before[0] && any)
			cards_list(st, learner, spec, INT64_MAX, first_due, &o);
	}
	if (!o.total) {
		printf("No questions to review yet: answers given in 'recall take' or 'recall study' "
		       "schedule them.\n");
		return;
	}
	printf("Due: %zu today, %zu tomorrow, %zu more this week.\n", o.today, o.tomorrow, o.week);
	if (o.next_ms && !o.today) {
		time_t t = (time_t)(o.next_ms / 1000);
		struct tm tm;
		localtime_r(&t, &tm);
		char when[32];
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		printf("Next review: %s.\n", when);
	}
}

static int count_bank(const store_bank_row *row, void *ctx)
{
	(void)row;
	(*(size_t *)ctx)++;
	return 0;
}

/* --now: the clock starts at the time given and runs on from there, so
 * answers keep their order. */
typedef struct {
	int64_t start_ms;
	struct timespec started;
} fixed_start;

static fixed_start fixed_clock;

static int64_t fixed_now(void *ctx)
{
	const fixed_start *f = ctx;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return f->start_ms + (int64_t)(ts.tv_sec - f->started.tv_sec) * 1000 +
	       (ts.tv_nsec - f->started.tv_nsec) / 1000000;
}

int cmd_review(int argc, char **argv)
{
	review_options opt = {.retention = CARDS_DEFAULT_RETENTION, .color = TERM_COLOR_AUTO};
	int status = parse_options(argc, argv, &opt);
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
	char **specs = argv + optind;
	int n_specs = argc - optind;

	review_state r = {0};
	due_list due = {.retention = opt.retention};
	r.learner = opt.user ? xstrdup(opt.user) : store_default_learner();
	/* Without --new there is nothing to ask from a database not made yet:
	 * none is made. */
	store_options so = {.path = opt.db, .write = true, .must_exist = !opt.new_count,
	                    .only_existing_folder = true};
	char *err = NULL;
	store_status opened = store_open(&so, &r.store, &err);
	if (opened == STORE_MISSING) {
		free(err);
		printf("No questions to review yet: answers given in 'recall take' or 'recall study' "
		       "schedule them.\n");
		goto out;
	}
	if (opened != STORE_OK) {
		fprintf(stderr, "recall review: %s\n", err);
		free(err);
		status = EXIT_PROBLEMS;
		goto out;
	}
	if (opt.has_now) {
		clock_gettime(CLOCK_MONOTONIC, &fixed_clock.started);
		fixed_clock.start_ms = opt.now_ms;
		store_set_clock(r.store, fixed_now, &fixed_clock);
	}
	due.now_ms = store_now(r.store);

	for (int i = 0; i < n_specs; i++) {
		size_t known = 0;
		if (store_list_banks(r.store, specs[i], count_bank, &known) != STORE_OK) {
			fprintf(stderr, "recall review: %s\n", store_errmsg(r.store));
			status = EXIT_PROBLEMS;
			goto out;
		}
		if (!known && access(specs[i], R_OK) != 0) {
			fprintf(stderr, "recall review: no bank matches '%s': name a bank by its file, its "
			                "title, or 4 or more hex digits of its hash ('recall history' lists "
			                "them)\n", specs[i]);
			status = EXIT_PROBLEMS;
			goto out;
		}
	}

	/* At retention 0.9 the store's due dates hold and its index finds the
	 * due cards alone; any other retention moves every due date. */
	int64_t before = opt.retention == CARDS_DEFAULT_RETENTION ? due.now_ms : INT64_MAX;
	for (int i = 0; i < (n_specs ? n_specs : 1); i++) {
		if (cards_list(r.store, r.learner, n_specs ? specs[i] : NULL, before, collect_due,
		               &due) != STORE_OK) {
			fprintf(stderr, "recall review: %s\n", store_errmsg(r.store));
			status = EXIT_PROBLEMS;
			goto out;
		}
	}
	if (due.count)
		qsort(due.items, due.count, sizeof *due.items, by_due);
	if (opt.limit && due.count > (size_t)opt.limit) {
		for (size_t i = (size_t)opt.limit; i < due.count; i++) {
			free(due.items[i].bank_title);
			free(due.items[i].bank_path);
			free(due.items[i].question_id);
			free(due.items[i].answer);
		}
		due.count = (size_t)opt.limit;
	}
	long room = opt.limit ? opt.limit - (long)due.count : opt.new_count;
	if (opt.new_count && room > 0)
		collect_new(r.store, r.learner, specs, n_specs,
		            room < opt.new_count ? room : opt.new_count, &due);
	if (!due.count) {
		printf("Nothing is due for review now; --new N asks questions never answered.\n");
		print_outlook(r.store, r.learner, specs, n_specs, &opt, due.now_ms);
		goto out;
	}

	r.history = input_history_path();
	input_options io = {.history_path = r.history};
	r.input = input_new(&io);
	/* One sitting per bank, the banks in the order of their most overdue
	 * question, each bank's questions most overdue first. */
	bool *done = xcalloc(due.count, sizeof *done);
	due_item *group = xmalloc(due.count * sizeof *group);
	bool stop = false;
	for (size_t i = 0; i < due.count && !stop && status == EXIT_OK; i++) {
		if (done[i])
			continue;
		size_t n = 0;
		for (size_t j = i; j < due.count; j++) {
			bool same = strcmp(due.items[j].bank_title, due.items[i].bank_title) == 0 &&
			            ((!due.items[j].bank_path && !due.items[i].bank_path) ||
			             (due.items[j].bank_path && due.items[i].bank_path &&
			              strcmp(due.items[j].bank_path, due.items[i].bank_path) == 0));
			if (!done[j] && same) {
				group[n++] = due.items[j];
				done[j] = true;
			}
		}
		status = review_bank(&opt, &r, group, n, &stop);
	}
	free(group);
	free(done);
	if (status == EXIT_OK || status == EXIT_PROBLEMS)
		print_outlook(r.store, r.learner, specs, n_specs, &opt, store_now(r.store));
out:
	input_free(r.input);
	due_release(&due);
	store_close(r.store);
	free(r.learner);
	free(r.history);
	return cli_finish(status);
}
