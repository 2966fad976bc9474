/* store.h - the SQLite database of learners, banks, sessions and every answer given */
#ifndef RECALL_STORE_H
#define RECALL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quiz.h"

/* The store is the only module that speaks SQL. A `store` is one connection
 * to one database file; many processes may hold one each on the same file
 * (WAL mode, a busy timeout), which is how a class on one server shares it.
 *
 * Errors: every function returns a store_status. On failure the message is
 * in store_errmsg (or, for store_open, in *errmsg), written for a person and
 * naming the database file; the library never prints. Messages have no
 * "recall CMD:" prefix: the command adds its own.
 *
 * Ownership: strings passed in are copied or bound; strings handed to a
 * callback live until the callback returns. A callback must not call back
 * into the same store; it returns 0 to go on, non-zero to stop early.
 *
 * Times are milliseconds since the Unix epoch (UTC). Scores are points:
 * a response's credit (0 to 1) times its question's points. */

typedef struct store store;
typedef struct store_session store_session;

typedef enum {
	STORE_OK,
	STORE_MISSING,      /* no database at the path, and the caller asked not to create one */
	STORE_READONLY,     /* the file or its folder cannot be written */
	STORE_LOCKED,       /* another process held a lock for longer than the busy timeout */
	STORE_NOTADB,       /* not an SQLite database, or not recall's */
	STORE_TOO_NEW,      /* the schema is newer than this program knows */
	STORE_INVALID,      /* a bad argument: an unknown question, a finished session ... */
	STORE_IO,           /* anything else: disk full, corruption, an I/O error */
} store_status;

/* How long to wait for another process's lock when nothing else is said. */
#define STORE_DEFAULT_BUSY_MS 5000

typedef struct {
	const char *path;     /* NULL: store_default_path() */
	int busy_timeout_ms;  /* 0: $RECALL_BUSY_TIMEOUT (ms) when set, else STORE_DEFAULT_BUSY_MS */
	bool must_exist;      /* do not create a database: STORE_MISSING when there is none */
	bool write;           /* prove at open that the database can be written now */
	bool only_existing_folder;  /* a path given (or $RECALL_DB) must be in a folder that
	                       * exists: STORE_IO, and nothing made, when it is not; only
	                       * the default place is made */
} store_options;

/* The database path: $RECALL_DB when set and not empty, else
 * ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db (a relative XDG_DATA_HOME
 * is ignored, as the XDG spec says). Returns a new string (caller frees), or
 * NULL with *errmsg set (caller frees) when no home folder is known. */
char *store_default_path(char **errmsg);

/* The learner to record when none is named: $RECALL_USER when set and not
 * empty, else the login name of the real user id, else $USER, else "user".
 * Returns a new string; the caller frees it. */
char *store_default_learner(void);

/* Opens the database, creating it and its folders on first use unless
 * opt->must_exist. Before anything is written it checks, in order: that the
 * folder and file can be written (with opt->write, or to create them), that
 * the file is an SQLite database made by recall (an empty file or database
 * is taken as new), and that its schema version is not newer than this
 * program's. It then migrates an older schema forward (store_migrate) and
 * marks as interrupted every `running` session of this host whose process
 * is gone. With opt->write it also takes the write lock once, so a locked or
 * read-only database fails here and not at the first answer.
 *
 * Without opt->write, a database that cannot be written is opened read-only:
 * its results can be read, but no orphan is marked, an older schema is
 * refused (it cannot be upgraded), and recording fails with STORE_READONLY.
 *
 * Returns STORE_OK with *out set; otherwise *out is NULL, *errmsg holds a new
 * message (caller frees) and nothing was written to the database. */
store_status store_open(const store_options *opt, store **out, char **errmsg);

/* Closes the connection. Does not end open sessions: a session left running
 * is marked interrupted by a later store_open once its process is gone. */
void store_close(store *s);

/* The message of the last failure on `s`; "" when none. Valid until the next
 * call on `s`. */
const char *store_errmsg(const store *s);
/* The database's path as opened. */
const char *store_path(const store *s);

/* Where the store's timestamps come from (session start and end, each
 * answer): `now` returns milliseconds since the epoch. NULL restores the
 * system clock (moved to $RECALL_NOW at open when that is set: see
 * cards_env_now). For tests, and for replaying results with their own times. */
void store_set_clock(store *s, int64_t (*now)(void *ctx), void *ctx);

/* The store's clock now: milliseconds since the epoch. */
int64_t store_now(const store *s);

