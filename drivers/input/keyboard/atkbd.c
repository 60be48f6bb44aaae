/*
 * The PS/2 keyboard (Linux: drivers/input/serio/i8042.c for the controller
 * and drivers/input/keyboard/atkbd.c for the keyboard, with the keymap in
 * drivers/tty/vt/keyboard.c). The i8042 controller translates the
 * keyboard's scancode set 2 into set 1, raises IRQ 1 for every byte, and
 * the handler turns make codes into the characters a serial terminal would
 * send: Enter is '\r', Backspace is DEL (0x7f), Ctrl-letter is 1..26 and the
 * arrows are ESC [ A..D. Linux has an input-event layer, loadable keymaps,
 * dead keys and LEDs in between; yomi has one US layout, no Alt or NumLock
 * handling (the keypad always gives digits) and does not light Caps Lock.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>

/* i8042 controller ports, status bits, commands and configuration bits */
#define I8042_DATA 0x60
#define I8042_STATUS 0x64	/* read */
#define I8042_COMMAND 0x64	/* write */
#define I8042_STR_OBF 0x01	/* a byte waits in the output buffer (for us) */
#define I8042_STR_IBF 0x02	/* the controller has not taken our last byte */
#define I8042_STR_AUXDATA 0x20	/* the waiting byte is from the mouse port */
#define I8042_CMD_CTL_RCTR 0x20	/* read the configuration byte */
#define I8042_CMD_CTL_WCTR 0x60	/* write the configuration byte */
#define I8042_CTR_KBDINT 0x01	/* IRQ 1 on keyboard data */
#define I8042_CTR_AUXINT 0x02	/* IRQ 12 on mouse data */
#define I8042_CTR_KBDDIS 0x10	/* keyboard port disabled */
#define I8042_CTR_AUXDIS 0x20	/* mouse port disabled */
#define I8042_CTR_XLATE 0x40	/* translate set 2 to set 1 */
#define I8042_BUFFER_SIZE 16	/* more than the controller can hold */
#define I8042_TIMEOUT 100000	/* polls before giving up on the controller */

/* scancode set 1 make codes that are not characters; release = make | 0x80 */
#define SC_LCTRL 0x1d		/* E0 1D is the right Ctrl */
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CAPSLOCK 0x3a
#define SC_KP_FIRST 0x47	/* keypad 7 ... keypad . */
#define SC_KP_LAST 0x53
#define SC_RELEASE 0x80
#define SC_EXTENDED 0xe0	/* prefix of the grey keys */
#define SC_PAUSE 0xe1		/* Pause sends E1 1D 45 E1 9D C5 */

/* set 1 make code to character, US layout, without and with Shift */
static const char keymap_plain[] =
	"\0\033" "1234567890-=\177\t"	/* 0x00-0x0f */
	"qwertyuiop[]\r\0as"		/* 0x10-0x1f */
	"dfghjkl;'`\0\\zxcv"		/* 0x20-0x2f */
	"bnm,./\0*\0 ";			/* 0x30-0x39 */
static const char keymap_shift[] =
	"\0\033" "!@#$%^&*()_+\177\t"
	"QWERTYUIOP{}\r\0AS"
	"DFGHJKL:\"~\0|ZXCV"
	"BNM<>?\0*\0 ";
static const char keymap_keypad[] = "789-456+1230.";	/* 0x47-0x53 */

#define MOD_LSHIFT 0x01
#define MOD_RSHIFT 0x02
#define MOD_LCTRL 0x04
#define MOD_RCTRL 0x08
#define MOD_SHIFT (MOD_LSHIFT | MOD_RSHIFT)
#define MOD_CTRL (MOD_LCTRL | MOD_RCTRL)

static unsigned int modifiers;	/* MOD_* keys held down */
static bool capslock;
static bool extended;		/* the last byte was E0 */
static unsigned int skip;	/* bytes of a Pause sequence still to come */

/* kbd_send_string: queue a key's escape sequence. */
static void kbd_send_string(const char *s)
{
	while (*s)
		tty_insert_char(*s++);
}

/* atkbd_modifier: track Shift and Ctrl; true if the key was one of them. */
static bool atkbd_modifier(u8 key, bool release)
{
	unsigned int mod;

	if (key == SC_LSHIFT && !extended)
		mod = MOD_LSHIFT;
	else if (key == SC_RSHIFT && !extended)
		mod = MOD_RSHIFT;
	else if (key == SC_LCTRL)
		mod = extended ? MOD_RCTRL : MOD_LCTRL;
	else
		return false;
	if (release)
		modifiers &= ~mod;
	else
		modifiers |= mod;
	return true;
}

