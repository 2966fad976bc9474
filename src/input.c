/* input.c - reading typed lines: GNU readline on a terminal, plain lines from a pipe */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "term.h"
#include "util.h"

struct input {
	bool terminal;
	char *history_path;
	const char *const *completions;
	buf pending;          /* bytes read from a pipe beyond the last line */
	size_t pending_at;
	bool pipe_ended;
	bool skipping;        /* the rest of a line too long to keep is being read away */
	struct sigaction old_int, old_winch, old_hup, old_term;
	const char *(*prompt_source)(void *ctx);   /* a prompt that changes while waiting */
	void *prompt_ctx;
	char *interrupted_text;   /* the line Ctrl-C cut short, offered again by the next read */
};

/* Signal handlers only write the signal number to this pipe; the reading
 * loop below waits on it beside the terminal. */
static int signal_pipe[2] = {-1, -1};
static volatile sig_atomic_t resized;

/* Readline's callback interface has no user pointer: the line it hands over
 * is parked here. */
static char *callback_line;
static bool callback_done;
static const char *const *active_completions;
static bool active_complete_any;

static void note_signal(int sig)
{
	int saved = errno;
	if (sig == SIGWINCH)
		resized = 1;
	unsigned char b = (unsigned char)sig;
	if (signal_pipe[1] >= 0 && write(signal_pipe[1], &b, 1) < 0) {
		/* A full pipe already holds a wake-up. */
	}
	errno = saved;
}

static void catch_signal(int sig, struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = note_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocking read of a pipe must return on a signal. */
	sigaction(sig, &sa, old);
}

static char *complete_command(const char *text, int state)
{
	static size_t next, len;
	if (!state) {
		next = 0;
		len = strlen(text);
	}
	while (active_completions && active_completions[next]) {
		const char *word = active_completions[next++];
		if (strncmp(word, text, len) == 0)
			return xstrdup(word);
	}
	return NULL;
}

/* Only in-quiz commands complete, and only at the start of the line:
 * completing file names into an answer would be no help. */
static char **complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (start != 0 || (text[0] != ':' && !active_complete_any))
		return NULL;
	return rl_completion_matches(text, complete_command);
}

input *input_new(const input_options *opt)
{
	input *in = xcalloc(1, sizeof(input));
	buf_init(&in->pending);
	in->terminal = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	in->completions = opt->completions;
	if (pipe(signal_pipe) == 0) {
		fcntl(signal_pipe[0], F_SETFL, O_NONBLOCK);
		fcntl(signal_pipe[1], F_SETFL, O_NONBLOCK);
		fcntl(signal_pipe[0], F_SETFD, FD_CLOEXEC);
		fcntl(signal_pipe[1], F_SETFD, FD_CLOEXEC);
	}
	resized = 0;
	catch_signal(SIGINT, &in->old_int);
	catch_signal(SIGWINCH, &in->old_winch);
	catch_signal(SIGHUP, &in->old_hup);
	catch_signal(SIGTERM, &in->old_term);
	if (in->terminal) {
		rl_readline_name = "recall";
		rl_catch_signals = 0;
		rl_catch_sigwinch = 0;
		rl_attempted_completion_function = complete;
		/* Bracketed paste makes readline return the cursor to the start of
		 * the line when it lets go of the terminal, so an interrupted answer
		 * would be overwritten; answers are single lines anyway. */
		rl_variable_bind("enable-bracketed-paste", "off");
		active_completions = opt->completions;
		active_complete_any = opt->complete_any;
		using_history();
		stifle_history(1000);
		if (opt->history_path) {
			in->history_path = xstrdup(opt->history_path);
			read_history(in->history_path);
		}
	}
	return in;
}

