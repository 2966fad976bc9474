/* date.h - read a typed date in the forms people write, with its precision */
#ifndef RECALL_DATE_H
#define RECALL_DATE_H

#include <stdbool.h>
#include <stddef.h>

#include "quiz.h"

/* What a typed date says. Any of year, month and day is 0 when the text
 * does not give it, so "June 2023" is {2023, 6, 0} and "18 June" is
 * {0, 6, 18}. */
typedef struct {
	int year, month, day;
	int weekday;         /* 1 Monday ... 7 Sunday, when one was written; else 0 */
} date_value;

typedef enum {
	DATE_OK,             /* one reading, in `value` */
	DATE_AMBIGUOUS,      /* a numeric date such as 6/7/2023 with no date order:
	                        `value` reads it month first, `alt` day first */
	DATE_NONEXISTENT,    /* well formed, but no such day (30 February); `value`
	                        holds the numbers as read */
	DATE_SHORT_YEAR,     /* a numeric date with a two-digit year (6/18/23) */
	DATE_DECADE,         /* "the 1960s": `value.year` is the decade's first year */
	DATE_NOT_A_DATE,
} date_status;

typedef struct {
	date_status status;
	date_value value;
	date_value alt;
	bool numeric;        /* written with digits and separators only */
	bool vague;          /* "early 2012", "mid-June 2023", "the end of 1350":
	                        a part of the year or month, not a day */
	bool month_corrected;/* a month name spelled with one slip ("Feburary") */
} date_parse_result;

/* Reads `s` (len bytes, UTF-8, any case; folded text is fine) as a date:
 *   June 18, 2023 | Jun. 18th 2023 | 18 June 2023 | 18th of June, 2023 |
 *   the eighteenth of June 2023 | Sunday, June 18, 2023 | Sun 18 Sept 2023 |
 *   2023-06-18 | 2023/06/18 | 6/18/2023 | 18.6.2023 | 18-06-2023 | 6/18 |
 *   June 2023 | 2023-06 | 06/2023 | June 18 | 18 June | June | 2023 | 476 AD |
 *   Sunday | the 1960s
 * with leading "on", "in", "during", "around", "about", "circa" allowed, and
 * "early", "mid", "late", "spring" ..., "the end of" before a year or a
 * month (then `vague` is set and no day may follow).
 * A numeric date whose first two numbers could each be the month is read
 * with `order`; with QUIZ_DATE_ORDER_UNSET it is DATE_AMBIGUOUS, unless one
 * reading is impossible (18/6/2023 can only be the 18th of June) or both
 * readings are the same day. Text longer than 255 bytes once folded is not a
 * date. Returns the status (also in out->status). */
date_status date_parse(const char *s, size_t len, quiz_date_order order, date_parse_result *out);

/* Day of the week of a Gregorian date: 1 Monday ... 7 Sunday. */
int date_weekday(int year, int month, int day);

/* English names, 1-based: "January" ..., "Monday" ... */
const char *date_month_name(int month);
const char *date_weekday_name(int weekday);

#endif
