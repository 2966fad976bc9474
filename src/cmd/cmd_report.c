/* cmd_report.c - `recall report --class C`: the teacher's gradebook and item analysis */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "classroom.h"
#include "cli.h"
#include "escape.h"
#include "html_report.h"
#include "progress.h"
#include "report.h"
#include "roster.h"
#include "screen.h"
#include "store.h"

static const char report_usage[] =
	"Usage: recall report --class NAME [--bank BANK] [--format text|csv|json|html]\n"
	"                     [-o FILE]\n"
	"       recall report --class NAME --student ID|SESSION\n"
	"\n"
	"The gradebook of a class on one bank: a row per student (every one on the\n"
	"roster, and anyone else who took the class's exam) with the score of the\n"
	"best and of the last finished attempt, credit by kind of question for the\n"
	"best, the number of attempts and the time the best took; then the class's\n"
	"mean, spread and a histogram of the best scores; then item analysis of\n"
	"each question over every student's first finished attempt: facility (the\n"
	"share of credit earned), the discrimination index (top 27% against bottom\n"
	"27%), flags for questions too easy, too hard or discriminating negatively,\n"
	"and the most common wrong answers as typed (flags need at least 5 students).\n"
	"docs/CLASSROOM.md defines each. A student who did not finish is shown with\n"
	"the score so far and how the attempt ended. On a terminal the text is\n"
	"fitted to its width and paged through $PAGER. CSV has percentages to one\n"
	"decimal and points to two.\n"
	"\n"
	"Only sessions taken in the class count (recall take --class, recall class\n"
	"run). When the class has taken several banks, --bank picks one.\n"
	"\n"
	"Options:\n"
	"      --class NAME     the class (required)\n"
	"  -b, --bank BANK      its title or words of it, its file's path, or 4 or more\n"
	"                       hex digits of its content hash\n"
	"  -f, --format FMT     text (the default), csv (the gradebook: one row per\n"
	"                       student, one column per question), json (everything)\n"
	"                       or html (one self-contained, printable page with\n"
	"                       charts and a page per student)\n"
	"  -o, --output FILE    write the report to FILE instead of the screen\n"
	"      --items          with csv: the item analysis instead, one row per question\n"
	"      --student ID     one student's answer sheet: every answer typed in each\n"
	"                       attempt, its verdict, its credit and the right answer\n"
	"                       (ID may also be the first 4 or more characters of a\n"
	"                       session's id)\n"
	"      --session ID     one session's answer sheet\n"
	"      --db PATH        the database (default $RECALL_DB, or\n"
	"                       ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --color WHEN     auto, always or never\n"
	"  -h, --help           show this help\n";

typedef enum { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON, FORMAT_HTML } report_format;

typedef struct {
	const char *class_name;
	const char *bank;
	const char *db;
	report_format format;
	bool items;
	term_color_mode color;
	const char *student;        /* --student: one student's answer sheet */
	const char *session;        /* --session */
	const char *output;         /* -o: a file instead of stdout */
} report_options;

/* --- Reading ------------------------------------------------------------ */

typedef struct {
	char *title;
	size_t titles;
	buf listed;
} bank_choice;

static int consider_bank(const store_bank_row *row, void *ctx)
{
	bank_choice *c = ctx;
	if (c->title && strcmp(c->title, row->title) == 0)
		return 0;
	if (!c->title)
		c->title = xstrdup(row->title);
	buf_printf(&c->listed, "%s'%s'", c->titles ? ", " : "", row->title);
	c->titles++;
	return 0;
}

static int add_student(const store_roster_row *row, void *ctx)
{
	report_add_student(ctx, row->id, row->name, row->group);
	return 0;
}

static int add_question(const store_question_row *row, void *ctx)
{
	report_add_question(ctx, row->question_id, row->kind, row->prompt, row->answer, row->points);
	return 0;
}

static int add_attempt(const store_session_row *row, void *ctx)
{
	report_add_attempt(ctx, row->uuid, row->learner, row->status, row->started_ms, row->ended_ms,
	                   row->score, row->max_score);
	return 0;
}

static int add_answer(const store_response_row *row, void *ctx)
{
	report_add_answer(ctx, row->session_uuid, row->question_id, row->answer, row->answer_len,
	                  row->verdict, row->credit, row->points, row->override, row->chosen);
	return 0;
}

/* The regrades of the class's answers, as the report shows them. */
typedef struct {
	int64_t at;
	char *by, *reason, *session, *learner, *question_id, *old_verdict, *new_verdict;
	int seq;
	double old_credit, new_credit;
} regrade_note;

typedef struct {
	regrade_note *notes;
	size_t n, cap;
} regrade_notes;

static int add_regrade(const store_regrade_row *row, void *ctx)
{
	regrade_notes *g = ctx;
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 16;
		g->notes = xrealloc(g->notes, g->cap * sizeof *g->notes);
	}
	g->notes[g->n++] = (regrade_note){
		.at = row->at,
		.by = xstrdup(row->by),
		.reason = xstrdup(row->reason),
		.session = xstrdup(row->session_uuid),
		.learner = xstrdup(row->learner),
		.question_id = xstrdup(row->question_id),
		.old_verdict = xstrdup(row->old_verdict),
		.new_verdict = xstrdup(row->new_verdict),
		.seq = row->seq,
		.old_credit = row->old_credit,
		.new_credit = row->new_credit,
	};
	return 0;
}

static void regrade_notes_release(regrade_notes *g)
{
	for (size_t i = 0; i < g->n; i++) {
		regrade_note *n = &g->notes[i];
		free(n->by);
		free(n->reason);
		free(n->session);
		free(n->learner);
		free(n->question_id);
		free(n->old_verdict);
		free(n->new_verdict);
	}
	free(g->notes);
}

/* Reads everything the report needs. EXIT_OK, or a message printed. */
static int read_report(const report_options *o, store *s, report *r, char **bank_title,
                       regrade_notes *regrades)
{
	bank_choice choice = {0};
	buf_init(&choice.listed);
	int status = EXIT_OK;
	if (store_class_banks(s, o->class_name, o->bank, consider_bank, &choice) != STORE_OK) {
		classroom_error("report", "%s", store_errmsg(s));
		status = EXIT_PROBLEMS;
	} else if (choice.titles > 1) {
		classroom_error("report", "class '%s' has results on %zu banks: %s; choose one with "
		                          "--bank",
		                o->class_name, choice.titles, choice.listed.ptr);
		status = EXIT_USAGE;
	}
	buf_release(&choice.listed);
	if (status != EXIT_OK) {
		free(choice.title);
		return status;
	}
	*bank_title = choice.title;
	store_filter f = {.class_name = o->class_name, .bank = o->bank ? o->bank : choice.title};
	const char *spec = f.bank;
	store_status st = store_roster_list(s, o->class_name, add_student, r);
	/* With no results there is no bank to read questions from: the
	 * gradebook is the roster alone. */
	if (st == STORE_OK && spec)
		st = store_list_questions(s, spec, add_question, r);
	if (st == STORE_OK && spec)
		st = store_list_sessions(s, &f, false, 0, add_attempt, r);
	if (st == STORE_OK && spec)
		st = store_list_responses(s, &f, add_answer, r);
	if (st == STORE_OK && spec)
		st = store_regrade_list(s, &f, add_regrade, regrades);
	if (st != STORE_OK) {
		classroom_error("report", "%s", store_errmsg(s));
		return EXIT_PROBLEMS;
	}
	report_compute(r);
	return EXIT_OK;
}

