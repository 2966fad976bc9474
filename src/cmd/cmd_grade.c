/* cmd_grade.c - `recall grade BANK QID ANSWER`: how a typed answer would be graded */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "cli.h"
#include "grade.h"
#include "text.h"

static const char grade_usage[] =
	"Usage: recall grade [OPTIONS] BANK|PACK QID ANSWER\n"
	"       recall grade [OPTIONS] BANK|PACK < LINES\n"
	"\n"
	"Show how a typed answer to question QID would be graded: its verdict\n"
	"(correct, close, partial, ambiguous, wrong or skipped), its credit from 0\n"
	"to 1 and the rule that decided, separated by tabs. With no QID, read\n"
	"QID<TAB>ANSWER lines from standard input and write one\n"
	"QID<TAB>VERDICT<TAB>CREDIT<TAB>NOTE line for each; a line that cannot be\n"
	"graded (an unknown QID, no tab) gets the verdict `error` and the run goes on.\n"
	"\n"
	"Letters of choice and order answers refer to the bank's own order of the\n"
	"options; the parts of a cloze or match answer are separated by ';'.\n"
	"\n"
	"Options:\n"
	"      --date-order O    read dates like 6/7/2023 as mdy or dmy\n"
	"      --color WHEN      auto, always or never (for diagnostics)\n"
	"  -h, --help            show this help\n";

/* Notes hold bank text: keep them to one line of visible characters. */
static void put_field(const char *s, buf *out)
{
	size_t start = out->len;
	text_sanitize(s, strlen(s), out);
	for (size_t i = start; i < out->len; i++)
		if (out->ptr[i] == '\t' || out->ptr[i] == '\n')
			out->ptr[i] = ' ';
}

static void put_result(const grade_result *res, buf *out)
{
	buf_printf(out, "%s\t%.4g\t", grade_verdict_name(res->verdict), res->credit);
	put_field(res->note, out);
	buf_putc(out, '\n');
}

static void grade_lines(const quiz *q, const grader *g, buf *out)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		char *tab = strchr(line, '\t');
		if (tab)
			*tab = '\0';
		put_field(line, out);
		buf_putc(out, '\t');
		const quiz_question *qq = tab ? quiz_find(q, line) : NULL;
		if (!tab) {
			buf_puts(out, "error\t0\tno tab between the question id and the answer\n");
		} else if (!qq) {
			buf_puts(out, "error\t0\tno question with this id in the bank\n");
		} else {
			grade_result res;
			grader_grade(g, qq, tab + 1, &res);
			put_result(&res, out);
		}
		/* Written line by line, so a pipe sees each verdict as it comes. */
		fwrite(out->ptr, 1, out->len, stdout);
		buf_clear(out);
	}
	free(line);
}

int cmd_grade(int argc, char **argv)
{
	static const struct option options[] = {
		{"date-order", required_argument, NULL, 'D'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	grade_options gopt = {.date_order = QUIZ_DATE_ORDER_UNSET};
	term_color_mode color = TERM_COLOR_AUTO;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case 'D':
			if (!cli_parse_date_order("grade", optarg, &gopt.date_order))
				return EXIT_USAGE;
			break;
		default: {
			int status = cli_shared_option("grade", c, grade_usage, argv, NULL, &color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	int rest = argc - optind;
	if (rest != 1 && rest != 3)
		return cli_usage_error("grade", rest == 0 ? "no BANK given"
		                                          : "give BANK QID ANSWER, or BANK alone to "
		                                            "read lines");
	diag_list *d = diag_list_new();
	quiz *q = bank_open(argv[optind], d);
	if (!q) {
		cli_print_diagnostics(d, color);
		diag_list_free(d);
		return EXIT_PROBLEMS;
	}
	int status = EXIT_OK;
	grader *g = grader_new(q, &gopt);
	buf out;
	buf_init(&out);
	if (rest == 3) {
		const quiz_question *qq = quiz_find(q, argv[optind + 1]);
		if (!qq) {
			buf id;
			buf_init(&id);
			put_field(argv[optind + 1], &id);
			size_t n = quiz_question_count(q);
			const char **ids = xmalloc((n ? n : 1) * sizeof *ids);
			for (size_t i = 0; i < n; i++)
				ids[i] = quiz_question_at(q, i)->id;
			buf guess, bank;
			buf_init(&guess);
			buf_init(&bank);
			text_sanitize(argv[optind], strlen(argv[optind]), &bank);
			fprintf(stderr, "recall grade: %s: no question with the id '%s'%s\n", bank.ptr,
			        id.ptr, cli_suggestion(argv[optind + 1], ids, n, &guess));
			buf_release(&guess);
			buf_release(&bank);
			free(ids);
			buf_release(&id);
			status = EXIT_PROBLEMS;
		} else {
			grade_result res;
			grader_grade(g, qq, argv[optind + 2], &res);
			put_result(&res, &out);
			fwrite(out.ptr, 1, out.len, stdout);
		}
	} else {
		grade_lines(q, g, &out);
	}
	buf_release(&out);
	grader_free(g);
	quiz_free(q);
	diag_list_free(d);
	return cli_finish(status);
}
