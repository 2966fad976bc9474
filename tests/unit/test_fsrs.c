/* test_fsrs.c - FSRS-6 against the reference vectors of fsrs-rs and py-fsrs */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fsrs.h"

#define TOL 1e-4

static void near(double got, double want, const char *what)
{
	if (fabs(got - want) > TOL) {
		print_error("%s: got %.7f, want %.7f\n", what, got, want);
		fail();
	}
}

/* Reviews a new card with `ratings`, each `elapsed[i]` days after the last. */
static fsrs_memory replay(const double *w, const fsrs_rating *ratings, const double *elapsed,
                          size_t n)
{
	fsrs_memory m = {0, 0};
	for (size_t i = 0; i < n; i++)
		m = fsrs_next(w, m, elapsed[i], ratings[i]);
	return m;
}

/* fsrs-rs test_memory_state = py-fsrs test_memo_state. */
static void test_memory_state(void **state)
{
	(void)state;
	const fsrs_rating r[] = {FSRS_AGAIN, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD};
	const double t[] = {0, 0, 1, 3, 8, 21};
	fsrs_memory m = replay(NULL, r, t, 6);
	near(m.stability, 53.62691, "S");
	near(m.difficulty, 6.3574867, "D");

	double w[FSRS_PARAM_COUNT];
	memcpy(w, fsrs_default_params, sizeof w);
	w[17] = w[18] = w[19] = 0;
	m = replay(w, r, t, 6);
	near(m.stability, 53.335106, "S without short-term");
	near(m.difficulty, 6.3574867, "D without short-term");
}

/* py-fsrs test_repeated_correct_reviews: ten times Easy reaches D = 1. */
static void test_easy_floor(void **state)
{
	(void)state;
	fsrs_memory m = {0, 0};
	for (int i = 0; i < 10; i++)
		m = fsrs_next(NULL, m, i ? fsrs_interval(NULL, m.stability, 0.9) : 0, FSRS_EASY);
	near(m.difficulty, 1.0, "D");
}

/* fsrs-rs test_next_interval: S = 1, retention 0.1 to 1.0. */
static void test_next_interval(void **state)
{
	(void)state;
	const double want[] = {3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
	for (int i = 0; i < 10; i++) {
		double r = (i + 1) / 10.0;
		double days = round(fsrs_interval_exact(NULL, 1.0, r));
		if (days < 1)
			days = 1;
		/* fsrs-rs computes in f32: compare to its relative precision. */
		if (fabs(days - want[i]) > 1e-6 * want[i] + TOL) {
			print_error("interval at r=%.1f: got %.0f, want %.0f\n", r, days, want[i]);
			fail();
		}
	}
	/* Whole days are clamped to the longest interval. */
	assert_int_equal(fsrs_interval(NULL, 1.0, 0.1), FSRS_MAX_INTERVAL);
	assert_int_equal(fsrs_interval(NULL, 1.0, 0.5), 90);
	assert_int_equal(fsrs_interval(NULL, 10.0, 0.9), 10);
	assert_int_equal(fsrs_interval(NULL, 0.212, 0.9), 1);
	/* Lower retention, longer intervals (py-fsrs, S = 10). */
	assert_int_equal(fsrs_interval(NULL, 10, 0.80), 33);
	assert_int_equal(fsrs_interval(NULL, 10, 0.85), 19);
	assert_int_equal(fsrs_interval(NULL, 10, 0.95), 4);
	assert_int_equal(fsrs_interval(NULL, 10, 0.97), 2);
}

/* fsrs-rs test_current_retrievability (decay 0.2) and py-fsrs at S = 10. */
static void test_retrievability(void **state)
{
	(void)state;
	double w[FSRS_PARAM_COUNT];
	memcpy(w, fsrs_default_params, sizeof w);
	w[20] = 0.2;
	near(fsrs_retrievability(w, 1, 0), 1.0, "R(0)");
	near(fsrs_retrievability(w, 1, 1), 0.9, "R(1)");
	near(fsrs_retrievability(w, 1, 2), 0.84028935, "R(2)");
	near(fsrs_retrievability(w, 1, 3), 0.7985001, "R(3)");
	const double t[] = {1, 5, 10, 20, 30, 100};
	const double want[] = {0.985682, 0.940344, 0.9, 0.845885, 0.809388, 0.692827};
	for (int i = 0; i < 6; i++)
		near(fsrs_retrievability(NULL, 10, t[i]), want[i], "R(t, 10)");
	near(fsrs_retrievability(NULL, 2.3065, 2), 0.9094932560, "R(2, 2.3065)");
}

static void test_initial(void **state)
{
	(void)state;
	const double d0[] = {6.4133, 5.112171, 2.118104, 1.0};
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		fsrs_memory m = fsrs_next(NULL, (fsrs_memory){0, 0}, 0, (fsrs_rating)g);
		near(m.stability, fsrs_default_params[g - 1], "S0");
		near(m.difficulty, d0[g - 1], "D0");
	}
}

