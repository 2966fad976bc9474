/* progress.h - what `recall history`, `stats` and `export` share: options, opening the store, formats */
#ifndef RECALL_PROGRESS_H
#define RECALL_PROGRESS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>

#include "store.h"
#include "term.h"
#include "util.h"

/* The options every progress command takes. */
typedef struct {
	const char *db;          /* --db; NULL: RECALL_DB or the default */
	const char *user;        /* --user; NULL: RECALL_USER or the login name */
	bool all_users;          /* --all-users */
	const char *bank;        /* --bank: a title, path or hash prefix */
	term_color_mode color;   /* --color */
} progress_options;

/* getopt_long entries for the shared options, to be copied into each
 * command's table, and the help text describing them. */
#define PROGRESS_LONG_OPTIONS                                 \
	{"db", required_argument, NULL, 'D'},                     \
	{"user", required_argument, NULL, 'u'},                   \
	{"all-users", no_argument, NULL, 'a'},                    \
	{"bank", required_argument, NULL, 'b'},                   \
	{"color", required_argument, NULL, 'C'},                  \
	{"colour", required_argument, NULL, 'C'},                 \
	{"help", no_argument, NULL, 'h'}
#define PROGRESS_SHORT_OPTIONS "u:ab:h"
#define PROGRESS_HELP                                                                 \
	"      --db PATH        the database (default: $RECALL_DB, else\n"               \
	"                       ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"    \
	"  -u, --user NAME      whose results (default: $RECALL_USER, else the login name)\n" \
	"  -a, --all-users      everyone's results\n"                                     \
	"  -b, --bank BANK      one bank only: its title or words of it, its file's path,\n" \
	"                       or 4 or more hex digits of its content hash\n"            \
	"      --color WHEN     auto, always or never (auto honours NO_COLOR and TERM=dumb)\n" \
	"  -h, --help           show this help\n"

/* Handles option `c` if it is a shared one (help prints `usage`). Returns 1
 * when handled, 0 when it is not a shared option, or -1 after printing a
 * usage error (or the help: then *exit_status is EXIT_OK). */
int progress_option(const char *cmd, int c, const char *usage, progress_options *o,
                    int *exit_status);

/* Prints "recall CMD: message" on stderr, the message sanitised (it may
 * hold paths and titles). */
void progress_error(const char *cmd, const char *message);

/* What an opened progress command works on. */
typedef struct {
	store *store;            /* NULL when there is no database yet: nothing recorded */
	store_filter filter;
	char *learner;           /* owned; NULL with --all-users */
} progress_source;

/* Opens the database (never creating it) and checks that --bank names a
 * known bank. Returns EXIT_OK, or prints the problem and returns
 * EXIT_PROBLEMS. progress_close releases either way. */
int progress_open(const char *cmd, const progress_options *o, progress_source *src);
void progress_close(progress_source *src);

/* Appends what the results are about: "alice, all banks" and the like. */
void progress_describe(const progress_source *src, const progress_options *o, bool unicode,
                       buf *out);

/* Appends a time in local time as "YYYY-MM-DD HH:MM". */
void progress_local_time(buf *out, int64_t ms);
/* Appends a time in UTC as ISO 8601 with milliseconds: 2024-05-01T10:00:00.000Z. */
void progress_utc_time(buf *out, int64_t ms);
/* Appends points with at most two decimals and no trailing zeros: 7.5, 10. */
void progress_points(buf *out, double points);
/* A fraction as a whole percentage; below 1 never rounds up to 100. */
int progress_percent(double fraction);
/* Appends a number so that reading it back gives the same double: 0.5, 1, 0.1. */
void progress_number(buf *out, double x);

#endif
