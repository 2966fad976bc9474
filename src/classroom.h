/* classroom.h - what the class commands share: opening a class, finding a student, its exam settings */
#ifndef RECALL_CLASSROOM_H
#define RECALL_CLASSROOM_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"
#include "store.h"
#include "util.h"

/* These print their failures ("recall CMD: ...", sanitised) like the
 * commands they serve, and return an exit status. */

/* Opens the database (never creating it; `write` as store_options has it)
 * and reads class `name`. EXIT_OK with *out open and *c filled (c->name is
 * `name`); else *out is NULL and a message was printed: no database, no such
 * class (with the classes it knows), or one that cannot be opened. */
int classroom_open(const char *cmd, const char *db, const char *name, bool write, store **out,
                   store_class *c);

/* Looks student `id` up on the class's roster. EXIT_OK with *name (the
 * caller frees) set; else a message ("'x' is not on the roster of class C",
 * with the nearest ids on it) and EXIT_PROBLEMS. */
int classroom_find_student(const char *cmd, store *s, const char *class_name, const char *id,
                           char **name);

/* The session options a class's exams are taken with: its mode, its one
 * seed and order, hints and overrides only when it allows them. */
void classroom_session_options(const store_class *c, session_options *out);

/* Appends the line shown under a class exam's title:
 * "7B · Ana Lima (s01) · 12 questions · exam mode · 20m time limit". */
void classroom_intro(const store_class *c, const char *student_id, const char *student_name,
                     size_t questions, int64_t time_limit_ms, buf *out);

/* Prints "recall CMD: message" on stderr with the message sanitised. */
void classroom_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
