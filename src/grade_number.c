/* grade_number.c - grade numbers by value, tolerance and unit */
#include <math.h>
#include <string.h>

#include "grade_impl.h"

static bool number_equal(double gold, double typed, double tolerance, bool percent)
{
	double tol = percent ? fabs(gold) * tolerance : tolerance;
	double eps = 1e-9 * (fabs(gold) > 1 ? fabs(gold) : 1);
	return fabs(typed - gold) <= tol + eps;
}

void grade_number_value(const qprep *qp, double gold, double tolerance, bool tol_percent,
                               const char *unit, const char *s, size_t len, grade_result *out)
{
	number_value nv;
	if (!number_parse(s, len, &nv)) {
		grade_set_result(out, GRADE_WRONG, 0, "not read as one number");
		return;
	}
	for (size_t i = 0; qp && i < qp->rejects.count; i++) {
		const reject_value *rv = &qp->reject_values[i];
		if (rv->is_number && rv->number.value == nv.value &&
		    number_unit_compare(rv->number.unit, nv.unit) != NUMBER_UNIT_DIFFERENT) {
			grade_set_result(out, GRADE_WRONG, 0, "the bank rejects this answer");
			return;
		}
	}
	if (!number_equal(gold, nv.value, tolerance, tol_percent)) {
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	/* "third" answers "which place", not "how many". */
	if (nv.ordinal && qp && qp->gold_ordinal == 0) {
		grade_set_result(out, GRADE_WRONG, 0, "an ordinal, but the answer is a count");
		return;
	}
	if (number_unit_compare(unit, nv.unit) == NUMBER_UNIT_DIFFERENT) {
		grade_set_result(out, GRADE_WRONG, 0, "a different unit: the answer is in %s", unit);
		return;
	}
	if (nv.value != gold)
		grade_set_result(out, GRADE_CORRECT, 1, "within the tolerance");
	else
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
}
