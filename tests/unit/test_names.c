/* test_names.c - people's names: family names written first, words within names, ids in ASCII */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

static void expect_ascii(const char *s, const char *ascii)
{
	char *got = names_transliterate(s);
	if (strcmp(got, ascii) != 0)
		print_message("  [%s] -> [%s], expected [%s]\n", s, got, ascii);
	assert_string_equal(got, ascii);
	free(got);
}

static void test_transliterate(void **state)
{
	(void)state;
	expect_ascii("Skłodowska-Curie", "sklodowska-curie");
	expect_ascii("Katō Kiyomasa", "kato kiyomasa");
	expect_ascii("Irène", "irene");
	expect_ascii("Øresund Straße", "oresund strasse");
	expect_ascii("China’s", "chinas");
	/* Another script is written out, never dropped. */
	expect_ascii("\xE6\x9D\x8E", "u674e");
}

static void test_family_first(void **state)
{
	(void)state;
	char w[8][32];
	assert_int_equal(names_words("Qin Gang", w, 8), 2);
	assert_true(names_surname_first(w[0]));
	assert_false(names_surname_first(w[1]));
	assert_int_equal(names_words("Katō Kiyomasa", w, 8), 2);
	assert_string_equal(w[0], "kato");
	assert_true(names_surname_first(w[0]));
	assert_int_equal(names_words("Antony Blinken", w, 8), 2);
	assert_false(names_surname_first(w[0]));
	/* Names within names. */
	assert_true(names_within("Marie Curie", "Marie Skłodowska Curie"));
	assert_true(names_within("Maria Skłodowska", "Maria Salomea Skłodowska"));
	assert_false(names_within("Pierre Curie", "Marie Skłodowska Curie"));
	assert_false(names_within("Curie", "Marie Curie"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transliterate),
		cmocka_unit_test(test_family_first),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
