/* test_cards.c - how answers fold into review cards, calendar days, times and pins */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>

#include "cards.h"
#include "sections.h"
#include "store.h"

#define DAY (86400 * 1000LL)

static int64_t at(const char *text)
{
	int64_t ms = 0;
	assert_true(cards_parse_time(text, &ms));
	return ms;
}

static void test_ratings(void **state)
{
	(void)state;
	assert_int_equal(cards_rating("correct", false), FSRS_GOOD);
	assert_int_equal(cards_rating("wrong", true), FSRS_GOOD);
	assert_int_equal(cards_rating("close", false), FSRS_HARD);
	assert_int_equal(cards_rating("partial", false), FSRS_HARD);
	assert_int_equal(cards_rating("wrong", false), FSRS_AGAIN);
	assert_int_equal(cards_rating("skipped", false), FSRS_AGAIN);
	assert_int_equal(cards_rating("ambiguous", false), 0);
	assert_int_equal(cards_rating("nonsense", false), 0);
}

static void test_times(void **state)
{
	(void)state;
	assert_int_equal(at("2026-03-01"), 1772323200000LL);
	assert_int_equal(at("2026-03-01T10:00"), 1772323200000LL + 10 * 3600000LL);
	assert_int_equal(at("2026-03-01 10:00:30"), 1772323200000LL + 10 * 3600000LL + 30000);
	assert_int_equal(at("@60"), 60000);
	int64_t ms;
	assert_false(cards_parse_time("2026-02-30", &ms));
	assert_false(cards_parse_time("2026-03-01T25:00", &ms));
	assert_false(cards_parse_time("tomorrow", &ms));
	assert_false(cards_parse_time("2026-03-01x", &ms));
	assert_false(cards_parse_time("", &ms));
}

static void test_days(void **state)
{
	(void)state;
	/* Late in the evening and early the next morning: one calendar day. */
	assert_int_equal(cards_days_between(at("2026-03-01T23:30"), at("2026-03-02T00:10")), 1);
	assert_int_equal(cards_days_between(at("2026-03-01T00:10"), at("2026-03-01T23:30")), 0);
	assert_int_equal(cards_days_between(at("2026-03-05"), at("2026-03-01")), -4);
	assert_int_equal(cards_day_start(at("2026-03-01T15:00"), 2), at("2026-03-03"));
	assert_int_equal(cards_day_start(at("2026-12-31T15:00"), 1), at("2027-01-01"));
}

/* Answers fold into FSRS-6: Good, Good on their due days; Again the next day. */
static void test_apply(void **state)
{
	(void)state;
	card_state c = {0};
	cards_apply(&c, "correct", false, at("2026-03-01T10:00"));
	assert_true(fabs(c.memory.stability - 2.3065) < 1e-4);
	assert_int_equal(c.due_ms, at("2026-03-03"));
	cards_apply(&c, "correct", false, at("2026-03-03T09:00"));
	assert_true(fabs(c.memory.stability - 10.9643) < 1e-4);
	assert_int_equal(c.due_ms, at("2026-03-14"));
	assert_int_equal(c.reviews, 1);
	assert_int_equal(c.recalled, 1);
	cards_apply(&c, "ambiguous", false, at("2026-03-14T09:00"));
	assert_int_equal(c.reps, 2);
	cards_apply(&c, "wrong", false, at("2026-03-14T09:00"));
	assert_int_equal(c.lapses, 1);
	assert_int_equal(c.reviews, 2);
	assert_int_equal(c.recalled, 1);
	assert_true(fabs(c.memory.stability - 1.538337) < 1e-4);
	assert_int_equal(c.due_ms, at("2026-03-16"));
	/* Again then Good the same day: the short-term formula, due the next day. */
	card_state d = {0};
	cards_apply(&d, "wrong", false, at("2026-03-01T10:00"));
	cards_apply(&d, "correct", false, at("2026-03-01T10:20"));
	assert_true(d.memory.stability > 0.212);
	assert_int_equal(d.reviews, 0);
	assert_int_equal(d.due_ms, at("2026-03-02"));
	/* A higher retention brings the due date forward. */
	assert_true(cards_due_ms(at("2026-03-01"), 10, 0.97) < cards_due_ms(at("2026-03-01"), 10, 0.9));
}

static void test_pins(void **state)
{
	(void)state;
	assert_int_equal(sections_pin_paragraph("\xc2\xb6" "12"), 12);
	assert_int_equal(sections_pin_paragraph("p3"), 3);
	assert_int_equal(sections_pin_paragraph("Empty promises"), 0);
	assert_int_equal(sections_pin_paragraph("\xc2\xb6"), 0);
	assert_int_equal(sections_pin_paragraph("\xc2\xb6" "1a"), 0);
}

/* --- In the store ------------------------------------------------------- */

static int64_t fixed_ms;
static int64_t fixed_clock(void *ctx)
{
	(void)ctx;
	return fixed_ms;
}

