/*
 * test_startup: what execve builds for a new program, as crt0 and main
 * see it (the exec lab's tests: docs/labs/exec.md).
 *
 * stack:    argc, argv[] ending with NULL, envp[] right after it (and
 *           environ pointing there), the strings above them in order, the
 *           stack pointer 16-byte aligned; /proc/self/cmdline shows
 *           argv's strings; a re-exec gets exactly its argv/envp.
 * auxv:     Linux's entries for the program itself: AT_PAGESZ 4096,
 *           AT_PHDR/AT_PHENT/AT_PHNUM describing the loaded program
 *           headers, AT_ENTRY its entry point, AT_RANDOM 16 bytes on the
 *           stack, AT_EXECFN the path, AT_PLATFORM uname's machine;
 *           getauxval of a type that is not there gives 0 and ENOENT.
 * segments: the PT_LOAD segments are private mappings of the file at their
 *           page offsets, with their rights; the bss is zero, also in the
 *           last page of file data (a tiny hand-made ELF checks it).
 * checks:   tiny ELF files whose segments cannot be mapped as they say
 *           (file and address offsets that differ within a page, a file
 *           size over the memory size, an end above TASK_SIZE) kill the
 *           process instead of running; an argument over MAX_ARG_STRLEN
 *           is E2BIG, and the caller goes on.
 */
#include <stdint.h>
#include <linux/elf.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <stdlib.h>
#include "sys.h"

#define DIR "/tmp/test_startup"
#define TINY_BASE 0x08048000UL

extern const unsigned char __ehdr_start[];	/* the ELF header, from the linker */
void _start(void);

static const Elf32_Ehdr *const self = (const Elf32_Ehdr *)__ehdr_start;
static int initialized = 42;			/* in the data segment */
static unsigned char bss[3 * 4096];		/* the first of the bss */

static int str_list_is(const char *buf, ssize_t len, char **list)
{
	ssize_t at = 0;
	int i;

	for (i = 0; list[i]; i++) {
		size_t n = strlen(list[i]) + 1;

		if (at + (ssize_t)n > len || memcmp(buf + at, list[i], n))
			return 0;
		at += n;
	}
	return at == len;
}

/* the argument strings follow one another, then the environment's */
static int strings_in_order(int argc, char **argv, char **envp)
{
	char *next = argv[0];
	int i;

	for (i = 0; i < argc; next = argv[i] + strlen(argv[i]) + 1, i++)
		if (argv[i] != next)
			return 0;
	for (i = 0; envp[i]; next = envp[i] + strlen(envp[i]) + 1, i++)
		if (envp[i] != next)
			return 0;
	return 1;
}

/* child: exit 0 when argv and envp are exactly what test_reexec passes */
static int child_check(int argc, char **argv, char **envp)
{
	return !(argc == 4 && !strcmp(argv[1], "--child") && !strcmp(argv[2], "two words") &&
		 !strcmp(argv[3], "") && argv[4] == NULL && !strcmp(envp[0], "A=1") &&
		 !strcmp(envp[1], "EMPTY=") && envp[2] == NULL);
}

static void test_stack(int argc, char **argv, char **envp)
{
	static char buf[4096];
	ssize_t n;
	int i, strings = 1;

	ok(argc >= 1, "stack: argc is at least 1 (%d)", argc);
	ok(argv[argc] == NULL, "stack: argv[argc] is NULL");
	for (i = 0; i < argc; i++)
		if (!argv[i])
			strings = 0;
	ok(strings && argv[0][0], "stack: argv[0..argc-1] are strings, argv[0] \"%s\"",
	   strings ? argv[0] : "?");
	ok(envp == argv + argc + 1, "stack: envp follows argv's NULL");
	ok(environ == envp, "stack: environ is envp");
	for (i = 0; envp[i]; i++)
		;
	printf("# %d environment strings\n", i);
	ok(((uintptr_t)(argv - 1) & 15) == 0, "stack: the stack pointer at _start (%p) is 16-byte "
	   "aligned", (void *)(argv - 1));
	ok(strings_in_order(argc, argv, envp) && (uintptr_t)argv[0] > (uintptr_t)(envp + i),
	   "stack: the strings lie above the pointers, argv's then envp's, in order");
	n = read_file("/proc/self/cmdline", buf, sizeof(buf));
	ok(n > 0 && str_list_is(buf, n, argv), "stack: /proc/self/cmdline is argv's strings");
}

static void test_reexec(const char *path)
{
	char *argv[] = { (char *)path, "--child", "two words", "", NULL };
	char *envp[] = { "A=1", "EMPTY=", NULL };
	int status = -1;
	pid_t pid = sys_fork();

	if (pid == 0) {
		sys_execve(path, argv, envp);
		_exit(126);
	}
	if (pid > 0)
		status = wait_for(pid);
	expect_exit(status, 0, "stack: execve passes argv (with an empty string) and envp exactly");
}

