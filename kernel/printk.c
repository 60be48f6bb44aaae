/*
 * printk: the kernel's log (Linux: kernel/printk/printk.c). Each message is
 * formatted, stamped with the time since boot, kept in log_buf and written
 * to every enabled console whose level allows it (loglevel=). A console
 * registered later (the framebuffer) first receives what is already in
 * log_buf, as Linux replays the log to a new console.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/init.h>
#include <asm/processor.h>

#define LOG_BUF_LEN (1 << 15)

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static struct console *console_drivers;
static char log_buf[LOG_BUF_LEN];
static unsigned int log_end;	/* total bytes ever logged */
static bool line_start = true;

static void log_store(const char *s, unsigned int n)
{
	while (n--)
		log_buf[log_end++ % LOG_BUF_LEN] = *s++;
}

static void call_consoles(const char *s, unsigned int n)
{
	struct console *con;

	for (con = console_drivers; con; con = con->next)
		if (con->enabled)
			con->write(con, s, n);
}

/* console_print: text that is not a log message (a program's output). */
void console_print(const char *s, unsigned int n)
{
	unsigned long flags = local_irq_save();

	call_consoles(s, n);
	if (n)
		line_start = s[n - 1] == '\n';
	local_irq_restore(flags);
}

/* vprintk: one message, "\001" + level at its start selects its level. */
int vprintk(const char *fmt, va_list args)
{
	char buf[512], stamp[24];
	const char *text = buf;
	int level = 4, len, slen = 0;
	unsigned long flags;

	len = vsnprintf(buf, sizeof(buf), fmt, args);
	if (len >= (int)sizeof(buf))
		len = sizeof(buf) - 1;
	if (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			level = text[1] - '0';
		else if (text[1] == 'c')
			level = -1;
		text += 2;
		len -= 2;
	}
	flags = local_irq_save();
	if (line_start && len) {
		u64 ns = sched_clock();
		unsigned long sec = (unsigned long)(ns / NSEC_PER_SEC);
		unsigned long usec = (unsigned long)(ns % NSEC_PER_SEC / 1000);

		slen = snprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ", sec, usec);
		log_store(stamp, slen);
	}
	log_store(text, len);
	if (level < console_loglevel) {
		if (slen)
			call_consoles(stamp, slen);
		call_consoles(text, len);
	}
	if (len)
		line_start = text[len - 1] == '\n';
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}

/* register_console: add a console and replay the log it has missed. */
void register_console(struct console *con)
{
	unsigned int start = log_end > LOG_BUF_LEN ? log_end - LOG_BUF_LEN : 0;
	unsigned long flags = local_irq_save();

	con->next = console_drivers;
	console_drivers = con;
	for (; con->enabled && start < log_end; start++)
		con->write(con, &log_buf[start % LOG_BUF_LEN], 1);
	local_irq_restore(flags);
	if (con->enabled)
		pr_info("console [%s] enabled\n", con->name);
}

static int __init loglevel_setup(char *str)
{
	unsigned long v;

	if (kstrtoul(str, 10, &v) || v > 8)
		return 0;
	console_loglevel = v;
	return 1;
}
__setup("loglevel=", loglevel_setup);

#define MAX_CMDLINE_CONSOLES 4
static char console_names[MAX_CMDLINE_CONSOLES][16];
static int nr_console_names;

static int __init console_setup(char *str)
{
	if (nr_console_names >= MAX_CMDLINE_CONSOLES)
		return 0;
	/* "ttyS0,115200": the name is what stands before the comma */
	strlcpy(console_names[nr_console_names], str, sizeof(console_names[0]));
	strsep(&(char *){console_names[nr_console_names]}, ",");
	nr_console_names++;
	return 1;
}
__setup("console=", console_setup);

/*
 * console_wanted: without console= every console is used; with it, only
 * those named. COM1 (ttyS0) is always used, because tests read it.
 */
bool console_wanted(const char *name)
{
	int i;

	if (!nr_console_names || !strcmp(name, "ttyS0"))
		return true;
	for (i = 0; i < nr_console_names; i++)
		if (!strcmp(console_names[i], name))
			return true;
	return false;
}
