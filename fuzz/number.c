/* number.c - fuzz target: numbers as students type them (number_parse) */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	number_value v, again;
	memset(&v, 0xAB, sizeof v);
	bool ok = number_parse((const char *)data, size, &v);
	if (ok) {
		FUZZ_ASSERT(!isnan(v.value), "NaN accepted as a number");
		FUZZ_ASSERT(memchr(v.unit, '\0', sizeof v.unit), "unit not ended");
		FUZZ_ASSERT(number_parse((const char *)data, size, &again) && again.value == v.value &&
		            strcmp(again.unit, v.unit) == 0, "read twice, two numbers");
	}
	return 0;
}
