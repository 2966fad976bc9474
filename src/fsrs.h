/* fsrs.h - the FSRS-6 memory model: stability, difficulty, retrievability and intervals */
#ifndef RECALL_FSRS_H
#define RECALL_FSRS_H

#include <stdbool.h>

/* FSRS-6 (Free Spaced Repetition Scheduler, version 6), as the reference
 * implementations fsrs-rs and py-fsrs compute it, with their 21 default
 * parameters. Pure functions over doubles: no I/O, no clock, no state.
 *
 * A card's memory is its stability S (days until recall falls to 90%) and
 * its difficulty D (1 to 10). A review is rated Again, Hard, Good or Easy
 * after `elapsed_days` whole days since the last one; reviews on the same
 * day (elapsed_days 0) use the short-term formula, as fsrs-rs does (which
 * floors the short-term stability increase at 1 for Hard, Good and Easy). */

typedef enum {
	FSRS_AGAIN = 1,
	FSRS_HARD = 2,
	FSRS_GOOD = 3,
	FSRS_EASY = 4,
} fsrs_rating;

#define FSRS_PARAM_COUNT 21

/* The default parameters of FSRS-6 (fsrs-rs DEFAULT_PARAMETERS). */
extern const double fsrs_default_params[FSRS_PARAM_COUNT];

/* The longest interval, in days (100 years). */
#define FSRS_MAX_INTERVAL 36500

typedef struct {
	double stability;    /* days; 0 for a card never reviewed */
	double difficulty;   /* 1 to 10; 0 for a card never reviewed */
} fsrs_memory;

/* The memory after one review. `before` is {0, 0} for the first review,
 * which sets the initial stability and difficulty of the rating; `w` is
 * NULL for the defaults. */
fsrs_memory fsrs_next(const double *w, fsrs_memory before, double elapsed_days,
                      fsrs_rating rating);

/* The probability of recall `elapsed_days` after a review that left
 * stability `stability`: 1 at 0 days, 0.9 at `stability` days. */
double fsrs_retrievability(const double *w, double stability, double elapsed_days);

/* The interval in days, unrounded, after which recall falls to `retention`
 * (0 < retention < 1): equal to the stability at 0.9. */
double fsrs_interval_exact(const double *w, double stability, double retention);

/* The interval in whole days: fsrs_interval_exact rounded half away from
 * zero (as fsrs-rs does), at least 1 and at most FSRS_MAX_INTERVAL. */
int fsrs_interval(const double *w, double stability, double retention);

/* The initial difficulty of a first rating, clamped to [1, 10]. */
double fsrs_initial_difficulty(const double *w, fsrs_rating rating);

#endif
