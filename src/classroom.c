/* classroom.c - what the class commands share: opening a class, finding a student, its exam settings */
#include "classroom.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "normalize.h"
#include "sitting.h"
#include "text.h"

void classroom_error(const char *cmd, const char *fmt, ...)
{
	buf raw, clean;
	buf_init(&raw);
	buf_init(&clean);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	text_sanitize(raw.ptr, raw.len, &clean);
	fprintf(stderr, "recall %s: %s\n", cmd, clean.ptr);
	buf_release(&raw);
	buf_release(&clean);
}

typedef struct {
	buf names;
	size_t count;
} class_names;

static int collect_class(const store_class *c, void *ctx)
{
	class_names *n = ctx;
	if (n->count < 10)
		buf_printf(&n->names, "%s'%s'", n->count ? ", " : "", c->name);
	else if (n->count == 10)
		buf_puts(&n->names, ", ...");
	n->count++;
	return 0;
}

int classroom_open(const char *cmd, const char *db, const char *name, bool write, store **out,
                   store_class *c)
{
	*out = NULL;
	store_options so = {
		.path = db, .must_exist = true, .write = write, .only_existing_folder = true};
	char *err = NULL;
	store_status st = store_open(&so, out, &err);
	if (st == STORE_MISSING) {
		classroom_error(cmd, "%s; a class begins with 'recall roster import FILE --class %s'",
		                err, name);
		free(err);
		return EXIT_PROBLEMS;
	}
	if (st != STORE_OK) {
		classroom_error(cmd, "%s", err);
		free(err);
		return EXIT_PROBLEMS;
	}
	st = store_class_get(*out, name, c);
	if (st == STORE_OK)
		return EXIT_OK;
	if (st == STORE_MISSING) {
		class_names known = {0};
		buf_init(&known.names);
		store_list_classes(*out, collect_class, &known);
		if (known.count)
			classroom_error(cmd, "there is no class '%s'; the classes are %s", name,
			                known.names.ptr);
		else
			classroom_error(cmd, "there is no class '%s'; 'recall roster import FILE --class "
			                     "%s' makes one",
			                name, name);
		buf_release(&known.names);
	} else {
		classroom_error(cmd, "%s", store_errmsg(*out));
	}
	store_close(*out);
	*out = NULL;
	return EXIT_PROBLEMS;
}

typedef struct {
	const char *wanted;
	char *best[3];
	int distance[3];
} nearest_ids;

static int consider_id(const store_roster_row *row, void *ctx)
{
	nearest_ids *n = ctx;
	int d = norm_osa_utf8(n->wanted, strlen(n->wanted), row->id, strlen(row->id), 2);
	if (d > 2)
		return 0;
	for (int i = 0; i < 3; i++) {
		if (!n->best[i] || d < n->distance[i]) {
			free(n->best[2]);
			memmove(&n->best[i + 1], &n->best[i], (size_t)(2 - i) * sizeof n->best[0]);
			memmove(&n->distance[i + 1], &n->distance[i], (size_t)(2 - i) * sizeof(int));
			n->best[i] = xstrdup(row->id);
			n->distance[i] = d;
			break;
		}
	}
	return 0;
}

int classroom_find_student(const char *cmd, store *s, const char *class_name, const char *id,
                           char **name)
{
	*name = NULL;
	if (store_roster_find(s, class_name, id, name) != STORE_OK) {
		classroom_error(cmd, "%s", store_errmsg(s));
		return EXIT_PROBLEMS;
	}
	if (*name)
		return EXIT_OK;
	nearest_ids near = {.wanted = id};
	store_roster_list(s, class_name, consider_id, &near);
	buf hint;
	buf_init(&hint);
	for (int i = 0; i < 3 && near.best[i]; i++) {
		buf_printf(&hint, "%s'%s'", i ? (i == 2 || !near.best[i + 1] ? " or " : ", ")
		                             : "; did you mean ",
		           near.best[i]);
		free(near.best[i]);
	}
	if (hint.len)
		buf_putc(&hint, '?');
	classroom_error(cmd, "'%s' is not on the roster of class '%s'%s", id, class_name, hint.ptr);
	buf_release(&hint);
	return EXIT_PROBLEMS;
}

void classroom_session_options(const store_class *c, session_options *out)
{
	bool practice = strcmp(c->mode, "practice") == 0;
	*out = (session_options){
		.mode = practice ? SESSION_PRACTICE : SESSION_EXAM,
		.shuffle = c->shuffle,
		.seed = (uint64_t)c->seed,
		.allow_hints = c->allow_hints,
		.allow_override = practice && c->allow_override,
	};
}

void classroom_intro(const store_class *c, const char *student_id, const char *student_name,
                     size_t questions, int64_t time_limit_ms, buf *out)
{
	buf_printf(out, "%s · %s (%s) · %zu question%s · %s mode", c->name, student_name, student_id,
	           questions, questions == 1 ? "" : "s", c->mode);
	if (time_limit_ms > 0) {
		buf_puts(out, " · ");
		sitting_format_limit(time_limit_ms, out);
		buf_puts(out, " time limit");
	}
	buf_puts(out, " · :help for commands");
}
