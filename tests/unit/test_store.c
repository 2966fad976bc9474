/* test_store.c - the SQLite store: schema and migrations, recording, orphans, failures, many writers */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "quiz.h"
#include "store.h"
#include "util.h"

#define HASH_A "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
#define HASH_B "ffee0011223344556677889900aabbccddeeff00112233445566778899aabbcc"

/* --- Fixtures ----------------------------------------------------------- */

static char dir[256];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(path, 0700);
	return remove(path);
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/recall-store-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* Traversable by everyone: the read-only tests run as nobody when the
	 * tests run as root, who may write anywhere. */
	chmod(dir, 0755);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	/* Make every folder writable again so it can be removed. */
	char cmd[300];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s 2>/dev/null", dir);
	if (system(cmd) != 0) {
		/* nothing to do: nftw below reports what it cannot remove */
	}
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static char *path_in(const char *name)
{
	static char paths[4][512];
	static int next;
	char *p = paths[next++ % 4];
	snprintf(p, 512, "%s/%s", dir, name);
	return p;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static char *slurp(const char *path)
{
	buf b;
	buf_init(&b);
	assert_int_equal(read_file(path, 1 << 26, &b), 0);
	return buf_detach(&b);
}

static size_t file_size(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return (size_t)st.st_size;
}

static quiz *make_quiz(const char *hash, const char *title, const char *path)
{
	quiz *q = quiz_new();
	quiz_set_hash(q, hash);
	quiz_set_title(q, title);
	if (path)
		quiz_set_bank_path(q, path);
	static const struct {
		const char *id;
		quiz_kind kind;
		double points;
		const char *prompt;
	} questions[] = {
		{"meeting-date", QUIZ_DATE, 1, "On what date did they meet?"},
		{"ousted-minister", QUIZ_ACTOR, 1, "Which minister was ousted?"},
		{"largest-source", QUIZ_CLAIM, 1, "China was the largest source."},
		{"pelosi-cloze", QUIZ_CLOZE, 2, "A visit by {{Pelosi}} to {{Taiwan}}."},
	};
	for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++) {
		quiz_question *qq = quiz_add_question(q);
		qq->id = arena_strdup(quiz_arena(q), questions[i].id);
		qq->kind = questions[i].kind;
		qq->points = questions[i].points;
		qq->prompt = arena_strdup(quiz_arena(q), questions[i].prompt);
		qq->answer_text = arena_strdup(quiz_arena(q), "right");
	}
	return q;
}

static store *open_at(const char *path)
{
	store_options opt = {.path = path, .write = true};
	store *s = NULL;
	char *msg = NULL;
	store_status status = store_open(&opt, &s, &msg);
	if (status != STORE_OK)
		fail_msg("store_open %s: %s", path, msg);
	assert_null(msg);
	return s;
}

static store_status try_open(const char *path, bool write, bool must_exist, int busy_ms,
                             char **msg)
{
	store_options opt = {.path = path, .write = write, .must_exist = must_exist,
	                     .busy_timeout_ms = busy_ms};
	store *s = NULL;
	store_status status = store_open(&opt, &s, msg);
	if (status == STORE_OK)
		assert_null(*msg);
	else
		assert_null(s);
	store_close(s);
	return status;
}

static store_session *begin(store *s, const quiz *q, const char *learner, const char *mode)
{
	store_session_options opt = {.learner = learner, .mode = mode, .planned = 4, .max_score = 5,
	                             .has_seed = true, .seed = 42};
	store_session *ss = NULL;
	store_status status = store_session_begin(s, q, &opt, &ss);
	if (status != STORE_OK)
		fail_msg("begin: %s", store_errmsg(s));
	return ss;
}

static void record(store_session *ss, const char *qid, const char *answer, const char *verdict,
                   double credit)
{
	store_response r = {.question_id = qid, .answer = answer, .verdict = verdict,
	                    .credit = credit, .time_ms = 1500};
	store_status status = store_session_record(ss, &r);
	assert_int_equal(status, STORE_OK);
}

