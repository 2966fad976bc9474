/* roster.c - a class roster read from CSV (id,name[,group]), every bad row reported */
#include "roster.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "normalize.h"
#include "text.h"

struct roster {
	arena *arena;
	roster_student *students;
	size_t count, cap;
};

/* One field as read: where it starts (for diagnostics) and its text with
 * quotes undone and outer spaces dropped. */
typedef struct {
	size_t offset;
	char *text;
	size_t len;
} field;

typedef struct {
	const char *name;
	const char *text;
	size_t len;
	size_t pos;
	diag_list *d;
	size_t errors;
	arena *arena;
	field *fields;
	size_t n_fields, cap_fields;
	buf value;
	size_t line_at;     /* an offset whose line is known, so that finding */
	int line_of_at;     /* each record's line does not rescan the file */
	size_t line_start;  /* where that line starts */
} reader;

/* Past this many errors the rest are not reported: a file that bad is not
 * a roster, and reporting stays linear in its size. */
#define MAX_ERRORS 100

/* The 1-based line of `offset`, counted on from the last one asked for. */
static int line_of(reader *r, size_t offset)
{
	if (offset < r->line_at) {
		r->line_at = 0;
		r->line_of_at = 1;
		r->line_start = 0;
	}
	for (size_t i = r->line_at; i < offset && i < r->len; i++) {
		if (r->text[i] == '\n') {
			r->line_of_at++;
			r->line_start = i + 1;
		}
	}
	r->line_at = offset;
	return r->line_of_at;
}

/* The line and column (in code points) of `offset`. */
static void locate(reader *r, size_t offset, int *line, int *col)
{
	*line = line_of(r, offset);
	int n = 1;
	for (size_t i = r->line_start; i < offset && i < r->len; i++)
		if (((unsigned char)r->text[i] & 0xC0) != 0x80)
			n++;
	*col = n;
}

static void error_at(reader *r, size_t offset, const char *fmt, const char *arg, const char *hint)
{
	r->errors++;
	if (r->errors > MAX_ERRORS)
		return;
	int line, col;
	locate(r, offset, &line, &col);
	diag *dg = diag_add(r->d, DIAG_ERROR, r->name, line, col, fmt, arg);
	if (hint)
		diag_hint(dg, "%s", hint);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool at_line_end(const reader *r)
{
	return r->pos >= r->len || r->text[r->pos] == '\n' ||
	       (r->text[r->pos] == '\r' && r->pos + 1 < r->len && r->text[r->pos + 1] == '\n');
}

static void skip_line_end(reader *r)
{
	if (r->pos < r->len && r->text[r->pos] == '\r')
		r->pos++;
	if (r->pos < r->len && r->text[r->pos] == '\n')
		r->pos++;
}

/* Skips the rest of a record that went wrong, honouring quotes so a line
 * break inside them does not start a record. */
static void skip_record(reader *r)
{
	bool quoted = false;
	while (r->pos < r->len) {
		char c = r->text[r->pos];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && at_line_end(r))
			break;
		r->pos++;
	}
	skip_line_end(r);
}

static void push_field(reader *r, size_t offset)
{
	if (r->n_fields == r->cap_fields) {
		r->cap_fields = r->cap_fields ? r->cap_fields * 2 : 8;
		r->fields = xrealloc(r->fields, r->cap_fields * sizeof *r->fields);
	}
	/* Spaces around an unquoted field are typing, not data. */
	size_t start = 0, end = r->value.len;
	while (start < end && is_blank(r->value.ptr[start]))
		start++;
	while (end > start && is_blank(r->value.ptr[end - 1]))
		end--;
	r->fields[r->n_fields++] = (field){
		.offset = offset,
		.text = arena_strndup(r->arena, r->value.ptr + start, end - start),
		.len = end - start,
	};
	buf_clear(&r->value);
}

/* Reads one record into r->fields. Returns false at the end of the text,
 * or (after reporting it and skipping the record) for a malformed one, with
 * *bad set. */
