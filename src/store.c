/* store.c - the SQLite database of learners, banks, sessions and every answer given */
#include "store.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "cards.h"
#include "store_impl.h"
#include "text.h"
#include "util.h"

/* The schema, one step per version: steps[v] turns version v into v + 1.
 * A released step is never edited; a change is a new step at the end.
 *
 * Learners, banks and questions are keyed by what stays the same across
 * machines (a name, a content hash, a bank's question id) and sessions by a
 * UUID, so that databases can be merged; row ids are local. The learner
 * table is the one a class roster refers to. */
static const char *const schema_steps[] = {
	/* 0 -> 1 */
	"PRAGMA application_id = 1380139340;\n"
	"CREATE TABLE learner (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  name        TEXT NOT NULL UNIQUE,\n"
	"  created_at  INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE bank (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  hash        TEXT NOT NULL UNIQUE,\n"
	"  title       TEXT NOT NULL,\n"
	"  path        TEXT,\n"
	"  added_at    INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE question (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  bank_id     INTEGER NOT NULL REFERENCES bank(id),\n"
	"  qid         TEXT NOT NULL,\n"
	"  position    INTEGER NOT NULL,\n"
	"  kind        TEXT NOT NULL,\n"
	"  prompt      TEXT NOT NULL,\n"
	"  answer      TEXT,\n"
	"  points      REAL NOT NULL,\n"
	"  UNIQUE (bank_id, qid)\n"
	");\n"
	"CREATE TABLE session (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  uuid        TEXT NOT NULL UNIQUE,\n"
	"  learner_id  INTEGER NOT NULL REFERENCES learner(id),\n"
	"  bank_id     INTEGER NOT NULL REFERENCES bank(id),\n"
	"  mode        TEXT NOT NULL,\n"
	"  seed        INTEGER,\n"
	"  planned     INTEGER NOT NULL,\n"
	"  started_at  INTEGER NOT NULL,\n"
	"  ended_at    INTEGER,\n"
	"  status      TEXT NOT NULL,\n"
	"  score       REAL NOT NULL,\n"
	"  max_score   REAL NOT NULL,\n"
	"  host        TEXT,\n"
	"  pid         INTEGER,\n"
	"  proc_start  INTEGER\n"
	");\n"
	"CREATE INDEX session_by_learner ON session (learner_id, started_at);\n"
	"CREATE INDEX session_by_bank ON session (bank_id, started_at);\n"
	"CREATE INDEX session_running ON session (host) WHERE status = 'running';\n"
	"CREATE TABLE response (\n"
	"  id            INTEGER PRIMARY KEY,\n"
	"  session_id    INTEGER NOT NULL REFERENCES session(id),\n"
	"  seq           INTEGER NOT NULL,\n"
	"  question_id   INTEGER NOT NULL REFERENCES question(id),\n"
	"  answer        TEXT NOT NULL,\n"
	"  verdict       TEXT NOT NULL,\n"
	"  graded_credit REAL NOT NULL,\n"
	"  credit        REAL NOT NULL,\n"
	"  hints         INTEGER NOT NULL,\n"
	"  passage       INTEGER NOT NULL,\n"
	"  override      INTEGER NOT NULL DEFAULT 0,\n"
	"  time_ms       INTEGER NOT NULL,\n"
	"  answered_at   INTEGER NOT NULL,\n"
	"  UNIQUE (session_id, seq)\n"
	");\n"
	"CREATE INDEX response_by_question ON response (question_id);\n",
	/* 1 -> 2: classes, their rosters and exam settings; a session taken in
	 * a class, and its time limit; the option a choice answer named. A
	 * class is keyed by its name and a student by (class, id), so rosters
	 * merge too; a student's sessions are recorded under the learner whose
	 * name is the student's id. */
	"CREATE TABLE class (\n"
	"  id             INTEGER PRIMARY KEY,\n"
	"  name           TEXT NOT NULL UNIQUE,\n"
	"  seed           INTEGER NOT NULL,\n"
	"  mode           TEXT NOT NULL DEFAULT 'exam',\n"
	"  shuffle        INTEGER NOT NULL DEFAULT 1,\n"
	"  allow_hints    INTEGER NOT NULL DEFAULT 0,\n"
	"  allow_override INTEGER NOT NULL DEFAULT 0,\n"
	"  show_answers   INTEGER NOT NULL DEFAULT 0,\n"
	"  time_limit_ms  INTEGER,\n"
	"  created_at     INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE roster (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  class_id    INTEGER NOT NULL REFERENCES class(id),\n"
	"  student     TEXT NOT NULL,\n"
	"  name        TEXT NOT NULL,\n"
	"  grp         TEXT NOT NULL DEFAULT '',\n"
	"  position    INTEGER NOT NULL,\n"
	"  added_at    INTEGER NOT NULL,\n"
	"  UNIQUE (class_id, student)\n"
	");\n"
	"ALTER TABLE session ADD COLUMN class_id INTEGER REFERENCES class(id);\n"
	"ALTER TABLE session ADD COLUMN time_limit_ms INTEGER;\n"
	"ALTER TABLE response ADD COLUMN chosen TEXT;\n"
	"CREATE INDEX session_by_class ON session (class_id, bank_id) WHERE class_id IS NOT NULL;\n",
	/* 2 -> 3: review cards (cards.h), one per learner, bank title and
	 * question id. They are replayed from the answers already recorded the
	 * first time the database is opened for writing (card_replay says it is
	 * still to be done). */
	"CREATE TABLE card (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  learner_id   INTEGER NOT NULL REFERENCES learner(id),\n"
	"  bank_title   TEXT NOT NULL,\n"
	"  qid          TEXT NOT NULL,\n"
	"  question_id  INTEGER NOT NULL REFERENCES question(id),\n"
	"  answer       TEXT,\n"
	"  stability    REAL NOT NULL,\n"
	"  difficulty   REAL NOT NULL,\n"
	"  reps         INTEGER NOT NULL,\n"
	"  lapses       INTEGER NOT NULL,\n"
	"  reviews      INTEGER NOT NULL,\n"
	"  recalled     INTEGER NOT NULL,\n"
	"  last_review  INTEGER NOT NULL,\n"
	"  due          INTEGER NOT NULL,\n"
	"  UNIQUE (learner_id, bank_title, qid)\n"
	");\n"
	"CREATE INDEX card_due ON card (learner_id, due);\n"
	"CREATE TABLE card_replay (pending INTEGER NOT NULL);\n"
	"INSERT INTO card_replay VALUES (1);\n",
	/* 3 -> 4: regrades, each a change to one response made after the
	 * fact (an answer accepted for everyone, an override, a new version of
	 * the bank), with who made it, when, why, and what the response was. */
	"CREATE TABLE regrade (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  response_id  INTEGER NOT NULL REFERENCES response(id),\n"
	"  at           INTEGER NOT NULL,\n"
	"  by_whom      TEXT NOT NULL,\n"
	"  reason       TEXT NOT NULL,\n"
	"  old_verdict  TEXT NOT NULL,\n"
	"  old_credit   REAL NOT NULL,\n"
	"  new_verdict  TEXT NOT NULL,\n"
	"  new_credit   REAL NOT NULL\n"
	");\n"
	"CREATE INDEX regrade_by_response ON regrade (response_id);\n",
};

#define SCHEMA_VERSION ((int)(sizeof schema_steps / sizeof schema_steps[0]))


