/* chart.h - small terminal charts: bars, sparklines and table cells, in Unicode or plain ASCII */
#ifndef RECALL_CHART_H
#define RECALL_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* How charts are drawn: Unicode block characters or ASCII, with or without
 * SGR colour. Both are the caller's decision (chart_unicode_locale, and
 * term_use_color). */
typedef struct {
	bool unicode;
	bool color;
} chart_style;

/* True when the locale's character set is UTF-8 (after setlocale). */
bool chart_unicode_locale(void);

/* Appends a bar exactly `width` columns wide, filled to `fraction` (clamped
 * to 0..1): eighth blocks on a light shade, or '#' on '.' in ASCII. With
 * colour the filled part is green from 0.8, yellow from 0.5, else red. */
void chart_bar(buf *out, double fraction, int width, const chart_style *style);

/* Appends a sparkline, one column per value (each clamped to 0..1), lowest
 * to highest: "▁▂▃▄▅▆▇█", or "_.-=+*#@" in ASCII. */
void chart_sparkline(buf *out, const double *values, size_t count, const chart_style *style);

/* Appends `text` (any bytes: it is sanitised, line breaks become spaces) in
 * at most `width` columns, cut at a character boundary with an ellipsis
 * ("…", or "..." in ASCII) when it is wider; with `pad`, padded with spaces
 * to exactly `width` columns. Returns the columns written. */
int chart_cell(buf *out, const char *text, int width, bool pad, const chart_style *style);

/* The columns `text` takes once sanitised as chart_cell shows it. */
int chart_width(const char *text);

/* Appends `text` right-aligned in `width` columns (text is recall's own:
 * numbers and ASCII). */
void chart_right(buf *out, const char *text, int width);

#endif