/* The schema version this program writes. */
int store_schema_version(void);

/* --- Migrations --------------------------------------------------------- */

struct sqlite3;

/* Brings `db` forward from its PRAGMA user_version to version `count`:
 * steps[v] is the SQL that turns version v into v + 1. All the steps needed
 * run in one write transaction, each followed by its user_version bump, so a
 * failing step leaves the database exactly as it was. A database newer than
 * `count` is refused with STORE_TOO_NEW and left alone. store_open uses it
 * with recall's own steps; it is public so the mechanism can be tested with
 * steps of its own. On failure *errmsg holds a new message (caller frees). */
store_status store_migrate(struct sqlite3 *db, const char *const *steps, int count,
                           char **errmsg);

/* --- Sessions ----------------------------------------------------------- */

typedef enum {
	STORE_RUNNING,
	STORE_COMPLETE,     /* every planned question was asked */
	STORE_QUIT,         /* :quit, or Ctrl-C confirmed */
	STORE_INTERRUPTED,  /* a signal, a closed terminal, or a process that vanished */
	STORE_TIMEOUT,      /* a time limit ran out */
	STORE_STATUS_COUNT
} store_session_status;

/* "running", "complete", ... and back; parse returns STORE_STATUS_COUNT for
 * an unknown name. */
const char *store_session_status_name(store_session_status status);
store_session_status store_session_status_parse(const char *name);

typedef struct {
	const char *learner;   /* required: the learner's name (valid UTF-8, no control characters) */
	const char *mode;      /* "practice", "exam", "review" or "study" */
	bool has_seed;
	int64_t seed;          /* the shuffling seed, when has_seed */
	int planned;           /* questions to be asked; 0 when not known */
	double max_score;      /* points of the questions to be asked */
	const char *class_name;  /* a class exam: the learner is a student on its roster; NULL: none */
	int64_t time_limit_ms;   /* the time limit the session runs under; 0: none */
} store_session_options;

/* Starts a session: registers the learner, the bank (by its content hash,
 * with its title and absolute path) and, the first time a bank is seen, its
 * questions, then adds the session as `running` with this process's pid and
 * host, all in one transaction. With a class, the class must exist and the
 * learner be a student on its roster (STORE_INVALID otherwise, with nothing
 * written). The quiz must have a content hash. The
 * handle (free with store_session_free) refers to `s` and must not outlive it.
 * The session gets a random UUID that identifies it across databases. */
store_status store_session_begin(store *s, const quiz *q, const store_session_options *opt,
                                 store_session **out);

/* The longest answer recorded, in bytes. */
#define STORE_MAX_ANSWER 65536

/* One answer as the session graded it. */
typedef struct {
	const char *question_id;  /* the bank's id of the question */
	const char *answer;       /* as typed; "" for a skip */
	const char *verdict;      /* correct, close, partial, ambiguous, wrong or skipped */
	double credit;            /* 0 to 1, as counted (after any hint or passage penalty) */
	int hints;                /* hints shown before answering */
	bool passage;             /* the passage was shown before answering */
	int64_t time_ms;          /* time taken to answer */
	const char *chosen;       /* the text of the options a choice answer named, "; "
	                           * between; NULL when not a choice or not named */
} store_response;

/* Records one answer and adds its points to the session's running score, in
 * one transaction that is committed (and synced) before it returns: feedback
 * shown after this call is for an answer already safe on disk. */
store_status store_session_record(store_session *ss, const store_response *r);

/* Counts the session's last response as right after all (`:override`): it is
 * marked overridden, its credit becomes `credit` (0 to 1; the session decides
 * what a hinted answer gets), and the score moves with it. The verdict and
 * the credit first given are kept. STORE_INVALID when nothing was answered. */
store_status store_session_override(store_session *ss, double credit);

/* Ends a running session with its status (not STORE_RUNNING) and final
 * score; STORE_INVALID when it has ended already. Like every function here
 * it is not async-signal-safe: after SIGTERM or SIGHUP, note the signal and
 * end the session from the main loop. */
store_status store_session_end(store_session *ss, store_session_status status, double score,
                               double max_score);

/* Removes a running session that has no response (a quiz left before its
 * first answer), as if it had never begun. STORE_INVALID when it has ended
 * or holds a response; nothing is removed then. */
store_status store_session_discard(store_session *ss);