static const char *const stmt_sql[ST_COUNT] = {
	[ST_BEGIN] = "BEGIN IMMEDIATE",
	[ST_COMMIT] = "COMMIT",
	[ST_ROLLBACK] = "ROLLBACK",
	[ST_LEARNER_UPSERT] =
		"INSERT INTO learner (name, created_at) VALUES (?1, ?2)"
		" ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
	[ST_BANK_FIND] = "SELECT id, path, title FROM bank WHERE hash = ?1",
	[ST_BANK_INSERT] =
		"INSERT INTO bank (hash, title, path, added_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
	[ST_BANK_UPDATE] = "UPDATE bank SET title = ?2, path = ?3 WHERE id = ?1",
	[ST_QUESTION_COUNT] = "SELECT count(*) FROM question WHERE bank_id = ?1",
	[ST_QUESTION_INSERT] =
		"INSERT OR IGNORE INTO question (bank_id, qid, position, kind, prompt, answer, points)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_SESSION_INSERT] =
		"INSERT INTO session (uuid, learner_id, bank_id, mode, seed, planned, started_at,"
		" status, score, max_score, host, pid, proc_start, class_id, time_limit_ms)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running', 0, ?8, ?9, ?10, ?11, ?12, ?13)"
		" RETURNING id",
	[ST_QUESTION_FIND] = "SELECT id, points FROM question WHERE bank_id = ?1 AND qid = ?2",
	[ST_RESPONSE_INSERT] =
		"INSERT INTO response (session_id, seq, question_id, answer, verdict, graded_credit,"
		" credit, hints, passage, time_ms, answered_at, chosen)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
	[ST_SESSION_ADD_SCORE] = "UPDATE session SET score = score + ?2 WHERE id = ?1",
	[ST_RESPONSE_CREDIT] =
		"SELECT r.credit, q.points FROM response r JOIN question q ON q.id = r.question_id"
		" WHERE r.id = ?1",
	[ST_RESPONSE_OVERRIDE] = "UPDATE response SET override = 1, credit = ?2 WHERE id = ?1",
	/* A session regraded while it ran keeps the score the regrade summed
	 * (and the answers after it added), not the one the quiz kept. */
	[ST_SESSION_END] =
		"UPDATE session SET status = ?2, score = CASE WHEN EXISTS (SELECT 1 FROM regrade g"
		" JOIN response r ON r.id = g.response_id WHERE r.session_id = ?1) THEN score ELSE ?3"
		" END, max_score = ?4, ended_at = ?5 WHERE id = ?1 AND status = 'running'",
	[ST_RUNNING_HERE] =
		"SELECT id, pid, proc_start FROM session WHERE status = 'running' AND host = ?1",
	/* A vanished process's session ends where its last answer was given. */
	[ST_SESSION_INTERRUPT] =
		"UPDATE session SET status = 'interrupted', ended_at = max(started_at,"
		" coalesce((SELECT max(answered_at) FROM response WHERE session_id = ?1), 0))"
		" WHERE id = ?1 AND status = 'running'",
	[ST_SESSIONS_NEWEST] =
		"SELECT " SESSION_COLUMNS " FROM session s" SESSION_JOINS "WHERE" FILTER
		"ORDER BY s.started_at DESC, s.id DESC LIMIT :limit",
	[ST_SESSIONS_OLDEST] =
		"SELECT " SESSION_COLUMNS " FROM session s" SESSION_JOINS "WHERE" FILTER
		"ORDER BY s.started_at, s.id LIMIT :limit",
	/* An ambiguous answer is asked again without penalty, so it counts
	 * neither as an answer nor as a miss. */
	[ST_KINDS] =
		"SELECT q.kind, count(*), total(q.points), total(r.credit * q.points)"
		" FROM response r" RESPONSE_JOINS "WHERE" FILTER "AND r.verdict <> 'ambiguous'"
		" GROUP BY q.kind",
	[ST_MISSED] =
		"SELECT b.title, q.qid, max(q.kind), max(q.prompt), count(*) AS asked,"
		" sum(r.verdict IN ('wrong', 'skipped') AND NOT r.override) AS missed"
		" FROM response r" RESPONSE_JOINS "WHERE" FILTER "AND r.verdict <> 'ambiguous'"
		" GROUP BY b.title, q.qid HAVING missed > 0"
		" ORDER BY CAST(missed AS REAL) / asked DESC, missed DESC, b.title, q.qid"
		" LIMIT :limit",
	[ST_RESPONSES] =
		"SELECT l.name, b.title, b.hash, s.uuid, s.mode, s.status, s.started_at, s.ended_at,"
		" r.seq, q.qid, q.kind, q.points, r.answer, r.verdict, r.credit, r.graded_credit,"
		" r.hints, r.passage, r.override, r.time_ms, r.answered_at, r.chosen, q.prompt,"
		" q.answer"
		" FROM response r" RESPONSE_JOINS "WHERE" FILTER
		"ORDER BY s.started_at, s.id, r.seq",
	[ST_BANKS] =
		"SELECT b.title, b.hash, b.path,"
		" (SELECT count(*) FROM session s WHERE s.bank_id = b.id)"
		" FROM bank b WHERE " BANK_MATCH " ORDER BY b.title, b.added_at, b.id",
	[ST_CLASS_STUDENT] =
		"SELECT c.id, EXISTS (SELECT 1 FROM roster r WHERE r.class_id = c.id AND r.student = ?2)"
		" FROM class c WHERE c.name = ?1",
};


struct store_session {
	store *s;
	int64_t id;
	int64_t bank_id;
	int64_t learner_id;
	int64_t last_question; /* the question row of the last response */
	char uuid[37];
	int seq;               /* responses recorded through this handle */
	int64_t last_response; /* row id; 0 before the first */
	bool ended;
};

static const char *const status_names[STORE_STATUS_COUNT] = {
	[STORE_RUNNING] = "running",
	[STORE_COMPLETE] = "complete",
	[STORE_QUIT] = "quit",
	[STORE_INTERRUPTED] = "interrupted",
	[STORE_TIMEOUT] = "timeout",
};

static const char *const verdicts[] = {"correct", "close",  "partial",
                                       "ambiguous", "wrong", "skipped"};

const char *store_session_status_name(store_session_status status)
{
	return status < STORE_STATUS_COUNT ? status_names[status] : "unknown";
}

store_session_status store_session_status_parse(const char *name)
{
	for (int i = 0; i < STORE_STATUS_COUNT; i++)
		if (name && strcmp(name, status_names[i]) == 0)
			return (store_session_status)i;
	return STORE_STATUS_COUNT;
}

int store_schema_version(void)
{
	return SCHEMA_VERSION;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t store_now(const store *s)
{
	return s->clock ? s->clock(s->clock_ctx) : now_ms() + s->clock_offset_ms;
}

void store_set_clock(store *s, int64_t (*now)(void *ctx), void *ctx)
{
	s->clock = now;
	s->clock_ctx = ctx;
}

/* --- Errors ------------------------------------------------------------- */

store_status store_fail(store *s, store_status status, const char *fmt, ...)
{
	va_list ap;
	buf_clear(&s->err);
	va_start(ap, fmt);
	buf_vprintf(&s->err, fmt, ap);
	va_end(ap);
	return status;
}

store_status store_status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return STORE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_LOCKED;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return STORE_READONLY;
	case SQLITE_NOTADB:
		return STORE_NOTADB;
	default:
		return STORE_IO;
	}
}

