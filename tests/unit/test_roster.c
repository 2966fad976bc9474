/* test_roster.c - reading class rosters from CSV: quoting, headers, and every bad row reported */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roster.h"

static roster *parse(const char *text, diag_list *d)
{
	return roster_parse("class.csv", text, strlen(text), d);
}

/* All diagnostics as "line:col: message" lines. */
static char *messages(const diag_list *d)
{
	buf out;
	buf_init(&out);
	for (size_t i = 0; i < diag_count(d); i++) {
		const diag *g = diag_at(d, i);
		buf_printf(&out, "%d:%d: %s%s\n", g->line, g->col,
		           g->severity == DIAG_WARNING ? "warning: " : "", g->message);
	}
	return buf_detach(&out);
}

static void test_plain_and_quoted(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	roster *r = parse("\xEF\xBB\xBFid,name,group\r\n"
	                  "s01,Ana Lima,A\r\n"
	                  "s02,\"Okafor, Chidi\",B\r\n"
	                  "  s03 , \"Say \"\"Hi\"\" Lee\" ,\r\n"
	                  "s04,\"Two\nlines\",C\r\n"
	                  ",,\r\n"
	                  "\r\n"
	                  "s05,Zoë Ünal,\r\n",
	                  d);
	char *m = messages(d);
	assert_string_equal(m, "5:5: the name holds a line break\n");
	assert_null(r);
	free(m);
	diag_list_free(d);

	d = diag_list_new();
	r = parse("id,name,group\n"
	          "s01,Ana Lima,A\n"
	          "s02,\"Okafor, Chidi\",B\n"
	          "  s03 , \"Say \"\"Hi\"\" Lee\" ,\n"
	          ",,\n"
	          "\n"
	          "s05,Zoë Ünal,",
	          d);
	assert_non_null(r);
	assert_int_equal(diag_count(d), 0);
	assert_int_equal(roster_count(r), 4);
	assert_string_equal(roster_at(r, 1)->name, "Okafor, Chidi");
	assert_string_equal(roster_at(r, 1)->group, "B");
	assert_string_equal(roster_at(r, 2)->id, "s03");
	assert_string_equal(roster_at(r, 2)->name, "Say \"Hi\" Lee");
	assert_string_equal(roster_at(r, 2)->group, "");
	assert_string_equal(roster_at(r, 3)->id, "s05");
	assert_string_equal(roster_at(r, 3)->name, "Zoë Ünal");
	assert_int_equal(roster_at(r, 3)->line, 7);
	roster_free(r);
	diag_list_free(d);
}

static void test_header_in_any_order(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	roster *r = parse("Name,ID,email\nAna,s01,ana@example.org\n", d);
	assert_non_null(r);
	char *m = messages(d);
	assert_string_equal(m, "1:9: warning: unknown column 'email' is ignored\n");
	assert_string_equal(roster_at(r, 0)->id, "s01");
	assert_string_equal(roster_at(r, 0)->name, "Ana");
	free(m);
	roster_free(r);
	diag_list_free(d);
}

static void test_every_bad_row(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	roster *r = parse("id,name\n"
	                  "s01,Ana\n"
	                  "s02\n"
	                  "s 3,Ben\n"
	                  ",Cy\n"
	                  "s04,\n"
	                  "s01,Dee\n"
	                  ":end,Eve\n"
	                  "s05,Fay \"the\" Gray\n"
	                  "s06,\"Gus\" H\n"
	                  "s07,Hal\n",
	                  d);
	assert_null(r);
	char *m = messages(d);
	assert_string_equal(m, "3:1: 1 field where the header has 2\n"
	                       "4:1: an id cannot hold spaces\n"
	                       "5:1: an id cannot be empty\n"
	                       "6:5: a student needs a name\n"
	                       "7:1: the id 's01' is listed twice\n"
	                       "8:1: an id cannot start with ':'\n"
	                       "9:9: a quote inside a field that is not quoted\n"
	                       "10:11: text after a closing quote\n");
	assert_string_equal(diag_at(d, 4)->hint, "it was first listed on line 2");
	free(m);
	diag_list_free(d);
}

