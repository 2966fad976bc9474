/* store_cards.c - review cards in the store: replayed from the answers, listed by due date */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cards.h"
#include "store_impl.h"

/* The answers a replay folds, grouped by card and oldest first. */
#define REPLAY_COLUMNS                                                                 \
	"SELECT s.learner_id, b.title, q.qid, q.id, q.answer, r.verdict, r.override,"      \
	" r.answered_at FROM response r JOIN session s ON s.id = r.session_id"             \
	" JOIN question q ON q.id = r.question_id JOIN bank b ON b.id = q.bank_id "
#define REPLAY_ORDER " ORDER BY s.learner_id, b.title, q.qid, r.answered_at, r.id"

/* The titles of the banks a spec matches (all for a NULL one). */
#define TITLES_MATCHING "(SELECT b.title FROM bank b WHERE " BANK_MATCH ")"

/* One card: from the bank versions of its title to their question of its
 * id and that question's answers (CROSS JOIN fixes the order), so the cost
 * is that question's answers, not all the learner's. */
static const char replay_one_sql[] =
	"SELECT s.learner_id, b.title, q.qid, q.id, q.answer, r.verdict, r.override,"
	" r.answered_at FROM bank b CROSS JOIN question q CROSS JOIN response r"
	" CROSS JOIN session s"
	" WHERE q.bank_id = b.id AND r.question_id = q.id AND s.id = r.session_id"
	" AND s.learner_id = ?1 AND q.qid = ?3 AND b.title = ?2" REPLAY_ORDER;
static const char delete_one_sql[] =
	"DELETE FROM card WHERE learner_id = ?1 AND bank_title = ?2 AND qid = ?3";
static const char question_key_sql[] =
	"SELECT b.title, q.qid FROM question q JOIN bank b ON b.id = q.bank_id WHERE q.id = ?1";
static const char replay_all_sql[] =
	REPLAY_COLUMNS
	"WHERE (:learner IS NULL OR s.learner_id = (SELECT id FROM learner WHERE name = :learner))"
	" AND b.title IN " TITLES_MATCHING REPLAY_ORDER;
static const char delete_all_sql[] =
	"DELETE FROM card WHERE (:learner IS NULL OR"
	" learner_id = (SELECT id FROM learner WHERE name = :learner))"
	" AND bank_title IN " TITLES_MATCHING;
static const char insert_sql[] =
	"INSERT INTO card (learner_id, bank_title, qid, question_id, answer, stability,"
	" difficulty, reps, lapses, reviews, recalled, last_review, due)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/* One card being replayed. */
typedef struct {
	int64_t learner;
	char *title, *qid, *answer;
	int64_t question;        /* the row of the newest version answered */
	card_state state;
} fold;

