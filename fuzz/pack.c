/* pack.c - fuzz target: pack_load on packs made by hand
 *
 * An input that starts with the SQLite header is the pack's file itself.
 * Any other input is SQL run on a copy of the sample's pack, as someone
 * editing a pack with the sqlite3 shell would: views, triggers, rows out of
 * order, values of the wrong type or size. Either way the pack is loaded as
 * `recall take PACK` would load it. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bank.h"
#include "diag.h"
#include "fuzz.h"
#include "pack.h"
#include "quiz.h"
#include "util.h"

static char work[256];
static buf sample;

static void write_bytes(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, len, f) != len || fclose(f) != 0)
		abort();
}

static void set_up(void)
{
	char dir[] = "/tmp/recall-fuzz-pack-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	snprintf(work, sizeof work, "%s/work.quiz", dir);
	diag_list *d = diag_list_new();
	quiz *q = bank_compile("quizzes/china-fentanyl-sanctions.yaml", NULL, d);
	if (!q || pack_write(q, work, d) != 0) {
		fprintf(stderr, "fuzz pack: run from the repository's root\n");
		abort();
	}
	quiz_free(q);
	diag_list_free(d);
	buf_init(&sample);
	if (read_file(work, 1 << 24, &sample) != 0)
		abort();
}

/* Statements that would run for ever are cut off. */
static int enough(void *steps)
{
	return ++*(long *)steps > 1000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!work[0])
		set_up();
	unlink(work);
	if (size >= 16 && memcmp(data, "SQLite format 3", 16) == 0) {
		write_bytes(work, data, size);
	} else {
		write_bytes(work, sample.ptr, sample.len);
		sqlite3 *db = NULL;
		if (sqlite3_open(work, &db) == SQLITE_OK) {
			long steps = 0;
			sqlite3_progress_handler(db, 1000, enough, &steps);
			char *sql = fuzz_cstring(data, size);
			sqlite3_exec(db, sql, NULL, NULL, NULL);
			free(sql);
		}
		sqlite3_close(db);
	}
	diag_list *d = diag_list_new();
	quiz *q = pack_load(work, d);
	FUZZ_ASSERT(q ? diag_errors(d) == 0 : diag_errors(d) > 0, "quiz %s with %zu errors",
	            q ? "made" : "refused", diag_errors(d));
	buf out;
	buf_init(&out);
	diag_format(d, false, &out);
	fuzz_check_terminal_text(out.ptr, out.len, false);
	if (q) {
		/* What the consumers rely on, as check_shapes promises it. */
		for (size_t i = 0; i < quiz_question_count(q); i++) {
			const quiz_question *qq = quiz_question_at(q, i);
			FUZZ_ASSERT(qq->id && qq->prompt && qq->answer_text, "question %zu incomplete", i);
			if (qq->kind == QUIZ_CHOICE)
				for (size_t k = 0; k < qq->n_correct; k++)
					FUZZ_ASSERT(qq->correct[k] < qq->choices.count, "answer out of bounds");
		}
		char hex[65];
		pack_digest(q, hex);
		quiz_free(q);
	}
	buf_release(&out);
	diag_list_free(d);
	return 0;
}