static void test_auxv(const char *path)
{
	const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const char *platform = (const char *)getauxval(AT_PLATFORM);
	struct utsname u;
	int i, nonzero = 0;

	expect_eq(getauxval(AT_PAGESZ), 4096, "auxv: AT_PAGESZ is 4096");
	expect_eq(getauxval(AT_ENTRY), (long)(uintptr_t)_start, "auxv: AT_ENTRY is _start");
	expect_eq(getauxval(AT_PHDR), (long)(uintptr_t)(__ehdr_start + self->e_phoff),
		  "auxv: AT_PHDR points at the loaded program headers");
	expect_eq(getauxval(AT_PHENT), self->e_phentsize, "auxv: AT_PHENT is e_phentsize (32)");
	expect_eq(getauxval(AT_PHNUM), self->e_phnum, "auxv: AT_PHNUM is e_phnum");
	ok(!memcmp(__ehdr_start, "\177ELF\1\1\1", 7), "auxv: the ELF header is mapped at %p",
	   (const void *)__ehdr_start);
	ok(random && (uintptr_t)random > (uintptr_t)&random && (uintptr_t)random < 0xc0000000,
	   "auxv: AT_RANDOM points into the stack, above the pointers (%p)", (const void *)random);
	for (i = 0; random && i < 16; i++)
		nonzero += random[i] != 0;
	ok(nonzero >= 8, "auxv: AT_RANDOM's 16 bytes are random (%d of them nonzero)", nonzero);
	ok(execfn && !strcmp(execfn, path), "auxv: AT_EXECFN is the path execve was given");
	ok(platform && uname(&u) == 0 && !strcmp(platform, u.machine),
	   "auxv: AT_PLATFORM is uname's machine (\"%s\")", platform ? platform : "(none)");
	errno = 0;
	expect_eq(getauxval(12345), 0, "auxv: getauxval of an absent type returns 0");
	expect_eq(errno, ENOENT, "auxv: and sets errno to ENOENT");
}

/* the /proc/self/maps line of the area holding addr (NUL-terminated in line) */
static int maps_line(const void *addr, char *line, size_t size)
{
	static char maps[16384];
	unsigned long a = (unsigned long)addr;
	char *p;

	if (read_file("/proc/self/maps", maps, sizeof(maps)) < 0)
		return 0;
	for (p = maps; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
		char *dash;
		unsigned long start = strtoul(p, &dash, 16), end = strtoul(dash + 1, NULL, 16);
		size_t n = strchr(p, '\n') ? (size_t)(strchr(p, '\n') - p) : strlen(p);

		if (*dash == '-' && a >= start && a < end) {
			n = n < size - 1 ? n : size - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			return 1;
		}
	}
	return 0;
}

/* the PT_LOAD segment of this program that holds addr */
static const Elf32_Phdr *segment_of(const void *addr)
{
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(__ehdr_start + self->e_phoff);
	unsigned long a = (unsigned long)addr;
	int i;

	for (i = 0; i < self->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && a >= ph[i].p_vaddr && a < ph[i].p_vaddr + ph[i].p_memsz)
			return &ph[i];
	return NULL;
}

/* the area of addr is a mapping of path at its segment's page offset, with
 * perms; why (size bytes) says what was found when it is not */
static int mapped_from_file(const void *addr, const char *perms, const char *path, char *why,
			    size_t size)
{
	const Elf32_Phdr *ph = segment_of(addr);
	char line[256], want[64];

	snprintf(why, size, "no segment or /proc/self/maps line for %p", addr);
	if (!ph || !maps_line(addr, line, sizeof(line)))
		return 0;
	snprintf(want, sizeof(want), " %s %08lx ", perms, (unsigned long)ph->p_offset & ~0xfffUL);
	if (strstr(line, want) && strstr(line, path) && !strcmp(strstr(line, path), path))
		return 1;
	snprintf(why, size, "%s\n#   want \"%s\" and %s", line, want, path);
	return 0;
}

/*
 * write_tiny: an ELF file of one PT_LOAD segment at offset 0 whose code
 * exits with 42, or with 1 if the byte just after the file data is not 0
 * (the file goes on with 0xff bytes). The code is there twice, SHIFT
 * bytes apart, so that a loader that ignores a shift of the segment by
 * SHIFT bytes still finds code to run. edit changes the headers.
 */