/* --- Text --------------------------------------------------------------- */

typedef struct {
	chart_style style;
	buf *out;
	const regrade_notes *regrades;
} text_out;

static void sgr(text_out *t, const char *code)
{
	if (t->style.color)
		buf_puts(t->out, code);
}

static void percent_cell(text_out *t, bool has, double fraction, int width)
{
	char cell[16];
	if (has)
		snprintf(cell, sizeof cell, "%d%%", progress_percent(fraction));
	else
		snprintf(cell, sizeof cell, "%s", t->style.unicode ? "—" : "-");
	int pad = width - chart_width(cell);
	for (int i = 0; i < pad; i++)
		buf_putc(t->out, ' ');
	buf_puts(t->out, cell);
}

static void time_cell(text_out *t, const report_attempt *a, int width)
{
	buf cell;
	buf_init(&cell);
	if (a && a->ended_ms >= a->started_ms && a->ended_ms)
		screen_clock((long)((a->ended_ms - a->started_ms) / 1000), &cell);
	else
		buf_puts(&cell, t->style.unicode ? "—" : "-");
	int pad = width - chart_width(cell.ptr);
	for (int i = 0; i < pad; i++)
		buf_putc(t->out, ' ');
	buf_puts(t->out, cell.ptr);
	buf_release(&cell);
}

static int widest(const report *r, int min, int max, int field)
{
	int w = min;
	for (size_t i = 0; i < report_student_count(r); i++) {
		const report_student *st = report_student_at(r, i);
		const char *text = field == 0 ? st->id : field == 1 ? st->name : st->group;
		int cw = chart_width(text);
		w = cw > w ? cw : w;
	}
	return w > max ? max : w;
}

/* The gradebook's columns, fitted to the width: a row never wraps. What
 * does not fit goes in this order: the kinds from the right, the time, the
 * group; then names and ids are cut short (with an ellipsis). */
typedef struct {
	int id_w, name_w, group_w;
	bool time;
	unsigned kinds;             /* the kind columns shown */
	int kinds_left_out;
} book_layout;

static int layout_width(const book_layout *l)
{
	int w = 2 + l->id_w + 2 + l->name_w + (l->group_w ? 2 + l->group_w : 0) + 7 + 6 + 6;
	if (l->time)
		w += 8;
	for (int k = 0; k < QUIZ_KIND_COUNT; k++)
		if (l->kinds & (1u << k))
			w += 8;
	return w;
}

static book_layout fit_gradebook(const report *r, int width)
{
	book_layout l = {
		.id_w = widest(r, 2, 16, 0),
		.name_w = widest(r, 4, 24, 1),
		.group_w = widest(r, 0, 10, 2),
		.time = true,
		.kinds = report_kinds(r),
	};
	if (l.group_w && l.group_w < 5)
		l.group_w = 5;
	for (int k = QUIZ_KIND_COUNT - 1; k >= 0 && layout_width(&l) > width; k--) {
		if (l.kinds & (1u << k)) {
			l.kinds &= ~(1u << k);
			l.kinds_left_out++;
		}
	}
	if (layout_width(&l) > width)
		l.time = false;
	if (layout_width(&l) > width)
		l.group_w = 0;
	while (layout_width(&l) > width && l.name_w > 6)
		l.name_w--;
	while (layout_width(&l) > width && l.id_w > 6)
		l.id_w--;
	return l;
}

static void gradebook(text_out *t, const report *r, int width)
{
	book_layout l = fit_gradebook(r, width);
	sgr(t, "\033[2m");
	buf_puts(t->out, "  ");
	chart_cell(t->out, "ID", l.id_w, true, &t->style);
	buf_puts(t->out, "  ");
	chart_cell(t->out, "Name", l.name_w, true, &t->style);
	if (l.group_w) {
		buf_puts(t->out, "  ");
		chart_cell(t->out, "Group", l.group_w, true, &t->style);
	}
	buf_puts(t->out, "  Tries  Best  Last");
	if (l.time)
		buf_puts(t->out, "    Time");
	for (int k = 0; k < QUIZ_KIND_COUNT; k++)
		if (l.kinds & (1u << k))
			buf_printf(t->out, " %7s", quiz_kind_name((quiz_kind)k));
	sgr(t, "\033[0m");
	buf_putc(t->out, '\n');
	bool partials = false;
	for (size_t i = 0; i < report_student_count(r); i++) {
		const report_student *st = report_student_at(r, i);
		buf_puts(t->out, "  ");
		chart_cell(t->out, st->id, l.id_w, true, &t->style);
		buf_puts(t->out, "  ");
		chart_cell(t->out, st->on_roster ? st->name : "(not on the roster)", l.name_w, true,
		           &t->style);
		if (l.group_w) {
			buf_puts(t->out, "  ");
			chart_cell(t->out, st->group, l.group_w, true, &t->style);
		}
		if (!st->attempts) {
			buf_puts(t->out, "      ");
			buf_puts(t->out, t->style.unicode ? "—" : "-");
			buf_puts(t->out, "  ");
			sgr(t, "\033[2m");
			buf_puts(t->out, "not taken");
			sgr(t, "\033[0m");
			buf_putc(t->out, '\n');
			continue;
		}
		buf_printf(t->out, "  %5zu", st->attempts);
		if (!st->best) {
			/* An attempt cut short counts with what it earned, over every
			 * question it had, and says how it ended. */
			const report_attempt *p = st->partial;
			buf_putc(t->out, ' ');
			percent_cell(t, true, p->fraction, 5);
			buf_puts(t->out, "  ");
			buf ended;
			buf_init(&ended);
			buf_printf(&ended, "%s*", store_session_status_name(p->status));
			int used = 2 + l.id_w + 2 + l.name_w + (l.group_w ? 2 + l.group_w : 0) + 7 + 6 + 2;
			sgr(t, "\033[2m");
			chart_cell(t->out, ended.ptr, width - used > 4 ? width - used : 4, false, &t->style);
			sgr(t, "\033[0m");
			buf_release(&ended);
			buf_putc(t->out, '\n');
			partials = true;
			continue;
		}
		buf_putc(t->out, ' ');
		percent_cell(t, true, st->best->fraction, 5);
		buf_putc(t->out, ' ');
		percent_cell(t, true, st->last->fraction, 5);
		if (l.time) {
			buf_putc(t->out, ' ');
			time_cell(t, st->best, 7);
		}
		for (int k = 0; k < QUIZ_KIND_COUNT; k++) {
			if (!(l.kinds & (1u << k)))
				continue;
			double pts = st->best->kind_points[k];
			buf_putc(t->out, ' ');
			percent_cell(t, pts > 0, pts > 0 ? st->best->kind_earned[k] / pts : 0, 7);
		}
		buf_putc(t->out, '\n');
	}
	if (partials) {
		chart_cell(t->out, "  * not finished: the score so far, out of every question; not in "
		                   "the class's figures",
		           width, false, &t->style);
		buf_putc(t->out, '\n');
	}
	if (l.kinds_left_out) {
		buf note;
		buf_init(&note);
		buf_printf(&note, "  (%d kind column%s left out to fit the width; --format csv has "
		                  "them all)",
		           l.kinds_left_out, l.kinds_left_out == 1 ? "" : "s");
		chart_cell(t->out, note.ptr, width, false, &t->style);
		buf_putc(t->out, '\n');
		buf_release(&note);
	}
}

