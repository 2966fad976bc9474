/* cmd_stats.c - `recall stats`: scores, their trend, credit by kind, the questions most often missed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cards.h"
#include "chart.h"
#include "cli.h"
#include "progress.h"
#include "quiz.h"

static const char stats_usage[] =
	"Usage: recall stats [OPTIONS]\n"
	"\n"
	"Sum up saved results: sessions taken, the best, last and mean score of the\n"
	"finished ones (complete, or ended by a time limit) with their trend, credit\n"
	"by kind of question (dates, actors, claims ...), and the questions most\n"
	"often missed (answered wrong or skipped, and not overridden), and the\n"
	"review schedule: questions due now, today, tomorrow and this week, and the\n"
	"retention (how many reviews on a later day were remembered).\n"
	"\n"
	"Options:\n"
	"  -n, --missed N       list at most N missed questions (default 5)\n" PROGRESS_HELP
	"\n"
	"Environment: RECALL_DB, RECALL_USER, RECALL_BUSY_TIMEOUT.\n";

#define LABEL_WIDTH 10
#define BAR_WIDTH 20

typedef struct {
	double *scores;
	size_t count, cap;
} trend;

static int collect_score(const store_session_row *row, void *ctx)
{
	trend *t = ctx;
	if (t->count == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->scores = xrealloc(t->scores, t->cap * sizeof *t->scores);
	}
	t->scores[t->count++] = row->max_score > 0 ? row->score / row->max_score : 0;
	return 0;
}

typedef struct {
	char *kind;
	size_t answers;
	double points, earned;
} kind_row;

typedef struct {
	kind_row *rows;
	size_t count, cap;
} kind_rows;

static int collect_kind(const store_kind_row *row, void *ctx)
{
	kind_rows *k = ctx;
	if (k->count == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->rows = xrealloc(k->rows, k->cap * sizeof *k->rows);
	}
	k->rows[k->count++] = (kind_row){xstrdup(row->kind), row->answers, row->points, row->earned};
	return 0;
}

/* Kinds in the order the bank format lists them; unknown ones after. */
static int compare_kinds(const void *a, const void *b)
{
	const kind_row *x = a, *y = b;
	quiz_kind kx = quiz_kind_parse(x->kind), ky = quiz_kind_parse(y->kind);
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return strcmp(x->kind, y->kind);
}

typedef struct {
	char *id;
	char *prompt;
	size_t asked, missed;
} miss_row;

typedef struct {
	miss_row *rows;
	size_t count, cap;
} miss_rows;

static int collect_miss(const store_miss_row *row, void *ctx)
{
	miss_rows *m = ctx;
	if (m->count == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 8;
		m->rows = xrealloc(m->rows, m->cap * sizeof *m->rows);
	}
	m->rows[m->count++] =
		(miss_row){xstrdup(row->question_id), xstrdup(row->prompt), row->asked, row->missed};
	return 0;
}

static void label(buf *out, const char *text, const chart_style *style)
{
	if (style->color)
		buf_puts(out, "\033[1m");
	buf_printf(out, "%-*s", LABEL_WIDTH, text);
	if (style->color)
		buf_puts(out, "\033[0m");
}

static void heading(buf *out, const char *text, const chart_style *style)
{
	if (style->color)
		buf_puts(out, "\033[1m");
	buf_puts(out, text);
	if (style->color)
		buf_puts(out, "\033[0m");
	buf_putc(out, '\n');
}

static void render_sessions(const store_summary *sum, buf *out, const chart_style *style)
{
	static const store_session_status order[] = {STORE_COMPLETE, STORE_TIMEOUT, STORE_QUIT,
	                                             STORE_INTERRUPTED, STORE_RUNNING};
	label(out, "Sessions", style);
	buf_printf(out, "%zu:", sum->sessions);
	const char *sep = " ";
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		size_t n = sum->by_status[order[i]];
		if (n) {
			buf_printf(out, "%s%zu %s", sep, n, store_session_status_name(order[i]));
			sep = ", ";
		}
	}
	buf_putc(out, '\n');
	label(out, "Scores", style);
	if (sum->finished == 0) {
		buf_puts(out, "none finished yet\n");
		return;
	}
	buf_printf(out, "best %d%%, last %d%%, mean %d%% over %zu finished\n",
	           progress_percent(sum->best), progress_percent(sum->last),
	           progress_percent(sum->mean), sum->finished);
}

