/* cmd_import.c - `recall import --format gift`: a GIFT file as a draft bank */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "draft.h"
#include "gift.h"
#include "text.h"
#include "util.h"

static const char import_usage[] =
	"Usage: recall import --format gift FILE --article ARTICLE.md [-o BANK.yaml]\n"
	"\n"
	"Turns a Moodle GIFT file into a draft bank for ARTICLE: short answers\n"
	"become text questions (every fully right answer accepted), multiple choice\n"
	"choice questions (select-all when several answers carry credit),\n"
	"true/false claims, matching match questions, numerical number questions\n"
	"with their tolerance, and a missing word a cloze. Question names become\n"
	"ids, // [tag:x] comments tags, general feedback the explanation. The\n"
	"draft has no sources: recall check asks for them. Bad GIFT is reported\n"
	"at its line and column and nothing is written; what a bank cannot hold\n"
	"(partial-credit answers, per-answer feedback, descriptions, essays) is\n"
	"said on standard error.\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT      gift (required)\n"
	"  -a, --article FILE    the article the questions are about (required)\n"
	"  -o, --output FILE     write the bank to FILE (a new file) instead of\n"
	"                        standard output\n"
	"  -h, --help            show this help\n";

static void warn(const char *file, const gift_question *q, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void warn(const char *file, const gift_question *q, const char *fmt, ...)
{
	buf line, clean;
	buf_init(&line);
	buf_init(&clean);
	buf_printf(&line, "%s:%d:%d: warning: ", file, q->line, q->col);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&line, fmt, ap);
	va_end(ap);
	text_sanitize(line.ptr, line.len, &clean);
	fprintf(stderr, "%s\n", clean.ptr);
	buf_release(&line);
	buf_release(&clean);
}

/* An id from a question's name: lower case letters, digits and '-'. */
static void make_id(const gift_question *q, size_t number, buf *ids, buf *out)
{
	buf_clear(out);
	if (q->name) {
		bool dash = false;
		for (const unsigned char *p = (const unsigned char *)q->name; *p; p++) {
			if (isalnum(*p) || *p == '_') {
				if (dash && out->len)
					buf_putc(out, '-');
				buf_putc(out, (char)tolower(*p));
				dash = false;
			} else {
				dash = true;
			}
		}
	}
	if (!out->len)
		buf_printf(out, "q%zu", number);
	/* ids holds "\n" + each id + "\n", so a search finds a whole one. */
	size_t base = out->len;
	for (int k = 2;; k++) {
		buf probe;
		buf_init(&probe);
		buf_printf(&probe, "\n%s\n", out->ptr);
		bool taken = strstr(ids->ptr, probe.ptr) != NULL;
		buf_release(&probe);
		if (!taken)
			break;
		buf_truncate(out, base);
		buf_printf(out, "-%d", k);
	}
	buf_printf(ids, "%s\n", out->ptr);
}

static void field(buf *out, const char *name, const char *value)
{
	buf_printf(out, "    %s: ", name);
	draft_yaml_scalar(out, value);
	buf_putc(out, '\n');
}

/* A scalar inside a flow sequence, where a plain scalar may not hold
 * , [ ] { }: those are double-quoted. */
static void flow_scalar(buf *out, const char *s)
{
	if (!strpbrk(s, ",[]{}")) {
		draft_yaml_scalar(out, s);
		return;
	}
	buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(out, "\\%c", *p);
		else if (*p < 0x20)
			buf_printf(out, "\\x%02x", *p);
		else
			buf_putc(out, (char)*p);
	}
	buf_putc(out, '"');
}

static void list_field(buf *out, const char *name, const char *const *items, size_t n)
{
	buf_printf(out, "    %s: [", name);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(out, ", ");
		flow_scalar(out, items[i]);
	}
	buf_puts(out, "]\n");
}

static void number_field(buf *out, const char *name, double x)
{
	/* Twelve digits: a range's half-width (3.141..3.142) comes out of
	 * binary arithmetic a hair off. */
	buf_printf(out, "    %s: %.12g\n", name, x);
}

