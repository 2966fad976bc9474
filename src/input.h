/* input.h - reading typed lines: GNU readline on a terminal, plain lines from a pipe */
#ifndef RECALL_INPUT_H
#define RECALL_INPUT_H

#include <stdbool.h>
#include <time.h>

typedef enum {
	INPUT_LINE,        /* a line was read */
	INPUT_EOF,         /* Ctrl-D on an empty line, or the end of a pipe */
	INPUT_INTERRUPT,   /* Ctrl-C (SIGINT) */
	INPUT_HANGUP,      /* the terminal went away (SIGHUP, or it hung up) */
	INPUT_TERMINATE,   /* SIGTERM */
	INPUT_TIMEOUT,     /* the deadline passed */
	INPUT_ERROR,       /* reading failed; errno says why */
} input_status;

typedef struct {
	const char *history_path;          /* NULL: no history kept */
	const char *const *completions;    /* NULL-terminated ":commands" to complete */
	bool complete_any;                 /* complete any word of `completions` at the
	                                    * start of the line, not only ":commands" */
} input_options;

/* Readline is a process-wide library, so there is one input at a time.
 * input_new installs handlers for SIGINT, SIGWINCH, SIGHUP and SIGTERM that
 * only note the signal; input_free restores the previous handlers and, when
 * history is kept, writes it (creating its folder). */
typedef struct input input;

input *input_new(const input_options *opt);
void input_free(input *in);

/* Whether lines come from a terminal (readline) or a pipe (plain lines). */
bool input_is_terminal(const input *in);

/* The longest line input_read hands over, in bytes (an answer is stored
 * whole, so a longer one could not be). A longer line is refused with a
 * message on stdout and the prompt comes again. */
#define INPUT_MAX_LINE 65536

/* Reads one line after showing `prompt` (which may hold SGR sequences; they
 * are wrapped for readline's width count here). On INPUT_LINE, *line is a
 * new string without its newline that the caller frees. Ending with a
 * deadline (0 for none) shows the remaining time is the caller's business;
 * here it only ends the read with INPUT_TIMEOUT. */
input_status input_read(input *in, const char *prompt, time_t deadline, char **line);

/* Replaces the words that complete (as input_options has them). The list
 * must stay valid while it is in use. */
void input_set_completions(input *in, const char *const *completions, bool complete_any);

/* While input_read waits on a terminal with a deadline, it asks `prompt`
 * for the prompt once a second and redraws the line when it changed, so a
 * clock in the prompt keeps time. NULL stops it. The string returned is the
 * caller's and must stay valid until the next call. */
void input_set_prompt_source(input *in, const char *(*prompt)(void *ctx), void *ctx);

/* Adds a line to the history (terminal input with a history path only). */
void input_remember(input *in, const char *line);

/* True once after the terminal was resized, so the caller can re-wrap. */
bool input_take_resize(input *in);

/* The terminal's width now, at most 100; 80 when not a terminal. */
int input_columns(const input *in);

/* Asks a yes/no question on the terminal ("Quit? [y/N] "); true for yes.
 * Ctrl-D takes the default, no; a second Ctrl-C or a terminal that went away
 * counts as yes. From a pipe nothing is asked or read: yes. */
bool input_confirm(input *in, const char *question);

/* Where the answers typed at the prompt are kept between runs:
 * $XDG_STATE_HOME/recall/history, else ~/.local/state/recall/history; NULL
 * when neither can be named. The caller frees it. */
char *input_history_path(void);

#endif