static quiz *two_questions(void)
{
	quiz *q = quiz_new();
	quiz_set_hash(q, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
	quiz_set_title(q, "Cards");
	const char *ids[] = {"first", "second"};
	for (int i = 0; i < 2; i++) {
		quiz_question *qq = quiz_add_question(q);
		qq->id = arena_strdup(quiz_arena(q), ids[i]);
		qq->kind = QUIZ_TEXT;
		qq->points = 1;
		qq->prompt = arena_strdup(quiz_arena(q), "A question?");
		qq->answer_text = arena_strdup(quiz_arena(q), "right");
	}
	return q;
}

typedef struct {
	char qid[16];
	card_state state;
	int seen;
} found_card;

static int find_card(const card_row *row, void *ctx)
{
	found_card *f = ctx;
	if (strcmp(row->question_id, f->qid) == 0) {
		f->state = row->state;
		f->seen++;
	}
	return 0;
}

static card_state card_of(store *s, const char *qid)
{
	found_card f = {0};
	snprintf(f.qid, sizeof f.qid, "%s", qid);
	assert_int_equal(cards_list(s, "ana", NULL, INT64_MAX, find_card, &f), STORE_OK);
	assert_int_equal(f.seen, 1);
	return f.state;
}

static void answer(store_session *ss, const char *qid, const char *verdict)
{
	store_response r = {.question_id = qid, .answer = "x", .verdict = verdict,
	                    .credit = strcmp(verdict, "correct") == 0 ? 1 : 0};
	assert_int_equal(store_session_record(ss, &r), STORE_OK);
}

static void test_store_cards(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_cards.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/recall.db", dir);
	store_options opt = {.path = path, .write = true};
	store *s = NULL;
	char *msg = NULL;
	assert_int_equal(store_open(&opt, &s, &msg), STORE_OK);
	store_set_clock(s, fixed_clock, NULL);
	quiz *q = two_questions();
	store_session_options so = {.learner = "ana", .mode = "practice", .planned = 2, .max_score = 2};
	store_session *ss = NULL;

	fixed_ms = at("2026-03-01T10:00");
	assert_int_equal(store_session_begin(s, q, &so, &ss), STORE_OK);
	answer(ss, "first", "correct");
	answer(ss, "second", "wrong");
	/* Each answer has its card as soon as it is recorded. */
	card_state first = card_of(s, "first"), second = card_of(s, "second");
	assert_int_equal(first.due_ms, at("2026-03-03"));
	assert_int_equal(second.due_ms, at("2026-03-02"));
	/* An override counts the last answer as Good. */
	assert_int_equal(store_session_override(ss, 1), STORE_OK);
	second = card_of(s, "second");
	assert_true(fabs(second.memory.stability - 2.3065) < 1e-4);
	assert_int_equal(store_session_end(ss, STORE_COMPLETE, 2, 2), STORE_OK);
	store_session_free(ss);

	/* Due cards come soonest first, and only those due. */
	fixed_ms = at("2026-03-03T08:00");
	found_card f = {.qid = "first"};
	assert_int_equal(cards_list(s, "ana", NULL, fixed_ms, find_card, &f), STORE_OK);
	assert_int_equal(f.seen, 1);
	size_t before[2];
	bool any = false;
	int64_t bounds[2] = {at("2026-03-03"), at("2026-03-04")};
	assert_int_equal(cards_count(s, "ana", NULL, bounds, 2, before, &any), STORE_OK);
	assert_true(any);
	assert_int_equal(before[0], 0);
	assert_int_equal(before[1], 2);

	/* A result changed behind the store's back (a regrade): the rebuild
	 * replays it, for the learner and the bank named. */
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE response SET verdict = 'wrong', override = 0",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(cards_rebuild(s, "ana", "Cards"), STORE_OK);
	assert_int_equal(card_of(s, "first").due_ms, at("2026-03-02"));
	assert_int_equal(card_of(s, "second").due_ms, at("2026-03-02"));
	/* Another learner's or another bank's rebuild leaves these alone. */
	assert_int_equal(cards_rebuild(s, "bob", NULL), STORE_OK);
	assert_int_equal(cards_rebuild(s, NULL, "no such bank"), STORE_OK);
	assert_int_equal(card_of(s, "first").reps, 1);

	/* take --missed: what the last session missed. */
	char **ids = NULL;
	size_t n = 0;
	assert_int_equal(cards_missed_last_session(s, "ana", "Cards", &ids, &n), STORE_OK);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	assert_int_equal(cards_missed_last_session(s, "bob", "Cards", &ids, &n), STORE_MISSING);

	store_close(s);
	quiz_free(q);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratings), cmocka_unit_test(test_times),
		cmocka_unit_test(test_days),    cmocka_unit_test(test_apply),
		cmocka_unit_test(test_pins),    cmocka_unit_test(test_store_cards),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