/* The explanation and, when the feedback ends with Source: “…” as
 * export-bank writes it, the source quote again. */
static void feedback_fields(buf *out, const char *feedback)
{
	if (!feedback || !*feedback)
		return;
	const char *src = strstr(feedback, "Source: “");
	size_t n = strlen(feedback);
	if (src && n >= 3 && strcmp(feedback + n - 3, "”") == 0) {
		buf quote;
		buf_init(&quote);
		const char *q0 = src + strlen("Source: “");
		buf_append(&quote, q0, (size_t)(feedback + n - 3 - q0));
		buf explain;
		buf_init(&explain);
		buf_append(&explain, feedback, (size_t)(src - feedback));
		while (explain.len && explain.ptr[explain.len - 1] == ' ')
			buf_truncate(&explain, explain.len - 1);
		if (explain.len)
			field(out, "explain", explain.ptr);
		field(out, "source", quote.ptr);
		buf_release(&explain);
		buf_release(&quote);
		return;
	}
	field(out, "explain", feedback);
}

static bool full(const gift_answer *a)
{
	return a->weight >= 100 - 1e-9;
}

/* One question as YAML; false (with a warning said) when a bank cannot
 * hold it. */
static bool write_question(const char *file, const gift_question *q, const char *id, buf *out)
{
	buf body;
	buf_init(&body);
	const char **right = xcalloc(q->n_answers + 1, sizeof *right);
	size_t n_right = 0;
	bool ok = true, dropped_partial = false, dropped_feedback = false;
	for (size_t i = 0; i < q->n_answers; i++) {
		if (q->answers[i].feedback && *q->answers[i].feedback && q->type != GIFT_TRUEFALSE)
			dropped_feedback = true;
	}
	switch (q->type) {
	case GIFT_SHORT:
		for (size_t i = 0; i < q->n_answers; i++) {
			if (full(&q->answers[i]))
				right[n_right++] = q->answers[i].text;
			else if (q->answers[i].weight > 0)
				dropped_partial = true;
		}
		if (!n_right) {
			warn(file, q, "question '%s': no answer has full credit; left out", id);
			ok = false;
			break;
		}
		if (q->after) {
			buf text;
			buf_init(&text);
			buf_puts(&text, q->text);
			if (text.len)
				buf_putc(&text, ' ');
			buf_puts(&text, "{{");
			for (size_t i = 0; i < n_right; i++)
				buf_printf(&text, "%s%s", i ? "|" : "", right[i]);
			buf_puts(&text, "}}");
			if (!strchr(".,;:!?)'’", q->after[0]))
				buf_putc(&text, ' ');
			buf_puts(&text, q->after);
			buf_puts(&body, "    kind: cloze\n");
			field(&body, "text", text.ptr);
			buf_release(&text);
		} else {
			buf_puts(&body, "    kind: text\n");
			field(&body, "prompt", q->text);
			field(&body, "answer", right[0]);
			if (n_right > 1)
				list_field(&body, "accept", right + 1, n_right - 1);
		}
		break;
	case GIFT_CHOICE:
	case GIFT_MULTI: {
		const char **choices = xcalloc(q->n_answers + 1, sizeof *choices);
		for (size_t i = 0; i < q->n_answers; i++) {
			choices[i] = q->answers[i].text;
			if (q->type == GIFT_CHOICE ? full(&q->answers[i]) : q->answers[i].weight > 0)
				right[n_right++] = q->answers[i].text;
			else if (q->type == GIFT_CHOICE && q->answers[i].weight > 0)
				dropped_partial = true;
		}
		buf_puts(&body, "    kind: choice\n");
		if (q->after) {
			buf text;
			buf_init(&text);
			buf_printf(&text, "%s ___%s%s", q->text, strchr(".,;:!?)'’", q->after[0]) ? "" : " ",
			           q->after);
			field(&body, "prompt", text.ptr);
			buf_release(&text);
		} else {
			field(&body, "prompt", q->text);
		}
		list_field(&body, "choices", choices, q->n_answers);
		if (n_right == 1 && q->type == GIFT_CHOICE)
			field(&body, "answer", right[0]);
		else
			list_field(&body, "answers", right, n_right);
		free(choices);
		if (!n_right) {
			warn(file, q, "question '%s': no answer carries credit; left out", id);
			ok = false;
		}
		break;
	}
	case GIFT_TRUEFALSE:
		buf_puts(&body, "    kind: claim\n");
		field(&body, "prompt", q->text);
		buf_printf(&body, "    answer: %s\n", q->truth ? "true" : "false");
		if (!q->truth && q->n_answers && q->answers[0].feedback && *q->answers[0].feedback)
			field(&body, "correction", q->answers[0].feedback);
		break;
	case GIFT_MATCH:
		buf_puts(&body, "    kind: match\n");
		field(&body, "prompt", q->text);
		buf_puts(&body, "    pairs:\n");
		for (size_t i = 0; i < q->n_answers; i++) {
			if (!*q->answers[i].text) {
				warn(file, q, "question '%s': a right side with no left one ('%s', a "
				              "distractor) is left out",
				     id, q->answers[i].right);
				continue;
			}
			buf_puts(&body, "      - [");
			flow_scalar(&body, q->answers[i].text);
			buf_puts(&body, ", ");
			flow_scalar(&body, q->answers[i].right);
			buf_puts(&body, "]\n");
		}
		break;
	case GIFT_NUMBER: {
		const gift_answer *best = NULL;
		size_t others = 0;
		for (size_t i = 0; i < q->n_answers; i++) {
			if (!q->answers[i].has_number)
				continue;
			if (!best && full(&q->answers[i]))
				best = &q->answers[i];
			else
				others++;
		}
		if (!best) {
			warn(file, q, "question '%s': no number has full credit; left out", id);
			ok = false;
			break;
		}
		buf_puts(&body, "    kind: number\n");
		field(&body, "prompt", q->text);
		number_field(&body, "answer", best->value);
		if (best->tolerance > 0)
			number_field(&body, "tolerance", best->tolerance);
		if (others)
			warn(file, q, "question '%s': %zu more numerical answer%s (partial credit) left out",
			     id, others, others == 1 ? "" : "s");
		break;
	}
	case GIFT_DESCRIPTION:
		warn(file, q, "a description (no answer block) is not a question; left out");
		ok = false;
		break;
	case GIFT_ESSAY:
		warn(file, q, "an essay question ({}) cannot be graded by recall; left out");
		ok = false;
		break;
	}
	if (ok) {
		if (dropped_partial)
			warn(file, q, "question '%s': answers with partial credit left out", id);
		if (dropped_feedback)
			warn(file, q, "question '%s': feedback to single answers left out", id);
		if (q->format && strcasecmp(q->format, "moodle") != 0 &&
		    strcasecmp(q->format, "plain") != 0)
			warn(file, q, "question '%s': its text is [%s]; it is taken as plain text", id,
			     q->format);
		buf_printf(out, "  - id: %s\n", id);
		buf_puts(out, body.ptr);
		feedback_fields(out, q->general_feedback);
		if (q->n_tags)
			list_field(out, "tags", (const char *const *)q->tags, q->n_tags);
	}
	free(right);
	buf_release(&body);
	return ok;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf b;
	buf_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&b, chunk, n);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		buf_release(&b);
		return NULL;
	}
	*len = b.len;
	return buf_detach(&b);
}

