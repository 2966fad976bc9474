/* bank.h - load and validate YAML question banks, compiling them into quizzes */
#ifndef RECALL_BANK_H
#define RECALL_BANK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "quiz.h"

/* Banks larger than this are refused, as is nesting deeper than BANK_MAX_DEPTH. */
#define BANK_MAX_SIZE (64u * 1024 * 1024)
#define BANK_MAX_DEPTH 64
/* The longest title a bank may have, in bytes. */
#define BANK_MAX_TITLE 1024

/* The format version this compiler reads (`recall: 1`). */
#define BANK_FORMAT_VERSION 1

typedef struct {
	bool strict;   /* warnings count as errors (`recall check --strict`) */
	const char *articles;   /* the folder articles must be under (`--articles DIR`);
	                         * NULL: $RECALL_ARTICLES, else the folder that holds
	                         * the bank's folder */
} bank_options;

/* Compiles the YAML bank at `path` and the article it names into a quiz.
 * Every problem found is added to `d`, positioned file:line:col, all of them
 * in one run, with a hint where one helps. Returns NULL when there are errors
 * (with opt->strict, warnings too); otherwise a quiz the caller frees with
 * quiz_free. `opt` may be NULL for the defaults. */
quiz *bank_compile(const char *path, const bank_options *opt, diag_list *d);

/* As bank_compile, for bank text already in memory that diagnostics call
 * `name`; the article is found relative to `name`. */
quiz *bank_compile_text(const char *name, const char *text, size_t len, const bank_options *opt,
                        diag_list *d);

/* Opens a bank or a pack, deciding by content: a file that starts with the
 * SQLite header is a pack (see pack.h), anything else a bank compiled with
 * default options. Returns NULL, with diagnostics in `d`, when it cannot. */
quiz *bank_open(const char *path, diag_list *d);

/* Whether an article may be read for the bank at `bank_path`: a file under
 * the folder that holds the bank's folder (a bank in quizzes/ names
 * ../content/x.md), or the bank's folder itself when that is a top-level
 * one, or under `articles_dir` (--articles, $RECALL_ARTICLES; may be NULL).
 * False with *root set to the folder it should be under when it is outside,
 * false with *root NULL and errno set when a path cannot be resolved. The
 * caller frees *root. */
bool bank_article_in_tree(const char *bank_path, const char *article_path,
                          const char *articles_dir, char **root);

#endif
