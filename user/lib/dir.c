/*
 * dir.c: opendir, readdir and closedir over getdents64 (220).
 *
 * A DIR holds the directory's descriptor and one buffer of records read
 * with getdents64; readdir hands them out one at a time and reads the next
 * buffer when this one is used up. The records are struct linux_dirent64,
 * whose layout struct dirent shares, so no copying is done. The buffer is
 * 2 KiB (glibc's is 32 KiB).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

#define DIRBUF 2048

#define SAME_FIELD(f) (offsetof(struct dirent, f) == offsetof(struct linux_dirent64, f))
_Static_assert(SAME_FIELD(d_ino) && SAME_FIELD(d_off) && SAME_FIELD(d_reclen) &&
	       SAME_FIELD(d_type) && SAME_FIELD(d_name),
	       "struct dirent is laid out as the kernel's struct linux_dirent64");

struct __dirstream {
	int fd;
	int pos, len;		/* next record, bytes in buf */
	char buf[DIRBUF] __attribute__((aligned(8)));
};

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

/* readdir: the next entry, or NULL at the end (errno unchanged) or on an
 * error (errno set) */
struct dirent *readdir(DIR *d)
{
	struct dirent *e;

	if (d->pos >= d->len) {
		int n = getdents64(d->fd, d->buf, sizeof(d->buf));

		if (n <= 0)
			return NULL;
		d->len = n;
		d->pos = 0;
	}
	e = (struct dirent *)(d->buf + d->pos);
	d->pos += e->d_reclen;
	return e;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}

int dirfd(DIR *d)
{
	return d->fd;
}
