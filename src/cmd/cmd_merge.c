/* cmd_merge.c - `recall merge OTHER.db...`: fold other machines' results into this database */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classroom.h"
#include "cli.h"
#include "store.h"

static const char merge_usage[] =
	"Usage: recall merge [--db PATH] OTHER.db...\n"
	"\n"
	"Fold the results in other recall databases (copied from the other machines\n"
	"of a room) into this one: their sessions with every answer, the learners,\n"
	"banks and questions they refer to, and their classes and rosters. Sessions\n"
	"carry a unique id, so a session already here is not added again, and\n"
	"merging the same file twice adds nothing; a session the other database has\n"
	"further along (more answers, or ended) gets its missing answers and its end.\n"
	"Classes and students already here keep their settings and names.\n"
	"\n"
	"Each file is checked first (a recall database, not newer than this program,\n"
	"sound to SQLite's integrity check, every row sensible) and read without\n"
	"being changed; then everything is written in one transaction. If anything\n"
	"is wrong, nothing is written and this database stays exactly as it was.\n"
	"\n"
	"Options:\n"
	"      --db PATH        this database (default $RECALL_DB, or\n"
	"                       ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"  -h, --help           show this help\n";

static void counted(buf *out, size_t n, const char *one, const char *many, const char **sep)
{
	if (!n)
		return;
	buf_printf(out, "%s%zu %s", *sep, n, n == 1 ? one : many);
	*sep = ", ";
}

int cmd_merge(int argc, char **argv)
{
	static const struct option options[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *db = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		default: {
			int status = cli_shared_option("merge", c, merge_usage, argv, &db, NULL);
			if (status != CLI_NEXT)
				return status;
			break;
		}
		}
	}
	if (optind == argc)
		return cli_usage_error("merge", "which database? recall merge OTHER.db");

	store_options so = {.path = db, .write = true, .only_existing_folder = true};
	store *s = NULL;
	char *err = NULL;
	if (store_open(&so, &s, &err) != STORE_OK) {
		classroom_error("merge", "%s", err);
		free(err);
		return EXIT_PROBLEMS;
	}
	store_merge_counts n;
	int status = EXIT_OK;
	if (store_merge(s, (const char *const *)argv + optind, (size_t)(argc - optind), &n) !=
	    STORE_OK) {
		classroom_error("merge", "%s; %s was not changed", store_errmsg(s), store_path(s));
		status = EXIT_PROBLEMS;
	} else {
		buf line;
		buf_init(&line);
		const char *sep = "; new here: ";
		if (n.sessions || n.sessions_extended) {
			buf_printf(&line, "Merged %zu file%s: %zu session%s added", n.files,
			           n.files == 1 ? "" : "s", n.sessions, n.sessions == 1 ? "" : "s");
			if (n.sessions_extended)
				buf_printf(&line, ", %zu taken further", n.sessions_extended);
			buf_printf(&line, ", with %zu answer%s", n.responses, n.responses == 1 ? "" : "s");
			if (n.sessions_known)
				buf_printf(&line, "; %zu session%s here already", n.sessions_known,
				           n.sessions_known == 1 ? " was" : "s were");
		} else if (n.sessions_known) {
			buf_printf(&line, "Nothing new in %zu file%s: %s %zu session%s here already",
			           n.files, n.files == 1 ? "" : "s", n.files == 1 ? "its" : "their",
			           n.sessions_known, n.sessions_known == 1 ? " was" : "s were");
		} else {
			buf_printf(&line, "Nothing new in %zu file%s: no sessions in %s", n.files,
			           n.files == 1 ? "" : "s", n.files == 1 ? "it" : "them");
		}
		counted(&line, n.learners, "learner", "learners", &sep);
		counted(&line, n.banks, "bank", "banks", &sep);
		counted(&line, n.questions, "question", "questions", &sep);
		counted(&line, n.classes, "class", "classes", &sep);
		counted(&line, n.students, "student on a roster", "students on rosters", &sep);
		counted(&line, n.regrades, "regrade", "regrades", &sep);
		buf_puts(&line, ".\n");
		fputs(line.ptr, stdout);
		buf_release(&line);
	}
	store_close(s);
	return cli_finish(status);
}
