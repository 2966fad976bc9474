/* fsrs.c - the FSRS-6 memory model: stability, difficulty, retrievability and intervals */
#include "fsrs.h"

#include <math.h>

/* fsrs-rs src/inference.rs DEFAULT_PARAMETERS (crate 6.6.1), equal to
 * py-fsrs's: w0..w3 initial stability per rating, w4 w5 initial difficulty,
 * w6 difficulty step, w7 mean reversion, w8..w10 recall stability, w11..w14
 * forget stability, w15 Hard penalty, w16 Easy bonus, w17..w19 same-day
 * stability, w20 decay of the forgetting curve. */
const double fsrs_default_params[FSRS_PARAM_COUNT] = {
	0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
	0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
	1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

#define S_MIN 0.001
#define S_MAX 36500.0

static const double *params(const double *w)
{
	return w ? w : fsrs_default_params;
}

static double clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

/* The forgetting curve is R(t) = (1 + factor * t / S) ^ decay, with the
 * factor chosen so that R(S) = 0.9 whatever the decay. */
static double decay(const double *w)
{
	return -w[20];
}

static double factor(const double *w)
{
	return pow(0.9, 1.0 / decay(w)) - 1.0;
}

double fsrs_retrievability(const double *w, double stability, double elapsed_days)
{
	w = params(w);
	if (stability <= 0)
		return 0;
	if (elapsed_days <= 0)
		return 1;
	return pow(1.0 + factor(w) * elapsed_days / stability, decay(w));
}

double fsrs_interval_exact(const double *w, double stability, double retention)
{
	w = params(w);
	return stability / factor(w) * (pow(retention, 1.0 / decay(w)) - 1.0);
}

int fsrs_interval(const double *w, double stability, double retention)
{
	double days = round(fsrs_interval_exact(w, stability, retention));
	if (!(days >= 1))
		return 1;
	return days > FSRS_MAX_INTERVAL ? FSRS_MAX_INTERVAL : (int)days;
}

/* Unclamped: mean reversion pulls towards the (possibly below 1) initial
 * difficulty of Easy, as both reference implementations do. */
static double raw_initial_difficulty(const double *w, fsrs_rating g)
{
	return w[4] - exp(w[5] * ((double)g - 1.0)) + 1.0;
}

double fsrs_initial_difficulty(const double *w, fsrs_rating rating)
{
	w = params(w);
	return clamp(raw_initial_difficulty(w, rating), 1, 10);
}

static double next_difficulty(const double *w, double d, fsrs_rating g)
{
	double delta = -w[6] * ((double)g - 3.0);
	double damped = d + delta * (10.0 - d) / 9.0;
	double reverted = w[7] * raw_initial_difficulty(w, FSRS_EASY) + (1.0 - w[7]) * damped;
	return clamp(reverted, 1, 10);
}

static double recall_stability(const double *w, double s, double d, double r, fsrs_rating g)
{
	double hard = g == FSRS_HARD ? w[15] : 1.0;
	double easy = g == FSRS_EASY ? w[16] : 1.0;
	return s * (1.0 + exp(w[8]) * (11.0 - d) * pow(s, -w[9]) * (exp(w[10] * (1.0 - r)) - 1.0) *
	                      hard * easy);
}

static double forget_stability(const double *w, double s, double d, double r)
{
	double long_term = w[11] * pow(d, -w[12]) * (pow(s + 1.0, w[13]) - 1.0) * exp(w[14] * (1.0 - r));
	double short_term = s / exp(w[17] * w[18]);
	return long_term < short_term ? long_term : short_term;
}

static double same_day_stability(const double *w, double s, fsrs_rating g)
{
	double increase = exp(w[17] * ((double)g - 3.0 + w[18])) * pow(s, -w[19]);
	if (g >= FSRS_HARD && increase < 1.0)
		increase = 1.0;
	return s * increase;
}

fsrs_memory fsrs_next(const double *w, fsrs_memory before, double elapsed_days,
                      fsrs_rating rating)
{
	w = params(w);
	if (rating < FSRS_AGAIN)
		rating = FSRS_AGAIN;
	if (rating > FSRS_EASY)
		rating = FSRS_EASY;
	fsrs_memory after;
	if (before.stability <= 0) {
		after.stability = w[rating - 1];
		after.difficulty = fsrs_initial_difficulty(w, rating);
		return after;
	}
	double s = before.stability, d = before.difficulty;
	if (elapsed_days < 1) {
		after.stability = same_day_stability(w, s, rating);
	} else {
		double r = fsrs_retrievability(w, s, elapsed_days);
		after.stability = rating == FSRS_AGAIN ? forget_stability(w, s, d, r)
		                                       : recall_stability(w, s, d, r, rating);
	}
	after.stability = clamp(after.stability, S_MIN, S_MAX);
	after.difficulty = next_difficulty(w, d, rating);
	return after;
}
