/* linecheck.c - checks rendered text: no line wider than a limit (unless it
 * is one unbreakable word), and no control byte other than newline.
 * Usage: linecheck WIDTH [FILE]; prints each offence and exits 1 if any. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: linecheck WIDTH [FILE]\n");
		return 2;
	}
	int limit = atoi(argv[1]);
	FILE *f = argc > 2 ? fopen(argv[2], "rb") : stdin;
	if (!f) {
		perror(argv[2]);
		return 2;
	}
	buf all;
	buf_init(&all);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&all, chunk, n);
	int bad = 0, line = 1;
	const char *p = all.ptr, *end = all.ptr + all.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		for (const char *c = p; c < eol; c++) {
			unsigned char b = (unsigned char)*c;
			/* ESC is allowed only as the start of an SGR sequence. */
			if (b == '\033' && c + 1 < eol && c[1] == '[') {
				const char *m = c + 2;
				while (m < eol && ((*m >= '0' && *m <= '9') || *m == ';'))
					m++;
				if (m < eol && *m == 'm') {
					c = m;
					continue;
				}
			}
			if (b < 0x20 || b == 0x7f) {
				printf("line %d: control byte 0x%02x\n", line, b);
				bad = 1;
			}
		}
		int width = text_width(p, (size_t)(eol - p));
		if (width > limit) {
			/* An unbreakable word is allowed to overflow: after the indent,
			 * the line holds no space. */
			const char *q = p;
			while (q < eol && *q == ' ')
				q++;
			if (memchr(q, ' ', (size_t)(eol - q))) {
				printf("line %d: %d columns, over %d\n", line, width, limit);
				bad = 1;
			}
		}
		line++;
		p = nl ? nl + 1 : end;
	}
	buf_release(&all);
	return bad;
}