static bool read_record(reader *r, size_t *record_start, bool *bad)
{
	*bad = false;
	r->n_fields = 0;
	buf_clear(&r->value);
	if (r->pos >= r->len)
		return false;
	*record_start = r->pos;
	for (;;) {
		while (r->pos < r->len && is_blank(r->text[r->pos]))
			r->pos++;
		size_t field_start = r->pos;
		if (r->pos < r->len && r->text[r->pos] == '"') {
			size_t open = r->pos++;
			bool closed = false;
			while (r->pos < r->len) {
				char c = r->text[r->pos++];
				if (c != '"') {
					buf_putc(&r->value, c);
				} else if (r->pos < r->len && r->text[r->pos] == '"') {
					buf_putc(&r->value, '"');
					r->pos++;
				} else {
					closed = true;
					break;
				}
			}
			if (!closed) {
				error_at(r, open, "%s", "a quoted field is never closed",
				         "end it with a double quote; a quote inside it is written twice (\"\")");
				r->pos = r->len;
				*bad = true;
				return false;
			}
			while (r->pos < r->len && is_blank(r->text[r->pos]))
				r->pos++;
			if (!at_line_end(r) && r->text[r->pos] != ',') {
				error_at(r, r->pos, "%s", "text after a closing quote",
				         "a quote inside a quoted field is written twice (\"\")");
				skip_record(r);
				*bad = true;
				return true;
			}
		} else {
			while (!at_line_end(r) && r->text[r->pos] != ',') {
				char c = r->text[r->pos];
				if (c == '"') {
					error_at(r, r->pos, "%s", "a quote inside a field that is not quoted",
					         "put the whole field in double quotes and write the quote twice");
					skip_record(r);
					*bad = true;
					return true;
				}
				if (c == '\r') {
					error_at(r, r->pos, "%s", "a carriage return inside a field", NULL);
					skip_record(r);
					*bad = true;
					return true;
				}
				buf_putc(&r->value, c);
				r->pos++;
			}
		}
		push_field(r, field_start);
		if (at_line_end(r)) {
			skip_line_end(r);
			return true;
		}
		r->pos++;   /* the comma */
	}
}

static bool all_empty(const reader *r)
{
	for (size_t i = 0; i < r->n_fields; i++)
		if (r->fields[i].len)
			return false;
	return true;
}

bool roster_valid_id(const char *id, const char **why)
{
	const char *reason = NULL;
	size_t len = id ? strlen(id) : 0;
	if (len == 0)
		reason = "an id cannot be empty";
	else if (len > 64)
		reason = "an id is at most 64 bytes";
	else if (!text_valid_utf8(id, len, NULL))
		reason = "an id must be UTF-8";
	else if (id[0] == ':')
		reason = "an id cannot start with ':'";
	for (const unsigned char *p = (const unsigned char *)id; !reason && p && *p; p++) {
		if (*p == ' ' || *p == '\t')
			reason = "an id cannot hold spaces";
		else if (*p < 0x20 || *p == 0x7f)
			reason = "an id cannot hold control characters";
	}
	if (why)
		*why = reason;
	return !reason;
}

static const char *name_problem(const char *s, size_t len, size_t max)
{
	if (len > max)
		return "longer than allowed";
	if (!text_valid_utf8(s, len, NULL))
		return "not UTF-8";
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || c == '\r')
			return "holds a line break";
		if (c < 0x20 || c == 0x7f)
			return "holds a control character";
	}
	return NULL;
}

bool roster_valid_class(const char *name, const char **why)
{
	size_t len = name ? strlen(name) : 0;
	const char *reason = NULL;
	if (len == 0)
		reason = "a class needs a name";
	else if (len > 64)
		reason = "a class's name is at most 64 bytes";
	else if (name_problem(name, len, 64))
		reason = "a class's name must be UTF-8 with no control characters";
	if (why)
		*why = reason;
	return !reason;
}

enum { COL_ID, COL_NAME, COL_GROUP, COL_COUNT };
static const char *const column_names[COL_COUNT] = {"id", "name", "group"};

