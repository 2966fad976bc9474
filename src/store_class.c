/* store_class.c - classes, their rosters and settings, and the queries a class report needs */
#include <stdlib.h>
#include <string.h>

#include "store_impl.h"

static const char class_columns[] =
	"c.name, c.seed, c.mode, c.shuffle, c.allow_hints, c.allow_override, c.show_answers,"
	" c.time_limit_ms, c.created_at, (SELECT count(*) FROM roster r WHERE r.class_id = c.id)";

int64_t store_class_default_seed(const char *name)
{
	/* FNV-1a: the same on every machine, unlike a random seed, so a class
	 * whose roster was imported on each machine of a room still has one
	 * order. */
	uint64_t h = 0xcbf29ce484222325ull;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ull;
	}
	return (int64_t)(h >> 1);
}

static int prepare(store *s, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
}

static const char *mode_constant(const char *mode)
{
	return strcmp(mode, "practice") == 0 ? "practice" : "exam";
}

static void read_class(sqlite3_stmt *st, store_class *c)
{
	c->name = store_column_text(st, 0);
	c->seed = sqlite3_column_int64(st, 1);
	c->mode = mode_constant(store_column_text(st, 2));
	c->shuffle = sqlite3_column_int(st, 3) != 0;
	c->allow_hints = sqlite3_column_int(st, 4) != 0;
	c->allow_override = sqlite3_column_int(st, 5) != 0;
	c->show_answers = sqlite3_column_int(st, 6) != 0;
	c->time_limit_ms = sqlite3_column_int64(st, 7);
	c->created_ms = sqlite3_column_int64(st, 8);
	c->students = (size_t)sqlite3_column_int64(st, 9);
}

store_status store_class_get(store *s, const char *name, store_class *out)
{
	memset(out, 0, sizeof *out);
	buf sql;
	buf_init(&sql);
	buf_printf(&sql, "SELECT %s FROM class c WHERE c.name = ?1", class_columns);
	sqlite3_stmt *st = NULL;
	store_status status = STORE_OK;
	int rc = prepare(s, sql.ptr, &st);
	buf_release(&sql);
	if (rc == SQLITE_OK) {
		store_bind_text(st, 1, name);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW) {
		read_class(st, out);
		/* The column's text dies with the statement: hand back the
		 * caller's own string, which is the same name. */
		out->name = name;
	} else if (rc == SQLITE_DONE) {
		status = store_fail(s, STORE_MISSING, "there is no class '%s' in %s", name, s->path);
	} else {
		status = store_fail_sqlite(s, rc, "cannot read the class");
	}
	sqlite3_finalize(st);
	return status;
}

store_status store_class_update(store *s, const store_class *c)
{
	if (!c->mode || (strcmp(c->mode, "exam") != 0 && strcmp(c->mode, "practice") != 0))
		return store_fail(s, STORE_INVALID, "a class's mode is exam or practice");
	if (c->seed < 0 || c->time_limit_ms < 0)
		return store_fail(s, STORE_INVALID, "the seed and time limit must not be negative");
	sqlite3_stmt *st = NULL;
	int rc = prepare(s,
	                 "UPDATE class SET seed = ?2, mode = ?3, shuffle = ?4, allow_hints = ?5,"
	                 " allow_override = ?6, show_answers = ?7, time_limit_ms = ?8"
	                 " WHERE name = ?1",
	                 &st);
	if (rc == SQLITE_OK) {
		store_bind_text(st, 1, c->name);
		sqlite3_bind_int64(st, 2, c->seed);
		store_bind_text(st, 3, c->mode);
		sqlite3_bind_int(st, 4, c->shuffle);
		sqlite3_bind_int(st, 5, c->allow_hints);
		sqlite3_bind_int(st, 6, c->allow_override);
		sqlite3_bind_int(st, 7, c->show_answers);
		if (c->time_limit_ms > 0)
			sqlite3_bind_int64(st, 8, c->time_limit_ms);
		rc = sqlite3_step(st);
	}
	int changed = sqlite3_changes(s->db);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(s, rc, "cannot change the class");
	if (changed == 0)
		return store_fail(s, STORE_MISSING, "there is no class '%s' in %s", c->name, s->path);
	return STORE_OK;
}

