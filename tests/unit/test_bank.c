/* test_bank.c - compiling banks: every kind's fields, diagnostics, quote lookup */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "bank.h"
#include "text.h"

#define SAMPLE "quizzes/china-fentanyl-sanctions.yaml"

/* A folder with a small article, for banks written by the tests. */
static char folder[64];
static char article_file[128];

static const char article_md[] =
	"---\n"
	"title: Test article\n"
	"---\n"
	"\n"
	"Antony Blinken met Qin Gang in Beijing on June 18, 2023.\n"
	"\n"
	"The brief said “China remains the largest source” of fentanyl — in 2018.\n"
	"\n"
	"Ben Westhoff went into a lab outside Shanghai, pretending to be a dealer.\n";

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	strcpy(folder, "/tmp/recall-test-bank-XXXXXX");
	if (!mkdtemp(folder))
		return -1;
	snprintf(article_file, sizeof article_file, "%s/article.md", folder);
	write_file(article_file, article_md);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char command[160];
	snprintf(command, sizeof command, "rm -rf '%s'", folder);
	return system(command) == 0 ? 0 : -1;
}

/* Compiles `body` (questions and more) as a bank beside the article. */
static quiz *compile(const char *body, diag_list *d, bool strict)
{
	buf text;
	buf_init(&text);
	buf_printf(&text, "recall: 1\narticle: article.md\n%s", body);
	char name[160];
	snprintf(name, sizeof name, "%s/bank.yaml", folder);
	bank_options opt = {.strict = strict};
	quiz *q = bank_compile_text(name, text.ptr, text.len, &opt, d);
	buf_release(&text);
	return q;
}

/* The diagnostics as text, without colour. */
static char *formatted(const diag_list *d)
{
	static buf out;
	buf_release(&out);
	buf_init(&out);
	diag_format(d, false, &out);
	return out.ptr;
}

static const diag *find_diag(const diag_list *d, const char *needle)
{
	for (size_t i = 0; i < diag_count(d); i++)
		if (strstr(diag_at(d, i)->message, needle))
			return diag_at(d, i);
	return NULL;
}

static void test_sample_bank(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	bank_options strict = {.strict = true};
	quiz *q = bank_compile(SAMPLE, &strict, d);
	if (!q)
		fail_msg("%s", formatted(d));
	assert_int_equal(diag_count(d), 0);
	assert_true(quiz_question_count(q) >= 40);
	assert_int_equal(strlen(quiz_hash(q)), 64);
	bool kinds[QUIZ_KIND_COUNT] = {false};
	for (size_t i = 0; i < quiz_question_count(q); i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		kinds[qq->kind] = true;
		assert_non_null(qq->id);
		assert_non_null(qq->prompt);
		assert_non_null(qq->answer_text);
		assert_non_null(qq->explain);
		assert_non_null(qq->source.quote);
		assert_true(qq->source.paragraph > 0);
		assert_true(qq->source.end > qq->source.start);
		if (qq->kind == QUIZ_CLAIM && !qq->claim.truth)
			assert_non_null(qq->claim.correction);
		if (qq->kind == QUIZ_ACTOR)
			assert_non_null(qq->actor);
		assert_ptr_equal(quiz_find(q, qq->id), qq);
	}
	for (int k = 0; k < QUIZ_KIND_COUNT; k++)
		assert_true(kinds[k]);
	assert_null(quiz_find(q, "no-such-question"));
	const quiz_actor *qin = quiz_find_actor(q, "qin");
	assert_non_null(qin);
	assert_string_equal(qin->family, "Qin");
	assert_string_equal(quiz_find(q, "ousted-minister")->actor->name, "Qin Gang");
	quiz_free(q);
	diag_list_free(d);
}

