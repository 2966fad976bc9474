/* grade_impl.h - what the files of the grader share: the prepared quiz, forms, spans, matches */
#ifndef RECALL_GRADE_IMPL_H
#define RECALL_GRADE_IMPL_H

/* Only grade*.c include this: the rest of recall sees grade.h alone. The
 * grader is split into files by concern (listed below with what they
 * offer each other); docs/GRADING.md describes the rules. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "grade.h"
#include "normalize.h"
#include "number.h"
#include "quiz.h"

/* ------------------------------------------------------------------------
 * Forms: the canonical keys of one accepted (or rejected) answer.
 */

enum {
	FORM_EXACT_ONLY = 1u << 0,   /* no spelling slips: acronyms, initials */
	FORM_SHARED = 1u << 1,       /* a family name two actors share */
};

typedef struct {
	norm_key key;
	norm_key plain;      /* accents stripped; plain.text is NULL when that
	                        changes nothing or the text is not Latin-like */
	const char *shown;   /* the bank's text, for notes */
	const char *rule;    /* why it is accepted ("family name"); NULL for
	                        the answer itself */
	unsigned flags;
} form;

/* The forms of one answer (or of a choice, an item, a blank). A long list,
 * such as a bank's `accept` list of many thousand entries, gets a hash
 * index on the words run together, so that finding a typed answer in it
 * takes constant time, not a pass over the list. */
typedef struct {
	form *items;
	size_t count, cap;
	uint32_t *slots;     /* open addressing: an item's index + 1, 0 empty */
	size_t n_slots;      /* a power of two; 0 while the list is short */
} form_list;

/* A date or number a `reject` entry means. */
typedef struct {
	bool is_date, is_number;
	date_value date;
	number_value number;
} reject_value;

/* A cloze blank: graded as text, or by value when its answer is a number
 * or a date. */
typedef enum { BLANK_TEXT, BLANK_NUMBER, BLANK_DATE } blank_kind;

typedef struct {
	form_list forms;
	blank_kind kind;
	double number;
	quiz_date date;
	/* The cloze text's words on either side of the blank ("HMS" in "HMS
	 * {{Lightning}}"), which a student may type with it; NULL when none. */
	const char *word_before, *word_after;
} blank_prep;

typedef struct actor_prep {
	const quiz_actor *actor;
	form_list forms;       /* full name, its variants, aliases, acronyms, family */
	norm_key name;         /* the name, titles and suffixes kept */
	norm_key family;       /* empty when the name has none */
	norm_key given;        /* the first given name; empty when none */
	int32_t initial;       /* the first letter of the first name; 0 when none */
	bool person_like;      /* capitalised 2-4 word name: family rules apply */
	bool capitals_last;    /* ends in two or three capitals: "Chivas USA" */
	bool holds_person;     /* says who someone of two or more names is: "Rosa Pell, the soprano" */
	bool capitalised;      /* every word capitalised, particles aside */
	bool all_caps;         /* written in capitals, like an acronym */
	bool family_shared;
	bool group;            /* the article says "the Panthers": a team or a
	                          people, whose first word is not a given name */
	bool members_only;     /* "National Party": "Nationals" names it, though
	                          "National" alone is too general */
	uint64_t distinct;     /* bit i: word i of `name` is in no other name of
	                          the bank or the article, and not generic */
	char acronym[16];      /* initials of a name of three or more capitalised words */
	const char *name_context; /* family shared: the article's text around each
	                          time it writes the full name, for the titles it
	                          gives; NULL when none */
} actor_prep;

typedef struct {
	const quiz_question *q;
	form_list answers;     /* what is accepted as a whole: text and `accept` */
	form_list rejects;
	reject_value *reject_values;
	const actor_prep *actor;
	bool year_known;       /* date: the prompt or the article gives the year */
	bool year_from_article;/* date: the article, not the prompt, gives it */
	bool precision_asked;  /* date: the prompt asks for a date, day or month;
	                          "When ...?" takes a right year too */
	norm_key prompt;       /* the question's words */
	norm_key passage;      /* the words of the paragraph its `source` quotes */
	norm_key shown;        /* the answer as shown ("more than 5 billion euros") */
	int gold_ordinal;      /* number: 1 when the answer as shown is an ordinal
	                          ("third"), 0 a count, -1 unknown */
	form_list *parts;      /* choice: choices; order: items; match: right sides */
	size_t n_parts;
	blank_prep *blanks;    /* cloze */
	size_t n_blanks;
} qprep;