/* The session's UUID (36 characters) and row id; valid until the handle is freed. */
const char *store_session_uuid(const store_session *ss);
int64_t store_session_id(const store_session *ss);
/* The number of responses recorded through this handle. */
int store_session_responses(const store_session *ss);

/* Frees the handle only; the session stays as it is in the database. */
void store_session_free(store_session *ss);

/* --- Queries ------------------------------------------------------------ */

/* Which results a query covers. */
typedef struct {
	const char *learner;      /* NULL: every learner */
	const char *bank;         /* NULL: every bank; else a title (ASCII case ignored), a
	                           * path (as given or resolved) or a hash prefix of 4+ hex digits */
	int64_t exclude_session;  /* a session row id left out; 0: none */
	bool finished_only;       /* sessions: only complete and timeout ones */
	const char *class_name;   /* NULL: any session; else only those taken in this class */
} store_filter;

typedef struct {
	int64_t id;
	const char *uuid;
	const char *learner;
	const char *bank_title;
	const char *bank_hash;
	const char *mode;
	bool has_seed;
	int64_t seed;
	int planned;
	int64_t started_ms;
	int64_t ended_ms;         /* 0 while running */
	store_session_status status;
	double score, max_score;
	int answered;             /* responses recorded */
	const char *class_name;   /* the class it was taken in; NULL: none */
	int64_t time_limit_ms;    /* 0: none */
} store_session_row;

typedef int (*store_session_cb)(const store_session_row *row, void *ctx);

/* Calls `cb` for each session the filter covers, newest first (or oldest
 * first when !newest_first), at most `limit` of them (0: all). */
store_status store_list_sessions(store *s, const store_filter *f, bool newest_first, size_t limit,
                                 store_session_cb cb, void *ctx);

/* Figures over the finished (complete or timeout) sessions a filter covers;
 * scores are fractions of each session's max score. */
typedef struct {
	size_t sessions;                          /* all, whatever their status */
	size_t by_status[STORE_STATUS_COUNT];
	size_t finished;                          /* complete + timeout */
	double best, last, mean;                  /* 0 when finished == 0 */
} store_summary;

store_status store_summarize(store *s, const store_filter *f, store_summary *out);

typedef struct {
	const char *kind;         /* "date", "actor", ... */
	size_t answers;
	double points;            /* points of the questions answered */
	double earned;            /* points earned: credit times points */
} store_kind_row;

typedef int (*store_kind_cb)(const store_kind_row *row, void *ctx);

/* Calls `cb` once per question kind answered, in no particular order. */
store_status store_credit_by_kind(store *s, const store_filter *f, store_kind_cb cb, void *ctx);

/* A question that was missed: answered wrong or skipped, and not overridden. */
typedef struct {
	const char *bank_title;
	const char *question_id;
	const char *kind;
	const char *prompt;
	size_t asked;
	size_t missed;
} store_miss_row;

typedef int (*store_miss_cb)(const store_miss_row *row, void *ctx);

/* Calls `cb` for questions missed at least once, most often missed first (by
 * miss rate, then by misses), at most `limit` (0: all). Versions of a bank
 * with one title count as one bank. */
store_status store_most_missed(store *s, const store_filter *f, size_t limit, store_miss_cb cb,
                               void *ctx);

typedef struct {
	const char *learner;
	const char *bank_title;
	const char *bank_hash;
	const char *session_uuid;
	const char *mode;
	store_session_status session_status;
	int64_t started_ms;
	int64_t ended_ms;          /* 0 while running */
	int seq;                   /* 1-based order of the answer in its session */
	const char *question_id;
	const char *kind;
	double points;
	const char *answer;        /* as typed: may hold any bytes a terminal let through */
	size_t answer_len;
	const char *verdict;
	double credit;             /* as counted */
	double graded_credit;      /* as first graded, before any override */
	int hints;
	bool passage;
	bool override;
	int64_t time_ms;
	int64_t answered_ms;
	const char *chosen;        /* see store_response; NULL when not recorded */
	const char *prompt;        /* the question as asked */
	const char *right_answer;  /* as shown to a student; NULL when not recorded */
} store_response_row;

typedef int (*store_response_cb)(const store_response_row *row, void *ctx);

/* Calls `cb` for every response the filter covers, session by session
 * (oldest first), in the order given. */
store_status store_list_responses(store *s, const store_filter *f, store_response_cb cb,
                                  void *ctx);

typedef struct {
	const char *title;
	const char *hash;
	const char *path;          /* NULL when not known */
	size_t sessions;
} store_bank_row;