#define SHIFT 32
static int write_tiny(const char *path, void (*edit)(Elf32_Phdr *ph, Elf32_Ehdr *eh))
{
	static const unsigned char code[] = {
		0x31, 0xdb,				/* xor %ebx, %ebx */
		0x43,					/* inc %ebx */
		0x80, 0x3d, 0, 0, 0, 0, 0,		/* cmpb $0, probe */
		0x75, 0x05,				/* jne 1f */
		0xbb, 42, 0, 0, 0,			/* mov $42, %ebx */
		0x31, 0xc0, 0x40,			/* 1: xor %eax, %eax; inc %eax */
		0xcd, 0x80,				/* int $0x80: exit(ebx) */
	};
	static unsigned char file[512];
	Elf32_Ehdr *eh = (Elf32_Ehdr *)file;
	Elf32_Phdr *ph = (Elf32_Phdr *)(file + sizeof(*eh));
	unsigned long at = sizeof(*eh) + sizeof(*ph) + SHIFT, filesz = at + 2 * SHIFT;
	unsigned long probe = TINY_BASE + filesz;
	int fd;

	memset(file, 0xff, sizeof(file));
	memset(file, 0, sizeof(*eh) + sizeof(*ph));
	memcpy(eh->e_ident, "\177ELF\1\1\1", 7);
	eh->e_type = ET_EXEC;
	eh->e_machine = EM_386;
	eh->e_version = 1;
	eh->e_entry = TINY_BASE + at;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 1;
	ph->p_type = PT_LOAD;
	ph->p_vaddr = ph->p_paddr = TINY_BASE;
	ph->p_filesz = filesz;
	ph->p_memsz = 0x2000;
	ph->p_flags = PF_R | PF_W | PF_X;
	ph->p_align = 0x1000;
	memcpy(file + at, code, sizeof(code));
	memcpy(file + at + 5, &probe, 4);
	memcpy(file + at + SHIFT, file + at, sizeof(code));
	if (edit)
		edit(ph, eh);
	fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd < 0 || write(fd, file, sizeof(file)) != (ssize_t)sizeof(file))
		return -1;
	close(fd);
	return 0;
}

/* run_tiny: the wait status of a child that executes the tiny file */
static int run_tiny(const char *name, void (*edit)(Elf32_Phdr *ph, Elf32_Ehdr *eh))
{
	char path[64];
	pid_t pid;

	snprintf(path, sizeof(path), DIR "/%s", name);
	if (write_tiny(path, edit) < 0)
		return -1;
	pid = sys_fork();
	if (pid == 0) {
		char *argv[] = { path, NULL };

		sys_execve(path, argv, environ);
		_exit(126);
	}
	return pid < 0 ? -1 : wait_for(pid);
}

/* shifted: no bss (so nothing needs zeroing), and p_vaddr SHIFT bytes on */
static void shifted(Elf32_Phdr *ph, Elf32_Ehdr *eh)
{
	ph->p_memsz = ph->p_filesz;
	ph->p_vaddr += SHIFT;
	ph->p_paddr += SHIFT;
	eh->e_entry += SHIFT;
}

static void file_over_memory(Elf32_Phdr *ph, Elf32_Ehdr *eh)
{
	(void)eh;
	ph->p_memsz = ph->p_filesz - 16;
}

static void past_task_size(Elf32_Phdr *ph, Elf32_Ehdr *eh)
{
	eh->e_entry += 0xbffff000 - TINY_BASE;
	ph->p_vaddr = ph->p_paddr = 0xbffff000;
}

static int killed(int status, const char *what)
{
	int cond = status != -1 && WIFSIGNALED(status);

	ok(cond, "checks: %s: the process is killed", what);
	if (!cond)
		describe_status(status);
	return cond;
}

static void test_segments(const char *path)
{
	char why[384];
	int i, zero = 1;

	if (!ok(mapped_from_file(_start, "r-xp", path, why, sizeof(why)),
		"segments: the text is a private mapping of the program file, r-x, at its page offset"))
		printf("#   %s\n", why);
	if (!ok(mapped_from_file(&initialized, "rw-p", path, why, sizeof(why)) && initialized == 42,
		"segments: the data is a private writable mapping of the file at its page offset"))
		printf("#   %s\n", why);
	for (i = 0; i < (int)sizeof(bss); i++)
		zero &= bss[i] == 0;
	ok(zero, "segments: the bss (%u bytes at %p) is zero", (unsigned)sizeof(bss), (void *)bss);
	expect_killed(in_child(poke, (void *)_start), SIGSEGV,
		      "segments: a write to the text");
	expect_exit(run_tiny("tiny", NULL), 42,
		    "segments: a tiny ELF runs and finds its bss zero in its last file page");
}

static void test_checks(const char *self)
{
	static char arg[33 * 4096 + 1];		/* one page over MAX_ARG_STRLEN */
	char *argv[] = { (char *)self, arg, NULL };

	killed(run_tiny("shifted", shifted),
	       "a segment whose address and file offset differ within a page");
	killed(run_tiny("over", file_over_memory), "a segment whose p_filesz exceeds its p_memsz");
	killed(run_tiny("high", past_task_size), "a segment that ends above TASK_SIZE");
	/* refused while the strings are copied, before the point of no return */
	memset(arg, 'x', sizeof(arg) - 1);
	expect_errno(sys_execve(self, argv, environ), E2BIG,
		     "checks: an argument over MAX_ARG_STRLEN (128 KiB) gives E2BIG, the caller goes on");
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && !strcmp(argv[1], "--child"))
		return child_check(argc, argv, envp);
	test_stack(argc, argv, envp);
	test_reexec(argv[0]);
	test_auxv(argv[0]);
	sys_mkdir("/tmp", 01777);
	sys_mkdir(DIR, 0755);
	test_segments(argv[0]);
	test_checks(argv[0]);
	return tap_done();
}