/* Creates the folders above `path` (mkdir -p of its dirname). */
static void make_parent_dirs(const char *path)
{
	char *dir = path_dirname(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	mkdir(dir, 0700);
	free(dir);
}

void input_free(input *in)
{
	if (!in)
		return;
	if (in->terminal) {
		if (in->history_path) {
			make_parent_dirs(in->history_path);
			write_history(in->history_path);
		}
		clear_history();
		active_completions = NULL;
		active_complete_any = false;
	}
	sigaction(SIGINT, &in->old_int, NULL);
	sigaction(SIGWINCH, &in->old_winch, NULL);
	sigaction(SIGHUP, &in->old_hup, NULL);
	sigaction(SIGTERM, &in->old_term, NULL);
	close(signal_pipe[0]);
	close(signal_pipe[1]);
	signal_pipe[0] = signal_pipe[1] = -1;
	buf_release(&in->pending);
	free(in->history_path);
	free(in->interrupted_text);
	free(in);
}

bool input_is_terminal(const input *in)
{
	return in->terminal;
}

/* Drains the signal pipe; returns the most urgent signal seen, or 0. */
static int pending_signal(void)
{
	int urgent = 0;
	unsigned char b;
	while (read(signal_pipe[0], &b, 1) == 1) {
		int sig = b;
		if (sig == SIGWINCH) {
			if (!urgent)
				urgent = SIGWINCH;
		} else if (sig == SIGTERM || sig == SIGHUP) {
			urgent = sig;
		} else if (sig == SIGINT && urgent != SIGTERM && urgent != SIGHUP) {
			urgent = SIGINT;
		}
	}
	return urgent;
}

static input_status status_of_signal(int sig)
{
	switch (sig) {
	case SIGINT:
		return INPUT_INTERRUPT;
	case SIGHUP:
		return INPUT_HANGUP;
	default:
		return INPUT_TERMINATE;
	}
}

static void take_line(char *line)
{
	callback_line = line;
	callback_done = true;
	/* Stop readline from showing the prompt again until asked. */
	rl_callback_handler_remove();
}

/* Readline counts every byte of the prompt as a column unless invisible
 * runs are bracketed by \001 and \002. */
static char *readline_prompt(const char *prompt)
{
	buf b;
	buf_init(&b);
	for (const char *p = prompt; *p; p++) {
		if (*p == '\033') {
			buf_putc(&b, '\001');
			while (*p && *p != 'm')
				buf_putc(&b, *p++);
			if (*p)
				buf_putc(&b, *p);
			buf_putc(&b, '\002');
			if (!*p)
				break;
		} else {
			buf_putc(&b, *p);
		}
	}
	return buf_detach(&b);
}

static int poll_timeout(time_t deadline)
{
	if (!deadline)
		return -1;
	time_t now = time(NULL);
	if (now >= deadline)
		return 0;
	/* Wake at least every second so the caller may redraw a clock. */
	return 1000;
}

/* Redraws the prompt when its source says something new. */
static void refresh_prompt(input *in, char **shown)
{
	const char *now = in->prompt_source(in->prompt_ctx);
	char *next = readline_prompt(now ? now : "");
	if (strcmp(next, *shown) == 0) {
		free(next);
		return;
	}
	free(*shown);
	*shown = next;
	rl_set_prompt(*shown);
	rl_redisplay();
}

static input_status read_terminal(input *in, const char *prompt, time_t deadline, char **line)
{
	char *shown = readline_prompt(prompt);
	callback_done = false;
	callback_line = NULL;
	rl_callback_handler_install(shown, take_line);
	if (in->interrupted_text) {
		/* The student said no to quitting: what they had typed is back. */
		rl_insert_text(in->interrupted_text);
		rl_redisplay();
		free(in->interrupted_text);
		in->interrupted_text = NULL;
	}
	input_status status = INPUT_LINE;
	for (;;) {
		struct pollfd fds[2] = {
			{.fd = STDIN_FILENO, .events = POLLIN},
			{.fd = signal_pipe[0], .events = POLLIN},
		};
		int n = poll(fds, 2, poll_timeout(deadline));
		if (n < 0 && errno != EINTR) {
			status = INPUT_ERROR;
			break;
		}
		if (deadline && time(NULL) >= deadline) {
			status = INPUT_TIMEOUT;
			break;
		}
		if (n == 0 && deadline && in->prompt_source)
			refresh_prompt(in, &shown);
		int sig = pending_signal();
		if (sig == SIGWINCH) {
			rl_resize_terminal();
		} else if (sig) {
			status = status_of_signal(sig);
			break;
		}
		if (n > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
			if (!(fds[0].revents & POLLIN)) {
				status = INPUT_HANGUP;
				break;
			}
			rl_callback_read_char();
			if (callback_done)
				break;
		}
	}
	if (!callback_done) {
		/* Leave the half-typed line and readline's terminal state tidy. */
		if (status == INPUT_INTERRUPT) {
			fputs("^C", stdout);
			fflush(stdout);
			if (rl_line_buffer && rl_line_buffer[0])
				in->interrupted_text = xstrdup(rl_line_buffer);
		}
		rl_free_line_state();
		rl_callback_sigcleanup();
		rl_callback_handler_remove();
		rl_crlf();
		fflush(stdout);
	} else if (!callback_line) {
		/* Readline says EOF both for Ctrl-D and for a terminal that has
		 * gone away; a hung-up terminal polls as such. */
		struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};
		bool hung_up = poll(&fd, 1, 0) > 0 && (fd.revents & (POLLHUP | POLLERR | POLLNVAL));
		status = hung_up ? INPUT_HANGUP : INPUT_EOF;
		if (!hung_up) {
			/* Readline leaves the cursor after the prompt on Ctrl-D. */
			fputs("\n", stdout);
			fflush(stdout);
		}
	} else {
		*line = callback_line;
	}
	free(shown);
	return status;
}

/* Hands over the next complete line of `pending`, if there is one. */
static bool next_pending_line(input *in, char **line)
{
	const char *start = in->pending.ptr + in->pending_at;
	size_t avail = in->pending.len - in->pending_at;
	const char *nl = memchr(start, '\n', avail);
	size_t len;
	if (nl) {
		len = (size_t)(nl - start);
	} else if (in->pipe_ended && avail) {
		len = avail;
	} else {
		return false;
	}
	size_t keep = len;
	if (keep && start[keep - 1] == '\r')
		keep--;
	*line = xstrndup(start, keep);
	in->pending_at += nl ? len + 1 : len;
	if (in->pending_at == in->pending.len) {
		buf_clear(&in->pending);
		in->pending_at = 0;
	}
	return true;
}

