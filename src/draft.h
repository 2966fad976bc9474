/* draft.h - draft a question bank from an article: question templates, ranking, selection, YAML */
#ifndef RECALL_DRAFT_H
#define RECALL_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "quiz.h"
#include "util.h"

/* Drafting overgenerates candidate questions from what extract.h finds in
 * the article, one template at a time, each formed from its sentence
 * (question_form.h), scores each, then keeps the best with variety (each
 * sentence asked once, one question per answer and template, a preference
 * for templates not yet used) and with a preference for questions that name
 * a date or person no other kept question names yet. Every kept question's `source` was found in the article with
 * article_find_quote, and no prompt gives its answer away.
 *
 * Ownership: a draft owns every string and array reachable from what it
 * returns; they live until draft_free. */

typedef enum {
	DRAFT_DATE,       /* "In what year did Beijing say ...?" (date) */
	DRAFT_WHO,        /* who did or said what: the subject replaced by "who" (actor) */
	DRAFT_WHO_SAID,   /* a quotation's speaker, or an event's source, among others (choice) */
	DRAFT_ROLE,       /* a person's role, or who holds a role (choice, text or actor) */
	DRAFT_ACRONYM,    /* what an acronym the article defines stands for (text) */
	DRAFT_CLAIM,      /* a sentence, true as written or false with one thing swapped (claim) */
	DRAFT_CLOZE,      /* a sentence with a name, date or number blanked (cloze) */
	DRAFT_ORDER,      /* the article's dated events in order (order) */
	DRAFT_NUMBER,     /* "How many women did Marie Curie train ...?" (number) */
	DRAFT_TEMPLATE_COUNT
} draft_template;

typedef struct {
	size_t max;             /* questions to keep; 0: about one per 80 words */
	unsigned kinds;         /* bits (1u << quiz_kind) allowed; with `templates`, 0 and 0 allow all */
	unsigned templates;     /* bits (1u << draft_template) allowed */
	unsigned long seed;     /* for shuffling choices and picking swaps */
} draft_options;

typedef struct {
	const char *key;        /* its id in the bank's `actors:` map */
	const char *name;
	const char *family;     /* the name alone ("Qin"), when it is not the last word; else NULL */
	const char *acronym;    /* NULL when none */
	const char *const *aliases;   /* other names the article gives the same actor */
	size_t n_aliases;
	bool person;
} draft_actor;

typedef struct {
	const char *id;
	quiz_kind kind;
	draft_template template;
	const char *prompt;       /* cloze: the text with its {{blanks}} */
	const char *answer;       /* as the bank writes it ("2023-06", "true", a choice);
	                             NULL for cloze and order */
	const char *answer_text;  /* the answer as the article writes it ("June this year",
	                             "Antony Blinken"); NULL for claim, cloze and order */
	const draft_actor *actor; /* an actor answer's entry, else NULL */
	const char *correction;   /* a false claim's */
	const char *tolerance;    /* a number answer's ("10%" after "about"), or NULL */
	const char *const *choices;  /* choice: the choices; order: the items in the right order */
	size_t n_choices;
	const char *const *accept;   /* text: further accepted answers */
	size_t n_accept;
	const char *source;       /* a quotation of the article */
	const char *explain;
	int paragraph;            /* ¶ of the source */
	double score;
} draft_question;

typedef struct draft draft;

/* Drafts questions from `a` (which must outlive the draft). Never fails; a
 * draft may hold no question. */
draft *draft_new(const article *a, const draft_options *opt);
void draft_free(draft *d);

/* The kept questions, in article order. */
size_t draft_count(const draft *d);
const draft_question *draft_at(const draft *d, size_t index);
/* How many candidates were scored before selection. */
size_t draft_candidates(const draft *d);
/* The actors the kept questions use. */
size_t draft_actor_count(const draft *d);
const draft_actor *draft_actor_at(const draft *d, size_t index);
/* The question budget that applied (opt->max, or the default). */
size_t draft_budget(const draft *d);

/* Appends the draft as a bank in format version 1: a comment heading saying
 * it is a draft to review, `recall: 1`, the title, `article: article_ref`
 * (the article's path as the bank will name it), the actors and the
 * questions. */
void draft_write_yaml(const draft *d, const char *article_ref, buf *out);

/* Parses a --kinds list such as "date,actor,who-said": question kinds (date,
 * actor, number, choice, text, claim, cloze, order) and template names
 * (date, number, who, who-said, role, acronym, claim, cloze, order). Returns false and sets
 * *bad (a new string, caller frees) to the first unknown name. */
bool draft_parse_kinds(const char *list, unsigned *kinds, unsigned *templates, char **bad);

/* The template's name as --kinds and tags write it. */
const char *draft_template_name(draft_template t);

/* Appends `s` as a YAML scalar: plain when that reads back as the same
 * string, otherwise double-quoted with escapes. Invalid UTF-8 becomes
 * U+FFFD. */
void draft_yaml_scalar(buf *out, const char *s);

/* The path of `to` relative to the folder `from_dir`; both absolute and
 * normalised (no ".", "..", or doubled or trailing slashes). When the two
 * share nothing but the root, `to` itself. Caller frees. */
char *draft_relative_path(const char *from_dir, const char *to);

#endif