/* A query on a connection of its own, as another process would see it. */
static int64_t query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The first column of the first row, as text; valid until the next call. */
static const char *query_text(const char *path, const char *sql)
{
	static char text[512];
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(text, sizeof text, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return text;
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

static int64_t fixed_time;

static int64_t fixed_clock(void *ctx)
{
	(void)ctx;
	return fixed_time;
}

/* --- Opening ------------------------------------------------------------ */

static void test_open_creates_database_and_folders(void **state)
{
	(void)state;
	char *path = path_in("data/recall/recall.db");
	store *s = open_at(path);
	assert_string_equal(store_path(s), path);
	store_close(s);
	assert_true(exists(path));
	assert_string_equal(query_text(path, "PRAGMA journal_mode"), "wal");
	assert_int_equal(query_int(path, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(query_int(path, "PRAGMA application_id"), 0x5243414C);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
	                                 "AND name IN ('learner', 'bank', 'question', 'session', "
	                                 "'response')"),
	                 5);
	/* A second open finds it as it is. */
	s = open_at(path);
	store_close(s);
	assert_int_equal(query_int(path, "PRAGMA user_version"), store_schema_version());
}

static void test_default_path_and_learner(void **state)
{
	(void)state;
	char *msg = NULL, *p;
	setenv("RECALL_DB", "/srv/class/recall.db", 1);
	p = store_default_path(&msg);
	assert_string_equal(p, "/srv/class/recall.db");
	free(p);
	unsetenv("RECALL_DB");
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	p = store_default_path(&msg);
	assert_string_equal(p, "/xdg/data/recall/recall.db");
	free(p);
	/* A relative XDG_DATA_HOME is ignored, as the spec says. */
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/alice", 1);
	p = store_default_path(&msg);
	assert_string_equal(p, "/home/alice/.local/share/recall/recall.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = store_default_path(&msg);
	assert_string_equal(p, "/home/alice/.local/share/recall/recall.db");
	free(p);
	assert_null(msg);

	setenv("RECALL_USER", "Zoë", 1);
	p = store_default_learner();
	assert_string_equal(p, "Zoë");
	free(p);
	unsetenv("RECALL_USER");
	p = store_default_learner();
	assert_true(strlen(p) > 0);
	free(p);
}

static void test_missing_database_is_not_created(void **state)
{
	(void)state;
	char *path = path_in("nowhere/recall.db");
	char *msg = NULL;
	assert_int_equal(try_open(path, false, true, 0, &msg), STORE_MISSING);
	assert_non_null(strstr(msg, path));
	free(msg);
	assert_false(exists(path_in("nowhere")));
}

/* --- Recording ---------------------------------------------------------- */

static void test_session_round_trip(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	store_set_clock(s, fixed_clock, NULL);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", "/banks/china.yaml");

	fixed_time = 1714557600000; /* 2024-05-01T10:00:00Z */
	store_session *ss = begin(s, q, "alice", "practice");
	assert_int_equal(strlen(store_session_uuid(ss)), 36);
	assert_int_equal(store_session_uuid(ss)[14], '4');
	fixed_time += 10000;
	record(ss, "meeting-date", "June 18, 2023", "correct", 1);
	fixed_time += 10000;
	record(ss, "ousted-minister", "Wang \"Yi\",\nagain", "wrong", 0);
	assert_int_equal(store_session_override(ss, 0.5), STORE_OK);
	fixed_time += 10000;
	record(ss, "pelosi-cloze", "Pelosi; Taipei", "partial", 0.5);
	fixed_time += 10000;
	record(ss, "largest-source", "", "skipped", 0);
	assert_int_equal(store_session_responses(ss), 4);
	fixed_time += 5000;
	assert_int_equal(store_session_end(ss, STORE_COMPLETE, 2.5, 5), STORE_OK);
	store_session_free(ss);

	/* The running score was kept as answers came: 1 + 0.5 (override) + 0.5 * 2. */
	assert_int_equal(query_int(path, "SELECT count(*) FROM response"), 4);
	assert_int_equal(query_int(path, "SELECT ended_at FROM session"), 1714557645000);

	store_filter all = {0};
	store_summary sum;
	assert_int_equal(store_summarize(s, &all, &sum), STORE_OK);
	assert_int_equal(sum.sessions, 1);
	assert_int_equal(sum.finished, 1);
	assert_int_equal(sum.by_status[STORE_COMPLETE], 1);
	assert_true(sum.best == 0.5 && sum.last == 0.5 && sum.mean == 0.5);
	store_close(s);
	quiz_free(q);
}

typedef struct {
	int count;
	store_session_row rows[8];
	char text[8][4][128];
} session_list;

static int keep_session(const store_session_row *row, void *ctx)
{
	session_list *l = ctx;
	if (l->count < 8) {
		store_session_row *r = &l->rows[l->count];
		*r = *row;
		snprintf(l->text[l->count][0], 128, "%s", row->learner);
		snprintf(l->text[l->count][1], 128, "%s", row->bank_title);
		snprintf(l->text[l->count][2], 128, "%s", row->mode);
		snprintf(l->text[l->count][3], 128, "%s", row->uuid);
		r->learner = l->text[l->count][0];
		r->bank_title = l->text[l->count][1];
		r->mode = l->text[l->count][2];
		r->uuid = l->text[l->count][3];
	}
	l->count++;
	return 0;
}

typedef struct {
	int count;
	char answers[8][128];
	size_t lens[8];
	double credit[8], graded[8];
	bool override[8];
	int seq[8];
	char verdicts[8][16];
	char kinds[8][16];
	int64_t answered[8];
} response_list;

static int keep_response(const store_response_row *row, void *ctx)
{
	response_list *l = ctx;
	int i = l->count++;
	if (i >= 8)
		return 0;
	memcpy(l->answers[i], row->answer, row->answer_len);
	l->lens[i] = row->answer_len;
	l->credit[i] = row->credit;
	l->graded[i] = row->graded_credit;
	l->override[i] = row->override;
	l->seq[i] = row->seq;
	snprintf(l->verdicts[i], 16, "%s", row->verdict);
	snprintf(l->kinds[i], 16, "%s", row->kind);
	l->answered[i] = row->answered_ms;
	return 0;
}

typedef struct {
	int count;
	char kinds[8][16];
	size_t answers[8];
	double points[8], earned[8];
} kind_list;

static int keep_kind(const store_kind_row *row, void *ctx)
{
	kind_list *l = ctx;
	int i = l->count++;
	snprintf(l->kinds[i], 16, "%s", row->kind);
	l->answers[i] = row->answers;
	l->points[i] = row->points;
	l->earned[i] = row->earned;
	return 0;
}

typedef struct {
	int count;
	char ids[8][32];
	size_t asked[8], missed[8];
} miss_list;

static int keep_miss(const store_miss_row *row, void *ctx)
{
	miss_list *l = ctx;
	int i = l->count++;
	snprintf(l->ids[i], 32, "%s", row->question_id);
	l->asked[i] = row->asked;
	l->missed[i] = row->missed;
	return 0;
}

static int find_kind(const kind_list *l, const char *kind)
{
	for (int i = 0; i < l->count; i++)
		if (strcmp(l->kinds[i], kind) == 0)
			return i;
	fail_msg("no kind %s", kind);
	return -1;
}

static void test_queries_see_what_was_recorded(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	store_set_clock(s, fixed_clock, NULL);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", "/banks/china.yaml");

	fixed_time = 1714557600000;
	store_session *ss = begin(s, q, "alice", "practice");
	fixed_time += 1000;
	record(ss, "meeting-date", "June 18, 2023", "correct", 1);
	record(ss, "ousted-minister", "Wang \"Yi\",\nagain", "wrong", 0);
	assert_int_equal(store_session_override(ss, 0.5), STORE_OK);
	record(ss, "pelosi-cloze", "Pelosi; Taipei", "partial", 0.5);
	record(ss, "largest-source", "\xff\x01raw", "skipped", 0);
	assert_int_equal(store_session_end(ss, STORE_COMPLETE, 2.5, 5), STORE_OK);
	store_session_free(ss);

	fixed_time = 1714644000000; /* a day later */
	ss = begin(s, q, "alice", "exam");
	record(ss, "meeting-date", "2023", "wrong", 0);
	record(ss, "ousted-minister", "Qin", "ambiguous", 0);
	record(ss, "ousted-minister", "Qin Gang", "correct", 1);
	assert_int_equal(store_session_end(ss, STORE_QUIT, 1, 5), STORE_OK);
	store_session_free(ss);

	store_filter alice = {.learner = "alice"};
	session_list sessions = {0};
	assert_int_equal(store_list_sessions(s, &alice, true, 0, keep_session, &sessions), STORE_OK);
	assert_int_equal(sessions.count, 2);
	assert_string_equal(sessions.rows[0].mode, "exam");
	assert_int_equal(sessions.rows[0].status, STORE_QUIT);
	assert_int_equal(sessions.rows[0].answered, 3);
	assert_string_equal(sessions.rows[1].mode, "practice");
	assert_int_equal(sessions.rows[1].status, STORE_COMPLETE);
	assert_true(sessions.rows[1].score == 2.5 && sessions.rows[1].max_score == 5);
	assert_true(sessions.rows[1].has_seed && sessions.rows[1].seed == 42);
	assert_int_equal(sessions.rows[1].planned, 4);
	assert_int_equal(sessions.rows[1].started_ms, 1714557600000);
	assert_string_equal(sessions.rows[1].bank_title, "China and fentanyl");
	assert_string_not_equal(sessions.rows[0].uuid, sessions.rows[1].uuid);

	/* Oldest first, with a limit. */
	session_list first = {0};
	assert_int_equal(store_list_sessions(s, &alice, false, 1, keep_session, &first), STORE_OK);
	assert_int_equal(first.count, 1);
	assert_string_equal(first.rows[0].mode, "practice");

	/* Only complete and timeout sessions are finished. */
	store_summary sum;
	assert_int_equal(store_summarize(s, &alice, &sum), STORE_OK);
	assert_int_equal(sum.sessions, 2);
	assert_int_equal(sum.finished, 1);
	assert_int_equal(sum.by_status[STORE_QUIT], 1);

	response_list responses = {0};
	assert_int_equal(store_list_responses(s, &alice, keep_response, &responses), STORE_OK);
	assert_int_equal(responses.count, 7);
	/* Answers come back byte for byte, whatever they hold. */
	assert_int_equal(responses.lens[1], strlen("Wang \"Yi\",\nagain"));
	assert_memory_equal(responses.answers[1], "Wang \"Yi\",\nagain", responses.lens[1]);
	assert_memory_equal(responses.answers[3], "\xff\x01raw", 5);
	assert_true(responses.override[1]);
	assert_true(responses.credit[1] == 0.5 && responses.graded[1] == 0);
	assert_string_equal(responses.verdicts[1], "wrong");
	assert_int_equal(responses.seq[0], 1);
	assert_int_equal(responses.seq[3], 4);
	assert_int_equal(responses.seq[4], 1);
	assert_string_equal(responses.kinds[2], "cloze");
	assert_int_equal(responses.answered[0], 1714557601000);

	/* Ambiguous answers count for nothing; points weigh the credit. */
	kind_list kinds = {0};
	assert_int_equal(store_credit_by_kind(s, &alice, keep_kind, &kinds), STORE_OK);
	assert_int_equal(kinds.count, 4);
	int date = find_kind(&kinds, "date"), actor = find_kind(&kinds, "actor"),
	    cloze = find_kind(&kinds, "cloze");
	assert_int_equal(kinds.answers[date], 2);
	assert_true(kinds.earned[date] == 1 && kinds.points[date] == 2);
	assert_int_equal(kinds.answers[actor], 2);
	assert_true(kinds.earned[actor] == 1.5);
	assert_true(kinds.earned[cloze] == 1 && kinds.points[cloze] == 2);

	/* The overridden wrong answer is no miss. */
	miss_list missed = {0};
	assert_int_equal(store_most_missed(s, &alice, 0, keep_miss, &missed), STORE_OK);
	assert_int_equal(missed.count, 2);
	assert_string_equal(missed.ids[0], "largest-source");
	assert_int_equal(missed.asked[0], 1);
	assert_int_equal(missed.missed[0], 1);
	assert_string_equal(missed.ids[1], "meeting-date");
	assert_int_equal(missed.asked[1], 2);
	assert_int_equal(missed.missed[1], 1);

	store_close(s);
	quiz_free(q);
}

static int count_bank(const store_bank_row *row, void *ctx)
{
	(void)row;
	(*(int *)ctx)++;
	return 0;
}

static void test_filters_by_learner_and_bank(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	char *bank_file = path_in("china.yaml");
	FILE *f = fopen(bank_file, "w");
	fputs("recall: 1\n", f);
	fclose(f);
	store *s = open_at(path);
	quiz *a = make_quiz(HASH_A, "China and fentanyl", bank_file);
	quiz *b = make_quiz(HASH_B, "Another bank", NULL);
	store_session *ss = begin(s, a, "alice", "practice");
	record(ss, "meeting-date", "x", "wrong", 0);
	store_session_end(ss, STORE_COMPLETE, 0, 5);
	int64_t first_id = store_session_id(ss);
	store_session_free(ss);
	ss = begin(s, b, "alice", "practice");
	record(ss, "meeting-date", "x", "correct", 1);
	store_session_free(ss);
	ss = begin(s, a, "bob", "exam");
	record(ss, "meeting-date", "x", "correct", 1);
	store_session_free(ss);

	struct {
		const char *learner, *bank;
		int sessions;
	} cases[] = {
		{NULL, NULL, 3},
		{"alice", NULL, 2},
		{"bob", NULL, 1},
		{"carol", NULL, 0},
		{NULL, "China and fentanyl", 2},
		{NULL, "CHINA AND FENTANYL", 2},
		{NULL, bank_file, 2},
		{NULL, "a1b2", 2},
		{NULL, "FFEE0011", 1},
		{NULL, "ffe", 0},     /* too short to be a hash prefix */
		{NULL, "nothing", 0},
		{"alice", "Another bank", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		store_filter filter = {.learner = cases[i].learner, .bank = cases[i].bank};
		session_list l = {0};
		assert_int_equal(store_list_sessions(s, &filter, true, 0, keep_session, &l), STORE_OK);
		if (l.count != cases[i].sessions)
			fail_msg("case %zu (%s, %s): %d sessions, expected %d", i, cases[i].learner,
			         cases[i].bank, l.count, cases[i].sessions);
	}
	/* A relative path to the bank matches its absolute one. */
	char cwd[512];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	store_filter relative = {.bank = "./china.yaml"};
	session_list l = {0};
	assert_int_equal(store_list_sessions(s, &relative, true, 0, keep_session, &l), STORE_OK);
	assert_int_equal(l.count, 2);
	assert_int_equal(chdir(cwd), 0);

	store_filter others = {.learner = "alice", .exclude_session = first_id};
	session_list rest = {0};
	assert_int_equal(store_list_sessions(s, &others, true, 0, keep_session, &rest), STORE_OK);
	assert_int_equal(rest.count, 1);
	assert_string_equal(rest.rows[0].bank_title, "Another bank");

	store_filter finished = {.finished_only = true};
	session_list done_list = {0};
	assert_int_equal(store_list_sessions(s, &finished, true, 0, keep_session, &done_list),
	                 STORE_OK);
	assert_int_equal(done_list.count, 1);

	int banks = 0;
	assert_int_equal(store_list_banks(s, NULL, count_bank, &banks), STORE_OK);
	assert_int_equal(banks, 2);
	banks = 0;
	assert_int_equal(store_list_banks(s, "a1b2c3", count_bank, &banks), STORE_OK);
	assert_int_equal(banks, 1);
	store_close(s);
	quiz_free(a);
	quiz_free(b);
}

static void test_bank_questions_registered_once(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", "/banks/one.yaml");
	store_session_free(begin(s, q, "alice", "practice"));
	store_session_free(begin(s, q, "bob", "practice"));
	assert_int_equal(query_int(path, "SELECT count(*) FROM question"), 4);
	assert_int_equal(query_int(path, "SELECT count(*) FROM learner"), 2);
	assert_int_equal(query_int(path, "SELECT count(*) FROM bank"), 1);
	/* The same content moved to another file: one bank, its new path. */
	quiz *moved = make_quiz(HASH_A, "China and fentanyl", "/banks/two.yaml");
	store_session_free(begin(s, moved, "alice", "exam"));
	assert_int_equal(query_int(path, "SELECT count(*) FROM bank"), 1);
	assert_string_equal(query_text(path, "SELECT path FROM bank"), "/banks/two.yaml");
	assert_int_equal(query_int(path, "SELECT sum(points) FROM question"), 5);
	store_close(s);
	quiz_free(q);
	quiz_free(moved);
}

static void test_each_answer_is_committed_at_once(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session *ss = begin(s, q, "alice", "practice");
	assert_string_equal(query_text(path, "SELECT status FROM session"), "running");
	static const char *const ids[] = {"meeting-date", "ousted-minister", "largest-source"};
	for (int i = 0; i < 3; i++) {
		record(ss, ids[i], "answer", "correct", 1);
		/* Another connection sees it before anything else happens. */
		assert_int_equal(query_int(path, "SELECT count(*) FROM response"), i + 1);
		assert_int_equal(query_int(path, "SELECT score FROM session"), i + 1);
	}
	store_session_free(ss);
	store_close(s);
	quiz_free(q);
}

static void test_bad_input_is_refused(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session *ss = NULL;

	store_session_options bad_learner = {.learner = "al\x1b[31mice", .mode = "practice"};
	assert_int_equal(store_session_begin(s, q, &bad_learner, &ss), STORE_INVALID);
	store_session_options no_learner = {.learner = "", .mode = "practice"};
	assert_int_equal(store_session_begin(s, q, &no_learner, &ss), STORE_INVALID);
	store_session_options bad_mode = {.learner = "alice", .mode = "party"};
	assert_int_equal(store_session_begin(s, q, &bad_mode, &ss), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(s), "practice, exam, review or study"));
	quiz *unhashed = quiz_new();
	store_session_options fine = {.learner = "alice", .mode = "exam"};
	assert_int_equal(store_session_begin(s, unhashed, &fine, &ss), STORE_INVALID);
	quiz_free(unhashed);
	assert_null(ss);
	assert_int_equal(query_int(path, "SELECT count(*) FROM session"), 0);

	ss = begin(s, q, "alice", "practice");
	assert_int_equal(store_session_override(ss, 1), STORE_INVALID);
	store_response r = {.question_id = "no-such-question", .answer = "x", .verdict = "correct",
	                    .credit = 1};
	assert_int_equal(store_session_record(ss, &r), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(s), "no-such-question"));
	r.question_id = "meeting-date";
	r.verdict = "brilliant";
	assert_int_equal(store_session_record(ss, &r), STORE_INVALID);
	r.verdict = "correct";
	r.credit = 1.5;
	assert_int_equal(store_session_record(ss, &r), STORE_INVALID);
	r.credit = 0.0 / 0.0;
	assert_int_equal(store_session_record(ss, &r), STORE_INVALID);
	assert_int_equal(query_int(path, "SELECT count(*) FROM response"), 0);
	assert_int_equal(query_int(path, "SELECT score FROM session"), 0);

	r.credit = 1;
	assert_int_equal(store_session_record(ss, &r), STORE_OK);
	assert_int_equal(store_session_end(ss, STORE_RUNNING, 1, 5), STORE_INVALID);
	assert_int_equal(store_session_end(ss, STORE_COMPLETE, 1, 5), STORE_OK);
	assert_int_equal(store_session_end(ss, STORE_QUIT, 1, 5), STORE_INVALID);
	assert_int_equal(store_session_record(ss, &r), STORE_INVALID);
	assert_int_equal(query_int(path, "SELECT count(*) FROM response"), 1);
	assert_string_equal(query_text(path, "SELECT status FROM session"), "complete");
	store_session_free(ss);
	store_close(s);
	quiz_free(q);
}

/* --- Orphans ------------------------------------------------------------ */

static void test_orphans_are_marked_interrupted(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session_free(NULL);

	/* A process that records two answers and is killed. */
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		store *s = open_at(path);
		store_set_clock(s, fixed_clock, NULL);
		fixed_time = 1714557600000;
		store_session *ss = begin(s, q, "alice", "practice");
		fixed_time += 7000;
		record(ss, "meeting-date", "June 18", "correct", 1);
		fixed_time += 7000;
		record(ss, "pelosi-cloze", "Pelosi; Taiwan", "correct", 1);
		raise(SIGKILL);
	}
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	assert_string_equal(query_text(path, "SELECT status FROM session"), "running");

	/* This process's own running session, one of another machine, and one
	 * whose pid is alive but belongs to a later process. */
	store *s = open_at(path);
	store_session *mine = begin(s, q, "bob", "practice");
	store_session *elsewhere = begin(s, q, "carol", "practice");
	store_session *reused = begin(s, q, "dave", "practice");
	store_close(s);
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE session SET host = 'another-machine', pid = 1 WHERE id = %lld",
	         (long long)store_session_id(elsewhere));
	exec_sql(path, sql);
	snprintf(sql, sizeof sql, "UPDATE session SET proc_start = 1 WHERE id = %lld",
	         (long long)store_session_id(reused));
	exec_sql(path, sql);

	s = open_at(path);
	store_close(s);
	assert_string_equal(query_text(path, "SELECT status FROM session WHERE learner_id = "
	                                     "(SELECT id FROM learner WHERE name = 'alice')"),
	                    "interrupted");
	/* It ended where its last answer was given, with every answer and its score kept. */
	assert_int_equal(query_int(path, "SELECT ended_at FROM session WHERE id = 1"), 1714557614000);
	assert_int_equal(query_int(path, "SELECT count(*) FROM response WHERE session_id = 1"), 2);
	assert_int_equal(query_int(path, "SELECT score FROM session WHERE id = 1"), 3);
	snprintf(sql, sizeof sql, "SELECT status FROM session WHERE id = %lld",
	         (long long)store_session_id(mine));
	assert_string_equal(query_text(path, sql), "running");
	snprintf(sql, sizeof sql, "SELECT status FROM session WHERE id = %lld",
	         (long long)store_session_id(elsewhere));
	assert_string_equal(query_text(path, sql), "running");
	snprintf(sql, sizeof sql, "SELECT status FROM session WHERE id = %lld",
	         (long long)store_session_id(reused));
	assert_string_equal(query_text(path, sql), "interrupted");
	store_session_free(mine);
	store_session_free(elsewhere);
	store_session_free(reused);
	quiz_free(q);
}