/* SQLite's words for `rc`: the connection's message while it still is about
 * that failure (a rollback since may have replaced it), else the generic. */
static const char *reason(const store *s, int rc)
{
	if (s->db && (sqlite3_errcode(s->db) & 0xff) == (rc & 0xff))
		return sqlite3_errmsg(s->db);
	return sqlite3_errstr(rc);
}

/* A failed SQLite call, said in words: `doing` is "cannot record the answer"
 * and the like; the path and the reason follow. */
store_status store_fail_sqlite(store *s, int rc, const char *doing)
{
	store_status status = store_status_of(rc);
	if (status == STORE_OK)   /* a step that ended early is no success */
		status = STORE_IO;
	switch (status) {
	case STORE_LOCKED:
		return store_fail(s, status,
		            "%s: %s is locked by another process (waited %d ms); try again, or set "
		            "RECALL_BUSY_TIMEOUT to wait longer",
		            doing, s->path, s->busy_ms);
	case STORE_READONLY:
		return store_fail(s, status, "%s: %s cannot be written (%s)", doing, s->path,
		            reason(s, rc));
	case STORE_NOTADB:
		return store_fail(s, status, "%s: %s is not an SQLite database", doing, s->path);
	default:
		if ((rc & 0xff) == SQLITE_FULL)
			return store_fail(s, status, "%s: the disk holding %s is full", doing, s->path);
		if ((rc & 0xff) == SQLITE_CORRUPT)
			return store_fail(s, status, "%s: %s is damaged (%s)", doing, s->path,
			            reason(s, rc));
		return store_fail(s, status, "%s: %s: %s", doing, s->path, reason(s, rc));
	}
}

const char *store_errmsg(const store *s)
{
	return s->err.ptr;
}

const char *store_path(const store *s)
{
	return s->path;
}

/* --- Statements --------------------------------------------------------- */

/* The cached statement `id`, prepared the first time it is needed. Returns
 * an SQLite result code. */
int store_prep(store *s, stmt_id id, sqlite3_stmt **out)
{
	if (!s->stmts[id]) {
		int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
		                            &s->stmts[id], NULL);
		if (rc != SQLITE_OK) {
			s->stmts[id] = NULL;
			*out = NULL;
			return rc;
		}
	}
	*out = s->stmts[id];
	return SQLITE_OK;
}

/* Makes a statement ready for its next use. A SELECT left half-stepped
 * would hold its read snapshot, so every path through a query ends here. */
void store_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

static void bind_list(sqlite3_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types[i]; i++) {
		switch (types[i]) {
		case 'i':
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
			break;
		case 'd':
			sqlite3_bind_double(st, i + 1, va_arg(ap, double));
			break;
		case 't':
			store_bind_text(st, i + 1, va_arg(ap, const char *));
			break;
		default:
			abort();  /* a letter no caller may pass */
		}
	}
}

void store_bind(sqlite3_stmt *st, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	bind_list(st, types, ap);
	va_end(ap);
}

int store_run(store *s, stmt_id id, const char *types, ...)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, id, &st);
	if (rc != SQLITE_OK)
		return rc;
	va_list ap;
	va_start(ap, types);
	bind_list(st, types, ap);
	va_end(ap);
	rc = sqlite3_step(st);
	store_done(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_first(store *s, stmt_id id, sqlite3_stmt **st, const char *types, ...)
{
	int rc = store_prep(s, id, st);
	if (rc != SQLITE_OK)
		return rc;
	va_list ap;
	va_start(ap, types);
	bind_list(*st, types, ap);
	va_end(ap);
	rc = sqlite3_step(*st);
	if (rc != SQLITE_ROW)
		store_done(*st);
	return rc;
}

static int exec_stmt(store *s, stmt_id id)
{
	return store_run(s, id, "");
}

int store_tx_begin(store *s)
{
	return exec_stmt(s, ST_BEGIN);
}

int store_tx_commit(store *s)
{
	int rc = exec_stmt(s, ST_COMMIT);
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(s->db))
		exec_stmt(s, ST_ROLLBACK);
	return rc;
}

void store_tx_rollback(store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		exec_stmt(s, ST_ROLLBACK);
}

int store_bind_text(sqlite3_stmt *st, int i, const char *text)
{
	return text ? sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

int store_bind_named_text(sqlite3_stmt *st, const char *name, const char *text)
{
	int i = sqlite3_bind_parameter_index(st, name);
	return i ? store_bind_text(st, i, text) : SQLITE_OK;
}

const char *store_column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* --- Paths -------------------------------------------------------------- */

char *store_default_path(char **errmsg)
{
	*errmsg = NULL;
	const char *db = getenv("RECALL_DB");
	if (db && *db)
		return xstrdup(db);
	buf path;
	buf_init(&path);
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && data[0] == '/') {
		buf_printf(&path, "%s/recall/recall.db", data);
	} else {
		if (!home || !*home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
		}
		if (!home) {
			buf_release(&path);
			*errmsg = xstrdup("no home folder is known for the database; set RECALL_DB or "
			                  "give --db PATH");
			return NULL;
		}
		buf_printf(&path, "%s/.local/share/recall/recall.db", home);
	}
	return buf_detach(&path);
}

char *store_default_learner(void)
{
	const char *name = getenv("RECALL_USER");
	if (name && *name)
		return xstrdup(name);
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	name = getenv("USER");
	return xstrdup(name && *name ? name : "user");
}

/* Creates `dir` and its missing parents with `mode`. Returns 0 or an errno
 * value, with the folder that failed in *failed (caller frees). */
static int make_dirs(const char *dir, mode_t mode, char **failed)
{
	struct stat st;
	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	char *copy = xstrdup(dir);
	int err = 0;
	for (char *p = copy + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;
		*p = '\0';
		if (mkdir(copy, mode) != 0 && errno != EEXIST) {
			err = errno;
			*failed = xstrdup(copy);
			break;
		}
		if (saved == '\0')
			break;
		*p = saved;
	}
	free(copy);
	return err;
}

static bool is_readonly_errno(int err)
{
	return err == EACCES || err == EROFS || err == EPERM;
}

/* --- Migrations --------------------------------------------------------- */

