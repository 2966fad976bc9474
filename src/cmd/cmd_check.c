/* cmd_check.c - `recall check BANK...`: compile banks and print their diagnostics */
#include <getopt.h>
#include <stdio.h>
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

static const char check_usage[] =
	"Usage: recall check [OPTIONS] BANK...\n"
	"\n"
	"Compile each question bank (or pack) and report every problem found, as\n"
	"FILE:LINE:COL with the line and a caret. Exit status 0 when no bank has\n"
	"errors, 1 when one has.\n"
	"\n"
	"Options:\n"
	"      --strict         treat warnings as errors\n"
	"      --articles DIR   articles may be anywhere under DIR (default: under\n"
	"                       the folder that holds the bank's folder)\n"
	"  -q, --quiet          print nothing for a bank without problems\n"
	"      --color WHEN     auto, always or never (auto honours NO_COLOR and TERM=dumb)\n"
	"  -h, --help           show this help\n"
	"\n"
	"The format of a bank is described in docs/bank-format.md.\n";

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{"strict", no_argument, NULL, 's'},
		{"articles", required_argument, NULL, 'A'},
		{"quiet", no_argument, NULL, 'q'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	bank_options opt = {.strict = false};
	term_color_mode color = TERM_COLOR_AUTO;
	bool quiet = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qh", options, NULL)) != -1) {
		switch (c) {
		case 's':
			opt.strict = true;
			break;
		case 'A':
			if (!is_directory(optarg))
				return cli_usage_error("check", "--articles needs a folder, not '%s'", optarg);
			opt.articles = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		default: {
			int status = cli_shared_option("check", c, check_usage, argv, NULL, &color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind == argc)
		return cli_usage_error("check", "no BANK given");

	int status = EXIT_OK;
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];
		diag_list *d = diag_list_new();
		pack_sniff_result kind = pack_sniff(path);
		size_t len = strlen(path);
		quiz *q = NULL;
		if (kind == PACK_SNIFF_PACK)
			q = pack_load(path, d);
		else if (kind == PACK_SNIFF_OTHER && len > 5 && strcmp(path + len - 5, ".quiz") == 0)
			diag_add(d, DIAG_ERROR, path, 0, 0, "not a recall pack (it has no SQLite header)");
		else
			q = bank_compile(path, &opt, d);
		cli_print_diagnostics(d, color);
		size_t errors = diag_errors(d), warnings = diag_warnings(d);
		if (!q || errors)
			status = EXIT_PROBLEMS;
		/* A file name is input too: no escape sequence in it reaches the terminal. */
		buf shown;
		buf_init(&shown);
		text_sanitize(path, len, &shown);
		if (errors || warnings) {
			fprintf(stderr, "%s: %zu %s, %zu %s\n", shown.ptr, errors, plural(errors, "error", "errors"),
			        warnings, plural(warnings, "warning", "warnings"));
		} else if (q && !quiet) {
			size_t n = quiz_question_count(q);
			printf("%s: %zu %s, no problems\n", shown.ptr, n, plural(n, "question", "questions"));
		}
		buf_release(&shown);
		quiz_free(q);
		diag_list_free(d);
	}
	return cli_finish(status);
}
