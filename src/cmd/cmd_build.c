/* cmd_build.c - `recall build BANK -o PACK`: compile a bank into a self-contained pack */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bank.h"
#include "cli.h"
#include "pack.h"
#include "text.h"

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char build_usage[] =
	"Usage: recall build [OPTIONS] BANK [-o PACK]\n"
	"\n"
	"Compile a question bank and its article into one pack file (an SQLite\n"
	"database) that `recall take`, `read` and `grade` accept in place of the\n"
	"bank, on machines that have neither. Nothing is written when the bank has\n"
	"errors.\n"
	"\n"
	"Options:\n"
	"  -o, --output PACK    where to write it (default: the bank's name with\n"
	"                       .quiz, in the current folder); refused when it\n"
	"                       exists, unless --force\n"
	"  -f, --force          replace PACK if it exists (never the bank itself)\n"
	"      --strict         treat warnings as errors\n"
	"      --articles DIR   articles may be anywhere under DIR (default: under\n"
	"                       the folder that holds the bank's folder)\n"
	"      --color WHEN     auto, always or never (auto honours NO_COLOR and TERM=dumb)\n"
	"  -h, --help           show this help\n";

/* "quizzes/x.yaml" -> "x.quiz" */
static char *default_output(const char *bank)
{
	const char *base = strrchr(bank, '/');
	base = base ? base + 1 : bank;
	size_t len = strlen(base);
	const char *dot = strrchr(base, '.');
	if (dot && dot != base && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
		len = (size_t)(dot - base);
	buf out;
	buf_init(&out);
	buf_append(&out, base, len);
	buf_puts(&out, ".quiz");
	return buf_detach(&out);
}

int cmd_build(int argc, char **argv)
{
	static const struct option options[] = {
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, 'f'},
		{"strict", no_argument, NULL, 's'},
		{"articles", required_argument, NULL, 'A'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	bank_options opt = {.strict = false};
	term_color_mode color = TERM_COLOR_AUTO;
	const char *output = NULL;
	bool force = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:fh", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'f':
			force = true;
			break;
		case 's':
			opt.strict = true;
			break;
		case 'A':
			if (!is_directory(optarg))
				return cli_usage_error("build", "--articles needs a folder, not '%s'", optarg);
			opt.articles = optarg;
			break;
		default: {
			int status = cli_shared_option("build", c, build_usage, argv, NULL, &color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("build", optind == argc ? "no BANK given" : "one BANK only");
	const char *bank = argv[optind];
	if (pack_sniff(bank) == PACK_SNIFF_PACK)
		return cli_usage_error("build", "'%s' is already a pack; give its bank", bank);
	char *made = output ? NULL : default_output(bank);
	if (!output)
		output = made;
	/* A pack replaces only what the user said it may, and never the bank
	 * it is built from. */
	struct stat out_st, bank_st;
	if (lstat(output, &out_st) == 0) {
		bool is_bank = stat(output, &out_st) == 0 && stat(bank, &bank_st) == 0 &&
		               out_st.st_dev == bank_st.st_dev && out_st.st_ino == bank_st.st_ino;
		if (is_bank || !force) {
			buf shown;
			buf_init(&shown);
			text_sanitize(output, strlen(output), &shown);
			fprintf(stderr, "recall build: %s%s\n", shown.ptr,
			        is_bank ? " is the bank itself; write the pack elsewhere"
			                : " already exists; use --force to overwrite it");
			buf_release(&shown);
			free(made);
			return cli_finish(EXIT_PROBLEMS);
		}
	}

	diag_list *d = diag_list_new();
	quiz *q = bank_compile(bank, &opt, d);
	int status = EXIT_OK;
	if (!q || pack_write(q, output, d) != 0)
		status = EXIT_PROBLEMS;
	cli_print_diagnostics(d, color);
	quiz_free(q);
	diag_list_free(d);
	free(made);
	return cli_finish(status);
}
