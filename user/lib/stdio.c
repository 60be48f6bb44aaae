/*
 * stdio.c: the three standard streams over read(2) and write(2).
 *
 * stdout is line-buffered whatever it is connected to (glibc buffers fully
 * when it is not a terminal; here a test's output reaches a pipe or the
 * serial port line by line), stderr is unbuffered, stdin reads up to
 * BUFSIZ bytes at a time and flushes stdout first, so a prompt shows before
 * the program waits. There is no fopen yet; a stream is used either for
 * input or for output.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "file.h"

static char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];
static FILE streams[3] = {
	{ .fd = 0, .mode = _IOFBF, .buf = stdin_buf, .size = BUFSIZ },
	{ .fd = 1, .mode = _IOLBF, .buf = stdout_buf, .size = BUFSIZ },
	{ .fd = 2, .mode = _IONBF },
};
FILE *stdin = &streams[0];
FILE *stdout = &streams[1];
FILE *stderr = &streams[2];

/* write_all: write n bytes, retrying short writes and EINTR. */
static int write_all(FILE *f, const char *p, size_t n)
{
	ssize_t r;

	while (n) {
		r = write(f->fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			f->flags |= F_ERR;
			return EOF;
		}
		p += r;
		n -= r;
	}
	return 0;
}

int fflush(FILE *f)
{
	int i, ret = 0;
	size_t n;

	if (!f) {
		for (i = 0; i < 3; i++)
			if (fflush(&streams[i]))
				ret = EOF;
		return ret;
	}
	n = f->wlen;
	f->wlen = 0;
	return n ? write_all(f, f->buf, n) : 0;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
	const char *p = ptr;
	size_t total, left, n;

	if (__builtin_mul_overflow(size, nmemb, &total) || !total)
		return 0;
	if (f->mode == _IONBF)
		return write_all(f, p, total) ? 0 : nmemb;
	for (left = total; left; p += n, left -= n) {
		if (f->wlen == f->size && fflush(f))
			return 0;
		n = f->size - f->wlen;
		if (n > left)
			n = left;
		memcpy(f->buf + f->wlen, p, n);
		f->wlen += n;
	}
	if (f->mode == _IOLBF && memchr(ptr, '\n', total) && fflush(f))
		return 0;
	return nmemb;
}

int fputc(int c, FILE *f)
{
	unsigned char ch = c;

	return fwrite(&ch, 1, 1, f) ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return n && !fwrite(s, 1, n, f) ? EOF : 0;
}

int puts(const char *s)
{
	return fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF ? EOF : 0;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
		return -1;
	fflush(f);
	f->mode = mode;
	if (buf && size) {
		f->buf = buf;
		f->size = size;
	}
	if (!f->buf)		/* a stream that had none (stderr) */
		f->mode = _IONBF;
	return 0;
}

void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s) {
		fputs(s, stderr);
		fputs(": ", stderr);
	}
	fputs(msg, stderr);
	fputc('\n', stderr);
}

int fgetc(FILE *f)
{
	ssize_t r;

	if (f->rpos == f->rlen) {
		if (f->flags & (F_EOF | F_ERR) || !f->buf)
			return EOF;
		fflush(stdout);
		do
			r = read(f->fd, f->buf, f->size);
		while (r < 0 && errno == EINTR);
		if (r <= 0) {
			f->flags |= r ? F_ERR : F_EOF;
			return EOF;
		}
		f->rpos = 0;
		f->rlen = r;
	}
	return (unsigned char)f->buf[f->rpos++];
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

/* fgets: one line (with its '\n') or size - 1 bytes; NULL at end of file
 * with nothing read. */
char *fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	while (i < size - 1 && c != '\n' && (c = fgetc(f)) != EOF)
		s[i++] = c;
	if (i == 0 && size > 1)
		return NULL;
	if (size > 0)
		s[i] = '\0';
	return s;
}

size_t fread(void *ptr, size_t size, size_t nmemb, FILE *f)
{
	unsigned char *p = ptr;
	size_t total, i;
	int c;

	if (__builtin_mul_overflow(size, nmemb, &total) || !total)
		return 0;
	for (i = 0; i < total && (c = fgetc(f)) != EOF; i++)
		p[i] = c;
	return i / size;
}

int feof(FILE *f)
{
	return !!(f->flags & F_EOF);
}

int ferror(FILE *f)
{
	return !!(f->flags & F_ERR);
}

void clearerr(FILE *f)
{
	f->flags = 0;
}

int fileno(FILE *f)
{
	return f->fd;
}
