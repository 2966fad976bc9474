/* cmd_read.c - `recall read FILE`: an article rendered for reading */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "bank.h"
#include "cli.h"
#include "pack.h"
#include "render.h"

static const char read_usage[] =
	"Usage: recall read [OPTIONS] FILE\n"
	"\n"
	"Show an article (a Markdown file) for reading in the terminal: its title\n"
	"block, then the body wrapped to the terminal's width. FILE may also be a\n"
	"question bank (.yaml) or a pack (.quiz): then its article is shown. Pages\n"
	"through $PAGER (default 'less -R') when the output is a terminal, unless\n"
	"TERM is unset or dumb.\n"
	"\n"
	"Options:\n"
	"  -n, --numbers        number the paragraphs (¶1, ¶2, ...) as quizzes cite them\n"
	"  -w, --width N        wrap to N columns (default: the terminal's, at most 100)\n"
	"      --color WHEN     auto, always or never (auto honours NO_COLOR and TERM=dumb)\n"
	"  -h, --help           show this help\n";

static bool write_piece(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	return term_write(text, len) == 0;
}

int cmd_read(int argc, char **argv)
{
	static const struct option options[] = {
		{"numbers", no_argument, NULL, 'n'},
		{"width", required_argument, NULL, 'w'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	render_options opt = {.width = 0};
	term_color_mode color = TERM_COLOR_AUTO;
	long width = 0;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":nw:h", options, NULL)) != -1) {
		switch (c) {
		case 'n':
			opt.numbers = true;
			break;
		case 'w':
			if (!cli_parse_count("read", "--width", optarg, 10000, &width))
				return EXIT_USAGE;
			break;
		default: {
			int status = cli_shared_option("read", c, read_usage, argv, NULL, &color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("read", optind == argc ? "no FILE given" : "one FILE only");
	const char *path = argv[optind];

	diag_list *d = diag_list_new();
	/* A bank or a pack is read for its article. */
	size_t path_len = strlen(path);
	bool is_bank = (path_len > 5 && strcmp(path + path_len - 5, ".yaml") == 0) ||
	               (path_len > 5 && strcmp(path + path_len - 5, ".quiz") == 0) ||
	               (path_len > 4 && strcmp(path + path_len - 4, ".yml") == 0) ||
	               pack_sniff(path) == PACK_SNIFF_PACK;
	quiz *q = is_bank ? bank_open(path, d) : NULL;
	article *own = is_bank ? NULL : article_load(path, d);
	const article *a = q ? quiz_article(q) : own;
	if (!a) {
		cli_print_diagnostics(d, color);
		quiz_free(q);
		diag_list_free(d);
		return EXIT_PROBLEMS;
	}
	if (diag_count(d))
		cli_print_diagnostics(d, color);
	opt.width = width ? (int)width : term_text_width(STDOUT_FILENO);
	opt.color = term_use_color(color, STDOUT_FILENO);
	bool ok;
	if (term_pages()) {
		/* The pager is given the whole text, so that when it cannot be
		 * run the text can still be shown. */
		buf out;
		buf_init(&out);
		render_article(a, &opt, &out);
		ok = term_page(out.ptr, out.len) == 0;
		buf_release(&out);
	} else {
		/* Written as it is rendered: a long article's text is never
		 * held whole. */
		ok = render_article_to(a, &opt, write_piece, NULL);
	}
	/* The article is shown whatever its front matter says wrong; what it
	 * says is on stderr, and an error sets the exit status. */
	int status = ok && !diag_errors(d) ? EXIT_OK : EXIT_PROBLEMS;
	article_free(own);
	quiz_free(q);
	diag_list_free(d);
	return cli_finish(status);
}
