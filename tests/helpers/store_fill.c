/* store_fill.c - records scripted sessions through the store API, so tests have results to read */
/*
 * Usage: store_fill DB [BUSY_MS] < SCRIPT
 *
 * One command a line, fields separated by '|', the last field taking the
 * rest of the line; in text fields \n, \r, \t, \\ and \xHH are unescaped.
 * Times are UTC, YYYY-MM-DDTHH:MM:SS[.mmm]Z; an empty time means now.
 *
 *   bank|HASH|TITLE|PATH                     a new bank; questions follow
 *   question|ID|KIND|POINTS|PROMPT|ANSWER
 *   use|HASH                                 sessions from now on are on that bank
 *   session|LEARNER|MODE|STARTED|SEED|PLANNED|MAX   (empty MAX: the bank's points)
 *   answer|QID|VERDICT|CREDIT|HINTS|PASSAGE|TIME_MS|ANSWERED|TEXT
 *   override|CREDIT
 *   end|STATUS|SCORE|MAX|ENDED              (empty: the running score, the session's max)
 *   sleep|MS
 *
 * After each answer is recorded it prints "recorded N" (N counted over the
 * whole run) and flushes, so a test can kill it at a known point.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quiz.h"
#include "store.h"
#include "util.h"

#define MAX_FIELDS 10

static int line_no;

/* The time the store stamps: the script's, or the system's when 0. */
static int64_t script_time;

static int64_t script_clock(void *ctx)
{
	(void)ctx;
	if (script_time)
		return script_time;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "store_fill: line %d: ", line_no);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static char *unescape(const char *s)
{
	buf out;
	buf_init(&out);
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			buf_putc(&out, *s);
			continue;
		}
		s++;
		switch (*s) {
		case 'n': buf_putc(&out, '\n'); break;
		case 'r': buf_putc(&out, '\r'); break;
		case 't': buf_putc(&out, '\t'); break;
		case 'x':
			if (hex_digit(s[1]) >= 0 && hex_digit(s[2]) >= 0) {
				buf_putc(&out, (char)(hex_digit(s[1]) * 16 + hex_digit(s[2])));
				s += 2;
				break;
			}
			/* fall through */
		default: buf_putc(&out, *s); break;
		}
	}
	return buf_detach(&out);
}

/* Splits `line` in place into at most `max` fields; the last keeps any '|'. */
static int split(char *line, char **fields, int max)
{
	int n = 0;
	fields[n++] = line;
	for (char *p = line; *p && n < max; p++) {
		if (*p == '|') {
			*p = '\0';
			fields[n++] = p + 1;
		}
	}
	return n;
}

static int64_t parse_time(const char *s)
{
	if (!*s)
		return 0;
	struct tm tm = {0};
	int ms = 0;
	if (sscanf(s, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
	           &tm.tm_min, &tm.tm_sec) != 6)
		die("bad time '%s'", s);
	const char *dot = strchr(s, '.');
	if (dot)
		ms = atoi(dot + 1);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (int64_t)timegm(&tm) * 1000 + ms;
}

