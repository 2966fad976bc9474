/* escape.c - text written as a CSV field, a JSON string or HTML */
#include "escape.h"

#include <stdbool.h>
#include <utf8proc.h>

#include "text.h"

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

/* "-5", "+1.5", "-0,5": what a spreadsheet reads as a number, never as a formula. */
static bool plain_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (digits && i < len && (s[i] == '.' || s[i] == ',')) {
		size_t after = 0;
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			after++;
		if (!after)
			return false;
	}
	return digits && i == len;
}

void escape_csv_cell(buf *out, const char *s, size_t len)
{
	bool formula = len && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	                       s[0] == '\t' || s[0] == '\r');
	if (!formula || plain_number(s, len)) {
		escape_csv(out, s, len);
		return;
	}
	buf_puts(out, "\"'");
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
		} else if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		           (unsigned char)s[i + 1] <= 0x9f) {
			/* U+0080..U+009F: C1 controls, which some terminals obey. */
			buf_printf(out, "\\u%04x", (unsigned char)s[i + 1]);
			i += 2;
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

void escape_html(buf *out, const char *s, size_t len)
{
	buf clean;
	buf_init(&clean);
	text_sanitize(s ? s : "", s ? len : 0, &clean);
	for (size_t i = 0; i < clean.len; i++) {
		char c = clean.ptr[i];
		switch (c) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, c); break;
		}
	}
	buf_release(&clean);
}
