/* timeit.c - run a command several times and print its median and fastest wall-clock time
 *
 * Usage: timeit [-i STDIN] [-o STDOUT] [-r MIN_RUNS] [-t SECONDS] [-x] -- COMMAND [ARG]...
 *
 * Runs COMMAND at least MIN_RUNS times (default 5) and until SECONDS (default 1)
 * have passed, at most 1000 times, with stdin from STDIN (default /dev/null)
 * and stdout to STDOUT (default /dev/null). Prints "MEDIAN MIN RUNS" with the
 * times in seconds. A run that exits non-zero is an error (status 1, its stderr
 * shown) unless -x says any status will do. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null";
	int min_runs = 5;
	double budget = 1.0;
	bool any_status = false;
	int c;
	while ((c = getopt(argc, argv, "+i:o:r:t:x")) != -1) {
		switch (c) {
		case 'i': in = optarg; break;
		case 'o': out = optarg; break;
		case 'r': min_runs = atoi(optarg); break;
		case 't': budget = atof(optarg); break;
		case 'x': any_status = true; break;
		default: return 2;
		}
	}
	if (optind < argc && strcmp(argv[optind], "--") == 0)
		optind++;
	if (optind >= argc || min_runs < 1) {
		fprintf(stderr, "usage: timeit [-i IN] [-o OUT] [-r RUNS] [-t SECONDS] [-x] -- CMD...\n");
		return 2;
	}
	enum { MAX_RUNS = 1000 };
	static double times[MAX_RUNS];
	int runs = 0;
	double start_all = now();
	while (runs < MAX_RUNS && (runs < min_runs || now() - start_all < budget)) {
		double start = now();
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			int fd_in = open(in, O_RDONLY);
			int fd_out = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
			if (fd_in < 0 || fd_out < 0) {
				perror(fd_in < 0 ? in : out);
				_exit(127);
			}
			dup2(fd_in, 0);
			dup2(fd_out, 1);
			execvp(argv[optind], argv + optind);
			perror(argv[optind]);
			_exit(127);
		}
		int status;
		if (waitpid(pid, &status, 0) < 0) {
			perror("waitpid");
			return 1;
		}
		times[runs++] = now() - start;
		if (!any_status && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
			fprintf(stderr, "timeit: %s: %s %d\n", argv[optind],
			        WIFEXITED(status) ? "exit status" : "signal",
			        WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
			return 1;
		}
	}
	qsort(times, (size_t)runs, sizeof times[0], compare);
	double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
	printf("%.6f %.6f %d\n", median, times[0], runs);
	return 0;
}