store_status store_list_classes(store *s, store_class_cb cb, void *ctx)
{
	buf sql;
	buf_init(&sql);
	buf_printf(&sql, "SELECT %s FROM class c ORDER BY c.name", class_columns);
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, sql.ptr, &st);
	buf_release(&sql);
	if (rc == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_class c;
			read_class(st, &c);
			if (cb(&c, ctx)) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail_sqlite(s, rc, "cannot read the classes");
}

/* --- Rosters ------------------------------------------------------------ */

/* An id a student types at a prompt: no white space (it is one word to type
 * and to complete), not starting with ':' (the prompt's commands do). */
static bool valid_id(const char *id)
{
	if (!store_valid_name(id) || strlen(id) > 64 || id[0] == ':')
		return false;
	for (const char *p = id; *p; p++)
		if (*p == ' ')
			return false;
	return true;
}

static int compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first id listed twice, or NULL. */
static const char *duplicate_id(const store_student *students, size_t count)
{
	if (count < 2)
		return NULL;
	const char **ids = xmalloc(count * sizeof *ids);
	for (size_t i = 0; i < count; i++)
		ids[i] = students[i].id;
	qsort(ids, count, sizeof *ids, compare_ids);
	const char *dup = NULL;
	for (size_t i = 1; i < count && !dup; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			dup = ids[i];
	free(ids);
	return dup;
}

static int find_class_id(store *s, const char *name, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	*id = 0;
	int rc = prepare(s, "SELECT id FROM class WHERE name = ?1", &st);
	if (rc == SQLITE_OK) {
		store_bind_text(st, 1, name);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Runs one statement with an integer and up to three texts bound. */
static int exec_bound(store *s, const char *sql, int64_t n, const char *a, const char *b,
                      const char *c, int *changes)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s, sql, &st);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, n);
		if (a)
			store_bind_text(st, 2, a);
		if (b)
			store_bind_text(st, 3, b);
		if (c)
			store_bind_text(st, 4, c);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		if (changes)
			*changes = sqlite3_changes(s->db);
	}
	sqlite3_finalize(st);
	return rc;
}

static int import_students(store *s, int64_t class_id, const store_student *students,
                           size_t count, store_roster_counts *out)
{
	sqlite3_stmt *find = NULL, *insert = NULL, *update = NULL;
	int64_t now = store_now(s);
	int rc = prepare(s, "SELECT name, grp FROM roster WHERE class_id = ?1 AND student = ?2", &find);
	if (rc == SQLITE_OK)
		rc = prepare(s,
		             "INSERT INTO roster (class_id, student, name, grp, position, added_at)"
		             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		             &insert);
	if (rc == SQLITE_OK)
		rc = prepare(s,
		             "UPDATE roster SET name = ?3, grp = ?4, position = ?5"
		             " WHERE class_id = ?1 AND student = ?2",
		             &update);
	for (size_t i = 0; rc == SQLITE_OK && i < count; i++) {
		const store_student *st = &students[i];
		const char *group = st->group ? st->group : "";
		sqlite3_bind_int64(find, 1, class_id);
		store_bind_text(find, 2, st->id);
		rc = sqlite3_step(find);
		bool known = rc == SQLITE_ROW;
		bool same = known && strcmp(store_column_text(find, 0), st->name) == 0 &&
		            strcmp(store_column_text(find, 1), group) == 0;
		sqlite3_reset(find);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		sqlite3_stmt *write = known ? update : insert;
		sqlite3_bind_int64(write, 1, class_id);
		store_bind_text(write, 2, st->id);
		store_bind_text(write, 3, st->name);
		store_bind_text(write, 4, group);
		sqlite3_bind_int64(write, 5, (sqlite3_int64)i + 1);
		if (!known)
			sqlite3_bind_int64(write, 6, now);
		rc = sqlite3_step(write);
		sqlite3_reset(write);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		if (!known)
			out->added++;
		else if (same)
			out->unchanged++;
		else
			out->updated++;
	}
	sqlite3_finalize(find);
	sqlite3_finalize(insert);
	sqlite3_finalize(update);
	return rc;
}

