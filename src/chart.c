/* chart.c - small terminal charts: bars, sparklines and table cells, in Unicode or plain ASCII */
#include "chart.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "text.h"

#define SGR_RESET "\033[0m"

bool chart_unicode_locale(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

static double clamp01(double x)
{
	if (!(x > 0))   /* NaN too */
		return 0;
	return x > 1 ? 1 : x;
}

static const char *bar_color(double fraction)
{
	if (fraction >= 0.8)
		return "\033[32m";
	if (fraction >= 0.5)
		return "\033[33m";
	return "\033[31m";
}

void chart_bar(buf *out, double fraction, int width, const chart_style *style)
{
	if (width <= 0)
		return;
	fraction = clamp01(fraction);
	/* Eighths of a column: the partial block shows what rounding to whole
	 * columns would hide. */
	int steps = style->unicode ? 8 : 1;
	int filled = (int)lround(fraction * width * steps);
	int full = filled / steps, part = filled % steps;
	static const char *const eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	if (style->color)
		buf_puts(out, bar_color(fraction));
	for (int i = 0; i < full; i++)
		buf_puts(out, style->unicode ? "█" : "#");
	if (part)
		buf_puts(out, eighths[part]);
	int rest = width - full - (part ? 1 : 0);
	if (style->color)
		buf_puts(out, rest > 0 ? SGR_RESET "\033[2m" : SGR_RESET);
	for (int i = 0; i < rest; i++)
		buf_puts(out, style->unicode ? "░" : ".");
	if (style->color && rest > 0)
		buf_puts(out, SGR_RESET);
}

void chart_sparkline(buf *out, const double *values, size_t count, const chart_style *style)
{
	static const char *const blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
	static const char ascii[] = "_.-=+*#@";
	if (style->color && count)
		buf_puts(out, "\033[36m");
	for (size_t i = 0; i < count; i++) {
		int level = (int)floor(clamp01(values[i]) * 8);
		if (level > 7)
			level = 7;
		if (style->unicode)
			buf_puts(out, blocks[level]);
		else
			buf_putc(out, ascii[level]);
	}
	if (style->color && count)
		buf_puts(out, SGR_RESET);
}

/* Byte length of the grapheme cluster at the start of `s`. */
static size_t cluster_length(const char *s, size_t len)
{
	utf8proc_int32_t first, next;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &first);
	if (n <= 0)
		return 1;
	size_t at = (size_t)n;
	utf8proc_int32_t state = 0;
	while (at < len) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + at, (utf8proc_ssize_t)(len - at), &next);
		if (n <= 0 || utf8proc_grapheme_break_stateful(first, next, &state))
			break;
		first = next;
		at += (size_t)n;
	}
	return at;
}

/* `text` as a table cell shows it: sanitised, on one line. */
static void one_line(const char *text, buf *clean)
{
	text_sanitize(text, strlen(text), clean);
	for (size_t i = 0; i < clean->len; i++)
		if (clean->ptr[i] == '\n')
			clean->ptr[i] = ' ';
}

int chart_width(const char *text)
{
	buf clean;
	buf_init(&clean);
	one_line(text, &clean);
	int width = text_width(clean.ptr, clean.len);
	buf_release(&clean);
	return width;
}

int chart_cell(buf *out, const char *text, int width, bool pad, const chart_style *style)
{
	if (width <= 0)
		return 0;
	buf clean;
	buf_init(&clean);
	one_line(text, &clean);
	int used = text_width(clean.ptr, clean.len);
	if (used <= width) {
		buf_append(out, clean.ptr, clean.len);
	} else {
		const char *ellipsis = style->unicode ? "…" : "...";
		int ellipsis_width = style->unicode ? 1 : 3;
		if (ellipsis_width > width)
			ellipsis_width = 0;
		int avail = width - ellipsis_width;
		size_t at = 0;
		used = 0;
		while (at < clean.len) {
			size_t n = cluster_length(clean.ptr + at, clean.len - at);
			int w = text_width(clean.ptr + at, n);
			if (used + w > avail)
				break;
			used += w;
			at += n;
		}
		buf_append(out, clean.ptr, at);
		if (ellipsis_width) {
			buf_puts(out, ellipsis);
			used += ellipsis_width;
		}
	}
	buf_release(&clean);
	for (; pad && used < width; used++)
		buf_putc(out, ' ');
	return used;
}

void chart_right(buf *out, const char *text, int width)
{
	for (int w = (int)strlen(text); w < width; w++)
		buf_putc(out, ' ');
	buf_puts(out, text);
}
