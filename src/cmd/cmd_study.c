/* cmd_study.c - `recall study ARTICLE|BANK|PACK`: read a section, answer its questions, go on */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bank.h"
#include "cli.h"
#include "grade.h"
#include "input.h"
#include "render.h"
#include "screen.h"
#include "sections.h"
#include "session.h"
#include "sitting.h"
#include "store.h"
#include "text.h"

static const char study_usage[] =
	"Usage: recall study [OPTIONS] ARTICLE|BANK|PACK\n"
	"\n"
	"Read an article a section at a time (heading to heading, or about a screen\n"
	"of text). After each section come the questions on it: those whose source\n"
	"lies in it, and those the bank pins there with `after:`. Questions missed on\n"
	"the way come back once more at the end. Answers are saved as a session of\n"
	"mode study and schedule the questions for 'recall review'.\n"
	"\n"
	"An ARTICLE (a .md file) is studied with its bank: quizzes/NAME.yaml beside\n"
	"the article's folder, or NAME.yaml beside the article.\n"
	"\n"
	"Options:\n"
	"      --seed N          the seed for shuffling options\n"
	"      --date-order O    read dates like 6/7/2023 as mdy or dmy\n"
	"      --user NAME       record answers as NAME (default $RECALL_USER, or your login)\n"
	"      --db PATH         the database (default $RECALL_DB, or\n"
	"                        ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --no-save         do not record anything\n"
	"      --color WHEN      auto, always or never\n"
	"  -h, --help            show this help\n"
	"\n"
	"At the prompt: :passage shows the section again (at no cost), :hint, :skip,\n"
	":override, :quit, :help. Between sections without questions, Enter reads on.\n";

typedef struct {
	bool has_seed;
	uint64_t seed;
	quiz_date_order date_order;
	const char *user;
	const char *db;
	bool no_save;
	term_color_mode color;
} study_options;