static int read_int_pragma(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static char *msg_dup(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *msg_dup(const char *fmt, ...)
{
	buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

store_status store_migrate(sqlite3 *db, const char *const *steps, int count, char **errmsg)
{
	*errmsg = NULL;
	char *sql_err = NULL;
	store_status status = STORE_OK;
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		*errmsg = msg_dup("cannot upgrade the database: %s", sqlite3_errmsg(db));
		return store_status_of(rc);
	}
	/* Read under the write lock: another process may have just migrated. */
	int64_t version = 0;
	rc = read_int_pragma(db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK) {
		status = store_status_of(rc);
		*errmsg = msg_dup("cannot read the schema version: %s", sqlite3_errmsg(db));
		goto out;
	}
	if (version > count) {
		status = STORE_TOO_NEW;
		*errmsg = msg_dup("the database has schema version %lld, newer than the %d this "
		                  "program knows",
		                  (long long)version, count);
		goto out;
	}
	for (int v = (int)version; v < count; v++) {
		rc = sqlite3_exec(db, steps[v], NULL, NULL, &sql_err);
		if (rc == SQLITE_OK) {
			char bump[64];
			snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
			rc = sqlite3_exec(db, bump, NULL, NULL, &sql_err);
		}
		if (rc != SQLITE_OK) {
			status = store_status_of(rc) == STORE_OK ? STORE_IO : store_status_of(rc);
			if (status == STORE_NOTADB)
				status = STORE_IO;
			*errmsg = msg_dup("cannot upgrade the database from schema version %d to %d: %s",
			                  v, v + 1, sql_err ? sql_err : sqlite3_errstr(rc));
			sqlite3_free(sql_err);
			goto out;
		}
	}
out:
	if (status == STORE_OK) {
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			status = store_status_of(rc);
			*errmsg = msg_dup("cannot upgrade the database: %s", sqlite3_errmsg(db));
		}
	}
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return status;
}

/* --- Processes ---------------------------------------------------------- */

/* When process `pid` started, in clock ticks after boot (field 22 of
 * /proc/PID/stat); 0 when it cannot be told. With the pid it tells a live
 * session's process from an unrelated one that reused its pid. */
static int64_t process_start(pid_t pid)
{
	char path[64], text[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = '\0';
	/* The command name (field 2) may hold spaces and parentheses: count
	 * fields from the last ')'. */
	char *p = strrchr(text, ')');
	if (!p)
		return 0;
	p++;
	for (int field = 3; field < 22; field++) {
		p = strchr(p + 1, ' ');
		if (!p)
			return 0;
	}
	return strtoll(p + 1, NULL, 10);
}

static bool process_gone(int64_t pid, int64_t started)
{
	if (pid <= 0 || pid > INT_MAX)
		return true;
	/* EPERM: alive, but another user's (a classmate's on a shared server). */
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return true;
	if (started > 0) {
		int64_t now = process_start((pid_t)pid);
		if (now > 0 && now != started)
			return true;
	}
	return false;
}

/* Collects the running sessions of this host whose process is gone. */
static int find_orphans(store *s, int64_t **ids, size_t *count)
{
	*ids = NULL;
	*count = 0;
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_RUNNING_HERE, &st);
	if (rc != SQLITE_OK)
		return rc;
	store_bind_text(st, 1, s->host);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!process_gone(sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2)))
			continue;
		if (*count == cap) {
			cap = cap ? cap * 2 : 8;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*count)++] = sqlite3_column_int64(st, 0);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*count = 0;
		return rc;
	}
	return SQLITE_OK;
}

/* --- Opening ------------------------------------------------------------ */

static int busy_timeout(const store_options *opt)
{
	if (opt->busy_timeout_ms > 0)
		return opt->busy_timeout_ms;
	const char *env = getenv("RECALL_BUSY_TIMEOUT");
	if (env && *env) {
		char *end;
		long ms = strtol(env, &end, 10);
		if (*end == '\0' && ms > 0 && ms <= 3600000)
			return (int)ms;
	}
	return STORE_DEFAULT_BUSY_MS;
}

/* Checks, before SQLite touches anything, that what must be written can be:
 * the file, or the folder that will hold it and its WAL files. */
static store_status check_paths(store *s, const store_options *opt, bool *exists)
{
	struct stat st;
	*exists = stat(s->path, &st) == 0;
	if (!*exists && errno != ENOENT)
		return store_fail(s, is_readonly_errno(errno) ? STORE_READONLY : STORE_IO,
		            "cannot open the database %s: %s", s->path, strerror(errno));
	if (*exists && S_ISDIR(st.st_mode))
		return store_fail(s, STORE_NOTADB, "%s is a folder, not a database", s->path);
	store_status status = STORE_OK;
	char *dir = path_dirname(s->path);
	struct stat dir_st;
	const char *env = getenv("RECALL_DB");
	bool named = opt->only_existing_folder && (opt->path || (env && *env));
	if (!*exists && named && stat(dir, &dir_st) != 0 && errno == ENOENT) {
		/* A path typed with a slip would otherwise make a new, empty
		 * database in a folder nobody meant (or report an empty history):
		 * only the default place is made. */
		status = store_fail(s, STORE_IO, "cannot open the database %s: there is no folder %s",
		                    s->path, dir);
	} else if (!*exists && opt->must_exist) {
		status = store_fail(s, STORE_MISSING, "there is no database at %s", s->path);
	} else if (!*exists) {
		/* The default place is private to the user; an explicit folder is
		 * made as the umask says, since a class may share it. */
		char *failed = NULL;
		int err = make_dirs(dir, opt->path ? 0777 : 0700, &failed);
		if (err) {
			status = store_fail(s, is_readonly_errno(err) ? STORE_READONLY : STORE_IO,
			              "cannot create the database %s: the folder %s cannot be made (%s)",
			              s->path, failed ? failed : dir, strerror(err));
			free(failed);
		} else if (access(dir, W_OK | X_OK) != 0) {
			status = store_fail(s, STORE_READONLY,
			              "cannot create the database %s: the folder %s is not writable (%s)",
			              s->path, dir, strerror(errno));
		}
	} else if (opt->write) {
		if (access(s->path, R_OK | W_OK) != 0)
			status = store_fail(s, STORE_READONLY, "the database %s is not writable (%s)", s->path,
			              strerror(errno));
		else if (access(dir, W_OK | X_OK) != 0)
			status = store_fail(s, STORE_READONLY,
			              "cannot write the database %s: its folder %s is not writable (%s), "
			              "and SQLite keeps its journal there",
			              s->path, dir, strerror(errno));
	}
	free(dir);
	return status;
}

/* Reads what kind of file this is; writes nothing. One statement, so one
 * snapshot: read apart, the figures could straddle another process's
 * creation of the schema and make a new recall database look foreign. */
static store_status inspect(store *s, int64_t *version)
{
	int64_t app_id = 0, tables = 0, packs = 0;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
	                            "SELECT (SELECT application_id FROM pragma_application_id),"
	                            " (SELECT user_version FROM pragma_user_version),"
	                            " (SELECT count(*) FROM sqlite_schema),"
	                            " (SELECT count(*) FROM sqlite_schema WHERE name = 'pack')",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		app_id = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int64(st, 1);
		tables = sqlite3_column_int64(st, 2);
		packs = sqlite3_column_int64(st, 3);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			return store_fail(s, STORE_NOTADB, "%s is not a recall database (not an SQLite file)",
			            s->path);
		return store_fail_sqlite(s, rc, "cannot read the database");
	}
	/* Packs share the application id; one must never be upgraded into a
	 * results database (or switched to WAL, which read-only media cannot read). */
	if (app_id == RECALL_APPLICATION_ID && packs > 0)
		return store_fail(s, STORE_NOTADB,
		            "%s is a recall pack, not a results database; give it as the BANK and "
		            "another --db",
		            s->path);
	if (app_id != RECALL_APPLICATION_ID && (app_id != 0 || tables > 0))
		return store_fail(s, STORE_NOTADB,
		            "%s is an SQLite database, but not recall's (application id %lld, %lld "
		            "tables); give another --db",
		            s->path, (long long)app_id, (long long)tables);
	if (*version > SCHEMA_VERSION)
		return store_fail(s, STORE_TOO_NEW,
		            "%s was written by a newer recall (schema version %lld; this one knows "
		            "up to %d); upgrade recall to use it",
		            s->path, (long long)*version, SCHEMA_VERSION);
	return STORE_OK;
}

static store_status mark_orphans(store *s, const int64_t *ids, size_t count)
{
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < count; i++)
		rc = store_run(s, ST_SESSION_INTERRUPT, "i", ids[i]);
	return rc == SQLITE_OK ? STORE_OK : store_fail_sqlite(s, rc, "cannot mark interrupted sessions");
}

