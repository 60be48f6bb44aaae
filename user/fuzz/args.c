/*
 * args.c: typed arguments for random system calls, as trinity and
 * syzkaller make them. The types come from the kernel itself: the build
 * reads the SYSCALL_METADATA records out of yomi.elf (tools/syscallmeta.py)
 * into syscalls.h, one SYSCALL_META(nr, name, nargs, {type, name}...) line
 * per call. arg_kind tells a descriptor from a path, a buffer, a length,
 * flags or a pid by the parameter's type and name; gen_arg then mixes
 * valid values (an open descriptor, an existing path, a buffer of the right
 * size) with hostile ones (NULL, kernel addresses, the vDSO page, a buffer
 * that runs into an unmapped page, huge lengths, every flag bit).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "fuzz.h"

#define SYSCALL_META(nr, name, n, ...) { nr, name, n, __VA_ARGS__ },
const struct fuzz_syscall fuzz_syscalls[] = {
#include "syscalls.h"
};
const unsigned int nr_fuzz_syscalls = sizeof(fuzz_syscalls) / sizeof(fuzz_syscalls[0]);

static uint64_t state;

void rnd_seed(uint64_t seed)
{
	state = seed * 0x9e3779b97f4a7c15ULL + 1;
}

/* rnd: xorshift64*, small and good enough to pick arguments */
uint32_t rnd(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 0x2545f4914f6cdd1dULL) >> 32);
}

uint32_t rnd_below(uint32_t n)
{
	return n ? rnd() % n : 0;
}

int one_in(uint32_t n)
{
	return rnd_below(n) == 0;
}

