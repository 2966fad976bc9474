/* test_extract.c - sentence splitting and the extractors, on sentences beside their expected output */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

static extraction *from(const char *published, const char *paragraph)
{
	const char *paras[] = {paragraph};
	return extract_texts(paras, 1, published);
}

static extraction *from2(const char *published, const char *p1, const char *p2)
{
	const char *paras[] = {p1, p2};
	return extract_texts(paras, 2, published);
}

/* ------------------------------------------------------------------------
 * Sentences. */

static void expect_sentences(const char *text, size_t n_expected, const char *const *expected)
{
	extraction *x = from(NULL, text);
	size_t n;
	const extract_sentence *s = extract_sentences(x, &n);
	if (n != n_expected) {
		for (size_t i = 0; i < n; i++)
			print_message("  got [%s]\n", s[i].text);
	}
	assert_int_equal(n, n_expected);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(s[i].text, expected[i]);
	extract_free(x);
}

static void test_sentences(void **state)
{
	(void)state;
	expect_sentences("Mr. Smith went to Washington. He met the U.S. ambassador there.", 2,
	                 (const char *[]){"Mr. Smith went to Washington.", "He met the U.S. ambassador there."});
	expect_sentences("J. R. R. Tolkien wrote it in 1937. It sold well.", 2,
	                 (const char *[]){"J. R. R. Tolkien wrote it in 1937.", "It sold well."});
	expect_sentences("Prices rose 2.5 percent. Then they fell.", 2,
	                 (const char *[]){"Prices rose 2.5 percent.", "Then they fell."});
	/* Closing quotation marks stay with their sentence; a lower-case word
	 * after "?" inside a quotation does not start one. */
	expect_sentences("\xE2\x80\x9CWe are done,\xE2\x80\x9D he said. \xE2\x80\x9CNow we go.\xE2\x80\x9D "
	                 "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked.",
	                 3,
	                 (const char *[]){"\xE2\x80\x9CWe are done,\xE2\x80\x9D he said.",
	                                  "\xE2\x80\x9CNow we go.\xE2\x80\x9D",
	                                  "\xE2\x80\x9CWhy?\xE2\x80\x9D she asked."});
	/* "U.S." ends a sentence only before a word that usually starts one. */
	expect_sentences("He moved to the U.S. The family followed.", 2,
	                 (const char *[]){"He moved to the U.S.", "The family followed."});
	expect_sentences("He moved to the U.S. in 1990 with Dr. Jones.", 1,
	                 (const char *[]){"He moved to the U.S. in 1990 with Dr. Jones."});
	expect_sentences("Shipments began in Jan. 2020 and ended. (Image: AFP)", 2,
	                 (const char *[]){"Shipments began in Jan. 2020 and ended.", "(Image: AFP)"});
}

static void test_quoted_sentences(void **state)
{
	(void)state;
	/* A quotation running over two sentences marks both; a quotation wholly
	 * inside one marks none. */
	extraction *x = from(NULL, "\xE2\x80\x9CI went there. And I saw it,\xE2\x80\x9D he said. "
	                           "She said \xE2\x80\x9Cno\xE2\x80\x9D to that.");
	size_t n;
	const extract_sentence *s = extract_sentences(x, &n);
	assert_int_equal(n, 3);
	assert_true(s[0].quoted);
	assert_true(s[1].quoted);
	assert_false(s[2].quoted);
	assert_true(s[0].first_in_paragraph);
	assert_false(s[1].first_in_paragraph);
	extract_free(x);
}

/* ------------------------------------------------------------------------
 * Dates. */

typedef struct {
	const char *published;
	const char *text;
	const char *surface;     /* NULL: no date expected */
	const char *phrase;
	int year, month, day;
	int end_year;
	bool relative, removable;
} date_case;