/* Switches the database to WAL mode. Leaving rollback mode needs the file
 * to itself, and SQLite reports a busy file at once here instead of calling
 * the busy handler, so the wait is done here: this happens when a class
 * starts on a database none of them has made yet. */
static int set_wal(store *s)
{
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (int attempt = 0;; attempt++) {
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
			rc = SQLITE_OK;
		sqlite3_finalize(st);
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return rc;
		clock_gettime(CLOCK_MONOTONIC, &now);
		int64_t waited = (int64_t)(now.tv_sec - start.tv_sec) * 1000 +
		                 (now.tv_nsec - start.tv_nsec) / 1000000;
		if (waited >= s->busy_ms)
			return rc;
		sqlite3_sleep(attempt < 10 ? 2 : 20);
	}
}

/* A WAL database that may not be written, in a folder where SQLite cannot
 * make its shared-memory file, can only be read as immutable. That is safe
 * when no WAL file holds changes yet to be copied into the database, which
 * is how a database is left once its last writer has closed it. */
static bool reopen_immutable(store *s)
{
	buf wal;
	buf_init(&wal);
	buf_printf(&wal, "%s-wal", s->path);
	bool pending = access(wal.ptr, F_OK) == 0;
	buf_release(&wal);
	if (pending)
		return false;
	buf uri;
	buf_init(&uri);
	buf_puts(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)s->path; *p; p++) {
		if (isalnum(*p) || strchr("/-._~", *p))
			buf_putc(&uri, (char)*p);
		else
			buf_printf(&uri, "%%%02X", *p);
	}
	buf_puts(&uri, "?immutable=1");
	sqlite3_close(s->db);
	s->db = NULL;
	int rc = sqlite3_open_v2(uri.ptr, &s->db,
	                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	buf_release(&uri);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, s->busy_ms);
	}
	return rc == SQLITE_OK;
}

/* A new database holds answers, so it is made readable by its owner only,
 * or also by the folder's group when the folder is shared with a group (as
 * a class's folder is: group-writable, see docs/CLASSROOM.md), whatever the
 * umask. SQLite gives the -wal and -shm files the database's own mode. */
static void create_private(const char *path)
{
	char *dir = path_dirname(path);
	struct stat st;
	mode_t mode = stat(dir, &st) == 0 && (st.st_mode & S_IWGRP) ? 0660 : 0600;
	free(dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd >= 0) {
		fchmod(fd, mode);
		close(fd);
	}
}

/* Opens the connection and finds out what the file is, writing nothing. A
 * database that may not be written is opened read-only when only reading
 * was asked for: results can be read from a copy on a read-only disk or a
 * database that belongs to someone else. */
static store_status connect_db(store *s, const store_options *opt, bool *read_only,
                               int64_t *version)
{
	bool exists;
	store_status status = check_paths(s, opt, &exists);
	if (status != STORE_OK)
		return status;
	*read_only = false;
	if (exists && !opt->write) {
		char *dir = path_dirname(s->path);
		*read_only = access(s->path, W_OK) != 0 || access(dir, W_OK) != 0;
		free(dir);
	}
	int flags = SQLITE_OPEN_NOMUTEX;
	if (*read_only)
		flags |= SQLITE_OPEN_READONLY;
	else
		flags |= SQLITE_OPEN_READWRITE | (opt->must_exist ? 0 : SQLITE_OPEN_CREATE);
	if (!exists && !opt->must_exist)
		create_private(s->path);
	int rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot open the database");
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, s->busy_ms);
	status = inspect(s, version);
	if (status == STORE_READONLY && *read_only && reopen_immutable(s))
		status = inspect(s, version);
	if (status == STORE_OK && *read_only && *version < SCHEMA_VERSION)
		status = store_fail(s, STORE_READONLY,
		              "%s cannot be written, and needs upgrading to schema version %d before "
		              "this recall can read it",
		              s->path, SCHEMA_VERSION);
	return status;
}

static store_status open_db(store *s, const store_options *opt)
{
	int64_t *orphans = NULL;
	size_t n_orphans = 0;
	bool read_only;
	int64_t version = 0;
	int rc;
	store_status status = connect_db(s, opt, &read_only, &version);
	/* A read-only database is read as it is; its orphans wait for a writer. */
	if (status != STORE_OK || read_only)
		goto out;
	/* Answers must survive a crash of the machine, not only of the process:
	 * FULL syncs the WAL at every commit. */
	sqlite3_exec(s->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	if (version == SCHEMA_VERSION) {
		rc = find_orphans(s, &orphans, &n_orphans);
		if (rc != SQLITE_OK) {
			status = store_fail_sqlite(s, rc, "cannot read the database");
			goto out;
		}
	}
	if (!opt->write && version == SCHEMA_VERSION && n_orphans == 0 && !store_cards_pending(s))
		goto out;

	rc = set_wal(s);
	if (rc != SQLITE_OK) {
		status = store_fail_sqlite(s, rc, "cannot open the database for writing");
		goto out;
	}
	if (version < SCHEMA_VERSION) {
		char *msg = NULL;
		status = store_migrate(s->db, schema_steps, SCHEMA_VERSION, &msg);
		if (status == STORE_LOCKED)
			store_fail_sqlite(s, SQLITE_BUSY, "cannot set up the database");
		else if (status != STORE_OK)
			store_fail(s, status, "%s: %s", s->path, msg);
		free(msg);
		if (status != STORE_OK)
			goto out;
		rc = find_orphans(s, &orphans, &n_orphans);
		if (rc != SQLITE_OK) {
			status = store_fail_sqlite(s, rc, "cannot read the database");
			goto out;
		}
	}
	/* Taking the write lock once proves that answers can be recorded. */
	rc = store_tx_begin(s);
	if (rc != SQLITE_OK) {
		status = store_fail_sqlite(s, rc, "cannot write to the database");
		goto out;
	}
	status = mark_orphans(s, orphans, n_orphans);
	if (status != STORE_OK) {
		store_tx_rollback(s);
		goto out;
	}
	rc = store_cards_replay_pending(s);
	if (rc != SQLITE_OK) {
		status = store_fail_sqlite(s, rc, "cannot replay the review cards");
		store_tx_rollback(s);
		goto out;
	}
	rc = store_tx_commit(s);
	if (rc != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot write to the database");
out:
	free(orphans);
	return status;
}

store_status store_open(const store_options *opt, store **out, char **errmsg)
{
	*out = NULL;
	*errmsg = NULL;
	store *s = xcalloc(1, sizeof *s);
	buf_init(&s->err);
	if (gethostname(s->host, sizeof s->host - 1) != 0 || !s->host[0])
		strcpy(s->host, "localhost");
	s->busy_ms = busy_timeout(opt);
	store_status status;
	if (opt->path) {
		s->path = xstrdup(opt->path);
	} else {
		s->path = store_default_path(errmsg);
		if (!s->path) {
			store_close(s);
			return STORE_INVALID;
		}
	}
	if (!*s->path) {
		status = store_fail(s, STORE_INVALID, "the database path is empty");
	} else {
		status = open_db(s, opt);
	}
	if (status != STORE_OK) {
		*errmsg = xstrdup(s->err.ptr);
		store_close(s);
		return status;
	}
	buf_clear(&s->err);
	/* RECALL_NOW moves the clock, so that schedules can be tried out
	 * over days that have not come yet. */
	int64_t env_now;
	if (cards_env_now(&env_now))
		s->clock_offset_ms = env_now - now_ms();
	*out = s;
	return STORE_OK;
}

void store_close(store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->stmts[i]);
	sqlite3_close(s->db);
	free(s->path);
	buf_release(&s->err);
	free(s);
}

/* --- Sessions ----------------------------------------------------------- */

static void make_uuid(char out[37])
{
	unsigned char b[16];
	size_t got = 0;
	while (got < sizeof b) {
		ssize_t n = getrandom(b + got, sizeof b - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		got += (size_t)n;
	}
	if (got < sizeof b) {
		/* No kernel randomness: time, pid and a counter still make a
		 * collision across a class's machines very unlikely. */
		static unsigned counter;
		uint64_t x = (uint64_t)now_ms() * 6364136223846793005ULL ^ (uint64_t)getpid() << 32 ^
		             ++counter;
		for (size_t i = 0; i < sizeof b; i++) {
			x ^= x >> 33;
			x *= 0xff51afd7ed558ccdULL;
			b[i] = (unsigned char)(x >> 56);
		}
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	static const char hex[] = "0123456789abcdef";
	char *p = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 15];
	}
	*p = '\0';
}

bool store_valid_name(const char *name)
{
	size_t len = name ? strlen(name) : 0;
	if (len == 0 || len > 256 || !text_valid_utf8(name, len, NULL))
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

static int insert_questions(store *s, int64_t bank_id, const quiz *q)
{
	int rc = SQLITE_OK;
	size_t n = quiz_question_count(q);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		rc = store_run(s, ST_QUESTION_INSERT, "ititttd", bank_id, qq->id, (int64_t)i + 1,
		               quiz_kind_name(qq->kind), qq->prompt ? qq->prompt : "",
		               qq->answer_text, qq->points);
	}
	return rc;
}

/* The number of questions the store holds for a bank. */
static int count_questions(store *s, int64_t bank_id, int64_t *count)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_QUESTION_COUNT, &st);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, bank_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*count = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	store_done(st);
	return rc;
}