static void test_fields_by_kind(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	quiz *q = compile("date_order: dmy\n"
	                  "actors:\n"
	                  "  qin: {name: Qin Gang, family: Qin, aliases: [Foreign Minister Qin]}\n"
	                  "questions:\n"
	                  "  - id: d\n"
	                  "    kind: date\n"
	                  "    prompt: When?\n"
	                  "    answer: 2023-06-18\n"
	                  "    source: June 18, 2023\n"
	                  "  - id: m\n"
	                  "    kind: date\n"
	                  "    prompt: Which month?\n"
	                  "    answer: 2023-06\n"
	                  "    source: JUNE   18, 2023\n"
	                  "  - id: a\n"
	                  "    kind: actor\n"
	                  "    prompt: Who?\n"
	                  "    answer: {actor: qin}\n"
	                  "    source: Qin Gang\n"
	                  "  - id: inline\n"
	                  "    kind: actor\n"
	                  "    prompt: Who went?\n"
	                  "    answer: Ben Westhoff\n"
	                  "    family: Westhoff\n"
	                  "    source: Ben Westhoff\n"
	                  "  - id: n\n"
	                  "    kind: number\n"
	                  "    prompt: How many?\n"
	                  "    answer: 2000\n"
	                  "    tolerance: 5%\n"
	                  "    unit: tons\n"
	                  "    points: 2.5\n"
	                  "    source: Beijing\n"
	                  "  - id: c\n"
	                  "    kind: choice\n"
	                  "    prompt: Which?\n"
	                  "    choices: [a, b, c, d]\n"
	                  "    answers: [b, D]\n"
	                  "    source: Beijing\n"
	                  "  - id: z\n"
	                  "    kind: cloze\n"
	                  "    text: Met {{ Qin Gang | Qin }} in {{Beijing}}.\n"
	                  "    source: Beijing\n"
	                  "  - id: f\n"
	                  "    kind: claim\n"
	                  "    prompt: It was 2019.\n"
	                  "    answer: FALSE\n"
	                  "    correction: It was 2018.\n"
	                  "    accept: [x]\n"
	                  "    reject: [y, z]\n"
	                  "    tags: dates\n"
	                  "    source: in 2018\n",
	                  d, true);
	if (!q)
		fail_msg("%s", formatted(d));
	assert_int_equal(quiz_get_date_order(q), QUIZ_DATE_ORDER_DMY);
	const quiz_question *x = quiz_find(q, "d");
	assert_int_equal(x->date.year, 2023);
	assert_int_equal(x->date.day, 18);
	assert_string_equal(x->answer_text, "18 June 2023");
	assert_int_equal(x->source.paragraph, 1);
	assert_int_equal(x->source.line, 5);
	assert_string_equal(article_paragraph_at(quiz_article(q), 0)->text + x->source.start,
	                    "June 18, 2023.");
	x = quiz_find(q, "m");
	assert_int_equal(x->date.month, 6);
	assert_int_equal(x->date.day, 0);
	assert_string_equal(x->answer_text, "June 2023");
	x = quiz_find(q, "a");
	assert_string_equal(x->actor->id, "qin");
	assert_int_equal(x->actor->aliases.count, 1);
	x = quiz_find(q, "inline");
	assert_null(x->actor->id);
	assert_string_equal(x->actor->family, "Westhoff");
	x = quiz_find(q, "n");
	assert_true(x->number.value == 2000);
	assert_true(x->number.tolerance_is_percent);
	assert_true(x->number.tolerance > 0.0499 && x->number.tolerance < 0.0501);
	assert_string_equal(x->number.unit, "tons");
	assert_string_equal(x->answer_text, "2000 tons");
	assert_true(x->points == 2.5);
	x = quiz_find(q, "c");
	assert_int_equal(x->n_correct, 2);
	assert_int_equal(x->correct[0], 1);
	assert_int_equal(x->correct[1], 3);
	assert_string_equal(x->answer_text, "b; d");
	x = quiz_find(q, "z");
	assert_string_equal(x->prompt, "Met {{ Qin Gang | Qin }} in {{Beijing}}.");
	assert_int_equal(x->n_blanks, 2);
	assert_int_equal(x->blanks[0].answers.count, 2);
	assert_string_equal(x->blanks[0].answers.items[0], "Qin Gang");
	assert_string_equal(x->blanks[0].answers.items[1], "Qin");
	assert_string_equal(x->blanks[1].answers.items[0], "Beijing");
	x = quiz_find(q, "f");
	assert_false(x->claim.truth);
	assert_string_equal(x->claim.correction, "It was 2018.");
	assert_int_equal(x->reject.count, 2);
	assert_int_equal(x->tags.count, 1);
	assert_string_equal(x->tags.items[0], "dates");
	assert_string_equal(quiz_title(q), "Test article");
	quiz_free(q);
	diag_list_free(d);
}

static void test_every_problem_in_one_run(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	quiz *q = compile("questions:\n"
	                  "  - id: one\n"
	                  "    kind: date\n"
	                  "    prompt: When?\n"
	                  "    answer: 2023-02-30\n"
	                  "    source: June 18, 2023\n"
	                  "  - id: one\n"
	                  "    kind: choise\n"
	                  "    prompt: Which?\n"
	                  "    source: Beijing\n"
	                  "  - kind: text\n"
	                  "    prompt: What?\n"
	                  "    answer: x\n"
	                  "    explian: typo\n"
	                  "    source: not in the article at all\n",
	                  d, false);
	assert_null(q);
	const diag *dg = find_diag(d, "no such date");
	assert_non_null(dg);
	assert_int_equal(dg->line, 7);
	assert_int_equal(dg->col, 13);
	assert_non_null(strstr(dg->hint, "February 2023 has 28 days"));
	dg = find_diag(d, "duplicate id");
	assert_non_null(dg);
	assert_int_equal(dg->line, 9);
	dg = find_diag(d, "unknown kind");
	assert_non_null(dg);
	assert_string_equal(dg->hint, "did you mean `choice`?");
	dg = find_diag(d, "unknown field `explian`");
	assert_non_null(dg);
	assert_int_equal(dg->severity, DIAG_WARNING);
	assert_string_equal(dg->hint, "did you mean `explain`?");
	dg = find_diag(d, "has no `id`");
	assert_non_null(dg);
	assert_non_null(strstr(dg->message, "`what`"));
	assert_non_null(find_diag(d, "source not found"));
	/* In the order of the file. */
	for (size_t i = 1; i < diag_count(d); i++)
		assert_true(diag_at(d, i - 1)->line <= diag_at(d, i)->line);
	diag_list_free(d);
}