static void test_dates(void **state)
{
	(void)state;
	static const date_case cases[] = {
		{NULL, "They met in Beijing on June 18, 2023.", "June 18, 2023", "on June 18, 2023",
		 2023, 6, 18, 0, false, true},
		{NULL, "She was born 18 June 1815 in Paris.", "18 June 1815", "18 June 1815", 1815, 6, 18, 0,
		 false, false},
		{"2023-07-25", "In June this year, Blinken visited Beijing.", "June this year",
		 "In June this year", 2023, 6, 0, 0, true, true},
		/* A month after publication, told in the past, was last year's. */
		{"2023-02-10", "In March, prices rose.", "March", "In March", 2022, 3, 0, 0, true, true},
		{"2023-07-25", "Last year, sales fell.", "Last year", "Last year", 2022, 0, 0, 0, true, false},
		/* 2024-05-01 was a Wednesday: "will ... on Monday" is the next one. */
		{"2024-05-01", "The plan will start on Monday.", "Monday", "on Monday", 2024, 5, 6, 0, true, true},
		{"2024-05-01", "The plan started on Monday.", "Monday", "on Monday", 2024, 4, 29, 0, true, true},
		{NULL, "The PRC suspended its efforts in the summer of 2022.", "2022",
		 "in the summer of 2022", 2022, 0, 0, 0, false, true},
		{NULL, "The truce lasted from 1939 to 1945.", "1939 to 1945", "from 1939 to 1945", 1939, 0,
		 0, 1945, false, false},
		{NULL, "Graves dating to 1338\xE2\x80\x93" "39 lie near the lake.", "1338\xE2\x80\x93" "39",
		 "1338\xE2\x80\x93" "39", 1338, 0, 0, 1339, false, false},
		{NULL, "Super Bowl 50 decided the champion for the 2015 season.", "2015", "2015", 2015, 0, 0,
		 0, false, false},
		{NULL, "The brief was published in May 2019 by the commission.", "May 2019", "in May 2019",
		 2019, 5, 0, 0, false, true},
		{NULL, "Growth slowed in mid-2019 across the region.", "2019", "in mid-2019", 2019, 0, 0, 0, false,
		 true},
		/* Not dates: quantities, names, footnotes, and relative dates with
		 * nothing to resolve them against. */
		{NULL, "He bought 1500 acres of land.", NULL, NULL, 0, 0, 0, 0, false, false},
		{NULL, "It ran on Windows 2000 for years.", NULL, NULL, 0, 0, 0, 0, false, false},
		{NULL, "In June, Blinken visited Beijing.", NULL, NULL, 0, 0, 0, 0, false, false},
		{NULL, "The state is small.[2001] Its capital is big.", NULL, NULL, 0, 0, 0, 0, false, false},
		{NULL, "In 500 BC the city was founded.", NULL, NULL, 0, 0, 0, 0, false, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const date_case *c = &cases[i];
		extraction *x = from(c->published, c->text);
		size_t n;
		const extract_date *d = extract_dates(x, &n);
		print_message("  %s\n", c->text);
		if (!c->surface) {
			assert_int_equal(n, 0);
			extract_free(x);
			continue;
		}
		assert_int_equal(n, 1);
		assert_string_equal(d->surface, c->surface);
		assert_string_equal(d->phrase, c->phrase);
		assert_int_equal(d->year, c->year);
		assert_int_equal(d->month, c->month);
		assert_int_equal(d->day, c->day);
		assert_int_equal(d->precision, c->day ? EXTRACT_DAY : c->month ? EXTRACT_MONTH : EXTRACT_YEAR);
		assert_int_equal(d->end_year, c->end_year);
		assert_int_equal(d->relative, c->relative);
		assert_int_equal(d->removable, c->removable);
		extract_free(x);
	}
}

/* ------------------------------------------------------------------------
 * People and their roles. */

static const extract_person *person_named(const extraction *x, const char *name)
{
	size_t n;
	const extract_person *p = extract_people(x, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].name, name) == 0)
			return &p[i];
	return NULL;
}

