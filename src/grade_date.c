/* grade_date.c - grade dates at the precision the bank gives */
#include <string.h>

#include "grade_impl.h"

/* Compares a date read from the typed text with the bank's date. */
static void compare_date(const qprep *qp, quiz_date gold, const date_value *v, grade_result *out)
{
	bool year_known = qp && qp->year_known;
	/* A weekday must agree with the date it comes with. */
	if (v->weekday && v->month && v->day) {
		int y = v->year ? v->year : (year_known ? gold.year : 0);
		if (y && date_weekday(y, v->month, v->day) != v->weekday) {
			grade_set_result(out, GRADE_WRONG, 0, "%s %d, %d was a %s", date_month_name(v->month),
			           v->day, y, date_weekday_name(date_weekday(y, v->month, v->day)));
			return;
		}
	}
	if (!v->year && !v->month && !v->day) {
		/* A weekday alone. */
		if (gold.day && date_weekday(gold.year, gold.month, gold.day) == v->weekday)
			grade_set_result(out, GRADE_WRONG, 0, "the right weekday, but the article gives the date");
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
		if (!v->day) {
			grade_set_result(out, GRADE_WRONG, 0, "the article gives the day");
			return;
		}
		if (!year_ok) {
			grade_set_result(out, GRADE_WRONG, 0, "the year is missing");
			return;
		}
		grade_set_result(out, GRADE_CORRECT, 1, "%s", v->year ? "" : "the year is given");
		return;
	}
	if (gold.month) {
		if (v->month && v->month != gold.month) {
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (!v->month) {
			grade_set_result(out, GRADE_WRONG, 0, "the article gives the month");
			return;
		}
		if (!year_ok) {
			grade_set_result(out, GRADE_WRONG, 0, "the year is missing");
			return;
		}
		grade_set_result(out, GRADE_CORRECT, 1, "%s", v->day ? "more precise than asked; only the month was checked" : "");
		return;
	}
	if (!v->year) {
		grade_set_result(out, GRADE_WRONG, 0, "the year is missing");
		return;
	}
	grade_set_result(out, GRADE_CORRECT, 1, "%s", v->month ? "more precise than asked; only the year was checked" : "");
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

void grade_date_value(const grader *g, const qprep *qp, quiz_date gold, const char *s,
                             size_t len, grade_result *out)
{
	date_parse_result dr;
	date_parse(s, len, g->date_order, &dr);
	switch (dr.status) {
	case DATE_NOT_A_DATE:
		grade_set_result(out, GRADE_WRONG, 0, "not read as a date");
		return;
	case DATE_SHORT_YEAR:
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "write the year in full");
		return;
	case DATE_DECADE:
		if (gold.year >= dr.value.year && gold.year < dr.value.year + 10)
			grade_set_result(out, GRADE_WRONG, 0, "the right decade, but the article gives the year");
		else
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	case DATE_NONEXISTENT:
		if (dr.value.month >= 1 && dr.value.month <= 12)
			grade_set_result(out, GRADE_WRONG, 0, "no such date: %s has no day %d",
			           date_month_name(dr.value.month), dr.value.day);
		else
			grade_set_result(out, GRADE_WRONG, 0, "no such date: there is no month %d", dr.value.month);
		return;
	case DATE_AMBIGUOUS: {
		grade_result a, b;
		compare_date(qp, gold, &dr.value, &a);
		compare_date(qp, gold, &dr.alt, &b);
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
		grade_set_result(out, GRADE_WRONG, 0, "the bank rejects this answer");
		return;
	}
	compare_date(qp, gold, &dr.value, out);
	if (out->verdict == GRADE_CORRECT && dr.month_corrected)
		grade_set_result(out, GRADE_CLOSE, 1, "spelling corrected: %s", date_month_name(dr.value.month));
}