/* atkbd_extended: a key pressed after E0: arrows, keypad Enter and '/'. */
static void atkbd_extended(u8 key)
{
	switch (key) {
	case 0x48: kbd_send_string("\033[A"); break;	/* up */
	case 0x50: kbd_send_string("\033[B"); break;	/* down */
	case 0x4d: kbd_send_string("\033[C"); break;	/* right */
	case 0x4b: kbd_send_string("\033[D"); break;	/* left */
	case 0x1c: tty_insert_char('\r'); break;	/* keypad Enter */
	case 0x35: tty_insert_char('/'); break;		/* keypad / */
	}
}

/* atkbd_key: a key pressed without prefix: look it up and apply the modifiers. */
static void atkbd_key(u8 key)
{
	bool shift = modifiers & MOD_SHIFT;
	char c, plain;

	if (key == SC_CAPSLOCK) {
		capslock = !capslock;
		return;
	}
	if (key >= SC_KP_FIRST && key <= SC_KP_LAST) {
		tty_insert_char(keymap_keypad[key - SC_KP_FIRST]);
		return;
	}
	BUILD_BUG_ON(sizeof(keymap_plain) != sizeof(keymap_shift));
	if (key >= sizeof(keymap_plain) - 1)
		return;
	plain = keymap_plain[key];
	if (capslock && plain >= 'a' && plain <= 'z')
		shift = !shift;
	c = shift ? keymap_shift[key] : plain;
	if (!c)
		return;
	if ((modifiers & MOD_CTRL) && c >= '@' && c <= '~')
		c &= 0x1f;		/* Ctrl-A = 1 ... Ctrl-Z = 26 */
	tty_insert_char(c);
}

/* atkbd_receive: one byte from the keyboard (Linux: atkbd_interrupt). */
static void atkbd_receive(u8 code)
{
	bool release = code & SC_RELEASE;
	u8 key = code & ~SC_RELEASE;

	if (skip) {
		skip--;
		return;
	}
	if (code == SC_PAUSE) {
		skip = 5;
		return;
	}
	if (code == SC_EXTENDED) {
		extended = true;
		return;
	}
	if (!atkbd_modifier(key, release) && !release) {
		if (extended)
			atkbd_extended(key);
		else
			atkbd_key(key);
	}
	extended = false;
}

/* i8042_interrupt: IRQ 1: take every waiting byte, keep the keyboard's. */
static void i8042_interrupt(int irq, struct pt_regs *regs)
{
	u8 status;

	(void)irq;
	(void)regs;
	while ((status = inb(I8042_STATUS)) & I8042_STR_OBF) {
		u8 data = inb(I8042_DATA);

		if (!(status & I8042_STR_AUXDATA))
			atkbd_receive(data);
	}
}

/* i8042_wait: poll the status register until (status & mask) == want. */
static bool i8042_wait(u8 mask, u8 want)
{
	unsigned int i;

	for (i = 0; i < I8042_TIMEOUT; i++) {
		if ((inb(I8042_STATUS) & mask) == want)
			return true;
		cpu_relax();
	}
	return false;
}

/* i8042_flush: throw away what the firmware left in the output buffer. */
static void i8042_flush(void)
{
	unsigned int i;

	for (i = 0; i < I8042_BUFFER_SIZE && (inb(I8042_STATUS) & I8042_STR_OBF); i++)
		inb(I8042_DATA);
}

/*
 * kbd_init: find the controller, flush it, make it translate to set 1 and
 * interrupt for the keyboard only (the mouse port is turned off: nothing
 * here reads it), then take IRQ 1.
 */
void kbd_init(void)
{
	u8 ctr;

	if (inb(I8042_STATUS) == 0xff) {
		pr_info("i8042: no controller\n");
		return;
	}
	i8042_flush();
	if (!i8042_wait(I8042_STR_IBF, 0))
		goto timeout;
	outb(I8042_CMD_CTL_RCTR, I8042_COMMAND);
	if (!i8042_wait(I8042_STR_OBF, I8042_STR_OBF))
		goto timeout;
	ctr = inb(I8042_DATA);
	ctr |= I8042_CTR_KBDINT | I8042_CTR_XLATE | I8042_CTR_AUXDIS;
	ctr &= ~(I8042_CTR_KBDDIS | I8042_CTR_AUXINT);
	outb(I8042_CMD_CTL_WCTR, I8042_COMMAND);
	if (!i8042_wait(I8042_STR_IBF, 0))
		goto timeout;
	outb(ctr, I8042_DATA);
	i8042_flush();
	if (request_irq(KEYBOARD_IRQ, i8042_interrupt, "keyboard")) {
		pr_warn("i8042: IRQ %d is taken\n", KEYBOARD_IRQ);
		return;
	}
	pr_info("i8042: PS/2 keyboard on IRQ %d\n", KEYBOARD_IRQ);
	return;
timeout:
	pr_warn("i8042: controller does not answer\n");
}
