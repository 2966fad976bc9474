/* test_normalize.c - folding, keys and edit distances for answer matching */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "normalize.h"

static char folded[1024];

static const char *fold(const char *s)
{
	long n = norm_fold(s, strlen(s), 0, folded, sizeof folded);
	assert_true(n >= 0 && (size_t)n < sizeof folded);
	return folded;
}

static const char *fold_plain(const char *s)
{
	long n = norm_fold(s, strlen(s), NORM_STRIP_MARKS, folded, sizeof folded);
	assert_true(n >= 0 && (size_t)n < sizeof folded);
	return folded;
}

/* The key text and compact form of `s`, with the leading article dropped. */
static norm_work work;

static const norm_key *key(const char *s)
{
	assert_true(norm_work_set(&work, s, strlen(s), 0, NORM_DROP_ARTICLE));
	return &work.key;
}

/* utf8proc's case folding, pinned: these are what a student's ß, dotless
 * ı and final sigma become, so that changes in utf8proc show up here. */
static void test_fold_pins_utf8proc(void **state)
{
	(void)state;
	assert_string_equal(fold("Straße"), "strasse");
	assert_string_equal(fold("STRASSE"), "strasse");
	assert_string_equal(fold("ẞ"), "ss");                  /* capital sharp s */
	assert_string_equal(fold("ı"), "ı");                   /* dotless i stays */
	assert_string_equal(fold("I"), "i");
	assert_string_equal(fold("İ"), "i\xcc\x87");           /* i + combining dot */
	assert_string_equal(fold_plain("İstanbul"), "istanbul");
	assert_string_equal(fold("ΣΊΣΥΦΟΣ"), "σίσυφοσ");       /* final capital sigma */
	assert_string_equal(fold("ς"), "σ");                   /* final sigma folds */
	assert_string_equal(fold("Σίσυφος"), "σίσυφοσ");
	assert_string_equal(fold_plain("Σίσυφος"), "σισυφοσ");
	assert_string_equal(fold("Müller"), "müller");
	assert_string_equal(fold_plain("Müller"), "muller");
	assert_string_equal(fold("e\xcc\x81"), "é");            /* composed */
	assert_string_equal(fold_plain("São Paulo"), "sao paulo");
	/* No decomposition for ø, ł and æ: they are letters of their own. */
	assert_string_equal(fold_plain("Ø ł æ"), "ø ł æ");
}

static void test_fold_compat_lump_controls(void **state)
{
	(void)state;
	assert_string_equal(fold("２０２３"), "2023");         /* full width */
	assert_string_equal(fold("ﬁne"), "fine");              /* ligature */
	assert_string_equal(fold("x²"), "x2");
	assert_string_equal(fold("½"), "1/2");
	assert_string_equal(fold("‘O’Brien’"), "'o'brien'");    /* curly apostrophes */
	assert_string_equal(fold("a–b—c−d‐e"), "a-b-c-d-e");    /* dashes and minus */
	assert_string_equal(fold("soft\xc2\xadhyphen"), "softhyphen");
	assert_string_equal(fold("zero\xe2\x80\x8bwidth"), "zerowidth");
	assert_string_equal(fold("a\tb\nc"), "a b c");
	assert_string_equal(fold("a\x1b[31mb"), "a[31mb");     /* ESC stripped */
	assert_string_equal(fold("a\xc2\xa0" "b"), "a b");     /* no-break space */
	assert_string_equal(fold(""), "");
	assert_int_equal(norm_fold("\xff", 1, 0, folded, sizeof folded), -1);
	assert_int_equal(norm_fold("a\xc3", 2, 0, folded, sizeof folded), -1);
}

/* The ASCII shortcut gives exactly what utf8proc gives, for every byte and
 * for the line endings. */
static void test_fold_ascii_matches_utf8proc(void **state)
{
	(void)state;
	const utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
	                                  UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_LUMP |
	                                  UTF8PROC_STRIPCC;
	char probe[8];
	for (int c = 0; c < 128; c++) {
		const char *shapes[] = {"a%cb", "%c", "%c\n", "\r%c"};
		for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
			size_t n = 0;
			for (const char *p = shapes[s]; *p; p++) {
				if (*p == '%') {
					probe[n++] = (char)c;
					p++;
				} else {
					probe[n++] = *p;
				}
			}
			utf8proc_uint8_t *want = NULL;
			utf8proc_ssize_t wl = utf8proc_map((const utf8proc_uint8_t *)probe,
			                                   (utf8proc_ssize_t)n, &want, options);
			assert_true(wl >= 0);
			long got = norm_fold(probe, n, 0, folded, sizeof folded);
			assert_int_equal(got, wl);
			assert_memory_equal(folded, want, (size_t)wl);
			free(want);
		}
	}
	const char *lines = "one\r\ntwo\rthree\nfour\v\ffive";
	utf8proc_uint8_t *want = NULL;
	utf8proc_ssize_t wl = utf8proc_map((const utf8proc_uint8_t *)lines,
	                                   (utf8proc_ssize_t)strlen(lines), &want, options);
	assert_string_equal(fold(lines), (const char *)want);
	assert_int_equal((long)strlen(folded), wl);
	free(want);
}

