/* test_draft.c - drafting: YAML scalars, paths, --kinds, and what a draft of an article holds */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "draft.h"
#include "extract.h"
#include "text.h"

#define SAMPLE "content/china-fentanyl-sanctions.md"

/* ------------------------------------------------------------------------
 * YAML scalars. */

/* Parses "k: VALUE" and returns the value's text (caller frees), or NULL
 * when it does not parse as one plain mapping of one scalar. */
static char *yaml_value_of(const char *doc)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	char *value = NULL;
	int scalars = 0;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)doc, strlen(doc));
	for (;;) {
		if (!yaml_parser_parse(&parser, &ev)) {
			free(value);
			value = NULL;
			break;
		}
		if (ev.type == YAML_SCALAR_EVENT && ++scalars == 2)
			value = xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
	return value;
}

static void test_yaml_scalars_read_back(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		const char *back;   /* NULL: the same as `in` */
		bool plain;
	} cases[] = {
		{"plain text works", NULL, true},
		{"accents é and “curly” quotes", NULL, true},
		{"a {{blank|alt}} in a cloze", NULL, true},
		{"", NULL, false},
		{"true", NULL, false},
		{"Yes", NULL, false},
		{"null", NULL, false},
		{"~", NULL, false},
		{"2023", NULL, false},
		{"-1.5", NULL, false},
		{"0x1F", NULL, false},
		{"12:30", NULL, false},
		{"a: b", NULL, false},
		{"ends with colon:", NULL, false},
		{"#not a comment", NULL, false},
		{"x #not a comment", NULL, false},
		{"- not a list", NULL, false},
		{"{{starts}} with a blank", NULL, false},
		{"[bracket", NULL, false},
		{"'single", NULL, false},
		{"\"double", NULL, false},
		{"@at", NULL, false},
		{"`tick", NULL, false},
		{"%percent", NULL, false},
		{"&anchor", NULL, false},
		{"*alias", NULL, false},
		{"!tag", NULL, false},
		{"|pipe", NULL, false},
		{">fold", NULL, false},
		{"  leading", NULL, false},
		{"trailing ", NULL, false},
		{"tab\there", NULL, false},
		{"new\nline", NULL, false},
		{"back\\slash \"quoted\"", NULL, true},
		{"esc \x1b[31mred", NULL, false},
		{"bell \x07 and del \x7f", NULL, false},
		{"c1 \xc2\x85 nel \xc2\x9b csi", NULL, false},
		{"line\xe2\x80\xa8sep and para\xe2\x80\xa9sep", NULL, false},
		{"bom \xef\xbb\xbf inside", NULL, false},
		{"bidi \xe2\x80\xae" "desrever\xe2\x80\xac and \xe2\x81\xa6isolate\xe2\x81\xa9", NULL, false},
		{"bad \xff byte", "bad \xef\xbf\xbd byte", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf doc;
		buf_init(&doc);
		buf_puts(&doc, "k: ");
		size_t at = doc.len;
		draft_yaml_scalar(&doc, cases[i].in);
		bool plain = doc.ptr[at] != '"';
		buf_putc(&doc, '\n');
		char *back = yaml_value_of(doc.ptr);
		print_message("  %s\n", doc.ptr);
		assert_non_null(back);
		assert_string_equal(back, cases[i].back ? cases[i].back : cases[i].in);
		assert_int_equal(plain, cases[i].plain);
		/* Nothing that reaches a terminal can be a control character, nor
		 * a C1 or bidirectional control. */
		for (size_t k = at; k < doc.len - 1; k++)
			assert_false((unsigned char)doc.ptr[k] < 0x20 || doc.ptr[k] == 0x7f);
		assert_null(strstr(doc.ptr, "\xc2\x9b"));
		assert_null(strstr(doc.ptr, "\xe2\x80\xae"));
		assert_null(strstr(doc.ptr, "\xe2\x81\xa6"));
		free(back);
		buf_release(&doc);
	}
}