typedef int (*store_bank_cb)(const store_bank_row *row, void *ctx);

/* Calls `cb` for each bank that `spec` matches (as store_filter.bank does;
 * NULL matches all), by title. */
store_status store_list_banks(store *s, const char *spec, store_bank_cb cb, void *ctx);

typedef struct {
	const char *bank_title;
	const char *bank_hash;
	const char *question_id;
	const char *kind;
	const char *prompt;
	const char *answer;        /* the right answer as shown to a student; "" when not known */
	double points;
	int position;              /* 1-based, in its bank */
} store_question_row;

typedef int (*store_question_cb)(const store_question_row *row, void *ctx);

/* Calls `cb` for each question of the banks `spec` matches (as
 * store_filter.bank; NULL: all): by title, the newest version of a bank
 * first, each version's questions in the bank's order. */
store_status store_list_questions(store *s, const char *spec, store_question_cb cb, void *ctx);

/* --- Classes and rosters ------------------------------------------------ */

/* A class is a name, a roster of students and the settings its exams are
 * taken with. A student is an id (unique in the class), a name and an
 * optional group; a student's sessions are recorded under the learner whose
 * name is the id, so `recall history --user ID` finds them. */
typedef struct {
	const char *name;
	int64_t seed;             /* the one seed that orders every student's questions and options */
	const char *mode;         /* "exam" (the default) or "practice" */
	bool shuffle;             /* questions in the seed's order (default), else the bank's */
	bool allow_hints;         /* :hint and :passage (default no) */
	bool allow_override;      /* :override, in practice mode (default no) */
	bool show_answers;        /* the answer sheet at the end of an exam (default no) */
	int64_t time_limit_ms;    /* 0: none (the default) */
	size_t students;          /* on the roster (read only) */
	int64_t created_ms;       /* (read only) */
} store_class;

/* The seed a new class gets: a hash of its name, so that a class set up on
 * several machines asks its questions in one order on all of them. Not
 * negative. */
int64_t store_class_default_seed(const char *name);

/* Reads class `name` into *out (out->name is `name` itself; out->mode a
 * constant string). STORE_MISSING when there is no such class. */
store_status store_class_get(store *s, const char *name, store_class *out);

/* Writes the settings of the existing class c->name (students and
 * created_ms are ignored). STORE_MISSING when there is no such class,
 * STORE_INVALID for a mode that is not exam or practice. */
store_status store_class_update(store *s, const store_class *c);

typedef int (*store_class_cb)(const store_class *c, void *ctx);

/* Calls `cb` for every class, by name. */
store_status store_list_classes(store *s, store_class_cb cb, void *ctx);

typedef struct {
	const char *id;           /* 1 to 64 bytes, as roster_valid_id says */
	const char *name;
	const char *group;        /* "" or NULL: none */
} store_student;

typedef struct {
	bool created;             /* the class was new */
	size_t added;             /* students new to the roster */
	size_t updated;           /* known ids whose name or group changed */
	size_t unchanged;
	size_t removed;           /* with replace: taken off the roster */
	size_t kept;              /* without replace: on the roster, not in the list */
} store_roster_counts;

/* Imports a roster into class `class_name`, creating the class with the
 * default settings when it is new, in one transaction: ids not on the roster
 * are added, the names and groups of known ids updated, and the roster takes
 * the list's order. With `replace`, students not in the list are taken off
 * the roster (their results stay in the database). An invalid name or id,
 * or an id listed twice, is STORE_INVALID with nothing written. */
store_status store_roster_import(store *s, const char *class_name, const store_student *students,
                                 size_t count, bool replace, store_roster_counts *out);

typedef struct {
	const char *id;
	const char *name;
	const char *group;        /* "" when none */
	int position;             /* 1-based place on the roster */
	size_t sessions;          /* sessions taken in the class */
} store_roster_row;

typedef int (*store_roster_cb)(const store_roster_row *row, void *ctx);

/* Calls `cb` for each student of class `class_name`, in roster order.
 * STORE_MISSING when there is no such class. */
store_status store_roster_list(store *s, const char *class_name, store_roster_cb cb, void *ctx);

/* Looks student `id` up in class `class_name`: *name is a new string (the
 * caller frees it) holding the student's name, or NULL when the id is not on
 * the roster. STORE_MISSING when there is no such class. */
store_status store_roster_find(store *s, const char *class_name, const char *id, char **name);