/* Reads the header: which field holds which column (-1: none). */
static bool read_header(reader *r, int where[COL_COUNT])
{
	for (int c = 0; c < COL_COUNT; c++)
		where[c] = -1;
	bool ok = true;
	for (size_t i = 0; i < r->n_fields; i++) {
		const field *f = &r->fields[i];
		int known = -1;
		for (int c = 0; c < COL_COUNT; c++)
			if (strcasecmp(f->text, column_names[c]) == 0)
				known = c;
		if (known < 0) {
			int line, col;
			locate(r, f->offset, &line, &col);
			diag *dg = diag_add(r->d, DIAG_WARNING, r->name, line, col,
			                    "unknown column '%s' is ignored", f->text);
			for (int c = 0; c < COL_COUNT; c++)
				if (norm_osa_utf8(f->text, f->len, column_names[c], strlen(column_names[c]),
				                  2) <= 2 && f->len > 1)
					diag_hint(dg, "did you mean '%s'?", column_names[c]);
			if (!dg->hint)
				diag_hint(dg, "the columns are id, name and (optionally) group");
		} else if (where[known] >= 0) {
			error_at(r, f->offset, "the column '%s' is named twice", column_names[known], NULL);
			ok = false;
		} else {
			where[known] = (int)i;
		}
	}
	for (int c = 0; c < COL_GROUP; c++) {
		if (where[c] < 0) {
			error_at(r, r->n_fields ? r->fields[0].offset : 0, "the header has no '%s' column",
			         column_names[c], "the first line names the columns: id,name[,group]");
			ok = false;
		}
	}
	return ok;
}

static void add_student(roster *ro, const char *id, const char *name, const char *group, int line)
{
	if (ro->count == ro->cap) {
		ro->cap = ro->cap ? ro->cap * 2 : 32;
		ro->students = xrealloc(ro->students, ro->cap * sizeof *ro->students);
	}
	ro->students[ro->count++] = (roster_student){id, name, group, line};
}

/* An index of ids seen so far, for finding one listed twice. */
typedef struct {
	const char **ids;
	int *lines;
	size_t cap;   /* a power of two */
	size_t count;
} id_table;

