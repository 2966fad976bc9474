/* html_report.h - a class report as one self-contained, printable HTML page with SVG charts */
#ifndef RECALL_HTML_REPORT_H
#define RECALL_HTML_REPORT_H

#include <stddef.h>

#include "report.h"
#include "util.h"

/* One change made to the grading after the fact, as the page lists it. */
typedef struct {
	const char *when;          /* as shown: "2026-12-04 01:36" */
	const char *by;
	const char *reason;
	size_t responses;
} html_regrade;

typedef struct {
	const char *class_name;
	const char *bank_title;    /* NULL: no results yet */
	const char *generated;     /* when the page was made, as shown */
	const html_regrade *regrades;
	size_t n_regrades;
} html_report_info;

/* Appends the whole page to `out`: the gradebook, a histogram of the best
 * scores, facility and discrimination charts, the common wrong answers,
 * the regrades, and a page per student with every answer counted. It needs
 * no network and no script: CSS and SVG are inline, and print CSS lays it
 * out on A4 with each student on a page of their own. Every string from
 * the report (typed answers, names, prompts) is sanitised and escaped. */
void html_report_write(const report *r, const html_report_info *info, buf *out);

#endif
