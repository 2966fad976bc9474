/* cards.c - review cards: how answers fold into FSRS memory, and calendar days */
#include "cards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

fsrs_rating cards_rating(const char *verdict, bool overridden)
{
	if (!verdict || strcmp(verdict, "ambiguous") == 0)
		return 0;
	if (overridden || strcmp(verdict, "correct") == 0)
		return FSRS_GOOD;
	if (strcmp(verdict, "close") == 0 || strcmp(verdict, "partial") == 0)
		return FSRS_HARD;
	if (strcmp(verdict, "wrong") == 0 || strcmp(verdict, "skipped") == 0)
		return FSRS_AGAIN;
	return 0;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t local_day(int64_t ms)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	return days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int cards_days_between(int64_t from_ms, int64_t to_ms)
{
	return (int)(local_day(to_ms) - local_day(from_ms));
}

int64_t cards_day_start(int64_t ms, int days)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm) * 1000;
}

int64_t cards_due_ms(int64_t last_ms, double stability, double retention)
{
	return cards_day_start(last_ms, fsrs_interval(NULL, stability, retention));
}

void cards_apply(card_state *c, const char *verdict, bool overridden, int64_t at_ms)
{
	fsrs_rating g = cards_rating(verdict, overridden);
	if (!g)
		return;
	int elapsed = 0;
	if (c->reps > 0) {
		elapsed = cards_days_between(c->last_ms, at_ms);
		if (elapsed < 0)
			elapsed = 0;   /* a clock set back: count it as the same day */
		if (elapsed >= 1) {
			c->reviews++;
			c->recalled += g != FSRS_AGAIN;
		}
		c->lapses += g == FSRS_AGAIN;
	}
	c->memory = fsrs_next(NULL, c->reps > 0 ? c->memory : (fsrs_memory){0, 0}, elapsed, g);
	c->reps++;
	c->last_ms = at_ms;
	c->due_ms = cards_due_ms(at_ms, c->memory.stability, CARDS_DEFAULT_RETENTION);
}

bool cards_parse_time(const char *text, int64_t *ms)
{
	if (!text || !*text)
		return false;
	if (text[0] == '@') {
		char *end;
		long long seconds = strtoll(text + 1, &end, 10);
		if (end == text + 1 || *end || seconds < 0)
			return false;
		*ms = (int64_t)seconds * 1000;
		return true;
	}
	int y, mo, d, h = 0, mi = 0, sec = 0, used = 0;
	if (sscanf(text, "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3)
		return false;
	const char *rest = text + used;
	if (*rest == 'T' || *rest == ' ') {
		int more = 0;
		if (sscanf(rest + 1, "%2d:%2d%n", &h, &mi, &more) != 2)
			return false;
		rest += 1 + more;
		if (*rest == ':') {
			if (sscanf(rest + 1, "%2d%n", &sec, &more) != 1)
				return false;
			rest += 1 + more;
		}
	}
	if (*rest || y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 59 || h < 0 || mi < 0 || sec < 0)
		return false;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                .tm_hour = h, .tm_min = mi, .tm_sec = sec, .tm_isdst = -1};
	time_t t = mktime(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d)
		return false;
	*ms = (int64_t)t * 1000;
	return true;
}

bool cards_env_now(int64_t *ms)
{
	return cards_parse_time(getenv("RECALL_NOW"), ms);
}