static uint64_t hash_text(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

/* Adds `id`; returns 0, or the line it was first seen on. */
static int id_table_add(id_table *t, const char *id, int line)
{
	if ((t->count + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		const char **ids = xcalloc(cap, sizeof *ids);
		int *lines = xcalloc(cap, sizeof *lines);
		for (size_t i = 0; i < t->cap; i++) {
			if (!t->ids[i])
				continue;
			size_t j = hash_text(t->ids[i]) & (cap - 1);
			while (ids[j])
				j = (j + 1) & (cap - 1);
			ids[j] = t->ids[i];
			lines[j] = t->lines[i];
		}
		free(t->ids);
		free(t->lines);
		t->ids = ids;
		t->lines = lines;
		t->cap = cap;
	}
	size_t j = hash_text(id) & (t->cap - 1);
	while (t->ids[j]) {
		if (strcmp(t->ids[j], id) == 0)
			return t->lines[j];
		j = (j + 1) & (t->cap - 1);
	}
	t->ids[j] = id;
	t->lines[j] = line;
	t->count++;
	return 0;
}

static void check_record(reader *r, roster *ro, const int where[COL_COUNT], size_t header_fields,
                         size_t record_start, id_table *seen)
{
	int line = line_of(r, record_start);
	if (r->n_fields != header_fields) {
		char what[96];
		snprintf(what, sizeof what, "%zu field%s where the header has %zu", r->n_fields,
		         r->n_fields == 1 ? "" : "s", header_fields);
		error_at(r, record_start, "%s", what,
		         "a field holding a comma is put in double quotes: \"Lima, Ana\"");
		return;
	}
	const field *id = &r->fields[where[COL_ID]];
	const field *name = &r->fields[where[COL_NAME]];
	const field *group = where[COL_GROUP] >= 0 ? &r->fields[where[COL_GROUP]] : NULL;
	bool ok = true;
	const char *why;
	if (!roster_valid_id(id->text, &why)) {
		error_at(r, id->offset, "%s", why, id->len ? NULL : "every student needs an id");
		ok = false;
	}
	if (name->len == 0) {
		error_at(r, name->offset, "%s", "a student needs a name", NULL);
		ok = false;
	} else if ((why = name_problem(name->text, name->len, 256))) {
		error_at(r, name->offset, "the name %s", strcmp(why, "longer than allowed") == 0
		                                             ? "is longer than 256 bytes"
		                                             : why,
		         NULL);
		ok = false;
	}
	if (group && (why = name_problem(group->text, group->len, 256))) {
		error_at(r, group->offset, "the group %s", strcmp(why, "longer than allowed") == 0
		                                               ? "is longer than 256 bytes"
		                                               : why,
		         NULL);
		ok = false;
	}
	if (!ok)
		return;
	int first = id_table_add(seen, id->text, line);
	if (first) {
		char hint[64];
		snprintf(hint, sizeof hint, "it was first listed on line %d", first);
		error_at(r, id->offset, "the id '%s' is listed twice", id->text, hint);
		return;
	}
	add_student(ro, id->text, name->text, group ? group->text : "", line);
}

roster *roster_parse(const char *name, const char *text, size_t len, diag_list *d)
{
	diag_add_source(d, name, text, len);
	size_t bad;
	if (!text_valid_utf8(text, len, &bad)) {
		int line, col;
		diag_locate(text, len, bad, &line, &col);
		diag_add(d, DIAG_ERROR, name, line, col, "%s",
		         text[bad] ? "invalid UTF-8" : "a NUL byte; a roster is text");
		return NULL;
	}
	roster *ro = xcalloc(1, sizeof *ro);
	ro->arena = arena_new();
	reader r = {.name = name, .text = text, .len = len, .d = d, .arena = ro->arena,
	            .line_of_at = 1};
	buf_init(&r.value);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r.pos = 3;

	int where[COL_COUNT];
	bool have_header = false, header_ok = false;
	size_t header_fields = 0;
	id_table seen = {0};
	size_t record_start;
	bool malformed;
	while (read_record(&r, &record_start, &malformed) || malformed) {
		if (malformed || all_empty(&r))
			continue;
		if (!have_header) {
			have_header = true;
			header_fields = r.n_fields;
			header_ok = read_header(&r, where);
			continue;
		}
		if (header_ok)
			check_record(&r, ro, where, header_fields, record_start, &seen);
	}
	if (!have_header && r.errors == 0)
		diag_add(d, DIAG_ERROR, name, 1, 1, "%s",
		         "the roster is empty; its first line names the columns: id,name[,group]");
	else if (header_ok && ro->count == 0 && r.errors == 0)
		diag_add(d, DIAG_ERROR, name, 1, 1, "%s", "the roster lists no students");
	if (r.errors > MAX_ERRORS)
		diag_add(d, DIAG_NOTE, name, 0, 0, "%zu more errors not shown", r.errors - MAX_ERRORS);
	free(seen.ids);
	free(seen.lines);
	free(r.fields);
	buf_release(&r.value);
	if (diag_errors(d)) {
		roster_free(ro);
		return NULL;
	}
	return ro;
}

roster *roster_load(const char *path, diag_list *d)
{
	buf text;
	buf_init(&text);
	int err = read_file(path, ROSTER_MAX_SIZE, &text);
	roster *r = NULL;
	if (err == EFBIG)
		diag_add(d, DIAG_ERROR, path, 0, 0, "the file is larger than %u MiB; is it a roster?",
		         ROSTER_MAX_SIZE >> 20);
	else if (err == EISDIR)
		diag_add(d, DIAG_ERROR, path, 0, 0, "%s", "a folder, not a roster file");
	else if (err)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read it: %s", strerror(err));
	else
		r = roster_parse(path, text.ptr, text.len, d);
	buf_release(&text);
	return r;
}

void roster_free(roster *r)
{
	if (!r)
		return;
	arena_free(r->arena);
	free(r->students);
	free(r);
}

size_t roster_count(const roster *r)
{
	return r->count;
}

const roster_student *roster_at(const roster *r, size_t i)
{
	return i < r->count ? &r->students[i] : NULL;
}
