/* screen.c - what a quiz shows: questions, feedback, passages and the scorecard, laid out */
#include "screen.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "text.h"

#define SGR_RESET "\033[0m"

static const struct {
	const char *name, *sgr;
} styles[] = {
	{"note", "\033[2m"},      {"warn", "\033[33m"},   {"error", "\033[1;31m"},
	{"good", "\033[1;32m"},   {"bold", "\033[1m"},    {"mark", "\033[1;33m"},
	{"head", "\033[1;34m"},
};

static const char *style_code(const char *style)
{
	for (size_t i = 0; style && i < sizeof styles / sizeof styles[0]; i++)
		if (strcmp(style, styles[i].name) == 0)
			return styles[i].sgr;
	return NULL;
}

/* Appends sanitised `text`, styled as a whole. */
static void put_styled(const screen *sc, const char *style, const char *text, size_t len,
                       buf *out)
{
	const char *code = sc->color ? style_code(style) : NULL;
	if (code)
		buf_puts(out, code);
	text_sanitize(text, len, out);
	if (code)
		buf_puts(out, SGR_RESET);
}

static void put(const screen *sc, const char *style, const char *text, buf *out)
{
	put_styled(sc, style, text, strlen(text), out);
}

static void wrap(const screen *sc, const buf *text, const char *first, const char *rest, buf *out)
{
	text_wrap_options w = {.width = sc->width, .first_prefix = first, .rest_prefix = rest};
	text_wrap(text->ptr, text->len, &w, out);
}

void screen_line(const screen *sc, const char *style, const char *text, buf *out)
{
	buf line;
	buf_init(&line);
	put(sc, style, text, &line);
	wrap(sc, &line, "", "", out);
	buf_release(&line);
}

static const char *kind_label(const quiz_question *q)
{
	switch (q->kind) {
	case QUIZ_DATE:
		return "a date";
	case QUIZ_ACTOR:
		return "a person or organisation";
	case QUIZ_NUMBER:
		return "a number";
	case QUIZ_TEXT:
		return "a short answer";
	case QUIZ_CLAIM:
		return "true or false";
	case QUIZ_CHOICE:
		return q->n_correct > 1 ? "choose all that apply" : "choose one";
	case QUIZ_ORDER:
		return "put in order";
	case QUIZ_MATCH:
		return "match the pairs";
	case QUIZ_CLOZE:
		return "fill in the blanks";
	default:
		return "";
	}
}

/* A cloze as shown: each {{...}} becomes a numbered blank. */
static void cloze_text(const char *text, buf *out)
{
	int blank = 0;
	const char *p = text;
	while (*p) {
		const char *open = strstr(p, "{{");
		const char *close = open ? strstr(open + 2, "}}") : NULL;
		if (!open || !close) {
			buf_puts(out, p);
			break;
		}
		buf_append(out, p, (size_t)(open - p));
		buf_printf(out, "[%d]_____", ++blank);
		p = close + 2;
	}
}

static void option_lines(const screen *sc, const session *s, const quiz_question *q, buf *out)
{
	size_t n = session_option_count(s);
	for (size_t i = 0; i < n; i++) {
		size_t bank = session_option(s, i);
		const char *text = q->kind == QUIZ_CHOICE  ? q->choices.items[bank]
		                   : q->kind == QUIZ_ORDER ? q->items.items[bank]
		                                           : q->pairs[bank].right;
		buf line;
		buf_init(&line);
		put(sc, "bold", "", &line);
		buf_printf(&line, "(%c) ", (char)('a' + i));
		put(sc, NULL, text, &line);
		wrap(sc, &line, "  ", "      ", out);
		buf_release(&line);
	}
}

