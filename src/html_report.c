/* html_report.c - a class report as one self-contained, printable HTML page with SVG charts */
#include "html_report.h"

#include <math.h>
#include <string.h>

#include "escape.h"
#include "progress.h"
#include "screen.h"
#include "text.h"

static void esc(buf *out, const char *s)
{
	escape_html(out, s, s ? strlen(s) : 0);
}

/* An id usable in a fragment: the student's id with anything but letters,
 * digits, '-' and '_' as "_XX". */
static void anchor(buf *out, const char *id)
{
	buf_puts(out, "student-");
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-')
			buf_putc(out, (char)*p);
		else
			buf_printf(out, "_%02X", *p);
	}
}

static void percent(buf *out, double fraction)
{
	buf_printf(out, "%d%%", progress_percent(fraction));
}

static const char *const page_css =
	":root{--ink:#1d2430;--muted:#5f6b7a;--line:#d5dbe3;--bar:#3867b5;--warn:#c77800;"
	"--bad:#b3261e;--good:#2e7d32;--bg:#fff;--head:#f3f5f8}\n"
	"*{box-sizing:border-box}\n"
	"body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
	"color:var(--ink);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}\n"
	"h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid "
	"var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}\n"
	".muted{color:var(--muted)}.note{color:var(--muted);font-size:12px}\n"
	"table{border-collapse:collapse;width:100%;margin:6px 0 12px}\n"
	"th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}\n"
	"th{background:var(--head);font-weight:600;font-size:13px}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	".figures{display:flex;flex-wrap:wrap;gap:8px 28px;margin:8px 0}\n"
	".figure b{display:block;font-size:22px}\n"
	".flag{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;margin-right:4px;"
	"background:#fff1d6;color:#7a4a00}.flag.neg{background:#fde3e1;color:var(--bad)}\n"
	".verdict-correct,.verdict-close{color:var(--good)}.verdict-wrong{color:var(--bad)}"
	".verdict-partial{color:var(--warn)}\n"
	".typed{font-family:ui-monospace,'DejaVu Sans Mono',monospace;white-space:pre-wrap;"
	"word-break:break-word}\n"
	"svg{max-width:100%;height:auto;display:block;margin:6px 0}\n"
	"svg text{font:12px system-ui,'DejaVu Sans',sans-serif;fill:var(--ink)}\n"
	"svg .bar{fill:var(--bar)}svg .bar.flagged{fill:var(--warn)}svg .bar.neg{fill:var(--bad)}\n"
	"svg .axis{stroke:var(--muted);stroke-width:1}svg .guide{stroke:var(--muted);"
	"stroke-dasharray:3 3;stroke-width:1}\n"
	".student{margin-top:32px}\n"
	"nav a{margin-right:10px}\n"
	"@media print{\n"
	"  @page{size:A4;margin:14mm 12mm}\n"
	"  body{max-width:none;padding:0;font-size:10.5pt}\n"
	"  nav{display:none}\n"
	"  a{color:inherit;text-decoration:none}\n"
	"  h2{break-after:avoid}\n"
	"  table,svg,.figures{break-inside:auto}\n"
	"  tr,svg{break-inside:avoid}\n"
	"  thead{display:table-header-group}\n"
	"  .students-head,.student{break-before:page;margin-top:0}\n"
	"  .students-head+.note+.student{break-before:auto}\n"
	"  .flag{border:1px solid currentColor}\n"
	"}\n";

