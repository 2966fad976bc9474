/* store_merge.c - folding another recall database's results into this one, in one transaction */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pack.h"
#include "quiz.h"
#include "roster.h"
#include "store_impl.h"
#include "text.h"

/* What a field of another database may hold, as strict as what recall
 * itself accepts when it records: times from 1970 to the year 9999 in
 * milliseconds, a time limit of 1 second to 24 hours, points as a bank may
 * give them, answers as take records them. */
#define MAX_TIME_MS 253402300799999LL
#define MAX_SCORE 1e15
#define MAX_TEXT (64 * 1024)
#define MAX_COUNT 100000000LL
/* No single value of a database to merge is read if longer than this. */
#define MAX_VALUE (64 * 1024 * 1024)

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
	bool dry;             /* only read and check their rows; write nothing */
	bool bad;             /* a row made no sense: the message is set */
} merger;

/* In a dry run a row's id maps to a stand-in: never 0, one per row. */
static int64_t stand_in(const id_map *map)
{
	return (int64_t)map->count + 1;
}

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

/* A number from `min` to `max`. */
static bool real_col(sqlite3_stmt *st, int col, double min, double max)
{
	int type = sqlite3_column_type(st, col);
	double v = sqlite3_column_double(st, col);
	return (type == SQLITE_INTEGER || type == SQLITE_FLOAT) && isfinite(v) && v >= min &&
	       v <= max;
}

/* A whole number from `lo` to `hi`, or (when `null_ok`) NULL. */
static bool int_col(sqlite3_stmt *st, int col, int64_t lo, int64_t hi, bool null_ok)
{
	int type = sqlite3_column_type(st, col);
	if (type == SQLITE_NULL)
		return null_ok;
	int64_t v = sqlite3_column_int64(st, col);
	return type == SQLITE_INTEGER && v >= lo && v <= hi;
}

static bool time_col(sqlite3_stmt *st, int col, bool null_ok)
{
	return int_col(st, col, 0, MAX_TIME_MS, null_ok);
}

static bool flag_col(sqlite3_stmt *st, int col)
{
	return int_col(st, col, 0, 1, false);
}

/* UTF-8 text of at most `max` bytes, or (when `null_ok`) NULL. */
static bool text_col(sqlite3_stmt *st, int col, int max, bool null_ok)
{
	int type = sqlite3_column_type(st, col);
	if (type == SQLITE_NULL)
		return null_ok;
	return type == SQLITE_TEXT && sqlite3_column_bytes(st, col) <= max && valid_text(st, col);
}

