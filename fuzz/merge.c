/* merge.c - fuzz target: store_merge of results databases made by hand
 *
 * An input that starts with the SQLite header is the other database's file
 * itself. Any other input is SQL run on a copy of a small sound results
 * database (two sessions, a class and its roster), as someone editing a
 * copy with the sqlite3 shell would. The copy is merged into a fresh
 * database, which must come out either unchanged or sound. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "quiz.h"
#include "store.h"
#include "util.h"

static char dir[64], ours[128], theirs[128];
static buf sample;

static void write_bytes(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, len, f) != len || fclose(f) != 0)
		abort();
}

static void remove_db(const char *path)
{
	char side[160];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static store *open_store(const char *path)
{
	store_options opt = {.path = path, .write = true};
	store *s = NULL;
	char *msg = NULL;
	if (store_open(&opt, &s, &msg) != STORE_OK) {
		fprintf(stderr, "fuzz merge: %s\n", msg);
		abort();
	}
	return s;
}

static void record(store *s, const quiz *q, const char *learner, const char *class_name, bool end)
{
	store_session_options opt = {.learner = learner, .mode = "exam", .planned = 2,
	                             .max_score = 2, .class_name = class_name,
	                             .time_limit_ms = class_name ? 60000 : 0};
	store_session *ss = NULL;
	if (store_session_begin(s, q, &opt, &ss) != STORE_OK)
		abort();
	store_response right = {.question_id = "q1", .answer = "yes", .verdict = "correct",
	                        .credit = 1, .time_ms = 900, .chosen = "Yes"};
	store_response wrong = {.question_id = "q2", .answer = "\033[2J", .verdict = "wrong",
	                        .hints = 1, .time_ms = 1200};
	if (store_session_record(ss, &right) != STORE_OK ||
	    store_session_record(ss, &wrong) != STORE_OK)
		abort();
	if (end && store_session_end(ss, STORE_COMPLETE, 1, 2) != STORE_OK)
		abort();
	store_session_free(ss);
}

static void set_up(void)
{
	strcpy(dir, "/tmp/recall-fuzz-merge-XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(ours, sizeof ours, "%s/ours.db", dir);
	snprintf(theirs, sizeof theirs, "%s/theirs.db", dir);
	quiz *q = quiz_new();
	quiz_set_hash(q, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	quiz_set_title(q, "Fuzz");
	const char *ids[] = {"q1", "q2"};
	for (size_t i = 0; i < 2; i++) {
		quiz_question *qq = quiz_add_question(q);
		qq->id = arena_strdup(quiz_arena(q), ids[i]);
		qq->kind = QUIZ_TEXT;
		qq->points = 1;
		qq->prompt = arena_strdup(quiz_arena(q), "Which?");
		qq->answer_text = arena_strdup(quiz_arena(q), "yes");
	}
	store *s = open_store(theirs);
	static const store_student students[] = {{"s01", "Ana", "A"}, {"s02", "Ben", ""}};
	store_roster_counts n;
	if (store_roster_import(s, "7B", students, 2, false, &n) != STORE_OK)
		abort();
	record(s, q, "s01", "7B", true);
	record(s, q, "s02", "7B", false);
	record(s, q, "home", NULL, true);
	store_close(s);
	quiz_free(q);
	buf_init(&sample);
	if (read_file(theirs, 1 << 24, &sample) != 0)
		abort();
}

/* Statements that would run for ever are cut off. */
static int enough(void *steps)
{
	return ++*(long *)steps > 1000;
}

static int64_t rows(store *s)
{
	(void)s;
	sqlite3 *db = NULL;
	int64_t n = -1;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(ours, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db,
	                       "SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM response)"
	                       " + (SELECT count(*) FROM learner) + (SELECT count(*) FROM roster)",
	                       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		set_up();
	remove_db(ours);
	remove_db(theirs);
	if (size >= 16 && memcmp(data, "SQLite format 3", 16) == 0) {
		write_bytes(theirs, data, size);
	} else {
		write_bytes(theirs, sample.ptr, sample.len);
		sqlite3 *db = NULL;
		if (sqlite3_open(theirs, &db) == SQLITE_OK) {
			long steps = 0;
			sqlite3_progress_handler(db, 1000, enough, &steps);
			char *sql = fuzz_cstring(data, size);
			sqlite3_exec(db, sql, NULL, NULL, NULL);
			free(sql);
		}
		sqlite3_close(db);
	}
	store *s = open_store(ours);
	int64_t before = rows(s);
	const char *paths[] = {theirs};
	store_merge_counts n;
	store_status status = store_merge(s, paths, 1, &n);
	if (status != STORE_OK) {
		FUZZ_ASSERT(*store_errmsg(s), "a failed merge says nothing");
		FUZZ_ASSERT(n.files == 0 && n.sessions == 0 && n.responses == 0, "counts of a failure");
		FUZZ_ASSERT(rows(s) == before, "a failed merge changed the database");
		/* The database still takes a sound file afterwards. */
		remove_db(theirs);
		write_bytes(theirs, sample.ptr, sample.len);
		FUZZ_ASSERT(store_merge(s, paths, 1, &n) == STORE_OK, "%s", store_errmsg(s));
	} else {
		FUZZ_ASSERT(rows(s) == before + (int64_t)(n.sessions + n.responses + n.learners +
		                                          n.students),
		            "the counts do not match the rows added");
	}
	store_close(s);
	return 0;
}