static const char *const bucket_labels[REPORT_BUCKETS] = {
	"0-9%", "10-19%", "20-29%", "30-39%", "40-49%",
	"50-59%", "60-69%", "70-79%", "80-89%", "90-100%",
};

static void class_figures(text_out *t, const report_summary *s, int width)
{
	if (!s->took)
		return;
	buf_putc(t->out, '\n');
	/* Cut to the width as a whole, so the line never wraps. */
	buf line;
	buf_init(&line);
	buf_printf(&line, "Best scores of %zu student%s: mean %d%%, median %d%%, spread (sd) %d points, "
	                  "range %d-%d%%",
	           s->took, s->took == 1 ? "" : "s", progress_percent(s->mean),
	           progress_percent(s->median), (int)floor(s->sd * 100 + 0.5),
	           progress_percent(s->min), progress_percent(s->max));
	chart_cell(t->out, line.ptr, width, false, &t->style);
	buf_putc(t->out, '\n');
	buf_release(&line);
	size_t most = 0;
	for (int b = 0; b < REPORT_BUCKETS; b++)
		most = s->histogram[b] > most ? s->histogram[b] : most;
	for (int b = 0; b < REPORT_BUCKETS; b++) {
		buf_printf(t->out, "  %7s", bucket_labels[b]);
		size_t n = s->histogram[b];
		int longest = width - 9 - 6 < 30 ? width - 9 - 6 : 30;
		longest = longest < 1 ? 1 : longest;
		int bar = most ? (int)((n * (size_t)longest + most - 1) / most) : 0;
		if (n) {
			buf_putc(t->out, ' ');
			sgr(t, "\033[36m");
			for (int i = 0; i < bar; i++)
				buf_puts(t->out, t->style.unicode ? "█" : "#");
			sgr(t, "\033[0m");
			buf_printf(t->out, " %zu", n);
		}
		buf_putc(t->out, '\n');
	}
}

static void flags_text(const report_item *it, buf *out)
{
	const char *sep = "";
	if (it->too_easy) {
		buf_puts(out, "too easy");
		sep = ", ";
	}
	if (it->too_hard) {
		buf_printf(out, "%stoo hard", sep);
		sep = ", ";
	}
	if (it->negative)
		buf_printf(out, "%snegative discrimination", sep);
}

static void item_analysis(text_out *t, const report *r, int width)
{
	const report_summary *s = report_get_summary(r);
	size_t n = report_item_count(r);
	if (!n || !s->took)
		return;
	buf_putc(t->out, '\n');
	buf title;
	buf_init(&title);
	buf_printf(&title, "Item analysis%sfirst finished attempts of %zu student%s",
	           t->style.unicode ? " · " : " - ", s->took, s->took == 1 ? "" : "s");
	if (s->group_size)
		buf_printf(&title, "%stop and bottom %zu", t->style.unicode ? " · " : " - ",
		           s->group_size);
	sgr(t, "\033[1m");
	chart_cell(t->out, title.ptr, width, false, &t->style);
	sgr(t, "\033[0m");
	buf_putc(t->out, '\n');
	buf_clear(&title);
	if (!s->flagged)
		buf_printf(&title, "  (no flags: they need at least %d students, and %zu took it)",
		           REPORT_MIN_STUDENTS, s->took);
	else if (s->took < 10)
		buf_puts(&title, "  (with fewer than 10 students these figures are rough)");
	if (title.len) {
		chart_cell(t->out, title.ptr, width, false, &t->style);
		buf_putc(t->out, '\n');
	}
	buf_release(&title);
	int id_w = 8;
	for (size_t q = 0; q < n; q++) {
		int w = chart_width(report_item_at(r, q)->id);
		id_w = w > id_w ? w : id_w;
	}
	id_w = id_w > 28 ? 28 : id_w;
	/* The figures take 26 columns after the id; a narrow terminal cuts
	 * the id rather than wrap. */
	int room = width - (2 + 3 + 2 + 2 + 8 + 2 + 14);
	if (id_w > room)
		id_w = room > 6 ? room : 6;
	int num_w = n >= 100 ? 3 : n >= 10 ? 2 : 1;
	sgr(t, "\033[2m");
	buf head;
	buf_init(&head);
	buf_printf(&head, "  %*s  ", num_w, "#");
	chart_cell(&head, "Question", id_w, true, &t->style);
	buf_puts(&head, "  Facility  Discrimination  Flags");
	chart_cell(t->out, head.ptr, width, false, &t->style);
	buf_release(&head);
	sgr(t, "\033[0m");
	buf_putc(t->out, '\n');
	int indent = 2 + num_w + 2;
	for (size_t q = 0; q < n; q++) {
		const report_item *it = report_item_at(r, q);
		buf_printf(t->out, "  %*zu  ", num_w, q + 1);
		chart_cell(t->out, it->id, id_w, true, &t->style);
		buf_puts(t->out, "  ");
		percent_cell(t, it->has_facility, it->facility, 8);
		buf_puts(t->out, "  ");
		char d[32];
		if (it->has_discrimination)
			snprintf(d, sizeof d, "%.2f", it->discrimination);
		else
			snprintf(d, sizeof d, "%s", t->style.unicode ? "—" : "-");
		buf_printf(t->out, "%*s%s", 14 - chart_width(d), "", d);
		buf flags;
		buf_init(&flags);
		flags_text(it, &flags);
		int used = 2 + num_w + 2 + id_w + 2 + 8 + 2 + 14 + 2;
		if (flags.len && width - used >= 4) {
			buf_puts(t->out, "  ");
			sgr(t, "\033[33m");
			chart_cell(t->out, flags.ptr, width - used, false, &t->style);
			sgr(t, "\033[0m");
		}
		buf_release(&flags);
		buf_putc(t->out, '\n');
		if (*it->prompt) {
			buf_printf(t->out, "%*s", indent, "");
			sgr(t, "\033[2m");
			chart_cell(t->out, it->prompt, width - indent, false, &t->style);
			sgr(t, "\033[0m");
			buf_putc(t->out, '\n');
		}
		if (it->n_wrong) {
			buf line;
			buf_init(&line);
			buf_puts(&line, "wrong: ");
			for (size_t w = 0; w < it->n_wrong; w++) {
				/* Typed text, so sanitised and cut short, and quoted so an
				 * answer of spaces or commas still shows where it ends. */
				buf one;
				buf_init(&one);
				chart_cell(&one, it->wrong[w].shown, 30, false, &t->style);
				buf_printf(&line, "%s%s%s%s %s%zu", w ? (t->style.unicode ? " · " : "; ") : "",
				           t->style.unicode ? "“" : "\"", one.ptr, t->style.unicode ? "”" : "\"",
				           t->style.unicode ? "×" : "x", it->wrong[w].count);
				buf_release(&one);
			}
			buf_printf(t->out, "%*s", indent, "");
			chart_cell(t->out, line.ptr, width - indent, false, &t->style);
			buf_putc(t->out, '\n');
			buf_release(&line);
		}
	}
}