/* A group of a roster: empty, or a name as roster import takes it. */
static bool valid_group(sqlite3_stmt *st, int col)
{
	if (!text_col(st, col, 256, false))
		return false;
	for (const unsigned char *p = sqlite3_column_text(st, col); *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return true;
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
		if (!text_col(read, 1, 256, false) || !store_valid_name(name)) {
			rc = bad_row(m, "a learner's name is not valid", name);
			break;
		}
		if (!time_col(read, 2, false)) {
			rc = bad_row(m, "a learner's time of creation is not a time", name);
			break;
		}
		if (m->dry) {
			map_add(&m->learners, sqlite3_column_int64(read, 0), stand_in(&m->learners));
			rc = SQLITE_OK;
			continue;
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
		if (!text_col(read, 2, MAX_TEXT, false) || !text_col(read, 3, 4096, true)) {
			rc = bad_row(m, "a bank's title or path is not UTF-8 of a sound length", hash);
			break;
		}
		if (!time_col(read, 4, false)) {
			rc = bad_row(m, "a bank's time of addition is not a time", hash);
			break;
		}
		if (m->dry) {
			map_add(&m->banks, sqlite3_column_int64(read, 0), stand_in(&m->banks));
			rc = SQLITE_OK;
			continue;
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
		if (!text_col(read, 2, MAX_TEXT, false) || !*qid || !text_col(read, 5, MAX_VALUE, false) ||
		    !int_col(read, 3, 0, MAX_COUNT, false) ||
		    quiz_kind_parse(store_column_text(read, 4)) == QUIZ_KIND_COUNT ||
		    !real_col(read, 7, 0, 1e6) || !text_col(read, 6, MAX_VALUE, true)) {
			rc = bad_row(m, "a question is malformed", qid);
			break;
		}
		if (m->dry) {
			/* What a dry run needs of a question is its bank. */
			map_add(&m->questions, sqlite3_column_int64(read, 0), bank);
			rc = SQLITE_OK;
			continue;
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
		bool flags = true;
		for (int i = 4; i <= 7; i++)
			flags = flags && flag_col(read, i);
		bool limit_ok = int_col(read, 8, 0, 0, true) || int_col(read, 8, 1000, 86400000, false);
		if (!text_col(read, 1, 64, false) || !roster_valid_class(name, NULL) ||
		    (strcmp(mode, "exam") != 0 && strcmp(mode, "practice") != 0) ||
		    !int_col(read, 2, 0, INT64_MAX, false) || !flags || !limit_ok ||
		    !time_col(read, 9, false)) {
			rc = bad_row(m, "a class is malformed", name);
			break;
		}
		if (m->dry) {
			map_add(&m->classes, sqlite3_column_int64(read, 0), stand_in(&m->classes));
			rc = SQLITE_OK;
			continue;
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
		/* As strict as `recall roster import`. */
		if (!class_id || !text_col(read, 1, 64, false) || !roster_valid_id(id, NULL) ||
		    !text_col(read, 2, 256, false) || !store_valid_name(store_column_text(read, 2)) ||
		    !valid_group(read, 3) || !time_col(read, 4, false)) {
			rc = bad_row(m, "a roster entry is malformed", id);
			break;
		}
		if (m->dry) {
			rc = SQLITE_OK;
			continue;
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
		int64_t q_bank = question;   /* a dry run maps a question to its bank */
		if (!m->dry) {
			sqlite3_bind_int64(c->bank_of, 1, question);
			q_bank = sqlite3_step(c->bank_of) == SQLITE_ROW ? sqlite3_column_int64(c->bank_of, 0)
			                                                : 0;
			sqlite3_reset(c->bank_of);
		}
		bool chosen_ok = m->version < 2 || text_col(c->read, 11, MAX_TEXT, true);
		/* Answers are kept byte for byte, as typed, so they need not be
		 * UTF-8; but no longer than take lets them be. */
		bool answer_ok = sqlite3_column_type(c->read, 2) == SQLITE_TEXT &&
		                 sqlite3_column_bytes(c->read, 2) <= STORE_MAX_ANSWER;
		const char *why = NULL;
		if (!question || q_bank != bank || !int_col(c->read, 0, 1, INT32_MAX, false))
			why = "its question or its place in the session";
		else if (!answer_ok || !chosen_ok)
			why = "the answer is not text of at most 64 KiB";
		else if (!store_known_verdict(store_column_text(c->read, 3)) ||
		         !real_col(c->read, 4, 0, 1) || !real_col(c->read, 5, 0, 1))
			why = "its verdict, or a credit not from 0 to 1";
		else if (!int_col(c->read, 6, 0, 1000, false) || !flag_col(c->read, 7) ||
		         !flag_col(c->read, 8))
			why = "its hints, passage or override";
		else if (!int_col(c->read, 9, 0, MAX_TIME_MS, false) || !time_col(c->read, 10, false))
			why = "its times";
		if (why) {
			buf problem;
			buf_init(&problem);
			buf_printf(&problem, "an answer of a session is malformed: %s", why);
			rc = bad_row(m, problem.ptr, uuid);
			buf_release(&problem);
			break;
		}
		if (m->dry)
			continue;
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
		const char *why = NULL;
		if (!valid_uuid(uuid) || !learner || !bank || (has_class && !class_id))
			why = "its id, learner, bank or class";
		else if (!store_known_mode(mode) || store_session_status_parse(status) == STORE_STATUS_COUNT)
			why = "its mode or status";
		else if (!int_col(read, 5, INT64_MIN, INT64_MAX, true) ||
		         !int_col(read, 6, 0, MAX_COUNT, false))
			why = "its seed or its count of questions";
		else if (!time_col(read, 7, false) || !time_col(read, 8, true))
			why = "its start or end is not a time from 1970 to 9999";
		else if (!real_col(read, 10, 0, MAX_SCORE) || !real_col(read, 11, 0, MAX_SCORE))
			why = "its score is not a number of points";
		else if (!text_col(read, 12, 256, true) || !int_col(read, 13, 0, INT32_MAX, true) ||
		         !int_col(read, 14, 0, INT64_MAX, true))
			why = "its host or process";
		else if (!int_col(read, 17, 0, 0, true) && !int_col(read, 17, 1000, 86400000, false))
			why = "its time limit is not from 1 second to 24 hours";
		if (why) {
			buf problem;
			buf_init(&problem);
			buf_printf(&problem, "a session is malformed: %s", why);
			rc = bad_row(m, problem.ptr, uuid);
			buf_release(&problem);
			break;
		}
		if (m->dry) {
			rc = copy_answers(m, &copy, sqlite3_column_int64(read, 0), 0, 0, bank, uuid);
			continue;
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

/* SQLite's words for `rc` on the other connection, while its message is
 * still about that failure. */
static const char *other_reason(sqlite3 *db, int rc)
{
	if (db && (sqlite3_errcode(db) & 0xff) == (rc & 0xff))
		return sqlite3_errmsg(db);
	return sqlite3_errstr(rc);
}

static store_status other_failed(store *s, const char *path, sqlite3 *db, int rc)
{
	if ((rc & 0xff) == SQLITE_NOTADB)
		return store_fail(s, STORE_NOTADB, "%s is not a recall database (not an SQLite file)",
		                  path);
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return store_fail(s, STORE_NOTADB, "%s is damaged (%s)", path, other_reason(db, rc));
	if ((rc & 0xff) == SQLITE_TOOBIG)
		return store_fail(s, STORE_NOTADB,
		                  "%s is not a sound recall database: it holds a value longer than %d MiB",
		                  path, MAX_VALUE >> 20);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return store_fail(s, STORE_LOCKED, "%s is locked by another process; try again", path);
	return store_fail(s, store_status_of(rc) == STORE_OK ? STORE_IO : store_status_of(rc),
	                  "cannot read %s: %s", path, other_reason(db, rc));
}

/* Opens the other database read-only, as packs are opened (nothing in it
 * runs, nothing is written beside it), and checks that it is a sound recall
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
	sqlite3 *db = NULL;
	int rc = pack_open_untrusted(path, MAX_VALUE, &db);
	if (rc != SQLITE_OK) {
		store_status status = other_failed(s, path, db, rc);
		sqlite3_close(db);
		return status;
	}
	sqlite3_busy_timeout(db, s->busy_ms);
	sqlite3_stmt *q = NULL;
	int64_t app_id = 0, tables = 0, packs = 0, runnable = 0;
	/* Views, triggers and virtual tables would run code of the file's
	 * maker while this database is locked; a recall database has none. */
	rc = sqlite3_prepare_v2(db,
	                        "SELECT (SELECT application_id FROM pragma_application_id),"
	                        " (SELECT user_version FROM pragma_user_version),"
	                        " (SELECT count(*) FROM sqlite_schema),"
	                        " (SELECT count(*) FROM sqlite_schema WHERE name = 'pack'),"
	                        " (SELECT count(*) FROM sqlite_schema WHERE type IN ('view', 'trigger')"
	                        "  OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL%'))",
	                        -1, &q, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		app_id = sqlite3_column_int64(q, 0);
		*version = sqlite3_column_int64(q, 1);
		tables = sqlite3_column_int64(q, 2);
		packs = sqlite3_column_int64(q, 3);
		runnable = sqlite3_column_int64(q, 4);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(q);
	store_status status = STORE_OK;
	if (rc != SQLITE_OK)
		status = other_failed(s, path, db, rc);
	else if (app_id == RECALL_APPLICATION_ID && packs > 0)
		status = store_fail(s, STORE_NOTADB,
		                    "%s is a recall pack, not a results database; there is nothing in it "
		                    "to merge",
		                    path);
	else if (app_id != RECALL_APPLICATION_ID || tables == 0 || *version < 1)
		status = store_fail(s, STORE_NOTADB,
		                    "%s is not a recall database (application id %lld, %lld tables)",
		                    path, (long long)app_id, (long long)tables);
	else if (*version > store_schema_version())
		status = store_fail(s, STORE_TOO_NEW,
		                    "%s was written by a newer recall (schema version %lld; this one "
		                    "knows up to %d); upgrade recall to merge it",
		                    path, (long long)*version, store_schema_version());
	else if (runnable > 0)
		status = store_fail(s, STORE_NOTADB,
		                    "%s is not a sound recall database: it holds views, triggers or "
		                    "virtual tables, which recall never makes",
		                    path);
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

/* Reads every table of one file, in the order that maps ids: in a dry run
 * only checking each row, else copying it. */
static int merge_tables(merger *m)
{
	int rc = merge_learners(m);
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
	/* Regrades are copied in the second pass only: they are few and are
	 * checked as they are written. */
	if (rc == SQLITE_OK && !m->dry && m->version >= 4)
		rc = store_regrade_merge(m->s, m->other, m->path, &m->counts->regrades, &m->bad);
	map_release(&m->learners);
	map_release(&m->banks);
	map_release(&m->questions);
	map_release(&m->classes);
	return rc;
}

/* The outcome of one pass over one file, as a status with its message. */
static store_status pass_failed(merger *m, int rc)
{
	if (m->bad)
		return STORE_NOTADB;
	if (!m->dry && (sqlite3_errcode(m->s->db) & 0xff) == (rc & 0xff))
		return store_fail_sqlite(m->s, rc, "cannot merge");
	return other_failed(m->s, m->path, m->other, rc);
}

store_status store_merge(store *s, const char *const *paths, size_t count,
                         store_merge_counts *out)
{
	memset(out, 0, sizeof *out);
	sqlite3 **others = xcalloc(count ? count : 1, sizeof *others);
	int64_t *versions = xcalloc(count ? count : 1, sizeof *versions);
	store_merge_counts scratch = {0};
	store_status status = STORE_OK;
	for (size_t i = 0; i < count && status == STORE_OK; i++)
		status = open_other(s, paths[i], &others[i], &versions[i]);
	/* Every file is read and checked whole before this database is locked,
	 * so that students taking a quiz wait only for rows known to be sound.
	 * Each file's read transaction holds one snapshot for both passes. */
	for (size_t i = 0; i < count && status == STORE_OK; i++) {
		merger m = {
			.s = s, .path = paths[i], .other = others[i], .version = versions[i],
			.counts = &scratch, .dry = true,
		};
		int rc = sqlite3_exec(others[i], "BEGIN", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = merge_tables(&m);
		if (rc != SQLITE_OK)
			status = pass_failed(&m, rc);
	}
	int rc = SQLITE_OK;
	if (status == STORE_OK && (rc = store_tx_begin(s)) != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot merge");
	for (size_t i = 0; i < count && status == STORE_OK; i++) {
		merger m = {
			.s = s, .path = paths[i], .other = others[i], .version = versions[i], .counts = out,
		};
		rc = merge_tables(&m);
		if (rc != SQLITE_OK)
			status = pass_failed(&m, rc);
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
	for (size_t i = 0; i < count; i++) {
		if (others[i] && !sqlite3_get_autocommit(others[i]))
			sqlite3_exec(others[i], "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(others[i]);
	}
	free(others);
	free(versions);
	return status;
}