/* A short buffer reports the room needed. */
static void test_fold_reports_length(void **state)
{
	(void)state;
	char tiny[4];
	assert_int_equal(norm_fold("Straße", strlen("Straße"), 0, tiny, sizeof tiny), 7);
	assert_int_equal(norm_fold("ABCDEFG", 7, 0, tiny, sizeof tiny), 7);
	char big[600];
	memset(big, 'e', sizeof big);
	big[0] = '\xc3';
	big[1] = '\xa9';   /* é, so not ASCII */
	long n = norm_fold(big, sizeof big, 0, folded, sizeof folded);
	assert_int_equal(n, (long)sizeof big);
}

static void test_tokens(void **state)
{
	(void)state;
	const norm_key *k = key("U.S.");
	assert_string_equal(k->text, "us");
	k = key("O'Brien");
	assert_string_equal(k->text, "obrien");
	k = key("O’Brien");
	assert_string_equal(k->text, "obrien");
	k = key("Pelosi's visit");
	assert_string_equal(k->text, "pelosi visit");
	k = key("2,000 troops");
	assert_string_equal(k->text, "2000 troops");
	k = key("3.5 km");
	assert_string_equal(k->text, "3.5 km");
	k = key("well-known");
	assert_string_equal(k->text, "well known");
	assert_string_equal(k->compact, "wellknown");
	k = key("  (Hello),   World!  ");
	assert_string_equal(k->text, "hello world");
	assert_int_equal(k->n_tokens, 2);
	assert_int_equal(k->tokens[1].start, 6);
	assert_int_equal(k->tokens[1].cstart, 5);
	k = key("end.");
	assert_string_equal(k->text, "end");
	k = key("C. J. Anderson");
	assert_string_equal(k->text, "c j anderson");
	k = key("北京 2023");
	assert_int_equal(k->n_tokens, 2);
	assert_int_equal(k->tokens[0].chars, 2);
	assert_true(k->tokens[0].flags & NORM_TOKEN_ALPHA);
	assert_true(k->tokens[1].flags & NORM_TOKEN_DIGIT);
	assert_false(k->latin);
	k = key("Müller 3rd");
	assert_true(k->latin);
	assert_false(k->ascii);
	assert_true(k->tokens[1].flags & NORM_TOKEN_DIGIT);
	assert_false(k->tokens[1].flags & NORM_TOKEN_ALPHA);
	k = key("हिन्दी");
	assert_int_equal(k->n_tokens, 1);    /* vowel signs are marks inside the word */
	assert_false(k->latin);
	k = key("?!...");
	assert_int_equal(k->n_tokens, 0);
	assert_string_equal(k->text, "");
}

static void test_leading_article(void **state)
{
	(void)state;
	assert_string_equal(key("The Great Wall")->text, "great wall");
	assert_string_equal(key("the Great Wall")->compact, "greatwall");
	assert_string_equal(key("a cat")->text, "cat");
	assert_string_equal(key("An apple")->text, "apple");
	/* Only a leading one, and never the whole answer. */
	assert_string_equal(key("Plan A")->text, "plan a");
	assert_string_equal(key("The")->text, "the");
	assert_string_equal(key("A")->text, "a");
	assert_string_equal(key("there")->text, "there");
	const norm_key *k = key("the Great Wall");
	assert_int_equal(k->n_tokens, 2);
	assert_int_equal(k->tokens[0].start, 0);
	assert_int_equal(k->tokens[1].start, 6);
	assert_int_equal(k->tokens[1].cstart, 5);
	/* Without the flag the article stays. */
	assert_true(norm_work_set(&work, "The End", 7, 0, 0));
	assert_string_equal(work.key.text, "the end");
}

static void test_keys_compare(void **state)
{
	(void)state;
	norm_work a, b;
	norm_work_init(&a);
	norm_work_init(&b);
	assert_true(norm_work_set(&a, "al-Qaeda", 8, 0, NORM_DROP_ARTICLE));
	assert_true(norm_work_set(&b, "Al Qaeda", 8, 0, NORM_DROP_ARTICLE));
	assert_true(norm_key_eq(&a.key, &b.key));
	assert_true(norm_work_set(&b, "AlQaeda", 7, 0, NORM_DROP_ARTICLE));
	assert_false(norm_key_eq(&a.key, &b.key));
	assert_true(norm_key_compact_eq(&a.key, &b.key));
	norm_work_release(&a);
	norm_work_release(&b);
}