/* --- Failures ----------------------------------------------------------- */

/* The files SQLite would leave beside a database it had written. */
static void assert_no_journal(const char *path)
{
	char side[600];
	static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(side, sizeof side, "%s%s", path, suffixes[i]);
		if (exists(side))
			fail_msg("%s was left behind", side);
	}
}

static void test_fail_not_a_database(void **state)
{
	(void)state;
	char *path = path_in("notes.db");
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 200; i++)
		fputs("These are my notes, not a database.\n", f);
	fclose(f);
	char *before = slurp(path);
	char *msg = NULL;
	assert_int_equal(try_open(path, true, false, 0, &msg), STORE_NOTADB);
	assert_non_null(strstr(msg, path));
	assert_non_null(strstr(msg, "not a recall database"));
	free(msg);
	char *after = slurp(path);
	assert_string_equal(before, after);
	assert_no_journal(path);
	free(before);
	free(after);

	/* A folder given as the database. */
	assert_int_equal(try_open(dir, true, false, 0, &msg), STORE_NOTADB);
	assert_non_null(strstr(msg, "folder"));
	free(msg);
}

static void test_fail_another_programs_database(void **state)
{
	(void)state;
	char *path = path_in("other.db");
	exec_sql(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
	char *before = slurp(path);
	size_t size = file_size(path);
	char *msg = NULL;
	assert_int_equal(try_open(path, true, false, 0, &msg), STORE_NOTADB);
	assert_non_null(strstr(msg, "not recall's"));
	free(msg);
	assert_int_equal(file_size(path), size);
	char *after = slurp(path);
	assert_memory_equal(before, after, size);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 0);
	free(before);
	free(after);

	/* A database of another program that set its own application id. */
	char *pack = path_in("pack.quiz");
	exec_sql(pack, "PRAGMA application_id = 1234;");
	assert_int_equal(try_open(pack, true, false, 0, &msg), STORE_NOTADB);
	free(msg);
}

