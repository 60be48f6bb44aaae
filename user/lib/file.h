/* file.h: the FILE structure, shared by stdio.c and printf.c only. */
#ifndef _LIB_FILE_H
#define _LIB_FILE_H

#include <stdio.h>

#define F_EOF	1	/* read() returned 0 */
#define F_ERR	2	/* read() or write() failed */

struct __file {
	int fd;
	int mode;		/* _IOFBF, _IOLBF or _IONBF */
	int flags;		/* F_EOF, F_ERR */
	char *buf;
	size_t size;		/* of buf */
	size_t wlen;		/* output: bytes in buf waiting for write() */
	size_t rpos, rlen;	/* input: next byte in buf, bytes read into buf */
};

#endif
