/* cards.h - review cards: what each learner remembers of each question, and when it is due */
#ifndef RECALL_CARDS_H
#define RECALL_CARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "store.h"

/* A card is the FSRS memory of one learner for one question of one bank.
 * Banks are told apart by title, so a new version of a bank (its content
 * hash changed) keeps the cards of its questions; a question is told by its
 * id, and a card is started afresh when the question's right answer is not
 * the one it was learned for.
 *
 * Cards are never edited by hand: each is the replay, oldest first, of the
 * learner's answers to the question, whatever the command that recorded them
 * (take, review, study, class exams). Correct answers and answers overridden
 * as right count as Good, close and partial ones as Hard, wrong and skipped
 * ones as Again; ambiguous answers (asked again) count for nothing. The
 * store replays the card of a question in the same transaction as each
 * answer to it, and cards_rebuild replays any set of them after results
 * were changed (a regrade, a merge).
 *
 * Days are calendar days in local time: a card whose interval is 1 day is
 * due from the start of the next day, whatever the hour it was answered.
 * Due dates are kept for a desired retention of 0.9; cards_due_ms gives
 * them for any other. */

#define CARDS_DEFAULT_RETENTION 0.9

/* The memory of a card as its answers left it. */
typedef struct {
	fsrs_memory memory;
	int reps;                /* answers that counted */
	int lapses;              /* Again after the first answer */
	int reviews;             /* answers given on a later day than the one before */
	int recalled;            /* of those, the ones not rated Again */
	int64_t last_ms;         /* the last answer's time; 0: never answered */
	int64_t due_ms;          /* at retention 0.9 */
} card_state;

/* The rating an answer's verdict counts as; 0 for one that does not count
 * (ambiguous, or an unknown verdict). An overridden answer is Good. */
fsrs_rating cards_rating(const char *verdict, bool overridden);

/* Folds one answer into `c` (zeroed for a card never answered). */
void cards_apply(card_state *c, const char *verdict, bool overridden, int64_t at_ms);

/* The number of calendar days (local time) from the day of `from_ms` to the
 * day of `to_ms`; negative when `to_ms` is earlier. */
int cards_days_between(int64_t from_ms, int64_t to_ms);

/* The start (local midnight) of the day `days` days after the day of `ms`. */
int64_t cards_day_start(int64_t ms, int days);

/* When a card answered last at `last_ms` with this stability is due, for a
 * desired retention (0 < r < 1). */
int64_t cards_due_ms(int64_t last_ms, double stability, double retention);

/* Reads a time as a user writes it, in local time: YYYY-MM-DD (the start
 * of that day), YYYY-MM-DDTHH:MM or YYYY-MM-DD HH:MM, either with :SS, or
 * @SECONDS since the epoch. False when it is none of these. */
bool cards_parse_time(const char *text, int64_t *ms);

/* The clock of the environment: RECALL_NOW, read by cards_parse_time, fixes
 * the time a command starts at (for trying out schedules over days and for
 * tests); time then runs on from there. Returns false when RECALL_NOW is not
 * set or not a time (*ms untouched). */
bool cards_env_now(int64_t *ms);

/* --- In the store --------------------------------------------------------- */

/* One card as the store holds it. Strings live until the callback returns. */
typedef struct {
	const char *learner;
	const char *bank_title;
	const char *bank_path;    /* of the newest version the card was answered in; may be NULL */
	const char *bank_hash;
	const char *question_id;  /* the bank's id of the question */
	const char *answer;       /* the right answer it was learned for; NULL when none */
	const char *prompt;
	card_state state;
} card_row;

typedef int (*card_cb)(const card_row *row, void *ctx);

/* Calls `cb` for each card of `learner` (NULL: everyone's) on the banks
 * `bank` matches (a title, a path or a hash prefix, as store_filter.bank;
 * NULL: all), due at retention 0.9 no later than `due_before_ms`
 * (INT64_MAX: every card), soonest due first. */
store_status cards_list(store *s, const char *learner, const char *bank, int64_t due_before_ms,
                        card_cb cb, void *ctx);

/* Counts the cards of `learner` on the banks `bank` matches (as
 * cards_list) by due date at retention 0.9: before[i] gets the number due
 * before bounds[i] (n of them, rising, at most 8). Only the cards due before
 * the last bound are read, so the count costs what is due soon, not every
 * card; *any says whether there is a card at all. */
store_status cards_count(store *s, const char *learner, const char *bank, const int64_t *bounds,
                         size_t n, size_t *before, bool *any);

/* Replays the cards of `learner` (NULL: every learner) on the banks `bank`
 * matches (as cards_list; NULL: all) from their recorded answers, dropping
 * the cards that no answer supports any more. Runs in its own transaction,
 * or in the caller's when one is open (then a failure leaves it to the
 * caller to roll back). */
store_status cards_rebuild(store *s, const char *learner, const char *bank);

/* The ids of the questions `learner` missed (last answered wrong or skipped,
 * and not overridden) in their newest session with answers on a bank titled
 * `title`, in the order they were asked. *ids is a new array of new strings (free each,
 * then the array); *count 0 when nothing was missed. STORE_MISSING when the
 * learner has no session on that bank. */
store_status cards_missed_last_session(store *s, const char *learner, const char *title,
                                       char ***ids, size_t *count);

#endif
