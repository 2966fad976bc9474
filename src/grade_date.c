/* grade_date.c - grade dates at the precision the bank gives */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "article.h"

#include "grade_impl.h"

/* Compares a date read from the typed text with the bank's date. */
static void compare_date(const qprep *qp, quiz_date gold, const date_value *v, bool vague,
                         grade_result *out)
{
	bool year_known = qp && qp->year_known;
	/* A weekday must agree with the date it comes with. */
	if (v->weekday && v->month && v->day) {
		int y = v->year ? v->year : (year_known ? gold.year : 0);
		if (y && date_weekday(y, v->month, v->day) != v->weekday) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: %s %d, %d was a %s", date_month_name(v->month),
			           v->day, y, date_weekday_name(date_weekday(y, v->month, v->day)));
			return;
		}
	}
	if (!v->year && !v->month && !v->day) {
		/* A weekday alone. */
		if (gold.day && date_weekday(gold.year, gold.month, gold.day) == v->weekday)
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the right weekday, but the article gives the date");
		else
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	bool year_ok = v->year ? v->year == gold.year : year_known;
	if (v->year && v->year != gold.year) {
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	if (gold.day) {
		if (v->month && v->month != gold.month) {
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (v->day && v->day != gold.day) {
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (!v->day && v->year && !vague && qp && !qp->precision_asked) {
			/* "When did Luther die?" 1546: right, and the note gives the day. */
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the article gives the day, %s %d, %d",
			                 date_month_name(gold.month), gold.day, gold.year);
			return;
		}
		if (!v->day) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the article gives the day");
			return;
		}
		if (!year_ok) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the year is missing");
			return;
		}
		grade_set_result(out, GRADE_CORRECT, 1, "%s",
		                 v->year                         ? ""
		                 : qp && qp->year_from_article ? "Right: the year comes from the article"
		                                               : "Right: the question gives the year");
		return;
	}
	if (gold.month) {
		if (v->month && v->month != gold.month) {
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (!v->month && v->year && !vague && qp && !qp->precision_asked) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the article gives the month, %s %d",
			                 date_month_name(gold.month), gold.year);
			return;
		}
		if (!v->month) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the article gives the month");
			return;
		}
		if (!year_ok) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the year is missing");
			return;
		}
		grade_set_result(out, GRADE_CORRECT, 1, "%s", v->day ? "Right: more exact than asked; the month is right" : "");
		return;
	}
	if (!v->year) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: the year is missing");
		return;
	}
	grade_set_result(out, GRADE_CORRECT, 1, "%s", v->month ? "Right: more exact than asked; the year is right" : "");
}

static bool rejected_date(const qprep *qp, const date_value *v)
{
	for (size_t i = 0; qp && i < qp->rejects.count; i++) {
		const reject_value *rv = &qp->reject_values[i];
		if (rv->is_date && rv->date.year == v->year && rv->date.month == v->month &&
		    rv->date.day == v->day)
			return true;
	}
	return false;
}

/* A year in words: "nineteen eighty-four", "twenty eighteen", "two
 * thousand and nine". Returns it, or 0. */
static int year_in_words(const char *s, size_t len)
{
	norm_work w;
	norm_work_init(&w);
	int year = 0;
	if (norm_work_set(&w, s, len, 0, 0) && w.key.n_tokens >= 2 && w.key.n_tokens <= 8) {
		const norm_key *k = &w.key;
		size_t first = 0;
		if (key_token_is(k, 0, "in") || key_token_is(k, 0, "year"))
			first = 1;
		if (first < k->n_tokens && key_token_is(k, first, "the") && first + 1 < k->n_tokens &&
		    key_token_is(k, first + 1, "year"))
			first += 2;
		const char *start = k->text + (first < k->n_tokens ? k->tokens[first].start : k->len);
		size_t rest = (size_t)(k->text + k->len - start);
		number_value nv;
		bool digits = false;
		for (size_t i = first; i < k->n_tokens; i++)
			digits |= (k->tokens[i].flags & NORM_TOKEN_DIGIT) != 0;
		if (!digits && rest && number_parse(start, rest, &nv) && !nv.unit[0] && !nv.ordinal &&
		    nv.value >= 1000 && nv.value < 3000 && nv.value == (int)nv.value) {
			year = (int)nv.value;
		} else if (!digits) {
			/* Two numbers of two digits: "nineteen eighty-four". */
			for (size_t cut = first + 1; cut < k->n_tokens && !year; cut++) {
				const norm_token *a = &k->tokens[first], *b = &k->tokens[cut];
				size_t alen = k->tokens[cut - 1].start + k->tokens[cut - 1].len - a->start;
				size_t blen = k->len - b->start;
				number_value hi, lo;
				/* "nineteen oh three": oh is a nought. */
				if (cut + 2 == k->n_tokens && (key_token_is(k, cut, "oh") || key_token_is(k, cut, "o")) &&
				    number_parse(k->text + a->start, alen, &hi) && !hi.unit[0] && hi.value >= 10 &&
				    hi.value <= 29 && number_parse(k->text + k->tokens[cut + 1].start,
				                                   k->tokens[cut + 1].len, &lo) &&
				    lo.value >= 1 && lo.value <= 9 && lo.value == (int)lo.value && !lo.ordinal) {
					year = (int)hi.value * 100 + (int)lo.value;
					break;
				}
				if (number_parse(k->text + a->start, alen, &hi) && !hi.unit[0] && !hi.ordinal &&
				    hi.value >= 10 && hi.value <= 29 && hi.value == (int)hi.value &&
				    number_parse(k->text + b->start, blen, &lo) && !lo.unit[0] && !lo.ordinal &&
				    lo.value >= 10 && lo.value <= 99 && lo.value == (int)lo.value)
					year = (int)hi.value * 100 + (int)lo.value;
			}
		}
	}
	norm_work_release(&w);
	return year;
}

