/* main.c - recall: parse the command line and dispatch to a command */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifndef RECALL_VERSION
#define RECALL_VERSION "0.0.0"
#endif

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"read", cmd_read, "show an article for reading"},
	{"check", cmd_check, "compile question banks and report every problem"},
	{"build", cmd_build, "compile a bank into a self-contained pack"},
	{"take", cmd_take, "take a quiz, every answer graded and saved"},
	{"review", cmd_review, "the questions due for review now, across banks"},
	{"study", cmd_study, "read an article a section at a time, with its questions"},
	{"grade", cmd_grade, "show how typed answers would be graded"},
	{"draft", cmd_draft, "write a draft question bank from an article"},
	{"history", cmd_history, "list saved sessions, newest first"},
	{"stats", cmd_stats, "scores, their trend, and the questions most often missed"},
	{"export", cmd_export, "write every saved answer as CSV or JSON"},
	{"roster", cmd_roster, "import or list a class's roster of students"},
	{"class", cmd_class, "a class's exam settings, and the hot seat"},
	{"report", cmd_report, "a class's gradebook and item analysis"},
	{"merge", cmd_merge, "fold another database's results into this one"},
	{"regrade", cmd_regrade, "accept an answer for everyone, or override one response"},
	{"export-bank", cmd_export_bank, "write a bank as Moodle GIFT or an Anki import file"},
	{"import", cmd_import, "turn a Moodle GIFT file into a draft bank"},
};

static void usage(FILE *f)
{
	fputs("Usage: recall COMMAND [OPTIONS] [ARGS]\n"
	      "\n"
	      "Study an article in the terminal and be quizzed on it.\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "'recall help COMMAND' or 'recall COMMAND --help' tells more; 'man recall' tells all.\n",
	      f);
}

static const command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int no_command(const char *name)
{
	enum { N = sizeof commands / sizeof commands[0] };
	const char *names[N + 1];
	for (size_t i = 0; i < N; i++)
		names[i] = commands[i].name;
	names[N] = "help";
	return cli_unknown_command(name, names, N + 1);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Write errors are handled where output is finished, not by dying. */
	signal(SIGPIPE, SIG_IGN);
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
		printf("recall %s\n", RECALL_VERSION);
		return cli_finish(EXIT_OK);
	}
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout);
		return cli_finish(EXIT_OK);
	}
	if (strcmp(name, "help") == 0) {
		if (argc < 3) {
			usage(stdout);
			return cli_finish(EXIT_OK);
		}
		const command *cmd = find_command(argv[2]);
		if (!cmd)
			return no_command(argv[2]);
		char *help_argv[] = {(char *)cmd->name, "--help", NULL};
		return cmd->run(2, help_argv);
	}
	const command *cmd = find_command(name);
	if (!cmd)
		return no_command(name);
	return cmd->run(argc - 1, argv + 1);
}