static void test_relative_path(void **state)
{
	(void)state;
	static const char *const cases[][3] = {
		{"/a/b", "/a/b/c.md", "c.md"},
		{"/a/b/quizzes", "/a/b/content/x.md", "../content/x.md"},
		{"/a/b/c/d", "/a/b/x.md", "../../x.md"},
		{"/a/b", "/a/bc/x.md", "../bc/x.md"},
		{"/", "/a.md", "a.md"},
		{"/x", "/y/z.md", "/y/z.md"},
		{"/ab", "/abc/x.md", "/abc/x.md"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *rel = draft_relative_path(cases[i][0], cases[i][1]);
		assert_string_equal(rel, cases[i][2]);
		free(rel);
	}
}

static void test_parse_kinds(void **state)
{
	(void)state;
	unsigned kinds, templates;
	char *bad;
	assert_true(draft_parse_kinds("date,who-said,actor", &kinds, &templates, &bad));
	assert_int_equal(kinds, (1u << QUIZ_DATE) | (1u << QUIZ_ACTOR));
	assert_int_equal(templates, (1u << DRAFT_DATE) | (1u << DRAFT_WHO_SAID));
	assert_false(draft_parse_kinds("date,bogus", &kinds, &templates, &bad));
	assert_string_equal(bad, "bogus");
	free(bad);
	assert_false(draft_parse_kinds("", &kinds, &templates, &bad));
	assert_string_equal(bad, "");
	free(bad);
}

/* ------------------------------------------------------------------------
 * Drafts of the sample article. */

static article *load(const char *path)
{
	diag_list *d = diag_list_new();
	article *a = article_load(path, d);
	diag_list_free(d);
	assert_non_null(a);
	return a;
}

static bool contains_fold(const char *hay, const char *needle)
{
	buf h, n;
	buf_init(&h);
	buf_init(&n);
	text_fold(hay, strlen(hay), &h, NULL);
	text_fold(needle, strlen(needle), &n, NULL);
	bool found = n.len && strstr(h.ptr, n.ptr) != NULL;
	buf_release(&h);
	buf_release(&n);
	return found;
}

/* What a student sees of a question, and its answer. */
static void seen(const draft_question *q, buf *out)
{
	buf_clear(out);
	buf_printf(out, "%s\n%s\n%s\n", q->prompt, q->answer ? q->answer : "",
	           q->answer_text ? q->answer_text : "");
	if (q->actor)
		buf_printf(out, "%s\n", q->actor->name);
	if (q->kind == QUIZ_CHOICE)
		for (size_t i = 0; i < q->n_choices; i++)
			buf_printf(out, "%s\n", q->choices[i]);
}

static void assert_no_give_away(const draft_question *q)
{
	print_message("  %s: %s\n", q->id, q->prompt);
	switch (q->kind) {
	case QUIZ_DATE: {
		char year[5] = {q->answer[0], q->answer[1], q->answer[2], q->answer[3], 0};
		assert_false(contains_fold(q->prompt, year));
		assert_false(contains_fold(q->prompt, q->answer_text));
		break;
	}
	case QUIZ_ACTOR:
		assert_non_null(q->actor);
		assert_false(contains_fold(q->prompt, q->actor->name));
		if (q->actor->acronym)
			assert_false(contains_fold(q->prompt, q->actor->acronym));
		if (q->actor->person) {
			const char *last = strrchr(q->actor->name, ' ');
			assert_false(contains_fold(q->prompt, last ? last + 1 : q->actor->name));
		}
		break;
	case QUIZ_CHOICE:
	case QUIZ_TEXT:
		assert_false(contains_fold(q->prompt, q->answer));
		break;
	default:
		break;
	}
}

static void test_sample_names_every_date_and_person(void **state)
{
	(void)state;
	article *a = load(SAMPLE);
	draft_options opt = {.seed = 1};
	draft *d = draft_new(a, &opt);
	size_t n = draft_count(d);
	assert_true(n > 0);
	assert_true(n <= draft_budget(d));
	assert_int_equal(draft_budget(d), (article_word_count(a) + 79) / 80);

	extraction *x = extract_article(a);
	size_t nd, np;
	const extract_date *dates = extract_dates(x, &nd);
	const extract_person *people = extract_people(x, &np);
	/* The sample's six dates and five people, as the issue lists them. */
	assert_int_equal(nd, 6);
	assert_int_equal(np, 5);
	buf all;
	buf_init(&all);
	buf one;
	buf_init(&one);
	for (size_t i = 0; i < n; i++) {
		seen(draft_at(d, i), &one);
		buf_puts(&all, one.ptr);
	}
	for (size_t i = 0; i < nd; i++) {
		char iso[16];
		snprintf(iso, sizeof iso, dates[i].day ? "%04d-%02d-%02d" : dates[i].month ? "%04d-%02d" : "%04d",
		         dates[i].year, dates[i].month, dates[i].day);
		print_message("  date %s\n", dates[i].surface);
		assert_true(contains_fold(all.ptr, dates[i].surface) || contains_fold(all.ptr, iso));
	}
	for (size_t i = 0; i < np; i++) {
		print_message("  person %s\n", people[i].name);
		assert_true(contains_fold(all.ptr, people[i].name));
	}
	buf_release(&one);
	buf_release(&all);
	extract_free(x);
	draft_free(d);
	article_free(a);
}

static void test_questions_hold_together(void **state)
{
	(void)state;
	article *a = load(SAMPLE);
	/* Keep every candidate, so that every template shows. */
	draft_options opt = {.max = 1000, .seed = 1};
	draft *d = draft_new(a, &opt);
	size_t n = draft_count(d);
	bool kinds_seen[QUIZ_KIND_COUNT] = {0};
	for (size_t i = 0; i < n; i++) {
		const draft_question *q = draft_at(d, i);
		kinds_seen[q->kind] = true;
		assert_no_give_away(q);
		/* The source is in the article, in the paragraph given. */
		article_match m;
		assert_true(article_find_quote(a, q->source, &m));
		assert_int_equal(m.paragraph->number, q->paragraph);
		assert_non_null(q->explain);
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(draft_at(d, k)->id, q->id);
		switch (q->kind) {
		case QUIZ_CHOICE: {
			size_t right = 0;
			for (size_t c = 0; c < q->n_choices; c++)
				right += strcmp(q->choices[c], q->answer) == 0;
			assert_int_equal(right, 1);
			assert_true(q->n_choices >= 3);
			break;
		}
		case QUIZ_CLAIM:
			/* A false claim says something the article does not, and says
			 * what is right. */
			if (strcmp(q->answer, "false") == 0) {
				assert_non_null(q->correction);
				assert_false(article_find_quote(a, q->prompt, &m));
			}
			break;
		case QUIZ_CLOZE:
			assert_non_null(strstr(q->prompt, "{{"));
			assert_non_null(strstr(q->prompt, "}}"));
			assert_true(contains_fold(q->source, q->answer_text));
			break;
		case QUIZ_ORDER:
			assert_true(q->n_choices >= 3);
			break;
		default:
			break;
		}
	}
	static const quiz_kind expected[] = {QUIZ_DATE, QUIZ_ACTOR, QUIZ_CHOICE, QUIZ_TEXT,
	                                     QUIZ_CLAIM, QUIZ_CLOZE, QUIZ_ORDER};
	for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++) {
		print_message("  kind %s\n", quiz_kind_name(expected[k]));
		assert_true(kinds_seen[expected[k]]);
	}
	draft_free(d);
	article_free(a);
}

