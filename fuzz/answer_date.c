/* answer_date.c - fuzz target: dates as students type them (date_parse) */
#include "date.h"
#include "fuzz.h"
#include "quiz.h"

static void check_value(const date_value *v, const char *what)
{
	FUZZ_ASSERT(v->month >= 0 && v->month <= 12, "%s month %d", what, v->month);
	FUZZ_ASSERT(v->day >= 0 && v->day <= 31, "%s day %d", what, v->day);
	FUZZ_ASSERT(v->weekday >= 0 && v->weekday <= 7, "%s weekday %d", what, v->weekday);
	FUZZ_ASSERT(v->month || !v->day, "%s: a day without a month", what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const quiz_date_order orders[] = {QUIZ_DATE_ORDER_UNSET, QUIZ_DATE_ORDER_MDY,
	                                         QUIZ_DATE_ORDER_DMY};
	for (size_t i = 0; i < 3; i++) {
		date_parse_result r;
		date_status status = date_parse((const char *)data, size, orders[i], &r);
		FUZZ_ASSERT(status == r.status, "returned %d, recorded %d", (int)status, (int)r.status);
		if (status == DATE_OK || status == DATE_AMBIGUOUS) {
			check_value(&r.value, "value");
			/* A date that is read as right is one that exists. */
			FUZZ_ASSERT(!r.value.day || r.value.day <= quiz_days_in_month(r.value.year, r.value.month),
			            "%d-%d-%d does not exist", r.value.year, r.value.month, r.value.day);
		}
		if (status == DATE_AMBIGUOUS) {
			FUZZ_ASSERT(orders[i] == QUIZ_DATE_ORDER_UNSET, "ambiguous with a date order set");
			check_value(&r.alt, "alt");
		}
	}
	return 0;
}
