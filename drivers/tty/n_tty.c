/*
 * The console terminal (Linux: drivers/tty/n_tty.c and tty_io.c, much
 * reduced; one terminal, shared by the serial line and the screen).
 * In canonical mode (ICANON, the default) characters are echoed and
 * collected into a line that can be edited - erase (DEL or Backspace)
 * removes a character, kill (Ctrl-U) the line - until Enter; Ctrl-D at
 * the start of a line reads as end of file. With ISIG, Ctrl-C sends
 * SIGINT, Ctrl-\ SIGQUIT and Ctrl-Z SIGTSTP to the foreground process
 * group. Programs may
 * switch to non-canonical mode with TCSETS (c_cc[VMIN] characters at a
 * time). Output goes to every console, newline as CR LF (the consoles do
 * ONLCR themselves).
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/uaccess.h>
#include <uapi/asm/ioctls.h>
#include <uapi/asm/termbits.h>

#define N_TTY_BUF_SIZE 4096

/* Linux's tty_std_termios: ICRNL|IXON, OPOST|ONLCR, B38400|CS8|CREAD|HUPCL, ... */
static struct termios termios = {
	.c_iflag = 0002400,
	.c_oflag = 0000005,
	.c_cflag = 0002277,
	.c_lflag = 0105073,
	.c_cc = "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0",
};
static struct winsize winsize = { 24, 80, 0, 0 };
static pid_t tty_pgrp = 1;

static char line[N_TTY_BUF_SIZE];
static unsigned int line_len, line_pos;	/* a finished line, and how much was read */
static bool line_ready;


static void echo(const char *s, unsigned int n)
{
	if (termios.c_lflag & ECHO)
		console_print(s, n);
}

/* n_tty_receive_signal_char: at interrupt time; true if c was a signal key. */
bool n_tty_receive_signal_char(char c)
{
	static const char *const shown[] = { [SIGINT] = "^C\n", [SIGQUIT] = "^\\\n",
					     [SIGTSTP] = "^Z\n" };
	int sig;

	if (!(termios.c_lflag & ISIG))
		return false;
	if (c == termios.c_cc[VINTR])
		sig = SIGINT;
	else if (c == termios.c_cc[VQUIT])
		sig = SIGQUIT;
	else if (c == termios.c_cc[VSUSP])
		sig = SIGTSTP;
	else
		return false;
	echo(shown[sig], 3);
	tty_flush_input();
	line_len = line_pos = 0;
	line_ready = false;
	kill_pgrp(tty_pgrp, sig);
	return true;
}

static int next_char(void)
{
	int c = tty_read_char();

	if (c == '\r' && (termios.c_iflag & ICRNL))
		c = '\n';
	return c;
}

/* n_tty_receive_line: collect and edit one line (or up to Ctrl-D); -1 on a signal. */
static int n_tty_receive_line(void)
{
	for (;;) {
		int c = next_char();

		if (c < 0)
			return -1;
		if (c == termios.c_cc[VERASE] || c == '\b') {
			if (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
		} else if (c == termios.c_cc[VKILL]) {
			while (line_len) {
				line_len--;
				echo("\b \b", 3);
			}
		} else if (c == termios.c_cc[VEOF]) {
			break;			/* end of file, or push out a partial line */
		} else if (line_len < N_TTY_BUF_SIZE - 1 || c == '\n') {
			line[line_len++] = c;
			echo(line + line_len - 1, 1);
			if (c == '\n')
				break;
		}
	}
	line_ready = true;
	return 0;
}

/* raw_read: non-canonical mode, up to count characters once VMIN are there. */
static ssize_t raw_read(char __user *buf, size_t count)
{
	size_t n = 0;

	while (n < count && (n < termios.c_cc[VMIN] || tty_chars_available())) {
		char c;
		int v = next_char();

		if (v < 0)
			return n ? (ssize_t)n : -ERESTARTSYS;
		c = v;
		echo(&c, 1);
		if (copy_to_user(buf + n, &c, 1))
			return -EFAULT;
		n++;
	}
	return n;
}

static ssize_t tty_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	size_t n;

	(void)f;
	(void)pos;
	if (!(termios.c_lflag & ICANON))
		return raw_read(buf, count);
	if (!line_ready) {
		line_len = line_pos = 0;
		if (n_tty_receive_line())
			return -ERESTARTSYS;
	}
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

static int tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	struct termios t;
	pid_t pgrp;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &termios, sizeof(termios)) ? -EFAULT : 0;
	case TCSETSF:
		tty_flush_input();
		/* fall through */
	case TCSETS:
	case TCSETSW:
		if (copy_from_user(&t, p, sizeof(t)))
			return -EFAULT;
		termios = t;
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &winsize, sizeof(winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&winsize, p, sizeof(winsize)) ? -EFAULT : 0;
	case TIOCGPGRP:
		return put_user(tty_pgrp, (pid_t __user *)p);
	case TIOCSPGRP:
		if (get_user(pgrp, (pid_t __user *)p))
			return -EFAULT;
		if (pgrp < 0)
			return -EINVAL;
		tty_pgrp = pgrp;
		return 0;
	case TIOCSCTTY:
		return 0;
	case FIONREAD:
		return put_user((int)tty_chars_available(), (int __user *)p);
	}
	return -ENOTTY;
}

/*
 * tty_poll: always writable; readable when a line read in part is left or
 * input is queued. (Linux's n_tty_poll waits for a whole line in
 * canonical mode; here a first typed character already counts, and the
 * read then waits for the rest of the line.)
 */
static unsigned int tty_poll(struct file *f, struct poll_table_struct *pt)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	tty_poll_wait(f, pt);
	if (line_pos < line_len || tty_chars_available())
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

static const struct file_operations console_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

/* tty_init: /dev/tty and /dev/console (major 5) are the console terminal */
static int __init tty_init(void)
{
	return register_chrdev(TTYAUX_MAJOR, "tty", &console_fops);
}
device_initcall(tty_init);
