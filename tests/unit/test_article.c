/* test_article.c - front matter, numbered paragraphs, quotations, and rendering */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "quiz.h"
#include "render.h"
#include "util.h"

static const char sample[] =
	"---\n"
	"title: \"A title: with a colon\"\n"
	"source: Somewhere\n"
	"published: 2023-07-25\n"
	"unknown: ignored, with a warning\n"
	"---\n"
	"\n"
	"# Heading\n"
	"\n"
	"First paragraph with *emphasis* and a\n"
	"soft break.\n"
	"\n"
	"- a list item paragraph\n"
	"\n"
	"> China’s “quoted”  words — here.\n";

static article *parse(const char *text, diag_list **d)
{
	*d = diag_list_new();
	return article_parse("t.md", text, strlen(text), *d);
}

static void test_front_matter_and_paragraphs(void **state)
{
	(void)state;
	diag_list *d;
	article *a = parse(sample, &d);
	assert_non_null(a);
	const article_meta *m = article_get_meta(a);
	assert_string_equal(m->title, "A title: with a colon");
	assert_string_equal(m->source, "Somewhere");
	assert_string_equal(m->published, "2023-07-25");
	assert_null(m->author);
	assert_int_equal(article_paragraph_count(a), 3);
	const article_paragraph *p = article_paragraph_at(a, 0);
	assert_int_equal(p->number, 1);
	assert_int_equal(p->line, 10);
	assert_string_equal(p->text, "First paragraph with emphasis and a soft break.");
	assert_int_equal(article_paragraph_at(a, 1)->line, 13);
	assert_ptr_equal(article_paragraph_of(a, p->node), p);
	assert_null(article_paragraph_at(a, 3));
	assert_int_equal(diag_count(d), 1);
	assert_int_equal(diag_at(d, 0)->severity, DIAG_WARNING);
	article_free(a);
	diag_list_free(d);
}

static void test_find_quote_folds(void **state)
{
	(void)state;
	diag_list *d;
	article *a = parse(sample, &d);
	article_match m;
	/* Straight quotes, one space and a hyphen find curly quotes, two
	 * spaces and an em dash; case does not matter. */
	assert_true(article_find_quote(a, "CHINA'S \"QUOTED\" WORDS - HERE", &m));
	assert_int_equal(m.paragraph->number, 3);
	const char *found = m.paragraph->text + m.start;
	assert_memory_equal(found, "China’s", strlen("China’s"));
	assert_int_equal(m.end, m.paragraph->len - 1);
	assert_true(article_find_quote(a, "emphasis and a soft", &m));
	assert_int_equal(m.paragraph->number, 1);
	/* Never across two paragraphs, and not what is absent. */
	assert_false(article_find_quote(a, "soft break. a list", &m));
	assert_false(article_find_quote(a, "not in the article", &m));
	assert_false(article_find_quote(a, "", &m));
	/* The closest passage to a misquotation is found. */
	assert_true(article_closest_passage(a, "first paragraf with emphasis", &m));
	assert_int_equal(m.paragraph->number, 1);
	article_free(a);
	diag_list_free(d);
}

/* A bank's sources are looked up all at once, some thousands at a time: the
 * answers are those of one lookup each, across batches, for found and absent
 * quotes, in paragraphs with and without non-ASCII text. */