/* Students left with a negative position were not in the list: gone with
 * `replace`, else placed after the listed ones in their old order. */
static int settle_unlisted(store *s, int64_t class_id, size_t listed, bool replace,
                           store_roster_counts *out)
{
	int changes = 0;
	if (replace) {
		int rc = exec_bound(s, "DELETE FROM roster WHERE class_id = ?1 AND position < 0",
		                    class_id, NULL, NULL, NULL, &changes);
		out->removed = (size_t)changes;
		return rc;
	}
	sqlite3_stmt *st = NULL;
	int rc = prepare(s,
	                 "UPDATE roster SET position = ?2 + o.rank FROM (SELECT id,"
	                 " row_number() OVER (ORDER BY position DESC) AS rank FROM roster"
	                 " WHERE class_id = ?1 AND position < 0) AS o WHERE roster.id = o.id",
	                 &st);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, class_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)listed);
		rc = sqlite3_step(st);
		out->kept = (size_t)sqlite3_changes(s->db);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

store_status store_roster_import(store *s, const char *class_name, const store_student *students,
                                 size_t count, bool replace, store_roster_counts *out)
{
	memset(out, 0, sizeof *out);
	if (!store_valid_name(class_name) || strlen(class_name) > 64)
		return store_fail(s, STORE_INVALID,
		                  "a class's name must be 1 to 64 bytes of UTF-8 with no control "
		                  "characters");
	for (size_t i = 0; i < count; i++) {
		if (!valid_id(students[i].id))
			return store_fail(s, STORE_INVALID,
			                  "'%s' is not a student id: 1 to 64 bytes, no spaces or control "
			                  "characters, not starting with ':'",
			                  students[i].id ? students[i].id : "");
		if (!store_valid_name(students[i].name) ||
		    (students[i].group && *students[i].group && !store_valid_name(students[i].group)))
			return store_fail(s, STORE_INVALID,
			                  "student '%s': a name or group must be 1 to 256 bytes of UTF-8 "
			                  "with no control characters",
			                  students[i].id);
	}
	const char *dup = duplicate_id(students, count);
	if (dup)
		return store_fail(s, STORE_INVALID, "the id '%s' is listed twice", dup);

	int64_t class_id = 0;
	int rc = store_tx_begin(s);
	if (rc == SQLITE_OK)
		rc = find_class_id(s, class_name, &class_id);
	if (rc == SQLITE_OK && !class_id) {
		sqlite3_stmt *st = NULL;
		rc = prepare(s,
		             "INSERT INTO class (name, seed, created_at) VALUES (?1, ?2, ?3) RETURNING id",
		             &st);
		if (rc == SQLITE_OK) {
			store_bind_text(st, 1, class_name);
			sqlite3_bind_int64(st, 2, store_class_default_seed(class_name));
			sqlite3_bind_int64(st, 3, store_now(s));
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW) {
				class_id = sqlite3_column_int64(st, 0);
				rc = SQLITE_OK;
			}
		}
		sqlite3_finalize(st);
		out->created = true;
	}
	if (rc == SQLITE_OK)
		rc = exec_bound(s, "UPDATE roster SET position = -position WHERE class_id = ?1",
		                class_id, NULL, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = import_students(s, class_id, students, count, out);
	if (rc == SQLITE_OK)
		rc = settle_unlisted(s, class_id, count, replace, out);
	if (rc == SQLITE_OK)
		rc = store_tx_commit(s);
	if (rc != SQLITE_OK) {
		store_status status = store_fail_sqlite(s, rc, "cannot import the roster");
		store_tx_rollback(s);
		memset(out, 0, sizeof *out);
		return status;
	}
	return STORE_OK;
}

