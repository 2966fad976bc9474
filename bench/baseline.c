/* baseline.c - the bare work of recall's libraries, as the yardstick for `make bench`
 *
 *   baseline                   start and exit: the start-up cost of a program linked with
 *                              the same libraries as recall
 *   baseline BANK [ARTICLE]    read BANK and scan its libyaml events, then read ARTICLE and
 *                              parse it with cmark, in one process
 *   baseline - ARTICLE         the cmark parse alone
 *
 * It does nothing recall does not also have to do, so recall's time over
 * this one's is the cost of recall's own work. */
#include <cmark.h>
#include <readline/readline.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <yaml.h>

/* Naming a symbol of every library keeps each one linked (and loaded at
 * start) even where the linker drops libraries that nothing uses. */
static const void *volatile linked[] = {
	(const void *)cmark_version, (const void *)yaml_get_version_string,
	(const void *)sqlite3_libversion, (const void *)utf8proc_version,
	(const void *)&rl_library_version,
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	size_t cap = 1 << 16, n = 0, got;
	char *text = malloc(cap);
	while (text && (got = fread(text + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			text = realloc(text, cap *= 2);
	}
	if (!text || ferror(f)) {
		fprintf(stderr, "%s: read failed\n", path);
		exit(1);
	}
	fclose(f);
	*len = n;
	return text;
}

static size_t scan_yaml(const char *path)
{
	size_t len, events = 0;
	char *text = slurp(path, &len);
	yaml_parser_t parser;
	yaml_event_t event;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s: YAML error: %s\n", path, parser.problem);
			exit(1);
		}
		events++;
		yaml_event_type_t type = event.type;
		yaml_event_delete(&event);
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	free(text);
	return events;
}

static size_t parse_markdown(const char *path)
{
	size_t len, nodes = 0;
	char *text = slurp(path, &len);
	cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_SOURCEPOS);
	cmark_iter *it = cmark_iter_new(doc);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE)
		nodes++;
	cmark_iter_free(it);
	cmark_node_free(doc);
	free(text);
	return nodes;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return linked[0] == NULL;
	size_t events = strcmp(argv[1], "-") == 0 ? 0 : scan_yaml(argv[1]);
	size_t nodes = argc > 2 ? parse_markdown(argv[2]) : 0;
	/* Printed so that neither loop can be optimised away. */
	if (getenv("BASELINE_VERBOSE"))
		printf("%zu YAML events, %zu Markdown nodes\n", events, nodes);
	return 0;
}