static void expect_person(const char *text, const char *name, const char *role)
{
	extraction *x = from(NULL, text);
	const extract_person *p = person_named(x, name);
	print_message("  %s\n", text);
	assert_non_null(p);
	if (role)
		assert_string_equal(p->role, role);
	else
		assert_null(p->role);
	extract_free(x);
}

static void test_people_with_roles(void **state)
{
	(void)state;
	expect_person("U.S. Secretary of State Antony Blinken met officials in Beijing.", "Antony Blinken",
	              "U.S. Secretary of State");
	expect_person("He raised the issue with the now ousted Foreign Minister Qin Gang.", "Qin Gang",
	              "Foreign Minister");
	expect_person("US Secretary of State Antony Blinken (L) and China's Foreign Minister Qin Gang shake hands.",
	              "Qin Gang", "China's Foreign Minister");
	expect_person("Liu Yuejin, vice-commissioner of China\xE2\x80\x99s National Narcotics Control "
	              "Commission said the ban would work.",
	              "Liu Yuejin",
	              "vice-commissioner of China\xE2\x80\x99s National Narcotics Control Commission");
	expect_person("In 2020, investigative journalist Ben Westhoff said it was clear.", "Ben Westhoff",
	              "investigative journalist");
	expect_person("The protest followed former House Speaker Nancy Pelosi\xE2\x80\x99s visit to Taiwan.",
	              "Nancy Pelosi", "former House Speaker");
	expect_person("Denver linebacker Von Miller was named the most valuable player.", "Von Miller",
	              "Denver linebacker");
	expect_person("King Charles III of West Francia agreed to the treaty.", "Charles III", "King");
	/* A title marks a person but is no role. */
	expect_person("The letter reached Mr. Walter Smith the next day.", "Walter Smith", NULL);
}

static void test_people_short_mentions(void **state)
{
	(void)state;
	extraction *x = from2(NULL, "U.S. Secretary of State Antony Blinken arrived in Beijing.",
	                      "Blinken said the talks went well, and Blinken left.");
	const extract_person *p = person_named(x, "Antony Blinken");
	assert_non_null(p);
	assert_string_equal(p->short_name, "Blinken");
	assert_int_equal(p->mentions, 3);
	size_t n;
	const extract_mention *m = extract_mentions(x, &n);
	size_t shorts = 0;
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == EXTRACT_PERSON && !m[i].full) {
			shorts++;
			assert_int_equal(m[i].sentence, 1);
		}
	assert_int_equal(shorts, 2);
	extract_free(x);

	/* A family name first: the article calls Xi Jinping "Xi". */
	x = from2(NULL, "Chinese President Xi Jinping spoke first.", "Later, Xi said more.");
	p = person_named(x, "Xi Jinping");
	assert_non_null(p);
	assert_string_equal(p->short_name, "Xi");
	extract_free(x);
}

static void test_not_people(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"The Black Death reached Crimea by 1343, and black rats carried it.",
		"He became King of France after the war.",
		"The game was played at Levi's Stadium in Santa Clara, California.",
		"The Denver Broncos won, and the Broncos celebrated.",
		"(Image: LEAH MILLIS/POOL/AFP via Getty Images)",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		extraction *x = from(NULL, texts[i]);
		size_t n;
		const extract_person *p = extract_people(x, &n);
		if (n)
			print_message("  %s: found %s\n", texts[i], p[0].name);
		assert_int_equal(n, 0);
		extract_free(x);
	}
}

/* ------------------------------------------------------------------------
 * Organisations and acronyms. */

typedef struct {
	const char *text;
	const char *name;     /* NULL: no acronym expected */
	const char *acronym;
	bool is_org;
} acronym_case;