typedef struct {
	norm_key key;
	size_t chars;          /* code points of key.text */
	const char *shown;
	int32_t first;         /* its first character */
	bool actor;            /* a name of one of the bank's actors */
} rival;

/* An open-addressing map from pointers to preparations. */
typedef struct {
	const void **keys;
	void **values;
	size_t cap, count;
} ptrmap;

struct grader {
	const grader *parent;  /* for a question prepared on the fly */
	const quiz *q;
	arena *arena;
	quiz_date_order date_order;
	int published_year;
	ptrmap questions;
	ptrmap actors;
	actor_prep **actor_list;
	size_t n_actors, cap_actors;
	rival *rivals;         /* sorted by first character, then length */
	size_t n_rivals;
	const rival **rivals_by_length;   /* the same, by length alone */
	/* The article's names: every run of capitalised words (grade_context.c),
	 * and a set of the words in them, by hash. */
	norm_key *names;
	size_t n_names;
	uint64_t *after_the;   /* hashes of the capitalised words the article puts
	                          after "the" ("the Panthers"), sorted */
	size_t n_after_the;
	norm_key **passages;   /* the key of each paragraph, made when a question
	                          first quotes it */
	size_t n_passages;
	uint64_t *name_words;  /* open addressing, 0 empty */
	size_t name_words_cap; /* a power of two, or 0 */
};

/* ------------------------------------------------------------------------
 * Matching typed text against forms.
 */

/* A typed answer, keyed; the accent-free key is made only when needed. */
typedef struct {
	const char *raw;
	size_t raw_len;
	norm_work w;
	norm_work plain_w;
	norm_work whole_w;
	bool plain_ready, whole_ready;
	/* Graded without words of the question around it: then it may not
	 * also leave out words of the question the answer has. */
	bool context_trimmed;
} typed_answer;

/* A run of a key's tokens. */
typedef struct {
	const norm_key *key;
	size_t first, count;
} span;

typedef enum { MATCH_NONE, MATCH_EXACT, MATCH_ACCENTS, MATCH_SLIP, MATCH_RIVAL } match_kind;

typedef struct {
	match_kind kind;
	const form *form;
	const rival *rival;
} match;

