/* cmd_history.c - `recall history`: the saved sessions, newest first */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "cli.h"
#include "progress.h"
#include "text.h"

static const char history_usage[] =
	"Usage: recall history [OPTIONS] [SESSION]\n"
	"\n"
	"List saved quiz sessions, newest first: when each started, its bank, the\n"
	"mode, the score, and how it ended (complete, quit, interrupted, timeout; a\n"
	"session still being taken is running).\n"
	"\n"
	"With SESSION, show that session's answer sheet instead: each question, the\n"
	"answer as typed, the verdict and the right answer. SESSION is N for the\n"
	"Nth newest session of the list (1 is the newest), or the start of the\n"
	"session's id (8 or more characters of its UUID, as export prints it).\n"
	"\n"
	"Options:\n"
	"  -n, --limit N        the N newest sessions only\n"
	"  -l, --last           the answer sheet of the newest session (as SESSION 1)\n"
	PROGRESS_HELP
	"\n"
	"Environment: RECALL_DB, RECALL_USER, and RECALL_BUSY_TIMEOUT (how many\n"
	"milliseconds to wait for a database another process is writing; 5000).\n";

typedef struct {
	int64_t started_ms;
	char *learner;
	char *bank;
	char *mode;
	char *score;       /* "7.5/10" */
	char *percent;     /* "75%", or "" when there is no maximum */
	store_session_status status;
} history_row;

typedef struct {
	history_row *rows;
	size_t count, cap;
} history_rows;

static int collect(const store_session_row *row, void *ctx)
{
	history_rows *h = ctx;
	if (h->count == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->rows = xrealloc(h->rows, h->cap * sizeof *h->rows);
	}
	history_row *r = &h->rows[h->count++];
	r->started_ms = row->started_ms;
	r->learner = xstrdup(row->learner);
	r->bank = xstrdup(*row->bank_title ? row->bank_title : "(untitled)");
	r->mode = xstrdup(row->mode);
	r->status = row->status;
	buf b;
	buf_init(&b);
	progress_points(&b, row->score);
	if (row->max_score > 0) {
		buf_putc(&b, '/');
		progress_points(&b, row->max_score);
	}
	r->score = buf_detach(&b);
	if (row->max_score > 0)
		buf_printf(&b, "%d%%", progress_percent(row->score / row->max_score));
	r->percent = buf_detach(&b);
	return 0;
}

static void free_rows(history_rows *h)
{
	for (size_t i = 0; i < h->count; i++) {
		history_row *r = &h->rows[i];
		free(r->learner);
		free(r->bank);
		free(r->mode);
		free(r->score);
		free(r->percent);
	}
	free(h->rows);
}

static const char *status_color(store_session_status status)
{
	switch (status) {
	case STORE_COMPLETE:
		return "\033[32m";
	case STORE_RUNNING:
		return "\033[36m";
	default:
		return "\033[33m";
	}
}

static void render(const history_rows *h, bool with_learner, const chart_style *style, int width,
                   buf *out)
{
	int learner_w = 7, bank_w = 4, mode_w = 4, score_w = 5, percent_w = 4, status_w = 6;
	for (size_t i = 0; i < h->count; i++) {
		const history_row *r = &h->rows[i];
		int w;
		if (with_learner && (w = chart_width(r->learner)) > learner_w)
			learner_w = w;
		if ((w = chart_width(r->bank)) > bank_w)
			bank_w = w;
		if ((w = chart_width(r->mode)) > mode_w)
			mode_w = w;
		if ((w = (int)strlen(r->score)) > score_w)
			score_w = w;
		if ((w = (int)strlen(store_session_status_name(r->status))) > status_w)
			status_w = w;
	}
	if (learner_w > 16)
		learner_w = 16;
	/* The bank's title gets what the other columns leave of the line. */
	int fixed = 16 + 2 + (with_learner ? learner_w + 2 : 0) + mode_w + 2 + score_w + 1 +
	            percent_w + 2 + status_w;
	int room = width - fixed - 2;
	if (room < 12)
		room = 12;
	if (bank_w > room)
		bank_w = room;

	if (style->color)
		buf_puts(out, "\033[1m");
	buf_printf(out, "%-16s  ", "DATE");
	if (with_learner)
		buf_printf(out, "%-*s  ", learner_w, "LEARNER");
	buf_printf(out, "%-*s  %-*s  %-*s  STATUS", bank_w, "BANK", mode_w, "MODE",
	           score_w + 1 + percent_w, "SCORE");
	if (style->color)
		buf_puts(out, "\033[0m");
	buf_putc(out, '\n');
	for (size_t i = 0; i < h->count; i++) {
		const history_row *r = &h->rows[i];
		progress_local_time(out, r->started_ms);
		buf_puts(out, "  ");
		if (with_learner) {
			chart_cell(out, r->learner, learner_w, true, style);
			buf_puts(out, "  ");
		}
		chart_cell(out, r->bank, bank_w, true, style);
		buf_puts(out, "  ");
		chart_cell(out, r->mode, mode_w, true, style);
		buf_puts(out, "  ");
		chart_right(out, r->score, score_w);
		buf_putc(out, ' ');
		chart_right(out, r->percent, percent_w);
		buf_puts(out, "  ");
		if (style->color)
			buf_puts(out, status_color(r->status));
		buf_puts(out, store_session_status_name(r->status));
		if (style->color)
			buf_puts(out, "\033[0m");
		buf_putc(out, '\n');
	}
}