static void gradebook(buf *out, const report *r)
{
	unsigned kinds = report_kinds(r);
	bool groups = false;
	for (size_t i = 0; i < report_student_count(r); i++)
		groups |= *report_student_at(r, i)->group != '\0';
	buf_puts(out, "<h2 id=\"gradebook\">Gradebook</h2>\n<table class=\"gradebook\">\n<thead><tr>"
	              "<th>ID</th><th>Name</th>");
	if (groups)
		buf_puts(out, "<th>Group</th>");
	buf_puts(out, "<th class=\"num\">Tries</th><th class=\"num\">Best</th><th class=\"num\">Last"
	              "</th><th class=\"num\">Time</th>");
	for (int k = 0; k < QUIZ_KIND_COUNT; k++)
		if (kinds & (1u << k))
			buf_printf(out, "<th class=\"num\">%s</th>", quiz_kind_name((quiz_kind)k));
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < report_student_count(r); i++) {
		const report_student *st = report_student_at(r, i);
		buf_puts(out, "<tr><td><a href=\"#");
		anchor(out, st->id);
		buf_puts(out, "\">");
		esc(out, st->id);
		buf_puts(out, "</a></td><td>");
		if (st->on_roster)
			esc(out, st->name);
		else
			buf_puts(out, "<span class=\"muted\">(not on the roster)</span>");
		buf_puts(out, "</td>");
		if (groups) {
			buf_puts(out, "<td>");
			esc(out, st->group);
			buf_puts(out, "</td>");
		}
		int rest = 4 + __builtin_popcount(kinds);
		if (!st->attempts) {
			buf_printf(out, "<td class=\"num\">0</td><td colspan=\"%d\" class=\"muted\">not taken"
			                "</td></tr>\n",
			           rest - 1);
			continue;
		}
		buf_printf(out, "<td class=\"num\">%zu</td>", st->attempts);
		if (!st->best) {
			buf_puts(out, "<td class=\"num\">");
			percent(out, st->partial->fraction);
			buf_printf(out, "*</td><td colspan=\"%d\" class=\"muted\">not finished (%s): the score "
			                "so far</td></tr>\n",
			           rest - 2, store_session_status_name(st->partial->status));
			continue;
		}
		buf_puts(out, "<td class=\"num\">");
		percent(out, st->best->fraction);
		buf_puts(out, "</td><td class=\"num\">");
		percent(out, st->last->fraction);
		buf_puts(out, "</td><td class=\"num\">");
		if (st->best->ended_ms >= st->best->started_ms && st->best->ended_ms)
			screen_clock((long)((st->best->ended_ms - st->best->started_ms) / 1000), out);
		else
			buf_puts(out, "—");
		buf_puts(out, "</td>");
		for (int k = 0; k < QUIZ_KIND_COUNT; k++) {
			if (!(kinds & (1u << k)))
				continue;
			double pts = st->best->kind_points[k];
			buf_puts(out, "<td class=\"num\">");
			if (pts > 0)
				percent(out, st->best->kind_earned[k] / pts);
			else
				buf_puts(out, "—");
			buf_puts(out, "</td>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody></table>\n");
}

static const char *const bucket_labels[REPORT_BUCKETS] = {
	"0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–100",
};

static void histogram(buf *out, const report_summary *s)
{
	const int w = 620, h = 240, left = 40, bottom = 40, top = 20;
	const int plot_w = w - left - 10, plot_h = h - top - bottom;
	size_t most = 1;
	for (int b = 0; b < REPORT_BUCKETS; b++)
		most = s->histogram[b] > most ? s->histogram[b] : most;
	buf_printf(out, "<svg class=\"histogram\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	                "role=\"img\" aria-label=\"Histogram of the best scores\">\n",
	           w, h, w, h);
	buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n", left,
	           top + plot_h, left + plot_w, top + plot_h);
	int slot = plot_w / REPORT_BUCKETS;
	for (int b = 0; b < REPORT_BUCKETS; b++) {
		size_t n = s->histogram[b];
		int bh = (int)((double)n / (double)most * plot_h + 0.5);
		int x = left + b * slot + 4;
		if (n) {
			buf_printf(out, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
			                "<title>%s%%: %zu</title></rect>\n",
			           x, top + plot_h - bh, slot - 8, bh, bucket_labels[b], n);
			buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%zu</text>\n",
			           x + (slot - 8) / 2, top + plot_h - bh - 4, n);
		}
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
		           x + (slot - 8) / 2, top + plot_h + 16, bucket_labels[b]);
	}
	buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">best score, %%</text>\n",
	           left + plot_w / 2, h - 4);
	buf_printf(out, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
	                "text-anchor=\"middle\">students</text>\n",
	           top + plot_h / 2, top + plot_h / 2);
	buf_puts(out, "</svg>\n");
}

static void class_figures(buf *out, const report_summary *s)
{
	buf_puts(out, "<h2 id=\"class\">The class</h2>\n");
	if (!s->took) {
		buf_puts(out, "<p class=\"muted\">Nobody has finished an attempt yet.</p>\n");
		return;
	}
	buf_printf(out, "<div class=\"figures\"><div class=\"figure\">students<b>%zu</b></div>",
	           s->took);
	const char *names[] = {"mean", "median", "lowest", "highest"};
	double values[] = {s->mean, s->median, s->min, s->max};
	for (int i = 0; i < 4; i++) {
		buf_printf(out, "<div class=\"figure\">%s<b>", names[i]);
		percent(out, values[i]);
		buf_puts(out, "</b></div>");
	}
	buf_printf(out, "<div class=\"figure\">spread (sd)<b>%d points</b></div></div>\n",
	           (int)floor(s->sd * 100 + 0.5));
	buf_puts(out, "<p class=\"note\">Over each student's best finished attempt.</p>\n");
	histogram(out, s);
}