static void test_fail_newer_schema(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session *ss = begin(s, q, "alice", "practice");
	record(ss, "meeting-date", "x", "correct", 1);
	store_session_free(ss);
	store_close(s);
	/* A running session whose process is gone: an open that went ahead
	 * would mark it. */
	exec_sql(path, "UPDATE session SET pid = 999999999; PRAGMA user_version = 99;");
	size_t size = file_size(path);
	char *before = slurp(path);
	char *msg = NULL;
	assert_int_equal(try_open(path, true, false, 0, &msg), STORE_TOO_NEW);
	assert_non_null(strstr(msg, "newer"));
	assert_non_null(strstr(msg, "99"));
	free(msg);
	assert_int_equal(try_open(path, false, true, 0, &msg), STORE_TOO_NEW);
	free(msg);
	assert_int_equal(file_size(path), size);
	char *after = slurp(path);
	assert_memory_equal(before, after, size);
	assert_no_journal(path);
	assert_string_equal(query_text(path, "SELECT status FROM session"), "running");
	free(before);
	free(after);
	quiz_free(q);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

static void test_fail_locked_beyond_timeout(void **state)
{
	(void)state;
	char *path = path_in("recall.db");
	store *s = open_at(path);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session *ss = begin(s, q, "alice", "practice");

	/* Another process holds the write lock. */
	sqlite3 *other;
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);

	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	char *msg = NULL;
	assert_int_equal(try_open(path, true, false, 200, &msg), STORE_LOCKED);
	assert_true(seconds_since(&start) >= 0.19);
	assert_non_null(strstr(msg, "locked"));
	assert_non_null(strstr(msg, path));
	free(msg);
	/* Reading needs no lock in WAL mode. */
	assert_int_equal(try_open(path, false, true, 200, &msg), STORE_OK);

	/* A store opened for reading meanwhile cannot begin a session... */
	store_close(s);
	store_options opt = {.path = path, .busy_timeout_ms = 200};
	assert_int_equal(store_open(&opt, &s, &msg), STORE_OK);
	store_session_free(ss);
	store_session_options so = {.learner = "bob", .mode = "exam"};
	assert_int_equal(store_session_begin(s, q, &so, &ss), STORE_LOCKED);
	assert_null(ss);
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(query_int(path, "SELECT count(*) FROM session"), 1);

	/* ...nor record an answer: it waits, then fails with nothing written. */
	ss = begin(s, q, "bob", "exam");
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	store_response r = {.question_id = "meeting-date", .answer = "x", .verdict = "correct",
	                    .credit = 1};
	assert_int_equal(store_session_record(ss, &r), STORE_LOCKED);
	assert_non_null(strstr(store_errmsg(s), "locked"));
	assert_int_equal(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(query_int(path, "SELECT count(*) FROM response"), 0);
	assert_int_equal(store_session_responses(ss), 0);
	/* Once the lock is gone the same answer goes in. */
	assert_int_equal(store_session_record(ss, &r), STORE_OK);
	assert_int_equal(query_int(path, "SELECT count(*) FROM response"), 1);
	store_session_free(ss);
	store_close(s);

	/* A process holding the database in exclusive mode locks out readers too. */
	assert_int_equal(sqlite3_exec(other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
	                                     "SELECT count(*) FROM session;",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(try_open(path, false, true, 200, &msg), STORE_LOCKED);
	assert_non_null(strstr(msg, "locked"));
	free(msg);
	sqlite3_close(other);
	quiz_free(q);
}

/* Runs `check` as a user who cannot write where root could: the tests may
 * run as root, whom no permission bit stops. Returns the check's result. */
static int as_unprivileged(int (*check)(void))
{
	if (geteuid() != 0)
		return check();
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(99);
		_exit(check());
	}
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static char *readonly_target;

static int open_readonly_target(void)
{
	char *msg = NULL;
	store_options opt = {.path = readonly_target, .write = true};
	store *s = NULL;
	store_status status = store_open(&opt, &s, &msg);
	int result = (int)status;
	if (status == STORE_OK) {
		store_close(s);
	} else if (!strstr(msg, readonly_target) && !strstr(msg, "writable")) {
		result = 100;
	}
	free(msg);
	return result;
}

static int read_readonly_target(void)
{
	char *msg = NULL;
	store_options opt = {.path = readonly_target, .must_exist = true};
	store *s = NULL;
	store_status status = store_open(&opt, &s, &msg);
	free(msg);
	if (status != STORE_OK)
		return (int)status;
	store_filter all = {0};
	store_summary sum;
	int result = store_summarize(s, &all, &sum) == STORE_OK && sum.sessions == 1 ? 0 : 101;
	/* Reading it is all: a session cannot begin. */
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session_options so = {.learner = "mallory", .mode = "practice"};
	store_session *ss = NULL;
	if (result == 0 && store_session_begin(s, q, &so, &ss) != STORE_READONLY)
		result = 102;
	store_session_free(ss);
	quiz_free(q);
	store_close(s);
	return result;
}

static void test_fail_read_only_folder(void **state)
{
	(void)state;
	/* A new database in a read-only folder. */
	char *locked_dir = path_in("locked");
	assert_int_equal(mkdir(locked_dir, 0755), 0);
	assert_int_equal(chmod(locked_dir, 0555), 0);
	readonly_target = path_in("locked/recall.db");
	assert_int_equal(as_unprivileged(open_readonly_target), STORE_READONLY);
	assert_false(exists(readonly_target));
	/* Its folder to be made inside a read-only one. */
	readonly_target = path_in("locked/deeper/recall.db");
	assert_int_equal(as_unprivileged(open_readonly_target), STORE_READONLY);
	assert_false(exists(path_in("locked/deeper")));

	/* An existing database, writable itself, in a folder turned read-only:
	 * SQLite could not write its WAL beside it. */
	char *shared = path_in("shared");
	assert_int_equal(mkdir(shared, 0777), 0);
	assert_int_equal(chmod(shared, 0777), 0);
	readonly_target = path_in("shared/recall.db");
	store *s = open_at(readonly_target);
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	store_session *ss = begin(s, q, "alice", "practice");
	assert_int_equal(store_session_end(ss, STORE_COMPLETE, 1, 5), STORE_OK);
	store_session_free(ss);
	store_close(s);
	quiz_free(q);
	assert_int_equal(chmod(readonly_target, 0666), 0);
	assert_int_equal(chmod(shared, 0555), 0);
	size_t size = file_size(readonly_target);
	char *before = slurp(readonly_target);
	assert_int_equal(as_unprivileged(open_readonly_target), STORE_READONLY);
	/* What is there can still be read. */
	assert_int_equal(as_unprivileged(read_readonly_target), 0);
	char *after = slurp(readonly_target);
	assert_memory_equal(before, after, size);
	assert_no_journal(readonly_target);
	free(before);
	free(after);

	/* A database file that is read-only itself. */
	assert_int_equal(chmod(shared, 0777), 0);
	assert_int_equal(chmod(readonly_target, 0444), 0);
	assert_int_equal(as_unprivileged(open_readonly_target), STORE_READONLY);
	assert_int_equal(as_unprivileged(read_readonly_target), 0);
}

/* --- Migrations --------------------------------------------------------- */

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	return db;
}

static void test_migrate_steps_forward(void **state)
{
	(void)state;
	char *path = path_in("migrate.db");
	static const char *const steps[] = {
		"CREATE TABLE item (name TEXT NOT NULL);",
		"ALTER TABLE item ADD COLUMN size INTEGER NOT NULL DEFAULT 0;",
		"CREATE TABLE tag (item_rowid INTEGER, tag TEXT); UPDATE item SET size = 7;",
		"CREATE TABLE half_done (x); SELECT no_such_function();",
	};
	char *msg = NULL;
	sqlite3 *db = raw_open(path);

	/* From nothing to version 2. */
	assert_int_equal(store_migrate(db, steps, 2, &msg), STORE_OK);
	assert_null(msg);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 2);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO item (name, size) VALUES ('kept', 3)", NULL,
	                              NULL, NULL),
	                 SQLITE_OK);

	/* A program that knows version 3 brings it forward, keeping the data. */
	assert_int_equal(store_migrate(db, steps, 3, &msg), STORE_OK);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 3);
	assert_int_equal(query_int(path, "SELECT size FROM item WHERE name = 'kept'"), 7);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'tag'"), 1);

	/* A step that fails leaves the database as it was. */
	assert_int_equal(store_migrate(db, steps, 4, &msg), STORE_IO);
	assert_non_null(strstr(msg, "from schema version 3 to 4"));
	free(msg);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 3);
	assert_int_equal(query_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = "
	                                 "'half_done'"),
	                 0);

	/* An older program refuses it. */
	assert_int_equal(store_migrate(db, steps, 2, &msg), STORE_TOO_NEW);
	assert_non_null(strstr(msg, "version 3"));
	free(msg);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 3);
	sqlite3_close(db);

	/* Several steps at once, all or nothing. */
	char *fresh = path_in("fresh.db");
	db = raw_open(fresh);
	assert_int_equal(store_migrate(db, steps, 4, &msg), STORE_IO);
	free(msg);
	assert_int_equal(query_int(fresh, "PRAGMA user_version"), 0);
	assert_int_equal(query_int(fresh, "SELECT count(*) FROM sqlite_schema"), 0);
	assert_int_equal(store_migrate(db, steps, 3, &msg), STORE_OK);
	assert_int_equal(query_int(fresh, "PRAGMA user_version"), 3);
	sqlite3_close(db);
}

