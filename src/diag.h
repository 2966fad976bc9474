/* diag.h - positioned diagnostics (file:line:col: error: message) collected for one run */
#ifndef RECALL_DIAG_H
#define RECALL_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

typedef enum {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE,
} diag_severity;

/* Lines and columns are 1-based; 0 means "not known" and is left out of the
 * message. The column counts characters (code points), not bytes. */
typedef struct {
	diag_severity severity;
	char *file;    /* may be NULL */
	int line;
	int col;
	char *message;
	char *hint;    /* "did you mean `explain`?"; may be NULL */
} diag;

/* A list of diagnostics with the source texts they point into, so that a
 * formatted diagnostic can show its line and a caret under the column.
 * Library code adds to a list and never prints; main.c formats and prints. */
typedef struct diag_list diag_list;

diag_list *diag_list_new(void);
void diag_list_free(diag_list *l);

/* Remembers the text of `file` so diagnostics in it show the line. The text
 * is not copied here: it must stay valid while diagnostics may still be
 * added for `file`; the first one added copies it. */
void diag_add_source(diag_list *l, const char *file, const char *text, size_t len);

/* Adds a diagnostic; returns it so a hint can be attached with diag_hint. */
diag *diag_add(diag_list *l, diag_severity sev, const char *file, int line, int col,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diag_hint(diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Turns every warning into an error (`--strict`). */
void diag_promote_warnings(diag_list *l);

size_t diag_count(const diag_list *l);
const diag *diag_at(const diag_list *l, size_t i);
size_t diag_errors(const diag_list *l);
size_t diag_warnings(const diag_list *l);

/* Appends every diagnostic as text: the `file:line:col: error: message` line,
 * then (when the source is known) the line itself and a caret under the
 * column, then `  hint: ...`. With `color`, severities are coloured with SGR.
 * Source lines are sanitised for the terminal. */
void diag_format(const diag_list *l, bool color, buf *out);

/* For "did you mean": the candidate closest to `word` by edit distance
 * (adjacent transpositions count one), when it is close enough to be a slip
 * (1 edit up to 4 letters, 2 up to 8, else 3), or a candidate of 4 letters or
 * more found inside `word` (`multiple-choice` for `choice`); else NULL. The
 * result is one of `candidates`. */
const char *diag_suggest(const char *word, const char *const *candidates, size_t n);

/* The 1-based line and column (in code points) of byte `offset` in `text`. */
void diag_locate(const char *text, size_t len, size_t offset, int *line, int *col);

#endif
