/* pack.c - packs: a compiled quiz and its article in one SQLite file */
#include "pack.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sections.h"
#include "sha256.h"
#include "util.h"

static const char sqlite_header[16] = "SQLite format 3";

pack_sniff_result pack_sniff(const char *path)
{
	/* A pack is a database, always a regular file. Anything else is not
	 * opened here: reading a pipe would take its first bytes from the bank
	 * behind them, and opening a named pipe would meet its writer once too
	 * often. */
	struct stat st;
	if (stat(path, &st) != 0 || S_ISDIR(st.st_mode))
		return PACK_SNIFF_UNREADABLE;
	if (!S_ISREG(st.st_mode))
		return PACK_SNIFF_OTHER;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return PACK_SNIFF_UNREADABLE;
	char head[16];
	ssize_t got = read(fd, head, sizeof head);
	close(fd);
	if (got < 0)
		return PACK_SNIFF_UNREADABLE;
	return got == 16 && memcmp(head, sqlite_header, 16) == 0 ? PACK_SNIFF_PACK
	                                                          : PACK_SNIFF_OTHER;
}

/* ---- The digest ----------------------------------------------------------
 *
 * Every field is written with its length (or a marker for NULL), so that no
 * two different quizzes serialise alike. The digest is computed the same way
 * when writing and after loading, which checks every row read back. */

static void digest_u64(sha256_ctx *h, uint64_t v)
{
	unsigned char b[8];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (56 - 8 * i));
	sha256_update(h, b, 8);
}

static void digest_str(sha256_ctx *h, const char *s)
{
	if (!s) {
		digest_u64(h, UINT64_MAX);
		return;
	}
	size_t len = strlen(s);
	digest_u64(h, len);
	sha256_update(h, s, len);
}

static void digest_double(sha256_ctx *h, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	digest_u64(h, bits);
}

static void digest_strings(sha256_ctx *h, quiz_strings s)
{
	digest_u64(h, s.count);
	for (size_t i = 0; i < s.count; i++)
		digest_str(h, s.items[i]);
}

static size_t actor_position(const quiz *q, const quiz_actor *a)
{
	/* Actors are few next to questions; a linear search per actor question
	 * would still be quadratic in a bank of inline actors, so callers map
	 * positions once (see actor_positions). */
	for (size_t i = 0; i < quiz_actor_count(q); i++)
		if (quiz_actor_at(q, i) == a)
			return i;
	return SIZE_MAX;
}

/* Sorted (pointer, position) pairs, to find an actor's position quickly. */
typedef struct {
	const quiz_actor *actor;
	size_t position;
} actor_slot;

static int compare_actor_slots(const void *x, const void *y)
{
	const actor_slot *a = x, *b = y;
	return (a->actor > b->actor) - (a->actor < b->actor);
}

static actor_slot *actor_positions(const quiz *q)
{
	size_t n = quiz_actor_count(q);
	actor_slot *slots = xmalloc((n ? n : 1) * sizeof(actor_slot));
	for (size_t i = 0; i < n; i++)
		slots[i] = (actor_slot){quiz_actor_at(q, i), i};
	qsort(slots, n, sizeof(actor_slot), compare_actor_slots);
	return slots;
}

static size_t find_actor_position(const quiz *q, const actor_slot *slots, const quiz_actor *a)
{
	if (!a)
		return SIZE_MAX;
	actor_slot key = {a, 0};
	const actor_slot *hit = bsearch(&key, slots, quiz_actor_count(q), sizeof(actor_slot),
	                                compare_actor_slots);
	return hit ? hit->position : actor_position(q, a);
}

/* The question when it is of this kind, else an empty one. The answers of
 * every kind are written and digested for each question, as zeros for the
 * kinds it is not, so that packs and digests stay what they have been. */
static const quiz_question no_question;

static const quiz_question *own(const quiz_question *qq, quiz_kind kind)
{
	return qq->kind == kind ? qq : &no_question;
}

void pack_digest(const quiz *q, char hex[65])
{
	sha256_ctx h;
	sha256_init(&h);
	sha256_update(&h, "recall quiz 1\n", 14);
	digest_str(&h, quiz_title(q));
	digest_str(&h, quiz_hash(q));
	digest_u64(&h, (uint64_t)quiz_get_date_order(q));
	const article *a = quiz_article(q);
	if (a) {
		size_t len;
		const char *text = article_text(a, &len);
		digest_str(&h, article_path(a));
		digest_u64(&h, len);
		sha256_update(&h, text, len);
	} else {
		digest_str(&h, NULL);
	}
	size_t n_actors = quiz_actor_count(q);
	digest_u64(&h, n_actors);
	for (size_t i = 0; i < n_actors; i++) {
		const quiz_actor *ac = quiz_actor_at(q, i);
		digest_str(&h, ac->id);
		digest_str(&h, ac->name);
		digest_str(&h, ac->family);
		digest_str(&h, ac->acronym);
		digest_strings(&h, ac->aliases);
	}
	actor_slot *slots = actor_positions(q);
	size_t n = quiz_question_count(q);
	digest_u64(&h, n);
	for (size_t i = 0; i < n; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		digest_str(&h, qq->id);
		digest_u64(&h, (uint64_t)qq->kind);
		digest_str(&h, qq->prompt);
		digest_str(&h, qq->answer_text);
		digest_strings(&h, qq->accept);
		digest_strings(&h, qq->reject);
		digest_str(&h, qq->hint);
		digest_str(&h, qq->explain);
		digest_str(&h, qq->source.quote);
		digest_u64(&h, (uint64_t)qq->source.paragraph);
		digest_u64(&h, (uint64_t)qq->source.line);
		digest_u64(&h, qq->source.start);
		digest_u64(&h, qq->source.end);
		digest_strings(&h, qq->tags);
		digest_double(&h, qq->points);
		digest_u64(&h, (uint64_t)qq->line);
		digest_u64(&h, (uint64_t)qq->col);
		const quiz_question *date = own(qq, QUIZ_DATE), *number = own(qq, QUIZ_NUMBER),
		                    *claim = own(qq, QUIZ_CLAIM), *choice = own(qq, QUIZ_CHOICE),
		                    *match = own(qq, QUIZ_MATCH), *cloze = own(qq, QUIZ_CLOZE);
		digest_u64(&h, (uint64_t)date->date.year);
		digest_u64(&h, (uint64_t)date->date.month);
		digest_u64(&h, (uint64_t)date->date.day);
		digest_u64(&h, find_actor_position(q, slots, own(qq, QUIZ_ACTOR)->actor));
		digest_double(&h, number->number.value);
		digest_double(&h, number->number.tolerance);
		digest_u64(&h, number->number.tolerance_is_percent);
		digest_str(&h, number->number.unit);
		digest_str(&h, own(qq, QUIZ_TEXT)->text);
		digest_u64(&h, claim->claim.truth);
		digest_str(&h, claim->claim.correction);
		digest_strings(&h, choice->choices);
		digest_u64(&h, choice->n_correct);
		for (size_t k = 0; k < choice->n_correct; k++)
			digest_u64(&h, choice->correct[k]);
		digest_strings(&h, own(qq, QUIZ_ORDER)->items);
		digest_u64(&h, match->n_pairs);
		for (size_t k = 0; k < match->n_pairs; k++) {
			digest_str(&h, match->pairs[k].left);
			digest_str(&h, match->pairs[k].right);
		}
		digest_u64(&h, cloze->n_blanks);
		for (size_t k = 0; k < cloze->n_blanks; k++)
			digest_strings(&h, cloze->blanks[k].answers);
	}
	free(slots);
	sha256_final_hex(&h, hex);
}