void screen_question(const screen *sc, const quiz *q, const session *s, buf *out)
{
	(void)q;
	const quiz_question *qq = session_current(s);
	if (!qq)
		return;
	buf line;
	buf_init(&line);
	buf status;
	buf_init(&status);
	/* An exam gives nothing away until the end, not even the running score. */
	if (session_shows_feedback(s))
		buf_printf(&status, "%zu/%zu · %zu right · %s", session_position(s) + 1,
		           session_count(s), session_right_count(s), kind_label(qq));
	else
		buf_printf(&status, "%zu/%zu · %s", session_position(s) + 1, session_count(s),
		           kind_label(qq));
	if (sc->timed) {
		buf_puts(&status, " · ");
		screen_clock(sc->seconds_left, &status);
		buf_puts(&status, " left");
	}
	put(sc, "head", status.ptr, &line);
	buf_putc(out, '\n');
	wrap(sc, &line, "", "", out);
	buf_clear(&line);

	if (qq->kind == QUIZ_CLOZE) {
		buf shown;
		buf_init(&shown);
		cloze_text(qq->prompt, &shown);
		put(sc, "bold", shown.ptr, &line);
		buf_release(&shown);
	} else {
		put(sc, "bold", qq->prompt ? qq->prompt : "", &line);
	}
	wrap(sc, &line, "", "", out);
	buf_clear(&line);

	const char *how = NULL;
	switch (qq->kind) {
	case QUIZ_MATCH:
		for (size_t i = 0; i < qq->n_pairs; i++) {
			buf_clear(&line);
			put(sc, "bold", "", &line);
			buf_printf(&line, "%zu. ", i + 1);
			put(sc, NULL, qq->pairs[i].left, &line);
			wrap(sc, &line, "  ", "     ", out);
		}
		buf_clear(&line);
		option_lines(sc, s, qq, out);
		how = "Type pairs such as 1b 2a 3c.";
		break;
	case QUIZ_CHOICE:
		option_lines(sc, s, qq, out);
		how = qq->n_correct > 1 ? "Type every letter that applies, such as a c."
		                        : "Type a letter, or the answer itself.";
		break;
	case QUIZ_ORDER:
		option_lines(sc, s, qq, out);
		how = "Type the letters in order, such as c a d b.";
		break;
	case QUIZ_CLOZE:
		how = qq->n_blanks > 1 ? "Type each blank in turn, separated by ;" : NULL;
		break;
	case QUIZ_CLAIM:
		how = "Type true or false (y or n).";
		break;
	default:
		break;
	}
	if (how)
		screen_line(sc, "note", how, out);
	buf_release(&line);
	buf_release(&status);
}

const char *screen_prompt(const screen *sc)
{
	return sc->color ? "\033[1;36m›\033[0m " : "> ";
}

void screen_clock(long seconds, buf *out)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds >= 3600)
		buf_printf(out, "%ld:%02ld:%02ld", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		buf_printf(out, "%ld:%02ld", seconds / 60, seconds % 60);
}

void screen_prompt_timed(const screen *sc, long seconds_left, buf *out)
{
	buf_clear(out);
	if (sc->color)
		buf_puts(out, seconds_left < 60 ? "\033[1;33m" : "\033[2m");
	buf_putc(out, '[');
	screen_clock(seconds_left, out);
	buf_putc(out, ']');
	if (sc->color)
		buf_puts(out, SGR_RESET);
	buf_putc(out, ' ');
	buf_puts(out, screen_prompt(sc));
}

static void format_number(double v, buf *out)
{
	if (fabs(v - round(v)) < 1e-9 && fabs(v) < 1e15)
		buf_printf(out, "%.0f", v);
	else
		buf_printf(out, "%g", v);
}

