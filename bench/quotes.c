/* quotes.c - the `source` checks of a compile alone: load an article, look up every quote
 *
 * Usage: quotes ARTICLE BANK
 *
 * Reads the `source:` lines of a bank written by bench/gen (one double-quoted
 * scalar a line), loads the article with article_load and looks each quote up
 * with article_find_quote, as `recall check` does. Exits 1 if any is missing,
 * so the generator and the lookup are checked against each other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "util.h"

/* Unescapes a YAML double-quoted scalar of the simple kind gen writes. */
static char *unquote(const char *s)
{
	buf out;
	buf_init(&out);
	if (*s == '"')
		s++;
	for (; *s && *s != '"'; s++) {
		if (*s == '\\' && s[1])
			s++;
		buf_putc(&out, *s);
	}
	return buf_detach(&out);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: quotes ARTICLE BANK\n");
		return 2;
	}
	diag_list *d = diag_list_new();
	article *a = article_load(argv[1], d);
	if (!a) {
		buf msg;
		buf_init(&msg);
		diag_format(d, false, &msg);
		fputs(msg.ptr, stderr);
		return 1;
	}
	buf bank;
	buf_init(&bank);
	if (read_file(argv[2], 1u << 30, &bank) != 0) {
		perror(argv[2]);
		return 1;
	}
	size_t looked = 0, missing = 0;
	const char *key = "    source: ";
	for (char *line = bank.ptr; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (strncmp(line, key, strlen(key)) == 0) {
			char *quote = unquote(line + strlen(key));
			article_match m;
			looked++;
			if (!article_find_quote(a, quote, &m)) {
				if (missing++ < 5)
					fprintf(stderr, "quotes: not in the article: %s\n", quote);
			}
			free(quote);
		}
		line = nl ? nl + 1 : NULL;
	}
	if (getenv("BASELINE_VERBOSE"))
		printf("%zu quotes looked up, %zu missing\n", looked, missing);
	buf_release(&bank);
	article_free(a);
	diag_list_free(d);
	return missing ? 1 : 0;
}