static void test_strict_turns_warnings_into_errors(void **state)
{
	(void)state;
	const char *body = "questions:\n"
	                   "  - kind: text\n"
	                   "    prompt: Who met Qin Gang?\n"
	                   "    answer: Blinken\n";
	diag_list *d = diag_list_new();
	quiz *q = compile(body, d, false);
	assert_non_null(q);
	assert_int_equal(diag_errors(d), 0);
	assert_int_equal(diag_warnings(d), 2);   /* no id, no source */
	assert_string_equal(quiz_question_at(q, 0)->id, "who-met-qin-gang");
	quiz_free(q);
	diag_list_free(d);
	d = diag_list_new();
	assert_null(compile(body, d, true));
	assert_int_equal(diag_errors(d), 2);
	diag_list_free(d);
}

static void test_derived_ids_avoid_later_ids(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	quiz *q = compile("questions:\n"
	                  "  - {kind: text, prompt: Where?, answer: x, source: Beijing}\n"
	                  "  - {kind: text, prompt: Where?, answer: y, source: Beijing}\n"
	                  "  - {id: where, kind: text, prompt: Here?, answer: z, source: Beijing}\n",
	                  d, false);
	assert_non_null(q);
	assert_int_equal(diag_errors(d), 0);
	assert_string_equal(quiz_question_at(q, 0)->id, "where-2");
	assert_string_equal(quiz_question_at(q, 1)->id, "where-3");
	assert_string_equal(quiz_question_at(q, 2)->id, "where");
	quiz_free(q);
	diag_list_free(d);
}

static void test_actors_may_follow_questions(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	quiz *q = compile("questions:\n"
	                  "  - {id: a, kind: actor, prompt: Who?, answer: {actor: qin}, source: Qin}\n"
	                  "actors:\n"
	                  "  qin: Qin Gang\n"
	                  "  blinken: {name: Antony Blinken, aliases: [Qin Gang]}\n",
	                  d, false);
	assert_non_null(q);
	assert_string_equal(quiz_find(q, "a")->actor->name, "Qin Gang");
	const diag *dg = find_diag(d, "share the name");
	assert_non_null(dg);
	assert_int_equal(dg->severity, DIAG_WARNING);
	quiz_free(q);
	diag_list_free(d);
}

