/*
 * vsnprintf and friends (Linux: lib/vsprintf.c). Supports the conversions
 * the kernel uses: d i u x X o c s p %, the flags - 0 + space #, a width
 * and precision (also as *), and the length modifiers hh h l ll z. Like
 * C's vsnprintf it returns the length the whole result would have had.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>

struct out {
	char *buf;
	size_t size, pos;
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

#define F_LEFT 1
#define F_ZERO 2
#define F_PLUS 4
#define F_SPACE 8
#define F_ALT 16
#define F_UPPER 32

static void put_number(struct out *o, unsigned long long v, bool negative,
		       unsigned int base, int flags, int width, int prec)
{
	const char *digits = (flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign = 0;
	const char *prefix = "";
	int n = 0, len, zeros;

	if (negative)
		sign = '-';
	else if (flags & F_PLUS)
		sign = '+';
	else if (flags & F_SPACE)
		sign = ' ';
	/* like Linux's, and unlike C's, %#x prints 0x even for zero */
	if ((flags & F_ALT) && base == 16)
		prefix = (flags & F_UPPER) ? "0X" : "0x";
	else if ((flags & F_ALT) && base == 8 && v)
		prefix = "0";
	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (!n && prec != 0)
		tmp[n++] = '0';
	zeros = prec > n ? prec - n : 0;
	len = n + zeros + (sign ? 1 : 0) + (int)strlen(prefix);
	if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0 && width > len) {
		zeros += width - len;
		len = width;
	}
	if (!(flags & F_LEFT))
		put_repeat(o, ' ', width - len);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	put_repeat(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		put_repeat(o, ' ', width - len);
}

static void put_string(struct out *o, const char *s, int flags, int width, int prec)
{
	int len;

	if (!s)
		s = "(null)";
	len = prec >= 0 ? (int)strnlen(s, prec) : (int)strlen(s);
	if (!(flags & F_LEFT))
		put_repeat(o, ' ', width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (flags & F_LEFT)
		put_repeat(o, ' ', width - len);
}

static int parse_flags(const char **fmt)
{
	int flags = 0;

	for (;; (*fmt)++) {
		switch (**fmt) {
		case '-': flags |= F_LEFT; break;
		case '0': flags |= F_ZERO; break;
		case '+': flags |= F_PLUS; break;
		case ' ': flags |= F_SPACE; break;
		case '#': flags |= F_ALT; break;
		default: return flags;
		}
	}
}

static int parse_int(const char **fmt, va_list *args, int *flags)
{
	int v = 0;

	if (**fmt == '*') {
		(*fmt)++;
		v = va_arg(*args, int);
		if (v < 0 && flags) {
			*flags |= F_LEFT;
			v = -v;
		}
		return v;
	}
	while (**fmt >= '0' && **fmt <= '9')
		v = v * 10 + *(*fmt)++ - '0';
	return v;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		int flags, width, prec = -1, lng = 0;
		unsigned int base = 10;
		unsigned long long v;
		bool is_signed = false;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		flags = parse_flags(&fmt);
		width = parse_int(&fmt, &args, &flags);
		if (*fmt == '.') {
			fmt++;
			prec = parse_int(&fmt, &args, NULL);
			if (prec < 0)
				prec = -1;
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				lng++;
			else if (*fmt == 'h')
				lng--;
			else if (*fmt != 'z')
				break;
		}
		switch (*fmt) {
		case 'c':
			put_repeat(&o, ' ', (flags & F_LEFT) ? 0 : width - 1);
			put(&o, (char)va_arg(args, int));
			put_repeat(&o, ' ', (flags & F_LEFT) ? width - 1 : 0);
			continue;
		case 's':
			put_string(&o, va_arg(args, const char *), flags, width, prec);
			continue;
		case '%':
			put(&o, '%');
			continue;
		case 'p':
			v = (unsigned long)va_arg(args, void *);
			put_number(&o, v, false, 16, flags | F_ZERO, 8, -1);
			continue;
		case 'd':
		case 'i':
			is_signed = true;
			break;
		case 'u':
			break;
		case 'X':
			flags |= F_UPPER;
			/* fall through */
		case 'x':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		case '\0':
			fmt--;
			continue;
		default:
			put(&o, '%');
			put(&o, *fmt);
			continue;
		}
		if (lng >= 2)
			v = va_arg(args, unsigned long long);
		else
			v = va_arg(args, unsigned int);
		if (lng == -1)
			v = is_signed ? (unsigned long long)(short)v : (unsigned short)v;
		else if (lng <= -2)
			v = is_signed ? (unsigned long long)(signed char)v : (unsigned char)v;
		else if (lng < 2 && is_signed)
			v = (unsigned long long)(int)v;
		if (!is_signed)		/* + and space are for signed conversions */
			flags &= ~(F_PLUS | F_SPACE);
		if (is_signed && (long long)v < 0)
			put_number(&o, -(unsigned long long)v, true, base, flags, width, prec);
		else
			put_number(&o, v, false, base, flags, width, prec);
	}
	va_end(args);
	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return r;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vsnprintf(buf, ~0U >> 1, fmt, args);
	va_end(args);
	return r;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long v = 0;

	if (!base) {
		base = 10;
		if (cp[0] == '0') {
			base = 8;
			if (cp[1] == 'x' || cp[1] == 'X') {
				base = 16;
				cp += 2;
			}
		}
	} else if (base == 16 && cp[0] == '0' && (cp[1] == 'x' || cp[1] == 'X')) {
		cp += 2;
	}
	for (;; cp++) {
		unsigned int d;

		if (*cp >= '0' && *cp <= '9')
			d = *cp - '0';
		else if (*cp >= 'a' && *cp <= 'f')
			d = *cp - 'a' + 10;
		else if (*cp >= 'A' && *cp <= 'F')
			d = *cp - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (endp)
		*endp = (char *)cp;
	return v;
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -(long)simple_strtoul(cp + 1, endp, base);
	return simple_strtoul(cp, endp, base);
}

/* kstrtoul: the whole string must be a number; 0 or -EINVAL. */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	char *end;

	if (!*s)
		return -EINVAL;
	*res = simple_strtoul(s, &end, base);
	if (*end == '\n')
		end++;
	return *end ? -EINVAL : 0;
}