/* Schema version 1 as first released. Frozen: a later version adds steps,
 * and this test then checks that a version-1 database still opens with
 * everything in it. */
static const char schema_v1[] =
	"PRAGMA application_id = 1380139340;"
	"CREATE TABLE learner (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	" created_at INTEGER NOT NULL);"
	"CREATE TABLE bank (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL,"
	" path TEXT, added_at INTEGER NOT NULL);"
	"CREATE TABLE question (id INTEGER PRIMARY KEY, bank_id INTEGER NOT NULL REFERENCES bank(id),"
	" qid TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, prompt TEXT NOT NULL,"
	" answer TEXT, points REAL NOT NULL, UNIQUE (bank_id, qid));"
	"CREATE TABLE session (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	" learner_id INTEGER NOT NULL REFERENCES learner(id), bank_id INTEGER NOT NULL REFERENCES"
	" bank(id), mode TEXT NOT NULL, seed INTEGER, planned INTEGER NOT NULL, started_at INTEGER"
	" NOT NULL, ended_at INTEGER, status TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT"
	" NULL, host TEXT, pid INTEGER, proc_start INTEGER);"
	"CREATE INDEX session_by_learner ON session (learner_id, started_at);"
	"CREATE INDEX session_by_bank ON session (bank_id, started_at);"
	"CREATE INDEX session_running ON session (host) WHERE status = 'running';"
	"CREATE TABLE response (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES"
	" session(id), seq INTEGER NOT NULL, question_id INTEGER NOT NULL REFERENCES question(id),"
	" answer TEXT NOT NULL, verdict TEXT NOT NULL, graded_credit REAL NOT NULL, credit REAL NOT"
	" NULL, hints INTEGER NOT NULL, passage INTEGER NOT NULL, override INTEGER NOT NULL DEFAULT"
	" 0, time_ms INTEGER NOT NULL, answered_at INTEGER NOT NULL, UNIQUE (session_id, seq));"
	"CREATE INDEX response_by_question ON response (question_id);"
	"PRAGMA user_version = 1;";