static void test_unclosed_quote_and_encoding(void **state)
{
	(void)state;
	diag_list *d = diag_list_new();
	assert_null(parse("id,name\ns01,\"Ana\ns02,Ben\n", d));
	char *m = messages(d);
	assert_string_equal(m, "2:5: a quoted field is never closed\n");
	free(m);
	diag_list_free(d);

	d = diag_list_new();
	assert_null(parse("id,name\ns01,Ana\ns02,B\xFFn\n", d));
	m = messages(d);
	assert_string_equal(m, "3:6: invalid UTF-8\n");
	free(m);
	diag_list_free(d);

	d = diag_list_new();
	assert_null(parse("", d));
	m = messages(d);
	assert_string_equal(m, "1:1: the roster is empty; its first line names the columns: "
	                       "id,name[,group]\n");
	free(m);
	diag_list_free(d);

	d = diag_list_new();
	assert_null(parse("id,name\n", d));
	m = messages(d);
	assert_string_equal(m, "1:1: the roster lists no students\n");
	free(m);
	diag_list_free(d);

	d = diag_list_new();
	assert_null(parse("student,nmae\ns01,Ana\n", d));
	m = messages(d);
	assert_string_equal(m, "1:1: warning: unknown column 'student' is ignored\n"
	                       "1:9: warning: unknown column 'nmae' is ignored\n"
	                       "1:1: the header has no 'id' column\n"
	                       "1:1: the header has no 'name' column\n");
	assert_string_equal(diag_at(d, 1)->hint, "did you mean 'name'?");
	free(m);
	diag_list_free(d);
}

static void test_ids_and_class_names(void **state)
{
	(void)state;
	const char *why;
	assert_true(roster_valid_id("s01", NULL));
	assert_true(roster_valid_id("ana.lima@school.example", NULL));
	assert_true(roster_valid_id("学生7", NULL));
	assert_false(roster_valid_id("", &why));
	assert_false(roster_valid_id("a b", &why));
	assert_string_equal(why, "an id cannot hold spaces");
	assert_false(roster_valid_id(":end", NULL));
	assert_false(roster_valid_id("a\033[31m", NULL));
	char long_id[80];
	memset(long_id, 'x', sizeof long_id - 1);
	long_id[sizeof long_id - 1] = '\0';
	assert_false(roster_valid_id(long_id, &why));
	assert_string_equal(why, "an id is at most 64 bytes");
	assert_true(roster_valid_class("7B maths", NULL));
	assert_false(roster_valid_class("", NULL));
	assert_false(roster_valid_class("a\nb", NULL));
}

static void test_many_students(void **state)
{
	(void)state;
	buf text;
	buf_init(&text);
	buf_puts(&text, "id,name\n");
	for (int i = 0; i < 20000; i++)
		buf_printf(&text, "id%05d,Student %d\n", i, i);
	buf_printf(&text, "id%05d,Again\n", 12345);
	diag_list *d = diag_list_new();
	assert_null(roster_parse("big.csv", text.ptr, text.len, d));
	assert_int_equal(diag_errors(d), 1);
	assert_int_equal(diag_at(d, 0)->line, 20002);
	diag_list_free(d);
	buf_clear(&text);

	/* Every line bad: reporting stops at 100, and stays linear. */
	buf_puts(&text, "id,name\n");
	for (int i = 0; i < 200000; i++)
		buf_printf(&text, "bad id %d,x\n", i);
	d = diag_list_new();
	assert_null(roster_parse("bad.csv", text.ptr, text.len, d));
	assert_int_equal(diag_errors(d), 100);
	assert_int_equal(diag_at(d, 99)->line, 101);
	assert_string_equal(diag_at(d, 100)->message, "199900 more errors not shown");
	diag_list_free(d);
	buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_quoted),
		cmocka_unit_test(test_header_in_any_order),
		cmocka_unit_test(test_every_bad_row),
		cmocka_unit_test(test_unclosed_quote_and_encoding),
		cmocka_unit_test(test_ids_and_class_names),
		cmocka_unit_test(test_many_students),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
