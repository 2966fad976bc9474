/* term.h - what the terminal is: its width, whether to colour, and paging */
#ifndef RECALL_TERM_H
#define RECALL_TERM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	TERM_COLOR_AUTO,
	TERM_COLOR_ALWAYS,
	TERM_COLOR_NEVER,
} term_color_mode;

/* Parses "auto", "always" or "never"; returns false for anything else. */
bool term_color_parse(const char *s, term_color_mode *mode);

/* Whether to write SGR styles to `fd`: always, never, or (auto) when it is a
 * terminal, NO_COLOR is unset or empty, and TERM is not "dumb". */
bool term_use_color(term_color_mode mode, int fd);

/* The width of the terminal on `fd`; else $COLUMNS; else 80. */
int term_columns(int fd);

/* The width recall lays text out to: the terminal's, at most 100. */
int term_text_width(int fd);

/* Writes `text` to stdout, through $PAGER (default "less -R") when
 * term_pages says so. Returns 0, or -1 when writing failed (errno set). */
int term_page(const char *text, size_t len);

/* Whether term_page would hand its text to a pager (stdout is a terminal,
 * and TERM is set and not "dumb").
 * When not, a long text can be written a piece at a time with term_write. */
bool term_pages(void);

/* Writes `text` to stdout and flushes it. Returns 0, or -1 when writing
 * failed (errno set). */
int term_write(const char *text, size_t len);

#endif