/* Calls `cb` for each bank that sessions of class `class_name` were taken on
 * and that `spec` matches (as store_filter.bank; NULL: all), by title, with
 * `sessions` counting the class's sessions only. */
store_status store_class_banks(store *s, const char *class_name, const char *spec,
                               store_bank_cb cb, void *ctx);

/* --- Regrading ---------------------------------------------------------- */

/* A response as regrading sees it: its row id, so a change names it. */
typedef struct {
	int64_t id;                /* the response's row id */
	const char *session_uuid;
	const char *learner;
	const char *bank_hash;
	int seq;
	const char *question_id;
	const char *kind;
	double points;
	const char *answer;        /* as typed */
	size_t answer_len;
	const char *chosen;        /* NULL when not recorded */
	const char *verdict;
	double credit;             /* as counted */
	double graded_credit;      /* as graded, before any hint penalty or override */
	int hints;
	bool passage;
	bool override;
} store_regrade_response;

typedef int (*store_regrade_response_cb)(const store_regrade_response *row, void *ctx);
/* Calls `cb` for every response the filter covers whose question id is
 * `question_id` (NULL: any), session by session, oldest first. */
store_status store_regrade_responses(store *s, const store_filter *f, const char *question_id,
                                     store_regrade_response_cb cb, void *ctx);

/* One change to make: response `response_id` gets `verdict`, its graded
 * credit `graded_credit` and its counted credit `credit`; `overridden`
 * marks it counted right (or wrong) by a person. */
typedef struct {
	int64_t response_id;
	const char *verdict;
	double graded_credit;
	double credit;
	bool overridden;
} store_regrade_change;

/* Makes the changes in one transaction: each response is updated, a
 * regrade record keeps what it was, who (`by`) changed it, when and why
 * (`reason`, one line a person reads: "accepted 'Cusco' for capital"), and
 * the score of every session touched is summed again from its responses.
 * A response already as the change says is left alone and not recorded.
 * *changed (may be NULL) gets the number of responses changed. On any
 * failure nothing is written. */
store_status store_regrade_apply(store *s, const store_regrade_change *changes, size_t count,
                                 const char *by, const char *reason, size_t *changed);

typedef struct {
	int64_t at;
	const char *by;
	const char *reason;
	const char *session_uuid;
	const char *learner;
	int seq;
	const char *question_id;
	const char *old_verdict, *new_verdict;
	double old_credit, new_credit;     /* as counted */
} store_regrade_row;

typedef int (*store_regrade_cb)(const store_regrade_row *row, void *ctx);
/* Calls `cb` for each regrade of a response the filter covers, oldest
 * first. */
store_status store_regrade_list(store *s, const store_filter *f, store_regrade_cb cb, void *ctx);

/* --- Merging ------------------------------------------------------------ */

typedef struct {
	size_t files;             /* databases read */
	size_t sessions;          /* sessions added */
	size_t responses;         /* answers added, with their sessions or to sessions known */
	size_t sessions_known;    /* sessions already here (by UUID) */
	size_t sessions_extended; /* of those, sessions the other database had further along */
	size_t learners, banks, questions, classes, students;   /* rows added */
	size_t regrades;          /* regrades added (and applied when they are the newest) */
} store_merge_counts;

/* Folds the results of the recall databases at `paths` into `s`: their
 * sessions with their learners, banks, questions and answers, and their
 * classes and rosters. Things are matched by what names them on every
 * machine: learners and classes by name, banks by content hash, questions
 * by (bank, id), students by (class, id), sessions by UUID. A session
 * already here is kept as it is, unless the other database has it further
 * along (more answers, or ended where this one is still open or was
 * interrupted): then its missing answers and its end are taken. So merging
 * a file twice adds nothing. Classes already here keep their settings;
 * students already on a roster keep their names. Regrades are taken too
 * (matched by response, time, who and why); one newer than any change
 * made here to its response sets that response as the other database has
 * it, and the session's score is summed again.
 *
 * Each file is checked first, read only: that it is a recall database no
 * newer than this program, that SQLite finds it sound (integrity_check),
 * and that every row makes sense. Then everything is written in one
 * transaction. On any failure nothing is written, the message names the
 * file, and the status says why (STORE_NOTADB for a file that is not a
 * sound recall database, STORE_TOO_NEW, STORE_INVALID for the database
 * itself given as another). */
store_status store_merge(store *s, const char *const *paths, size_t count,
                         store_merge_counts *out);

#endif
