/*
 * The console terminal (Linux: drivers/tty/n_tty.c and tty_io.c, much
 * reduced). Reading is canonical: characters are echoed and collected
 * into a line that the user can edit (Backspace/DEL erases a character,
 * Ctrl-U the line) until Enter; Ctrl-D at the start of a line reads as end
 * of file. Carriage return becomes newline (ICRNL). Writing goes to every
 * console, with newline sent as CR LF (ONLCR).
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <asm/uaccess.h>

#define N_TTY_BUF_SIZE 4096
#define CTRL(c) ((c) & 0x1f)

static char line[N_TTY_BUF_SIZE];
static unsigned int line_len, line_pos;	/* a finished line, and how much was read */
static bool line_ready;

static void echo(const char *s, unsigned int n)
{
	console_print(s, n);
}

/* n_tty_receive_line: collect and edit one line (or up to a Ctrl-D). */
static void n_tty_receive_line(void)
{
	line_len = line_pos = 0;
	for (;;) {
		int c = tty_read_char();

		if (c == '\r')
			c = '\n';
		if (c == 0x7f || c == '\b') {
			if (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
		} else if (c == CTRL('U')) {
			while (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
		} else if (c == CTRL('D')) {
			break;			/* end of file, or push out a partial line */
		} else if (line_len < N_TTY_BUF_SIZE - 1 || c == '\n') {
			line[line_len++] = c;
			echo(line + line_len - 1, 1);
			if (c == '\n')
				break;
		}
	}
	line_ready = true;
}

static ssize_t tty_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	size_t n;

	(void)f;
	(void)pos;
	if (!line_ready)
		n_tty_receive_line();
	n = min(count, (size_t)(line_len - line_pos));
	if (copy_to_user(buf, line + line_pos, n))
		return -EFAULT;
	line_pos += n;
	if (line_pos == line_len)
		line_ready = false;
	return n;
}

static ssize_t tty_write(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	char chunk[256];
	size_t done = 0;

	(void)f;
	(void)pos;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));
		size_t left = copy_from_user(chunk, buf + done, n);

		console_print(chunk, n - left);
		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

const struct file_operations console_fops = {
	.read = tty_read,
	.write = tty_write,
};
