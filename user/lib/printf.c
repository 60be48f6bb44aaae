/*
 * printf.c: the printf family, all built on one formatter, format().
 *
 * Conversions d i u x X o c s p %, flags - 0 + space #, width and precision
 * (numbers or *), length modifiers hh h l ll z j t. No floating point and
 * no %n. As glibc: %p prints 0x... or "(nil)", %s of NULL prints "(null)".
 * The output goes through a small struct out: for snprintf straight into
 * the caller's buffer (cut at size - 1, the return value still counts
 * everything), for fprintf into a 256-byte chunk on the stack that is
 * handed to fwrite when full, so an unbuffered stderr gets one write per
 * chunk rather than one per character.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "file.h"

struct out {
	char *buf;
	size_t cap;		/* bytes buf can take */
	size_t len;		/* bytes in buf */
	size_t total;		/* bytes produced, kept or not */
	FILE *f;		/* if set, a full buf is written here */
};

static void emit(struct out *o, char c)
{
	if (o->len == o->cap && o->f) {
		fwrite(o->buf, 1, o->len, o->f);
		o->len = 0;
	}
	if (o->len < o->cap)
		o->buf[o->len++] = c;
	o->total++;
}

static void emit_n(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

static void emit_s(struct out *o, const char *s, int n)
{
	while (n-- > 0)
		emit(o, *s++);
}

#define F_LEFT	1	/* '-' */
#define F_ZERO	2	/* '0' */
#define F_PLUS	4	/* '+' */
#define F_SPACE	8	/* ' ' */
#define F_ALT	16	/* '#' */

struct spec {
	int flags;
	int width;
	int prec;	/* -1: none given */
};

/* pad_field: the text of one field, len bytes after a prefix (sign, 0x),
 * with zeros or spaces up to the width as the flags say. zeros is the
 * number of zeros the precision adds between prefix and text. */
static void pad_field(struct out *o, const struct spec *sp, const char *prefix,
		      int zeros, const char *text, int len)
{
	int plen = strlen(prefix);
	int pad = sp->width - plen - zeros - len;

	if (sp->flags & F_ZERO && !(sp->flags & F_LEFT) && sp->prec < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!(sp->flags & F_LEFT))
		emit_n(o, ' ', pad);
	emit_s(o, prefix, plen);
	emit_n(o, '0', zeros);
	emit_s(o, text, len);
	if (sp->flags & F_LEFT)
		emit_n(o, ' ', pad);
}

/* format_int: one integer conversion; v is the magnitude, neg its sign. */
static void format_int(struct out *o, struct spec *sp, unsigned long long v,
		       int neg, int base, int upper, int is_signed)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], *p = tmp + sizeof(tmp);
	const char *prefix = "";
	int len, zeros;

	while (v) {
		if (v <= UINT32_MAX) {	/* 32-bit division where it suffices */
			*--p = digits[(uint32_t)v % base];
			v = (uint32_t)v / base;
		} else {
			*--p = digits[v % base];
			v /= base;
		}
	}
	len = tmp + sizeof(tmp) - p;
	if (sp->prec < 0 && len == 0)
		*--p = '0', len = 1;	/* "0"; with precision 0, nothing */
	zeros = sp->prec > len ? sp->prec - len : 0;
	if (is_signed)
		prefix = neg ? "-" : sp->flags & F_PLUS ? "+" : sp->flags & F_SPACE ? " " : "";
	else if (sp->flags & F_ALT && base == 16 && len && *p != '0')
		prefix = upper ? "0X" : "0x";
	else if (sp->flags & F_ALT && base == 8 && !zeros && (len == 0 || *p != '0'))
		zeros = 1;
	pad_field(o, sp, prefix, zeros, p, len);
}

/* ARG_INT: the next argument with length modifier lm (0 none, 'H' hh,
 * 'h', 'l', 'L' ll, 'z', 'j', 't') as a 64-bit value, sign-extended or
 * zero-extended. */