/* ---- Writing ------------------------------------------------------------ */

static const char schema_sql[] =
	"CREATE TABLE pack (\n"
	"  format INTEGER NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  bank_path TEXT,\n"
	"  hash TEXT NOT NULL,\n"
	"  digest TEXT NOT NULL,\n"
	"  date_order TEXT NOT NULL,\n"
	"  article_path TEXT NOT NULL,\n"
	"  article_text TEXT NOT NULL,\n"
	"  questions INTEGER NOT NULL,\n"
	"  actors INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE actors (\n"
	"  position INTEGER PRIMARY KEY,\n"
	"  id TEXT UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  family TEXT,\n"
	"  acronym TEXT\n"
	");\n"
	"CREATE TABLE actor_aliases (\n"
	"  actor INTEGER NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  alias TEXT NOT NULL,\n"
	"  PRIMARY KEY (actor, position)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE questions (\n"
	"  position INTEGER PRIMARY KEY,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  kind TEXT NOT NULL,\n"
	"  prompt TEXT,\n"
	"  answer_text TEXT,\n"
	"  hint TEXT,\n"
	"  explain TEXT,\n"
	"  source_quote TEXT,\n"
	"  source_paragraph INTEGER NOT NULL,\n"
	"  source_line INTEGER NOT NULL,\n"
	"  source_start INTEGER NOT NULL,\n"
	"  source_end INTEGER NOT NULL,\n"
	"  points REAL NOT NULL,\n"
	"  line INTEGER NOT NULL,\n"
	"  col INTEGER NOT NULL,\n"
	"  date_year INTEGER NOT NULL,\n"
	"  date_month INTEGER NOT NULL,\n"
	"  date_day INTEGER NOT NULL,\n"
	"  actor INTEGER,\n"
	"  number_value REAL NOT NULL,\n"
	"  number_tolerance REAL NOT NULL,\n"
	"  number_percent INTEGER NOT NULL,\n"
	"  number_unit TEXT,\n"
	"  text TEXT,\n"
	"  claim_truth INTEGER NOT NULL,\n"
	"  claim_correction TEXT\n"
	");\n"
	"-- accept, reject, tags, choices, items and correct (indices into choices)\n"
	"CREATE TABLE question_lists (\n"
	"  question INTEGER NOT NULL,\n"
	"  list TEXT NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  value NOT NULL,\n"
	"  PRIMARY KEY (question, list, position)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE pairs (\n"
	"  question INTEGER NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  left TEXT NOT NULL,\n"
	"  right TEXT NOT NULL,\n"
	"  PRIMARY KEY (question, position)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE blanks (\n"
	"  question INTEGER NOT NULL,\n"
	"  blank INTEGER NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  answer TEXT NOT NULL,\n"
	"  PRIMARY KEY (question, blank, position)\n"
	") WITHOUT ROWID;\n";