store_status store_roster_list(store *s, const char *class_name, store_roster_cb cb, void *ctx)
{
	int64_t class_id;
	int rc = find_class_id(s, class_name, &class_id);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(s, rc, "cannot read the roster");
	if (!class_id)
		return store_fail(s, STORE_MISSING, "there is no class '%s' in %s", class_name, s->path);
	sqlite3_stmt *st = NULL;
	rc = prepare(s,
	             "SELECT r.student, r.name, r.grp, r.position,"
	             " (SELECT count(*) FROM session s JOIN learner l ON l.id = s.learner_id"
	             "  WHERE s.class_id = r.class_id AND l.name = r.student)"
	             " FROM roster r WHERE r.class_id = ?1 ORDER BY r.position, r.student",
	             &st);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, class_id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_roster_row row = {
				.id = store_column_text(st, 0),
				.name = store_column_text(st, 1),
				.group = store_column_text(st, 2),
				.position = sqlite3_column_int(st, 3),
				.sessions = (size_t)sqlite3_column_int64(st, 4),
			};
			if (cb(&row, ctx)) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail_sqlite(s, rc, "cannot read the roster");
}

store_status store_roster_find(store *s, const char *class_name, const char *id, char **name)
{
	*name = NULL;
	sqlite3_stmt *st = NULL;
	store_status status = STORE_OK;
	int rc = prepare(s,
	                 "SELECT r.name FROM class c LEFT JOIN roster r"
	                 " ON r.class_id = c.id AND r.student = ?2 WHERE c.name = ?1",
	                 &st);
	if (rc == SQLITE_OK) {
		store_bind_text(st, 1, class_name);
		store_bind_text(st, 2, id);
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*name = xstrdup(store_column_text(st, 0));
	} else if (rc == SQLITE_DONE) {
		status = store_fail(s, STORE_MISSING, "there is no class '%s' in %s", class_name,
		                    s->path);
	} else {
		status = store_fail_sqlite(s, rc, "cannot read the roster");
	}
	sqlite3_finalize(st);
	return status;
}

/* --- What a report reads ------------------------------------------------ */

store_status store_class_banks(store *s, const char *class_name, const char *spec,
                               store_bank_cb cb, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s,
	                 "SELECT b.title, b.hash, b.path, count(*) FROM session s"
	                 " JOIN bank b ON b.id = s.bank_id"
	                 " WHERE s.class_id = (SELECT c.id FROM class c WHERE c.name = :class)"
	                 " AND " BANK_MATCH
	                 " GROUP BY b.id ORDER BY b.title, b.added_at, b.id",
	                 &st);
	if (rc == SQLITE_OK) {
		store_bind_named_text(st, ":class", class_name);
		store_bind_bank(st, spec);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_bank_row row = {
				.title = store_column_text(st, 0),
				.hash = store_column_text(st, 1),
				.path = (const char *)sqlite3_column_text(st, 2),
				.sessions = (size_t)sqlite3_column_int64(st, 3),
			};
			if (cb(&row, ctx)) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail_sqlite(s, rc, "cannot read the banks");
}

store_status store_list_questions(store *s, const char *spec, store_question_cb cb, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(s,
	                 "SELECT b.title, b.hash, q.qid, q.kind, q.prompt, q.points, q.position,"
	                 " q.answer FROM question q JOIN bank b ON b.id = q.bank_id WHERE " BANK_MATCH
	                 " ORDER BY b.title, b.added_at DESC, b.id DESC, q.position",
	                 &st);
	if (rc == SQLITE_OK) {
		store_bind_bank(st, spec);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			store_question_row row = {
				.bank_title = store_column_text(st, 0),
				.bank_hash = store_column_text(st, 1),
				.question_id = store_column_text(st, 2),
				.kind = store_column_text(st, 3),
				.prompt = store_column_text(st, 4),
				.points = sqlite3_column_double(st, 5),
				.position = sqlite3_column_int(st, 6),
				.answer = store_column_text(st, 7),
			};
			if (cb(&row, ctx)) {
				rc = SQLITE_DONE;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? STORE_OK : store_fail_sqlite(s, rc, "cannot read the questions");
}