/* From S = 2.3065, D = 2.118104, two days later (py-fsrs). */
static void test_each_rating(void **state)
{
	(void)state;
	fsrs_memory before = {2.3065, 2.118104};
	const double s[] = {0.60758, 7.51332, 10.964332, 18.521754};
	const double d[] = {7.394503, 4.752858, 2.111214, 1.0};
	const int interval[] = {1, 8, 11, 19};
	for (int g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		fsrs_memory m = fsrs_next(NULL, before, 2, (fsrs_rating)g);
		near(m.stability, s[g - 1], "S");
		near(m.difficulty, d[g - 1], "D");
		assert_int_equal(fsrs_interval(NULL, m.stability, 0.9), interval[g - 1]);
	}
}

/* Same-day reviews from S = 2.3065. Hard is floored at no loss, as in
 * fsrs-rs (py-fsrs gives 1.333379 there). */
static void test_same_day(void **state)
{
	(void)state;
	fsrs_memory before = {2.3065, 2.118104};
	near(fsrs_next(NULL, before, 0, FSRS_AGAIN).stability, 0.775084, "Again");
	near(fsrs_next(NULL, before, 0, FSRS_HARD).stability, 2.3065, "Hard");
	near(fsrs_next(NULL, before, 0, FSRS_GOOD).stability, 2.3065, "Good");
	near(fsrs_next(NULL, before, 0, FSRS_EASY).stability, 3.946054, "Easy");
}

/* Each review on its due day (py-fsrs, no learning steps). */
static void check_sequence(const char *ratings, const double *s, const double *d,
                           const int *interval)
{
	fsrs_memory m = {0, 0};
	double elapsed = 0;
	for (size_t i = 0; ratings[i]; i++) {
		fsrs_rating g = ratings[i] == 'A' ? FSRS_AGAIN
		                : ratings[i] == 'H' ? FSRS_HARD
		                : ratings[i] == 'G' ? FSRS_GOOD
		                                    : FSRS_EASY;
		m = fsrs_next(NULL, m, elapsed, g);
		char what[48];
		snprintf(what, sizeof what, "%s: S after %zu", ratings, i + 1);
		near(m.stability, s[i], what);
		if (d) {
			snprintf(what, sizeof what, "%s: D after %zu", ratings, i + 1);
			near(m.difficulty, d[i], what);
		}
		int days = fsrs_interval(NULL, m.stability, 0.9);
		if (interval)
			assert_int_equal(days, interval[i]);
		elapsed = days;
	}
}

static void test_sequences(void **state)
{
	(void)state;
	check_sequence("GGGG", (const double[]){2.3065, 10.9643, 46.2802, 162.8622}, NULL,
	               (const int[]){2, 11, 46, 163});
	check_sequence("EEE", (const double[]){8.2956, 65.6242, 396.7750},
	               (const double[]){1, 1, 1}, NULL);
	check_sequence("HHH", (const double[]){1.2931, 3.2494, 6.7283},
	               (const double[]){5.1122, 6.7405, 7.8214}, NULL);
	check_sequence("AGGG", (const double[]){0.2120, 1.8868, 6.2692, 17.3792}, NULL, NULL);
	check_sequence("GHEA", (const double[]){2.3065, 7.5133, 42.9011, 2.7860},
	               (const double[]){2.1181, 4.7529, 2.9847, 7.6794}, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory_state), cmocka_unit_test(test_easy_floor),
		cmocka_unit_test(test_next_interval), cmocka_unit_test(test_retrievability),
		cmocka_unit_test(test_initial),       cmocka_unit_test(test_each_rating),
		cmocka_unit_test(test_same_day),      cmocka_unit_test(test_sequences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