/* A horizontal bar chart, one row per question: facility from 0 to 100%,
 * or discrimination from -1 to 1 about a middle axis. */
static void item_chart(buf *out, const report *r, bool discrimination)
{
	size_t n = report_item_count(r);
	const int row = 22, label_w = 240, plot_w = 380, top = 24;
	int h = top + (int)n * row + 24, w = label_w + plot_w + 70;
	buf_printf(out, "<svg class=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	                "role=\"img\" aria-label=\"%s by question\">\n",
	           discrimination ? "discrimination" : "facility", w, h, w, h,
	           discrimination ? "Discrimination" : "Facility");
	int x0 = discrimination ? label_w + plot_w / 2 : label_w;
	/* Guides: the flags' thresholds. */
	if (discrimination) {
		for (int g = -2; g <= 2; g++) {
			int x = x0 + g * plot_w / 4;
			buf_printf(out, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
			                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
			           g ? "guide" : "axis", x, top - 6, x, h - 20, x, h - 6,
			           (const char *[]){"-1", "-0.5", "0", "0.5", "1"}[g + 2]);
		}
	} else {
		for (int g = 0; g <= 4; g++) {
			int x = label_w + g * plot_w / 4;
			buf_printf(out, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
			                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d%%</text>\n",
			           g ? "guide" : "axis", x, top - 6, x, h - 20, x, h - 6, g * 25);
		}
	}
	for (size_t q = 0; q < n; q++) {
		const report_item *it = report_item_at(r, q);
		int y = top + (int)q * row;
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%zu. ", label_w - 8,
		           y + 15, q + 1);
		buf cut;
		buf_init(&cut);
		/* Cut at a character boundary, so the label stays UTF-8. */
		size_t len = strlen(it->id), keep = len;
		if (len > 24) {
			keep = 23;
			while (keep && ((unsigned char)it->id[keep] & 0xC0) == 0x80)
				keep--;
		}
		buf_append(&cut, it->id, keep);
		if (keep < len)
			buf_puts(&cut, "…");
		esc(out, cut.ptr);
		buf_release(&cut);
		buf_puts(out, "</text>\n");
		bool has = discrimination ? it->has_discrimination : it->has_facility;
		if (!has) {
			buf_printf(out, "<text x=\"%d\" y=\"%d\" class=\"muted\">no figure</text>\n",
			           x0 + 4, y + 15);
			continue;
		}
		double v = discrimination ? it->discrimination : it->facility;
		int len_px = (int)(fabs(v) * (discrimination ? plot_w / 2 : plot_w) + 0.5);
		int x = discrimination && v < 0 ? x0 - len_px : x0;
		const char *cls = discrimination ? (it->negative ? "bar neg" : "bar")
		                                 : (it->too_easy || it->too_hard ? "bar flagged" : "bar");
		buf_printf(out, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", cls,
		           x, y + 3, len_px ? len_px : 1, row - 6);
		int tx = discrimination ? (v < 0 ? x - 4 : x0 + len_px + 4) : x0 + len_px + 4;
		buf_printf(out, "<text x=\"%d\" y=\"%d\"%s>", tx, y + 15,
		           discrimination && v < 0 ? " text-anchor=\"end\"" : "");
		if (discrimination)
			buf_printf(out, "%.2f", v);
		else
			percent(out, v);
		buf_puts(out, "</text>\n");
	}
	buf_puts(out, "</svg>\n");
}

static void flags(buf *out, const report_item *it)
{
	if (it->too_easy)
		buf_puts(out, "<span class=\"flag\">too easy</span>");
	if (it->too_hard)
		buf_puts(out, "<span class=\"flag\">too hard</span>");
	if (it->negative)
		buf_puts(out, "<span class=\"flag neg\">negative discrimination</span>");
}