static void render_trend(const trend *t, int width, buf *out, const chart_style *style)
{
	if (t->count == 0)
		return;
	const char *note = t->count > 1 ? "  oldest to newest" : "";
	int room = width - LABEL_WIDTH - (int)strlen(note);
	if (room < 8)
		room = 8;
	size_t shown = t->count > (size_t)room ? (size_t)room : t->count;
	label(out, "Trend", style);
	chart_sparkline(out, t->scores + (t->count - shown), shown, style);
	buf_puts(out, note);
	if (shown < t->count)
		buf_printf(out, " (last %zu)", shown);
	buf_putc(out, '\n');
}

static void render_kinds(kind_rows *k, buf *out, const chart_style *style)
{
	if (k->count == 0)
		return;
	qsort(k->rows, k->count, sizeof *k->rows, compare_kinds);
	int kind_w = 4;
	for (size_t i = 0; i < k->count; i++) {
		int w = chart_width(k->rows[i].kind);
		if (w > kind_w)
			kind_w = w;
	}
	if (kind_w > 12)
		kind_w = 12;
	buf_putc(out, '\n');
	heading(out, "Credit by kind", style);
	for (size_t i = 0; i < k->count; i++) {
		const kind_row *r = &k->rows[i];
		double frac = r->points > 0 ? r->earned / r->points : 0;
		buf_puts(out, "  ");
		chart_cell(out, r->kind, kind_w, true, style);
		buf_puts(out, "  ");
		chart_bar(out, frac, BAR_WIDTH, style);
		buf_printf(out, "  %3d%%  %zu answer%s\n", progress_percent(frac), r->answers,
		           r->answers == 1 ? "" : "s");
	}
}

static void render_missed(const miss_rows *m, int width, buf *out, const chart_style *style)
{
	if (m->count == 0)
		return;
	int id_w = 2, count_w = 0;
	for (size_t i = 0; i < m->count; i++) {
		int w = chart_width(m->rows[i].id);
		if (w > id_w)
			id_w = w;
		char counts[64];
		w = snprintf(counts, sizeof counts, "%zu of %zu", m->rows[i].missed, m->rows[i].asked);
		if (w > count_w)
			count_w = w;
	}
	if (id_w > 24)
		id_w = 24;
	buf_putc(out, '\n');
	heading(out, "Most often missed", style);
	for (size_t i = 0; i < m->count; i++) {
		const miss_row *r = &m->rows[i];
		char counts[64];
		snprintf(counts, sizeof counts, "%zu of %zu", r->missed, r->asked);
		buf_printf(out, "  %3d%%  %-*s  ", progress_percent((double)r->missed / (double)r->asked),
		           count_w, counts);
		chart_cell(out, r->id, id_w, *r->prompt != '\0', style);
		if (*r->prompt) {
			int room = width - (2 + 4 + 2 + count_w + 2 + id_w + 2);
			buf_puts(out, "  ");
			chart_cell(out, r->prompt, room < 10 ? 10 : room, false, style);
		}
		buf_putc(out, '\n');
	}
}

/* The review cards the filter covers: how many are due when, and how
 * many of the reviews on a later day were remembered. */
typedef struct {
	int64_t now_ms;
	size_t cards, due_now, today, tomorrow, week;
	long reviews, recalled;
	double retrievability;   /* summed over the cards */
} card_counts;

static int count_card(const card_row *row, void *ctx)
{
	card_counts *c = ctx;
	c->cards++;
	int64_t due = row->state.due_ms;
	int days = cards_days_between(c->now_ms, due);
	if (due <= c->now_ms)
		c->due_now++;
	else if (days <= 0)
		c->today++;
	else if (days == 1)
		c->tomorrow++;
	else if (days < 7)
		c->week++;
	c->reviews += row->state.reviews;
	c->recalled += row->state.recalled;
	int elapsed = cards_days_between(row->state.last_ms, c->now_ms);
	c->retrievability += fsrs_retrievability(NULL, row->state.memory.stability,
	                                         elapsed > 0 ? elapsed : 0);
	return 0;
}

