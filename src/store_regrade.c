/* store_regrade.c - changing responses after the fact, recorded: accepted answers, overrides, new bank versions */
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

/* The filter of store.h's queries, bound by name. */
static void bind_filter(sqlite3_stmt *st, const store_filter *f)
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
}

store_status store_regrade_responses(store *s, const store_filter *f, const char *question_id,
                                     store_regrade_response_cb cb, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		s->db,
		"SELECT r.id, s.uuid, l.name, b.hash, r.seq, q.qid, q.kind, q.points, r.answer,"
		" r.chosen, r.verdict, r.credit, r.graded_credit, r.hints, r.passage, r.override"
		" FROM response r" RESPONSE_JOINS "WHERE" FILTER
		" AND (:qid IS NULL OR q.qid = :qid) ORDER BY s.started_at, s.id, r.seq",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		bind_filter(st, f);
		store_bind_named_text(st, ":qid", question_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_regrade_response row = {
				.id = sqlite3_column_int64(st, 0),
				.session_uuid = store_column_text(st, 1),
				.learner = store_column_text(st, 2),
				.bank_hash = store_column_text(st, 3),
				.seq = sqlite3_column_int(st, 4),
				.question_id = store_column_text(st, 5),
				.kind = store_column_text(st, 6),
				.points = sqlite3_column_double(st, 7),
				.answer = store_column_text(st, 8),
				.answer_len = (size_t)sqlite3_column_bytes(st, 8),
				.chosen = sqlite3_column_type(st, 9) == SQLITE_NULL
				              ? NULL
				              : (const char *)sqlite3_column_text(st, 9),
				.verdict = store_column_text(st, 10),
				.credit = sqlite3_column_double(st, 11),
				.graded_credit = sqlite3_column_double(st, 12),
				.hints = sqlite3_column_int(st, 13),
				.passage = sqlite3_column_int(st, 14) != 0,
				.override = sqlite3_column_int(st, 15) != 0,
			};
			if (cb(&row, ctx)) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail_sqlite(s, rc, "cannot read the responses");
}

/* Brings the review cards up to date for the responses changed in this
 * transaction: the one place a regrade reaches the spaced review schedule.
 * Each changed response's (learner, question) card is replayed from its
 * answers, inside the same transaction. */
static store_status rebuild_review_cards(store *s, const int64_t *responses, size_t count)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
	                            "SELECT s.learner_id, r.question_id FROM response r"
	                            " JOIN session s ON s.id = r.session_id WHERE r.id = ?1",
	                            -1, &st, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < count; i++) {
		sqlite3_bind_int64(st, 1, responses[i]);
		rc = sqlite3_step(st);
		int64_t learner = 0, question = 0;
		if (rc == SQLITE_ROW) {
			learner = sqlite3_column_int64(st, 0);
			question = sqlite3_column_int64(st, 1);
		}
		store_done(st);
		if (rc != SQLITE_ROW) {
			rc = rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
			break;
		}
		rc = store_cards_replay_question(s, learner, question);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_OK ? STORE_OK : store_fail_sqlite(s, rc, "cannot replay the review cards");
}

/* A regrade as it is recorded, and the score of the regraded response's
 * session summed again from its answers. */
static const char record_sql[] =
	"INSERT INTO regrade (response_id, at, by_whom, reason, old_verdict, old_credit,"
	" new_verdict, new_credit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char rescore_sql[] =
	"UPDATE session SET score = (SELECT coalesce(sum(r.credit * q.points), 0)"
	" FROM response r JOIN question q ON q.id = r.question_id"
	" WHERE r.session_id = session.id AND r.verdict <> 'ambiguous')"
	" WHERE id = (SELECT session_id FROM response WHERE id = ?1)";