/* Case-insensitive: is the word (len bytes) the name of a month? */
static int month_word(const char *w, size_t len)
{
	for (int m = 1; m <= 12; m++) {
		const char *name = date_month_name(m);
		if (strlen(name) == len && strncasecmp(name, w, len) == 0)
			return m;
	}
	return 0;
}

/* A day in words, "the twenty-first", "first of": an ordinal from 1 to 31
 * with no digit (a day in digits is date_parse's). Returns it, or 0. */
static int day_in_words(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == ','))
		len--;
	if (len > 3 && strncasecmp(s + len - 3, " of", 3) == 0)
		len -= 3;
	while (len && (*s == ' ' || *s == ','))
		s++, len--;
	if (len > 3 && strncasecmp(s, "on ", 3) == 0)
		s += 3, len -= 3;
	if (len > 4 && strncasecmp(s, "the ", 4) == 0)
		s += 4, len -= 4;
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
	number_value nv;
	if (!len || !number_parse(s, len, &nv) || !nv.ordinal || nv.unit[0] || nv.value < 1 ||
	    nv.value > 31 || nv.value != (int)nv.value)
		return 0;
	return (int)nv.value;
}

/* A whole date in words: "twenty-first of December eighteen seventy-two",
 * "December the first, nineteen sixty-four". Writes it as "21 December 1872"
 * into out and returns true, or returns false. */
static bool date_in_words(const char *s, size_t len, char *out, size_t cap)
{
	if (len > 200)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (i > 0 && s[i - 1] != ' ' && s[i - 1] != ','))
			continue;
		size_t e = i;
		while (e < len && (s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z')
			e++;
		int month = month_word(s + i, e - i);
		if (!month)
			continue;
		int day = day_in_words(s, i), year = 0;
		size_t rest = e;
		while (rest < len && (s[rest] == ' ' || s[rest] == ','))
			rest++;
		if (day) {
			year = rest < len ? year_in_words(s + rest, len - rest) : 0;
			if (rest < len && !year)
				return false;
		} else {
			/* Month first: the day ends at a comma or where the year begins. */
			for (size_t cut = rest + 1; cut <= len && !day; cut++) {
				if (cut < len && s[cut] != ' ' && s[cut] != ',')
					continue;
				int d = day_in_words(s + rest, cut - rest);
				size_t y = cut;
				while (y < len && (s[y] == ' ' || s[y] == ','))
					y++;
				int yr = y < len ? year_in_words(s + y, len - y) : 0;
				if (d && (y == len || yr))
					day = d, year = yr;
			}
			if (!day || i > 0)
				return false;
		}
		int n = year ? snprintf(out, cap, "%d %s %d", day, date_month_name(month), year)
		             : snprintf(out, cap, "%d %s", day, date_month_name(month));
		return n > 0 && (size_t)n < cap;
	}
	return false;
}

/* A short year with an apostrophe: "'98", "in ’84". Returns its two digits,
 * or -1. */
static int short_year(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	if (i + 2 <= len && (s[i] == 'i' || s[i] == 'I') && (s[i + 1] == 'n' || s[i + 1] == 'N') &&
	    i + 2 < len && s[i + 2] == ' ')
		i += 3;
	while (i < len && s[i] == ' ')
		i++;
	if (i < len && s[i] == '\'')
		i++;
	else if (i + 3 <= len && memcmp(s + i, "\xe2\x80\x99", 3) == 0)
		i += 3;
	else
		return -1;
	if (i + 2 != len || s[i] < '0' || s[i] > '9' || s[i + 1] < '0' || s[i + 1] > '9')
		return -1;
	return (s[i] - '0') * 10 + (s[i + 1] - '0');
}

/* True when the article names a year other than `year` that ends in the
 * same two digits, so that "'84" could be either. */