/* The article as the bank names it: relative to the bank's folder. */
static char *article_ref(const char *article_path, const char *output)
{
	char *dir_copy = xstrdup(output ? output : "./x");
	char *dir_abs = realpath(dirname(dir_copy), NULL);
	char *art_abs = realpath(article_path, NULL);
	char *ref = dir_abs && art_abs ? draft_relative_path(dir_abs, art_abs) : NULL;
	free(dir_copy);
	free(dir_abs);
	free(art_abs);
	return ref;
}

int cmd_import(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"article", required_argument, NULL, 'a'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *format = NULL, *article_path = NULL, *output = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:a:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "gift") != 0)
				return cli_usage_error("import", "--format must be gift, not '%s'", optarg);
			format = optarg;
			break;
		case 'a':
			article_path = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		default: {
			int status = cli_shared_option("import", c, import_usage, argv, NULL, NULL);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (!format)
		return cli_usage_error("import", "which format? --format gift");
	if (argc - optind != 1)
		return cli_usage_error("import", argc == optind ? "no FILE given" : "give one FILE");
	if (!article_path)
		return cli_usage_error("import", "which article are the questions about? --article "
		                                 "ARTICLE.md");
	const char *path = argv[optind];
	size_t len = 0;
	char *text = read_all(path, &len);
	if (!text) {
		fprintf(stderr, "recall import: cannot read %s: %s\n", path, strerror(errno));
		return EXIT_PROBLEMS;
	}
	char *ref = article_ref(article_path, output);
	if (!ref) {
		fprintf(stderr, "recall import: cannot find the article %s: %s\n", article_path,
		        strerror(errno ? errno : ENOENT));
		free(text);
		return EXIT_PROBLEMS;
	}
	int status = EXIT_OK;
	diag_list *d = diag_list_new();
	gift_file f;
	size_t bad_at = 0;
	if (!text_valid_utf8(text, len, &bad_at)) {
		int line, col;
		diag_locate(text, len, bad_at, &line, &col);
		diag_add(d, DIAG_ERROR, path, line, col, "not UTF-8 text");
		memset(&f, 0, sizeof f);
	} else {
		gift_parse(path, text, len, d, &f);
	}
	if (diag_errors(d)) {
		cli_print_diagnostics(d, TERM_COLOR_AUTO);
		status = EXIT_PROBLEMS;
		goto out;
	}
	buf yaml, ids, id;
	buf_init(&yaml);
	buf_init(&ids);
	buf_init(&id);
	buf_putc(&ids, '\n');
	const char *title = NULL;
	for (size_t i = 0; i < f.count && !title; i++)
		if (f.questions[i].category && *f.questions[i].category)
			title = f.questions[i].category;
	char *base = xstrdup(path);
	char *file_name = basename(base);
	char *dot = strrchr(file_name, '.');
	if (dot && dot != file_name)
		*dot = '\0';
	const char *shown_title = title ? title : file_name;
	const char *slash = strrchr(shown_title, '/');
	if (slash && slash[1])
		shown_title = slash + 1;
	buf_puts(&yaml, "# A draft bank made by recall import from ");
	buf_puts(&yaml, path);
	buf_puts(&yaml, ".\n# A question with no source quote yet: recall check asks for one.\n"
	                "recall: 1\ntitle: ");
	draft_yaml_scalar(&yaml, shown_title);
	buf_puts(&yaml, "\narticle: ");
	draft_yaml_scalar(&yaml, ref);
	buf_puts(&yaml, "\nquestions:\n");
	size_t written = 0;
	for (size_t i = 0; i < f.count; i++) {
		make_id(&f.questions[i], i + 1, &ids, &id);
		written += write_question(path, &f.questions[i], id.ptr, &yaml);
	}
	free(base);
	if (!written) {
		fprintf(stderr, "recall import: %s: no question a bank can hold\n", path);
		status = EXIT_PROBLEMS;
	} else if (output) {
		FILE *o = fopen(output, "wx");
		bool ok = o && fwrite(yaml.ptr, 1, yaml.len, o) == yaml.len;
		if (o && fclose(o) != 0)
			ok = false;
		if (!ok) {
			fprintf(stderr, "recall import: cannot write %s: %s\n", output,
			        errno == EEXIST ? "it exists already (recall never overwrites a bank)"
			                        : strerror(errno));
			status = EXIT_PROBLEMS;
		}
	} else {
		fwrite(yaml.ptr, 1, yaml.len, stdout);
	}
	buf_release(&yaml);
	buf_release(&ids);
	buf_release(&id);
out:
	gift_file_release(&f);
	diag_list_free(d);
	free(ref);
	free(text);
	return cli_finish(status);
}