/* --- One session's answer sheet ------------------------------------------ */

typedef struct {
	const char *spec;      /* N, or a UUID prefix */
	long nth;              /* > 0: the Nth newest */
	long seen;
	char *uuid;            /* the session found */
	char *bank_hash;
	char *title;
	char *mode;
	int64_t started_ms;
	double score, max_score;
	store_session_status status;
	size_t matches;
} session_pick;

static int pick_session(const store_session_row *row, void *ctx)
{
	session_pick *p = ctx;
	p->seen++;
	bool hit = p->nth ? p->seen == p->nth
	                  : strncasecmp(row->uuid, p->spec, strlen(p->spec)) == 0;
	if (!hit)
		return 0;
	if (++p->matches == 1) {
		p->uuid = xstrdup(row->uuid);
		p->bank_hash = xstrdup(row->bank_hash);
		p->title = xstrdup(*row->bank_title ? row->bank_title : "(untitled)");
		p->mode = xstrdup(row->mode);
		p->started_ms = row->started_ms;
		p->score = row->score;
		p->max_score = row->max_score;
		p->status = row->status;
	}
	return p->nth ? 1 : 0;
}

typedef struct {
	const char *uuid;
	const chart_style *style;
	int width;
	buf *out;
	size_t shown;
} sheet;

/* Appends text from the database as safe terminal text: control bytes and
 * escape sequences shown, never passed through. */
static void safe(buf *out, const char *text, size_t len)
{
	text_sanitize(text, len, out);
}

static int sheet_row(const store_response_row *row, void *ctx)
{
	sheet *sh = ctx;
	if (strcmp(row->session_uuid, sh->uuid) != 0)
		return 0;
	sh->shown++;
	buf *out = sh->out;
	const char *bold = sh->style->color ? "\033[1m" : "";
	const char *reset = sh->style->color ? "\033[0m" : "";
	bool right = strcmp(row->verdict, "correct") == 0 || strcmp(row->verdict, "close") == 0 ||
	             row->override;
	const char *mark_color = !sh->style->color ? ""
	                         : right           ? "\033[32m"
	                         : strcmp(row->verdict, "partial") == 0 ? "\033[33m"
	                                                                 : "\033[31m";
	/* The prompt wrapped to the terminal, under its number. */
	char number[32];
	snprintf(number, sizeof number, "%s%d.%s ", bold, row->seq, reset);
	buf prompt;
	buf_init(&prompt);
	safe(&prompt, row->prompt, strlen(row->prompt));
	text_wrap_options wrap = {.width = sh->width, .first_prefix = number, .rest_prefix = "   "};
	text_wrap(prompt.ptr, prompt.len, &wrap, out);
	buf_release(&prompt);
	buf_puts(out, "   answer: ");
	if (row->answer_len)
		safe(out, row->answer, row->answer_len);
	else
		buf_puts(out, "(none)");
	buf_printf(out, "\n   %s%s%s%s", mark_color, row->verdict, row->override ? ", overridden" : "",
	           reset);
	if (row->points > 0 && !(row->credit == 1 || row->credit == 0)) {
		buf_puts(out, " (");
		progress_points(out, row->credit * row->points);
		buf_puts(out, " of ");
		progress_points(out, row->points);
		buf_puts(out, " points)");
	}
	if (!right && row->right_answer) {
		buf_puts(out, " · right answer: ");
		safe(out, row->right_answer, strlen(row->right_answer));
	}
	buf_putc(out, '\n');
	return 0;
}