static void test_older_databases_open(void **state)
{
	(void)state;
	/* Version 0: an empty file, and an empty SQLite database. */
	char *empty = path_in("empty.db");
	FILE *f = fopen(empty, "w");
	fclose(f);
	store_close(open_at(empty));
	assert_int_equal(query_int(empty, "PRAGMA user_version"), store_schema_version());
	char *blank = path_in("blank.db");
	exec_sql(blank, "PRAGMA user_version = 0; VACUUM;");
	store_close(open_at(blank));
	assert_int_equal(query_int(blank, "PRAGMA user_version"), store_schema_version());

	/* Version 1 with results in it. */
	char *v1 = path_in("v1.db");
	exec_sql(v1, schema_v1);
	exec_sql(v1,
	         "INSERT INTO learner VALUES (1, 'alice', 0);"
	         "INSERT INTO bank VALUES (1, '" HASH_A "', 'Old bank', '/old.yaml', 0);"
	         "INSERT INTO question VALUES (1, 1, 'q1', 1, 'date', 'When?', '2023', 1);"
	         "INSERT INTO session VALUES (1, '11111111-2222-4333-8444-555555555555', 1, 1,"
	         " 'practice', NULL, 1, 1000, 2000, 'complete', 1, 1, 'elsewhere', 1, NULL);"
	         "INSERT INTO response VALUES (1, 1, 1, 1, '2023', 'correct', 1, 1, 0, 0, 0, 900,"
	         " 1500);");
	store *s = open_at(v1);
	store_filter all = {0};
	session_list l = {0};
	assert_int_equal(store_list_sessions(s, &all, true, 0, keep_session, &l), STORE_OK);
	assert_int_equal(l.count, 1);
	assert_string_equal(l.rows[0].uuid, "11111111-2222-4333-8444-555555555555");
	assert_string_equal(l.rows[0].bank_title, "Old bank");
	assert_int_equal(l.rows[0].answered, 1);
	/* And it takes new sessions, on its banks and questions as they are. */
	quiz *q = make_quiz(HASH_A, "Old bank", NULL);
	store_session *ss = begin(s, q, "alice", "exam");
	record(ss, "q1", "2023", "correct", 1);
	record(ss, "meeting-date", "x", "correct", 1);
	store_session_free(ss);
	store_close(s);
	quiz_free(q);
	assert_int_equal(query_int(v1, "PRAGMA user_version"), store_schema_version());
	assert_int_equal(query_int(v1, "SELECT count(*) FROM session"), 2);
	assert_int_equal(query_int(v1, "SELECT count(*) FROM learner"), 1);
	assert_int_equal(query_int(v1, "SELECT count(*) FROM response"), 3);
}

