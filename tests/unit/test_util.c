/* test_util.c - buffers, paths, reading files, the arena, diagnostics */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "escape.h"
#include "util.h"

static void test_buf(void **state)
{
	(void)state;
	buf b;
	buf_init(&b);
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.ptr));
	assert_memory_equal(b.ptr, "0,1,2,", 6);
	buf_truncate(&b, 4);
	assert_string_equal(b.ptr, "0,1,");
	buf_append(&b, "x\0y", 3);
	assert_int_equal(b.len, 7);
	char *owned = buf_detach(&b);
	assert_memory_equal(owned, "0,1,x\0y", 8);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	free(owned);
	buf_release(&b);
}

static void tidy(const char *in, const char *want)
{
	char *got = path_tidy(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_paths(void **state)
{
	(void)state;
	tidy("quizzes/../content/x.md", "content/x.md");
	tidy("a/./b//c", "a/b/c");
	tidy("../x", "../x");
	tidy("a/../../x", "../x");
	tidy("/../a", "/a");
	tidy("x/..", ".");
	tidy("../../a/../b", "../../b");
	char *p = path_relative_to("quizzes/bank.yaml", "../content/a.md");
	assert_string_equal(p, "quizzes/../content/a.md");
	free(p);
	p = path_relative_to("bank.yaml", "a.md");
	assert_string_equal(p, "a.md");
	free(p);
	p = path_relative_to("q/bank.yaml", "/abs/a.md");
	assert_string_equal(p, "/abs/a.md");
	free(p);
}

static void test_read_file(void **state)
{
	(void)state;
	char path[] = "/tmp/recall-util-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "hello\n", 6), 6);
	close(fd);
	buf b;
	buf_init(&b);
	assert_int_equal(read_file(path, 100, &b), 0);
	assert_string_equal(b.ptr, "hello\n");
	buf_clear(&b);
	assert_int_equal(read_file(path, 3, &b), EFBIG);
	assert_int_equal(b.len, 0);
	assert_int_equal(read_file("/tmp", 100, &b), EISDIR);
	assert_int_equal(read_file("/nonexistent/recall", 100, &b), ENOENT);
	unlink(path);
	buf_release(&b);
}

static void test_arena(void **state)
{
	(void)state;
	arena *a = arena_new();
	char *s = arena_strdup(a, "text");
	assert_string_equal(s, "text");
	/* Large and small allocations mix; all are zeroed and aligned. */
	for (int i = 0; i < 2000; i++) {
		size_t n = (size_t)(i % 7 == 0 ? 40000 : i % 50 + 1);
		unsigned char *p = arena_alloc(a, n);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (size_t k = 0; k < n; k++)
			assert_int_equal(p[k], 0);
		memset(p, 0xAB, n);
	}
	assert_string_equal(s, "text");
	assert_true(arena_size(a) > 2000);
	arena_free(a);
}

static void test_diag_caret_and_hint(void **state)
{
	(void)state;
	diag_list *l = diag_list_new();
	const char *text = "first line\n日本 x: bad\n";
	diag_add_source(l, "f.yaml", text, strlen(text));
	diag *d = diag_add(l, DIAG_ERROR, "f.yaml", 2, 4, "unknown field `%s`", "x");
	diag_hint(d, "did you mean `%s`?", "y");
	diag_add(l, DIAG_WARNING, "f.yaml", 0, 0, "a warning \033[31m with an escape");
	assert_int_equal(diag_errors(l), 1);
	assert_int_equal(diag_warnings(l), 1);
	buf out;
	buf_init(&out);
	diag_format(l, false, &out);
	/* The caret stands under `x`, after two wide characters. */
	assert_string_equal(out.ptr, "f.yaml:2:4: error: unknown field `x`\n"
	                             "    日本 x: bad\n"
	                             "         ^\n"
	                             "    hint: did you mean `y`?\n"
	                             "f.yaml: warning: a warning ␛[31m with an escape\n");
	diag_promote_warnings(l);
	assert_int_equal(diag_errors(l), 2);
	buf_release(&out);
	diag_list_free(l);
}

/* A source is the caller's until a positioned diagnostic copies it; an empty
 * line (an empty file) and an overlong one are not shown, only their place. */
static void test_diag_source_lines(void **state)
{
	(void)state;
	diag_list *l = diag_list_new();
	char *text = xstrdup("a: 1\n\nb: 2\n");
	diag_add_source(l, "g.yaml", text, strlen(text));
	diag_add(l, DIAG_ERROR, "g.yaml", 2, 1, "nothing here");
	memset(text, 'z', strlen(text));   /* the caller's copy may change or go */
	free(text);
	diag_add(l, DIAG_WARNING, "g.yaml", 3, 4, "two");
	buf long_line;
	buf_init(&long_line);
	for (int i = 0; i < 5000; i++)
		buf_putc(&long_line, 'x');
	diag_add_source(l, "h.yaml", long_line.ptr, long_line.len);
	diag_add(l, DIAG_ERROR, "h.yaml", 1, 4000, "far along");
	buf_release(&long_line);
	buf out;
	buf_init(&out);
	diag_format(l, false, &out);
	assert_string_equal(out.ptr, "g.yaml:2:1: error: nothing here\n"
	                             "g.yaml:3:4: warning: two\n"
	                             "    b: 2\n"
	                             "       ^\n"
	                             "h.yaml:1:4000: error: far along\n");
	buf_release(&out);
	diag_list_free(l);
}

static void test_diag_locate(void **state)
{
	(void)state;
	const char *text = "ab\ncdé\nf";
	int line, col;
	diag_locate(text, strlen(text), 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	diag_locate(text, strlen(text), strlen("ab\ncdé"), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 4);
	diag_locate(text, strlen(text), strlen(text), &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 2);
}

static void test_escape(void **state)
{
	(void)state;
	buf out;
	buf_init(&out);
	const char *fields[] = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""};
	for (size_t i = 0; i < 6; i++) {
		escape_csv(&out, fields[i], strlen(fields[i]));
		buf_putc(&out, '|');
	}
	assert_string_equal(out.ptr, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded\"||");
	buf_clear(&out);
	const char *s = "q\"\\\x01\x7f\xc3\xa9\xff";
	escape_json(&out, s, strlen(s));
	assert_string_equal(out.ptr, "\"q\\\"\\\\\\u0001\\u007f\xc3\xa9\\ufffd\"");
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_diag_caret_and_hint),
		cmocka_unit_test(test_diag_source_lines),
		cmocka_unit_test(test_diag_locate),
		cmocka_unit_test(test_escape),
	};
	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
