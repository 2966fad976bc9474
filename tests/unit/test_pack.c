/* test_pack.c - packs: round trip, refusal of damaged and foreign files; SHA-256 */
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

#include "bank.h"
#include "pack.h"
#include "sha256.h"

#define SAMPLE "quizzes/china-fentanyl-sanctions.yaml"

static char folder[64];

static int setup(void **state)
{
	(void)state;
	strcpy(folder, "/tmp/recall-test-pack-XXXXXX");
	return mkdtemp(folder) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char command[160];
	snprintf(command, sizeof command, "rm -rf '%s'", folder);
	return system(command) == 0 ? 0 : -1;
}

static const char *in_folder(const char *name)
{
	static char path[4][160];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, 160, "%s/%s", folder, name);
	return p;
}

static const char *hex_of(const void *data, size_t len)
{
	static char hex[65];
	sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, data, len);
	sha256_final_hex(&c, hex);
	return hex;
}

static void test_sha256_vectors(void **state)
{
	(void)state;
	assert_string_equal(hex_of("", 0),
	                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(hex_of("abc", 3),
	                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	assert_string_equal(hex_of(two_blocks, strlen(two_blocks)),
	                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* A million 'a', fed in uneven pieces. */
	char *a = malloc(1000000);
	memset(a, 'a', 1000000);
	sha256_ctx c;
	sha256_init(&c);
	for (size_t at = 0, step = 1; at < 1000000; at += step, step = step * 7 % 1013 + 1)
		sha256_update(&c, a + at, at + step > 1000000 ? 1000000 - at : step);
	char hex[65];
	sha256_final_hex(&c, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static quiz *sample(void)
{
	diag_list *d = diag_list_new();
	quiz *q = bank_compile(SAMPLE, NULL, d);
	assert_non_null(q);
	diag_list_free(d);
	return q;
}

static void assert_same_strings(quiz_strings a, quiz_strings b)
{
	assert_int_equal(a.count, b.count);
	for (size_t i = 0; i < a.count; i++)
		assert_string_equal(a.items[i], b.items[i]);
}

static void assert_same_text(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void test_round_trip(void **state)
{
	(void)state;
	quiz *bank = sample();
	diag_list *d = diag_list_new();
	const char *path = in_folder("sample.quiz");
	assert_int_equal(pack_write(bank, path, d), 0);
	quiz *pack = pack_load(path, d);
	assert_non_null(pack);
	assert_int_equal(diag_count(d), 0);

	char a[65], b[65];
	pack_digest(bank, a);
	pack_digest(pack, b);
	assert_string_equal(a, b);
	assert_string_equal(quiz_hash(bank), quiz_hash(pack));
	assert_string_equal(quiz_title(bank), quiz_title(pack));
	assert_string_equal(quiz_bank_path(pack), path);
	size_t la, lb;
	const char *ta = article_text(quiz_article(bank), &la);
	const char *tb = article_text(quiz_article(pack), &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(ta, tb, la);
	assert_int_equal(quiz_question_count(bank), quiz_question_count(pack));
	assert_int_equal(quiz_actor_count(bank), quiz_actor_count(pack));
	for (size_t i = 0; i < quiz_question_count(bank); i++) {
		const quiz_question *x = quiz_question_at(bank, i), *y = quiz_question_at(pack, i);
		assert_string_equal(x->id, y->id);
		assert_int_equal(x->kind, y->kind);
		assert_same_text(x->prompt, y->prompt);
		assert_same_text(x->answer_text, y->answer_text);
		assert_same_text(x->explain, y->explain);
		assert_int_equal(x->source.paragraph, y->source.paragraph);
		switch (x->kind) {
		case QUIZ_CHOICE:
			assert_same_strings(x->choices, y->choices);
			assert_int_equal(x->n_correct, y->n_correct);
			break;
		case QUIZ_ORDER:
			assert_same_strings(x->items, y->items);
			break;
		case QUIZ_MATCH:
			assert_int_equal(x->n_pairs, y->n_pairs);
			break;
		case QUIZ_CLOZE:
			assert_int_equal(x->n_blanks, y->n_blanks);
			break;
		case QUIZ_ACTOR:
			assert_non_null(y->actor);
			assert_same_text(x->actor->id, y->actor->id);
			assert_string_equal(x->actor->name, y->actor->name);
			assert_same_strings(x->actor->aliases, y->actor->aliases);
			break;
		default:
			break;
		}
		assert_ptr_equal(quiz_find(pack, x->id), y);
	}
	quiz_free(pack);
	quiz_free(bank);
	diag_list_free(d);
}

static const char *first_error(const char *path)
{
	static char message[256];
	diag_list *d = diag_list_new();
	quiz *q = pack_load(path, d);
	assert_null(q);
	assert_true(diag_errors(d) > 0);
	snprintf(message, sizeof message, "%s", diag_at(d, 0)->message);
	diag_list_free(d);
	return message;
}

static void copy_prefix(const char *from, const char *to, long bytes)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	int c;
	for (long n = 0; (bytes < 0 || n < bytes) && (c = getc(in)) != EOF; n++)
		putc(c, out);
	fclose(in);
	fclose(out);
}

static void run_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_refuses_damaged_and_foreign(void **state)
{
	(void)state;
	quiz *bank = sample();
	diag_list *d = diag_list_new();
	char good[160];
	snprintf(good, sizeof good, "%s", in_folder("good.quiz"));
	assert_int_equal(pack_write(bank, good, d), 0);
	quiz_free(bank);
	diag_list_free(d);

	/* Truncated at several places, header included. */
	static const long cuts[] = {100, 4096, 8192, 20000, 40000};
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		const char *cut = in_folder("cut.quiz");
		copy_prefix(good, cut, cuts[i]);
		const char *msg = first_error(cut);
		assert_true(strstr(msg, "damaged pack") || strstr(msg, "not a recall pack") ||
		            strstr(msg, "cannot open"));
	}

	const char *foreign = in_folder("foreign.quiz");
	run_sql(foreign, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
	assert_string_equal(first_error(foreign), "not a recall pack");

	const char *newer = in_folder("newer.quiz");
	copy_prefix(good, newer, -1);
	run_sql(newer, "PRAGMA user_version = 99;");
	assert_non_null(strstr(first_error(newer), "pack format 99"));

	const char *edited = in_folder("edited.quiz");
	copy_prefix(good, edited, -1);
	run_sql(edited, "UPDATE questions SET answer_text = 'no' WHERE position = 0;");
	assert_non_null(strstr(first_error(edited), "do not match their digest"));

	const char *out_of_range = in_folder("range.quiz");
	copy_prefix(good, out_of_range, -1);
	run_sql(out_of_range, "UPDATE question_lists SET value = 99 WHERE list = 'correct';");
	assert_non_null(strstr(first_error(out_of_range), "not among its choices"));

	/* The answer of another kind than the question's own. */
	const char *stray = in_folder("stray.quiz");
	copy_prefix(good, stray, -1);
	run_sql(stray, "UPDATE questions SET number_value = 5 WHERE kind = 'date';");
	assert_non_null(strstr(first_error(stray), "holds a number answer but is a date question"));
	copy_prefix(good, stray, -1);
	run_sql(stray, "INSERT INTO question_lists SELECT position, 'choices', 0, 'x' FROM questions"
	               " WHERE kind = 'text' LIMIT 1;");
	assert_non_null(strstr(first_error(stray), "has choices but is a text question"));
	copy_prefix(good, stray, -1);
	run_sql(stray, "INSERT INTO blanks SELECT position, 0, 0, 'x' FROM questions"
	               " WHERE kind = 'match' LIMIT 1;");
	assert_non_null(strstr(first_error(stray), "has blanks but is a match question"));

	const char *dropped = in_folder("dropped.quiz");
	copy_prefix(good, dropped, -1);
	run_sql(dropped, "DROP TABLE blanks;");
	assert_non_null(strstr(first_error(dropped), "damaged pack"));

	/* Anything beyond a pack's schema is refused before a row is read. */
	const char *triggered = in_folder("trigger.quiz");
	copy_prefix(good, triggered, -1);
	run_sql(triggered, "CREATE TRIGGER t AFTER DELETE ON pairs BEGIN DELETE FROM blanks; END;");
	assert_non_null(strstr(first_error(triggered), "its schema is not a pack's"));
	const char *viewed = in_folder("view.quiz");
	copy_prefix(good, viewed, -1);
	run_sql(viewed, "CREATE VIEW v AS SELECT 1;");
	assert_non_null(strstr(first_error(viewed), "its schema is not a pack's"));

	/* A header that claims more rows than there are allocates nothing. */
	const char *claims = in_folder("claims.quiz");
	copy_prefix(good, claims, -1);
	run_sql(claims, "UPDATE pack SET questions = 100000000;");
	assert_non_null(strstr(first_error(claims), "does not hold the 100000000 questions"));

	/* A name SQLite would read as a URI is a file name all the same. */
	const char *uri = in_folder("file:x.quiz?mode=memory");
	copy_prefix(good, uri, -1);
	d = diag_list_new();
	quiz *loaded = pack_load(uri, d);
	assert_non_null(loaded);
	quiz_free(loaded);
	diag_list_free(d);

	/* Random bytes behind a real SQLite header. */
	const char *noise = in_folder("noise.quiz");
	copy_prefix(good, noise, 100);
	FILE *f = fopen(noise, "ab");
	srand(5);
	for (int i = 0; i < 60000; i++)
		putc(rand() & 0xFF, f);
	fclose(f);
	assert_non_null(strstr(first_error(noise), "pack"));
}

static void test_write_failure_leaves_nothing(void **state)
{
	(void)state;
	quiz *bank = sample();
	diag_list *d = diag_list_new();
	assert_int_equal(pack_write(bank, "/nonexistent-folder/x.quiz", d), -1);
	assert_int_equal(diag_errors(d), 1);
	assert_non_null(strstr(diag_at(d, 0)->message, "cannot write the pack"));
	quiz_free(bank);
	diag_list_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refuses_damaged_and_foreign),
		cmocka_unit_test(test_write_failure_leaves_nothing),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