typedef struct {
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int rc;
	buf *err;
} writer;

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Steps and resets a prepared insert, keeping the first failure. */
static void step(writer *w, sqlite3_stmt *s)
{
	if (w->rc == SQLITE_OK) {
		int rc = sqlite3_step(s);
		if (rc != SQLITE_DONE) {
			w->rc = rc;
			buf_puts(w->err, sqlite3_errmsg(w->db));
		}
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void insert_list(writer *w, sqlite3_stmt *s, size_t question, const char *list,
                        quiz_strings items)
{
	for (size_t i = 0; i < items.count; i++) {
		sqlite3_bind_int64(s, 1, (sqlite3_int64)question);
		sqlite3_bind_text(s, 2, list, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, (sqlite3_int64)i);
		sqlite3_bind_text(s, 4, items.items[i], -1, SQLITE_STATIC);
		step(w, s);
	}
}

static const char *date_order_name(quiz_date_order order)
{
	return order == QUIZ_DATE_ORDER_MDY ? "mdy" : order == QUIZ_DATE_ORDER_DMY ? "dmy" : "";
}

enum { S_PACK, S_ACTOR, S_ALIAS, S_QUESTION, S_LIST, S_PAIR, S_BLANK, S_COUNT };

static const char *const insert_sql[S_COUNT] = {
	"INSERT INTO pack VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	"INSERT INTO actors VALUES (?1, ?2, ?3, ?4, ?5)",
	"INSERT INTO actor_aliases VALUES (?1, ?2, ?3)",
	"INSERT INTO questions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	" ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
	"INSERT INTO question_lists VALUES (?1, ?2, ?3, ?4)",
	"INSERT INTO pairs VALUES (?1, ?2, ?3, ?4)",
	"INSERT INTO blanks VALUES (?1, ?2, ?3, ?4)",
};

static void write_rows(writer *w, const quiz *q, sqlite3_stmt **st)
{
	const article *a = quiz_article(q);
	size_t article_len;
	const char *article_bytes = article_text(a, &article_len);
	char digest[65];
	pack_digest(q, digest);
	sqlite3_stmt *s = st[S_PACK];
	sqlite3_bind_int(s, 1, PACK_SCHEMA_VERSION);
	bind_text(s, 2, quiz_title(q));
	bind_text(s, 3, quiz_bank_path(q));
	bind_text(s, 4, quiz_hash(q));
	bind_text(s, 5, digest);
	bind_text(s, 6, date_order_name(quiz_get_date_order(q)));
	bind_text(s, 7, article_path(a));
	sqlite3_bind_text(s, 8, article_bytes, (int)article_len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, (sqlite3_int64)quiz_question_count(q));
	sqlite3_bind_int64(s, 10, (sqlite3_int64)quiz_actor_count(q));
	step(w, s);

	for (size_t i = 0; i < quiz_actor_count(q); i++) {
		const quiz_actor *ac = quiz_actor_at(q, i);
		s = st[S_ACTOR];
		sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
		bind_text(s, 2, ac->id);
		bind_text(s, 3, ac->name);
		bind_text(s, 4, ac->family);
		bind_text(s, 5, ac->acronym);
		step(w, s);
		for (size_t k = 0; k < ac->aliases.count; k++) {
			s = st[S_ALIAS];
			sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
			sqlite3_bind_int64(s, 2, (sqlite3_int64)k);
			bind_text(s, 3, ac->aliases.items[k]);
			step(w, s);
		}
	}

	actor_slot *slots = actor_positions(q);
	for (size_t i = 0; i < quiz_question_count(q) && w->rc == SQLITE_OK; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		s = st[S_QUESTION];
		sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
		bind_text(s, 2, qq->id);
		bind_text(s, 3, quiz_kind_name(qq->kind));
		bind_text(s, 4, qq->prompt);
		bind_text(s, 5, qq->answer_text);
		bind_text(s, 6, qq->hint);
		bind_text(s, 7, qq->explain);
		bind_text(s, 8, qq->source.quote);
		sqlite3_bind_int(s, 9, qq->source.paragraph);
		sqlite3_bind_int(s, 10, qq->source.line);
		sqlite3_bind_int64(s, 11, (sqlite3_int64)qq->source.start);
		sqlite3_bind_int64(s, 12, (sqlite3_int64)qq->source.end);
		sqlite3_bind_double(s, 13, qq->points);
		sqlite3_bind_int(s, 14, qq->line);
		sqlite3_bind_int(s, 15, qq->col);
		const quiz_question *date = own(qq, QUIZ_DATE), *number = own(qq, QUIZ_NUMBER),
		                    *claim = own(qq, QUIZ_CLAIM), *choice = own(qq, QUIZ_CHOICE),
		                    *match = own(qq, QUIZ_MATCH), *cloze = own(qq, QUIZ_CLOZE);
		sqlite3_bind_int(s, 16, date->date.year);
		sqlite3_bind_int(s, 17, date->date.month);
		sqlite3_bind_int(s, 18, date->date.day);
		size_t actor = find_actor_position(q, slots, own(qq, QUIZ_ACTOR)->actor);
		if (actor == SIZE_MAX)
			sqlite3_bind_null(s, 19);
		else
			sqlite3_bind_int64(s, 19, (sqlite3_int64)actor);
		sqlite3_bind_double(s, 20, number->number.value);
		sqlite3_bind_double(s, 21, number->number.tolerance);
		sqlite3_bind_int(s, 22, number->number.tolerance_is_percent);
		bind_text(s, 23, number->number.unit);
		bind_text(s, 24, own(qq, QUIZ_TEXT)->text);
		sqlite3_bind_int(s, 25, claim->claim.truth);
		bind_text(s, 26, claim->claim.correction);
		step(w, s);
		insert_list(w, st[S_LIST], i, "accept", qq->accept);
		insert_list(w, st[S_LIST], i, "reject", qq->reject);
		insert_list(w, st[S_LIST], i, "tags", qq->tags);
		insert_list(w, st[S_LIST], i, "choices", choice->choices);
		insert_list(w, st[S_LIST], i, "items", own(qq, QUIZ_ORDER)->items);
		/* `after:` is a list of one: the pack's tables stay as they are. */
		if (qq->after) {
			const char *after[1] = {qq->after};
			insert_list(w, st[S_LIST], i, "after", (quiz_strings){after, 1});
		}
		for (size_t k = 0; k < choice->n_correct; k++) {
			s = st[S_LIST];
			sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
			sqlite3_bind_text(s, 2, "correct", -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 3, (sqlite3_int64)k);
			sqlite3_bind_int64(s, 4, (sqlite3_int64)choice->correct[k]);
			step(w, s);
		}
		for (size_t k = 0; k < match->n_pairs; k++) {
			s = st[S_PAIR];
			sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
			sqlite3_bind_int64(s, 2, (sqlite3_int64)k);
			bind_text(s, 3, match->pairs[k].left);
			bind_text(s, 4, match->pairs[k].right);
			step(w, s);
		}
		for (size_t b = 0; b < cloze->n_blanks; b++) {
			for (size_t k = 0; k < cloze->blanks[b].answers.count; k++) {
				s = st[S_BLANK];
				sqlite3_bind_int64(s, 1, (sqlite3_int64)i);
				sqlite3_bind_int64(s, 2, (sqlite3_int64)b);
				sqlite3_bind_int64(s, 3, (sqlite3_int64)k);
				bind_text(s, 4, cloze->blanks[b].answers.items[k]);
				step(w, s);
			}
		}
	}
	free(slots);
}

static void exec(writer *w, const char *sql)
{
	if (w->rc != SQLITE_OK)
		return;
	char *msg = NULL;
	w->rc = sqlite3_exec(w->db, sql, NULL, NULL, &msg);
	if (w->rc != SQLITE_OK)
		buf_puts(w->err, msg ? msg : sqlite3_errstr(w->rc));
	sqlite3_free(msg);
}

/* Flushes a written file to the disk. Returns 0, or -1 with errno set. */
static int sync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int pack_write(const quiz *q, const char *path, diag_list *d)
{
	if (!quiz_article(q)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write a pack of a quiz with no article");
		return -1;
	}
	buf tmp, err;
	buf_init(&tmp);
	buf_init(&err);
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the pack: %s", strerror(errno));
		buf_release(&tmp);
		buf_release(&err);
		return -1;
	}
	/* mkstemp makes the file private; a pack is for sharing. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	writer w = {NULL, NULL, SQLITE_OK, &err};
	sqlite3_stmt *st[S_COUNT] = {NULL};
	w.rc = sqlite3_open_v2(tmp.ptr, &w.db, SQLITE_OPEN_READWRITE, NULL);
	if (w.rc != SQLITE_OK)
		buf_puts(&err, w.db ? sqlite3_errmsg(w.db) : sqlite3_errstr(w.rc));
	/* The file is renamed into place only when complete, so a rollback
	 * journal would protect nothing. */
	exec(&w, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
	buf pragmas;
	buf_init(&pragmas);
	buf_printf(&pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
	           PACK_APPLICATION_ID, PACK_SCHEMA_VERSION);
	exec(&w, pragmas.ptr);
	buf_release(&pragmas);
	exec(&w, "BEGIN");
	exec(&w, schema_sql);
	for (int i = 0; i < S_COUNT && w.rc == SQLITE_OK; i++) {
		w.rc = sqlite3_prepare_v2(w.db, insert_sql[i], -1, &st[i], NULL);
		if (w.rc != SQLITE_OK)
			buf_puts(&err, sqlite3_errmsg(w.db));
	}
	if (w.rc == SQLITE_OK)
		write_rows(&w, q, st);
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st[i]);
	exec(&w, "COMMIT");
	if (w.db && sqlite3_close(w.db) != SQLITE_OK && w.rc == SQLITE_OK) {
		w.rc = SQLITE_ERROR;
		buf_puts(&err, "cannot close the file");
	}
	int status = 0;
	/* Written without a journal, so the bytes must be on the disk before the
	 * rename makes them the pack: a power cut leaves the old file or the new
	 * one, never half of it. */
	if (w.rc == SQLITE_OK && sync_file(tmp.ptr) != 0) {
		w.rc = SQLITE_IOERR;
		buf_puts(&err, strerror(errno));
	}
	if (w.rc == SQLITE_OK && rename(tmp.ptr, path) != 0) {
		w.rc = SQLITE_ERROR;
		buf_puts(&err, strerror(errno));
	}
	if (w.rc != SQLITE_OK) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the pack: %s", err.ptr);
		unlink(tmp.ptr);
		status = -1;
	}
	buf_release(&tmp);
	buf_release(&err);
	return status;
}