/* Finds or adds the bank. Its questions are added with it: a content hash
 * names one set of questions, so a known bank normally has them all, and
 * only a count that differs (a database merged from a program that hashed
 * differently) has the missing ones added. */
static int register_bank(store *s, const quiz *q, const char *path, int64_t *bank_id)
{
	sqlite3_stmt *st;
	const char *title = quiz_title(q) ? quiz_title(q) : "";
	int rc = store_prep(s, ST_BANK_FIND, &st);
	if (rc != SQLITE_OK)
		return rc;
	store_bind_text(st, 1, quiz_hash(q));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*bank_id = sqlite3_column_int64(st, 0);
		const char *old_path = (const char *)sqlite3_column_text(st, 1);
		bool moved = path && (!old_path || strcmp(old_path, path) != 0);
		bool renamed = strcmp(store_column_text(st, 2), title) != 0;
		store_done(st);
		int64_t known = 0;
		rc = count_questions(s, *bank_id, &known);
		if (rc == SQLITE_OK && (size_t)known != quiz_question_count(q))
			rc = insert_questions(s, *bank_id, q);
		if (rc != SQLITE_OK || (!moved && !renamed))
			return rc;
		return store_run(s, ST_BANK_UPDATE, "itt", *bank_id, title, path);
	}
	store_done(st);
	if (rc != SQLITE_DONE)
		return rc;
	rc = store_prep(s, ST_BANK_INSERT, &st);
	if (rc != SQLITE_OK)
		return rc;
	store_bind_text(st, 1, quiz_hash(q));
	store_bind_text(st, 2, title);
	store_bind_text(st, 3, path);
	sqlite3_bind_int64(st, 4, store_now(s));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*bank_id = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	store_done(st);
	return rc == SQLITE_OK ? insert_questions(s, *bank_id, q) : rc;
}

static int insert_row_returning_id(sqlite3_stmt *st, int64_t *id)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	store_done(st);
	return rc;
}

store_status store_session_begin(store *s, const quiz *q, const store_session_options *opt,
                                 store_session **out)
{
	*out = NULL;
	if (!store_valid_name(opt->learner))
		return store_fail(s, STORE_INVALID,
		            "a learner's name must be 1 to 256 bytes of UTF-8 with no control "
		            "characters");
	if (!store_known_mode(opt->mode))
		return store_fail(s, STORE_INVALID, "the mode must be practice, exam, review or study");
	if (!quiz_hash(q) || !*quiz_hash(q))
		return store_fail(s, STORE_INVALID, "the bank has no content hash to be recorded under");
	if (!isfinite(opt->max_score) || opt->max_score < 0 || opt->planned < 0 ||
	    opt->time_limit_ms < 0)
		return store_fail(s, STORE_INVALID,
		                  "the planned questions, score and time limit must not be negative");

	char *path = NULL;
	if (quiz_bank_path(q)) {
		path = realpath(quiz_bank_path(q), NULL);
		if (!path)
			path = xstrdup(quiz_bank_path(q));
	}
	store_session *ss = xcalloc(1, sizeof *ss);
	ss->s = s;
	make_uuid(ss->uuid);
	int64_t learner_id = 0, class_id = 0;
	int64_t started = store_now(s);
	sqlite3_stmt *st;
	store_status status = STORE_OK;

	int rc = store_tx_begin(s);
	if (rc != SQLITE_OK)
		goto out;
	if (opt->class_name) {
		/* Checked inside the transaction: a roster changed since the
		 * command looked cannot let a stranger in. */
		rc = store_prep(s, ST_CLASS_STUDENT, &st);
		if (rc != SQLITE_OK)
			goto out;
		store_bind_text(st, 1, opt->class_name);
		store_bind_text(st, 2, opt->learner);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			class_id = sqlite3_column_int64(st, 0);
			if (!sqlite3_column_int(st, 1))
				status = store_fail(s, STORE_INVALID, "'%s' is not on the roster of class '%s'",
				                    opt->learner, opt->class_name);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			status = store_fail(s, STORE_INVALID, "there is no class '%s'", opt->class_name);
			rc = SQLITE_OK;
		}
		store_done(st);
		if (rc != SQLITE_OK || status != STORE_OK)
			goto out;
	}
	rc = store_prep(s, ST_LEARNER_UPSERT, &st);
	if (rc != SQLITE_OK)
		goto out;
	store_bind_text(st, 1, opt->learner);
	sqlite3_bind_int64(st, 2, started);
	rc = insert_row_returning_id(st, &learner_id);
	if (rc != SQLITE_OK)
		goto out;
	ss->learner_id = learner_id;
	rc = register_bank(s, q, path, &ss->bank_id);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_prep(s, ST_SESSION_INSERT, &st);
	if (rc != SQLITE_OK)
		goto out;
	store_bind_text(st, 1, ss->uuid);
	sqlite3_bind_int64(st, 2, learner_id);
	sqlite3_bind_int64(st, 3, ss->bank_id);
	store_bind_text(st, 4, opt->mode);
	if (opt->has_seed)
		sqlite3_bind_int64(st, 5, opt->seed);
	sqlite3_bind_int(st, 6, opt->planned);
	sqlite3_bind_int64(st, 7, started);
	sqlite3_bind_double(st, 8, opt->max_score);
	store_bind_text(st, 9, s->host);
	sqlite3_bind_int64(st, 10, getpid());
	int64_t start = process_start(getpid());
	if (start > 0)
		sqlite3_bind_int64(st, 11, start);
	if (class_id)
		sqlite3_bind_int64(st, 12, class_id);
	if (opt->time_limit_ms > 0)
		sqlite3_bind_int64(st, 13, opt->time_limit_ms);
	rc = insert_row_returning_id(st, &ss->id);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_tx_commit(s);