static void test_find_many_quotes(void **state)
{
	(void)state;
	buf text;
	buf_init(&text);
	enum { PARAGRAPHS = 60, QUOTES = 40000 };
	for (int i = 0; i < PARAGRAPHS; i++)
		buf_printf(&text, "Paragraph %d tells of the %s meeting number %d in  %s.\n\n", i,
		           i % 3 ? "TRADE" : "Ŝanĝo — “trade”", i * 7, i % 2 ? "Geneva" : "Zürich");
	diag_list *d = diag_list_new();
	article *a = article_parse("many.md", text.ptr, text.len, d);
	assert_non_null(a);
	char **quotes = malloc(QUOTES * sizeof(char *));
	article_match *all = malloc(QUOTES * sizeof(article_match));
	for (int i = 0; i < QUOTES; i++) {
		buf q;
		buf_init(&q);
		int p = i % (PARAGRAPHS + 5);   /* the last five are in no paragraph */
		if (i % 2)
			buf_printf(&q, "meeting number %d in %s", p * 7, p % 2 ? "GENEVA" : "zürich");
		else
			buf_printf(&q, "Paragraph %d tells", p);
		quotes[i] = q.ptr;
	}
	size_t found = article_find_quotes(a, (const char *const *)quotes, QUOTES, all);
	size_t expected = 0;
	for (int i = 0; i < QUOTES; i++) {
		article_match one;
		bool is_found = article_find_quote(a, quotes[i], &one);
		expected += is_found;
		assert_int_equal(is_found, all[i].paragraph != NULL);
		if (!is_found)
			continue;
		assert_ptr_equal(all[i].paragraph, one.paragraph);
		assert_int_equal(all[i].start, one.start);
		assert_int_equal(all[i].end, one.end);
	}
	assert_int_equal(found, expected);
	/* Each paragraph's number quote is found where it stands. */
	assert_true(expected > QUOTES / 2);
	for (int i = 0; i < QUOTES; i++)
		free(quotes[i]);
	free(quotes);
	free(all);
	article_free(a);
	diag_list_free(d);
	buf_release(&text);
}

static void test_bad_articles(void **state)
{
	(void)state;
	diag_list *d;
	assert_null(parse("ok\n\xff\n", &d));
	assert_int_equal(diag_at(d, 0)->line, 2);
	assert_int_equal(diag_at(d, 0)->col, 1);
	diag_list_free(d);
	assert_null(parse("---\ntitle: [open\n---\nbody\n", &d));
	assert_int_equal(diag_at(d, 0)->line, 2);
	diag_list_free(d);
	assert_null(parse("---\ntitle: *anchor\n---\n", &d));
	diag_list_free(d);
	/* A thematic break and a setext heading are not front matter. */
	article *a = parse("---\nFoo\n---\n", &d);
	assert_non_null(a);
	assert_int_equal(diag_count(d), 0);
	article_free(a);
	diag_list_free(d);
}

static void test_render_plain(void **state)
{
	(void)state;
	diag_list *d;
	article *a = parse(sample, &d);
	render_options o = {.width = 30, .color = false, .numbers = true};
	buf out;
	buf_init(&out);
	render_article(a, &o, &out);
	assert_string_equal(out.ptr, "A title: with a colon\n"
	                             "Somewhere · published July 25,\n"
	                             "2023\n"
	                             "──────────────────────────────\n"
	                             "\n"
	                             "   Heading\n"
	                             "   =======\n"
	                             "\n"
	                             "¶1 First paragraph with\n"
	                             "   emphasis and a soft break.\n"
	                             "\n"
	                             "¶2 • a list item paragraph\n"
	                             "\n"
	                             "¶3 │ China’s “quoted” words —\n"
	                             "   │ here.\n");
	buf_release(&out);
	article_free(a);
	diag_list_free(d);
}

static void test_render_date(void **state)
{
	(void)state;
	buf out;
	buf_init(&out);
	render_date("2023-06-18", &out);
	buf_puts(&out, "|");
	render_date("2023-06", &out);
	buf_puts(&out, "|");
	render_date("2023", &out);
	buf_puts(&out, "|");
	render_date("June", &out);
	assert_string_equal(out.ptr, "June 18, 2023|June 2023|2023|June");
	buf_release(&out);
}

