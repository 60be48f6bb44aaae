/*
 * The kernel command line (Linux: init/main.c's obsolete_checksetup and
 * kernel/params.c). Each word "name=value" or "name" goes to the __setup
 * handler registered for it; an unknown word or a bad value is reported
 * and otherwise ignored, never fatal. As on Linux, the words after "--"
 * are not the kernel's: they become init's arguments (argv_init). Linux
 * also hands unknown words to init (as arguments, or as environment
 * variables when they have an "="); yomi only reports them.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>

#define COMMAND_LINE_SIZE 512

char saved_command_line[COMMAND_LINE_SIZE];
const char *argv_init[MAX_INIT_ARGS + 2];	/* [0] is filled in by run_init_process */

static const struct obs_kernel_param *find_param(const char *word, char **value)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);

		if (p->str[n - 1] == '=' ? !strncmp(word, p->str, n)
					 : !strcmp(word, p->str)) {
			*value = (char *)word + n;
			return p;
		}
	}
	return NULL;
}

/* init_arguments: the words after "--", for init's argv (at most MAX_INIT_ARGS) */
static void init_arguments(char *rest)
{
	unsigned int n = 1;
	char *word;

	while ((word = strsep(&rest, " ")) != NULL) {
		if (!*word)
			continue;
		if (n > MAX_INIT_ARGS) {
			pr_warn("Too many arguments for init after \"--\": \"%s\" and later ignored\n", word);
			return;
		}
		argv_init[n++] = word;
	}
}

/*
 * parse_command_line: keep the line in saved_command_line (for /proc and
 * init=), split a copy on spaces and hand each word to its handler.
 */
void parse_command_line(const char *cmdline)
{
	static char words[COMMAND_LINE_SIZE];
	char *rest = words, *word;

	strlcpy(saved_command_line, cmdline, sizeof(saved_command_line));
	strlcpy(words, cmdline, sizeof(words));

	while ((word = strsep(&rest, " ")) != NULL) {
		const struct obs_kernel_param *p;
		char *value;

		if (!*word)
			continue;
		if (!strcmp(word, "--")) {
			init_arguments(rest);
			return;
		}
		p = find_param(word, &value);
		if (!p)
			pr_warn("Unknown kernel command line parameter \"%s\", ignored\n", word);
		else if (!p->setup_func(value))
			pr_warn("Bad value in kernel command line parameter \"%s\", ignored\n", word);
	}
}
