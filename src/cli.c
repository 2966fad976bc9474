/* cli.c - what the commands share: usage errors, diagnostics, finishing output */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <unistd.h>

#include "text.h"

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	/* The message quotes what was typed, which may hold escape sequences. */
	va_list ap;
	va_start(ap, fmt);
	char *message = NULL;
	int n = vasprintf(&message, fmt, ap);
	va_end(ap);
	buf shown;
	buf_init(&shown);
	if (n >= 0)
		text_sanitize(message, (size_t)n, &shown);
	fprintf(stderr, "recall %s: %s\nTry 'recall %s --help'.\n", cmd, n >= 0 ? shown.ptr : fmt,
	        cmd);
	buf_release(&shown);
	free(message);
	return EXIT_USAGE;
}

void cli_print_diagnostics(const diag_list *d, term_color_mode mode)
{
	buf out;
	buf_init(&out);
	diag_format(d, term_use_color(mode, STDERR_FILENO), &out);
	fwrite(out.ptr, 1, out.len, stderr);
	buf_release(&out);
}

int cli_finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* A reader that went away (a closed pipe) is not worth a message. */
		if (errno != EPIPE)
			fprintf(stderr, "recall: write error: %s\n", strerror(errno));
		return status ? status : EXIT_PROBLEMS;
	}
	return status;
}

bool cli_parse_color(const char *cmd, const char *value, term_color_mode *mode)
{
	if (term_color_parse(value, mode))
		return true;
	cli_usage_error(cmd, "--color must be auto, always or never, not '%s'", value);
	return false;
}

bool cli_parse_count(const char *cmd, const char *option, const char *value, long max,
                     long *out)
{
	char *end;
	errno = 0;
	long n = strtol(value, &end, 10);
	if (errno || *end || end == value || n <= 0 || n > max) {
		cli_usage_error(cmd, "%s takes a whole number from 1 to %ld, not '%s'", option, max,
		                value);
		return false;
	}
	*out = n;
	return true;
}

bool cli_parse_seed(const char *cmd, const char *value, uint64_t *seed)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(value, &end, 10);
	if (errno || *end || end == value || value[0] == '-') {
		cli_usage_error(cmd, "--seed takes a whole number, not '%s'", value);
		return false;
	}
	*seed = v;
	return true;
}

bool cli_parse_date_order(const char *cmd, const char *value, quiz_date_order *order)
{
	if (strcmp(value, "mdy") == 0)
		*order = QUIZ_DATE_ORDER_MDY;
	else if (strcmp(value, "dmy") == 0)
		*order = QUIZ_DATE_ORDER_DMY;
	else {
		cli_usage_error(cmd, "--date-order must be mdy or dmy, not '%s'", value);
		return false;
	}
	return true;
}

int cli_shared_option(const char *cmd, int c, const char *usage, char **argv, const char **db,
                      term_color_mode *color)
{
	if (c == 'd' && db) {
		*db = optarg;
		return CLI_NEXT;
	}
	if (c == 'C' && color)
		return cli_parse_color(cmd, optarg, color) ? CLI_NEXT : EXIT_USAGE;
	if (c == 'h') {
		fputs(usage, stdout);
		return cli_finish(EXIT_OK);
	}
	if (c == ':')
		return cli_usage_error(cmd, "%s needs a value", argv[optind - 1]);
	return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int cli_unknown_command(const char *name, const char *const *names, size_t n)
{
	buf shown;
	buf_init(&shown);
	text_sanitize(name, strlen(name), &shown);
	const char *guess = diag_suggest(name, names, n);
	if (guess)
		fprintf(stderr, "recall: no command '%s'; did you mean '%s'?\n", shown.ptr, guess);
	else
		fprintf(stderr, "recall: no command '%s'; 'recall --help' lists them.\n", shown.ptr);
	buf_release(&shown);
	return EXIT_USAGE;
}

const char *cli_suggestion(const char *word, const char *const *names, size_t n, buf *out)
{
	const char *guess = diag_suggest(word, names, n);
	buf_clear(out);
	if (guess)
		buf_printf(out, "; did you mean '%s'?", guess);
	return out->ptr;
}
