/* store_merge.c - folding another recall database's results into this one, in one transaction */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "quiz.h"
#include "store_impl.h"
#include "text.h"

/* Row ids of the other database mapped to ours, in the order of theirs
 * (rows are read ORDER BY id, so the array is sorted for a binary search). */
typedef struct {
	int64_t *from, *to;
	size_t count, cap;
} id_map;

static void map_add(id_map *m, int64_t from, int64_t to)
{
	if (m->count == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->from = xrealloc(m->from, m->cap * sizeof *m->from);
		m->to = xrealloc(m->to, m->cap * sizeof *m->to);
	}
	m->from[m->count] = from;
	m->to[m->count++] = to;
}

static int64_t map_get(const id_map *m, int64_t from)
{
	size_t lo = 0, hi = m->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->from[mid] == from)
			return m->to[mid];
		if (m->from[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void map_release(id_map *m)
{
	free(m->from);
	free(m->to);
	memset(m, 0, sizeof *m);
}

/* One merge of one file: the other connection, and what its rows map to. */
typedef struct {
	store *s;
	const char *path;
	sqlite3 *other;
	int64_t version;
	id_map learners, banks, questions, classes;
	store_merge_counts *counts;
	bool bad;             /* a row made no sense: the message is set */
} merger;

/* A row of the other database that makes no sense: the merge stops. */
static int bad_row(merger *m, const char *problem, const char *what)
{
	store_fail(m->s, STORE_NOTADB, "%s is not a sound recall database: %s ('%.80s')", m->path,
	           problem, what ? what : "");
	m->bad = true;
	return SQLITE_ABORT;
}

static int prepare_other(merger *m, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(m->other, sql, -1, st, NULL);
}

static int prepare_ours(merger *m, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(m->s->db, sql, -1, st, NULL);
}

static bool valid_hash(const char *h)
{
	size_t n = 0;
	for (; h[n]; n++)
		if (!isxdigit((unsigned char)h[n]))
			return false;
	return n == 64;
}

static bool valid_uuid(const char *u)
{
	if (strlen(u) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? u[i] != '-' : !isxdigit((unsigned char)u[i]))
			return false;
	}
	return true;
}

static bool valid_text(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t && text_valid_utf8(t, (size_t)sqlite3_column_bytes(st, col), NULL);
}

static bool finite_col(sqlite3_stmt *st, int col, double min)
{
	int type = sqlite3_column_type(st, col);
	double v = sqlite3_column_double(st, col);
	return (type == SQLITE_INTEGER || type == SQLITE_FLOAT) && isfinite(v) && v >= min;
}

/* Inserts a row that may be there already (INSERT OR IGNORE), counts it
 * when it was not, and finds its id with `find`. */
static int upsert(merger *m, sqlite3_stmt *insert, sqlite3_stmt *find, size_t *added, int64_t *id)
{
	int rc = sqlite3_step(insert);
	if (rc != SQLITE_DONE)
		return rc;
	if (sqlite3_changes(m->s->db) > 0 && added)
		(*added)++;
	rc = sqlite3_step(find);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(find, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_CORRUPT;
	}
	return rc;
}

static void reset_all(sqlite3_stmt *a, sqlite3_stmt *b)
{
	sqlite3_reset(a);
	sqlite3_clear_bindings(a);
	sqlite3_reset(b);
	sqlite3_clear_bindings(b);
}

static int merge_learners(merger *m)
{
	sqlite3_stmt *read = NULL, *insert = NULL, *find = NULL;
	int rc = prepare_other(m, "SELECT id, name, created_at FROM learner ORDER BY id", &read);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m, "INSERT OR IGNORE INTO learner (name, created_at) VALUES (?1, ?2)",
		                  &insert);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m, "SELECT id FROM learner WHERE name = ?1", &find);
	while (rc == SQLITE_OK && (rc = sqlite3_step(read)) == SQLITE_ROW) {
		const char *name = store_column_text(read, 1);
		if (!valid_text(read, 1) || !store_valid_name(name)) {
			rc = bad_row(m, "a learner's name is not valid", name);
			break;
		}
		store_bind_text(insert, 1, name);
		sqlite3_bind_int64(insert, 2, sqlite3_column_int64(read, 2));
		store_bind_text(find, 1, name);
		int64_t id = 0;
		rc = upsert(m, insert, find, &m->counts->learners, &id);
		reset_all(insert, find);
		map_add(&m->learners, sqlite3_column_int64(read, 0), id);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(insert);
	sqlite3_finalize(find);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int merge_banks(merger *m)
{
	sqlite3_stmt *read = NULL, *insert = NULL, *find = NULL;
	int rc = prepare_other(m, "SELECT id, hash, title, path, added_at FROM bank ORDER BY id", &read);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "INSERT OR IGNORE INTO bank (hash, title, path, added_at)"
		                  " VALUES (lower(?1), ?2, ?3, ?4)",
		                  &insert);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m, "SELECT id FROM bank WHERE hash = lower(?1)", &find);
	while (rc == SQLITE_OK && (rc = sqlite3_step(read)) == SQLITE_ROW) {
		const char *hash = store_column_text(read, 1);
		if (!valid_hash(hash)) {
			rc = bad_row(m, "a bank's content hash is not valid", hash);
			break;
		}
		if (!valid_text(read, 2) ||
		    (sqlite3_column_type(read, 3) != SQLITE_NULL && !valid_text(read, 3))) {
			rc = bad_row(m, "a bank's title or path is not UTF-8", hash);
			break;
		}
		store_bind_text(insert, 1, hash);
		store_bind_text(insert, 2, store_column_text(read, 2));
		store_bind_text(insert, 3, (const char *)sqlite3_column_text(read, 3));
		sqlite3_bind_int64(insert, 4, sqlite3_column_int64(read, 4));
		store_bind_text(find, 1, hash);
		int64_t id = 0;
		rc = upsert(m, insert, find, &m->counts->banks, &id);
		reset_all(insert, find);
		map_add(&m->banks, sqlite3_column_int64(read, 0), id);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(insert);
	sqlite3_finalize(find);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int merge_questions(merger *m)
{
	sqlite3_stmt *read = NULL, *insert = NULL, *find = NULL;
	int rc = prepare_other(m,
	                       "SELECT id, bank_id, qid, position, kind, prompt, answer, points"
	                       " FROM question ORDER BY id",
	                       &read);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "INSERT OR IGNORE INTO question (bank_id, qid, position, kind, prompt,"
		                  " answer, points) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		                  &insert);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m, "SELECT id FROM question WHERE bank_id = ?1 AND qid = ?2", &find);
	while (rc == SQLITE_OK && (rc = sqlite3_step(read)) == SQLITE_ROW) {
		const char *qid = store_column_text(read, 2);
		int64_t bank = map_get(&m->banks, sqlite3_column_int64(read, 1));
		if (!bank) {
			rc = bad_row(m, "a question belongs to no bank", qid);
			break;
		}
		if (!valid_text(read, 2) || !*qid || !valid_text(read, 5) ||
		    quiz_kind_parse(store_column_text(read, 4)) == QUIZ_KIND_COUNT ||
		    !finite_col(read, 7, 0) ||
		    (sqlite3_column_type(read, 6) != SQLITE_NULL && !valid_text(read, 6))) {
			rc = bad_row(m, "a question is malformed", qid);
			break;
		}
		sqlite3_bind_int64(insert, 1, bank);
		store_bind_text(insert, 2, qid);
		sqlite3_bind_int64(insert, 3, sqlite3_column_int64(read, 3));
		store_bind_text(insert, 4, store_column_text(read, 4));
		store_bind_text(insert, 5, store_column_text(read, 5));
		store_bind_text(insert, 6, (const char *)sqlite3_column_text(read, 6));
		sqlite3_bind_double(insert, 7, sqlite3_column_double(read, 7));
		sqlite3_bind_int64(find, 1, bank);
		store_bind_text(find, 2, qid);
		int64_t id = 0;
		rc = upsert(m, insert, find, &m->counts->questions, &id);
		reset_all(insert, find);
		map_add(&m->questions, sqlite3_column_int64(read, 0), id);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(insert);
	sqlite3_finalize(find);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int merge_classes(merger *m)
{
	sqlite3_stmt *read = NULL, *insert = NULL, *find = NULL;
	int rc = prepare_other(m,
	                       "SELECT id, name, seed, mode, shuffle, allow_hints, allow_override,"
	                       " show_answers, time_limit_ms, created_at FROM class ORDER BY id",
	                       &read);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "INSERT OR IGNORE INTO class (name, seed, mode, shuffle, allow_hints,"
		                  " allow_override, show_answers, time_limit_ms, created_at)"
		                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
		                  &insert);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m, "SELECT id FROM class WHERE name = ?1", &find);
	while (rc == SQLITE_OK && (rc = sqlite3_step(read)) == SQLITE_ROW) {
		const char *name = store_column_text(read, 1);
		const char *mode = store_column_text(read, 3);
		if (!valid_text(read, 1) || !store_valid_name(name) ||
		    (strcmp(mode, "exam") != 0 && strcmp(mode, "practice") != 0) ||
		    !finite_col(read, 2, 0)) {
			rc = bad_row(m, "a class is malformed", name);
			break;
		}
		store_bind_text(insert, 1, name);
		sqlite3_bind_int64(insert, 2, sqlite3_column_int64(read, 2));
		store_bind_text(insert, 3, mode);
		for (int i = 4; i <= 7; i++)
			sqlite3_bind_int(insert, i, sqlite3_column_int(read, i) != 0);
		if (sqlite3_column_int64(read, 8) > 0)
			sqlite3_bind_int64(insert, 8, sqlite3_column_int64(read, 8));
		sqlite3_bind_int64(insert, 9, sqlite3_column_int64(read, 9));
		store_bind_text(find, 1, name);
		int64_t id = 0;
		rc = upsert(m, insert, find, &m->counts->classes, &id);
		reset_all(insert, find);
		map_add(&m->classes, sqlite3_column_int64(read, 0), id);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(insert);
	sqlite3_finalize(find);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int merge_rosters(merger *m)
{
	sqlite3_stmt *read = NULL, *insert = NULL;
	int rc = prepare_other(m,
	                       "SELECT class_id, student, name, grp, added_at FROM roster"
	                       " ORDER BY class_id, position, id",
	                       &read);
	/* A student new to a roster goes after the students already on it. */
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "INSERT OR IGNORE INTO roster (class_id, student, name, grp, position,"
		                  " added_at) VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), 0)"
		                  " + 1 FROM roster WHERE class_id = ?1), ?5)",
		                  &insert);
	while (rc == SQLITE_OK && (rc = sqlite3_step(read)) == SQLITE_ROW) {
		const char *id = store_column_text(read, 1);
		int64_t class_id = map_get(&m->classes, sqlite3_column_int64(read, 0));
		if (!class_id || !valid_text(read, 1) || !store_valid_name(id) || !valid_text(read, 2) ||
		    !store_valid_name(store_column_text(read, 2)) || !valid_text(read, 3)) {
			rc = bad_row(m, "a roster entry is malformed", id);
			break;
		}
		sqlite3_bind_int64(insert, 1, class_id);
		store_bind_text(insert, 2, id);
		store_bind_text(insert, 3, store_column_text(read, 2));
		store_bind_text(insert, 4, store_column_text(read, 3));
		sqlite3_bind_int64(insert, 5, sqlite3_column_int64(read, 4));
		rc = sqlite3_step(insert);
		if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
			if (sqlite3_changes(m->s->db) > 0)
				m->counts->students++;
		}
		sqlite3_reset(insert);
		sqlite3_clear_bindings(insert);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(insert);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The statements that copy answers, prepared once per file. */
typedef struct {
	sqlite3_stmt *read;
	sqlite3_stmt *insert;
	sqlite3_stmt *bank_of;
} answer_copy;

/* Copies the answers of their session `from` after seq `after` into our
 * session `to` (on our bank `bank`). */
static int copy_answers(merger *m, answer_copy *c, int64_t from, int after, int64_t to,
                        int64_t bank, const char *uuid)
{
	sqlite3_bind_int64(c->read, 1, from);
	sqlite3_bind_int(c->read, 2, after);
	int rc;
	while ((rc = sqlite3_step(c->read)) == SQLITE_ROW) {
		int64_t question = map_get(&m->questions, sqlite3_column_int64(c->read, 1));
		sqlite3_bind_int64(c->bank_of, 1, question);
		int64_t q_bank = sqlite3_step(c->bank_of) == SQLITE_ROW
		                         ? sqlite3_column_int64(c->bank_of, 0)
		                         : 0;
		sqlite3_reset(c->bank_of);
		bool chosen_ok = m->version < 2 || sqlite3_column_type(c->read, 11) == SQLITE_NULL ||
		                 valid_text(c->read, 11);
		if (!question || q_bank != bank || sqlite3_column_int(c->read, 0) < 1 ||
		    sqlite3_column_type(c->read, 2) == SQLITE_NULL ||
		    !store_known_verdict(store_column_text(c->read, 3)) || !finite_col(c->read, 4, 0) ||
		    !finite_col(c->read, 5, 0) || sqlite3_column_double(c->read, 4) > 1 ||
		    sqlite3_column_double(c->read, 5) > 1 || sqlite3_column_int64(c->read, 6) < 0 ||
		    sqlite3_column_int64(c->read, 9) < 0 || !chosen_ok) {
			rc = bad_row(m, "an answer of a session is malformed", uuid);
			break;
		}
		sqlite3_bind_int64(c->insert, 1, to);
		for (int i = 0; i < 11; i++) {
			if (i == 1) {
				sqlite3_bind_int64(c->insert, 3, question);
				continue;
			}
			/* Answers are kept byte for byte, as typed. */
			sqlite3_bind_value(c->insert, i + 2, sqlite3_column_value(c->read, i));
		}
		if (m->version >= 2)
			sqlite3_bind_value(c->insert, 13, sqlite3_column_value(c->read, 11));
		rc = sqlite3_step(c->insert);
		sqlite3_reset(c->insert);
		sqlite3_clear_bindings(c->insert);
		if (rc != SQLITE_DONE)
			break;
		m->counts->responses++;
	}
	sqlite3_reset(c->read);
	sqlite3_clear_bindings(c->read);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Ours, when a session of that UUID is here. */
typedef struct {
	int64_t id, learner, bank;
	char status[16];
	int answers;
	int last_seq;
} known_session;

static int find_session(merger *m, sqlite3_stmt *st, const char *uuid, known_session *k,
                        bool *found)
{
	store_bind_text(st, 1, uuid);
	int rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (*found) {
		k->id = sqlite3_column_int64(st, 0);
		k->learner = sqlite3_column_int64(st, 1);
		k->bank = sqlite3_column_int64(st, 2);
		snprintf(k->status, sizeof k->status, "%s", store_column_text(st, 3));
		k->answers = sqlite3_column_int(st, 4);
		k->last_seq = sqlite3_column_int(st, 5);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/* Theirs is further along: more answers, or ended where ours is open or
 * was cut off. */
static bool further_along(const known_session *ours, const char *their_status, int their_answers)
{
	if (their_answers > ours->answers)
		return true;
	bool ours_open = strcmp(ours->status, "running") == 0 || strcmp(ours->status, "interrupted") == 0;
	return their_answers == ours->answers && ours_open && strcmp(their_status, "running") != 0 &&
	       strcmp(their_status, ours->status) != 0;
}

static int merge_sessions(merger *m)
{
	bool v2 = m->version >= 2;
	sqlite3_stmt *read = NULL, *find = NULL, *insert = NULL, *update = NULL;
	answer_copy copy = {0};
	int rc = prepare_other(m,
	                       v2 ? "SELECT id, uuid, learner_id, bank_id, mode, seed, planned,"
	                            " started_at, ended_at, status, score, max_score, host, pid,"
	                            " proc_start, (SELECT count(*) FROM response r"
	                            " WHERE r.session_id = s.id), class_id, time_limit_ms"
	                            " FROM session s ORDER BY id"
	                          : "SELECT id, uuid, learner_id, bank_id, mode, seed, planned,"
	                            " started_at, ended_at, status, score, max_score, host, pid,"
	                            " proc_start, (SELECT count(*) FROM response r"
	                            " WHERE r.session_id = s.id), NULL, NULL"
	                            " FROM session s ORDER BY id",
	                       &read);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "SELECT id, learner_id, bank_id, status,"
		                  " (SELECT count(*) FROM response r WHERE r.session_id = s.id),"
		                  " (SELECT coalesce(max(seq), 0) FROM response r"
		                  "  WHERE r.session_id = s.id)"
		                  " FROM session s WHERE uuid = ?1",
		                  &find);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "INSERT INTO session (uuid, learner_id, bank_id, mode, seed, planned,"
		                  " started_at, ended_at, status, score, max_score, host, pid, proc_start,"
		                  " class_id, time_limit_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		                  " ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id",
		                  &insert);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "UPDATE session SET status = ?2, ended_at = ?3, score = ?4,"
		                  " max_score = ?5 WHERE id = ?1",
		                  &update);
	if (rc == SQLITE_OK)
		rc = prepare_other(m,
		                   v2 ? "SELECT seq, question_id, answer, verdict, graded_credit, credit,"
		                        " hints, passage, override, time_ms, answered_at, chosen"
		                        " FROM response WHERE session_id = ?1 AND seq > ?2 ORDER BY seq"
		                      : "SELECT seq, question_id, answer, verdict, graded_credit, credit,"
		                        " hints, passage, override, time_ms, answered_at"
		                        " FROM response WHERE session_id = ?1 AND seq > ?2 ORDER BY seq",
		                   &copy.read);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m,
		                  "INSERT INTO response (session_id, seq, question_id, answer, verdict,"
		                  " graded_credit, credit, hints, passage, override, time_ms, answered_at,"
		                  " chosen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		                  " ?13)",
		                  &copy.insert);
	if (rc == SQLITE_OK)
		rc = prepare_ours(m, "SELECT bank_id FROM question WHERE id = ?1", &copy.bank_of);
	while (rc == SQLITE_OK && (rc = sqlite3_step(read)) == SQLITE_ROW) {
		const char *uuid = store_column_text(read, 1);
		int64_t learner = map_get(&m->learners, sqlite3_column_int64(read, 2));
		int64_t bank = map_get(&m->banks, sqlite3_column_int64(read, 3));
		const char *mode = store_column_text(read, 4);
		const char *status = store_column_text(read, 9);
		bool has_class = sqlite3_column_type(read, 16) != SQLITE_NULL;
		int64_t class_id = has_class ? map_get(&m->classes, sqlite3_column_int64(read, 16)) : 0;
		if (!valid_uuid(uuid) || !learner || !bank || (has_class && !class_id) ||
		    !store_known_mode(mode) ||
		    store_session_status_parse(status) == STORE_STATUS_COUNT ||
		    !finite_col(read, 10, -INFINITY) || !finite_col(read, 11, 0) ||
		    sqlite3_column_int64(read, 6) < 0) {
			rc = bad_row(m, "a session is malformed", uuid);
			break;
		}
		int their_answers = sqlite3_column_int(read, 15);
		known_session ours;
		bool found;
		rc = find_session(m, find, uuid, &ours, &found);
		if (rc != SQLITE_OK)
			break;
		if (found) {
			m->counts->sessions_known++;
			if (ours.learner != learner || ours.bank != bank) {
				rc = bad_row(m, "a session is here already with another learner or bank", uuid);
				break;
			}
			if (!further_along(&ours, status, their_answers))
				continue;
			m->counts->sessions_extended++;
			rc = copy_answers(m, &copy, sqlite3_column_int64(read, 0), ours.last_seq, ours.id,
			                  bank, uuid);
			if (rc != SQLITE_OK)
				break;
			sqlite3_bind_int64(update, 1, ours.id);
			store_bind_text(update, 2, status);
			sqlite3_bind_value(update, 3, sqlite3_column_value(read, 8));
			sqlite3_bind_double(update, 4, sqlite3_column_double(read, 10));
			sqlite3_bind_double(update, 5, sqlite3_column_double(read, 11));
			rc = sqlite3_step(update);
			sqlite3_reset(update);
			sqlite3_clear_bindings(update);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
			continue;
		}
		store_bind_text(insert, 1, uuid);
		sqlite3_bind_int64(insert, 2, learner);
		sqlite3_bind_int64(insert, 3, bank);
		for (int i = 4; i <= 14; i++)
			sqlite3_bind_value(insert, i, sqlite3_column_value(read, i));
		if (class_id)
			sqlite3_bind_int64(insert, 15, class_id);
		sqlite3_bind_value(insert, 16, sqlite3_column_value(read, 17));
		rc = sqlite3_step(insert);
		int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(insert, 0) : 0;
		rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
		sqlite3_reset(insert);
		sqlite3_clear_bindings(insert);
		if (rc != SQLITE_OK)
			break;
		m->counts->sessions++;
		rc = copy_answers(m, &copy, sqlite3_column_int64(read, 0), 0, id, bank, uuid);
	}
	sqlite3_finalize(read);
	sqlite3_finalize(find);
	sqlite3_finalize(insert);
	sqlite3_finalize(update);
	sqlite3_finalize(copy.read);
	sqlite3_finalize(copy.insert);
	sqlite3_finalize(copy.bank_of);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* --- Checking the other file -------------------------------------------- */

static store_status other_failed(store *s, const char *path, sqlite3 *db, int rc)
{
	if ((rc & 0xff) == SQLITE_NOTADB)
		return store_fail(s, STORE_NOTADB, "%s is not a recall database (not an SQLite file)",
		                  path);
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return store_fail(s, STORE_NOTADB, "%s is damaged (%s)", path,
		                  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return store_fail(s, STORE_LOCKED, "%s is locked by another process; try again", path);
	return store_fail(s, store_status_of(rc) == STORE_OK ? STORE_IO : store_status_of(rc),
	                  "cannot read %s: %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* Opens the other database read-only and checks that it is a sound recall
 * database this program can read: nothing is written to it or to ours. */
static store_status open_other(store *s, const char *path, sqlite3 **out, int64_t *version)
{
	*out = NULL;
	struct stat st, mine;
	if (stat(path, &st) != 0)
		return store_fail(s, errno == ENOENT ? STORE_MISSING : STORE_IO, "cannot read %s: %s",
		                  path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return store_fail(s, STORE_NOTADB, "%s is not a file", path);
	if (stat(s->path, &mine) == 0 && mine.st_dev == st.st_dev && mine.st_ino == st.st_ino)
		return store_fail(s, STORE_INVALID, "%s is this database itself", path);
	/* A database with no write-ahead log waiting is read as immutable, so
	 * that SQLite leaves no -wal or -shm file beside a copy brought on a
	 * stick; one with a log is read through it. */
	buf wal;
	buf_init(&wal);
	buf_printf(&wal, "%s-wal", path);
	struct stat wal_st;
	bool pending = stat(wal.ptr, &wal_st) == 0 && wal_st.st_size > 0;
	buf_release(&wal);
	buf uri;
	buf_init(&uri);
	buf_puts(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) || strchr("/-._~", *p))
			buf_putc(&uri, (char)*p);
		else
			buf_printf(&uri, "%%%02X", *p);
	}
	buf_puts(&uri, pending ? "?mode=ro" : "?immutable=1");
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(uri.ptr, &db,
	                         SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	buf_release(&uri);
	if (rc != SQLITE_OK) {
		store_status status = other_failed(s, path, db, rc);
		sqlite3_close(db);
		return status;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, s->busy_ms);
	sqlite3_stmt *q = NULL;
	int64_t app_id = 0, tables = 0;
	rc = sqlite3_prepare_v2(db,
	                        "SELECT (SELECT application_id FROM pragma_application_id),"
	                        " (SELECT user_version FROM pragma_user_version),"
	                        " (SELECT count(*) FROM sqlite_schema)",
	                        -1, &q, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		app_id = sqlite3_column_int64(q, 0);
		*version = sqlite3_column_int64(q, 1);
		tables = sqlite3_column_int64(q, 2);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(q);
	store_status status = STORE_OK;
	if (rc != SQLITE_OK)
		status = other_failed(s, path, db, rc);
	else if (app_id != RECALL_APPLICATION_ID || tables == 0 || *version < 1)
		status = store_fail(s, STORE_NOTADB,
		                    "%s is not a recall database (application id %lld, %lld tables)",
		                    path, (long long)app_id, (long long)tables);
	else if (*version > store_schema_version())
		status = store_fail(s, STORE_TOO_NEW,
		                    "%s was written by a newer recall (schema version %lld; this one "
		                    "knows up to %d); upgrade recall to merge it",
		                    path, (long long)*version, store_schema_version());
	if (status == STORE_OK) {
		/* Damage anywhere, not only in the rows read, fails the merge:
		 * a file that lies in one place cannot be trusted in another. */
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &q, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_step(q);
		if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(q, 0), "ok") != 0) {
			char *what = xstrdup((const char *)sqlite3_column_text(q, 0));
			for (char *p = what; *p; p++)
				if (*p == '\n')
					*p = ' ';
			status = store_fail(s, STORE_NOTADB, "%s is damaged: %s", path, what);
			free(what);
		} else if (rc != SQLITE_ROW) {
			status = other_failed(s, path, db, rc);
		}
		sqlite3_finalize(q);
	}
	if (status != STORE_OK) {
		sqlite3_close(db);
		return status;
	}
	*out = db;
	return STORE_OK;
}

static int merge_one(merger *m)
{
	/* One read transaction: a snapshot, even if its machine is still
	 * writing to it. */
	int rc = sqlite3_exec(m->other, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = merge_learners(m);
	if (rc == SQLITE_OK)
		rc = merge_banks(m);
	if (rc == SQLITE_OK)
		rc = merge_questions(m);
	if (rc == SQLITE_OK && m->version >= 2)
		rc = merge_classes(m);
	if (rc == SQLITE_OK && m->version >= 2)
		rc = merge_rosters(m);
	if (rc == SQLITE_OK)
		rc = merge_sessions(m);
	if (rc == SQLITE_OK && m->version >= 3)
		rc = store_regrade_merge(m->s, m->other, m->path, &m->counts->regrades, &m->bad);
	sqlite3_exec(m->other, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

store_status store_merge(store *s, const char *const *paths, size_t count,
                         store_merge_counts *out)
{
	memset(out, 0, sizeof *out);
	sqlite3 **others = xcalloc(count ? count : 1, sizeof *others);
	int64_t *versions = xcalloc(count ? count : 1, sizeof *versions);
	store_status status = STORE_OK;
	for (size_t i = 0; i < count && status == STORE_OK; i++)
		status = open_other(s, paths[i], &others[i], &versions[i]);
	int rc = SQLITE_OK;
	if (status == STORE_OK && (rc = store_tx_begin(s)) != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot merge");
	for (size_t i = 0; i < count && status == STORE_OK; i++) {
		merger m = {
			.s = s, .path = paths[i], .other = others[i], .version = versions[i], .counts = out,
		};
		rc = merge_one(&m);
		if (m.bad)
			status = STORE_NOTADB;
		else if (rc != SQLITE_OK && (sqlite3_errcode(s->db) & 0xff) == (rc & 0xff))
			status = store_fail_sqlite(s, rc, "cannot merge");
		else if (rc != SQLITE_OK)
			status = other_failed(s, paths[i], others[i], rc);
		map_release(&m.learners);
		map_release(&m.banks);
		map_release(&m.questions);
		map_release(&m.classes);
		out->files++;
	}
	/* Answers merged in change the review cards of their learners. */
	if (status == STORE_OK && out->responses && (rc = store_cards_replay_all(s)) != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot merge");
	if (status == STORE_OK && (rc = store_tx_commit(s)) != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot merge");
	if (status != STORE_OK) {
		store_tx_rollback(s);
		memset(out, 0, sizeof *out);
	}
	for (size_t i = 0; i < count; i++)
		sqlite3_close(others[i]);
	free(others);
	free(versions);
	return status;
}
