/* escape.c - text written as a CSV field or a JSON string */
#include "escape.h"

#include <stdbool.h>
#include <utf8proc.h>

void escape_csv(buf *out, const char *s, size_t len)
{
	bool quote = len && (s[0] == ' ' || s[len - 1] == ' ');
	for (size_t i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote) {
		buf_append(out, s, len);
		return;
	}
	buf_putc(out, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(out, '"');
		buf_putc(out, s[i]);
	}
	buf_putc(out, '"');
}

void escape_json(buf *out, const char *s, size_t len)
{
	buf_putc(out, '"');
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			buf_printf(out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			buf_putc(out, (char)c);
			i++;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			                                      (utf8proc_ssize_t)(len - i), &cp);
			if (n <= 0) {
				buf_puts(out, "\\ufffd");
				i++;
			} else {
				buf_append(out, s + i, (size_t)n);
				i += (size_t)n;
			}
		}
	}
	buf_putc(out, '"');
}