static void test_acronyms(void **state)
{
	(void)state;
	static const acronym_case cases[] = {
		{"The Chinese Communist Party (CCP) has offered only empty promises.",
		 "Chinese Communist Party", "CCP", true},
		{"Gang insisted on it, the Wall Street Journal (WSJ) reported.", "Wall Street Journal", "WSJ", true},
		{"Newton was named the NFL Most Valuable Player (MVP).", "Most Valuable Player", "MVP", false},
		{"It decided the champion of the National Football League (NFL) for the season.",
		 "National Football League", "NFL", true},
		{"Blinken (L) and Qin shake hands.", NULL, NULL, false},
		{"The disease is enzootic (commonly present) in fleas.", NULL, NULL, false},
		{"Levels rose in the blood (CO2) quickly.", NULL, NULL, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const acronym_case *c = &cases[i];
		extraction *x = from(NULL, c->text);
		size_t n;
		const extract_org *o = extract_orgs(x, &n);
		const extract_org *found = NULL;
		for (size_t k = 0; k < n; k++)
			if (o[k].acronym)
				found = &o[k];
		print_message("  %s\n", c->text);
		if (!c->name) {
			assert_null(found);
		} else {
			assert_non_null(found);
			assert_string_equal(found->name, c->name);
			assert_string_equal(found->acronym, c->acronym);
			assert_int_equal(found->is_org, c->is_org);
		}
		extract_free(x);
	}
}

static void test_organisations(void **state)
{
	(void)state;
	extraction *x = from(NULL, "China\xE2\x80\x99s Foreign Ministry told the WSJ that the Chinese Ministry "
	                           "of Public Security\xE2\x80\x99s Institute of Forensic Science was crucial.");
	size_t n;
	const extract_org *o = extract_orgs(x, &n);
	const char *expected[] = {"China\xE2\x80\x99s Foreign Ministry", "Chinese Ministry of Public Security",
	                          "Institute of Forensic Science"};
	assert_int_equal(n, 3);
	for (size_t i = 0; i < 3; i++)
		assert_string_equal(o[i].name, expected[i]);
	/* The ministry opens the clause whose verb is "told". */
	const extract_mention *m = extract_mentions(x, &n);
	assert_true(n >= 1);
	assert_int_equal(m[0].kind, EXTRACT_ORG);
	assert_true(m[0].predicate_start > 0);
	size_t count;
	const extract_sentence *s = extract_sentences(x, &count);
	assert_memory_equal(s[0].text + m[0].predicate_start, "told", 4);
	extract_free(x);
}

/* ------------------------------------------------------------------------
 * Quotations and their speakers. */

static const char *speaker_of(const extraction *x, const extract_quote *q)
{
	size_t n;
	if (!q->has_speaker)
		return NULL;
	if (q->speaker_kind == EXTRACT_PERSON)
		return extract_people(x, &n)[q->speaker].name;
	return extract_orgs(x, &n)[q->speaker].name;
}

static void test_quotes(void **state)
{
	(void)state;
	/* `"...," S said` with a short name. */
	extraction *x = from2(NULL, "U.S. Secretary of State Antony Blinken arrived in Beijing.",
	                      "\xE2\x80\x9CWe firmly believe in the plan we have made,\xE2\x80\x9D Blinken said.");
	size_t n;
	const extract_quote *q = extract_quotes(x, &n);
	assert_int_equal(n, 1);
	assert_string_equal(q[0].text, "We firmly believe in the plan we have made");
	assert_string_equal(speaker_of(x, &q[0]), "Antony Blinken");
	extract_free(x);

	/* `S told O, "..."` with an organisation. */
	x = from(NULL, "China\xE2\x80\x99s Foreign Ministry told the WSJ, \xE2\x80\x9CIf the U.S. genuinely "
	               "wants to resolve its problem, it should act.\xE2\x80\x9D");
	q = extract_quotes(x, &n);
	assert_int_equal(n, 1);
	assert_string_equal(speaker_of(x, &q[0]), "China\xE2\x80\x99s Foreign Ministry");
	extract_free(x);

	/* `"...," he told ...`, a pronoun for the person named before; then
	 * `adding that, "..."` continues with the same speaker. */
	x = from2(NULL, "In 2020, investigative journalist Ben Westhoff wrote a book.",
	          "\xE2\x80\x9CI went really deep into this problem,\xE2\x80\x9D he told Yahoo Finance, adding "
	          "that, \xE2\x80\x9CI actually went undercover into a lab.\xE2\x80\x9D");
	q = extract_quotes(x, &n);
	assert_int_equal(n, 2);
	assert_string_equal(speaker_of(x, &q[0]), "Ben Westhoff");
	assert_string_equal(speaker_of(x, &q[1]), "Ben Westhoff");
	extract_free(x);

	/* A person with an apposition before "said". */
	x = from(NULL, "Liu Yuejin, vice-commissioner of China\xE2\x80\x99s National Narcotics Control "
	               "Commission said, \xE2\x80\x9CWe firmly believe that listing them will work.\xE2\x80\x9D");
	q = extract_quotes(x, &n);
	assert_int_equal(n, 1);
	assert_string_equal(speaker_of(x, &q[0]), "Liu Yuejin");
	extract_free(x);

	/* A title in quotation marks is no quotation; an unnamed speaker is none. */
	x = from(NULL, "He wrote \xE2\x80\x9C" "Fentanyl Inc: How Rouge Chemists Are Creating It\xE2\x80\x9D"
	               " and \xE2\x80\x9Cwe are a little stalled on where to go,\xE2\x80\x9D the official said.");
	q = extract_quotes(x, &n);
	assert_int_equal(n, 1);
	assert_false(q[0].has_speaker);
	extract_free(x);
}

/* ------------------------------------------------------------------------
 * Numbers. */

typedef struct {
	const char *surface;
	double value;
	extract_number_kind kind;
	const char *unit;
} number_case;

static void expect_numbers(const char *text, size_t n_expected, const number_case *expected)
{
	extraction *x = from(NULL, text);
	size_t n;
	const extract_number *num = extract_numbers(x, &n);
	print_message("  %s\n", text);
	assert_int_equal(n, n_expected);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(num[i].surface, expected[i].surface);
		assert_true(num[i].value == expected[i].value);
		assert_int_equal(num[i].kind, expected[i].kind);
		if (expected[i].unit)
			assert_string_equal(num[i].unit, expected[i].unit);
		else
			assert_null(num[i].unit);
	}
	extract_free(x);
}

