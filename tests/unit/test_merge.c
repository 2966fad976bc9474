/* test_merge.c - the store's classes, rosters and merges: what is matched, added, refused and rolled back */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "quiz.h"
#include "store.h"
#include "util.h"

#define HASH "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/recall-merge-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *path_in(const char *name)
{
	static char paths[4][128];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, 128, "%s/%s", dir, name);
	return p;
}

static quiz *make_quiz(void)
{
	quiz *q = quiz_new();
	quiz_set_hash(q, HASH);
	quiz_set_title(q, "Merge test");
	const char *ids[] = {"q1", "q2", "q3"};
	for (size_t i = 0; i < 3; i++) {
		quiz_question *qq = quiz_add_question(q);
		qq->id = arena_strdup(quiz_arena(q), ids[i]);
		qq->kind = QUIZ_TEXT;
		qq->points = 1;
		qq->prompt = arena_strdup(quiz_arena(q), "Which?");
	}
	return q;
}

static store *open_at(const char *path)
{
	store_options opt = {.path = path, .write = true};
	store *s = NULL;
	char *msg = NULL;
	if (store_open(&opt, &s, &msg) != STORE_OK)
		fail_msg("store_open %s: %s", path, msg);
	return s;
}

static int64_t query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

static const store_student students[] = {
	{"s01", "Ana", "A"}, {"s02", "Ben", ""}, {"s03", "Cy", NULL},
};

/* One class exam: `answers` of the three questions right ("r") or wrong. */
static void exam(store *s, const quiz *q, const char *student, const char *answers, bool end)
{
	store_session_options opt = {.learner = student, .mode = "exam", .planned = 3,
	                             .max_score = 3, .class_name = "7B", .time_limit_ms = 60000};
	store_session *ss = NULL;
	if (store_session_begin(s, q, &opt, &ss) != STORE_OK)
		fail_msg("begin: %s", store_errmsg(s));
	double score = 0;
	for (int i = 0; answers[i]; i++) {
		char qid[16];
		snprintf(qid, sizeof qid, "q%d", i + 1);
		bool right = answers[i] == 'r';
		store_response r = {.question_id = qid, .answer = right ? "yes" : "no",
		                    .verdict = right ? "correct" : "wrong", .credit = right,
		                    .chosen = i == 0 ? "Option text" : NULL};
		assert_int_equal(store_session_record(ss, &r), STORE_OK);
		score += right;
	}
	if (end)
		assert_int_equal(store_session_end(ss, STORE_COMPLETE, score, 3), STORE_OK);
	store_session_free(ss);
}

static void test_rosters(void **state)
{
	(void)state;
	store *s = open_at(path_in("roster.db"));
	store_roster_counts n;
	assert_int_equal(store_roster_import(s, "7B", students, 3, false, &n), STORE_OK);
	assert_true(n.created);
	assert_int_equal(n.added, 3);
	store_class c;
	assert_int_equal(store_class_get(s, "7B", &c), STORE_OK);
	assert_int_equal(c.students, 3);
	assert_string_equal(c.mode, "exam");
	assert_true(c.shuffle);
	assert_false(c.allow_hints || c.allow_override || c.show_answers);
	assert_int_equal(c.seed, store_class_default_seed("7B"));
	assert_true(c.seed >= 0);

	store_student again[] = {{"s02", "Ben Berg", ""}, {"s04", "Dee", "B"}};
	assert_int_equal(store_roster_import(s, "7B", again, 2, false, &n), STORE_OK);
	assert_false(n.created);
	assert_int_equal(n.added, 1);
	assert_int_equal(n.updated, 1);
	assert_int_equal(n.kept, 2);
	char *name = NULL;
	assert_int_equal(store_roster_find(s, "7B", "s02", &name), STORE_OK);
	assert_string_equal(name, "Ben Berg");
	free(name);
	assert_int_equal(store_roster_find(s, "7B", "s99", &name), STORE_OK);
	assert_null(name);
	assert_int_equal(store_roster_find(s, "8C", "s01", &name), STORE_MISSING);

	/* Nothing is written when one student is bad. */
	store_student bad[] = {{"s05", "Eve", ""}, {"s05", "Eve again", ""}};
	assert_int_equal(store_roster_import(s, "7B", bad, 2, true, &n), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(s), "listed twice"));
	store_student spaced[] = {{"s 6", "Fay", ""}};
	assert_int_equal(store_roster_import(s, "7B", spaced, 1, true, &n), STORE_INVALID);
	assert_int_equal(store_class_get(s, "7B", &c), STORE_OK);
	assert_int_equal(c.students, 4);

	assert_int_equal(store_roster_import(s, "7B", again, 2, true, &n), STORE_OK);
	assert_int_equal(n.removed, 2);
	assert_int_equal(store_class_get(s, "7B", &c), STORE_OK);
	assert_int_equal(c.students, 2);

	c.mode = "practice";
	c.allow_override = true;
	c.time_limit_ms = 90000;
	assert_int_equal(store_class_update(s, &c), STORE_OK);
	store_class back;
	assert_int_equal(store_class_get(s, "7B", &back), STORE_OK);
	assert_string_equal(back.mode, "practice");
	assert_true(back.allow_override);
	assert_int_equal(back.time_limit_ms, 90000);
	c.name = "nope";
	assert_int_equal(store_class_update(s, &c), STORE_MISSING);
	store_close(s);
}

