/* cmd_history.c - `recall history`: the saved sessions, newest first */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "cli.h"
#include "progress.h"

static const char history_usage[] =
	"Usage: recall history [OPTIONS]\n"
	"\n"
	"List saved quiz sessions, newest first: when each started, its bank, the\n"
	"mode, the score, and how it ended (complete, quit, interrupted, timeout; a\n"
	"session still being taken is running).\n"
	"\n"
	"Options:\n"
	"  -n, --limit N        the N newest sessions only\n" PROGRESS_HELP
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

int cmd_history(int argc, char **argv)
{
	static const struct option options[] = {
		{"limit", required_argument, NULL, 'n'},
		PROGRESS_LONG_OPTIONS,
		{0},
	};
	progress_options o = {.color = TERM_COLOR_AUTO};
	long limit = 0;
	int c, status;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":n:" PROGRESS_SHORT_OPTIONS, options, NULL)) != -1) {
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
		case ':':
			return cli_usage_error("history", "%s needs a value", argv[optind - 1]);
		default:
			return cli_usage_error("history", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc)
		return cli_usage_error("history", "no arguments expected, not '%s'", argv[optind]);

	progress_source src;
	status = progress_open("history", &o, &src);
	if (status != EXIT_OK) {
		progress_close(&src);
		return status;
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