void screen_right_answer(const quiz_question *qq, buf *out)
{
	switch (qq->kind) {
	case QUIZ_ORDER:
		for (size_t i = 0; i < qq->items.count; i++) {
			if (i)
				buf_puts(out, " → ");
			buf_puts(out, qq->items.items[i]);
		}
		return;
	case QUIZ_MATCH:
		for (size_t i = 0; i < qq->n_pairs; i++) {
			if (i)
				buf_puts(out, "; ");
			buf_printf(out, "%zu. %s → %s", i + 1, qq->pairs[i].left, qq->pairs[i].right);
		}
		return;
	case QUIZ_CLOZE:
		for (size_t i = 0; i < qq->n_blanks; i++) {
			if (i)
				buf_puts(out, "; ");
			if (qq->blanks[i].answers.count)
				buf_puts(out, qq->blanks[i].answers.items[0]);
		}
		return;
	case QUIZ_CHOICE:
		for (size_t i = 0; i < qq->n_correct; i++) {
			if (i)
				buf_puts(out, "; ");
			buf_puts(out, qq->choices.items[qq->correct[i]]);
		}
		return;
	default:
		break;
	}
	if (qq->answer_text && *qq->answer_text) {
		buf_puts(out, qq->answer_text);
		return;
	}
	switch (qq->kind) {
	case QUIZ_DATE: {
		char iso[16];
		if (qq->date.day)
			snprintf(iso, sizeof iso, "%04d-%02d-%02d", qq->date.year, qq->date.month,
			         qq->date.day);
		else if (qq->date.month)
			snprintf(iso, sizeof iso, "%04d-%02d", qq->date.year, qq->date.month);
		else
			snprintf(iso, sizeof iso, "%04d", qq->date.year);
		render_date(iso, out);
		break;
	}
	case QUIZ_ACTOR:
		if (qq->actor)
			buf_puts(out, qq->actor->name);
		break;
	case QUIZ_NUMBER:
		format_number(qq->number.value, out);
		if (qq->number.unit) {
			buf_putc(out, ' ');
			buf_puts(out, qq->number.unit);
		}
		break;
	case QUIZ_TEXT:
		if (qq->text)
			buf_puts(out, qq->text);
		break;
	case QUIZ_CLAIM:
		buf_puts(out, qq->claim.truth ? "true" : "false");
		break;
	default:
		break;
	}
}

void screen_passage(const screen *sc, const quiz *q, const quiz_question *qq, buf *out)
{
	const article *a = quiz_article(q);
	if (!a || !qq->source.paragraph)
		return;
	const article_paragraph *p = article_paragraph_at(a, (size_t)qq->source.paragraph - 1);
	if (!p)
		return;
	buf line;
	buf_init(&line);
	char place[64];
	snprintf(place, sizeof place, "¶%d · ", qq->source.paragraph);
	put(sc, "note", place, &line);
	char *path = path_tidy(article_path(a));
	buf where;
	buf_init(&where);
	buf_printf(&where, "%s:%d", path, p->line);
	free(path);
	put(sc, "note", where.ptr, &line);
	wrap(sc, &line, "  ", "  ", out);
	buf_clear(&line);

	size_t start = qq->source.start, end = qq->source.end;
	if (start > p->len || end > p->len || start > end)
		start = end = 0;
	put_styled(sc, NULL, p->text, start, &line);
	if (end > start) {
		if (!sc->color)
			buf_puts(&line, "«");
		put_styled(sc, "mark", p->text + start, end - start, &line);
		if (!sc->color)
			buf_puts(&line, "»");
	}
	put_styled(sc, NULL, p->text + end, p->len - end, &line);
	const char *bar = sc->color ? "  \033[2m│\033[0m " : "  │ ";
	wrap(sc, &line, bar, bar, out);
	buf_release(&where);
	buf_release(&line);
}

/* The note after the verdict's heading, without the verdict it repeats:
 * "✓ Right — the family name is enough", not "✓ Right — Right: ...". */
static const char *note_after_heading(const char *note)
{
	if (strncmp(note, "Right: ", 7) == 0 || strncmp(note, "Wrong: ", 7) == 0)
		return note + 7;
	return note;
}

static const char *verdict_heading(const session_response *r)
{
	if (r->overridden)
		return "✓ Counted as right";
	switch (r->grade.verdict) {
	case GRADE_CORRECT:
		return "✓ Right";
	case GRADE_CLOSE:
		return "✓ Accepted";
	case GRADE_PARTIAL:
		return "◐ Partly right";
	case GRADE_AMBIGUOUS:
		return "? Not sure what you mean";
	case GRADE_SKIPPED:
		return "→ Skipped";
	default:
		return "✗ Wrong";
	}
}