/* --- Many writers ------------------------------------------------------- */

#define WRITERS 20
#define ANSWERS 12

static int write_one_session(const char *path, int n)
{
	store_options opt = {.path = path, .write = true, .busy_timeout_ms = 60000};
	store *s;
	char *msg;
	if (store_open(&opt, &s, &msg) != STORE_OK) {
		fprintf(stderr, "writer %d: %s\n", n, msg);
		return 1;
	}
	quiz *q = make_quiz(HASH_A, "China and fentanyl", NULL);
	char name[32];
	snprintf(name, sizeof name, "student-%02d", n);
	store_session_options so = {.learner = name, .mode = "exam", .planned = ANSWERS,
	                            .max_score = ANSWERS};
	store_session *ss;
	int result = 0;
	if (store_session_begin(s, q, &so, &ss) != STORE_OK) {
		fprintf(stderr, "writer %d: %s\n", n, store_errmsg(s));
		result = 2;
		goto out;
	}
	static const char *const ids[] = {"meeting-date", "ousted-minister", "largest-source"};
	for (int i = 0; i < ANSWERS; i++) {
		char answer[64];
		snprintf(answer, sizeof answer, "answer %d of %s", i, name);
		store_response r = {.question_id = ids[i % 3], .answer = answer,
		                    .verdict = i % 2 ? "wrong" : "correct", .credit = i % 2 ? 0 : 1};
		if (store_session_record(ss, &r) != STORE_OK) {
			fprintf(stderr, "writer %d: %s\n", n, store_errmsg(s));
			result = 3;
			goto out;
		}
	}
	if (store_session_end(ss, STORE_COMPLETE, ANSWERS / 2, ANSWERS) != STORE_OK)
		result = 4;
out:
	store_session_free(ss);
	store_close(s);
	quiz_free(q);
	return result;
}