static void item_analysis(buf *out, const report *r)
{
	const report_summary *s = report_get_summary(r);
	size_t n = report_item_count(r);
	if (!n || !s->took)
		return;
	buf_printf(out, "<h2 id=\"items\">Item analysis</h2>\n<p class=\"note\">First finished "
	                "attempts of %zu student%s",
	           s->took, s->took == 1 ? "" : "s");
	if (s->group_size)
		buf_printf(out, "; top and bottom groups of %zu", s->group_size);
	buf_puts(out, ". Facility is the share of credit earned; the discrimination index is the "
	              "top group's mean less the bottom group's.");
	if (!s->flagged)
		buf_printf(out, " No flags: they need at least %d students, and %zu took it.",
		           REPORT_MIN_STUDENTS, s->took);
	else if (s->took < 10)
		buf_puts(out, " With fewer than 10 students these figures are rough.");
	buf_puts(out, "</p>\n<h3>Facility</h3>\n");
	item_chart(out, r, false);
	buf_puts(out, "<h3>Discrimination</h3>\n");
	item_chart(out, r, true);
	buf_puts(out, "<h3>Questions and common wrong answers</h3>\n<table class=\"items\">\n"
	              "<thead><tr><th class=\"num\">#</th><th>Question</th><th class=\"num\">"
	              "Facility</th><th class=\"num\">Discrimination</th><th>Common wrong answers"
	              "</th></tr></thead>\n<tbody>\n");
	for (size_t q = 0; q < n; q++) {
		const report_item *it = report_item_at(r, q);
		buf_printf(out, "<tr><td class=\"num\">%zu</td><td><b>", q + 1);
		esc(out, it->id);
		buf_puts(out, "</b> <span class=\"muted\">");
		esc(out, it->kind);
		buf_puts(out, "</span><br>");
		esc(out, it->prompt);
		if (*it->answer) {
			buf_puts(out, "<br><span class=\"note\">right: ");
			esc(out, it->answer);
			buf_puts(out, "</span>");
		}
		buf_puts(out, "<br>");
		flags(out, it);
		buf_puts(out, "</td><td class=\"num\">");
		if (it->has_facility)
			percent(out, it->facility);
		else
			buf_puts(out, "—");
		buf_puts(out, "</td><td class=\"num\">");
		if (it->has_discrimination)
			buf_printf(out, "%.2f", it->discrimination);
		else
			buf_puts(out, "—");
		buf_puts(out, "</td><td>");
		for (size_t w = 0; w < it->n_wrong; w++) {
			buf_puts(out, w ? "<br>" : "");
			buf_puts(out, "<span class=\"typed\">");
			escape_html(out, it->wrong[w].shown, it->wrong[w].len);
			buf_printf(out, "</span> ×%zu", it->wrong[w].count);
		}
		buf_puts(out, "</td></tr>\n");
	}
	buf_puts(out, "</tbody></table>\n");
}

static void regrades(buf *out, const html_report_info *info)
{
	if (!info->n_regrades)
		return;
	buf_puts(out, "<h2 id=\"regrades\">Regraded</h2>\n<table class=\"regrades\"><thead><tr><th>"
	              "When</th><th>By</th><th>What</th><th class=\"num\">Responses</th></tr>"
	              "</thead><tbody>\n");
	for (size_t i = 0; i < info->n_regrades; i++) {
		const html_regrade *g = &info->regrades[i];
		buf_puts(out, "<tr><td>");
		esc(out, g->when);
		buf_puts(out, "</td><td>");
		esc(out, g->by);
		buf_puts(out, "</td><td>");
		esc(out, g->reason);
		buf_printf(out, "</td><td class=\"num\">%zu</td></tr>\n", g->responses);
	}
	buf_puts(out, "</tbody></table>\n");
}