/* ---- Loading ------------------------------------------------------------ */

int pack_open_untrusted(const char *path, int max_length, sqlite3 **db)
{
	*db = NULL;
	buf wal;
	buf_init(&wal);
	buf_printf(&wal, "%s-wal", path);
	struct stat wal_st;
	bool pending = stat(wal.ptr, &wal_st) == 0 && wal_st.st_size > 0;
	buf_release(&wal);
	/* SQLite would take a name starting "file:" as a URI with options of
	 * its own, so the name is always given as an escaped URI. */
	buf uri;
	buf_init(&uri);
	buf_puts(&uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    strchr("/-._~", *p))
			buf_putc(&uri, (char)*p);
		else
			buf_printf(&uri, "%%%02X", *p);
	}
	buf_puts(&uri, pending ? "?mode=ro" : "?immutable=1");
	int rc = sqlite3_open_v2(uri.ptr, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
	                         NULL);
	buf_release(&uri);
	if (!*db)
		return rc;
	sqlite3_extended_result_codes(*db, 1);
	/* Nothing in the file is trusted to run. */
	sqlite3_db_config(*db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(*db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(*db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	sqlite3_db_config(*db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
	sqlite3_limit(*db, SQLITE_LIMIT_LENGTH, max_length);
	return rc;
}

typedef struct {
	sqlite3 *db;
	const char *path;
	diag_list *d;
	bool failed;
	quiz *q;
	quiz_question **questions;   /* by position */
	size_t n_questions;
	quiz_actor **actors;
	size_t n_actors;
} loader;

static void damaged(loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void damaged(loader *l, const char *fmt, ...)
{
	if (l->failed)
		return;
	buf msg;
	buf_init(&msg);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag *dg = diag_add(l->d, DIAG_ERROR, l->path, 0, 0, "damaged pack: %s", msg.ptr);
	diag_hint(dg, "build it again from its bank with `recall build`");
	buf_release(&msg);
	l->failed = true;
}

static sqlite3_stmt *prepare(loader *l, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (l->failed)
		return NULL;
	if (sqlite3_prepare_v2(l->db, sql, -1, &s, NULL) != SQLITE_OK) {
		damaged(l, "%s", sqlite3_errmsg(l->db));
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

/* Steps a query; false at its end or on an error (then reported). */
static bool row(loader *l, sqlite3_stmt *s)
{
	if (!s || l->failed)
		return false;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return true;
	if (rc != SQLITE_DONE)
		damaged(l, "%s", sqlite3_errmsg(l->db));
	return false;
}

/* A text column copied into the quiz, or NULL for SQL NULL. Blobs and
 * numbers where text belongs are damage. */
static const char *column_text(loader *l, sqlite3_stmt *s, int col)
{
	int type = sqlite3_column_type(s, col);
	if (type == SQLITE_NULL)
		return NULL;
	if (type != SQLITE_TEXT) {
		damaged(l, "column %s holds %s where text belongs", sqlite3_column_name(s, col),
		        type == SQLITE_BLOB ? "bytes" : "a number");
		return "";
	}
	const char *t = (const char *)sqlite3_column_text(s, col);
	int len = sqlite3_column_bytes(s, col);
	if (memchr(t, '\0', (size_t)len)) {
		damaged(l, "column %s holds a NUL byte", sqlite3_column_name(s, col));
		return "";
	}
	return arena_strndup(quiz_arena(l->q), t, (size_t)len);
}

static sqlite3_int64 column_int(loader *l, sqlite3_stmt *s, int col, sqlite3_int64 lo,
                                sqlite3_int64 hi)
{
	if (sqlite3_column_type(s, col) != SQLITE_INTEGER) {
		damaged(l, "column %s is not a whole number", sqlite3_column_name(s, col));
		return lo;
	}
	sqlite3_int64 v = sqlite3_column_int64(s, col);
	if (v < lo || v > hi) {
		damaged(l, "column %s is out of range", sqlite3_column_name(s, col));
		return lo;
	}
	return v;
}

static double column_double(loader *l, sqlite3_stmt *s, int col)
{
	int type = sqlite3_column_type(s, col);
	if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) {
		damaged(l, "column %s is not a number", sqlite3_column_name(s, col));
		return 0;
	}
	return sqlite3_column_double(s, col);
}

/* Whether a column of an answer of another kind is empty, as packs write
 * it: NULL or zero. */
static bool column_empty(sqlite3_stmt *s, int col)
{
	switch (sqlite3_column_type(s, col)) {
	case SQLITE_NULL:
		return true;
	case SQLITE_INTEGER:
		return sqlite3_column_int64(s, col) == 0;
	case SQLITE_FLOAT:
		return sqlite3_column_double(s, col) == 0;
	default:
		return false;
	}
}

/* A string list grown one row at a time, kept in the quiz's arena. */
typedef struct {
	const char **items;
	size_t count, cap;
} list_builder;

static void list_push(loader *l, list_builder *b, const char *s)
{
	if (b->count == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4;
		const char **grown = arena_alloc(quiz_arena(l->q), cap * sizeof(char *));
		if (b->count)
			memcpy(grown, b->items, b->count * sizeof(char *));
		b->items = grown;
		b->cap = cap;
	}
	b->items[b->count++] = s;
}

/* The schema, exactly as pack_write makes it: a pack with anything more (a
 * view, a trigger, a virtual table) or less is refused before a row is read. */
static void check_schema(loader *l)
{
	static const char listing[] = "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema"
	                              " ORDER BY type, name";
	sqlite3 *model = NULL;
	sqlite3_stmt *want = NULL, *got = NULL;
	if (sqlite3_open_v2(":memory:", &model, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(model, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(model, listing, -1, &want, NULL) != SQLITE_OK) {
		damaged(l, "its schema cannot be compared: %s", sqlite3_errmsg(model));
		goto out;
	}
	got = prepare(l, listing);
	for (;;) {
		bool more_wanted = sqlite3_step(want) == SQLITE_ROW;
		bool more_got = row(l, got);
		if (l->failed)
			break;
		if (!more_wanted && !more_got)
			break;
		bool same = more_wanted && more_got;
		for (int i = 0; same && i < 4; i++)
			same = sqlite3_column_type(got, i) == SQLITE_TEXT &&
			       strcmp((const char *)sqlite3_column_text(want, i),
			              (const char *)sqlite3_column_text(got, i)) == 0;
		if (!same) {
			if (more_got && sqlite3_column_type(got, 1) == SQLITE_TEXT)
				damaged(l, "its schema is not a pack's (%.40s `%.60s`)",
				        (const char *)sqlite3_column_text(got, 0),
				        (const char *)sqlite3_column_text(got, 1));
			else
				damaged(l, "its schema is not a pack's");
			break;
		}
	}
out:
	sqlite3_finalize(want);
	sqlite3_finalize(got);
	sqlite3_close(model);
}

/* How many rows `table` holds, so that counts in the header are checked
 * before they size anything. */
static sqlite3_int64 count_rows(loader *l, const char *sql)
{
	sqlite3_stmt *s = prepare(l, sql);
	sqlite3_int64 n = row(l, s) ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return n;
}

static void read_header(loader *l, sqlite3_int64 *questions, sqlite3_int64 *actors,
                        const char **digest, const char **art_path, const char **art_text,
                        size_t *art_len)
{
	sqlite3_stmt *s = prepare(l, "SELECT format, title, hash, digest, date_order, article_path,"
	                             " article_text, questions, actors FROM pack");
	if (!row(l, s)) {
		if (!l->failed)
			damaged(l, "it has no header row");
		sqlite3_finalize(s);
		return;
	}
	if (column_int(l, s, 0, 0, INT32_MAX) != PACK_SCHEMA_VERSION)
		damaged(l, "its header names another format");
	quiz_set_title(l->q, column_text(l, s, 1));
	const char *hash = column_text(l, s, 2);
	if (!hash || strlen(hash) != 64)
		damaged(l, "its content hash is missing");
	else
		quiz_set_hash(l->q, hash);
	*digest = column_text(l, s, 3);
	const char *order = column_text(l, s, 4);
	if (order && strcmp(order, "mdy") == 0)
		quiz_set_date_order(l->q, QUIZ_DATE_ORDER_MDY);
	else if (order && strcmp(order, "dmy") == 0)
		quiz_set_date_order(l->q, QUIZ_DATE_ORDER_DMY);
	else if (!order || *order)
		damaged(l, "its date order is unknown");
	*art_path = column_text(l, s, 5);
	if (sqlite3_column_type(s, 6) != SQLITE_TEXT) {
		damaged(l, "its article is missing");
	} else {
		*art_text = (const char *)sqlite3_column_text(s, 6);
		*art_len = (size_t)sqlite3_column_bytes(s, 6);
		*art_text = arena_strndup(quiz_arena(l->q), *art_text, *art_len);
	}
	*questions = column_int(l, s, 7, 0, 100000000);
	*actors = column_int(l, s, 8, 0, 100000000);
	if (row(l, s))
		damaged(l, "it has more than one header row");
	sqlite3_finalize(s);
}

static void read_actors(loader *l)
{
	sqlite3_stmt *s = prepare(l, "SELECT position, id, name, family, acronym FROM actors"
	                             " ORDER BY position");
	size_t i = 0;
	while (row(l, s)) {
		if (i >= l->n_actors || column_int(l, s, 0, 0, INT64_MAX) != (sqlite3_int64)i) {
			damaged(l, "its actors are not numbered in order");
			break;
		}
		quiz_actor *a = quiz_add_actor(l->q);
		a->id = column_text(l, s, 1);
		a->name = column_text(l, s, 2);
		a->family = column_text(l, s, 3);
		a->acronym = column_text(l, s, 4);
		if (!a->name)
			damaged(l, "actor %zu has no name", i + 1);
		l->actors[i++] = a;
	}
	sqlite3_finalize(s);
	if (!l->failed && i != l->n_actors)
		damaged(l, "it holds %zu actors, not the %zu it says", i, l->n_actors);
	s = prepare(l, "SELECT actor, position, alias FROM actor_aliases ORDER BY actor, position");
	list_builder b = {NULL, 0, 0};
	sqlite3_int64 current = -1;
	while (row(l, s)) {
		sqlite3_int64 actor = column_int(l, s, 0, 0, (sqlite3_int64)l->n_actors - 1);
		if (l->failed)
			break;
		if (actor != current) {
			b = (list_builder){NULL, 0, 0};
			current = actor;
		}
		if (column_int(l, s, 1, 0, INT64_MAX) != (sqlite3_int64)b.count) {
			damaged(l, "aliases of actor %lld are not numbered in order", (long long)actor + 1);
			break;
		}
		list_push(l, &b, column_text(l, s, 2));
		l->actors[actor]->aliases = (quiz_strings){b.items, b.count};
	}
	sqlite3_finalize(s);
}

/* The columns of `questions` that hold each kind's answer; 0 when none. */
static const struct {
	int first, last;
} answer_columns[QUIZ_KIND_COUNT] = {
	[QUIZ_DATE] = {15, 17},
	[QUIZ_ACTOR] = {18, 18},
	[QUIZ_NUMBER] = {19, 22},
	[QUIZ_TEXT] = {23, 23},
	[QUIZ_CLAIM] = {24, 25},
};

static void read_questions(loader *l)
{
	sqlite3_stmt *s = prepare(
		l, "SELECT position, id, kind, prompt, answer_text, hint, explain, source_quote,"
		   " source_paragraph, source_line, source_start, source_end, points, line, col,"
		   " date_year, date_month, date_day, actor, number_value, number_tolerance,"
		   " number_percent, number_unit, text, claim_truth, claim_correction"
		   " FROM questions ORDER BY position");
	size_t i = 0;
	while (row(l, s)) {
		if (i >= l->n_questions || column_int(l, s, 0, 0, INT64_MAX) != (sqlite3_int64)i) {
			damaged(l, "its questions are not numbered in order");
			break;
		}
		quiz_question *qq = quiz_add_question(l->q);
		l->questions[i++] = qq;
		qq->id = column_text(l, s, 1);
		const char *kind = column_text(l, s, 2);
		qq->kind = kind ? quiz_kind_parse(kind) : QUIZ_KIND_COUNT;
		if (!qq->id || qq->kind == QUIZ_KIND_COUNT) {
			damaged(l, "question %zu has no id or an unknown kind", i);
			break;
		}
		qq->prompt = column_text(l, s, 3);
		qq->answer_text = column_text(l, s, 4);
		qq->hint = column_text(l, s, 5);
		qq->explain = column_text(l, s, 6);
		qq->source.quote = column_text(l, s, 7);
		qq->source.paragraph = (int)column_int(l, s, 8, 0, INT32_MAX);
		qq->source.line = (int)column_int(l, s, 9, 0, INT32_MAX);
		qq->source.start = (size_t)column_int(l, s, 10, 0, INT64_MAX);
		qq->source.end = (size_t)column_int(l, s, 11, 0, INT64_MAX);
		qq->points = column_double(l, s, 12);
		qq->line = (int)column_int(l, s, 13, 0, INT32_MAX);
		qq->col = (int)column_int(l, s, 14, 0, INT32_MAX);
		/* Only the question's own kind is read, since the kinds share their
		 * memory; the columns of the others are empty in a sound pack. */
		for (int k = 0; k < QUIZ_KIND_COUNT; k++) {
			if (k == (int)qq->kind || !answer_columns[k].first)
				continue;
			for (int col = answer_columns[k].first; col <= answer_columns[k].last; col++)
				if (!column_empty(s, col))
					damaged(l, "question %zu holds a %s answer but is a %s question", i,
					        quiz_kind_name((quiz_kind)k), quiz_kind_name(qq->kind));
		}
		switch (qq->kind) {
		case QUIZ_DATE:
			qq->date.year = (int)column_int(l, s, 15, 0, 9999);
			qq->date.month = (int)column_int(l, s, 16, 0, 12);
			qq->date.day = (int)column_int(l, s, 17, 0, 31);
			break;
		case QUIZ_ACTOR:
			if (sqlite3_column_type(s, 18) != SQLITE_NULL)
				qq->actor = l->actors[column_int(l, s, 18, 0, (sqlite3_int64)l->n_actors - 1)];
			break;
		case QUIZ_NUMBER:
			qq->number.value = column_double(l, s, 19);
			qq->number.tolerance = column_double(l, s, 20);
			qq->number.tolerance_is_percent = column_int(l, s, 21, 0, 1);
			qq->number.unit = column_text(l, s, 22);
			break;
		case QUIZ_TEXT:
			qq->text = column_text(l, s, 23);
			break;
		case QUIZ_CLAIM:
			qq->claim.truth = column_int(l, s, 24, 0, 1);
			qq->claim.correction = column_text(l, s, 25);
			break;
		default:
			break;
		}
		if (!qq->prompt || !qq->answer_text)
			damaged(l, "question %zu has no prompt or answer", i);
		if (qq->kind == QUIZ_ACTOR && !qq->actor)
			damaged(l, "actor question %zu has no actor", i);
		if (qq->kind == QUIZ_TEXT && !qq->text)
			damaged(l, "text question %zu has no answer", i);
		if (qq->kind == QUIZ_DATE && qq->date.year == 0)
			damaged(l, "date question %zu has no date", i);
	}
	sqlite3_finalize(s);
	if (!l->failed && i != l->n_questions)
		damaged(l, "it holds %zu questions, not the %zu it says", i, l->n_questions);
}

static void read_lists(loader *l)
{
	sqlite3_stmt *s = prepare(l, "SELECT question, list, position, value FROM question_lists"
	                             " ORDER BY question, list, position");
	list_builder b = {NULL, 0, 0};
	size_t *correct = NULL, n_correct = 0, cap_correct = 0;
	sqlite3_int64 current = -1;
	buf list;
	buf_init(&list);
	while (row(l, s)) {
		sqlite3_int64 qi = column_int(l, s, 0, 0, (sqlite3_int64)l->n_questions - 1);
		const char *name = (const char *)sqlite3_column_text(s, 1);
		if (l->failed || !name)
			break;
		if (qi != current || strcmp(name, list.ptr) != 0) {
			b = (list_builder){NULL, 0, 0};
			correct = NULL;
			n_correct = cap_correct = 0;
			current = qi;
			buf_clear(&list);
			buf_puts(&list, name);
		}
		quiz_question *qq = l->questions[qi];
		quiz_kind owner = strcmp(name, "choices") == 0 || strcmp(name, "correct") == 0
		                      ? QUIZ_CHOICE
		                  : strcmp(name, "items") == 0 ? QUIZ_ORDER
		                                               : qq->kind;
		if (owner != qq->kind) {
			damaged(l, "question %lld has %s but is a %s question", (long long)qi + 1, name,
			        quiz_kind_name(qq->kind));
			break;
		}
		sqlite3_int64 pos = column_int(l, s, 2, 0, INT64_MAX);
		if (pos != (sqlite3_int64)(strcmp(name, "correct") == 0 ? n_correct : b.count)) {
			damaged(l, "list %s of question %lld is not numbered in order", name,
			        (long long)qi + 1);
			break;
		}
		if (strcmp(name, "correct") == 0) {
			/* Grown by doubling in the arena, as list_push does: copying
			 * the list at every row made a long one quadratic. */
			if (n_correct == cap_correct) {
				cap_correct = cap_correct ? cap_correct * 2 : 4;
				size_t *grown = arena_alloc(quiz_arena(l->q), cap_correct * sizeof(size_t));
				if (n_correct)
					memcpy(grown, correct, n_correct * sizeof(size_t));
				correct = grown;
			}
			correct[n_correct++] = (size_t)column_int(l, s, 3, 0, INT64_MAX);
			qq->correct = correct;
			qq->n_correct = n_correct;
			continue;
		}
		const char *value = column_text(l, s, 3);
		if (!value) {
			damaged(l, "list %s of question %lld has an empty entry", name, (long long)qi + 1);
			break;
		}
		list_push(l, &b, value);
		quiz_strings strings = {b.items, b.count};
		if (strcmp(name, "accept") == 0)
			qq->accept = strings;
		else if (strcmp(name, "reject") == 0)
			qq->reject = strings;
		else if (strcmp(name, "tags") == 0)
			qq->tags = strings;
		else if (strcmp(name, "choices") == 0)
			qq->choices = strings;
		else if (strcmp(name, "items") == 0)
			qq->items = strings;
		else if (strcmp(name, "after") == 0 && b.count == 1) {
			qq->after = value;
			qq->after_paragraph = sections_pin_paragraph(value);
		} else
			damaged(l, "it has an unknown list `%s`", name);
	}
	buf_release(&list);
	sqlite3_finalize(s);
}

static void read_pairs_and_blanks(loader *l)
{
	sqlite3_stmt *s = prepare(l, "SELECT question, position, left, right FROM pairs"
	                             " ORDER BY question, position");
	quiz_pair *pairs = NULL;
	size_t n = 0, cap = 0;
	sqlite3_int64 current = -1;
	while (row(l, s)) {
		sqlite3_int64 qi = column_int(l, s, 0, 0, (sqlite3_int64)l->n_questions - 1);
		if (l->failed)
			break;
		if (l->questions[qi]->kind != QUIZ_MATCH) {
			damaged(l, "question %lld has pairs but is a %s question", (long long)qi + 1,
			        quiz_kind_name(l->questions[qi]->kind));
			break;
		}
		if (qi != current) {
			pairs = NULL;
			n = cap = 0;
			current = qi;
		}
		if (column_int(l, s, 1, 0, INT64_MAX) != (sqlite3_int64)n) {
			damaged(l, "pairs of question %lld are not numbered in order", (long long)qi + 1);
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 4;
			quiz_pair *grown = arena_alloc(quiz_arena(l->q), cap * sizeof(quiz_pair));
			if (n)
				memcpy(grown, pairs, n * sizeof(quiz_pair));
			pairs = grown;
		}
		pairs[n].left = column_text(l, s, 2);
		pairs[n].right = column_text(l, s, 3);
		if (!pairs[n].left || !pairs[n].right)
			damaged(l, "a pair of question %lld is empty", (long long)qi + 1);
		n++;
		l->questions[qi]->pairs = pairs;
		l->questions[qi]->n_pairs = n;
	}
	sqlite3_finalize(s);

	s = prepare(l, "SELECT question, blank, position, answer FROM blanks"
	               " ORDER BY question, blank, position");
	quiz_blank *blanks = NULL;
	size_t n_blanks = 0, cap_blanks = 0;
	list_builder answers = {NULL, 0, 0};
	current = -1;
	while (row(l, s)) {
		sqlite3_int64 qi = column_int(l, s, 0, 0, (sqlite3_int64)l->n_questions - 1);
		sqlite3_int64 blank = column_int(l, s, 1, 0, INT64_MAX);
		sqlite3_int64 pos = column_int(l, s, 2, 0, INT64_MAX);
		if (l->failed)
			break;
		if (l->questions[qi]->kind != QUIZ_CLOZE) {
			damaged(l, "question %lld has blanks but is a %s question", (long long)qi + 1,
			        quiz_kind_name(l->questions[qi]->kind));
			break;
		}
		if (qi != current) {
			blanks = NULL;
			n_blanks = cap_blanks = 0;
			current = qi;
		}
		if (pos == 0) {
			if (blank != (sqlite3_int64)n_blanks) {
				damaged(l, "blanks of question %lld are not numbered in order", (long long)qi + 1);
				break;
			}
			if (n_blanks == cap_blanks) {
				cap_blanks = cap_blanks ? cap_blanks * 2 : 4;
				quiz_blank *grown = arena_alloc(quiz_arena(l->q), cap_blanks * sizeof(quiz_blank));
				if (n_blanks)
					memcpy(grown, blanks, n_blanks * sizeof(quiz_blank));
				blanks = grown;
			}
			answers = (list_builder){NULL, 0, 0};
			n_blanks++;
		} else if (blank != (sqlite3_int64)n_blanks - 1 || pos != (sqlite3_int64)answers.count) {
			damaged(l, "blanks of question %lld are not numbered in order", (long long)qi + 1);
			break;
		}
		const char *answer = column_text(l, s, 3);
		if (!answer) {
			damaged(l, "a blank of question %lld is empty", (long long)qi + 1);
			break;
		}
		list_push(l, &answers, answer);
		blanks[n_blanks - 1].answers = (quiz_strings){answers.items, answers.count};
		l->questions[qi]->blanks = blanks;
		l->questions[qi]->n_blanks = n_blanks;
	}
	sqlite3_finalize(s);
}

/* What every consumer of a quiz relies on, checked once here so that a
 * pack made by hand cannot send anyone out of bounds. */
static void check_shapes(loader *l)
{
	for (size_t i = 0; i < l->n_questions && !l->failed; i++) {
		const quiz_question *qq = l->questions[i];
		bool shaped = true;
		switch (qq->kind) {
		case QUIZ_CHOICE:
			for (size_t k = 0; k < qq->n_correct; k++)
				if (qq->correct[k] >= qq->choices.count)
					damaged(l, "question %zu's answer is not among its choices", i + 1);
			shaped = qq->choices.count >= 2 && qq->n_correct >= 1;
			break;
		case QUIZ_ORDER:
			shaped = qq->items.count >= 2;
			break;
		case QUIZ_MATCH:
			shaped = qq->n_pairs >= 2;
			break;
		case QUIZ_CLOZE:
			shaped = qq->n_blanks >= 1;
			break;
		default:
			break;
		}
		if (!shaped)
			damaged(l, "question %zu is missing what a %s question needs", i + 1,
			        quiz_kind_name(qq->kind));
	}
}

quiz *pack_load(const char *path, diag_list *d)
{
	loader l = {.path = path, .d = d};
	sqlite3_int64 n_questions = 0, n_actors = 0;
	const char *digest = NULL, *art_path = NULL, *art_text = NULL;
	size_t art_len = 0;
	/* The article is the longest value a pack holds. */
	int rc = pack_open_untrusted(path, (int)ARTICLE_MAX_SIZE + 1, &l.db);
	if (rc != SQLITE_OK) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open the pack: %s",
		         l.db ? sqlite3_errmsg(l.db) : sqlite3_errstr(rc));
		sqlite3_close(l.db);
		return NULL;
	}
	l.q = quiz_new();
	quiz_set_bank_path(l.q, path);

	sqlite3_stmt *s = prepare(&l, "PRAGMA application_id");
	sqlite3_int64 app = row(&l, s) ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (!l.failed && app != PACK_APPLICATION_ID) {
		diag *dg = diag_add(d, DIAG_ERROR, path, 0, 0, "not a recall pack");
		diag_hint(dg, "it is an SQLite database of some other program");
		l.failed = true;
	}
	s = prepare(&l, "PRAGMA user_version");
	sqlite3_int64 version = row(&l, s) ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (!l.failed && version != PACK_SCHEMA_VERSION) {
		diag *dg = diag_add(d, DIAG_ERROR, path, 0, 0,
		                    "pack format %lld is not one this recall reads", (long long)version);
		diag_hint(dg, version > PACK_SCHEMA_VERSION
		                  ? "it was built by a newer recall; update recall or build it again here"
		                  : "build it again from its bank with `recall build`");
		l.failed = true;
	}
	if (!l.failed)
		check_schema(&l);
	s = prepare(&l, "PRAGMA quick_check");
	if (row(&l, s)) {
		const char *verdict = (const char *)sqlite3_column_text(s, 0);
		if (!verdict || strcmp(verdict, "ok") != 0)
			damaged(&l, "%s", verdict ? verdict : "integrity check failed");
	}
	sqlite3_finalize(s);

	read_header(&l, &n_questions, &n_actors, &digest, &art_path, &art_text, &art_len);
	if (!l.failed && count_rows(&l, "SELECT count(*) FROM questions") != n_questions)
		damaged(&l, "it does not hold the %lld questions it says", (long long)n_questions);
	if (!l.failed && count_rows(&l, "SELECT count(*) FROM actors") != n_actors)
		damaged(&l, "it does not hold the %lld actors it says", (long long)n_actors);
	if (!l.failed) {
		l.n_questions = (size_t)n_questions;
		l.n_actors = (size_t)n_actors;
		l.questions = xcalloc(l.n_questions ? l.n_questions : 1, sizeof(quiz_question *));
		l.actors = xcalloc(l.n_actors ? l.n_actors : 1, sizeof(quiz_actor *));
		read_actors(&l);
		read_questions(&l);
		read_lists(&l);
		read_pairs_and_blanks(&l);
		check_shapes(&l);
	}
	if (!l.failed) {
		diag_list *article_diags = diag_list_new();
		article *a = article_parse(art_path ? art_path : "article", art_text, art_len,
		                           article_diags);
		diag_list_free(article_diags);
		if (!a)
			damaged(&l, "its article cannot be read");
		else
			quiz_set_article(l.q, a);
	}
	if (!l.failed) {
		char hex[65];
		pack_digest(l.q, hex);
		if (!digest || strcmp(hex, digest) != 0)
			damaged(&l, "its contents do not match their digest");
	}
	sqlite3_close(l.db);
	free(l.questions);
	free(l.actors);
	if (l.failed) {
		quiz_free(l.q);
		return NULL;
	}
	return l.q;
}