static void test_kinds_and_max(void **state)
{
	(void)state;
	article *a = load(SAMPLE);
	draft_options opt = {.seed = 1, .max = 3};
	draft *d = draft_new(a, &opt);
	assert_int_equal(draft_count(d), 3);
	draft_free(d);

	opt = (draft_options){.seed = 1, .max = 1000};
	assert_true(draft_parse_kinds("date", &opt.kinds, &opt.templates, &(char *){NULL}));
	d = draft_new(a, &opt);
	assert_true(draft_count(d) >= 3);
	for (size_t i = 0; i < draft_count(d); i++)
		assert_int_equal(draft_at(d, i)->kind, QUIZ_DATE);
	draft_free(d);

	opt = (draft_options){.seed = 1, .max = 1000};
	assert_true(draft_parse_kinds("who-said", &opt.kinds, &opt.templates, &(char *){NULL}));
	d = draft_new(a, &opt);
	assert_true(draft_count(d) >= 2);
	for (size_t i = 0; i < draft_count(d); i++)
		assert_int_equal(draft_at(d, i)->template, DRAFT_WHO_SAID);
	draft_free(d);
	article_free(a);
}

/* The bank's top-level keys and how many questions it lists. */
static void yaml_outline(const char *doc, buf *keys, size_t *questions, char **article_value)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0;
	bool key = true, in_questions = false;
	const char *last_key = "";
	char *last = NULL;
	*questions = 0;
	*article_value = NULL;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)doc, strlen(doc));
	for (;;) {
		assert_true(yaml_parser_parse(&parser, &ev));
		bool end = ev.type == YAML_STREAM_END_EVENT;
		switch (ev.type) {
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 2 && in_questions && ev.type == YAML_MAPPING_START_EVENT)
				(*questions)++;
			depth++;
			if (depth == 2)
				in_questions = strcmp(last_key, "questions") == 0;
			key = ev.type == YAML_MAPPING_START_EVENT;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			key = true;
			break;
		case YAML_SCALAR_EVENT:
			if (depth == 1) {
				if (key) {
					free(last);
					last = xstrdup((const char *)ev.data.scalar.value);
					last_key = last;
					buf_printf(keys, "%s ", last);
				} else if (strcmp(last_key, "article") == 0) {
					*article_value = xstrdup((const char *)ev.data.scalar.value);
				} else if (strcmp(last_key, "recall") == 0) {
					assert_string_equal((const char *)ev.data.scalar.value, "1");
				}
				key = !key;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	free(last);
	yaml_parser_delete(&parser);
}

static void test_yaml_output(void **state)
{
	(void)state;
	article *a = load(SAMPLE);
	draft_options opt = {.seed = 1};
	draft *d = draft_new(a, &opt);
	buf out;
	buf_init(&out);
	draft_write_yaml(d, "../content/china-fentanyl-sanctions.md", &out);
	assert_memory_equal(out.ptr, "# A DRAFT question bank", 23);
	buf keys;
	buf_init(&keys);
	size_t questions;
	char *article_value;
	yaml_outline(out.ptr, &keys, &questions, &article_value);
	assert_string_equal(keys.ptr, "recall title article actors questions ");
	assert_string_equal(article_value, "../content/china-fentanyl-sanctions.md");
	assert_int_equal(questions, draft_count(d));
	free(article_value);

	/* The same seed gives the same bank. */
	draft *again = draft_new(a, &opt);
	buf out2;
	buf_init(&out2);
	draft_write_yaml(again, "../content/china-fentanyl-sanctions.md", &out2);
	assert_string_equal(out.ptr, out2.ptr);
	draft_free(again);
	buf_release(&out2);
	buf_release(&keys);
	buf_release(&out);
	draft_free(d);
	article_free(a);
}

/* ------------------------------------------------------------------------
 * Small articles of our own. */

static article *parse(const char *text)
{
	diag_list *dl = diag_list_new();
	article *a = article_parse("mem.md", text, strlen(text), dl);
	diag_list_free(dl);
	assert_non_null(a);
	return a;
}

static void test_empty_article(void **state)
{
	(void)state;
	article *a = parse("# Nothing Here\n\nJust words without anything to ask about.\n");
	draft_options opt = {.seed = 1};
	draft *d = draft_new(a, &opt);
	assert_int_equal(draft_count(d), 0);
	buf out;
	buf_init(&out);
	draft_write_yaml(d, "mem.md", &out);
	assert_non_null(strstr(out.ptr, "\ntitle: Nothing Here\n"));
	assert_non_null(strstr(out.ptr, "\nquestions: []\n"));
	assert_null(strstr(out.ptr, "actors:"));
	buf_release(&out);
	draft_free(d);
	article_free(a);
}

static void test_claims_swap_same_kind(void **state)
{
	(void)state;
	article *a = parse("---\npublished: 2021-03-04\n---\n"
	                   "In 2015, engineer Ada Brown founded the Northern Rail Company (NRC) in Leeds.\n\n"
	                   "In 2019, the company hired 2,000 workers, chief executive Tom Green said.\n\n"
	                   "By 2020, Ada Brown had left the Northern Rail Company for the Leeds City Council.\n\n"
	                   "Tom Green announced that the company would hire 500 more workers next year.\n");
	/* Whether a sentence gives a true or a false claim is decided per
	 * sentence: over a few seeds, some draft holds both. */
	size_t trues = 0, falses = 0;
	bool mixed = false;
	for (unsigned long seed = 1; seed <= 4; seed++) {
		size_t t0 = trues, f0 = falses;
		draft_options opt = {.seed = seed, .max = 1000};
		assert_true(draft_parse_kinds("claim", &opt.kinds, &opt.templates, &(char *){NULL}));
		draft *d = draft_new(a, &opt);
		for (size_t i = 0; i < draft_count(d); i++) {
			const draft_question *q = draft_at(d, i);
			article_match m;
			print_message("  %s %s\n", q->answer, q->prompt);
			if (strcmp(q->answer, "true") == 0) {
				trues++;
				assert_true(article_find_quote(a, q->prompt, &m));
				continue;
			}
			falses++;
			assert_false(article_find_quote(a, q->prompt, &m));
			assert_non_null(q->correction);
			/* One thing swapped for another of its kind: the prompt differs
			 * from its source by one name, year or number. */
			bool person = strstr(q->prompt, "Ada Brown") || strstr(q->prompt, "Tom Green");
			bool year = strstr(q->prompt, "20") != NULL;
			assert_true(person || year || strstr(q->prompt, "workers"));
		}
		mixed = mixed || (trues > t0 && falses > f0);
		draft_free(d);
	}
	assert_true(mixed);
	article_free(a);
}

static void test_false_claims_the_article_contradicts(void **state)
{
	(void)state;
	/* Two people under the same family name, a bound ("by 1590") and a
	 * count after "more than": none of these may be swapped into a claim
	 * that could be true as well. */
	article *a = parse("# Curies\n\n"
	                   "In 1898 the physicist Marie Curie announced polonium, and Curie named it after Poland.\n\n"
	                   "In 1903 the physicist Pierre Curie gave a lecture in London about radium salts.\n\n"
	                   "By 1590 the warlord Toyotomi Hideyoshi had united all of Japan under his rule.\n\n"
	                   "The admiral Yi Sun-sin held off more than 130 warships with his own small fleet.\n\n"
	                   "In 1597 the admiral Yi Sun-sin won with 13 ships against a much larger fleet.\n");
	for (unsigned long seed = 1; seed <= 6; seed++) {
		draft_options opt = {.seed = seed, .max = 1000};
		assert_true(draft_parse_kinds("claim", &opt.kinds, &opt.templates, &(char *){NULL}));
		draft *d = draft_new(a, &opt);
		for (size_t i = 0; i < draft_count(d); i++) {
			const draft_question *q = draft_at(d, i);
			if (strcmp(q->answer, "false") != 0)
				continue;
			print_message("  false: %s\n", q->prompt);
			assert_null(strstr(q->prompt, "Pierre Curie announced"));
			assert_null(strstr(q->prompt, "Marie Curie gave"));
			assert_null(strstr(q->prompt, "By 1"));
			assert_null(strstr(q->prompt, "more than 13 "));
		}
		draft_free(d);
	}
	article_free(a);
}

static void test_ids_transliterated(void **state)
{
	(void)state;
	article *a = parse("# Warsaw\n\n"
	                   "The physicist Marie Sk\xC5\x82odowska-Curie was born in Warsaw in 1867, the city's records show.\n\n"
	                   "In 1903 Sk\xC5\x82odowska-Curie shared the Nobel Prize in Physics with two other scientists.\n\n"
	                   "In 1911 the physicist Marie Sk\xC5\x82odowska-Curie received the Nobel Prize in Chemistry.\n");
	draft_options opt = {.seed = 1, .max = 1000};
	draft *d = draft_new(a, &opt);
	bool found = false;
	for (size_t i = 0; i < draft_actor_count(d); i++) {
		const draft_actor *ac = draft_actor_at(d, i);
		print_message("  actor %s: %s\n", ac->key, ac->name);
		if (strcmp(ac->name, "Marie Sk\xC5\x82odowska-Curie") == 0) {
			assert_string_equal(ac->key, "sklodowska-curie");
			found = true;
		}
	}
	assert_true(found);
	draft_free(d);
	article_free(a);
}

static void test_who_reported(void **state)
{
	(void)state;
	/* The attribution leaves the event and makes a question of its own. */
	article *a = parse("# T\n\n"
	                   "The health minister Anna Berg banned the sale of the drug in all pharmacies, the Daily Herald reported.\n\n"
	                   "The Northern Rail Company hired many new workers for its lines across the north.\n\n"
	                   "The Leeds City Council approved the budget for the coming year after a long debate.\n");
	draft_options opt = {.seed = 1, .max = 10};
	assert_true(draft_parse_kinds("who-said", &opt.kinds, &opt.templates, &(char *){NULL}));
	draft *d = draft_new(a, &opt);
	assert_int_equal(draft_count(d), 1);
	const draft_question *q = draft_at(d, 0);
	assert_string_equal(q->prompt, "Which source reported that the health minister Anna Berg banned the sale of the "
	                               "drug in all pharmacies?");
	assert_string_equal(q->answer, "Daily Herald");
	assert_true(q->n_choices >= 3);
	draft_free(d);
	article_free(a);
}

static void test_who_by_pronoun(void **state)
{
	(void)state;
	article *a = parse("# T\n\n"
	                   "The physicist Ada Brown studied radium in Leeds for many years.\n\n"
	                   "She discovered a new element in an old mine near the city.\n\n"
	                   "The general allowed Tom Green's small company to withdraw from the fort.\n\n"
	                   "He purchased their construction tools to finish the building.\n");
	draft_options opt = {.seed = 1, .max = 100};
	assert_true(draft_parse_kinds("who", &opt.kinds, &opt.templates, &(char *){NULL}));
	draft *d = draft_new(a, &opt);
	bool asked = false;
	for (size_t i = 0; i < draft_count(d); i++) {
		const draft_question *q = draft_at(d, i);
		print_message("  %s -> %s\n", q->prompt, q->answer_text);
		if (strcmp(q->prompt, "Who discovered a new element in an old mine near the city?") == 0) {
			assert_string_equal(q->answer_text, "Ada Brown");
			asked = true;
		}
		/* "He" is the general's, whom the rules cannot name: not Tom Green. */
		assert_null(strstr(q->prompt, "construction tools"));
	}
	assert_true(asked);
	draft_free(d);
	article_free(a);
}

static void test_variety(void **state)
{
	(void)state;
	/* The default draft of the sample: several kinds, each sentence once. */
	article *a = load(SAMPLE);
	draft_options opt = {.seed = 1};
	draft *d = draft_new(a, &opt);
	bool templates[DRAFT_TEMPLATE_COUNT] = {false};
	size_t n_templates = 0;
	for (size_t i = 0; i < draft_count(d); i++) {
		const draft_question *q = draft_at(d, i);
		n_templates += !templates[q->template];
		templates[q->template] = true;
		if (q->kind == QUIZ_ORDER)
			continue;
		for (size_t k = 0; k < i; k++) {
			const draft_question *o = draft_at(d, k);
			if (o->kind != QUIZ_ORDER)
				assert_string_not_equal(o->source, q->source);
		}
		/* No prompt is a template wrapped around the sentence. */
		assert_null(strstr(q->prompt, "fills the blank"));
		assert_null(strstr(q->prompt, "the following happen"));
	}
	assert_true(templates[DRAFT_DATE] && templates[DRAFT_CLAIM] && templates[DRAFT_ORDER] &&
	            templates[DRAFT_WHO]);
	assert_true(n_templates >= 6);
	draft_free(d);
	article_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml_scalars_read_back),
		cmocka_unit_test(test_relative_path),
		cmocka_unit_test(test_parse_kinds),
		cmocka_unit_test(test_sample_names_every_date_and_person),
		cmocka_unit_test(test_questions_hold_together),
		cmocka_unit_test(test_kinds_and_max),
		cmocka_unit_test(test_yaml_output),
		cmocka_unit_test(test_empty_article),
		cmocka_unit_test(test_claims_swap_same_kind),
		cmocka_unit_test(test_false_claims_the_article_contradicts),
		cmocka_unit_test(test_ids_transliterated),
		cmocka_unit_test(test_who_reported),
		cmocka_unit_test(test_who_by_pronoun),
		cmocka_unit_test(test_variety),
	};
	return cmocka_run_group_tests_name("draft", tests, NULL, NULL);
}