out:
	free(path);
	if (status == STORE_OK && rc != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot start recording the session");
	if (status != STORE_OK) {
		store_tx_rollback(s);
		free(ss);
		return status;
	}
	*out = ss;
	return STORE_OK;
}

bool store_known_verdict(const char *verdict)
{
	for (size_t i = 0; verdict && i < sizeof verdicts / sizeof verdicts[0]; i++)
		if (strcmp(verdict, verdicts[i]) == 0)
			return true;
	return false;
}

bool store_known_mode(const char *mode)
{
	static const char *const modes[] = {"practice", "exam", "review", "study"};
	for (size_t i = 0; mode && i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(mode, modes[i]) == 0)
			return true;
	return false;
}

bool store_valid_credit(double credit)
{
	return isfinite(credit) && credit >= 0 && credit <= 1;
}

store_status store_session_record(store_session *ss, const store_response *r)
{
	store *s = ss->s;
	if (ss->ended)
		return store_fail(s, STORE_INVALID, "the session has ended; no more answers can be recorded");
	if (!r->question_id || !r->answer)
		return store_fail(s, STORE_INVALID, "an answer needs its question and its text");
	if (strlen(r->answer) > STORE_MAX_ANSWER)
		return store_fail(s, STORE_INVALID, "the answer is longer than %d bytes", STORE_MAX_ANSWER);
	if (!store_known_verdict(r->verdict))
		return store_fail(s, STORE_INVALID, "unknown verdict '%s'", r->verdict ? r->verdict : "");
	if (!store_valid_credit(r->credit) || r->hints < 0 || r->time_ms < 0)
		return store_fail(s, STORE_INVALID, "credit must be from 0 to 1, hints and time not negative");

	sqlite3_stmt *st;
	int64_t question = 0, response = 0;
	double points = 0;
	store_status status = STORE_OK;
	int rc = store_tx_begin(s);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_first(s, ST_QUESTION_FIND, &st, "it", ss->bank_id, r->question_id);
	if (rc == SQLITE_ROW) {
		question = sqlite3_column_int64(st, 0);
		points = sqlite3_column_double(st, 1);
		store_done(st);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		status = store_fail(s, STORE_INVALID, "the bank has no question '%s'", r->question_id);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK || status != STORE_OK)
		goto out;
	rc = store_prep(s, ST_RESPONSE_INSERT, &st);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(st, 1, ss->id);
	sqlite3_bind_int(st, 2, ss->seq + 1);
	sqlite3_bind_int64(st, 3, question);
	/* Bytes as typed: the length, not a NUL, says where the text ends. */
	sqlite3_bind_text(st, 4, r->answer, (int)strlen(r->answer), SQLITE_TRANSIENT);
	store_bind_text(st, 5, r->verdict);
	sqlite3_bind_double(st, 6, r->credit);
	sqlite3_bind_int(st, 7, r->hints);
	sqlite3_bind_int(st, 8, r->passage);
	sqlite3_bind_int64(st, 9, r->time_ms);
	sqlite3_bind_int64(st, 10, store_now(s));
	store_bind_text(st, 11, r->chosen);
	rc = insert_row_returning_id(st, &response);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_run(s, ST_SESSION_ADD_SCORE, "id", ss->id, r->credit * points);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_cards_replay_question(s, ss->learner_id, question);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_tx_commit(s);
out:
	if (status == STORE_OK && rc != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot record the answer");
	if (status != STORE_OK) {
		store_tx_rollback(s);
		return status;
	}
	ss->seq++;
	ss->last_response = response;
	ss->last_question = question;
	return STORE_OK;
}

store_status store_session_override(store_session *ss, double credit)
{
	store *s = ss->s;
	if (ss->ended)
		return store_fail(s, STORE_INVALID, "the session has ended");
	if (!ss->last_response)
		return store_fail(s, STORE_INVALID, "there is no answer to override yet");
	if (!store_valid_credit(credit))
		return store_fail(s, STORE_INVALID, "credit must be from 0 to 1");
	sqlite3_stmt *st;
	double old = 0, points = 0;
	int rc = store_tx_begin(s);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_first(s, ST_RESPONSE_CREDIT, &st, "i", ss->last_response);
	if (rc == SQLITE_ROW) {
		old = sqlite3_column_double(st, 0);
		points = sqlite3_column_double(st, 1);
		store_done(st);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_CORRUPT;  /* the answer just recorded is gone */
	}
	if (rc != SQLITE_OK)
		goto out;
	rc = store_run(s, ST_RESPONSE_OVERRIDE, "id", ss->last_response, credit);
	if (rc == SQLITE_OK)
		rc = store_run(s, ST_SESSION_ADD_SCORE, "id", ss->id, (credit - old) * points);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_cards_replay_question(s, ss->learner_id, ss->last_question);
	if (rc != SQLITE_OK)
		goto out;
	rc = store_tx_commit(s);
out:
	if (rc != SQLITE_OK) {
		store_status status = store_fail_sqlite(s, rc, "cannot record the override");
		store_tx_rollback(s);
		return status;
	}
	return STORE_OK;
}

store_status store_session_end(store_session *ss, store_session_status status, double score,
                               double max_score)
{
	store *s = ss->s;
	if (status == STORE_RUNNING || status >= STORE_STATUS_COUNT)
		return store_fail(s, STORE_INVALID, "a session ends complete, quit, interrupted or timeout");
	if (!isfinite(score) || !isfinite(max_score) || max_score < 0)
		return store_fail(s, STORE_INVALID, "the score must be a number");
	if (ss->ended)
		return store_fail(s, STORE_INVALID, "the session has ended already");
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_SESSION_END, &st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot record the end of the session");
	store_bind(st, "itddi", ss->id, store_session_status_name(status), score, max_score,
	           store_now(s));
	rc = sqlite3_step(st);
	int changed = sqlite3_changes(s->db);
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot record the end of the session");
	ss->ended = true;
	if (changed == 0)
		return store_fail(s, STORE_INVALID, "the session had already ended in the database");
	return STORE_OK;
}

store_status store_session_discard(store_session *ss)
{
	store *s = ss->s;
	if (ss->ended || ss->seq)
		return store_fail(s, STORE_INVALID, "only a session with no answer can be removed");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
	                            "DELETE FROM session WHERE id = ?1 AND status = 'running' AND "
	                            "NOT EXISTS (SELECT 1 FROM response WHERE session_id = ?1)",
	                            -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot remove the session");
	sqlite3_bind_int64(st, 1, ss->id);
	rc = sqlite3_step(st);
	int changed = sqlite3_changes(s->db);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot remove the session");
	ss->ended = true;
	if (changed == 0)
		return store_fail(s, STORE_INVALID, "the session is no longer empty and running");
	return STORE_OK;
}

const char *store_session_uuid(const store_session *ss)
{
	return ss->uuid;
}

int64_t store_session_id(const store_session *ss)
{
	return ss->id;
}

int store_session_responses(const store_session *ss)
{
	return ss->seq;
}

void store_session_free(store_session *ss)
{
	free(ss);
}

/* --- Queries ------------------------------------------------------------ */

/* A hash prefix is 4 to 64 hex digits; it is matched in lower case. */
static char *hash_prefix(const char *spec)
{
	size_t len = strlen(spec);
	if (len < 4 || len > 64)
		return NULL;
	char *lower = xstrdup(spec);
	for (char *p = lower; *p; p++) {
		if (!isxdigit((unsigned char)*p)) {
			free(lower);
			return NULL;
		}
		*p = (char)tolower((unsigned char)*p);
	}
	return lower;
}

void store_bind_bank(sqlite3_stmt *st, const char *spec)
{
	char *resolved = spec ? realpath(spec, NULL) : NULL;
	char *prefix = spec ? hash_prefix(spec) : NULL;
	store_bind_named_text(st, ":bank", spec);
	store_bind_named_text(st, ":bank_path", resolved);
	store_bind_named_text(st, ":bank_hash", prefix);
	free(resolved);
	free(prefix);
}

static void bind_filter(sqlite3_stmt *st, const store_filter *f, size_t limit)
{
	store_bind_named_text(st, ":learner", f->learner);
	store_bind_bank(st, f->bank);
	int i = sqlite3_bind_parameter_index(st, ":exclude");
	if (i && f->exclude_session)
		sqlite3_bind_int64(st, i, f->exclude_session);
	i = sqlite3_bind_parameter_index(st, ":finished");
	if (i && f->finished_only)
		sqlite3_bind_int(st, i, 1);
	store_bind_named_text(st, ":class", f->class_name);
	i = sqlite3_bind_parameter_index(st, ":limit");
	if (i)
		sqlite3_bind_int64(st, i, limit ? (sqlite3_int64)limit : -1);
}

store_status store_list_sessions(store *s, const store_filter *f, bool newest_first, size_t limit,
                                 store_session_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, newest_first ? ST_SESSIONS_NEWEST : ST_SESSIONS_OLDEST, &st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot read the sessions");
	bind_filter(st, f, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_session_row row = {
			.id = sqlite3_column_int64(st, 0),
			.uuid = store_column_text(st, 1),
			.learner = store_column_text(st, 2),
			.bank_title = store_column_text(st, 3),
			.bank_hash = store_column_text(st, 4),
			.mode = store_column_text(st, 5),
			.has_seed = sqlite3_column_type(st, 6) != SQLITE_NULL,
			.seed = sqlite3_column_int64(st, 6),
			.planned = sqlite3_column_int(st, 7),
			.started_ms = sqlite3_column_int64(st, 8),
			.ended_ms = sqlite3_column_int64(st, 9),
			.status = store_session_status_parse(store_column_text(st, 10)),
			.score = sqlite3_column_double(st, 11),
			.max_score = sqlite3_column_double(st, 12),
			.answered = sqlite3_column_int(st, 13),
			.class_name = (const char *)sqlite3_column_text(st, 14),
			.time_limit_ms = sqlite3_column_int64(st, 15),
		};
		if (cb(&row, ctx))
			break;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the sessions");
	return STORE_OK;
}

static int summarize_one(const store_session_row *row, void *ctx)
{
	store_summary *sum = ctx;
	sum->sessions++;
	if (row->status < STORE_STATUS_COUNT)
		sum->by_status[row->status]++;
	if (row->status != STORE_COMPLETE && row->status != STORE_TIMEOUT)
		return 0;
	double frac = row->max_score > 0 ? row->score / row->max_score : 0;
	if (sum->finished == 0 || frac > sum->best)
		sum->best = frac;
	sum->last = frac;
	/* A running mean, so no list of scores is kept. */
	sum->finished++;
	sum->mean += (frac - sum->mean) / (double)sum->finished;
	return 0;
}

store_status store_summarize(store *s, const store_filter *f, store_summary *out)
{
	memset(out, 0, sizeof *out);
	store_filter all = *f;
	all.finished_only = false;
	return store_list_sessions(s, &all, false, 0, summarize_one, out);
}

store_status store_credit_by_kind(store *s, const store_filter *f, store_kind_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_KINDS, &st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot read the answers");
	bind_filter(st, f, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_kind_row row = {
			.kind = store_column_text(st, 0),
			.answers = (size_t)sqlite3_column_int64(st, 1),
			.points = sqlite3_column_double(st, 2),
			.earned = sqlite3_column_double(st, 3),
		};
		if (cb(&row, ctx))
			break;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the answers");
	return STORE_OK;
}

store_status store_most_missed(store *s, const store_filter *f, size_t limit, store_miss_cb cb,
                               void *ctx)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_MISSED, &st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot read the answers");
	bind_filter(st, f, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_miss_row row = {
			.bank_title = store_column_text(st, 0),
			.question_id = store_column_text(st, 1),
			.kind = store_column_text(st, 2),
			.prompt = store_column_text(st, 3),
			.asked = (size_t)sqlite3_column_int64(st, 4),
			.missed = (size_t)sqlite3_column_int64(st, 5),
		};
		if (cb(&row, ctx))
			break;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the answers");
	return STORE_OK;
}

store_status store_list_responses(store *s, const store_filter *f, store_response_cb cb,
                                  void *ctx)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_RESPONSES, &st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot read the answers");
	bind_filter(st, f, 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_response_row row = {
			.learner = store_column_text(st, 0),
			.bank_title = store_column_text(st, 1),
			.bank_hash = store_column_text(st, 2),
			.session_uuid = store_column_text(st, 3),
			.mode = store_column_text(st, 4),
			.session_status = store_session_status_parse(store_column_text(st, 5)),
			.started_ms = sqlite3_column_int64(st, 6),
			.ended_ms = sqlite3_column_int64(st, 7),
			.seq = sqlite3_column_int(st, 8),
			.question_id = store_column_text(st, 9),
			.kind = store_column_text(st, 10),
			.points = sqlite3_column_double(st, 11),
			.answer = store_column_text(st, 12),
			.answer_len = (size_t)sqlite3_column_bytes(st, 12),
			.verdict = store_column_text(st, 13),
			.credit = sqlite3_column_double(st, 14),
			.graded_credit = sqlite3_column_double(st, 15),
			.hints = sqlite3_column_int(st, 16),
			.passage = sqlite3_column_int(st, 17) != 0,
			.override = sqlite3_column_int(st, 18) != 0,
			.time_ms = sqlite3_column_int64(st, 19),
			.answered_ms = sqlite3_column_int64(st, 20),
			.chosen = (const char *)sqlite3_column_text(st, 21),
			.prompt = store_column_text(st, 22),
			.right_answer = (const char *)sqlite3_column_text(st, 23),
		};
		if (cb(&row, ctx))
			break;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the answers");
	return STORE_OK;
}

store_status store_list_banks(store *s, const char *spec, store_bank_cb cb, void *ctx)
{
	sqlite3_stmt *st;
	int rc = store_prep(s, ST_BANKS, &st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot read the banks");
	store_bind_bank(st, spec);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_bank_row row = {
			.title = store_column_text(st, 0),
			.hash = store_column_text(st, 1),
			.path = (const char *)sqlite3_column_text(st, 2),
			.sessions = (size_t)sqlite3_column_int64(st, 3),
		};
		if (cb(&row, ctx))
			break;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the banks");
	return STORE_OK;
}