store_status store_regrade_apply(store *s, const store_regrade_change *changes, size_t count,
                                 const char *by, const char *reason, size_t *changed)
{
	sqlite3_stmt *old = NULL, *upd = NULL, *rec = NULL, *score = NULL;
	int64_t *done = xmalloc((count ? count : 1) * sizeof *done);
	size_t n_done = 0;
	store_status status = STORE_OK;
	if (changed)
		*changed = 0;
	for (size_t i = 0; i < count; i++) {
		if (!store_known_verdict(changes[i].verdict) ||
		    !store_valid_credit(changes[i].credit) ||
		    !store_valid_credit(changes[i].graded_credit)) {
			status = store_fail(s, STORE_INVALID, "a regrade needs a known verdict and credits "
			                                      "from 0 to 1");
			goto out;
		}
	}
	int rc = store_tx_begin(s);
	if (rc != SQLITE_OK) {
		status = store_fail_sqlite(s, rc, "cannot write to the database");
		goto out;
	}
	rc = sqlite3_prepare_v2(s->db,
	                        "SELECT verdict, credit, graded_credit, override, session_id"
	                        " FROM response WHERE id = ?1",
	                        -1, &old, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
		                        "UPDATE response SET verdict = ?2, graded_credit = ?3, credit = ?4,"
		                        " override = ?5 WHERE id = ?1",
		                        -1, &upd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, record_sql, -1, &rec, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, rescore_sql, -1, &score, NULL);
	int64_t now = store_now(s);
	for (size_t i = 0; rc == SQLITE_OK && i < count; i++) {
		const store_regrade_change *c = &changes[i];
		sqlite3_bind_int64(old, 1, c->response_id);
		rc = sqlite3_step(old);
		if (rc != SQLITE_ROW) {
			if (rc == SQLITE_DONE) {
				status = store_fail(s, STORE_INVALID, "no response %lld in %s",
				                    (long long)c->response_id, s->path);
				rc = SQLITE_OK;
				break;
			}
			break;
		}
		char *was = xstrdup(store_column_text(old, 0));
		double was_credit = sqlite3_column_double(old, 1);
		double was_graded = sqlite3_column_double(old, 2);
		bool was_override = sqlite3_column_int(old, 3) != 0;
		store_done(old);
		rc = SQLITE_OK;
		if (strcmp(was, c->verdict) == 0 && was_credit == c->credit &&
		    was_graded == c->graded_credit && was_override == c->overridden) {
			free(was);
			continue;
		}
		sqlite3_bind_int64(upd, 1, c->response_id);
		store_bind_text(upd, 2, c->verdict);
		sqlite3_bind_double(upd, 3, c->graded_credit);
		sqlite3_bind_double(upd, 4, c->credit);
		sqlite3_bind_int(upd, 5, c->overridden);
		rc = sqlite3_step(upd);
		store_done(upd);
		if (rc == SQLITE_DONE) {
			sqlite3_bind_int64(rec, 1, c->response_id);
			sqlite3_bind_int64(rec, 2, now);
			store_bind_text(rec, 3, by);
			store_bind_text(rec, 4, reason);
			store_bind_text(rec, 5, was);
			sqlite3_bind_double(rec, 6, was_credit);
			store_bind_text(rec, 7, c->verdict);
			sqlite3_bind_double(rec, 8, c->credit);
			rc = sqlite3_step(rec);
			store_done(rec);
		}
		if (rc == SQLITE_DONE) {
			sqlite3_bind_int64(score, 1, c->response_id);
			rc = sqlite3_step(score);
			store_done(score);
		}
		free(was);
		if (rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
		done[n_done++] = c->response_id;
	}
	if (status == STORE_OK && rc != SQLITE_OK)
		status = store_fail_sqlite(s, rc, "cannot regrade the responses");
	if (status == STORE_OK)
		status = rebuild_review_cards(s, done, n_done);
	if (status == STORE_OK) {
		rc = store_tx_commit(s);
		if (rc != SQLITE_OK)
			status = store_fail_sqlite(s, rc, "cannot regrade the responses");
	} else {
		store_tx_rollback(s);
	}
	if (status == STORE_OK && changed)
		*changed = n_done;
out:
	sqlite3_finalize(old);
	sqlite3_finalize(upd);
	sqlite3_finalize(rec);
	sqlite3_finalize(score);
	free(done);
	return status;
}

store_status store_regrade_list(store *s, const store_filter *f, store_regrade_cb cb, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		s->db,
		"SELECT g.at, g.by_whom, g.reason, s.uuid, l.name, r.seq, q.qid, g.old_verdict,"
		" g.new_verdict, g.old_credit, g.new_credit"
		" FROM regrade g JOIN response r ON r.id = g.response_id" RESPONSE_JOINS "WHERE" FILTER
		"ORDER BY g.at, g.id",
		-1, &st, NULL);
	if (rc == SQLITE_OK) {
		bind_filter(st, f);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_regrade_row row = {
				.at = sqlite3_column_int64(st, 0),
				.by = store_column_text(st, 1),
				.reason = store_column_text(st, 2),
				.session_uuid = store_column_text(st, 3),
				.learner = store_column_text(st, 4),
				.seq = sqlite3_column_int(st, 5),
				.question_id = store_column_text(st, 6),
				.old_verdict = store_column_text(st, 7),
				.new_verdict = store_column_text(st, 8),
				.old_credit = sqlite3_column_double(st, 9),
				.new_credit = sqlite3_column_double(st, 10),
			};
			if (cb(&row, ctx)) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail_sqlite(s, rc, "cannot read the regrades");
}

/* Regrades made on another machine: each one not here yet is recorded
 * here, and when it is the newest change to its response (here and there),
 * the response takes the other database's verdict and credit and its
 * session's score is summed again. Called by store_merge inside its
 * transaction, after the sessions and their answers. */
int store_regrade_merge(store *s, sqlite3 *other, const char *path, size_t *added, bool *bad)
{
	sqlite3_stmt *theirs = NULL, *ours = NULL, *seen = NULL, *newest = NULL, *rec = NULL,
	             *upd = NULL, *score = NULL;
	int rc = sqlite3_prepare_v2(
		other,
		"SELECT s.uuid, r.seq, g.at, g.by_whom, g.reason, g.old_verdict, g.old_credit,"
		" g.new_verdict, g.new_credit, r.verdict, r.graded_credit, r.credit, r.override,"
		" g.at = (SELECT max(h.at) FROM regrade h WHERE h.response_id = g.response_id)"
		" FROM regrade g JOIN response r ON r.id = g.response_id"
		" JOIN session s ON s.id = r.session_id ORDER BY g.at, g.id",
		-1, &theirs, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
		                        "SELECT r.id FROM response r JOIN session s ON s.id = r.session_id"
		                        " WHERE s.uuid = ?1 AND r.seq = ?2",
		                        -1, &ours, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
		                        "SELECT 1 FROM regrade WHERE response_id = ?1 AND at = ?2"
		                        " AND by_whom = ?3 AND reason = ?4",
		                        -1, &seen, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
		                        "SELECT coalesce(max(at), 0) FROM regrade WHERE response_id = ?1",
		                        -1, &newest, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, record_sql, -1, &rec, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
		                        "UPDATE response SET verdict = ?2, graded_credit = ?3, credit = ?4,"
		                        " override = ?5 WHERE id = ?1",
		                        -1, &upd, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db, rescore_sql, -1, &score, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(theirs)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		const char *by = (const char *)sqlite3_column_text(theirs, 3);
		const char *reason = (const char *)sqlite3_column_text(theirs, 4);
		const char *old_v = (const char *)sqlite3_column_text(theirs, 5);
		const char *new_v = (const char *)sqlite3_column_text(theirs, 7);
		const char *now_v = (const char *)sqlite3_column_text(theirs, 9);
		if (!by || !reason || !old_v || !new_v || !now_v || !store_known_verdict(old_v) ||
		    !store_known_verdict(new_v) || !store_known_verdict(now_v) ||
		    !store_valid_credit(sqlite3_column_double(theirs, 6)) ||
		    !store_valid_credit(sqlite3_column_double(theirs, 8)) ||
		    !store_valid_credit(sqlite3_column_double(theirs, 10)) ||
		    !store_valid_credit(sqlite3_column_double(theirs, 11))) {
			store_fail(s, STORE_NOTADB, "%s is not a sound recall database: a regrade makes no "
			                            "sense ('%.80s')",
			           path, reason ? reason : "");
			*bad = true;
			rc = SQLITE_ABORT;
			break;
		}
		store_bind_text(ours, 1, (const char *)sqlite3_column_text(theirs, 0));
		sqlite3_bind_int(ours, 2, sqlite3_column_int(theirs, 1));
		int found = sqlite3_step(ours);
		int64_t response = found == SQLITE_ROW ? sqlite3_column_int64(ours, 0) : 0;
		store_done(ours);
		if (found != SQLITE_ROW && found != SQLITE_DONE) {
			rc = found;
			break;
		}
		if (!response)
			continue;
		int64_t at = sqlite3_column_int64(theirs, 2);
		sqlite3_bind_int64(seen, 1, response);
		sqlite3_bind_int64(seen, 2, at);
		store_bind_text(seen, 3, by);
		store_bind_text(seen, 4, reason);
		int known = sqlite3_step(seen);
		store_done(seen);
		if (known == SQLITE_ROW)
			continue;
		if (known != SQLITE_DONE) {
			rc = known;
			break;
		}
		sqlite3_bind_int64(newest, 1, response);
		rc = sqlite3_step(newest);
		int64_t newest_here = rc == SQLITE_ROW ? sqlite3_column_int64(newest, 0) : 0;
		store_done(newest);
		if (rc != SQLITE_ROW)
			break;
		sqlite3_bind_int64(rec, 1, response);
		sqlite3_bind_int64(rec, 2, at);
		store_bind_text(rec, 3, by);
		store_bind_text(rec, 4, reason);
		store_bind_text(rec, 5, old_v);
		sqlite3_bind_double(rec, 6, sqlite3_column_double(theirs, 6));
		store_bind_text(rec, 7, new_v);
		sqlite3_bind_double(rec, 8, sqlite3_column_double(theirs, 8));
		rc = sqlite3_step(rec);
		store_done(rec);
		if (rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
		(*added)++;
		if (!sqlite3_column_int(theirs, 13) || at < newest_here)
			continue;
		sqlite3_bind_int64(upd, 1, response);
		store_bind_text(upd, 2, now_v);
		sqlite3_bind_double(upd, 3, sqlite3_column_double(theirs, 10));
		sqlite3_bind_double(upd, 4, sqlite3_column_double(theirs, 11));
		sqlite3_bind_int(upd, 5, sqlite3_column_int(theirs, 12) != 0);
		rc = sqlite3_step(upd);
		store_done(upd);
		if (rc == SQLITE_DONE) {
			sqlite3_bind_int64(score, 1, response);
			rc = sqlite3_step(score);
			store_done(score);
		}
		if (rc != SQLITE_DONE)
			break;
		rc = rebuild_review_cards(s, &response, 1) == STORE_OK ? SQLITE_OK : SQLITE_ERROR;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(theirs);
	sqlite3_finalize(ours);
	sqlite3_finalize(seen);
	sqlite3_finalize(newest);
	sqlite3_finalize(rec);
	sqlite3_finalize(upd);
	sqlite3_finalize(score);
	return rc;
}