static void test_numbers(void **state)
{
	(void)state;
	expect_numbers("CBS charged an average of $5 million for a 30-second commercial.", 1,
	               (const number_case[]){{"$5 million", 5e6, EXTRACT_MONEY, NULL}});
	expect_numbers("Miller recorded five solo tackles and two forced fumbles.", 2,
	               (const number_case[]){{"five", 5, EXTRACT_CARDINAL, "solo tackles"},
	                                     {"two", 2, EXTRACT_CARDINAL, "forced fumbles"}});
	expect_numbers("The plague killed 30% of the population and 2,000 people fled.", 2,
	               (const number_case[]){{"30%", 30, EXTRACT_PERCENT, NULL},
	                                     {"2,000", 2000, EXTRACT_CARDINAL, "people"}});
	expect_numbers("Inflation reached 12.5 per cent that year.", 1,
	               (const number_case[]){{"12.5 per cent", 12.5, EXTRACT_PERCENT, NULL}});
	/* Scores, names and ordinals are not counts. */
	expect_numbers("Denver won Super Bowl 50 by 24\xE2\x80\x93" "10 on its 3rd try.", 0, NULL);
}

/* ------------------------------------------------------------------------
 * One person, several names; family names. */

static bool has_alias(const extract_person *p, const char *alias)
{
	for (size_t i = 0; i < p->n_aliases; i++)
		if (strcmp(p->aliases[i], alias) == 0)
			return true;
	return false;
}

