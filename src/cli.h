/* cli.h - the command-line face of each command, and what they share */
#ifndef RECALL_CLI_H
#define RECALL_CLI_H

#include <stdbool.h>

#include <stdint.h>

#include "diag.h"
#include "quiz.h"
#include "term.h"

/* Exit statuses, as DESIGN.md gives them. */
enum {
	EXIT_OK = 0,
	EXIT_PROBLEMS = 1,   /* problems found in the input; diagnostics printed */
	EXIT_USAGE = 2,
};

/* Each command takes its own argv (argv[0] is the command's name) and
 * returns the exit status. Commands print; the library below them never. */
int cmd_read(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_take(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_study(int argc, char **argv);
int cmd_grade(int argc, char **argv);
int cmd_draft(int argc, char **argv);
int cmd_history(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_roster(int argc, char **argv);
int cmd_class(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_regrade(int argc, char **argv);
int cmd_export_bank(int argc, char **argv);
int cmd_import(int argc, char **argv);

/* Prints "recall CMD: message" and a pointer to --help on stderr; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints `d` to stderr, coloured when stderr is a terminal that wants it. */
void cli_print_diagnostics(const diag_list *d, term_color_mode mode);

/* Flushes stdout and reports a write error ("recall: write error: ...").
 * Returns `status`, or EXIT_PROBLEMS when stdout could not be written. */
int cli_finish(int status);

/* Parses a --color value; prints a usage error and returns false if bad. */
bool cli_parse_color(const char *cmd, const char *value, term_color_mode *mode);

/* Parses a positive whole number option value; false (with a usage error
 * printed) when it is not one or exceeds `max`. */
bool cli_parse_count(const char *cmd, const char *option, const char *value, long max,
                     long *out);

/* --seed: a whole number. False, with a usage error printed, when not. */
bool cli_parse_seed(const char *cmd, const char *value, uint64_t *seed);
/* --date-order: mdy or dmy. False, with a usage error printed, when not. */
bool cli_parse_date_order(const char *cmd, const char *value, quiz_date_order *order);

/* The options most commands share, for the end of their option switch:
 * --db (`d`) and --color (`C`) into `db` and `color` where the command takes
 * them (NULL where not), -h prints `usage`, a missing value or an unknown
 * option is a usage error naming it. Returns CLI_NEXT when the option was
 * taken and parsing goes on, else the status the command returns. */
enum { CLI_NEXT = -1 };
int cli_shared_option(const char *cmd, int c, const char *usage, char **argv, const char **db,
                      term_color_mode *color);

/* Prints "recall: no command 'tkae'; did you mean 'take'?" (or a pointer
 * to --help when no name is close) on stderr; returns EXIT_USAGE. */
int cli_unknown_command(const char *name, const char *const *names, size_t n);

/* Replaces `out`'s text with "; did you mean 'take'?" when one of `names`
 * is close to `word`, else with nothing; returns out->ptr. */
const char *cli_suggestion(const char *word, const char *const *names, size_t n, buf *out);

#endif
