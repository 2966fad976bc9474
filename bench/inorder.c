/* inorder.c - LD_PRELOAD for quiz(6) in `make bench`: ask the questions in file order
 *
 * quiz(6) picks each question as random() % count from the start of its list
 * and walks on to the next unanswered one. With random() always 0 it asks
 * them in the data file's order, so the same typed answers fit both quiz(6)
 * and `recall take --order bank`. The walk it does is the same length on
 * average as with real random numbers, so its cost is not flattered. */
#include <stdlib.h>

long random(void)
{
	return 0;
}

void srandom(unsigned seed)
{
	(void)seed;
}