static int parse_options(int argc, char **argv, study_options *o, const char **path)
{
	static const struct option options[] = {
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
		case 's':
			if (!cli_parse_seed("study", optarg, &o->seed))
				return EXIT_USAGE;
			o->has_seed = true;
			break;
		case 'D':
			if (!cli_parse_date_order("study", optarg, &o->date_order))
				return EXIT_USAGE;
			break;
		case 'u':
			o->user = optarg;
			break;
		case 'n':
			o->no_save = true;
			break;
		case 'h':
			fputs(study_usage, stdout);
			return -1;
		default: {
			int status = cli_shared_option("study", c, study_usage, argv,
			                               &o->db, &o->color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("study", optind == argc ? "no ARTICLE or BANK given"
		                                               : "one ARTICLE or BANK only");
	*path = argv[optind];
	if (o->user && (!*o->user || !text_valid_utf8(o->user, strlen(o->user), NULL)))
		return cli_usage_error("study", "--user needs a name in UTF-8");
	return EXIT_OK;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The bank of an article: DIR/../quizzes/NAME.yaml, then DIR/NAME.yaml.
 * Returns a new string, or NULL when neither is a file. */
static char *bank_of_article(const char *article_path)
{
	const char *slash = strrchr(article_path, '/');
	size_t dir_len = slash ? (size_t)(slash - article_path) : 0;
	const char *name = slash ? slash + 1 : article_path;
	size_t name_len = strlen(name);
	const char *dot = strrchr(name, '.');
	if (dot)
		name_len = (size_t)(dot - name);
	const char *dir = dir_len ? article_path : ".";
	int dlen = dir_len ? (int)dir_len : 1;
	buf b;
	buf_init(&b);
	buf_printf(&b, "%.*s/../quizzes/%.*s.yaml", dlen, dir, (int)name_len, name);
	if (is_file(b.ptr))
		return buf_detach(&b);
	buf_clear(&b);
	buf_printf(&b, "%.*s/%.*s.yaml", dlen, dir, (int)name_len, name);
	if (is_file(b.ptr))
		return buf_detach(&b);
	buf_release(&b);
	return NULL;
}

/* The reading: the sections, which of them each asked question follows,
 * and how far the reader has got. */
typedef struct {
	const quiz *quiz;
	const article *article;
	section_list *sections;
	size_t *section_of;      /* per question asked in phase one: its section */
	size_t shown;            /* sections shown so far */
	size_t current;          /* the section last shown; SIZE_MAX before the first */
	input *input;
	screen screen;
	bool interactive;
} reading;

static void show_section(reading *rd, size_t i)
{
	buf out;
	buf_init(&out);
	render_options ro = {.width = rd->screen.width, .color = rd->screen.color};
	const section *sec = &rd->sections->items[i];
	buf head;
	buf_init(&head);
	buf_printf(&head, "— section %zu of %zu", i + 1, rd->sections->count);
	if (sec->first_paragraph == sec->last_paragraph && sec->first_paragraph)
		buf_printf(&head, " · ¶%d", sec->first_paragraph);
	else if (sec->first_paragraph)
		buf_printf(&head, " · ¶%d–%d", sec->first_paragraph, sec->last_paragraph);
	buf_puts(&head, " —");
	if (i > 0)
		buf_putc(&out, '\n');
	screen_line(&rd->screen, "note", head.ptr, &out);
	buf_putc(&out, '\n');
	render_blocks(rd->article, &ro, sec->first, sec->stop, i == 0, &out);
	buf_putc(&out, '\n');
	fwrite(out.ptr, 1, out.len, stdout);
	fflush(stdout);
	buf_release(&head);
	buf_release(&out);
	rd->current = i;
}

/* Shows the sections up to `last` (included) not shown yet; between two
 * of them on a terminal, waits for Enter so the text does not run past. */
static void read_up_to(reading *rd, size_t last)
{
	bool first = true;
	while (rd->shown <= last && rd->shown < rd->sections->count) {
		/* The section before had no questions to stop at. */
		if (!first && rd->interactive) {
			char *line = NULL;
			if (input_read(rd->input, "(Enter reads on) ", 0, &line) == INPUT_LINE)
				free(line);
		}
		first = false;
		show_section(rd, rd->shown++);
	}
}

static void before_question(void *ctx, size_t position)
{
	reading *rd = ctx;
	if (rd->section_of)
		read_up_to(rd, rd->section_of[position]);
}

static void look_back(void *ctx, buf *out)
{
	reading *rd = ctx;
	if (rd->current == SIZE_MAX) {
		screen_line(&rd->screen, "note", "Nothing has been read yet.", out);
		return;
	}
	render_options ro = {.width = rd->screen.width, .color = rd->screen.color};
	const section *sec = &rd->sections->items[rd->current];
	char head[64];
	snprintf(head, sizeof head, "— section %zu of %zu, again —", rd->current + 1,
	         rd->sections->count);
	screen_line(&rd->screen, "note", head, out);
	buf_putc(out, '\n');
	render_blocks(rd->article, &ro, sec->first, sec->stop, false, out);
	buf_putc(out, '\n');
}

/* Which section a question follows: its pin, else its source; the end
 * (count) when neither places it. */
static size_t place_of(const section_list *l, const quiz_question *qq)
{
	size_t at = SIZE_MAX;
	if (qq->after_paragraph)
		at = sections_of_paragraph(l, qq->after_paragraph);
	else if (qq->after)
		at = sections_find_heading(l, qq->after);
	else if (qq->source.paragraph)
		at = sections_of_paragraph(l, qq->source.paragraph);
	return at == SIZE_MAX ? l->count ? l->count - 1 : 0 : at;
}

/* What a run of study holds, released in one place. */
typedef struct {
	quiz *quiz;
	grader *grader;
	session *first, *again;
	store *store;
	store_session *recorded;
	input *input;
	reading reading;
	char *bank_path;
	char *history;
	const quiz_question **order;
	const quiz_question **missed;
} study_state;

static void free_state(study_state *t)
{
	store_session_free(t->recorded);
	store_close(t->store);
	input_free(t->input);
	session_free(t->again);
	session_free(t->first);
	grader_free(t->grader);
	sections_free(t->reading.sections);
	free(t->reading.section_of);
	quiz_free(t->quiz);
	free(t->bank_path);
	free(t->history);
	free(t->order);
	free(t->missed);
}

static bool was_missed(const session_response *r)
{
	return !r->overridden &&
	       (r->grade.verdict == GRADE_WRONG || r->grade.verdict == GRADE_SKIPPED);
}

int cmd_study(int argc, char **argv)
{
	study_options opt = {.color = TERM_COLOR_AUTO};
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
	study_state t = {0};
	char *learner = opt.user ? xstrdup(opt.user) : store_default_learner();
	diag_list *d = diag_list_new();
	const char *bank_path = path;
	if (ends_with(path, ".md") || ends_with(path, ".markdown")) {
		t.bank_path = bank_of_article(path);
		if (!t.bank_path) {
			fprintf(stderr, "recall study: no bank found for %s (looked for quizzes/NAME.yaml "
			                "beside its folder and NAME.yaml beside it); name the bank instead\n",
			        path);
			status = EXIT_PROBLEMS;
			goto out;
		}
		bank_path = t.bank_path;
	}
	t.quiz = bank_open(bank_path, d);
	if (!t.quiz) {
		cli_print_diagnostics(d, opt.color);
		status = EXIT_PROBLEMS;
		goto out;
	}
	const article *art = quiz_article(t.quiz);
	if (!art) {
		fprintf(stderr, "recall study: %s has no article to read\n", bank_path);
		status = EXIT_PROBLEMS;
		goto out;
	}
	t.history = input_history_path();
	input_options io = {.history_path = t.history};
	t.input = input_new(&io);
	reading *rd = &t.reading;
	rd->quiz = t.quiz;
	rd->article = art;
	rd->input = t.input;
	rd->current = SIZE_MAX;
	rd->interactive = input_is_terminal(t.input);
	rd->screen.width = input_columns(t.input);
	rd->screen.color = term_use_color(opt.color, STDOUT_FILENO);
	/* About a screen of text: some twenty lines at the width shown. */
	rd->sections = sections_split(art, (size_t)rd->screen.width * 20);

	/* The questions in the order of the sections they follow, each
	 * section's in the bank's order. */
	size_t n = quiz_question_count(t.quiz);
	t.order = xmalloc((n ? n : 1) * sizeof *t.order);
	rd->section_of = xmalloc((n ? n : 1) * sizeof *rd->section_of);
	size_t k = 0;
	for (size_t s = 0; s < rd->sections->count; s++)
		for (size_t i = 0; i < n; i++)
			if (place_of(rd->sections, quiz_question_at(t.quiz, i)) == s) {
				rd->section_of[k] = s;
				t.order[k++] = quiz_question_at(t.quiz, i);
			}
	grade_options gopt = {.date_order = opt.date_order};
	t.grader = grader_new(t.quiz, &gopt);
	session_options so = {
		.mode = SESSION_PRACTICE,
		.seed = opt.seed,
		.allow_hints = true,
		.allow_override = true,
		.questions = t.order,
		.question_count = k,
	};
	t.first = k ? session_new(t.quiz, t.grader, &so) : NULL;
	if (!opt.no_save) {
		store_options sto = {.path = opt.db, .write = true, .only_existing_folder = true};
		char *err = NULL;
		if (store_open(&sto, &t.store, &err) != STORE_OK) {
			fprintf(stderr, "recall study: %s\n", err);
			fprintf(stderr, "recall study: nothing was asked; --no-save studies without "
			                "recording.\n");
			free(err);
			status = EXIT_PROBLEMS;
			goto out;
		}
		store_session_options sso = {
			.learner = learner,
			.mode = "study",
			.has_seed = true,
			.seed = (int64_t)opt.seed,
			.planned = (int)k,
			.max_score = t.first ? session_max_score(t.first) : 0,
		};
		if (store_session_begin(t.store, t.quiz, &sso, &t.recorded) != STORE_OK) {
			fprintf(stderr, "recall study: cannot start a session in %s: %s\n",
			            store_path(t.store), store_errmsg(t.store));
			status = EXIT_PROBLEMS;
			goto out;
		}
	}

	buf text;
	buf_init(&text);
	screen_line(&rd->screen, "bold", quiz_title(t.quiz), &text);
	fwrite(text.ptr, 1, text.len, stdout);
	buf_clear(&text);
	buf intro;
	buf_init(&intro);
	buf_printf(&intro, "study · %zu section%s, %zu question%s · :passage shows the section again, "
	                   ":help for commands",
	           rd->sections->count, rd->sections->count == 1 ? "" : "s", k, k == 1 ? "" : "s");
	/* A narrow window breaks the line between words, not inside one. */
	text_wrap_options wrap = {.width = rd->screen.width, .first_prefix = "", .rest_prefix = ""};
	text_wrap(intro.ptr, intro.len, &wrap, &text);
	if (!text.len || text.ptr[text.len - 1] != '\n')
		buf_putc(&text, '\n');
	buf_putc(&text, '\n');
	fwrite(text.ptr, 1, text.len, stdout);
	buf_clear(&text);
	buf_release(&intro);
	time_t started = time(NULL);
	sitting_result result = {.status = STORE_COMPLETE};
	sitting_options sit = {
		.cmd = "study",
		.quiz = t.quiz,
		.session = t.first,
		.store = t.store,
		.recorded = t.recorded,
		.learner = learner,
		.input = t.input,
		.color = opt.color,
		.part = true,
		.before_question = before_question,
		.look_back = look_back,
		.ctx = rd,
	};
	if (t.first)
		status = sitting_run(&sit, &result);
	if (status == EXIT_OK && result.status == STORE_COMPLETE) {
		/* The rest of the article, after the last section with questions. */
		if (rd->sections->count)
			read_up_to(rd, rd->sections->count - 1);
		size_t n_missed = 0;
		t.missed = xmalloc((k ? k : 1) * sizeof *t.missed);
		for (size_t i = 0; t.first && i < session_response_count(t.first); i++) {
			const session_response *r = session_response_at(t.first, i);
			if (was_missed(r))
				t.missed[n_missed++] = r->question;
		}
		if (n_missed) {
			printf("\n");
			session_options again = so;
			again.questions = t.missed;
			again.question_count = n_missed;
			t.again = session_new(t.quiz, t.grader, &again);
			buf_printf(&text, "Once more, the %zu question%s missed on the way:", n_missed,
			           n_missed == 1 ? "" : "s");
			sit.session = t.again;
			sit.intro = text.ptr;
			sit.before_question = NULL;
			sitting_result second;
			status = sitting_run(&sit, &second);
			result.signal = second.signal;
			if (second.status != STORE_COMPLETE)
				result.status = second.status;
		}
	}
	buf_release(&text);
	/* The score is the first answers': what came back at the end was
	 * practice, recorded for the review schedule. */
	double earned = 0, possible = 0;
	if (t.first)
		session_score(t.first, &earned, &possible);
	if (t.recorded && store_session_end(t.recorded, result.status, earned,
	                                    t.first ? session_max_score(t.first) : 0) != STORE_OK) {
		fprintf(stderr, "recall study: could not save the session's end: %s\n",
		        store_errmsg(t.store));
		status = EXIT_PROBLEMS;
	}
	if (t.first && !(result.status == STORE_INTERRUPTED && input_is_terminal(t.input))) {
		buf out;
		buf_init(&out);
		buf_putc(&out, '\n');
		screen_scorecard(&rd->screen, t.first, (long)(time(NULL) - started), NULL, &out);
		if (result.status != STORE_COMPLETE) {
			char note[96];
			snprintf(note, sizeof note, "Stopped after %zu of %zu questions (%s).",
			         session_response_count(t.first), session_count(t.first),
			         store_session_status_name(result.status));
			screen_line(&rd->screen, "note", note, &out);
		}
		fwrite(out.ptr, 1, out.len, stdout);
		buf_release(&out);
	}
	if (status == EXIT_OK && result.signal)
		status = 128 + result.signal;
out:
	free_state(&t);
	diag_list_free(d);
	free(learner);
	return cli_finish(status);
}