#define ARG_INT(ap, lm, is_signed) (is_signed ?					\
	((lm) == 'L' || (lm) == 'j' ? va_arg(ap, long long) :			\
	 (lm) == 'l' || (lm) == 'z' || (lm) == 't' ? (long long)va_arg(ap, long) : \
	 (lm) == 'h' ? (long long)(short)va_arg(ap, int) :			\
	 (lm) == 'H' ? (long long)(signed char)va_arg(ap, int) :			\
	 (long long)va_arg(ap, int)) :						\
	((lm) == 'L' || (lm) == 'j' ? (long long)va_arg(ap, unsigned long long) : \
	 (lm) == 'l' || (lm) == 'z' || (lm) == 't' ? (long long)va_arg(ap, unsigned long) : \
	 (lm) == 'h' ? (long long)(unsigned short)va_arg(ap, int) :		\
	 (lm) == 'H' ? (long long)(unsigned char)va_arg(ap, int) :		\
	 (long long)va_arg(ap, unsigned int)))

static void format(struct out *o, const char *fmt, va_list ap)
{
	struct spec sp;
	long long v;
	const char *s;
	char c, lm;
	int base;

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			emit(o, *fmt);
			continue;
		}
		sp.flags = 0;
		for (;; fmt++) {
			c = fmt[1];
			if (c == '-') sp.flags |= F_LEFT;
			else if (c == '0') sp.flags |= F_ZERO;
			else if (c == '+') sp.flags |= F_PLUS;
			else if (c == ' ') sp.flags |= F_SPACE;
			else if (c == '#') sp.flags |= F_ALT;
			else break;
		}
		fmt++;
		sp.width = 0;
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.flags |= F_LEFT;
				sp.width = sp.width == INT_MIN ? INT_MAX : -sp.width;
			}
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp.width = sp.width * 10 + *fmt - '0';
		sp.prec = -1;
		if (*fmt == '.') {
			sp.prec = 0;
			if (*++fmt == '*') {
				sp.prec = va_arg(ap, int);	/* negative: as if none */
				fmt++;
			}
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				sp.prec = sp.prec * 10 + *fmt - '0';
		}
		lm = 0;
		if (*fmt == 'h' || *fmt == 'l') {
			lm = *fmt++;
			if (*fmt == lm) {
				lm = lm == 'h' ? 'H' : 'L';
				fmt++;
			}
		} else if (*fmt == 'z' || *fmt == 'j' || *fmt == 't') {
			lm = *fmt++;
		}
		base = 10;
		switch (*fmt) {
		case 'd':
		case 'i':
			v = ARG_INT(ap, lm, 1);
			format_int(o, &sp, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				   v < 0, 10, 0, 1);
			break;
		case 'o':
			base = 8;
			goto unsigned_int;
		case 'x':
		case 'X':
			base = 16;
			/* fall through */
		case 'u':
unsigned_int:
			v = ARG_INT(ap, lm, 0);
			format_int(o, &sp, v, 0, base, *fmt == 'X', 0);
			break;
		case 'p':
			v = (uintptr_t)va_arg(ap, void *);
			if (!v) {
				sp.prec = -1;
				pad_field(o, &sp, "", 0, "(nil)", 5);
				break;
			}
			sp.flags |= F_ALT;
			format_int(o, &sp, v, 0, 16, 0, 0);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			sp.prec = -1;
			sp.flags &= ~F_ZERO;
			pad_field(o, &sp, "", 0, &c, 1);
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			sp.flags &= ~F_ZERO;
			pad_field(o, &sp, "", 0, s, sp.prec < 0 ? strlen(s) : strnlen(s, sp.prec));
			break;
		case '%':
			emit(o, '%');
			break;
		case '\0':	/* a lone '%' at the end */
			emit(o, '%');
			return;
		default:	/* unknown: print it as it stands */
			emit(o, '%');
			emit(o, *fmt);
			break;
		}
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .cap = size ? size - 1 : 0 };

	format(&o, fmt, ap);
	if (size)
		buf[o.len] = '\0';
	return o.total > INT_MAX ? -1 : (int)o.total;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char chunk[256];
	struct out o = { .buf = chunk, .cap = sizeof(chunk), .f = f };
	int had_error = f->flags & F_ERR;

	format(&o, fmt, ap);
	if (o.len)
		fwrite(chunk, 1, o.len, f);
	return !had_error && f->flags & F_ERR ? -1 : (int)o.total;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}
