/* cmd_export_bank.c - `recall export-bank`: a bank as Moodle GIFT or Anki's plain-text import file */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anki.h"
#include "bank.h"
#include "cli.h"
#include "gift.h"
#include "text.h"

static const char export_bank_usage[] =
	"Usage: recall export-bank --format gift|anki BANK [-o FILE]\n"
	"\n"
	"Writes a bank (or a pack) for another program:\n"
	"  gift   Moodle's GIFT format, for Moodle's question bank (Import > GIFT).\n"
	"         Each question is named by its id and tagged with its tags; accepted\n"
	"         variants (aliases, a family name, an acronym, accept:) become extra\n"
	"         right answers, since Moodle compares short answers exactly. What GIFT\n"
	"         cannot hold (hints, rejected answers, points, units, a cloze of\n"
	"         several blanks) is said on standard error.\n"
	"  anki   Anki's plain-text import file (File > Import): a note per question,\n"
	"         Basic or Cloze, with the answer and the source passage on the back,\n"
	"         the bank's tags, and a guid so that importing again updates them.\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   gift or anki (required)\n"
	"  -o, --output FILE  write to FILE instead of standard output\n"
	"  -h, --help         show this help\n";

typedef struct {
	const char *bank;
} note_ctx;

static void say_note(const quiz_question *q, const char *message, void *ctx)
{
	const note_ctx *n = ctx;
	buf line, clean;
	buf_init(&line);
	buf_init(&clean);
	buf_printf(&line, "%s:%d:%d: note: question '%s': %s", n->bank, q->line, q->col, q->id,
	           message);
	text_sanitize(line.ptr, line.len, &clean);
	fprintf(stderr, "%s\n", clean.ptr);
	buf_release(&line);
	buf_release(&clean);
}

int cmd_export_bank(int argc, char **argv)
{
	static const struct option options[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *format = NULL, *output = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "gift") != 0 && strcmp(optarg, "anki") != 0)
				return cli_usage_error("export-bank", "--format must be gift or anki, not '%s'",
				                       optarg);
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		default: {
			int status = cli_shared_option("export-bank", c, export_bank_usage, argv,
			                               NULL, NULL);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (!format)
		return cli_usage_error("export-bank", "which format? --format gift or --format anki");
	if (argc - optind != 1)
		return cli_usage_error("export-bank", argc == optind ? "no BANK given"
		                                                     : "give one BANK");
	const char *path = argv[optind];
	diag_list *d = diag_list_new();
	quiz *q = bank_open(path, d);
	if (!q) {
		cli_print_diagnostics(d, TERM_COLOR_AUTO);
		diag_list_free(d);
		return EXIT_PROBLEMS;
	}
	diag_list_free(d);
	buf out;
	buf_init(&out);
	note_ctx n = {.bank = path};
	if (strcmp(format, "gift") == 0)
		gift_export(q, &out, say_note, &n);
	else
		anki_export(q, &out);
	int status = EXIT_OK;
	if (output) {
		FILE *f = fopen(output, "wb");
		bool written = f && fwrite(out.ptr, 1, out.len, f) == out.len;
		if (f && fclose(f) != 0)
			written = false;
		if (!written) {
			fprintf(stderr, "recall export-bank: cannot write %s: %s\n", output, strerror(errno));
			status = EXIT_PROBLEMS;
		}
	} else {
		fwrite(out.ptr, 1, out.len, stdout);
	}
	buf_release(&out);
	quiz_free(q);
	return cli_finish(status);
}