static bool other_year_same_ending(const grader *g, int year)
{
	const article *a = quiz_article(g->q);
	if (!a)
		return false;
	size_t len;
	const char *t = article_text(a, &len);
	for (size_t i = 0; i + 4 <= len; i++) {
		if ((i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') || (i + 4 < len && t[i + 4] >= '0' && t[i + 4] <= '9'))
			continue;
		bool four = true;
		for (size_t j = 0; j < 4; j++)
			four &= t[i + j] >= '0' && t[i + j] <= '9';
		if (!four)
			continue;
		int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
		if (y != year && y % 100 == year % 100)
			return true;
	}
	return false;
}

void grade_date_value(const grader *g, const qprep *qp, quiz_date gold, const char *s,
                             size_t len, grade_result *out)
{
	date_parse_result dr;
	date_parse(s, len, g->date_order, &dr);
	switch (dr.status) {
	case DATE_NOT_A_DATE: {
		int year = year_in_words(s, len);
		char spelled[64];
		if (!year && date_in_words(s, len, spelled, sizeof spelled)) {
			grade_date_value(g, qp, gold, spelled, strlen(spelled), out);
			if (grade_verdict_accepted(out->verdict) && !out->note[0])
				grade_set_result(out, out->verdict, out->credit, "Right: %s, written in words", spelled);
			return;
		}
		if (year) {
			dr.status = DATE_OK;
			dr.value = (date_value){year, 0, 0, 0};
			break;
		}
		int yy = short_year(s, len);
		if (yy >= 0 && gold.year >= 100 && !gold.month) {
			if (yy != gold.year % 100)
				grade_set_result(out, GRADE_WRONG, 0, "%s", "");
			else if (other_year_same_ending(g, gold.year))
				grade_set_result(out, GRADE_AMBIGUOUS, 0, "write the year in full: the article names more than one year ending so");
			else
				grade_set_result(out, GRADE_CORRECT, 1, "Right: the article names only one such year, %d", gold.year);
			return;
		}
		/* "21 Dec '72": the short year inside a date, read in the answer's
		 * century when the article names no other year ending so. */
		const char *ap = NULL;
		for (size_t i = 0; i + 3 <= len && !ap; i++)
			if (s[i] == '\'' && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' &&
			    s[i + 2] <= '9' && (i + 3 == len || !(s[i + 3] >= '0' && s[i + 3] <= '9')) &&
			    (i == 0 || s[i - 1] == ' '))
				ap = s + i;
		if (ap && gold.year >= 100 && len < 200) {
			int two = (ap[1] - '0') * 10 + (ap[2] - '0');
			if (two != gold.year % 100 || other_year_same_ending(g, gold.year)) {
				grade_set_result(out, GRADE_WRONG, 0, "%s", "");
				return;
			}
			char full[256];
			int fl = snprintf(full, sizeof full, "%.*s%d%.*s", (int)(ap - s), s, gold.year,
			                  (int)(s + len - ap - 3), ap + 3);
			if (fl > 0 && (size_t)fl < sizeof full) {
				grade_date_value(g, qp, gold, full, (size_t)fl, out);
				return;
			}
		}
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: that is not a date as written");
		return;
	}
	case DATE_SHORT_YEAR:
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "write the year in full");
		return;
	case DATE_DECADE:
		if (gold.year >= dr.value.year && gold.year < dr.value.year + 10)
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the right decade, but the article gives the year");
		else
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	case DATE_NONEXISTENT:
		if (dr.value.month >= 1 && dr.value.month <= 12)
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: no such date; %s has no day %d",
			           date_month_name(dr.value.month), dr.value.day);
		else
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: no such date; there is no month %d", dr.value.month);
		return;
	case DATE_AMBIGUOUS: {
		grade_result a, b;
		compare_date(qp, gold, &dr.value, dr.vague, &a);
		compare_date(qp, gold, &dr.alt, dr.vague, &b);
		bool ra = grade_verdict_accepted(a.verdict), rb = grade_verdict_accepted(b.verdict);
		if (ra && rb) {
			*out = a;
		} else if (!ra && !rb) {
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		} else {
			grade_set_result(out, GRADE_AMBIGUOUS, 0,
			           "%d/%d could be %s %d or %d %s: write the month as a word",
			           dr.value.month, dr.value.day, date_month_name(dr.value.month),
			           dr.value.day, dr.alt.day, date_month_name(dr.alt.month));
		}
		return;
	}
	case DATE_OK:
		break;
	}
	if (rejected_date(qp, &dr.value)) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: the quiz marks this answer wrong");
		return;
	}
	compare_date(qp, gold, &dr.value, dr.vague, out);
	if (out->verdict == GRADE_CORRECT && dr.month_corrected)
		grade_set_result(out, GRADE_CLOSE, 1, "Right, but mind the spelling: %s", date_month_name(dr.value.month));
}
