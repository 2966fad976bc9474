/* normalize.h - canonical keys for comparing typed answers with a bank's answers */
#ifndef RECALL_NORMALIZE_H
#define RECALL_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Text is compared in three steps (notes/ALGORITHMS.md, section 1.3):
 *
 * 1. Fold: NFKC with Unicode case folding, look-alike punctuation lumped
 *    (curly apostrophes become ', dashes and the minus sign become -),
 *    control characters stripped (tabs and newlines become spaces), default
 *    ignorables such as the soft hyphen and zero-width space removed. With
 *    NORM_STRIP_MARKS accents are removed as well: "Müller" folds to "muller".
 * 2. Tokenise: letters, marks and digits make words; an apostrophe or a
 *    period inside a word is deleted ("U.S." -> "us", "O'Brien" -> "obrien"),
 *    except that a period between two digits is kept ("3.5") and a comma
 *    between digits is deleted ("2,000" -> "2000"); a possessive 's ends a
 *    word and is dropped ("Pelosi's" -> "pelosi"); every other punctuation,
 *    symbol or space separates words.
 * 3. Key: the words joined by one space (`text`) and run together
 *    (`compact`, so "well-known" and "well known" meet), optionally without a
 *    leading "the", "a" or "an".
 *
 * Nothing here allocates per call unless the text is long: folding writes
 * into the caller's buffer and says how much room it needed. */

enum {
	NORM_STRIP_MARKS = 1u << 0,   /* fold: remove accents and other marks */
	NORM_DROP_ARTICLE = 1u << 1,  /* key: drop a leading the/a/an */
};

/* Token flags. */
enum {
	NORM_TOKEN_DIGIT = 1u << 0,   /* holds at least one digit */
	NORM_TOKEN_ALPHA = 1u << 1,   /* letters and marks only */
};

typedef struct {
	uint32_t start, len;   /* byte range in the key's text */
	uint32_t cstart;       /* where it starts in the key's compact form */
	uint32_t chars;        /* code points */
	uint32_t flags;        /* NORM_TOKEN_* */
} norm_token;

/* A canonical key. The strings are NUL-terminated; who owns them depends on
 * how the key was made (norm_key_in_arena: the arena; norm_work: the work
 * area). */
typedef struct {
	const char *text;       /* words joined by single spaces */
	size_t len;
	const char *compact;    /* words run together */
	size_t compact_len;
	const norm_token *tokens;
	size_t n_tokens;
	uint64_t letters;       /* bit (c % 64) set for every code point c: a
	                           cheap filter before edit distances */
	bool ascii;             /* the folded text was plain ASCII */
	bool latin;             /* every letter is Latin, Greek or Cyrillic, so
	                           stripping accents keeps the words' meaning */
} norm_key;

/* Folds `s` (len bytes) into `out` (room for `cap` bytes, NUL-terminated
 * when the result fits). Returns the folded length, which is cap or more
 * when it did not fit (call again with a larger buffer), or -1 when `s` is
 * not valid UTF-8. `flags`: NORM_STRIP_MARKS. */
long norm_fold(const char *s, size_t len, unsigned flags, char *out, size_t cap);

/* Builds the key of already folded text. The caller provides the storage:
 * `text_buf` and `compact_buf` with room for len + 1 bytes each and `tokens`
 * with room for len / 2 + 1 entries; the key points into them. `flags`:
 * NORM_DROP_ARTICLE. */
void norm_key_build(const char *folded, size_t len, unsigned flags, char *text_buf,
                    char *compact_buf, norm_token *tokens, norm_key *key);

/* Folds and keys `s` with everything allocated from `a`. Returns false (and
 * an empty key) when `s` is not valid UTF-8. */
bool norm_key_in_arena(arena *a, const char *s, unsigned flags, norm_key *key);

/* A work area for keying one typed answer without allocating: short text
 * lives in the struct itself (put it on the stack), long text on the heap
 * until norm_work_release. */
enum { NORM_WORK_SMALL = 256 };

typedef struct {
	norm_key key;
	const char *folded;      /* the folded text, before tokenising */
	size_t folded_len;
	char small_fold[NORM_WORK_SMALL];
	char small_text[NORM_WORK_SMALL];
	char small_compact[NORM_WORK_SMALL];
	norm_token small_tokens[NORM_WORK_SMALL / 2 + 1];
	char *heap;              /* NULL unless the text was long */
} norm_work;

void norm_work_init(norm_work *w);
/* Folds and keys `s`; returns false when it is not valid UTF-8 (the key is
 * then empty). May be called again on the same work area. */
bool norm_work_set(norm_work *w, const char *s, size_t len, unsigned fold_flags,
                   unsigned key_flags);
void norm_work_release(norm_work *w);

/* True when two keys are equal word for word. */
bool norm_key_eq(const norm_key *a, const norm_key *b);
/* True when the words run together are equal ("well known" = "well-known"). */
bool norm_key_compact_eq(const norm_key *a, const norm_key *b);

/* Decodes the UTF-8 `s` into at most `cap` code points; returns how many
 * there were (which may exceed cap: then only cap were written). */
size_t norm_decode(const char *s, size_t len, int32_t *out, size_t cap);

/* The optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions) between two code point strings, or max + 1 as soon as it
 * is known to exceed `max`. Linear memory; O(na * nb) at worst, usually much
 * less thanks to the cut-off. */
int norm_osa(const int32_t *a, size_t na, const int32_t *b, size_t nb, int max);

/* The same over UTF-8 strings of at most 128 code points; longer strings are
 * only ever at distance 0 (equal) or max + 1. */
int norm_osa_utf8(const char *a, size_t alen, const char *b, size_t blen, int max);

/* The typo budget of a word of `chars` code points: 0 up to 4, 1 up to 8,
 * then 2 (the Meilisearch defaults). */
int norm_typo_budget(size_t chars);

/* The first code point of `s` (0 for the empty string). */
int32_t norm_first_char(const char *s, size_t len);

#endif