static void test_iso_dates(void **state)
{
	(void)state;
	quiz_date dt;
	assert_int_equal(quiz_date_parse_iso("2024-02-29", &dt), QUIZ_DATE_OK);
	assert_int_equal(dt.year, 2024);
	assert_int_equal(dt.day, 29);
	assert_int_equal(quiz_date_parse_iso("2023-02-29", &dt), QUIZ_DATE_NONEXISTENT);
	assert_int_equal(quiz_date_parse_iso("1900-02-29", &dt), QUIZ_DATE_NONEXISTENT);
	assert_int_equal(quiz_date_parse_iso("2000-02-29", &dt), QUIZ_DATE_OK);
	assert_int_equal(quiz_date_parse_iso("2023-13", &dt), QUIZ_DATE_NONEXISTENT);
	assert_int_equal(quiz_date_parse_iso("2023-00-10", &dt), QUIZ_DATE_NONEXISTENT);
	assert_int_equal(quiz_date_parse_iso("2023-06-00", &dt), QUIZ_DATE_NONEXISTENT);
	assert_int_equal(quiz_date_parse_iso("2023", &dt), QUIZ_DATE_OK);
	assert_int_equal(dt.month, 0);
	assert_int_equal(quiz_date_parse_iso("23-06-18", &dt), QUIZ_DATE_MALFORMED);
	assert_int_equal(quiz_date_parse_iso("2023-6-18", &dt), QUIZ_DATE_MALFORMED);
	assert_int_equal(quiz_date_parse_iso("2023-06-18T00", &dt), QUIZ_DATE_MALFORMED);
	assert_int_equal(quiz_date_parse_iso("", &dt), QUIZ_DATE_MALFORMED);
}

/* Front matter is checked as a bank is: unknown fields with a did-you-mean,
 * dates that are not dates or not days, each at its place. */
static void test_front_matter_checks(void **state)
{
	(void)state;
	diag_list *d;
	article *a = parse("---\ntitel: X\npublished: 2024-02-30\n---\n\nBody.\n", &d);
	assert_non_null(a);
	assert_int_equal(diag_count(d), 2);
	const diag *w = diag_at(d, 0);
	assert_int_equal(w->severity, DIAG_WARNING);
	assert_int_equal(w->line, 2);
	assert_int_equal(w->col, 1);
	assert_non_null(strstr(w->message, "`titel`"));
	assert_string_equal(w->hint, "did you mean `title`?");
	const diag *e = diag_at(d, 1);
	assert_int_equal(e->severity, DIAG_ERROR);
	assert_int_equal(e->line, 3);
	assert_int_equal(e->col, 12);
	assert_non_null(strstr(e->message, "does not exist"));
	assert_string_equal(e->hint, "February 2024 has 29 days");
	article_free(a);
	diag_list_free(d);

	static const char *const bad[] = {"June 2024", "2024-13", "24-06-18", "2024-6-18"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char text[128];
		snprintf(text, sizeof text, "---\npublished: %s\n---\n\nBody.\n", bad[i]);
		a = parse(text, &d);
		assert_int_equal(diag_errors(d), 1);
		assert_int_equal(diag_at(d, 0)->line, 2);
		article_free(a);
		diag_list_free(d);
	}
	static const char *const good[] = {"2024", "2024-02", "2024-02-29", "2000-02-29"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		char text[128];
		snprintf(text, sizeof text, "---\npublished: %s\n---\n\nBody.\n", good[i]);
		a = parse(text, &d);
		assert_int_equal(diag_count(d), 0);
		article_free(a);
		diag_list_free(d);
	}
	a = parse("---\npublished: 1900-02-29\n---\n\nBody.\n", &d);
	assert_int_equal(diag_errors(d), 1);
	article_free(a);
	diag_list_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_front_matter_and_paragraphs),
		cmocka_unit_test(test_find_quote_folds),
		cmocka_unit_test(test_find_many_quotes),
		cmocka_unit_test(test_bad_articles),
		cmocka_unit_test(test_render_plain),
		cmocka_unit_test(test_render_date),
		cmocka_unit_test(test_iso_dates),
		cmocka_unit_test(test_front_matter_checks),
	};
	return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