static const char *verdict_style(const session_response *r)
{
	if (r->overridden)
		return "good";
	switch (r->grade.verdict) {
	case GRADE_CORRECT:
	case GRADE_CLOSE:
		return "good";
	case GRADE_PARTIAL:
	case GRADE_AMBIGUOUS:
		return "warn";
	case GRADE_SKIPPED:
		return "note";
	default:
		return "error";
	}
}

void screen_feedback(const screen *sc, const quiz *q, const session_response *r, buf *out)
{
	const quiz_question *qq = r->question;
	buf line;
	buf_init(&line);
	put(sc, verdict_style(r), verdict_heading(r), &line);
	if (r->grade.note[0] && r->grade.verdict != GRADE_SKIPPED) {
		buf_puts(&line, " — ");
		put(sc, NULL, note_after_heading(r->grade.note), &line);
	}
	if (r->credit > 0 && r->credit < 1) {
		buf_printf(&line, " (%.0f%% credit%s)", r->credit * 100,
		           r->help.hinted ? ", hint used" : r->help.passage ? ", passage shown" : "");
	}
	wrap(sc, &line, "", "  ", out);
	buf_clear(&line);
	if (r->grade.verdict == GRADE_AMBIGUOUS) {
		buf_release(&line);
		return;
	}
	bool right = (r->grade.verdict == GRADE_CORRECT) && !r->overridden;
	if (!right || qq->kind == QUIZ_CLAIM) {
		buf answer;
		buf_init(&answer);
		if (r->shown_answer)
			buf_puts(&answer, r->shown_answer);
		else
			screen_right_answer(qq, &answer);
		put(sc, "note", "The answer: ", &line);
		put(sc, "bold", answer.ptr, &line);
		if (qq->kind == QUIZ_CLAIM && !qq->claim.truth && qq->claim.correction) {
			buf_puts(&line, ". ");
			put(sc, NULL, qq->claim.correction, &line);
		}
		wrap(sc, &line, "  ", "  ", out);
		buf_clear(&line);
		buf_release(&answer);
	}
	if (qq->explain) {
		put(sc, NULL, qq->explain, &line);
		wrap(sc, &line, "  ", "  ", out);
		buf_clear(&line);
	}
	screen_passage(sc, q, qq, out);
	buf_release(&line);
}

static const char *kind_plural(quiz_kind k)
{
	static const char *names[QUIZ_KIND_COUNT] = {
		"dates", "actors", "numbers", "short answers", "claims",
		"choices", "orderings", "matchings", "blanks",
	};
	return k < QUIZ_KIND_COUNT ? names[k] : "";
}

static void bar(const screen *sc, double fraction, int width, buf *out)
{
	int full = (int)lround(fraction * width);
	if (full < 0)
		full = 0;
	if (full > width)
		full = width;
	if (sc->color)
		buf_puts(out, "\033[32m");
	for (int i = 0; i < full; i++)
		buf_puts(out, "█");
	if (sc->color)
		buf_puts(out, "\033[2m");
	for (int i = full; i < width; i++)
		buf_puts(out, "░");
	if (sc->color)
		buf_puts(out, SGR_RESET);
}

static void format_points(double v, buf *out)
{
	if (fabs(v - round(v)) < 1e-9)
		buf_printf(out, "%.0f", v);
	else
		buf_printf(out, "%.1f", v);
}

