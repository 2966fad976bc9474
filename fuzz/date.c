/* date.c - fuzz target: a bank's ISO dates (quiz_date_parse_iso) */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "quiz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	quiz_date date = {-1, -1, -1};
	quiz_date_status status = quiz_date_parse_iso(s, &date);
	if (status == QUIZ_DATE_OK) {
		FUZZ_ASSERT(date.year >= 1 && date.year <= 9999, "year %d", date.year);
		FUZZ_ASSERT(date.month >= 0 && date.month <= 12, "month %d", date.month);
		FUZZ_ASSERT(date.month || !date.day, "a day without a month");
		FUZZ_ASSERT(!date.day || date.day <= quiz_days_in_month(date.year, date.month),
		            "%d-%d-%d does not exist", date.year, date.month, date.day);
		/* An accepted date is written exactly as the precision it sets. */
		char again[16];
		if (date.day)
			snprintf(again, sizeof again, "%04d-%02d-%02d", date.year, date.month, date.day);
		else if (date.month)
			snprintf(again, sizeof again, "%04d-%02d", date.year, date.month);
		else
			snprintf(again, sizeof again, "%04d", date.year);
		FUZZ_ASSERT(strlen(s) != size || strcmp(again, s) == 0, "accepted \"%s\" as %s", s, again);
	} else {
		FUZZ_ASSERT(status == QUIZ_DATE_MALFORMED || status == QUIZ_DATE_NONEXISTENT,
		            "status %d", (int)status);
	}
	free(s);
	return 0;
}
