/* question_form.h - make a question of a statement: the asked phrase moved out, the clause inverted */
#ifndef RECALL_QUESTION_FORM_H
#define RECALL_QUESTION_FORM_H

#include <stdbool.h>
#include <stddef.h>

/* Heilman & Smith's question formation, by rules: the statement has already
 * lost the phrase that is asked about (a date, a number and what it
 * counts); here its subject and main verb are found, the verb is split into
 * an auxiliary and a base form by a verb table ("said" -> "did ... say",
 * "was born" -> "was ... born", "had ended" -> "had ... ended"), and the
 * auxiliary moves before the subject:
 *
 *   "Beijing said it would regulate all fentanyl-related drugs."
 *     + "In what year" -> "In what year did Beijing say it would regulate
 *       all fentanyl-related drugs?"
 *
 * When the subject and the verb are not found with confidence (an opening
 * phrase, a relative clause in the subject, a present or perfect tense,
 * quotation marks), there is no question: a draft prefers no question to a
 * wrong one. Every function returns a new string (caller frees) or NULL. */

/* `statement` is one sentence without the asked phrase; `wh` opens the
 * question ("In what year", "How many ships"). With `present`, a verb in
 * the simple present is accepted too ("absorbs" -> "does ... absorb"). */
char *qform_ask(const char *statement, const char *wh, bool present);

/* The base form of a verb in the simple past: "said" -> "say", "won" ->
 * "win", "married" -> "marry", "stopped" -> "stop", "created" -> "create".
 * NULL when `word` is not a past tense the table or the rules know. */
char *qform_base_of_past(const char *word);

/* The span [*start, *end) of an attribution in sentence `s`: a closing one
 * (", the Wall Street Journal (WSJ) reported.") or an opening one
 * ("According to the NY Post, "), and in *who_start..*who_end the words
 * that name the source. False when there is none. */
bool qform_attribution(const char *s, size_t *start, size_t *end, size_t *who_start,
                       size_t *who_end);

#endif