static int name_is(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

/* arg_kind: what a parameter is, from its declared type and name */
enum kind arg_kind(const struct param *p)
{
	static const char *const fds[] = { "fd", "oldfd", "newfd", "dfd", "fildes", NULL };
	static const char *const paths[] = { "filename", "pathname", "path", "oldname",
					     "newname", NULL };
	static const char *const lens[] = { "count", "len", "size", "bufsiz", "length",
					    "old_len", "new_len", "vlen", "sigsetsize", NULL };
	static const char *const addrs[] = { "addr", "start", "brk", "new_addr", "newsp",
					     "tls", NULL };
	static const char *const pids[] = { "pid", "upid", "pgid", NULL };

	if (strchr(p->type, '*')) {
		if (strstr(p->type, "*const *"))
			return K_ARGV;
		if (!strcmp(p->type, "const char *") && name_is(p->name, paths))
			return K_PATH;
		return strncmp(p->type, "const ", 6) ? K_BUF_OUT : K_BUF_IN;
	}
	if (name_is(p->name, fds))
		return K_FD;
	if (name_is(p->name, lens))
		return K_LEN;
	if (name_is(p->name, addrs))
		return K_ADDR;
	if (name_is(p->name, pids))
		return K_PID;
	if (!strcmp(p->name, "sig"))
		return K_SIG;
	if (!strcmp(p->name, "mode"))
		return K_MODE;
	if (strstr(p->name, "flag") || name_is(p->name, (const char *const[]){ "prot",
		   "options", "how", "mask", "cmd", "behavior", "personality", "resource",
		   "whence", "which_clock", "arg", "offset", "pgoff", NULL }))
		return K_FLAGS;
	return K_INT;
}

/* hostile: a pointer no call may use (nor crash the kernel with) */
static long hostile(char *how)
{
	static const unsigned long bad[] = {
		0, 0xc0000000, 0xc0100000, 0xffffe000, 0xfffff000, 0xffffffff,
		0x10000000, 0xbffffffc,
	};
	unsigned long v;

	if (one_in(4))
		return (long)world_edge(how);
	v = bad[rnd_below(sizeof(bad) / sizeof(bad[0]))];
	sprintf(how, "bad %#lx", v);
	return (long)v;
}

static long gen_len(char *how)
{
	static const unsigned long lens[] = {
		0, 1, 2, 4, 7, 64, 511, 4095, 4096, 4097, 65536, 0x7fffffff, 0x80000000,
		0xfffff000, 0xffffffff,
	};
	unsigned long v = one_in(3) ? rnd_below(8192) : lens[rnd_below(sizeof(lens) / sizeof(lens[0]))];

	sprintf(how, "%lu", v);
	return (long)v;
}

/* hex: v, logged as a hexadecimal number */
static long hex(char *how, unsigned long v)
{
	sprintf(how, "%#lx", v);
	return (long)v;
}

static long gen_addr(char *how)
{
	unsigned long len, v;

	switch (rnd_below(6)) {
	case 0:
		return hostile(how);
	case 1:
		return hex(how, rnd());
	case 2:			/* the page of a buffer: mprotect or munmap it */
		v = (unsigned long)world_buffer(&len) & ~4095UL;
		sprintf(how, "bufpage %lu", len);
		return (long)v;
	default:
		return hex(how, SCRATCH_BASE + (rnd_below(SCRATCH_SIZE) & ~4095UL));
	}
}

static long gen_flags(char *how)
{
	switch (rnd_below(5)) {
	case 0:
		return hex(how, 0);
	case 1:
		return hex(how, 1UL << rnd_below(32));
	case 2:
		return hex(how, rnd_below(16));
	case 3:
		return hex(how, ~0UL);
	default:
		return hex(how, rnd() & rnd());
	}
}

/* gen_pid: any pid but the ones the fuzzer must not kill (see make_call) */
static long gen_pid(char *how)
{
	static const long pids[] = { 0, 1, -1, 2, 3, 100, 32767, 32768, -32768, 0x7fffffff };
	long v = one_in(2) ? getpid() : pids[rnd_below(sizeof(pids) / sizeof(pids[0]))];

	sprintf(how, "%ld", v);
	return v;
}

static long gen_buf(char *how)
{
	unsigned long len;
	char *p;

	if (one_in(5))
		return hostile(how);
	p = world_buffer(&len);
	sprintf(how, "buf %lu", len);
	return (long)p;
}

/* gen_argv: an argument vector of one or two paths ("argv \"a\" \"b\"") */
static long gen_argv(char *how)
{
	static const char *argv[3];
	char one[40], two[40] = "";

	if (one_in(4))
		return hostile(how);
	argv[0] = world_path();
	argv[1] = one_in(2) ? world_path() : NULL;
	describe_path(argv[0], one, sizeof(one));
	if (argv[1])
		describe_path(argv[1], two, sizeof(two));
	sprintf(how, "argv %s%s%s", one, argv[1] ? " " : "", two);
	return (long)argv;
}

/* reads_only: calls that only look at a path, which may be any path */
static int reads_only(const char *name)
{
	static const char *const calls[] = { "stat64", "lstat64", "fstatat64", "access",
		"faccessat", "readlink", "readlinkat", "execve", NULL };

	return name_is(name, calls);
}

static long gen_arg(const char *call, enum kind k, char *how)
{
	long v;

	switch (k) {
	case K_FD:
		v = world_fd();
		sprintf(how, "fd %ld", v);
		return v;
	case K_PATH:
		if (one_in(6))
			return hostile(how);
		v = (long)(reads_only(call) ? world_path_readonly() : world_path());
		describe_path((const char *)v, how, sizeof(((struct call *)0)->how[0]));
		return v;
	case K_ARGV:
		return gen_argv(how);
	case K_BUF_IN:
	case K_BUF_OUT:
		return gen_buf(how);
	case K_LEN:
		return gen_len(how);
	case K_ADDR:
		return gen_addr(how);
	case K_FLAGS:
		return gen_flags(how);
	case K_MODE:
		v = one_in(2) ? 0644 : (long)rnd();
		sprintf(how, "%#lo", (unsigned long)v);
		return v;
	case K_PID:
		return gen_pid(how);
	case K_SIG:
		v = rnd_below(66);
		sprintf(how, "%ld", v);
		return v;
	default:
		v = one_in(2) ? (long)rnd_below(16) : (long)rnd();
		sprintf(how, "%ld", v);
		return v;
	}
}

/* forbidden: calls the fuzzer never makes, to keep its own run alive */
static int forbidden(const struct call *c)
{
	const char *n = c->sc->name;
	int i;

	for (i = 0; i < c->sc->nargs; i++)
		if (arg_kind(&c->sc->p[i]) == K_FD && c->arg[i] == LOG_FD)
			return 1;
	if (!strcmp(n, "kill"))		/* never init, nor everyone (-1), nor our parent */
		return c->arg[0] == 1 || c->arg[0] == -1 || c->arg[0] == getppid() ||
		       c->arg[0] == -getppid();
	if (!strcmp(n, "setsid") || !strcmp(n, "setpgid"))	/* stay in our process group */
		return 1;
	/* sigreturn without a frame loads registers from whatever the stack
	 * holds: the child goes on at a return address with random registers
	 * and can run wild for its whole time limit (test_sigframe_bad
	 * covers bad frames) */
	if (!strcmp(n, "sigreturn") || !strcmp(n, "rt_sigreturn"))
		return 1;
	return !strcmp(n, "reboot");
}

/* make_call: a random call from the kernel's table, with typed arguments */
void make_call(struct call *c)
{
	int i;

	do {
		c->sc = &fuzz_syscalls[rnd_below(nr_fuzz_syscalls)];
		for (i = 0; i < 6; i++) {
			if (i < c->sc->nargs) {
				c->arg[i] = gen_arg(c->sc->name, arg_kind(&c->sc->p[i]),
						    c->how[i]);
			} else {
				c->arg[i] = (long)rnd();
				c->how[i][0] = 0;
			}
		}
	} while (forbidden(c));
}

/*
 * log_call: the call about to be made, as one line on fd (unbuffered, so
 * it is out before a kernel that dies in the call can lose it):
 *     fuzz: [17] read(fd=fd 3 <0x3>, buf=buf 512 <0x4001a000>, count=512 <0x200>)
 * tools/fuzz2c.py turns these lines back into a C program.
 */
void log_call(int fd, const struct call *c, unsigned long index)
{
	char line[512];
	int n, i;

	n = snprintf(line, sizeof(line), "fuzz: [%lu] %s/%d(", index, c->sc->name, c->sc->nr);
	for (i = 0; i < c->sc->nargs; i++)
		n += snprintf(line + n, sizeof(line) - n, "%s%s=%s <%#lx>", i ? ", " : "",
			      c->sc->p[i].name, c->how[i], (unsigned long)c->arg[i]);
	n += snprintf(line + n, sizeof(line) - n, ")\n");
	write(fd, line, n);
}

void log_result(int fd, unsigned long index, long ret)
{
	char line[64];

	write(fd, line, snprintf(line, sizeof(line), "fuzz: [%lu] = %ld\n", index, ret));
}