static void test_one_person_several_names(void **state)
{
	(void)state;
	extraction *x = from2(NULL,
	                      "Marie Curie was born Maria Salomea Sk\xC5\x82odowska in Warsaw. She studied there.",
	                      "Maria Sk\xC5\x82odowska moved to Paris in 1891, where the physicist Pierre Curie taught. "
	                      "Marie Curie married Pierre Curie in 1895. Pierre set aside his work.");
	const extract_person *marie = person_named(x, "Marie Curie");
	assert_non_null(marie);
	assert_true(has_alias(marie, "Maria Salomea Sk\xC5\x82odowska"));
	assert_true(has_alias(marie, "Maria Sk\xC5\x82odowska"));
	assert_null(person_named(x, "Maria Sk\xC5\x82odowska"));
	/* Two Curies are two people, both Curie by family name, though the
	 * article calls one "Pierre". */
	const extract_person *pierre = person_named(x, "Pierre Curie");
	assert_non_null(pierre);
	assert_string_equal(marie->family, "Curie");
	assert_string_equal(pierre->family, "Curie");
	extract_free(x);

	/* A shorter name within a longer one, never in one sentence with it. */
	x = from(NULL, "The physicist Marie Sk\xC5\x82odowska Curie won twice. Marie Curie said so herself.");
	assert_non_null(person_named(x, "Marie Sk\xC5\x82odowska Curie"));
	assert_null(person_named(x, "Marie Curie"));
	extract_free(x);
	/* ... but side by side they are two ("John Adams, John Quincy Adams"). */
	x = from(NULL, "Presidents John Adams and John Quincy Adams studied there. John Adams said so.");
	assert_non_null(person_named(x, "John Adams"));
	assert_non_null(person_named(x, "John Quincy Adams"));
	extract_free(x);
}

static void test_family_names(void **state)
{
	(void)state;
	/* Family name first by convention; the article's short form is an alias. */
	extraction *x = from(NULL, "China's Foreign Minister Qin Gang met Blinken, and later Gang insisted on a deal.");
	const extract_person *qin = person_named(x, "Qin Gang");
	assert_non_null(qin);
	assert_string_equal(qin->family, "Qin");
	assert_true(has_alias(qin, "Gang"));
	extract_free(x);
	x = from(NULL, "The admiral Yi Sun-sin built turtle ships. Yi won at Okpo. The minister Yu Seong-ryong helped.");
	const extract_person *yi = person_named(x, "Yi Sun-sin");
	assert_non_null(yi);
	assert_string_equal(yi->family, "Yi");
	const extract_person *yu = person_named(x, "Yu Seong-ryong");
	assert_non_null(yu);
	assert_string_equal(yu->family, "Yu");
	extract_free(x);
	/* A Western order name goes by its last word. */
	x = from(NULL, "The chemist Mario Molina published a paper, and later Molina won a prize.");
	const extract_person *molina = person_named(x, "Mario Molina");
	assert_non_null(molina);
	assert_string_equal(molina->family, "Molina");
	extract_free(x);
}

static void test_relative_words_are_no_dates(void **state)
{
	(void)state;
	extraction *x = from("2023-07-25", "Today the drug is made in Mexico, and recently prices fell.");
	size_t n;
	extract_dates(x, &n);
	assert_int_equal(n, 0);
	extract_free(x);
	/* "yesterday" names a day. */
	x = from("2023-07-25", "The ministry said yesterday that it would act.");
	const extract_date *d = extract_dates(x, &n);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].day, 24);
	extract_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_quoted_sentences),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_people_with_roles),
		cmocka_unit_test(test_people_short_mentions),
		cmocka_unit_test(test_not_people),
		cmocka_unit_test(test_acronyms),
		cmocka_unit_test(test_organisations),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_one_person_several_names),
		cmocka_unit_test(test_family_names),
		cmocka_unit_test(test_relative_words_are_no_dates),
	};
	return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}
