/* pack.h - packs: a compiled quiz and its article in one SQLite file */
#ifndef RECALL_PACK_H
#define RECALL_PACK_H

#include <sqlite3.h>

#include "diag.h"
#include "quiz.h"

/* The schema version written in PRAGMA user_version, and the file's
 * PRAGMA application_id ("RCAL"), which tells a pack from other SQLite files. */
#define PACK_SCHEMA_VERSION 1
#define PACK_APPLICATION_ID 0x5243414C

/* What a file looks like from its first bytes. */
typedef enum {
	PACK_SNIFF_PACK,         /* starts with the SQLite header */
	PACK_SNIFF_OTHER,        /* readable, not SQLite */
	PACK_SNIFF_UNREADABLE,   /* cannot be opened or read */
} pack_sniff_result;

pack_sniff_result pack_sniff(const char *path);

/* Writes `q` (which must have an article) to `path` as a pack: questions,
 * actors and every field of them as rows, the article's text, the content
 * hash, and a digest of it all. The file is written beside `path` and
 * renamed over it when complete, so a failed build leaves no half pack.
 * Returns 0, or -1 with an error added to `d`. */
int pack_write(const quiz *q, const char *path, diag_list *d);

/* Opens an SQLite file that came from elsewhere (a pack, or a database to
 * merge) for reading only, so that nothing in it can run or be written:
 * the path is escaped for SQLite's URI syntax; a file with no write-ahead log
 * waiting beside it is read as immutable (nothing is created beside it, so
 * read-only media work); SQLITE_DBCONFIG_DEFENSIVE is on, the schema is not
 * trusted, views and triggers are off, and no value may be longer than
 * `max_length` bytes. Returns an SQLite result code; *db is set even on
 * failure and the caller closes it with sqlite3_close. */
int pack_open_untrusted(const char *path, int max_length, sqlite3 **db);

/* Loads a pack written by pack_write. Checks the application id, the schema
 * version, that its schema is exactly the one pack_write makes (so no view or
 * trigger), the row counts against its header before anything is allocated,
 * SQLite's own integrity check, the structure of every row and the digest,
 * in time linear in the file's size; a damaged, truncated or foreign file
 * is an error added to `d`, and NULL is returned. The caller frees the quiz
 * with quiz_free. Its bank path is `path`. */
quiz *pack_load(const char *path, diag_list *d);

/* The digest of everything a quiz holds but its bank path: 64 hex digits
 * and a NUL. Two quizzes with the same digest ask the same questions and
 * grade them the same way. */
void pack_digest(const quiz *q, char hex[65]);

#endif