void screen_scorecard(const screen *sc, const session *s, long elapsed_seconds,
                      const screen_history *before, buf *out)
{
	double earned, possible;
	session_score(s, &earned, &possible);
	double fraction = possible > 0 ? earned / possible : 0;
	buf_putc(out, '\n');
	/* A quiz left before any answer has no score worth showing. */
	if (session_response_count(s) == 0) {
		screen_line(sc, "note", "No question was answered.", out);
		return;
	}
	buf line;
	buf_init(&line);
	buf text;
	buf_init(&text);
	buf_puts(&text, "Score: ");
	format_points(earned, &text);
	buf_puts(&text, " of ");
	format_points(possible, &text);
	buf_printf(&text, " points (%.0f%%) · %zu of %zu right · ", fraction * 100,
	           session_right_count(s), session_response_count(s));
	if (elapsed_seconds >= 60)
		buf_printf(&text, "%ldm %02lds", elapsed_seconds / 60, elapsed_seconds % 60);
	else
		buf_printf(&text, "%lds", elapsed_seconds);
	put(sc, "bold", text.ptr, &line);
	wrap(sc, &line, "", "", out);
	buf_clear(&line);

	for (int k = 0; k < QUIZ_KIND_COUNT; k++) {
		double e, p;
		size_t asked;
		session_score_kind(s, (quiz_kind)k, &e, &p, &asked);
		if (!asked)
			continue;
		/* A table row: aligned by hand, never wrapped. */
		buf_printf(out, "  %-14s ", kind_plural((quiz_kind)k));
		bar(sc, p > 0 ? e / p : 0, 10, out);
		buf_printf(out, " %3.0f%%  (", p > 0 ? 100 * e / p : 0);
		format_points(e, out);
		buf_puts(out, " of ");
		format_points(p, out);
		buf_puts(out, ")\n");
	}
	if (before && before->sessions) {
		buf_clear(&text);
		buf_printf(&text, "Before this: best %.0f%%, last %.0f%% (%zu session%s). ",
		           before->best * 100, before->last * 100, before->sessions,
		           before->sessions == 1 ? "" : "s");
		double diff = (fraction - before->best) * 100;
		if (diff > 0.5)
			buf_printf(&text, "A new best, by %.0f points.", diff);
		else if (diff > -0.5)
			buf_puts(&text, "Level with your best.");
		else
			buf_printf(&text, "%.0f points below your best.", -diff);
		put(sc, "note", text.ptr, &line);
		wrap(sc, &line, "", "", out);
		buf_clear(&line);
	}
	buf_release(&text);
	buf_release(&line);
}

void screen_answer_sheet(const screen *sc, const quiz *q, const session *s, buf *out)
{
	buf line;
	buf_init(&line);
	buf_putc(out, '\n');
	put(sc, "head", "Answer sheet", &line);
	wrap(sc, &line, "", "", out);
	buf_clear(&line);
	for (size_t i = 0; i < session_response_count(s); i++) {
		const session_response *r = session_response_at(s, i);
		const quiz_question *qq = r->question;
		buf_putc(out, '\n');
		char number[32];
		snprintf(number, sizeof number, "%zu. ", i + 1);
		if (qq->kind == QUIZ_CLOZE) {
			buf shown;
			buf_init(&shown);
			cloze_text(qq->prompt, &shown);
			put(sc, "bold", shown.ptr, &line);
			buf_release(&shown);
		} else {
			put(sc, "bold", qq->prompt ? qq->prompt : "", &line);
		}
		buf prefix;
		buf_init(&prefix);
		buf_puts(&prefix, number);
		wrap(sc, &line, prefix.ptr, "   ", out);
		buf_release(&prefix);
		buf_clear(&line);
		put(sc, "note", "You: ", &line);
		put(sc, NULL, r->typed[0] ? r->typed : "(nothing)", &line);
		buf_puts(&line, " — ");
		put(sc, verdict_style(r), verdict_heading(r), &line);
		if (r->grade.note[0] && r->grade.verdict != GRADE_SKIPPED) {
			buf_puts(&line, ": ");
			put(sc, NULL, note_after_heading(r->grade.note), &line);
		}
		wrap(sc, &line, "   ", "   ", out);
		buf_clear(&line);
		buf answer;
		buf_init(&answer);
		if (r->shown_answer)
			buf_puts(&answer, r->shown_answer);
		else
			screen_right_answer(qq, &answer);
		put(sc, "note", "Answer: ", &line);
		put(sc, "bold", answer.ptr, &line);
		wrap(sc, &line, "   ", "   ", out);
		buf_clear(&line);
		buf_release(&answer);
		screen_passage(sc, q, qq, out);
	}
	buf_release(&line);
}