static void fold_reset(fold *f)
{
	free(f->title);
	free(f->qid);
	free(f->answer);
	memset(f, 0, sizeof *f);
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static char *dup_or_null(const unsigned char *text)
{
	return text ? xstrdup((const char *)text) : NULL;
}

static int write_card(sqlite3_stmt *ins, const fold *f)
{
	if (!f->title || f->state.reps == 0)
		return SQLITE_OK;
	const card_state *c = &f->state;
	sqlite3_bind_int64(ins, 1, f->learner);
	store_bind_text(ins, 2, f->title);
	store_bind_text(ins, 3, f->qid);
	sqlite3_bind_int64(ins, 4, f->question);
	store_bind_text(ins, 5, f->answer);
	sqlite3_bind_double(ins, 6, c->memory.stability);
	sqlite3_bind_double(ins, 7, c->memory.difficulty);
	sqlite3_bind_int(ins, 8, c->reps);
	sqlite3_bind_int(ins, 9, c->lapses);
	sqlite3_bind_int(ins, 10, c->reviews);
	sqlite3_bind_int(ins, 11, c->recalled);
	sqlite3_bind_int64(ins, 12, c->last_ms);
	sqlite3_bind_int64(ins, 13, c->due_ms);
	int rc = sqlite3_step(ins);
	store_done(ins);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Folds the rows of `replay` (REPLAY_COLUMNS, REPLAY_ORDER) into cards,
 * inserting each card once its last answer is read. */
static int replay_rows(store *s, sqlite3_stmt *replay)
{
	sqlite3_stmt *ins = NULL;
	int rc = sqlite3_prepare_v2(s->db, insert_sql, -1, &ins, NULL);
	fold f = {0};
	while (rc == SQLITE_OK && (rc = sqlite3_step(replay)) == SQLITE_ROW) {
		int64_t learner = sqlite3_column_int64(replay, 0);
		const char *title = store_column_text(replay, 1);
		const char *qid = store_column_text(replay, 2);
		if (!f.title || f.learner != learner || strcmp(f.title, title) != 0 ||
		    strcmp(f.qid, qid) != 0) {
			rc = write_card(ins, &f);
			fold_reset(&f);
			f.learner = learner;
			f.title = xstrdup(title);
			f.qid = xstrdup(qid);
			f.answer = dup_or_null(sqlite3_column_text(replay, 4));
		}
		const char *answer = (const char *)sqlite3_column_text(replay, 4);
		/* The question's right answer changed with its bank: what was
		 * learned for the old one says nothing about the new. */
		if (!same_text(answer, f.answer)) {
			free(f.answer);
			f.answer = dup_or_null((const unsigned char *)answer);
			memset(&f.state, 0, sizeof f.state);
		}
		f.question = sqlite3_column_int64(replay, 3);
		cards_apply(&f.state, store_column_text(replay, 5), sqlite3_column_int(replay, 6) != 0,
		            sqlite3_column_int64(replay, 7));
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_DONE)
		rc = write_card(ins, &f);
	fold_reset(&f);
	sqlite3_finalize(ins);
	return rc;
}

int store_cards_replay_question(store *s, int64_t learner_id, int64_t question_row)
{
	sqlite3_stmt *key = NULL, *del = NULL, *replay = NULL;
	char *title = NULL, *qid = NULL;
	int rc = sqlite3_prepare_v2(s->db, question_key_sql, -1, &key, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(key, 1, question_row);
	rc = sqlite3_step(key);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
		goto out;
	}
	title = xstrdup(store_column_text(key, 0));
	qid = xstrdup(store_column_text(key, 1));
	rc = sqlite3_prepare_v2(s->db, delete_one_sql, -1, &del, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(del, 1, learner_id);
	store_bind_text(del, 2, title);
	store_bind_text(del, 3, qid);
	rc = sqlite3_step(del);
	if (rc != SQLITE_DONE)
		goto out;
	rc = sqlite3_prepare_v2(s->db, replay_one_sql, -1, &replay, NULL);
	if (rc != SQLITE_OK)
		goto out;
	sqlite3_bind_int64(replay, 1, learner_id);
	store_bind_text(replay, 2, title);
	store_bind_text(replay, 3, qid);
	rc = replay_rows(s, replay);
out:
	sqlite3_finalize(key);
	sqlite3_finalize(del);
	sqlite3_finalize(replay);
	free(title);
	free(qid);
	return rc;
}

static int rebuild(store *s, const char *learner, const char *bank)
{
	sqlite3_stmt *del = NULL, *replay = NULL;
	int rc = sqlite3_prepare_v2(s->db, delete_all_sql, -1, &del, NULL);
	if (rc != SQLITE_OK)
		goto out;
	store_bind_named_text(del, ":learner", learner);
	store_bind_bank(del, bank);
	rc = sqlite3_step(del);
	if (rc != SQLITE_DONE)
		goto out;
	rc = sqlite3_prepare_v2(s->db, replay_all_sql, -1, &replay, NULL);
	if (rc != SQLITE_OK)
		goto out;
	store_bind_named_text(replay, ":learner", learner);
	store_bind_bank(replay, bank);
	rc = replay_rows(s, replay);
out:
	sqlite3_finalize(del);
	sqlite3_finalize(replay);
	return rc;
}

store_status cards_rebuild(store *s, const char *learner, const char *bank)
{
	bool own = sqlite3_get_autocommit(s->db) != 0;
	int rc = own ? store_tx_begin(s) : SQLITE_OK;
	if (rc == SQLITE_OK)
		rc = rebuild(s, learner, bank);
	if (own && rc == SQLITE_OK)
		rc = store_tx_commit(s);
	if (rc != SQLITE_OK) {
		store_status status = store_fail_sqlite(s, rc, "cannot replay the review cards");
		if (own)
			store_tx_rollback(s);
		return status;
	}
	return STORE_OK;
}

int store_cards_replay_all(store *s)
{
	return rebuild(s, NULL, NULL);
}

bool store_cards_pending(store *s)
{
	sqlite3_stmt *st = NULL;
	bool pending = false;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM card_replay", -1, &st, NULL) == SQLITE_OK)
		pending = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return pending;
}

int store_cards_replay_pending(store *s)
{
	if (!store_cards_pending(s))
		return SQLITE_OK;
	int rc = rebuild(s, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "DELETE FROM card_replay", NULL, NULL, NULL);
	return rc;
}

static const char list_columns[] =
	"SELECT l.name, c.bank_title, b.path, b.hash, c.qid, c.answer, q.prompt, c.stability,"
	" c.difficulty, c.reps, c.lapses, c.reviews, c.recalled, c.last_review, c.due"
	" FROM card c JOIN learner l ON l.id = c.learner_id JOIN question q ON q.id = c.question_id"
	" JOIN bank b ON b.id = q.bank_id WHERE ";
static const char list_bank[] = " AND c.bank_title IN " TITLES_MATCHING;
static const char list_order[] = " AND c.due <= :before ORDER BY c.due, c.id";

store_status cards_list(store *s, const char *learner, const char *bank, int64_t due_before_ms,
                        card_cb cb, void *ctx)
{
	buf sql;
	buf_init(&sql);
	buf_puts(&sql, list_columns);
	/* One learner's cards come by the (learner, due) index. */
	buf_puts(&sql, learner ? "c.learner_id = (SELECT id FROM learner WHERE name = :learner)"
	                       : "1");
	if (bank)
		buf_puts(&sql, list_bank);
	buf_puts(&sql, list_order);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql.ptr, -1, &st, NULL);
	buf_release(&sql);
	if (rc == SQLITE_OK) {
		if (learner)
			store_bind_named_text(st, ":learner", learner);
		if (bank)
			store_bind_bank(st, bank);
		sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":before"), due_before_ms);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			card_row row = {
				.learner = store_column_text(st, 0),
				.bank_title = store_column_text(st, 1),
				.bank_path = (const char *)sqlite3_column_text(st, 2),
				.bank_hash = store_column_text(st, 3),
				.question_id = store_column_text(st, 4),
				.answer = (const char *)sqlite3_column_text(st, 5),
				.prompt = store_column_text(st, 6),
				.state = {
					.memory = {sqlite3_column_double(st, 7), sqlite3_column_double(st, 8)},
					.reps = sqlite3_column_int(st, 9),
					.lapses = sqlite3_column_int(st, 10),
					.reviews = sqlite3_column_int(st, 11),
					.recalled = sqlite3_column_int(st, 12),
					.last_ms = sqlite3_column_int64(st, 13),
					.due_ms = sqlite3_column_int64(st, 14),
				},
			};
			if (cb(&row, ctx) != 0) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the review cards");
	return STORE_OK;
}

/* The last answer to each question of the newest session, kept when it was a miss. */
static const char missed_sql[] =
	"WITH last AS (SELECT s.id FROM session s JOIN bank b ON b.id = s.bank_id"
	"  WHERE s.learner_id = (SELECT id FROM learner WHERE name = ?1) AND b.title = ?2"
	"  AND EXISTS (SELECT 1 FROM response r WHERE r.session_id = s.id)"
	"  ORDER BY s.started_at DESC, s.id DESC LIMIT 1)"
	" SELECT (SELECT count(*) FROM last), q.qid, r.verdict, r.override FROM last"
	" LEFT JOIN response r ON r.session_id = last.id AND r.verdict <> 'ambiguous'"
	"  AND r.seq = (SELECT max(r2.seq) FROM response r2 WHERE r2.session_id = last.id"
	"   AND r2.question_id = r.question_id AND r2.verdict <> 'ambiguous')"
	" LEFT JOIN question q ON q.id = r.question_id ORDER BY r.seq";

store_status cards_missed_last_session(store *s, const char *learner, const char *title,
                                       char ***ids, size_t *count)
{
	*ids = NULL;
	*count = 0;
	sqlite3_stmt *st = NULL;
	bool any_session = false;
	size_t cap = 0;
	int rc = sqlite3_prepare_v2(s->db, missed_sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		store_bind_text(st, 1, learner);
		store_bind_text(st, 2, title);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			any_session = true;
			const char *verdict = (const char *)sqlite3_column_text(st, 2);
			if (!verdict || sqlite3_column_int(st, 3) ||
			    (strcmp(verdict, "wrong") != 0 && strcmp(verdict, "skipped") != 0))
				continue;
			if (*count == cap) {
				cap = cap ? cap * 2 : 16;
				*ids = xrealloc(*ids, cap * sizeof **ids);
			}
			(*ids)[(*count)++] = xstrdup(store_column_text(st, 1));
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot read the last session");
	return any_session ? STORE_OK : STORE_MISSING;
}

store_status cards_count(store *s, const char *learner, const char *bank, const int64_t *bounds,
                         size_t n, size_t *before, bool *any)
{
	if (n > 8)
		n = 8;
	buf where, sql;
	buf_init(&where);
	buf_init(&sql);
	/* From the (learner, due) index alone when no bank is named. */
	buf_puts(&where, learner ? "c.learner_id = (SELECT id FROM learner WHERE name = :learner)"
	                         : "1");
	if (bank)
		buf_puts(&where, " AND c.bank_title IN " TITLES_MATCHING);
	buf_printf(&sql, "SELECT EXISTS (SELECT 1 FROM card c WHERE %s)", where.ptr);
	for (size_t i = 0; i < n; i++)
		buf_printf(&sql, ", (SELECT count(*) FROM card c WHERE %s AND c.due < :bound%zu)",
		           where.ptr, i);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql.ptr, -1, &st, NULL);
	buf_release(&where);
	buf_release(&sql);
	if (rc == SQLITE_OK) {
		for (size_t i = 0; i < n; i++) {
			char name[16];
			snprintf(name, sizeof name, ":bound%zu", i);
			sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, name), bounds[i]);
		}
		if (learner)
			store_bind_named_text(st, ":learner", learner);
		if (bank)
			store_bind_bank(st, bank);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*any = sqlite3_column_int(st, 0) != 0;
			for (size_t i = 0; i < n; i++)
				before[i] = (size_t)sqlite3_column_int64(st, (int)i + 1);
			rc = SQLITE_DONE;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot count the review cards");
	return STORE_OK;
}
