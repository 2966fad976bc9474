/* store_impl.h - what the files of the store module share: the connection, its statements, errors */
#ifndef RECALL_STORE_IMPL_H
#define RECALL_STORE_IMPL_H

/* Only store*.c include this: the rest of recall sees store.h alone. The
 * store is split into files by concern (store.c: opening, sessions and the
 * queries of history and stats; store_class.c: classes, rosters and the
 * report's queries; store_merge.c: folding one database into another), and
 * they share the connection and these helpers. */

#include <sqlite3.h>
#include <stdarg.h>

#include "store.h"
#include "util.h"

/* PRAGMA application_id of a recall database ("RCAL"), so that a pack or
 * another program's database given as --db is refused, not migrated. */
#define RECALL_APPLICATION_ID 0x5243414C

/* Which results a query covers, as SQL over `l` (learner), `b` (bank) and
 * `s` (session). Every value is a bound parameter; a NULL one filters
 * nothing. */
/* A bank is named by its title, or by words of it in a row ("fentanyl"), in
 * any ASCII case, with the title's commas, colons, semicolons and full stops
 * taken as spaces; by its path; or by a prefix of its hash. */
#define BANK_MATCH                                                                     \
	"(:bank IS NULL OR b.title = :bank COLLATE NOCASE OR b.path = :bank"               \
	" OR instr(' ' || lower(replace(replace(replace(replace(b.title, ',', ' '), ':', ' '),"\
	" ';', ' '), '.', ' ')) || ' ', ' ' || lower(trim(:bank)) || ' ') > 0"               \
	" OR b.path = :bank_path OR substr(b.hash, 1, length(:bank_hash)) = :bank_hash)"
#define FILTER                                                                         \
	" (:learner IS NULL OR l.name = :learner) AND " BANK_MATCH                         \
	" AND (:exclude IS NULL OR s.id <> :exclude)"                                      \
	" AND (:finished IS NULL OR s.status IN ('complete', 'timeout'))"                  \
	" AND (:class IS NULL OR s.class_id = (SELECT c.id FROM class c WHERE c.name = :class)) "
#define SESSION_JOINS                                                                  \
	" JOIN learner l ON l.id = s.learner_id JOIN bank b ON b.id = s.bank_id "
#define RESPONSE_JOINS                                                                 \
	" JOIN session s ON s.id = r.session_id" SESSION_JOINS                             \
	" JOIN question q ON q.id = r.question_id "
#define SESSION_COLUMNS                                                                \
	"s.id, s.uuid, l.name, b.title, b.hash, s.mode, s.seed, s.planned, s.started_at,"  \
	" s.ended_at, s.status, s.score, s.max_score,"                                     \
	" (SELECT count(*) FROM response r WHERE r.session_id = s.id),"                    \
	" (SELECT c.name FROM class c WHERE c.id = s.class_id), s.time_limit_ms"

typedef enum {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_LEARNER_UPSERT,
	ST_BANK_FIND,
	ST_BANK_INSERT,
	ST_BANK_UPDATE,
	ST_QUESTION_COUNT,
	ST_QUESTION_INSERT,
	ST_SESSION_INSERT,
	ST_QUESTION_FIND,
	ST_RESPONSE_INSERT,
	ST_SESSION_ADD_SCORE,
	ST_RESPONSE_CREDIT,
	ST_RESPONSE_OVERRIDE,
	ST_SESSION_END,
	ST_RUNNING_HERE,
	ST_SESSION_INTERRUPT,
	ST_SESSIONS_NEWEST,
	ST_SESSIONS_OLDEST,
	ST_KINDS,
	ST_MISSED,
	ST_RESPONSES,
	ST_BANKS,
	ST_CLASS_STUDENT,
	ST_COUNT
} stmt_id;

struct store {
	sqlite3 *db;
	char *path;
	int busy_ms;
	buf err;
	char host[256];
	int64_t (*clock)(void *ctx);   /* NULL: the system clock */
	void *clock_ctx;
	int64_t clock_offset_ms;       /* added to the system clock: $RECALL_NOW's */
	sqlite3_stmt *stmts[ST_COUNT];
};


/* Sets the store's message and returns `status`. */
store_status store_fail(store *s, store_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A failed SQLite call said in words: `doing` is "cannot record the answer"
 * and the like; the path and the reason follow. */
store_status store_fail_sqlite(store *s, int rc, const char *doing);
/* The store_status of an SQLite result code. */
store_status store_status_of(int rc);

/* The cached statement `id`, prepared the first time. An SQLite code. */
int store_prep(store *s, stmt_id id, sqlite3_stmt **out);
/* Resets a statement and clears its bindings, ready for its next use. */
void store_done(sqlite3_stmt *st);

/* BEGIN IMMEDIATE, COMMIT (rolling back when it fails) and ROLLBACK (when a
 * transaction is open). SQLite codes. */
int store_tx_begin(store *s);
int store_tx_commit(store *s);
void store_tx_rollback(store *s);

/* Binds the arguments after `types` to parameters 1, 2, ... in turn, one
 * letter each: 'i' an int64_t, 'd' a double, 't' text (a NULL pointer binds
 * NULL). */
void store_bind(sqlite3_stmt *st, const char *types, ...);
/* Prepares the cached statement `id`, binds as store_bind does and runs it
 * to its end, for statements that return no rows. SQLITE_OK or the error. */
int store_run(store *s, stmt_id id, const char *types, ...);
/* The same for a query, stepped once: SQLITE_ROW with the row in `*st`
 * (read it, then store_done), SQLITE_DONE when there is none, or the error. */
int store_first(store *s, stmt_id id, sqlite3_stmt **st, const char *types, ...);

/* Binds text, or NULL for a NULL pointer. */
int store_bind_text(sqlite3_stmt *st, int i, const char *text);
int store_bind_named_text(sqlite3_stmt *st, const char *name, const char *text);
/* Binds :bank, :bank_path and :bank_hash for BANK_MATCH. */
void store_bind_bank(sqlite3_stmt *st, const char *spec);
/* A text column; "" for NULL. */
const char *store_column_text(sqlite3_stmt *st, int i);

/* A learner's name (or a student's id, a class's name): 1 to 256 bytes of
 * UTF-8 with no control characters. */
bool store_valid_name(const char *name);
bool store_known_verdict(const char *verdict);
bool store_valid_credit(double credit);
/* practice, exam, review or study. */
bool store_known_mode(const char *mode);

/* Review cards (store_cards.c). Replays the card of one learner for one
 * question (a question row: its bank's title and its id name the card)
 * inside the caller's transaction; an SQLite code. */
int store_cards_replay_question(store *s, int64_t learner_id, int64_t question_row);
/* Whether a migration left the cards to be replayed, and the replay of
 * every card when it did, inside the caller's transaction. */
bool store_cards_pending(store *s);
int store_cards_replay_pending(store *s);
/* Replays every card, inside the caller's transaction. */
int store_cards_replay_all(store *s);

/* Folds the regrades of `other` (a recall database of schema 3 or later,
 * in a read transaction) into `s`, inside the caller's transaction; see
 * store_regrade.c. Adds to *added; a row that makes no sense sets *bad and
 * the message. An SQLite code. */
int store_regrade_merge(store *s, sqlite3 *other, const char *path, size_t *added, bool *bad);

#endif
