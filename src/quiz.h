/* quiz.h - the compiled quiz: an immutable model of a bank's questions and its article */
#ifndef RECALL_QUIZ_H
#define RECALL_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "article.h"

/* Ownership: a quiz owns one arena and its article. Every question, actor
 * and string reachable from a quiz lives until quiz_free; nothing returned
 * here is freed by the caller. The builder functions (quiz_new ... quiz_add_*)
 * are for the bank compiler and the pack loader; everyone else only reads. */

typedef enum {
	QUIZ_DATE,
	QUIZ_ACTOR,
	QUIZ_NUMBER,
	QUIZ_TEXT,
	QUIZ_CLAIM,
	QUIZ_CHOICE,
	QUIZ_ORDER,
	QUIZ_MATCH,
	QUIZ_CLOZE,
	QUIZ_KIND_COUNT
} quiz_kind;

/* A calendar date at the precision the bank asked: month and day are 0 when
 * not given (YYYY or YYYY-MM). */
typedef struct {
	int year, month, day;
} quiz_date;

typedef enum {
	QUIZ_DATE_OK,
	QUIZ_DATE_MALFORMED,      /* not YYYY, YYYY-MM or YYYY-MM-DD */
	QUIZ_DATE_NONEXISTENT,    /* well formed, but no such day (2023-02-30) */
} quiz_date_status;

/* Parses a bank's date: YYYY, YYYY-MM or YYYY-MM-DD (years 1 to 9999). */
quiz_date_status quiz_date_parse_iso(const char *s, quiz_date *out);
/* Days in a month of a year of the Gregorian calendar. */
int quiz_days_in_month(int year, int month);

/* How a numeric date such as 6/7/2023 is read. */
typedef enum {
	QUIZ_DATE_ORDER_UNSET,
	QUIZ_DATE_ORDER_MDY,
	QUIZ_DATE_ORDER_DMY,
} quiz_date_order;

/* A list of strings. */
typedef struct {
	const char **items;
	size_t count;
} quiz_strings;

/* A person or organisation, declared in the bank's `actors:` map or made
 * from a question's inline answer (then `id` is NULL). */
typedef struct {
	const char *id;
	const char *name;
	const char *family;     /* NULL: the last word of the name */
	const char *acronym;    /* NULL when none is declared */
	quiz_strings aliases;
} quiz_actor;

/* Where a question's `source` quote was found in the article. */
typedef struct {
	const char *quote;      /* as written in the bank; NULL when absent */
	int paragraph;          /* 1-based ¶ number; 0 when not found */
	int line;               /* line in the article file */
	size_t start, end;      /* byte range in the paragraph's text */
} quiz_source;

/* One blank of a cloze: the accepted answers, the first shown as right. */
typedef struct {
	quiz_strings answers;
} quiz_blank;

typedef struct {
	const char *left, *right;
} quiz_pair;

typedef struct {
	const char *id;
	quiz_kind kind;
	const char *prompt;       /* cloze: the text with its blanks as written */
	const char *answer_text;  /* the right answer as shown to a student */
	quiz_strings accept;
	quiz_strings reject;
	const char *hint;
	const char *explain;
	quiz_source source;
	const char *after;        /* `after:` as written: ¶N or a heading; NULL when absent */
	int after_paragraph;      /* N of `after: ¶N`; 0 otherwise */
	quiz_strings tags;
	double points;            /* default 1 */
	int line, col;            /* where the question starts in the bank */

	/* The answer, by kind. The kinds share this memory: only the fields of
	 * the question's own kind hold anything, and only they may be read or
	 * written (a zeroed record is an empty answer of any kind). */
	union {
		quiz_date date;                   /* QUIZ_DATE */
		const quiz_actor *actor;          /* QUIZ_ACTOR */
		struct {                          /* QUIZ_NUMBER */
			double value;
			double tolerance;             /* absolute, or a fraction when percent */
			bool tolerance_is_percent;
			const char *unit;             /* NULL when none */
		} number;
		const char *text;                 /* QUIZ_TEXT */
		struct {                          /* QUIZ_CLAIM */
			bool truth;
			const char *correction;       /* for a false claim; may be NULL */
		} claim;
		struct {
			quiz_strings choices;         /* QUIZ_CHOICE, in the bank's order */
			const size_t *correct;        /* indices into choices */
			size_t n_correct;             /* more than one: select all that apply */
		};
		quiz_strings items;               /* QUIZ_ORDER, in the right order */
		struct {
			const quiz_pair *pairs;       /* QUIZ_MATCH, right sides as paired */
			size_t n_pairs;
		};
		struct {
			const quiz_blank *blanks;     /* QUIZ_CLOZE, in order */
			size_t n_blanks;
		};
	};
} quiz_question;

typedef struct quiz quiz;

quiz *quiz_new(void);
void quiz_free(quiz *q);

/* The arena every string of the quiz lives in. */
arena *quiz_arena(quiz *q);
/* The quiz takes ownership of the article. */
void quiz_set_article(quiz *q, article *a);
/* Strings are copied into the quiz's arena. */
void quiz_set_title(quiz *q, const char *title);
void quiz_set_bank_path(quiz *q, const char *path);
void quiz_set_date_order(quiz *q, quiz_date_order order);
/* The content hash identifies the bank's content (bank and article bytes) in
 * history and packs: 64 hex digits. */
void quiz_set_hash(quiz *q, const char *hex);
/* Returns a zeroed question (points 1) owned by the quiz, to be filled with
 * strings from quiz_arena. The pointer stays valid until quiz_free. */
quiz_question *quiz_add_question(quiz *q);
quiz_actor *quiz_add_actor(quiz *q);
/* Copies a string list into the arena. */
quiz_strings quiz_strings_copy(quiz *q, const char *const *items, size_t count);

const char *quiz_title(const quiz *q);
const char *quiz_bank_path(const quiz *q);
const char *quiz_hash(const quiz *q);
quiz_date_order quiz_get_date_order(const quiz *q);
const article *quiz_article(const quiz *q);   /* NULL when none */
size_t quiz_question_count(const quiz *q);
const quiz_question *quiz_question_at(const quiz *q, size_t index);
/* The question with this id, or NULL. */
const quiz_question *quiz_find(const quiz *q, const char *id);
size_t quiz_actor_count(const quiz *q);
const quiz_actor *quiz_actor_at(const quiz *q, size_t index);
const quiz_actor *quiz_find_actor(const quiz *q, const char *id);

/* "date", "actor", ... and back; quiz_kind_parse returns QUIZ_KIND_COUNT for
 * an unknown name. */
const char *quiz_kind_name(quiz_kind kind);
quiz_kind quiz_kind_parse(const char *name);

#endif