/* The changes made to the grading after the fact, one line per change
 * made at once. */
static void regrade_section(text_out *t, int width)
{
	if (!t->regrades->n)
		return;
	buf_putc(t->out, '\n');
	sgr(t, "\033[1m");
	buf_puts(t->out, "Regraded");
	sgr(t, "\033[0m");
	buf_putc(t->out, '\n');
	const char *sep = t->style.unicode ? " · " : " - ";
	for (size_t i = 0; i < t->regrades->n;) {
		size_t j = i;
		while (j < t->regrades->n && t->regrades->notes[j].at == t->regrades->notes[i].at &&
		       strcmp(t->regrades->notes[j].reason, t->regrades->notes[i].reason) == 0)
			j++;
		buf line;
		buf_init(&line);
		buf_puts(&line, "  ");
		progress_local_time(&line, t->regrades->notes[i].at);
		buf_printf(&line, "%s%s%s%s%s%zu response%s", sep, t->regrades->notes[i].by, sep,
		           t->regrades->notes[i].reason, sep, j - i, j - i == 1 ? "" : "s");
		chart_cell(t->out, line.ptr, width, false, &t->style);
		buf_putc(t->out, '\n');
		buf_release(&line);
		i = j;
	}
}

static void render_text(const report_options *o, const report *r, const char *bank_title,
                        const regrade_notes *regrades, buf *out)
{
	text_out t = {
		.style = {.unicode = chart_unicode_locale(),
		          .color = term_use_color(o->color, STDOUT_FILENO)},
		.out = out,
		.regrades = regrades,
	};
	int width = term_text_width(STDOUT_FILENO);
	/* The gradebook may use a wide terminal's every column; written to a
	 * file or a pipe with no COLUMNS, it keeps every column. */
	int book_width = isatty(STDOUT_FILENO) || getenv("COLUMNS") ? term_columns(STDOUT_FILENO)
	                                                            : 10000;
	const report_summary *s = report_get_summary(r);
	buf head;
	buf_init(&head);
	buf_printf(&head, "Class %s%s%s", o->class_name, t.style.unicode ? " · " : " - ",
	           bank_title ? bank_title : "no results yet");
	sgr(&t, "\033[1m");
	chart_cell(out, head.ptr, width, false, &t.style);
	sgr(&t, "\033[0m");
	buf_putc(out, '\n');
	buf_release(&head);
	const char *sep = t.style.unicode ? " · " : " - ";
	buf line;
	buf_init(&line);
	buf_printf(&line, "%zu on the roster%s%zu took it", s->on_roster, sep, s->took);
	if (s->unfinished)
		buf_printf(&line, "%s%zu did not finish", sep, s->unfinished);
	buf_printf(&line, "%s%zu not taken", sep, s->not_taken);
	if (s->students > s->on_roster)
		buf_printf(&line, "%s%zu not on the roster", sep, s->students - s->on_roster);
	chart_cell(out, line.ptr, width, false, &t.style);
	buf_release(&line);
	buf_puts(out, "\n\n");
	gradebook(&t, r, book_width);
	class_figures(&t, s, width);
	item_analysis(&t, r, width);
	bool any_wrong = false;
	for (size_t q = 0; q < report_item_count(r); q++)
		any_wrong |= report_item_at(r, q)->n_wrong > 0;
	if (any_wrong && s->took) {
		/* Where a teacher finds an answer the grader should have taken. */
		buf hint;
		buf_init(&hint);
		buf_printf(&hint, "  To count one of them right: recall regrade --class %s --accept "
		                  "QID 'ANSWER'",
		           o->class_name);
		buf_putc(out, '\n');
		sgr(&t, "\033[2m");
		chart_cell(out, hint.ptr, width, false, &t.style);
		sgr(&t, "\033[0m");
		buf_putc(out, '\n');
		buf_release(&hint);
	}
	regrade_section(&t, width);
}

/* --- CSV and JSON ------------------------------------------------------- */

static void csv_text(buf *out, const char *s)
{
	escape_csv_cell(out, s, strlen(s));
}

static void json_text(buf *out, const char *s)
{
	escape_json(out, s, strlen(s));
}

/* CSV numbers are for a spreadsheet and a person: percentages to one
 * decimal, points and indices to two, trailing zeros dropped. */