static double number(const char *s, double fallback)
{
	if (!*s)
		return fallback;
	char *end;
	double x = strtod(s, &end);
	if (*end)
		die("bad number '%s'", s);
	return x;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: store_fill DB [BUSY_MS] < SCRIPT\n", stderr);
		return 2;
	}
	store_options opt = {.path = argv[1], .write = true};
	if (argc > 2)
		opt.busy_timeout_ms = atoi(argv[2]);
	store *s;
	char *msg;
	store_status status = store_open(&opt, &s, &msg);
	if (status != STORE_OK) {
		fprintf(stderr, "store_fill: %s\n", msg);
		free(msg);
		return 3;
	}
	store_set_clock(s, script_clock, NULL);
	quiz **quizzes = NULL;
	size_t n_quizzes = 0;
	quiz *q = NULL;
	store_session *ss = NULL;
	double running = 0, session_max = 0, last_points = 0, last_credit = 0;
	long recorded = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, stdin)) > 0) {
		line_no++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (!*line || *line == '#')
			continue;
		char *f[MAX_FIELDS];
		int n = split(line, f, MAX_FIELDS);
		if (strcmp(f[0], "bank") == 0 && n == 4) {
			q = quiz_new();
			quizzes = xrealloc(quizzes, (n_quizzes + 1) * sizeof *quizzes);
			quizzes[n_quizzes++] = q;
			char *title = unescape(f[2]);
			quiz_set_hash(q, f[1]);
			quiz_set_title(q, title);
			if (*f[3])
				quiz_set_bank_path(q, f[3]);
			free(title);
		} else if (strcmp(f[0], "use") == 0 && n == 2) {
			q = NULL;
			for (size_t i = 0; i < n_quizzes; i++)
				if (strcmp(quiz_hash(quizzes[i]), f[1]) == 0)
					q = quizzes[i];
			if (!q)
				die("no bank '%s'", f[1]);
		} else if (strcmp(f[0], "question") == 0 && n == 6 && q) {
			quiz_question *qq = quiz_add_question(q);
			char *prompt = unescape(f[4]), *answer = unescape(f[5]);
			qq->id = arena_strdup(quiz_arena(q), f[1]);
			qq->kind = quiz_kind_parse(f[2]);
			if (qq->kind == QUIZ_KIND_COUNT)
				die("unknown kind '%s'", f[2]);
			qq->points = number(f[3], 1);
			qq->prompt = arena_strdup(quiz_arena(q), prompt);
			qq->answer_text = arena_strdup(quiz_arena(q), answer);
			free(prompt);
			free(answer);
		} else if (strcmp(f[0], "session") == 0 && n == 7 && q) {
			if (ss)
				store_session_free(ss);
			double points = 0;
			for (size_t i = 0; i < quiz_question_count(q); i++)
				points += quiz_question_at(q, i)->points;
			char *learner = unescape(f[1]);
			store_session_options so = {
				.learner = learner,
				.mode = f[2],
				.has_seed = *f[4] != '\0',
				.seed = atoll(f[4]),
				.planned = atoi(f[5]),
				.max_score = number(f[6], points),
			};
			script_time = parse_time(f[3]);
			status = store_session_begin(s, q, &so, &ss);
			free(learner);
			if (status != STORE_OK)
				die("%s", store_errmsg(s));
			running = 0;
			session_max = so.max_score;
		} else if (strcmp(f[0], "answer") == 0 && n == 9 && ss) {
			char *text = unescape(f[8]);
			store_response r = {
				.question_id = f[1],
				.verdict = f[2],
				.credit = number(f[3], 0),
				.hints = atoi(f[4]),
				.passage = atoi(f[5]) != 0,
				.time_ms = atoll(f[6]),
				.answer = text,
			};
			script_time = parse_time(f[7]);
			status = store_session_record(ss, &r);
			free(text);
			if (status != STORE_OK)
				die("%s", store_errmsg(s));
			const quiz_question *qq = quiz_find(q, r.question_id);
			last_points = qq ? qq->points : 1;
			last_credit = r.credit;
			running += r.credit * last_points;
			printf("recorded %ld\n", ++recorded);
			fflush(stdout);
		} else if (strcmp(f[0], "override") == 0 && n == 2 && ss) {
			double credit = number(f[1], 1);
			if (store_session_override(ss, credit) != STORE_OK)
				die("%s", store_errmsg(s));
			running += (credit - last_credit) * last_points;
			last_credit = credit;
		} else if (strcmp(f[0], "end") == 0 && n == 5 && ss) {
			script_time = parse_time(f[4]);
			store_session_status st = store_session_status_parse(f[1]);
			if (st == STORE_STATUS_COUNT)
				die("unknown status '%s'", f[1]);
			if (store_session_end(ss, st, number(f[2], running), number(f[3], session_max)) !=
			    STORE_OK)
				die("%s", store_errmsg(s));
			store_session_free(ss);
			ss = NULL;
		} else if (strcmp(f[0], "sleep") == 0 && n == 2) {
			long ms = atol(f[1]);
			struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
			while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
				;
		} else {
			die("cannot read '%s'", f[0]);
		}
	}
	free(line);
	store_session_free(ss);
	store_close(s);
	for (size_t i = 0; i < n_quizzes; i++)
		quiz_free(quizzes[i]);
	free(quizzes);
	return 0;
}