static int show_sheet(progress_source *src, const char *spec, const chart_style *style, int width)
{
	session_pick p = {.spec = spec};
	char *end;
	long n = strtol(spec, &end, 10);
	/* Eight characters or more are an id's start, even all in digits. */
	if (*spec && !*end && n > 0 && strlen(spec) < 8)
		p.nth = n;
	else if (strlen(spec) < 8 || strspn(spec, "0123456789abcdefABCDEF-") != strlen(spec))
		return cli_usage_error("history", "SESSION is N (1 for the newest) or 8 or more "
		                                  "characters of a session's id, not '%s'", spec);
	int status = EXIT_OK;
	if (src->store && store_list_sessions(src->store, &src->filter, true,
	                                      p.nth ? (size_t)p.nth : 0, pick_session, &p) != STORE_OK) {
		progress_error("history", store_errmsg(src->store));
		return EXIT_PROBLEMS;
	}
	if (!p.matches) {
		buf msg;
		buf_init(&msg);
		if (p.nth)
			buf_printf(&msg, "there are %ld sessions, not %ld", p.seen, p.nth);
		else
			buf_printf(&msg, "no session's id starts with '%s'", spec);
		progress_error("history", msg.ptr);
		buf_release(&msg);
		status = EXIT_PROBLEMS;
		goto out;
	}
	if (p.matches > 1) {
		progress_error("history", "more than one session's id starts with that; give more of it");
		status = EXIT_PROBLEMS;
		goto out;
	}
	buf out;
	buf_init(&out);
	if (style->color)
		buf_puts(&out, "\033[1m");
	safe(&out, p.title, strlen(p.title));
	if (style->color)
		buf_puts(&out, "\033[0m");
	buf_puts(&out, "\n");
	progress_local_time(&out, p.started_ms);
	buf_printf(&out, " · %s · ", p.mode);
	progress_points(&out, p.score);
	if (p.max_score > 0) {
		buf_puts(&out, " of ");
		progress_points(&out, p.max_score);
		buf_printf(&out, " points (%d%%)", progress_percent(p.score / p.max_score));
	}
	buf_printf(&out, " · %s · session %.8s\n\n", store_session_status_name(p.status), p.uuid);
	store_filter f = src->filter;
	f.bank = p.bank_hash;
	sheet sh = {.uuid = p.uuid, .style = style, .width = width, .out = &out};
	if (store_list_responses(src->store, &f, sheet_row, &sh) != STORE_OK) {
		progress_error("history", store_errmsg(src->store));
		status = EXIT_PROBLEMS;
	} else if (!sh.shown) {
		buf_puts(&out, "No answers were recorded in this session.\n");
	}
	if (status == EXIT_OK)
		fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&out);
out:
	free(p.uuid);
	free(p.bank_hash);
	free(p.title);
	free(p.mode);
	return status;
}

int cmd_history(int argc, char **argv)
{
	static const struct option options[] = {
		{"limit", required_argument, NULL, 'n'},
		{"last", no_argument, NULL, 'l'},
		PROGRESS_LONG_OPTIONS,
		{0},
	};
	progress_options o = {.color = TERM_COLOR_AUTO};
	long limit = 0;
	bool last = false;
	int c, status;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:l" PROGRESS_SHORT_OPTIONS, options, NULL)) != -1) {
		int handled = progress_option("history", c, history_usage, &o, &status);
		if (handled < 0)
			return status;
		if (handled)
			continue;
		switch (c) {
		case 'n':
			if (!cli_parse_count("history", "--limit", optarg, 1000000000L, &limit))
				return EXIT_USAGE;
			break;
		case 'l':
			last = true;
			break;
		default:
			return cli_shared_option("history", c, history_usage, argv, NULL, NULL);
		}
	}
	const char *session_spec = last ? "1" : NULL;
	if (optind < argc && !last && optind == argc - 1)
		session_spec = argv[optind++];
	if (optind != argc)
		return cli_usage_error("history", last ? "--last takes no SESSION, not '%s'"
		                                       : "one SESSION only, not '%s'",
		                       argv[optind]);

	progress_source src;
	status = progress_open("history", &o, &src);
	if (status != EXIT_OK) {
		progress_close(&src);
		return status;
	}
	if (session_spec) {
		chart_style style = {
			.unicode = chart_unicode_locale(),
			.color = term_use_color(o.color, STDOUT_FILENO),
		};
		status = show_sheet(&src, session_spec, &style, term_text_width(STDOUT_FILENO));
		progress_close(&src);
		return cli_finish(status);
	}
	history_rows rows = {0};
	if (src.store &&
	    store_list_sessions(src.store, &src.filter, true, (size_t)limit, collect, &rows) !=
	        STORE_OK) {
		progress_error("history", store_errmsg(src.store));
		status = EXIT_PROBLEMS;
	}
	chart_style style = {
		.unicode = chart_unicode_locale(),
		.color = term_use_color(o.color, STDOUT_FILENO),
	};
	buf out;
	buf_init(&out);
	if (status == EXIT_OK && rows.count == 0) {
		buf_puts(&out, "No sessions recorded yet (");
		progress_describe(&src, &o, style.unicode, &out);
		buf_puts(&out, ").\n");
	} else if (status == EXIT_OK) {
		render(&rows, o.all_users, &style, term_text_width(STDOUT_FILENO), &out);
	}
	fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&out);
	free_rows(&rows);
	progress_close(&src);
	return cli_finish(status);
}
