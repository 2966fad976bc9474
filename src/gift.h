/* gift.h - Moodle's GIFT question format: a compiled quiz written as GIFT, and GIFT read back */
#ifndef RECALL_GIFT_H
#define RECALL_GIFT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "quiz.h"
#include "util.h"

/* GIFT as Moodle's question/format/gift/format.php reads and writes it:
 * questions apart by blank lines, `//` comments, `::name::`, the answer
 * block between the first unescaped `{` and `}`, and the escapes \~ \= \#
 * \{ \} \: \\ and \n. */

/* Says what GIFT cannot hold of question `q` ("hint left out"); called as
 * the export meets it. */
typedef void (*gift_note_cb)(const quiz_question *q, const char *message, void *ctx);

/* Appends quiz `q` as GIFT: a $CATEGORY line with the bank's title, then a
 * question per recall question, named by its id, with its tags in a
 * `// [tag:...]` comment Moodle reads. Kinds map as:
 *   date    a year: numerical {#2023:0}; else short answer with the date
 *           written several ways ("June 18, 2023", "18 June 2023", ...)
 *   actor   short answer: the name, its family name (unless another actor
 *           of the bank has it), acronym, aliases and accepted answers
 *   number  numerical {#value:tolerance} (a % tolerance made absolute)
 *   text    short answer, the answer and every accepted one
 *   claim   true/false, a correction as the feedback to a wrong answer
 *   choice  multiple choice; select-all with weights summing to 100%
 *   order   matching, each item to its place (1, 2, ...)
 *   match   matching
 *   cloze   one blank: a missing-word short answer; more blanks cannot be
 *           said in GIFT, and the question is left out
 * `explain` and the source passage become general feedback. Hints, rejected
 * answers, points, units and left-out questions are told to `note`. */
void gift_export(const quiz *q, buf *out, gift_note_cb note, void *ctx);

/* Appends `s` with GIFT's special characters escaped. */
void gift_escape(buf *out, const char *s);

/* --- Reading ------------------------------------------------------------ */

typedef enum {
	GIFT_SHORT,        /* short answer */
	GIFT_CHOICE,       /* multiple choice, one right answer */
	GIFT_MULTI,        /* multiple choice, several right answers (checkboxes) */
	GIFT_TRUEFALSE,
	GIFT_MATCH,
	GIFT_NUMBER,
	GIFT_DESCRIPTION,  /* no answer block */
	GIFT_ESSAY,        /* an empty answer block */
} gift_type;

typedef struct {
	char *text;        /* unescaped; for a match, the left side */
	char *right;       /* a match's right side; NULL otherwise */
	char *feedback;    /* NULL when none */
	double weight;     /* percent: 100 for `=`, 0 for `~`, or as %N% says */
	bool has_number;   /* numerical: value and tolerance */
	double value, tolerance;
} gift_answer;

typedef struct {
	gift_type type;
	char *name;             /* ::name::, unescaped; NULL when none */
	char *category;         /* the $CATEGORY in force; NULL when none */
	char *text;             /* the question text; for a missing word, the text
	                           before the blank */
	char *after;            /* missing word: the text after the blank; else NULL */
	char *format;           /* [html], [markdown] ...: the format asked; NULL */
	gift_answer *answers;
	size_t n_answers;
	bool truth;             /* true/false */
	char *general_feedback; /* NULL when none */
	char **tags;            /* from // [tag:x] comments before the question */
	size_t n_tags;
	int line, col;          /* where the question starts */
} gift_question;

typedef struct {
	gift_question *questions;
	size_t count;
} gift_file;

/* Reads GIFT text (`len` bytes, UTF-8) named `name` for diagnostics. Every
 * question that cannot be read is an error in `d` at its line and column
 * (an answer block left open, a matching question with one pair, a
 * numerical answer that is not a number ...); the rest are read. Returns
 * true when there was no error. *out holds what was read either way; free
 * it with gift_file_release. */
bool gift_parse(const char *name, const char *text, size_t len, diag_list *d, gift_file *out);
void gift_file_release(gift_file *f);

#endif