static void student_page(buf *out, const report *r, const report_student *st)
{
	buf_puts(out, "<section class=\"student\" id=\"");
	anchor(out, st->id);
	buf_puts(out, "\">\n<h2>");
	esc(out, st->id);
	if (*st->name) {
		buf_puts(out, " · ");
		esc(out, st->name);
	}
	if (*st->group) {
		buf_puts(out, " <span class=\"muted\">(");
		esc(out, st->group);
		buf_puts(out, ")</span>");
	}
	buf_puts(out, "</h2>\n");
	const report_attempt *a = st->best ? st->best : st->partial;
	if (!a) {
		buf_puts(out, "<p class=\"muted\">Not taken.</p>\n</section>\n");
		return;
	}
	buf_puts(out, "<p>");
	if (st->best)
		buf_printf(out, "Best of %zu finished attempt%s (%zu in all): <b>", st->finished,
		           st->finished == 1 ? "" : "s", st->attempts);
	else
		buf_printf(out, "No finished attempt; the latest ended <b>%s</b>, with the score so far: <b>",
		           store_session_status_name(a->status));
	percent(out, a->fraction);
	buf_puts(out, "</b> (");
	progress_number(out, floor(a->score * 100 + 0.5) / 100);
	buf_puts(out, " of ");
	progress_number(out, a->max_score);
	buf_puts(out, " points), started ");
	progress_local_time(out, a->started_ms);
	buf_puts(out, ".</p>\n<table class=\"answers\"><thead><tr><th class=\"num\">#</th><th>"
	              "Question</th><th>Answer</th><th>Verdict</th><th class=\"num\">Credit</th>"
	              "<th>Right answer</th></tr></thead><tbody>\n");
	for (size_t q = 0; q < report_item_count(r); q++) {
		const report_item *it = report_item_at(r, q);
		const report_answer *an = a->answers[q];
		buf_printf(out, "<tr><td class=\"num\">%zu</td><td>", q + 1);
		esc(out, *it->prompt ? it->prompt : it->id);
		buf_puts(out, "</td><td class=\"typed\">");
		if (an && an->chosen) {
			esc(out, an->chosen);
			if (an->len) {
				buf_puts(out, " <span class=\"muted\">(");
				escape_html(out, an->typed, an->len);
				buf_puts(out, ")</span>");
			}
		} else if (an) {
			escape_html(out, an->typed, an->len);
		}
		buf_puts(out, "</td><td>");
		if (!an) {
			buf_puts(out, "<span class=\"muted\">not reached</span>");
		} else {
			const char *v = an->overridden ? "correct" : an->verdict;
			buf_printf(out, "<span class=\"verdict-%s\">", v);
			esc(out, an->overridden ? "counted right" : an->verdict);
			buf_puts(out, "</span>");
		}
		buf_puts(out, "</td><td class=\"num\">");
		if (an) {
			progress_number(out, floor(an->credit * an->points * 100 + 0.5) / 100);
			buf_puts(out, "/");
			progress_number(out, an->points);
		}
		buf_puts(out, "</td><td>");
		if (!an || an->credit < 1)
			esc(out, it->answer);
		buf_puts(out, "</td></tr>\n");
	}
	buf_puts(out, "</tbody></table>\n</section>\n");
}

void html_report_write(const report *r, const html_report_info *info, buf *out)
{
	const report_summary *s = report_get_summary(r);
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	              "<title>Class ");
	esc(out, info->class_name);
	buf_puts(out, " · ");
	esc(out, info->bank_title ? info->bank_title : "no results yet");
	buf_puts(out, "</title>\n<style>\n");
	buf_puts(out, page_css);
	buf_puts(out, "</style>\n</head>\n<body>\n<header>\n<h1>Class ");
	esc(out, info->class_name);
	buf_puts(out, " · ");
	esc(out, info->bank_title ? info->bank_title : "no results yet");
	buf_printf(out, "</h1>\n<p class=\"muted\">%zu on the roster · %zu took it", s->on_roster,
	           s->took);
	if (s->unfinished)
		buf_printf(out, " · %zu did not finish", s->unfinished);
	buf_printf(out, " · %zu not taken", s->not_taken);
	if (s->students > s->on_roster)
		buf_printf(out, " · %zu not on the roster", s->students - s->on_roster);
	buf_puts(out, " · made ");
	esc(out, info->generated);
	buf_puts(out, "</p>\n<nav><a href=\"#gradebook\">Gradebook</a><a href=\"#class\">The class"
	              "</a><a href=\"#items\">Item analysis</a>");
	if (info->n_regrades)
		buf_puts(out, "<a href=\"#regrades\">Regraded</a>");
	buf_puts(out, "<a href=\"#students\">Students</a></nav>\n</header>\n<main>\n");
	gradebook(out, r);
	if (s->unfinished)
		buf_puts(out, "<p class=\"note\">* not finished: the score so far, out of every "
		              "question; not in the class's figures.</p>\n");
	class_figures(out, s);
	item_analysis(out, r);
	regrades(out, info);
	buf_puts(out, "<h2 id=\"students\" class=\"students-head\">Students</h2>\n<p class=\"note\">Each student's best "
	              "finished attempt (or the latest, when none finished), answer by answer.</p>\n");
	for (size_t i = 0; i < report_student_count(r); i++)
		student_page(out, r, report_student_at(r, i));
	buf_puts(out, "</main>\n</body>\n</html>\n");
}
