/* term.c - what the terminal is: its width, whether to colour, and paging */
#include "term.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

bool term_color_parse(const char *s, term_color_mode *mode)
{
	if (strcmp(s, "auto") == 0)
		*mode = TERM_COLOR_AUTO;
	else if (strcmp(s, "always") == 0)
		*mode = TERM_COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0)
		*mode = TERM_COLOR_NEVER;
	else
		return false;
	return true;
}

bool term_use_color(term_color_mode mode, int fd)
{
	if (mode != TERM_COLOR_AUTO)
		return mode == TERM_COLOR_ALWAYS;
	const char *no_color = getenv("NO_COLOR");
	if (no_color && *no_color)
		return false;
	const char *term = getenv("TERM");
	if (!term || strcmp(term, "dumb") == 0)
		return false;
	return isatty(fd);
}

int term_columns(int fd)
{
	struct winsize ws;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *columns = getenv("COLUMNS");
	if (columns) {
		char *end;
		long n = strtol(columns, &end, 10);
		if (*end == '\0' && n > 0 && n < 10000)
			return (int)n;
	}
	return 80;
}

int term_text_width(int fd)
{
	int width = term_columns(fd);
	return width > 100 ? 100 : width;
}

static int write_all(FILE *f, const char *text, size_t len)
{
	if (fwrite(text, 1, len, f) != len)
		return -1;
	return fflush(f) == 0 ? 0 : -1;
}

bool term_pages(void)
{
	/* A dumb terminal cannot run less (it stops on a warning, waiting
	 * for Return): the text is written as it is. */
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO);
}

int term_write(const char *text, size_t len)
{
	return write_all(stdout, text, len);
}

int term_page(const char *text, size_t len)
{
	if (!term_pages())
		return write_all(stdout, text, len);
	const char *pager = getenv("PAGER");
	if (!pager || !*pager)
		pager = "less -R";
	/* less quits at once when the text fits on one screen (-F) and leaves
	 * it on the screen (-X), as git does. */
	setenv("LESS", "FRX", 0);
	fflush(stdout);
	FILE *p = popen(pager, "w");
	if (!p)
		return write_all(stdout, text, len);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	/* A reader who quits the pager early is not an error. */
	fwrite(text, 1, len, p);
	int status = pclose(p);
	signal(SIGPIPE, old);
	if (status == -1)
		return -1;
	/* A pager that could not be run at all: show the text directly. */
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return write_all(stdout, text, len);
	return 0;
}