static void render_cards(const card_counts *c, buf *out, const chart_style *style)
{
	if (!c->cards)
		return;
	buf_putc(out, '\n');
	heading(out, "Review", style);
	buf_printf(out, "  %zu question%s scheduled: %zu due now, %zu more today, %zu tomorrow, %zu more "
	                "this week\n",
	           c->cards, c->cards == 1 ? "" : "s", c->due_now, c->today, c->tomorrow, c->week);
	if (c->reviews)
		buf_printf(out, "  retention %d%%: %ld of %ld reviews on a later day remembered\n",
		           progress_percent((double)c->recalled / (double)c->reviews), c->recalled,
		           c->reviews);
	else
		buf_puts(out, "  retention: no review on a later day yet\n");
	buf_printf(out, "  expected recall now %d%% (FSRS-6), the mean over the scheduled questions\n",
	           progress_percent(c->retrievability / (double)c->cards));
}

int cmd_stats(int argc, char **argv)
{
	static const struct option options[] = {
		{"missed", required_argument, NULL, 'n'},
		PROGRESS_LONG_OPTIONS,
		{0},
	};
	progress_options o = {.color = TERM_COLOR_AUTO};
	long missed_limit = 5;
	int c, status;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:" PROGRESS_SHORT_OPTIONS, options, NULL)) != -1) {
		int handled = progress_option("stats", c, stats_usage, &o, &status);
		if (handled < 0)
			return status;
		if (handled)
			continue;
		switch (c) {
		case 'n':
			if (!cli_parse_count("stats", "--missed", optarg, 1000000L, &missed_limit))
				return EXIT_USAGE;
			break;
		default:
			return cli_shared_option("stats", c, stats_usage, argv, NULL, NULL);
		}
	}
	if (optind != argc)
		return cli_usage_error("stats", "no arguments expected, not '%s'", argv[optind]);

	progress_source src;
	status = progress_open("stats", &o, &src);
	if (status != EXIT_OK) {
		progress_close(&src);
		return status;
	}
	store_summary sum = {0};
	trend scores = {0};
	kind_rows kinds = {0};
	miss_rows missed = {0};
	card_counts cards = {0};
	if (src.store) {
		cards.now_ms = store_now(src.store);
		if (cards_list(src.store, src.learner, src.filter.bank, INT64_MAX, count_card, &cards) !=
		    STORE_OK) {
			progress_error("stats", store_errmsg(src.store));
			status = EXIT_PROBLEMS;
		}
		store_filter finished = src.filter;
		finished.finished_only = true;
		if (store_summarize(src.store, &src.filter, &sum) != STORE_OK ||
		    store_list_sessions(src.store, &finished, false, 0, collect_score, &scores) !=
		        STORE_OK ||
		    store_credit_by_kind(src.store, &src.filter, collect_kind, &kinds) != STORE_OK ||
		    store_most_missed(src.store, &src.filter, (size_t)missed_limit, collect_miss,
		                      &missed) != STORE_OK) {
			progress_error("stats", store_errmsg(src.store));
			status = EXIT_PROBLEMS;
		}
	}
	chart_style style = {
		.unicode = chart_unicode_locale(),
		.color = term_use_color(o.color, STDOUT_FILENO),
	};
	int width = term_text_width(STDOUT_FILENO);
	buf out;
	buf_init(&out);
	if (status == EXIT_OK && sum.sessions == 0) {
		buf_puts(&out, "No sessions recorded yet (");
		progress_describe(&src, &o, style.unicode, &out);
		buf_puts(&out, ").\n");
	} else if (status == EXIT_OK) {
		if (style.color)
			buf_puts(&out, "\033[1m");
		progress_describe(&src, &o, style.unicode, &out);
		if (style.color)
			buf_puts(&out, "\033[0m");
		buf_puts(&out, "\n\n");
		render_sessions(&sum, &out, &style);
		render_trend(&scores, width, &out, &style);
		render_kinds(&kinds, &out, &style);
		render_missed(&missed, width, &out, &style);
		render_cards(&cards, &out, &style);
	}
	fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&out);
	free(scores.scores);
	for (size_t i = 0; i < kinds.count; i++)
		free(kinds.rows[i].kind);
	free(kinds.rows);
	for (size_t i = 0; i < missed.count; i++) {
		free(missed.rows[i].id);
		free(missed.rows[i].prompt);
	}
	free(missed.rows);
	progress_close(&src);
	return cli_finish(status);
}