static void test_yaml_refusals(void **state)
{
	(void)state;
	static const struct {
		const char *body;
		const char *message;
	} cases[] = {
		{"questions: &q []\n", "anchors"},
		{"x: &a [1]\ny: *a\nquestions: []\n", "aliases"},
		{"questions: !!seq []\n", "tags"},
		{"questions: []\n? [a, b]\n: c\n", "a key must be plain text"},
		{"questions: []\nquestions: []\n", "duplicate key `questions`"},
		{"questions: [\n", "YAML syntax"},
		{"questions: \"\\0\"\n", "NUL"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		diag_list *d = diag_list_new();
		quiz *q = compile(cases[i].body, d, false);
		assert_null(q);
		const diag *dg = find_diag(d, cases[i].message);
		if (!dg)
			fail_msg("case %zu: no `%s` in:\n%s", i, cases[i].message, formatted(d));
		assert_true(dg->line > 0 && dg->col > 0);
		diag_list_free(d);
	}
}

static void test_deep_nesting_and_bad_utf8(void **state)
{
	(void)state;
	buf text;
	buf_init(&text);
	buf_puts(&text, "recall: 1\nx: ");
	for (int i = 0; i < 100000; i++)
		buf_putc(&text, '[');
	diag_list *d = diag_list_new();
	assert_null(bank_compile_text("deep.yaml", text.ptr, text.len, NULL, d));
	const diag *dg = find_diag(d, "nesting deeper than 64");
	assert_non_null(dg);
	assert_int_equal(dg->line, 2);
	assert_int_equal(dg->col, 3 + 64);
	diag_list_free(d);
	buf_release(&text);

	d = diag_list_new();
	const char bad[] = "recall: 1\ntitle: caf\xc3\n";
	assert_null(bank_compile_text("bad.yaml", bad, sizeof bad - 1, NULL, d));
	dg = find_diag(d, "invalid UTF-8");
	assert_non_null(dg);
	assert_int_equal(dg->line, 2);
	assert_int_equal(dg->col, 11);
	diag_list_free(d);
}

static void test_missing_article_is_positioned(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	const char text[] = "recall: 1\narticle: nowhere.md\nquestions: []\n";
	assert_null(bank_compile_text("b.yaml", text, sizeof text - 1, NULL, d));
	const diag *dg = find_diag(d, "cannot read article `nowhere.md`");
	assert_non_null(dg);
	assert_int_equal(dg->line, 2);
	assert_int_equal(dg->col, 10);
	diag_list_free(d);
}

/* The one-pass search must find exactly what a search per quote finds. */
static void test_find_quotes_agrees_with_single_search(void **state)
{
	(void)state;
	srand(11);
	static const char *const words[] = {"alpha", "beta", "gamma", "Delta", "“quoted”", "x",
	                                    "—",     "a-b",  "ab",    "ba",    "aaaa",     "é"};
	enum { WORDS = sizeof words / sizeof words[0] };
	for (int round = 0; round < 20; round++) {
		buf md;
		buf_init(&md);
		int paragraphs = 1 + rand() % 30;
		for (int p = 0; p < paragraphs; p++) {
			int n = 1 + rand() % 40;
			for (int w = 0; w < n; w++) {
				buf_puts(&md, words[rand() % WORDS]);
				buf_puts(&md, rand() % 7 ? " " : "  ");
			}
			buf_puts(&md, "\n\n");
		}
		diag_list *d = diag_list_new();
		article *a = article_parse("t.md", md.ptr, md.len, d);
		assert_non_null(a);
		enum { QUOTES = 200 };
		char *quotes[QUOTES];
		for (int i = 0; i < QUOTES; i++) {
			/* Mostly real passages of varied length, some made up. */
			const article_paragraph *p = article_paragraph_at(a, (size_t)rand() % paragraphs);
			size_t start = p->len ? (size_t)rand() % p->len : 0;
			size_t len = (size_t)rand() % 40;
			if (start + len > p->len)
				len = p->len - start;
			quotes[i] = rand() % 5 ? xstrndup(p->text + start, len) : xstrdup("gamma beta zeta");
		}
		article_match many[QUOTES];
		article_find_quotes(a, (const char *const *)quotes, QUOTES, many);
		for (int i = 0; i < QUOTES; i++) {
			article_match one;
			bool found = article_find_quote(a, quotes[i], &one);
			assert_int_equal(found, many[i].paragraph != NULL);
			if (found) {
				assert_ptr_equal(one.paragraph, many[i].paragraph);
				assert_int_equal(one.start, many[i].start);
				assert_int_equal(one.end, many[i].end);
			}
			free(quotes[i]);
		}
		article_free(a);
		diag_list_free(d);
		buf_release(&md);
	}
}

static void test_closest_passage(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	quiz *q = compile("questions:\n"
	                  "  - id: a\n"
	                  "    kind: text\n"
	                  "    prompt: Where?\n"
	                  "    answer: Shanghai\n"
	                  "    source: a lab outside Shanghia, pretending\n",
	                  d, false);
	assert_null(q);
	const diag *dg = find_diag(d, "source not found");
	assert_non_null(dg);
	assert_non_null(dg->hint);
	assert_non_null(strstr(dg->hint, "¶3"));
	assert_non_null(strstr(dg->hint, "outside Shanghai, pretending"));
	diag_list_free(d);
}

static void test_bank_open_refuses_fake_pack(void **state)
{
	(void)state;
	char path[160];
	snprintf(path, sizeof path, "%s/fake.quiz", folder);
	write_file(path, "recall: 1\n");
	diag_list *d = diag_list_new();
	assert_null(bank_open(path, d));
	assert_non_null(find_diag(d, "not a recall pack"));
	diag_list_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_bank),
		cmocka_unit_test(test_fields_by_kind),
		cmocka_unit_test(test_every_problem_in_one_run),
		cmocka_unit_test(test_strict_turns_warnings_into_errors),
		cmocka_unit_test(test_derived_ids_avoid_later_ids),
		cmocka_unit_test(test_actors_may_follow_questions),
		cmocka_unit_test(test_yaml_refusals),
		cmocka_unit_test(test_deep_nesting_and_bad_utf8),
		cmocka_unit_test(test_missing_article_is_positioned),
		cmocka_unit_test(test_find_quotes_agrees_with_single_search),
		cmocka_unit_test(test_closest_passage),
		cmocka_unit_test(test_bank_open_refuses_fake_pack),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
