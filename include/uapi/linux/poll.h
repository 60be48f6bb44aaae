/*
 * poll's events (Linux: include/uapi/asm-generic/poll.h): shared by the
 * kernel (fs/select.c) and user programs.
 */
#ifndef _UAPI_LINUX_POLL_H
#define _UAPI_LINUX_POLL_H

#define POLLIN		0x0001	/* there is data to read */
#define POLLPRI		0x0002	/* urgent data (select's exception set) */
#define POLLOUT		0x0004	/* writing would not block */
#define POLLERR		0x0008	/* an error (a pipe without readers) */
#define POLLHUP		0x0010	/* hung up (a pipe without writers) */
#define POLLNVAL	0x0020	/* the descriptor is not open */
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200

struct pollfd {
	int fd;
	short events;		/* what the caller waits for */
	short revents;		/* what happened */
};

#endif