static void csv_rounded(buf *out, bool has, double x, int decimals)
{
	if (!has)
		return;
	char cell[64];
	snprintf(cell, sizeof cell, "%.*f", decimals, x);
	char *dot = strchr(cell, '.');
	if (dot) {
		char *end = cell + strlen(cell);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	if (strcmp(cell, "-0") == 0)
		strcpy(cell, "0");
	buf_puts(out, cell);
}

static void csv_percent(buf *out, bool has, double fraction)
{
	csv_rounded(out, has, fraction * 100, 1);
}

static void csv_points(buf *out, bool has, double x)
{
	csv_rounded(out, has, x, 2);
}

static void render_csv(const report *r, buf *out)
{
	unsigned kinds = report_kinds(r);
	buf_puts(out, "id,name,group,on_roster,attempts,finished,best_percent,best_points,last_percent,"
	              "last_points,max_points,best_time_s,latest_status,latest_percent");
	for (int k = 0; k < QUIZ_KIND_COUNT; k++)
		if (kinds & (1u << k))
			buf_printf(out, ",kind:%s", quiz_kind_name((quiz_kind)k));
	for (size_t q = 0; q < report_item_count(r); q++) {
		buf col;
		buf_init(&col);
		buf_printf(&col, "q:%s", report_item_at(r, q)->id);
		buf_putc(out, ',');
		escape_csv_cell(out, col.ptr, col.len);
		buf_release(&col);
	}
	buf_puts(out, "\r\n");
	for (size_t i = 0; i < report_student_count(r); i++) {
		const report_student *st = report_student_at(r, i);
		const report_attempt *best = st->best, *last = st->last;
		csv_text(out, st->id);
		buf_putc(out, ',');
		csv_text(out, st->name);
		buf_putc(out, ',');
		csv_text(out, st->group);
		buf_printf(out, ",%d,%zu,%zu,", st->on_roster, st->attempts, st->finished);
		csv_percent(out, best, best ? best->fraction : 0);
		buf_putc(out, ',');
		csv_points(out, best, best ? best->score : 0);
		buf_putc(out, ',');
		csv_percent(out, last, last ? last->fraction : 0);
		buf_putc(out, ',');
		csv_points(out, last, last ? last->score : 0);
		buf_putc(out, ',');
		csv_points(out, best, best ? best->max_score : 0);
		buf_putc(out, ',');
		if (best && best->ended_ms >= best->started_ms)
			buf_printf(out, "%lld", (long long)((best->ended_ms - best->started_ms) / 1000));
		buf_putc(out, ',');
		if (st->latest)
			buf_puts(out, store_session_status_name(st->latest->status));
		buf_putc(out, ',');
		csv_percent(out, st->latest, st->latest ? st->latest->fraction : 0);
		for (int k = 0; k < QUIZ_KIND_COUNT; k++) {
			if (!(kinds & (1u << k)))
				continue;
			buf_putc(out, ',');
			bool has = best && best->kind_points[k] > 0;
			csv_percent(out, has, has ? best->kind_earned[k] / best->kind_points[k] : 0);
		}
		for (size_t q = 0; q < report_item_count(r); q++) {
			buf_putc(out, ',');
			csv_points(out, best && !isnan(best->earned[q]), best ? best->earned[q] : 0);
		}
		buf_puts(out, "\r\n");
	}
}

static void render_items_csv(const report *r, buf *out)
{
	buf_puts(out, "position,id,kind,points,answered,facility_percent,discrimination,too_easy,too_hard,"
	              "negative_discrimination,wrong_answers");
	for (int w = 1; w <= REPORT_WRONG_MAX; w++)
		buf_printf(out, ",wrong_%d,wrong_%d_count", w, w);
	buf_puts(out, "\r\n");
	for (size_t q = 0; q < report_item_count(r); q++) {
		const report_item *it = report_item_at(r, q);
		buf_printf(out, "%zu,", q + 1);
		csv_text(out, it->id);
		buf_putc(out, ',');
		csv_text(out, it->kind);
		buf_putc(out, ',');
		csv_points(out, true, it->points);
		buf_printf(out, ",%zu,", it->answered);
		csv_percent(out, it->has_facility, it->facility);
		buf_putc(out, ',');
		csv_points(out, it->has_discrimination, it->discrimination);
		buf_printf(out, ",%d,%d,%d,%zu", it->too_easy, it->too_hard, it->negative,
		           it->wrong_answers);
		for (size_t w = 0; w < REPORT_WRONG_MAX; w++) {
			buf_putc(out, ',');
			if (w < it->n_wrong) {
				escape_csv_cell(out, it->wrong[w].shown, it->wrong[w].len);
				buf_printf(out, ",%zu", it->wrong[w].count);
			} else {
				buf_putc(out, ',');
			}
		}
		buf_puts(out, "\r\n");
	}
}

static void json_number_or_null(buf *out, bool has, double x)
{
	if (has)
		progress_number(out, x);
	else
		buf_puts(out, "null");
}

static void json_attempt(buf *out, const report *r, const report_attempt *a)
{
	if (!a) {
		buf_puts(out, "null");
		return;
	}
	buf_puts(out, "{\"score\": ");
	progress_number(out, a->fraction);
	buf_puts(out, ", \"points\": ");
	progress_number(out, a->score);
	buf_puts(out, ", \"max_points\": ");
	progress_number(out, a->max_score);
	buf_printf(out, ", \"status\": \"%s\", \"started_at\": \"", store_session_status_name(a->status));
	progress_utc_time(out, a->started_ms);
	buf_puts(out, "\", \"time_s\": ");
	if (a->ended_ms >= a->started_ms && a->ended_ms)
		buf_printf(out, "%lld", (long long)((a->ended_ms - a->started_ms) / 1000));
	else
		buf_puts(out, "null");
	buf_puts(out, ", \"kinds\": {");
	const char *sep = "";
	for (int k = 0; k < QUIZ_KIND_COUNT; k++) {
		if (!(report_kinds(r) & (1u << k)))
			continue;
		buf_printf(out, "%s\"%s\": ", sep, quiz_kind_name((quiz_kind)k));
		double pts = a->kind_points[k];
		json_number_or_null(out, pts > 0, pts > 0 ? a->kind_earned[k] / pts : 0);
		sep = ", ";
	}
	buf_puts(out, "}, \"questions\": {");
	for (size_t q = 0; q < report_item_count(r); q++) {
		if (q)
			buf_puts(out, ", ");
		json_text(out, report_item_at(r, q)->id);
		buf_puts(out, ": ");
		json_number_or_null(out, !isnan(a->earned[q]), a->earned[q]);
	}
	buf_puts(out, "}}");
}

static void render_json(const report_options *o, const report *r, const char *bank_title,
                        const regrade_notes *regrades, buf *out)
{
	const report_summary *s = report_get_summary(r);
	buf_puts(out, "{\n  \"class\": ");
	json_text(out, o->class_name);
	buf_puts(out, ",\n  \"bank\": ");
	if (bank_title)
		json_text(out, bank_title);
	else
		buf_puts(out, "null");
	buf_puts(out, ",\n  \"students\": [");
	for (size_t i = 0; i < report_student_count(r); i++) {
		const report_student *st = report_student_at(r, i);
		buf_puts(out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		json_text(out, st->id);
		buf_puts(out, ", \"name\": ");
		json_text(out, st->name);
		buf_puts(out, ", \"group\": ");
		json_text(out, st->group);
		buf_printf(out, ", \"on_roster\": %s, \"attempts\": %zu, \"finished\": %zu, "
		                "\"latest_status\": ",
		           st->on_roster ? "true" : "false", st->attempts, st->finished);
		if (st->latest)
			buf_printf(out, "\"%s\"", store_session_status_name(st->latest->status));
		else
			buf_puts(out, "null");
		buf_puts(out, ",\n     \"best\": ");
		json_attempt(out, r, st->best);
		buf_puts(out, ",\n     \"last\": ");
		json_attempt(out, r, st->last);
		buf_putc(out, '}');
	}
	buf_puts(out, "\n  ],\n  \"summary\": {");
	buf_printf(out, "\"on_roster\": %zu, \"took\": %zu, \"unfinished\": %zu, \"not_taken\": %zu",
	           s->on_roster, s->took, s->unfinished, s->not_taken);
	const char *names[] = {"mean", "sd", "median", "min", "max"};
	const double values[] = {s->mean, s->sd, s->median, s->min, s->max};
	for (int i = 0; i < 5; i++) {
		buf_printf(out, ", \"%s\": ", names[i]);
		json_number_or_null(out, s->took > 0, values[i]);
	}
	buf_puts(out, ", \"histogram\": [");
	for (int b = 0; b < REPORT_BUCKETS; b++)
		buf_printf(out, "%s%zu", b ? ", " : "", s->histogram[b]);
	buf_printf(out, "]},\n  \"item_analysis\": {\"attempts\": \"first finished\", \"students\": "
	                "%zu, \"group_size\": %zu, \"items\": [",
	           s->took, s->group_size);
	for (size_t q = 0; q < report_item_count(r); q++) {
		const report_item *it = report_item_at(r, q);
		buf_printf(out, "%s\n    {\"position\": %zu, \"id\": ", q ? "," : "", q + 1);
		json_text(out, it->id);
		buf_puts(out, ", \"kind\": ");
		json_text(out, it->kind);
		buf_puts(out, ", \"prompt\": ");
		json_text(out, it->prompt);
		buf_puts(out, ", \"points\": ");
		progress_number(out, it->points);
		buf_printf(out, ", \"answered\": %zu, \"facility\": ", it->answered);
		json_number_or_null(out, it->has_facility, it->facility);
		buf_puts(out, ", \"discrimination\": ");
		json_number_or_null(out, it->has_discrimination, it->discrimination);
		buf_printf(out, ", \"too_easy\": %s, \"too_hard\": %s, \"negative_discrimination\": %s",
		           it->too_easy ? "true" : "false", it->too_hard ? "true" : "false",
		           it->negative ? "true" : "false");
		buf_printf(out, ", \"wrong_answers\": %zu, \"common_wrong\": [", it->wrong_answers);
		for (size_t w = 0; w < it->n_wrong; w++) {
			buf_puts(out, w ? ", {\"answer\": " : "{\"answer\": ");
			escape_json(out, it->wrong[w].shown, it->wrong[w].len);
			buf_printf(out, ", \"count\": %zu}", it->wrong[w].count);
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, "\n  ]},\n  \"regrades\": [");
	for (size_t i = 0; i < regrades->n; i++) {
		const regrade_note *n = &regrades->notes[i];
		buf_puts(out, i ? ",\n    {\"at\": \"" : "\n    {\"at\": \"");
		progress_utc_time(out, n->at);
		buf_puts(out, "\", \"by\": ");
		json_text(out, n->by);
		buf_puts(out, ", \"reason\": ");
		json_text(out, n->reason);
		buf_puts(out, ", \"student\": ");
		json_text(out, n->learner);
		buf_puts(out, ", \"session\": ");
		json_text(out, n->session);
		buf_printf(out, ", \"seq\": %d, \"question\": ", n->seq);
		json_text(out, n->question_id);
		buf_puts(out, ", \"old_verdict\": ");
		json_text(out, n->old_verdict);
		buf_puts(out, ", \"old_credit\": ");
		progress_number(out, n->old_credit);
		buf_puts(out, ", \"new_verdict\": ");
		json_text(out, n->new_verdict);
		buf_puts(out, ", \"new_credit\": ");
		progress_number(out, n->new_credit);
		buf_putc(out, '}');
	}
	buf_puts(out, regrades->n ? "\n  ]\n}\n" : "]\n}\n");
}

/* --- One student's answers -------------------------------------------- */

typedef struct {
	char *uuid;
	store_session_status status;
	int64_t started_ms, ended_ms;
	double score, max_score;
	int planned;
	buf lines;
} sheet_attempt;

typedef struct {
	const char *who;            /* a student id, or NULL */
	const char *session;        /* a session id or its first characters, or NULL */
	sheet_attempt *attempts;
	size_t n, cap;
	const report *r;
	text_out *t;
	int width;
	char *learner;              /* the student the attempts are of */
	bool several_learners;
} sheet;

static bool uuid_matches(const char *uuid, const char *prefix)
{
	size_t n = strlen(prefix);
	return n >= 4 && strncasecmp(uuid, prefix, n) == 0;
}

static int sheet_session(const store_session_row *row, void *ctx)
{
	sheet *sh = ctx;
	if (sh->session && !uuid_matches(row->uuid, sh->session))
		return 0;
	if (sh->learner && strcmp(sh->learner, row->learner) != 0)
		sh->several_learners = true;
	if (!sh->learner)
		sh->learner = xstrdup(row->learner);
	if (sh->n == sh->cap) {
		sh->cap = sh->cap ? sh->cap * 2 : 8;
		sh->attempts = xrealloc(sh->attempts, sh->cap * sizeof *sh->attempts);
	}
	sheet_attempt *a = &sh->attempts[sh->n++];
	*a = (sheet_attempt){
		.uuid = xstrdup(row->uuid),
		.status = row->status,
		.started_ms = row->started_ms,
		.ended_ms = row->ended_ms,
		.score = row->score,
		.max_score = report_attempt_max(sh->r, row->status, row->max_score),
		.planned = row->planned,
	};
	buf_init(&a->lines);
	return 0;
}

static const report_item *find_item(const report *r, const char *id)
{
	for (size_t q = 0; q < report_item_count(r); q++)
		if (strcmp(report_item_at(r, q)->id, id) == 0)
			return report_item_at(r, q);
	return NULL;
}

static void sheet_quoted(sheet *sh, buf *out, const char *label, const char *text, size_t len)
{
	buf cell;
	buf_init(&cell);
	buf_append(&cell, text, len);
	buf line;
	buf_init(&line);
	buf_printf(&line, "%s%s", label, sh->t->style.unicode ? "“" : "\"");
	int room = sh->width - 7 - chart_width(line.ptr) - 1;
	chart_cell(&line, cell.ptr, room > 8 ? room : 8, false, &sh->t->style);
	buf_puts(&line, sh->t->style.unicode ? "”" : "\"");
	buf_puts(out, "       ");
	buf_puts(out, line.ptr);
	buf_putc(out, '\n');
	buf_release(&line);
	buf_release(&cell);
}

static int sheet_response(const store_response_row *row, void *ctx)
{
	sheet *sh = ctx;
	sheet_attempt *a = NULL;
	for (size_t i = 0; i < sh->n; i++)
		if (strcmp(sh->attempts[i].uuid, row->session_uuid) == 0)
			a = &sh->attempts[i];
	if (!a)
		return 0;
	const chart_style *style = &sh->t->style;
	buf head;
	buf_init(&head);
	buf_printf(&head, "%3d  %s%s%s%s", row->seq, row->question_id, style->unicode ? " · " : " - ",
	           row->override ? "counted right (overridden)" : row->verdict,
	           style->unicode ? " · " : " - ");
	progress_number(&head, floor(row->credit * row->points * 100 + 0.5) / 100);
	buf_puts(&head, " of ");
	progress_number(&head, row->points);
	buf_puts(&head, row->points == 1 ? " point" : " points");
	buf_puts(&a->lines, "  ");
	chart_cell(&a->lines, head.ptr, sh->width - 2, false, style);
	buf_putc(&a->lines, '\n');
	buf_release(&head);
	const report_item *it = find_item(sh->r, row->question_id);
	if (it && *it->prompt) {
		buf_puts(&a->lines, "       ");
		sgr(sh->t, "\033[2m");
		chart_cell(&a->lines, it->prompt, sh->width - 7, false, style);
		sgr(sh->t, "\033[0m");
		buf_putc(&a->lines, '\n');
	}
	if (!row->answer_len && strcmp(row->verdict, "skipped") == 0)
		buf_puts(&a->lines, "       (skipped)\n");
	else
		sheet_quoted(sh, &a->lines, "typed: ", row->answer, row->answer_len);
	if (row->chosen && *row->chosen)
		sheet_quoted(sh, &a->lines, "chose: ", row->chosen, strlen(row->chosen));
	if (it && *it->answer && row->credit < 1)
		sheet_quoted(sh, &a->lines, "right: ", it->answer, strlen(it->answer));
	for (size_t i = 0; i < sh->t->regrades->n; i++) {
		const regrade_note *n = &sh->t->regrades->notes[i];
		if (n->seq != row->seq || strcmp(n->session, row->session_uuid) != 0)
			continue;
		buf line;
		buf_init(&line);
		buf_printf(&line, "       regraded: %s %g %s %s %g, by %s, ", n->old_verdict,
		           n->old_credit, style->unicode ? "→" : "->", n->new_verdict, n->new_credit,
		           n->by);
		progress_local_time(&line, n->at);
		chart_cell(&a->lines, line.ptr, sh->width, false, style);
		buf_putc(&a->lines, '\n');
		buf_clear(&line);
		buf_printf(&line, "       (%s)", n->reason);
		chart_cell(&a->lines, line.ptr, sh->width, false, style);
		buf_putc(&a->lines, '\n');
		buf_release(&line);
	}
	return 0;
}

/* Every answer of one student (or of one session): what was typed, the
 * verdict, the credit and the right answer where it was missed. */
static int render_sheet(const report_options *o, store *s, const report *r,
                        const char *bank_title, const regrade_notes *regrades, buf *out)
{
	text_out t = {
		.style = {.unicode = chart_unicode_locale(),
		          .color = term_use_color(o->color, STDOUT_FILENO)},
		.out = out,
		.regrades = regrades,
	};
	sheet sh = {
		.who = o->student,
		.session = o->session,
		.r = r,
		.t = &t,
		.width = term_text_width(STDOUT_FILENO),
	};
	store_filter f = {.class_name = o->class_name, .bank = o->bank ? o->bank : bank_title,
	                  .learner = o->student};
	int status = EXIT_OK;
	store_status st = store_list_sessions(s, &f, false, 0, sheet_session, &sh);
	if (st == STORE_OK && !sh.n && o->student && !o->session) {
		/* Not a student with results: perhaps a session's id. */
		f.learner = NULL;
		sh.session = o->student;
		st = store_list_sessions(s, &f, false, 0, sheet_session, &sh);
		if (sh.several_learners) {
			classroom_error("report", "'%s' starts the ids of sessions of several students; "
			                          "give more of it",
			                o->student);
			status = EXIT_USAGE;
		}
	}
	if (st == STORE_OK && sh.n && status == EXIT_OK) {
		f.learner = sh.learner;
		st = store_list_responses(s, &f, sheet_response, &sh);
	}
	if (st != STORE_OK) {
		classroom_error("report", "%s", store_errmsg(s));
		status = EXIT_PROBLEMS;
	} else if (!sh.n && status == EXIT_OK) {
		if (o->student && !o->session)
			classroom_error("report", "class '%s' has no attempt by a student '%s' (nor a "
			                          "session whose id starts so)",
			                o->class_name, o->student);
		else
			classroom_error("report", "class '%s' has no session whose id starts with '%s'",
			                o->class_name, o->session);
		status = EXIT_PROBLEMS;
	}
	if (status == EXIT_OK) {
		const char *sep = t.style.unicode ? " · " : " - ";
		const report_student *who = NULL;
		for (size_t i = 0; i < report_student_count(r); i++)
			if (strcmp(report_student_at(r, i)->id, sh.learner) == 0)
				who = report_student_at(r, i);
		buf head;
		buf_init(&head);
		buf_printf(&head, "%s", sh.learner);
		if (who && *who->name)
			buf_printf(&head, " %s", who->name);
		buf_printf(&head, "%sclass %s%s%s", sep, o->class_name, sep, bank_title);
		sgr(&t, "\033[1m");
		chart_cell(out, head.ptr, sh.width, false, &t.style);
		sgr(&t, "\033[0m");
		buf_putc(out, '\n');
		buf_release(&head);
		for (size_t i = 0; i < sh.n; i++) {
			const sheet_attempt *a = &sh.attempts[i];
			buf line;
			buf_init(&line);
			buf_printf(&line, "Attempt %zu of %zu%s%s%s%d%% (", i + 1, sh.n, sep,
			           store_session_status_name(a->status), sep,
			           progress_percent(a->max_score > 0 ? a->score / a->max_score : 0));
			progress_number(&line, floor(a->score * 100 + 0.5) / 100);
			buf_putc(&line, '/');
			progress_number(&line, a->max_score);
			buf_printf(&line, ")%s", sep);
			progress_local_time(&line, a->started_ms);
			buf_printf(&line, "%ssession %.8s", sep, a->uuid);
			buf_putc(out, '\n');
			sgr(&t, "\033[1m");
			chart_cell(out, line.ptr, sh.width, false, &t.style);
			sgr(&t, "\033[0m");
			buf_putc(out, '\n');
			buf_release(&line);
			if (a->lines.len)
				buf_puts(out, a->lines.ptr);
			else
				buf_puts(out, "  (no answer)\n");
		}
	}
	for (size_t i = 0; i < sh.n; i++) {
		free(sh.attempts[i].uuid);
		buf_release(&sh.attempts[i].lines);
	}
	free(sh.attempts);
	free(sh.learner);
	return status;
}

/* --- HTML and files ---------------------------------------------------- */

static void render_html(const report_options *o, const report *r, const char *bank_title,
                        const regrade_notes *regrades, buf *out)
{
	html_regrade *lines = xcalloc(regrades->n ? regrades->n : 1, sizeof *lines);
	buf *whens = xcalloc(regrades->n ? regrades->n : 1, sizeof *whens);
	size_t n = 0;
	for (size_t i = 0; i < regrades->n;) {
		size_t j = i;
		while (j < regrades->n && regrades->notes[j].at == regrades->notes[i].at &&
		       strcmp(regrades->notes[j].reason, regrades->notes[i].reason) == 0)
			j++;
		buf_init(&whens[n]);
		progress_local_time(&whens[n], regrades->notes[i].at);
		lines[n] = (html_regrade){.when = whens[n].ptr, .by = regrades->notes[i].by,
		                          .reason = regrades->notes[i].reason, .responses = j - i};
		n++;
		i = j;
	}
	buf generated;
	buf_init(&generated);
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	progress_local_time(&generated, (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000);
	html_report_info info = {
		.class_name = o->class_name,
		.bank_title = bank_title,
		.generated = generated.ptr,
		.regrades = lines,
		.n_regrades = n,
	};
	html_report_write(r, &info, out);
	buf_release(&generated);
	for (size_t i = 0; i < n; i++)
		buf_release(&whens[i]);
	free(whens);
	free(lines);
}

/* Writes the report to `path` whole, or says why not. */
static int write_output(const char *path, const buf *out)
{
	FILE *f = fopen(path, "wb");
	if (!f) {
		classroom_error("report", "cannot write %s: %s", path, strerror(errno));
		return EXIT_PROBLEMS;
	}
	bool written = fwrite(out->ptr, 1, out->len, f) == out->len;
	if (fclose(f) != 0)
		written = false;
	if (!written) {
		classroom_error("report", "cannot write %s: %s", path, strerror(errno));
		return EXIT_PROBLEMS;
	}
	return EXIT_OK;
}

/* --- The command -------------------------------------------------------- */

int cmd_report(int argc, char **argv)
{
	static const struct option options[] = {
		{"class", required_argument, NULL, 'K'},
		{"bank", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"items", no_argument, NULL, 'i'},
		{"student", required_argument, NULL, 's'},
		{"session", required_argument, NULL, 'S'},
		{"db", required_argument, NULL, 'd'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	report_options o = {.color = TERM_COLOR_AUTO};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":b:f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'K':
			o.class_name = optarg;
			break;
		case 'b':
			o.bank = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o.format = FORMAT_TEXT;
			else if (strcmp(optarg, "csv") == 0)
				o.format = FORMAT_CSV;
			else if (strcmp(optarg, "json") == 0)
				o.format = FORMAT_JSON;
			else if (strcmp(optarg, "html") == 0)
				o.format = FORMAT_HTML;
			else
				return cli_usage_error("report", "--format must be text, csv, json or html, not "
				                                 "'%s'",
				                       optarg);
			break;
		case 'i':
			o.items = true;
			break;
		case 's':
			o.student = optarg;
			break;
		case 'S':
			o.session = optarg;
			break;
		case 'o':
			o.output = optarg;
			break;
		default: {
			int status = cli_shared_option("report", c, report_usage, argv,
			                               &o.db, &o.color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind != argc)
		return cli_usage_error("report", "no arguments expected, not '%s'", argv[optind]);
	if (!o.class_name)
		return cli_usage_error("report", "which class? --class NAME");
	const char *why;
	if (!roster_valid_class(o.class_name, &why))
		return cli_usage_error("report", "--class: %s", why);
	if (o.items && o.format != FORMAT_CSV)
		return cli_usage_error("report", "--items goes with --format csv");
	if ((o.student || o.session) && o.format != FORMAT_TEXT)
		return cli_usage_error("report", "--student and --session show text; recall export "
		                                 "--format csv has every answer");
	if (o.session && strlen(o.session) < 4)
		return cli_usage_error("report", "--session needs at least 4 characters of the id");

	store *s = NULL;
	store_class settings;
	int status = classroom_open("report", o.db, o.class_name, false, &s, &settings);
	if (status != EXIT_OK)
		return status;
	report *r = report_new();
	char *bank_title = NULL;
	regrade_notes regrades = {0};
	status = read_report(&o, s, r, &bank_title, &regrades);
	if (status == EXIT_OK && o.bank && !bank_title) {
		/* A --bank the class never took: say so rather than show a
		 * gradebook of nobody. */
		classroom_error("report", "class '%s' has no results on a bank matching '%s'",
		                o.class_name, o.bank);
		status = EXIT_PROBLEMS;
	}
	if (status == EXIT_OK && (o.student || o.session)) {
		buf out;
		buf_init(&out);
		status = render_sheet(&o, s, r, bank_title ? bank_title : "", &regrades, &out);
		if (status == EXIT_OK)
			term_page(out.ptr, out.len);
		buf_release(&out);
	} else if (status == EXIT_OK) {
		buf out;
		buf_init(&out);
		if (o.format == FORMAT_CSV && o.items)
			render_items_csv(r, &out);
		else if (o.format == FORMAT_CSV)
			render_csv(r, &out);
		else if (o.format == FORMAT_JSON)
			render_json(&o, r, bank_title, &regrades, &out);
		else if (o.format == FORMAT_HTML)
			render_html(&o, r, bank_title, &regrades, &out);
		else
			render_text(&o, r, bank_title, &regrades, &out);
		if (o.output)
			status = write_output(o.output, &out);
		else if (o.format == FORMAT_TEXT)
			term_page(out.ptr, out.len);
		else
			fwrite(out.ptr, 1, out.len, stdout);
		buf_release(&out);
	}
	free(bank_title);
	report_free(r);
	regrade_notes_release(&regrades);
	store_close(s);
	return cli_finish(status);
}
