/* extract.h - find sentences, dates, people, organisations, quotations and numbers in an article */
#ifndef RECALL_EXTRACT_H
#define RECALL_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

/* An extraction is what rules (no language model) can find in an article's
 * paragraphs: its sentences and, in them, dates (resolved against the
 * publication date when relative), people with the roles written beside them,
 * organisations with the acronyms the text defines, quotations with their
 * speakers, and numbers with what they count.
 *
 * Ownership: everything returned by the accessors below (structs and their
 * strings) is owned by the extraction and lives until extract_free. Byte
 * ranges (start, end) point into the sentence's own `text`. */
typedef struct extraction extraction;

typedef struct {
	int paragraph;       /* 1-based ¶ number of the article */
	size_t para_start;   /* where the sentence begins in the paragraph's text */
	const char *text;    /* the sentence as written, NUL-terminated */
	size_t len;
	int words;
	bool quoted;         /* begins inside a quotation or leaves one open */
	bool first_in_paragraph;
} extract_sentence;

typedef enum {
	EXTRACT_YEAR = 1,    /* 2018 */
	EXTRACT_MONTH,       /* June 2023 */
	EXTRACT_DAY,         /* June 18, 2023 */
} extract_precision;

typedef struct {
	size_t sentence;
	size_t start, end;       /* the date itself: "June 18, 2023", "2022", "June this year" */
	size_t phrase_start;     /* with what introduces it: "on ", "in the summer of " */
	const char *surface;     /* start..end as written */
	const char *phrase;      /* phrase_start..end as written */
	int year, month, day;    /* month and day are 0 below their precision */
	extract_precision precision;
	int end_year, end_month, end_day;   /* a range's last date; end_year 0 when none */
	bool relative;           /* "this year", "In June": resolved from `published` */
	bool removable;          /* the phrase can be cut from the sentence ("in 2018") */
} extract_date;

typedef struct {
	const char *name;        /* "Antony Blinken" */
	const char *short_name;  /* the word used alone on later mentions, or NULL */
	/* The word a reader may name the person by alone: the family name by the
	 * name order convention ("Qin" for Qin Gang, "Yi" for Yi Sun-sin), else
	 * the last word. */
	const char *family;
	/* Other names the article gives the same person ("Maria Skłodowska" for
	 * Marie Curie, from "was born" or a shorter form of the full name). */
	const char *const *aliases;
	size_t n_aliases;
	const char *role;        /* "US Secretary of State", or NULL when none stands beside */
	size_t role_sentence;    /* where the role was found */
	size_t first_sentence;
	int mentions;
} extract_person;

typedef struct {
	const char *name;        /* "Chinese Communist Party" */
	const char *acronym;     /* "CCP" when the text defines one, else NULL */
	bool is_org;             /* false: an acronym of a term, not of an organisation ("MVP") */
	size_t sentence;         /* first mention (the definition for acronyms) */
	int mentions;
} extract_org;

typedef enum {
	EXTRACT_PERSON,
	EXTRACT_ORG,
} extract_entity_kind;

/* One place where a person or organisation is named. */
typedef struct {
	extract_entity_kind kind;
	size_t entity;           /* index into the people or the organisations */
	size_t sentence;
	size_t start, end;       /* the name as written (a possessive 's excluded) */
	size_t subject_start;    /* the role words written before the name begin here */
	/* When the name (with its role, a bracket and an apposition) is the
	 * subject of a clause that opens the sentence or follows an opening
	 * phrase and a comma, the verb after it starts here; otherwise 0. */
	size_t predicate_start;
	bool full;               /* the full name, not a short form or an acronym */
	bool possessive;         /* followed by 's */
} extract_mention;

typedef struct {
	size_t sentence;         /* where the quotation opens */
	const char *text;        /* the words inside the marks */
	int words;
	bool has_speaker;
	extract_entity_kind speaker_kind;
	size_t speaker;          /* index into the people or the organisations */
} extract_quote;

typedef enum {
	EXTRACT_CARDINAL,
	EXTRACT_PERCENT,
	EXTRACT_MONEY,
} extract_number_kind;

typedef struct {
	size_t sentence;
	size_t start, end;
	const char *surface;     /* "$5 million", "30%", "seven" */
	double value;            /* 5e6, 30, 7 */
	extract_number_kind kind;
	const char *unit;        /* what it counts ("solo tackles"), or NULL */
} extract_number;

/* Extracts from every paragraph of `a`, resolving relative dates against its
 * front matter's `published` (when present). Never fails. */
extraction *extract_article(const article *a);

/* The same from plain paragraphs (numbered 1, 2, ...), for tests and tools;
 * `published` is YYYY, YYYY-MM or YYYY-MM-DD, or NULL. */
extraction *extract_texts(const char *const *paragraphs, size_t count, const char *published);

void extract_free(extraction *x);

const extract_sentence *extract_sentences(const extraction *x, size_t *count);
const extract_date *extract_dates(const extraction *x, size_t *count);
const extract_person *extract_people(const extraction *x, size_t *count);
const extract_org *extract_orgs(const extraction *x, size_t *count);
/* Mentions are in article order. */
const extract_mention *extract_mentions(const extraction *x, size_t *count);
const extract_quote *extract_quotes(const extraction *x, size_t *count);
const extract_number *extract_numbers(const extraction *x, size_t *count);

/* The publication date as parsed; false when there is none. */
bool extract_published(const extraction *x, int *year, int *month, int *day);

#endif