static void test_many_writers_lose_nothing(void **state)
{
	(void)state;
	/* They all start at once on a database none of them has created yet,
	 * as a class does on the first morning. */
	char *path = path_in("class/recall.db");
	pid_t children[WRITERS];
	int go[2];
	assert_int_equal(pipe(go), 0);
	for (int i = 0; i < WRITERS; i++) {
		children[i] = fork();
		assert_true(children[i] >= 0);
		if (children[i] == 0) {
			char c;
			close(go[1]);
			if (read(go[0], &c, 1) != 0)
				_exit(90);
			_exit(write_one_session(path, i));
		}
	}
	close(go[0]);
	close(go[1]);  /* every child's read returns now */
	for (int i = 0; i < WRITERS; i++) {
		int status;
		assert_int_equal(waitpid(children[i], &status, 0), children[i]);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fail_msg("writer %d failed (status %d)", i, status);
	}
	assert_int_equal(query_int(path, "SELECT count(*) FROM session WHERE status = 'complete'"),
	                 WRITERS);
	assert_int_equal(query_int(path, "SELECT count(*) FROM response"), WRITERS * ANSWERS);
	assert_int_equal(query_int(path, "SELECT count(DISTINCT uuid) FROM session"), WRITERS);
	assert_int_equal(query_int(path, "SELECT count(*) FROM learner"), WRITERS);
	assert_int_equal(query_int(path, "SELECT count(*) FROM bank"), 1);
	assert_int_equal(query_int(path, "SELECT count(*) FROM question"), 4);
	/* Every session holds its answers in order, 1 to ANSWERS, and its score. */
	assert_int_equal(query_int(path, "SELECT count(*) FROM (SELECT session_id FROM response"
	                                 " GROUP BY session_id HAVING count(*) = 12 AND"
	                                 " min(seq) = 1 AND max(seq) = 12)"),
	                 WRITERS);
	assert_int_equal(query_int(path, "SELECT count(*) FROM session WHERE score = 6"), WRITERS);
	assert_string_equal(query_text(path, "PRAGMA integrity_check"), "ok");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_creates_database_and_folders, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_path_and_learner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_database_is_not_created, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_queries_see_what_was_recorded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filters_by_learner_and_bank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bank_questions_registered_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_each_answer_is_committed_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_orphans_are_marked_interrupted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_not_a_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_another_programs_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_newer_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_locked_beyond_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fail_read_only_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_steps_forward, setup, teardown),
		cmocka_unit_test_setup_teardown(test_older_databases_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_writers_lose_nothing, setup, teardown),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
