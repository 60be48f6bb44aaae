/*
 * fuzz.h: what the parts of /bin/fuzz share (user/bin/fuzz.c, the runner;
 * user/fuzz/args.c, typed argument generation; user/fuzz/world.c, the
 * files, buffers and descriptors a child plays with).
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* one system call as the kernel's SYSCALL_METADATA describes it */
struct param {
	const char *type;	/* "const char *" */
	const char *name;	/* "filename" */
};
struct fuzz_syscall {
	int nr;
	const char *name;
	int nargs;
	struct param p[6];
};
extern const struct fuzz_syscall fuzz_syscalls[];
extern const unsigned int nr_fuzz_syscalls;

/* what an argument is, read from its type and name (arg_kind) */
enum kind {
	K_FD, K_PATH, K_ARGV, K_BUF_IN, K_BUF_OUT, K_LEN, K_ADDR, K_FLAGS, K_MODE,
	K_PID, K_SIG, K_INT,
};
enum kind arg_kind(const struct param *p);

/* one generated call: the values, and how each was made (for the log) */
struct call {
	const struct fuzz_syscall *sc;
	long arg[6];
	char how[6][96];	/* "fd 3", "buf 4096", "bad 0xc0000000", "edge 3", ... */
};
void make_call(struct call *c);
void log_call(int fd, const struct call *c, unsigned long index);
void log_result(int fd, unsigned long index, long ret);

/* the random numbers: xorshift64*, seeded per child */
void rnd_seed(uint64_t seed);
uint32_t rnd(void);
uint32_t rnd_below(uint32_t n);
int one_in(uint32_t n);

/* the child's world (world.c) */
#define FUZZ_DIR "/tmp/fuzz"
#define ARENA_SIZE (64 * 1024)	/* valid buffers are carved from here */
#define SCRATCH_BASE 0x50000000UL	/* mmap/munmap/mprotect addresses, mostly */
#define SCRATCH_SIZE 0x01000000UL
#define LOG_FD 60		/* a verbose child's console; no call may touch it */
void world_init(int log);
int world_fd(void);
void world_add_fd(long fd);
const char *world_path(void);
const char *world_path_readonly(void);
void describe_path(const char *path, char *how, size_t size);
char *world_buffer(unsigned long *len);
unsigned long world_edge(char *how);	/* a few bytes before an unmapped page */
void world_snapshot(void);
void world_cleanup(void);

long __syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#endif