static void test_class_sessions(void **state)
{
	(void)state;
	store *s = open_at(path_in("class.db"));
	quiz *q = make_quiz();
	store_roster_counts n;
	assert_int_equal(store_roster_import(s, "7B", students, 3, false, &n), STORE_OK);
	/* Not on the roster, or no such class: refused, nothing written. */
	store_session_options opt = {.learner = "zed", .mode = "exam", .class_name = "7B"};
	store_session *ss = NULL;
	assert_int_equal(store_session_begin(s, q, &opt, &ss), STORE_INVALID);
	assert_string_equal(store_errmsg(s), "'zed' is not on the roster of class '7B'");
	opt.class_name = "8C";
	assert_int_equal(store_session_begin(s, q, &opt, &ss), STORE_INVALID);
	assert_int_equal(query_int(path_in("class.db"), "SELECT count(*) FROM session"), 0);
	assert_int_equal(query_int(path_in("class.db"), "SELECT count(*) FROM learner"), 0);

	exam(s, q, "s01", "rrw", true);
	assert_int_equal(query_int(path_in("class.db"),
	                           "SELECT count(*) FROM session s JOIN class c ON c.id = s.class_id"
	                           " WHERE c.name = '7B' AND s.time_limit_ms = 60000"),
	                 1);
	assert_int_equal(query_int(path_in("class.db"),
	                           "SELECT count(*) FROM response WHERE chosen = 'Option text'"),
	                 1);
	store_close(s);
	quiz_free(q);
}

static const char *counts(const char *path)
{
	static char text[128];
	snprintf(text, sizeof text, "%lld %lld %lld %lld %lld %lld %lld",
	         (long long)query_int(path, "SELECT count(*) FROM learner"),
	         (long long)query_int(path, "SELECT count(*) FROM bank"),
	         (long long)query_int(path, "SELECT count(*) FROM question"),
	         (long long)query_int(path, "SELECT count(*) FROM session"),
	         (long long)query_int(path, "SELECT count(*) FROM response"),
	         (long long)query_int(path, "SELECT count(*) FROM class"),
	         (long long)query_int(path, "SELECT count(*) FROM roster"));
	return text;
}

