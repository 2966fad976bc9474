/* cmd_export.c - `recall export`: every saved answer as CSV or JSON, for a gradebook or a script */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "progress.h"
#include "text.h"

static const char export_usage[] =
	"Usage: recall export [--format csv|json] [OPTIONS]\n"
	"\n"
	"Write every saved answer, one row per answer, to standard output: the\n"
	"learner, the bank, the session and how it ended, the question and its kind,\n"
	"the answer exactly as typed, the verdict, the credit, and the times (UTC,\n"
	"ISO 8601). CSV follows RFC 4180 (CRLF line ends, a header row); JSON is an\n"
	"array of objects. Numbers are written as numbers. A CSV cell of text that\n"
	"starts with =, +, -, @, a tab or CR (and is not a plain number) gets a '\n"
	"in front, so that a spreadsheet does not run it as a formula. On a\n"
	"terminal, escape sequences in answers are shown as pictures.\n"
	"\n"
	"Options:\n"
	"  -f, --format FORMAT  csv (the default) or json\n" PROGRESS_HELP
	"\n"
	"Environment: RECALL_DB, RECALL_USER, RECALL_BUSY_TIMEOUT.\n";

typedef enum { FORMAT_CSV, FORMAT_JSON } export_format;

static const char *const columns[] = {
	"learner", "bank",     "bank_hash", "session",       "mode",     "session_status",
	"started_at", "ended_at", "seq",    "question",      "kind",     "points",
	"answer",  "verdict",  "credit",    "graded_credit", "override", "hints",
	"passage", "time_ms",  "answered_at",
};
#define COLUMN_COUNT (sizeof columns / sizeof columns[0])

typedef enum { VALUE_TEXT, VALUE_NUMBER, VALUE_BOOL, VALUE_NULL } value_type;

typedef struct {
	value_type type;
	const char *text;
	size_t len;
	double number;
	bool truth;
} value;

static value text_value(const char *s)
{
	return (value){.type = VALUE_TEXT, .text = s, .len = strlen(s)};
}

static value number_value(double x)
{
	return (value){.type = VALUE_NUMBER, .number = x};
}

static value bool_value(bool b)
{
	return (value){.type = VALUE_BOOL, .truth = b};
}

typedef struct {
	export_format format;
	size_t rows;
	buf out;
	bool write_failed;
	bool to_terminal;    /* stdout is a terminal: text is sanitised on the way */
	buf shown;           /* a text value made safe for the terminal */
} exporter;

static void flush(exporter *e, bool force)
{
	if (e->out.len == 0 || (!force && e->out.len < 65536))
		return;
	if (fwrite(e->out.ptr, 1, e->out.len, stdout) != e->out.len)
		e->write_failed = true;
	buf_clear(&e->out);
}

static void put_value(exporter *e, const value *v)
{
	buf *out = &e->out;
	switch (v->type) {
	case VALUE_TEXT: {
		/* In a file the answers stay byte for byte as typed; on a screen
		 * no escape sequence a student typed may reach the terminal. */
		const char *text = v->text;
		size_t len = v->len;
		if (e->to_terminal) {
			buf_clear(&e->shown);
			text_sanitize(text, len, &e->shown);
			text = e->shown.ptr;
			len = e->shown.len;
		}
		if (e->format == FORMAT_CSV)
			escape_csv_cell(out, text, len);
		else
			escape_json(out, text, len);
		break;
	}
	case VALUE_NUMBER:
		progress_number(out, v->number);
		break;
	case VALUE_BOOL:
		if (e->format == FORMAT_CSV)
			buf_putc(out, v->truth ? '1' : '0');
		else
			buf_puts(out, v->truth ? "true" : "false");
		break;
	case VALUE_NULL:
		if (e->format == FORMAT_JSON)
			buf_puts(out, "null");
		break;
	}
}

static int export_row(const store_response_row *r, void *ctx)
{
	exporter *e = ctx;
	buf started, ended, answered;
	buf_init(&started);
	buf_init(&ended);
	buf_init(&answered);
	progress_utc_time(&started, r->started_ms);
	if (r->ended_ms)
		progress_utc_time(&ended, r->ended_ms);
	progress_utc_time(&answered, r->answered_ms);
	value values[COLUMN_COUNT] = {
		text_value(r->learner),
		text_value(r->bank_title),
		text_value(r->bank_hash),
		text_value(r->session_uuid),
		text_value(r->mode),
		text_value(store_session_status_name(r->session_status)),
		text_value(started.ptr),
		r->ended_ms ? text_value(ended.ptr) : (value){.type = VALUE_NULL},
		number_value(r->seq),
		text_value(r->question_id),
		text_value(r->kind),
		number_value(r->points),
		{.type = VALUE_TEXT, .text = r->answer, .len = r->answer_len},
		text_value(r->verdict),
		number_value(r->credit),
		number_value(r->graded_credit),
		bool_value(r->override),
		number_value(r->hints),
		bool_value(r->passage),
		number_value((double)r->time_ms),
		text_value(answered.ptr),
	};
	if (e->format == FORMAT_JSON)
		buf_puts(&e->out, e->rows ? ",\n{" : "\n{");
	for (size_t i = 0; i < COLUMN_COUNT; i++) {
		if (e->format == FORMAT_CSV) {
			if (i)
				buf_putc(&e->out, ',');
		} else {
			buf_printf(&e->out, "%s\"%s\":", i ? "," : "", columns[i]);
		}
		put_value(e, &values[i]);
	}
	buf_puts(&e->out, e->format == FORMAT_CSV ? "\r\n" : "}");
	e->rows++;
	buf_release(&started);
	buf_release(&ended);
	buf_release(&answered);
	flush(e, false);
	return e->write_failed;
}

int cmd_export(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		PROGRESS_LONG_OPTIONS,
		{0},
	};
	progress_options o = {.color = TERM_COLOR_AUTO};
	export_format format = FORMAT_CSV;
	int c, status;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:" PROGRESS_SHORT_OPTIONS, options, NULL)) != -1) {
		int handled = progress_option("export", c, export_usage, &o, &status);
		if (handled < 0)
			return status;
		if (handled)
			continue;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				format = FORMAT_CSV;
			else if (strcmp(optarg, "json") == 0)
				format = FORMAT_JSON;
			else
				return cli_usage_error("export", "--format must be csv or json, not '%s'",
				                       optarg);
			break;
		default:
			return cli_shared_option("export", c, export_usage, argv, NULL, NULL);
		}
	}
	if (optind != argc)
		return cli_usage_error("export", "no arguments expected, not '%s'", argv[optind]);

	progress_source src;
	status = progress_open("export", &o, &src);
	if (status != EXIT_OK) {
		progress_close(&src);
		return status;
	}
	exporter e = {.format = format, .to_terminal = isatty(STDOUT_FILENO)};
	buf_init(&e.out);
	buf_init(&e.shown);
	if (format == FORMAT_CSV) {
		for (size_t i = 0; i < COLUMN_COUNT; i++)
			buf_printf(&e.out, "%s%s", i ? "," : "", columns[i]);
		buf_puts(&e.out, "\r\n");
	} else {
		buf_putc(&e.out, '[');
	}
	if (src.store && store_list_responses(src.store, &src.filter, export_row, &e) != STORE_OK) {
		progress_error("export", store_errmsg(src.store));
		status = EXIT_PROBLEMS;
	}
	if (format == FORMAT_JSON)
		buf_puts(&e.out, e.rows ? "\n]\n" : "]\n");
	flush(&e, true);
	buf_release(&e.out);
	buf_release(&e.shown);
	progress_close(&src);
	return cli_finish(status);
}