/* Drops what is pending of a line too long to keep, up to its end. True
 * when the line's end was found. */
static bool skip_long_line(input *in)
{
	const char *start = in->pending.ptr + in->pending_at;
	const char *nl = memchr(start, '\n', in->pending.len - in->pending_at);
	if (nl)
		in->pending_at += (size_t)(nl - start) + 1;
	if (!nl || in->pending_at == in->pending.len) {
		buf_clear(&in->pending);
		in->pending_at = 0;
	}
	if (nl || in->pipe_ended)
		in->skipping = false;
	return !in->skipping;
}

/* Reads a line from a pipe; *too_long when one longer than INPUT_MAX_LINE
 * was read away instead, without keeping it all in memory. */
static input_status read_plain(input *in, const char *prompt, time_t deadline, char **line,
                               bool *too_long)
{
	/* The prompt is not shown: scripted answers come without a reader. */
	(void)prompt;
	input_status status = INPUT_LINE;
	for (;;) {
		if (in->skipping && skip_long_line(in)) {
			*too_long = true;
			return INPUT_LINE;
		}
		if (!in->skipping) {
			if (next_pending_line(in, line))
				break;
			if (in->pending.len - in->pending_at > INPUT_MAX_LINE) {
				in->skipping = true;
				continue;
			}
		}
		if (in->pipe_ended)
			return INPUT_EOF;
		struct pollfd fds[2] = {
			{.fd = STDIN_FILENO, .events = POLLIN},
			{.fd = signal_pipe[0], .events = POLLIN},
		};
		int n = poll(fds, 2, poll_timeout(deadline));
		if (n < 0 && errno != EINTR) {
			status = INPUT_ERROR;
			break;
		}
		int sig = pending_signal();
		if (sig && sig != SIGWINCH) {
			status = status_of_signal(sig);
			break;
		}
		if (deadline && time(NULL) >= deadline) {
			status = INPUT_TIMEOUT;
			break;
		}
		if (n <= 0 || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		buf_grow(&in->pending, 4096);
		ssize_t got = read(STDIN_FILENO, in->pending.ptr + in->pending.len, 4096);
		if (got < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			status = INPUT_ERROR;
			break;
		}
		if (got == 0) {
			in->pipe_ended = true;
			continue;
		}
		in->pending.len += (size_t)got;
		in->pending.ptr[in->pending.len] = '\0';
	}
	return status;
}

input_status input_read(input *in, const char *prompt, time_t deadline, char **line)
{
	for (;;) {
		*line = NULL;
		bool too_long = false;
		input_status status = in->terminal ? read_terminal(in, prompt, deadline, line)
		                                   : read_plain(in, prompt, deadline, line, &too_long);
		if (status == INPUT_LINE && *line && strlen(*line) > INPUT_MAX_LINE)
			too_long = true;
		if (!too_long)
			return status;
		free(*line);
		*line = NULL;
		printf("That line is longer than %d KiB, so it was not taken; type a shorter one.\n",
		       INPUT_MAX_LINE / 1024);
		fflush(stdout);
	}
}

void input_set_completions(input *in, const char *const *completions, bool complete_any)
{
	in->completions = completions;
	if (in->terminal) {
		active_completions = completions;
		active_complete_any = complete_any;
	}
}

void input_set_prompt_source(input *in, const char *(*prompt)(void *ctx), void *ctx)
{
	in->prompt_source = prompt;
	in->prompt_ctx = ctx;
}

void input_remember(input *in, const char *line)
{
	if (in->terminal && in->history_path && line[0])
		add_history(line);
}

bool input_take_resize(input *in)
{
	(void)in;
	if (!resized)
		return false;
	resized = 0;
	return true;
}

int input_columns(const input *in)
{
	return in->terminal ? term_text_width(STDOUT_FILENO) : term_text_width(-1);
}

bool input_confirm(input *in, const char *question)
{
	/* A script has nobody to ask, and its next line is an answer. */
	if (!in->terminal)
		return true;
	/* The line cut short belongs to the read after this one. */
	char *kept = in->interrupted_text;
	in->interrupted_text = NULL;
	char *answer = NULL;
	input_status status = input_read(in, question, 0, &answer);
	free(in->interrupted_text);
	in->interrupted_text = kept;
	/* Ctrl-D takes the default, no; a second Ctrl-C or a closed terminal
	 * means leave. */
	bool yes = status == INPUT_LINE ? answer[0] == 'y' || answer[0] == 'Y'
	                                : status != INPUT_EOF;
	free(answer);
	return yes;
}

char *input_history_path(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	buf b;
	buf_init(&b);
	if (state && state[0] == '/')
		buf_printf(&b, "%s/recall/history", state);
	else if (home && *home)
		buf_printf(&b, "%s/.local/state/recall/history", home);
	else
		return NULL;
	return buf_detach(&b);
}