static void test_merge(void **state)
{
	(void)state;
	quiz *q = make_quiz();
	const char *a_path = path_in("a.db"), *b_path = path_in("b.db");
	store *a = open_at(a_path);
	store *b = open_at(b_path);
	store_roster_counts n;
	assert_int_equal(store_roster_import(a, "7B", students, 2, false, &n), STORE_OK);
	assert_int_equal(store_roster_import(b, "7B", students + 1, 2, false, &n), STORE_OK);
	exam(a, q, "s01", "rrr", true);
	exam(b, q, "s02", "rwr", true);
	exam(b, q, "s03", "r", false);   /* still running in b */
	store_close(b);

	const char *paths[] = {b_path};
	store_merge_counts m;
	assert_int_equal(store_merge(a, paths, 1, &m), STORE_OK);
	assert_int_equal(m.files, 1);
	assert_int_equal(m.sessions, 2);
	assert_int_equal(m.responses, 4);
	assert_int_equal(m.learners, 2);
	assert_int_equal(m.banks, 0);
	assert_int_equal(m.students, 1);
	assert_int_equal(m.sessions_known, 0);
	char before[128];
	snprintf(before, sizeof before, "%s", counts(a_path));
	assert_string_equal(before, "3 1 3 3 7 1 3");

	assert_int_equal(store_merge(a, paths, 1, &m), STORE_OK);
	assert_int_equal(m.sessions, 0);
	assert_int_equal(m.responses, 0);
	assert_int_equal(m.sessions_known, 2);
	assert_string_equal(counts(a_path), before);

	/* The session that was running finishes in b: the next merge takes
	 * its further answers and its end. */
	exec_sql(b_path,
	         "INSERT INTO response (session_id, seq, question_id, answer, verdict, graded_credit,"
	         " credit, hints, passage, time_ms, answered_at) SELECT s.id, 2, q.id, 'yes',"
	         " 'correct', 1, 1, 0, 0, 10, 5 FROM session s JOIN learner l ON l.id = s.learner_id,"
	         " question q WHERE l.name = 's03' AND q.qid = 'q2';"
	         "UPDATE session SET status = 'complete', score = 2, ended_at = 9 WHERE learner_id ="
	         " (SELECT id FROM learner WHERE name = 's03')");
	assert_int_equal(store_merge(a, paths, 1, &m), STORE_OK);
	assert_int_equal(m.sessions_extended, 1);
	assert_int_equal(m.responses, 1);
	assert_int_equal(query_int(a_path, "SELECT count(*) FROM session WHERE status = 'complete'"),
	                 3);

	/* A row no recall writes, in a session new to us: nothing is merged. */
	exec_sql(b_path,
	         "INSERT INTO learner (name, created_at) VALUES ('s09', 0);"
	         "INSERT INTO session (uuid, learner_id, bank_id, mode, planned, started_at, status,"
	         " score, max_score) VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
	         " (SELECT id FROM learner WHERE name = 's09'), 1, 'exam', 3, 0, 'complete', 1, 3);"
	         "INSERT INTO response (session_id, seq, question_id, answer, verdict, graded_credit,"
	         " credit, hints, passage, time_ms, answered_at) VALUES ((SELECT max(id) FROM"
	         " session), 1, 1, 'x', 'correct', 1, 2.5, 0, 0, 10, 5)");
	snprintf(before, sizeof before, "%s", counts(a_path));
	assert_int_equal(store_merge(a, paths, 1, &m), STORE_NOTADB);
	assert_non_null(strstr(store_errmsg(a), "an answer of a session is malformed"));
	assert_int_equal(m.sessions, 0);
	assert_string_equal(counts(a_path), before);
	assert_int_equal(query_int(a_path, "SELECT count(*) FROM learner WHERE name = 's09'"), 0);

	/* The database itself, and a file that is not there. */
	const char *self[] = {a_path};
	assert_int_equal(store_merge(a, self, 1, &m), STORE_INVALID);
	const char *none[] = {path_in("none.db")};
	assert_int_equal(store_merge(a, none, 1, &m), STORE_MISSING);
	/* The store still works after failed merges. */
	exam(a, q, "s02", "rrr", true);
	store_close(a);
	quiz_free(q);
}

/* A file with a bad row is refused for that row while another process
 * holds this database's write lock: every file is read and checked before
 * the lock is asked for. A sound file then waits for the lock as before. */
static void test_merge_checks_before_locking(void **state)
{
	(void)state;
	quiz *q = make_quiz();
	const char *a_path = path_in("la.db"), *b_path = path_in("lb.db");
	setenv("RECALL_BUSY_TIMEOUT", "10", 1);
	store *a = open_at(a_path);
	store *b = open_at(b_path);
	store_roster_counts n;
	assert_int_equal(store_roster_import(b, "7B", students, 2, false, &n), STORE_OK);
	exam(b, q, "s02", "rwr", true);
	store_close(b);
	char bad_path[128];
	snprintf(bad_path, sizeof bad_path, "%s", path_in("lbad.db"));
	char cmd[512];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", b_path, bad_path);
	assert_int_equal(system(cmd), 0);
	exec_sql(bad_path, "UPDATE session SET started_at = -9223372036854775807 - 1");

	sqlite3 *holder;
	assert_int_equal(sqlite3_open(a_path, &holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	store_merge_counts m;
	const char *bad[] = {bad_path};
	assert_int_equal(store_merge(a, bad, 1, &m), STORE_NOTADB);
	assert_non_null(strstr(store_errmsg(a), "a session is malformed"));
	const char *good[] = {b_path};
	assert_int_equal(store_merge(a, good, 1, &m), STORE_LOCKED);
	assert_int_equal(sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(holder);
	assert_int_equal(store_merge(a, good, 1, &m), STORE_OK);
	assert_int_equal(m.sessions, 1);
	store_close(a);
	unsetenv("RECALL_BUSY_TIMEOUT");
	quiz_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rosters),
		cmocka_unit_test(test_class_sessions),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_merge_checks_before_locking),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