/* grade.c: preparing a quiz, the entry point, results and their notes */
void ptrmap_put(ptrmap *m, const void *key, void *value);
void *ptrmap_get(const ptrmap *m, const void *key);
void grade_set_result(grade_result *out, grade_verdict v, double credit, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* grade_form.c: forms, the typed answer, and matching one against the other */
bool key_token_is(const norm_key *k, size_t i, const char *w);
bool form_key_same(const norm_key *a, const norm_key *b);
form *form_add(arena *a, form_list *l, const char *s, const char *shown, const char *rule,
                unsigned flags);
const char *span_text(arena *a, const norm_key *k, size_t first, size_t count);
void typed_init(typed_answer *t);
void typed_release(typed_answer *t);
bool typed_set(typed_answer *t, const char *s, size_t len);
const norm_key *typed_whole(typed_answer *t);
const norm_key *typed_plain(typed_answer *t);
span span_whole(const norm_key *k);
const char *span_ptr(span s, size_t *len);
const char *span_compact(span s, size_t *len);
bool span_eq(span s, const norm_key *k);
size_t span_chars(span s);
int span_slips(span s, const norm_key *k);
bool form_list_has(const norm_key *k, const form_list *forms, const form_list *more);
/* The first form of `l` that the span reads as (text or words run together),
 * with a rule when `with_rule`; NULL when none. */
const form *form_list_find(const form_list *l, span s, bool with_rule);
match form_match(const grader *g, span s, span *plain, const form_list *forms,
                const form_list *more, bool allow_slips);
bool form_match_result(const match *m, grade_result *out);
/* True when the span and the key are the same words once abbreviations are
 * written out ("14 Harbour St" for "14 Harbour Street", "US" for "United
 * States"), and at least one was. */
bool form_abbreviated(span s, const norm_key *k);

/* grade_text.c: text answers, negation and claims */
bool grade_negated(const norm_key *k);
void grade_text(const grader *g, const qprep *qp, const form_list *forms,
                typed_answer *t, grade_result *out);
void grade_claim(const grader *g, const qprep *qp, const norm_key *k, grade_result *out);

/* grade_rival.c: the rival guard (everything else the bank names) */
const rival *rival_near(const grader *g, span s, int edits, const form_list *own,
                const form_list *own_more);
bool rival_named(const grader *g, span s, const form_list *own, const form_list *own_more,
                bool actors_only);
bool rival_mentions_actor(const grader *g, span s, const form_list *own, const form_list *own_more);
void rival_build(grader *g);

/* grade_name.c: actors (people and organisations), their names and titles */
actor_prep *name_prep_actor(grader *g, const quiz_actor *a);
void grade_actor(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);
void name_mark_shared(grader *g);
void name_add_acronyms(grader *g);
/* Marks the words of each name that no other name shares (actor_prep.distinct). */
void name_mark_distinct(grader *g);
/* True when the words of the span are a part of a name of the article
 * that is not one of the actor's: "North Harbour" of North Harbour Road. */
bool name_of_another(const grader *g, const actor_prep *a, span s);
/* True when word i of the name only says what kind of thing it names
 * ("Party" at its end, "International", "of"). */
bool name_is_generic(const norm_key *k, size_t i);
/* True when the text looks like a person's name: 2-4 capitalised words. */
bool name_looks_personal(const char *text);
/* Where the words of `part` stand in `name` (*at), or its one word with a
 * plural s before the name's head noun ("Liberals"; *plural). */
bool name_part_at(const norm_key *name, span part, size_t *at, bool *plural);

/* grade_context.c: the words around an answer (the prompt, the passage, the
 * article's names) */
void context_prepare_article(grader *g);
void context_prepare_question(grader *g, qprep *qp);
/* True when the folded word is part of a name the article uses. */
bool context_is_name_word(const grader *g, const char *w, size_t n);
/* True when the article writes "the" before the folded word, capitalised:
 * "the Panthers" (a team or a people, not a person). */
bool context_after_the(const grader *g, const char *w, size_t n);
/* True when the folded word (or it without a plural s) is one of k's. */
bool context_has_word(const norm_key *k, const char *w, size_t n);
/* True when the question or the answer as shown uses the bound w (or one
 * that says the same: "over" and "more than"), or the passage puts it just
 * before the value (or the value with the unit's scale). */
bool context_bound_founded(const qprep *qp, const char *w, size_t n, double value, double scaled);
/* A month or a number word: part of a value. */
bool context_is_value_word(const char *w, size_t n);
/* True when the folded word only holds a sentence together ("the", "it",
 * "was") or hedges ("about"). */
bool context_is_filler(const char *w, size_t n);
/* True when token i of k says a bound ("more than", "before", "by"). */
bool context_is_bound(const norm_key *k, size_t i);
/* Hedges, fillers, words of the question or the passage around a right
 * answer: grades the answer without them. True when that decided. */
bool context_grade(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);
/* A right answer followed by a comma and a clause that only restates the
 * article: "1876, after three and a half years at sea". */
bool context_clause(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);

/* grade.c: the kinds, without the context rule */
void grade_kind(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);

/* grade_date.c: dates */
void grade_date_value(const grader *g, const qprep *qp, quiz_date gold, const char *s,
                size_t len, grade_result *out);

/* grade_number.c: numbers */
void grade_number_value(const qprep *qp, double gold, double tolerance, bool tol_percent,
                const char *unit, const char *s, size_t len, grade_result *out);

/* grade_choice.c: choice, order, match and cloze answers */
void grade_choice(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);
void grade_order(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);
void grade_match(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);
void grade_cloze(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);

#endif
