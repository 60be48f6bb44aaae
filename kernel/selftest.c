/*
 * Boot-time self-checks, asked for with selftest=LIST on the command line
 * (yomi's own; Linux has scattered CONFIG_*_SELFTEST options):
 *   mm     the page allocator and kmalloc, including running out of memory
 *   input  read one line from the console and echo it back
 *   oops   a deliberate NULL pointer write, to see the oops report
 * Each prints "selftest <name>: ok" or "... FAILED"; the kernel then powers
 * off with the number of failures as its status.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/reboot.h>
#include <asm/setup.h>

static char selftests[64];

static int __init selftest_setup(char *str)
{
	strlcpy(selftests, str, sizeof(selftests));
	return 1;
}
__setup("selftest=", selftest_setup);

static int input_selftest(void)
{
	char line[80];
	unsigned int n = 0;
	int c;

	printk(KERN_NOTICE "selftest input: type a line\n");
	while ((c = tty_read_char()) != '\r' && c != '\n')
		if (n < sizeof(line) - 1)
			line[n++] = c;
	line[n] = '\0';
	printk(KERN_NOTICE "selftest input: got \"%s\"\n", line);
	return 0;
}

/* selftest_oops: write through a NULL pointer; the oops names this function. */
static noinline void selftest_oops(void)
{
	volatile int *p = NULL;

	printk(KERN_NOTICE "selftest oops: writing to NULL\n");
	*p = 1;
}

void run_selftests(void)
{
	char list[sizeof(selftests)], *rest = list, *name;
	int failed = 0;

	if (!selftests[0])
		return;
	strlcpy(list, selftests, sizeof(list));
	while ((name = strsep(&rest, ",")) != NULL) {
		int err;

		if (!strcmp(name, "mm"))
			err = mm_selftest();
		else if (!strcmp(name, "input"))
			err = input_selftest();
		else if (!strcmp(name, "oops")) {
			selftest_oops();
			err = 1;	/* not reached: the oops stops the kernel */
		} else {
			pr_warn("selftest: unknown test \"%s\"\n", name);
			continue;
		}
		printk(KERN_NOTICE "selftest %s: %s\n", name, err ? "FAILED" : "ok");
		failed += !!err;
	}
	printk(KERN_NOTICE "selftests done: %d failed\n", failed);
	machine_power_off(failed);
}