/* Long text takes the heap and gives the same key. */
static void test_long_text(void **state)
{
	(void)state;
	size_t n = 5000;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 6 == 5 ? ' ' : (char)('A' + i % 5);
	s[n] = '\0';
	norm_work w;
	norm_work_init(&w);
	assert_true(norm_work_set(&w, s, n, 0, 0));
	assert_int_equal(w.key.n_tokens, (n + 5) / 6);
	assert_memory_equal(w.key.text, "abcde bcdea", 11);
	/* Again on the same work area, then short text again. */
	assert_true(norm_work_set(&w, s, n, 0, 0));
	assert_true(norm_work_set(&w, "Short", 5, 0, 0));
	assert_string_equal(w.key.text, "short");
	assert_false(norm_work_set(&w, "\xff", 1, 0, 0));
	assert_int_equal(w.key.n_tokens, 0);
	norm_work_release(&w);
	free(s);
}

static int osa(const char *a, const char *b, int max)
{
	return norm_osa_utf8(a, strlen(a), b, strlen(b), max);
}

static void test_osa(void **state)
{
	(void)state;
	/* The table of notes/ALGORITHMS.md 1.2. */
	assert_int_equal(osa("2018", "2019", 5), 1);
	assert_int_equal(osa("iran", "iraq", 5), 1);
	assert_int_equal(osa("austria", "australia", 5), 2);
	assert_int_equal(osa("beijing", "bejing", 5), 1);
	assert_int_equal(osa("antony blinken", "anthony blinken", 5), 1);
	assert_int_equal(osa("june", "july", 5), 2);
	/* Transpositions count one. */
	assert_int_equal(osa("feburary", "february", 5), 1);
	assert_int_equal(osa("ab", "ba", 5), 1);
	/* OSA, not true Damerau-Levenshtein. */
	assert_int_equal(osa("ca", "abc", 5), 3);
	assert_int_equal(osa("", "abc", 5), 3);
	assert_int_equal(osa("abc", "abc", 0), 0);
	/* Over code points, not bytes. */
	assert_int_equal(osa("müller", "muller", 5), 1);
	assert_int_equal(osa("北京", "南京", 5), 1);
	/* The cut-off: max + 1 as soon as it is exceeded. */
	assert_int_equal(osa("abcdef", "uvwxyz", 2), 3);
	assert_int_equal(osa("a", "abcdefgh", 2), 3);
	assert_int_equal(osa("kitten", "sitting", 3), 3);
	assert_int_equal(osa("kitten", "sitting", 2), 3);
}

static void test_budget(void **state)
{
	(void)state;
	assert_int_equal(norm_typo_budget(1), 0);
	assert_int_equal(norm_typo_budget(4), 0);
	assert_int_equal(norm_typo_budget(5), 1);
	assert_int_equal(norm_typo_budget(8), 1);
	assert_int_equal(norm_typo_budget(9), 2);
	assert_int_equal(norm_typo_budget(30), 2);
	assert_int_equal(norm_first_char("über", strlen("über")), 0xFC);
	assert_int_equal(norm_first_char("", 0), 0);
	int32_t cps[4];
	assert_int_equal(norm_decode("aé北", strlen("aé北"), cps, 4), 3);
	assert_int_equal(cps[2], 0x5317);
	assert_int_equal(norm_decode("abcdef", 6, cps, 4), 6);
}

/* Keys made in an arena match keys made in a work area. */
static void test_arena_keys(void **state)
{
	(void)state;
	arena *a = arena_new();
	norm_key k;
	assert_true(norm_key_in_arena(a, "The Straße of Müller", NORM_DROP_ARTICLE, &k));
	assert_string_equal(k.text, "strasse of müller");
	assert_true(norm_key_eq(&k, key("the STRASSE of MÜLLER")));
	assert_true(norm_key_in_arena(a, "The Straße of Müller", NORM_DROP_ARTICLE | NORM_STRIP_MARKS,
	                              &k));
	assert_string_equal(k.text, "strasse of muller");
	assert_false(norm_key_in_arena(a, "bad \xc3", 0, &k));
	assert_int_equal(k.n_tokens, 0);
	arena_free(a);
}

static int setup(void **state)
{
	(void)state;
	norm_work_init(&work);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	norm_work_release(&work);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_pins_utf8proc),
		cmocka_unit_test(test_fold_compat_lump_controls),
		cmocka_unit_test(test_fold_ascii_matches_utf8proc),
		cmocka_unit_test(test_fold_reports_length),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_leading_article),
		cmocka_unit_test(test_keys_compare),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_osa),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_arena_keys),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
