/* roster.h - a class roster read from CSV (id,name[,group]), every bad row reported */
#ifndef RECALL_ROSTER_H
#define RECALL_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The file is CSV as RFC 4180 has it, in UTF-8 (a byte-order mark is
 * skipped): fields separated by commas, records by CRLF or LF, a field in
 * double quotes may hold commas and line breaks, and "" inside it is one
 * quote. The first record is the header and names the columns, in any
 * order and any case: `id` and `name` are required, `group` optional; other
 * columns draw a warning and are ignored. Spaces around a field are
 * dropped, and blank records (nothing but commas) skipped. Every record must
 * have as many fields as the header. */

typedef struct {
	const char *id;      /* as roster_valid_id says */
	const char *name;    /* 1 to 256 bytes, no control characters */
	const char *group;   /* "" when none */
	int line;            /* where the record starts in the file */
} roster_student;

typedef struct roster roster;

/* Larger files are refused. */
#define ROSTER_MAX_SIZE (16u * 1024 * 1024)

/* Parses roster text that diagnostics call `name`. Every problem is added to
 * `d` at its line and column (a bad field, a quote never closed, a record
 * with the wrong number of fields, an id listed twice ...), all of them in
 * one run. Returns NULL when there is any error; otherwise a roster of at
 * least one student, which the caller frees with roster_free. Strings live
 * until then. */
roster *roster_parse(const char *name, const char *text, size_t len, diag_list *d);

/* Reads the file at `path` and parses it; a file that cannot be read is one
 * diagnostic. */
roster *roster_load(const char *path, diag_list *d);

void roster_free(roster *r);
size_t roster_count(const roster *r);
const roster_student *roster_at(const roster *r, size_t i);

/* A student id is what a student types at a prompt: 1 to 64 bytes of UTF-8,
 * no white space or control characters, not starting with ':' (the prompt's
 * own commands do). When it is not one, *why (if given) says why. */
bool roster_valid_id(const char *id, const char **why);

/* A class's name: 1 to 64 bytes of UTF-8 with no control characters. */
bool roster_valid_class(const char *name, const char **why);

#endif
