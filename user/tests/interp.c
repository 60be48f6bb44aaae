/*
 * test_interp: dynamic loading. This program names an interpreter in its
 * PT_INTERP, /lib/ld-yomi.so.1 (user/ldso/ld-yomi.S), which the kernel
 * maps where get_unmapped_area puts a new mapping and starts first; it
 * finds the program's entry in the auxiliary vector and jumps there. So
 * main checks the vector (AT_BASE is the interpreter, AT_PHDR and
 * AT_ENTRY the program) and /proc/self/maps; then, in the legacy layout
 * (personality ADDR_COMPAT_LAYOUT, without randomization) that the
 * interpreter sits at TASK_UNMAPPED_BASE, 0x40000000. Copies of this
 * program with a broken PT_INTERP, and truncated ones, must fail execve
 * with Linux's errors.
 */
#include <linux/elf.h>
#include <sys/auxv.h>
#include "sys.h"

#define INTERP "/lib/ld-yomi.so.1"
#define DIR "/tmp/test_interp"

static const char interp[] __attribute__((section(".interp"), used)) = INTERP;
extern const Elf32_Ehdr __ehdr_start;	/* the linker's: our own ELF header */
extern char _start[];

static char file[64 * 1024];
static ssize_t file_len;

/* the maps line that names path and starts at addr */
static int mapped_at(const char *path, unsigned long addr)
{
	static char maps[16384];
	char want[16], *line;

	if (read_file("/proc/self/maps", maps, sizeof(maps)) < 0)
		return 0;
	snprintf(want, sizeof(want), "%08lx-", addr);
	for (line = maps; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (!strncmp(line, want, 9) && strstr(line, path) &&
		    strstr(line, path) < strchr(line, '\n'))
			return 1;
	return 0;
}

static void report(void)
{
	printf("base=%#lx\n", getauxval(AT_BASE));
}

static void compat_layout(void *arg)
{
	(void)arg;
	sys_personality(ADDR_COMPAT_LAYOUT | ADDR_NO_RANDOMIZE);
}

/* write_program: an executable file holding s */
static void write_program(const char *path, const char *s)
{
	int fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);

	if (fd >= 0) {
		write(fd, s, strlen(s));
		close(fd);
	}
}

/* write a copy of this program, changed by edit, and try to execute it */
static int exec_copy(const char *name, void (*edit)(char *buf, ssize_t *len))
{
	static char buf[sizeof(file)];
	char path[64];
	ssize_t len = file_len;
	int fd, status;
	pid_t pid;

	memcpy(buf, file, file_len);
	edit(buf, &len);
	snprintf(path, sizeof(path), DIR "/%s", name);
	fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	if (fd < 0 || write(fd, buf, len) != len)
		return -1000;
	close(fd);
	pid = sys_fork();
	if (pid == 0) {
		char *argv[] = { path, NULL };

		sys_execve(path, argv, environ);
		_exit(errno);
	}
	status = wait_for(pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static Elf32_Phdr *interp_phdr(char *buf)
{
	Elf32_Ehdr *eh = (Elf32_Ehdr *)buf;
	Elf32_Phdr *ph = (Elf32_Phdr *)(buf + eh->e_phoff);
	int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			return &ph[i];
	return NULL;
}

static void missing(char *buf, ssize_t *len)
{
	(void)len;
	memcpy(buf + interp_phdr(buf)->p_offset, "/lib/ld-none.so.1", sizeof(INTERP));
}

static void not_elf(char *buf, ssize_t *len)
{
	(void)len;
	memcpy(buf + interp_phdr(buf)->p_offset, DIR "/txt", sizeof(DIR "/txt"));
	interp_phdr(buf)->p_filesz = sizeof(DIR "/txt");
}

static void short_interp(char *buf, ssize_t *len)
{
	(void)len;
	memcpy(buf + interp_phdr(buf)->p_offset, DIR "/elf", sizeof(DIR "/elf"));
	interp_phdr(buf)->p_filesz = sizeof(DIR "/elf");
}

static void too_long(char *buf, ssize_t *len)
{
	(void)len;
	interp_phdr(buf)->p_filesz = 4097;
}

static void unterminated(char *buf, ssize_t *len)
{
	(void)len;
	interp_phdr(buf)->p_filesz = 5;
}

static void truncated_header(char *buf, ssize_t *len)
{
	(void)buf;
	*len = 40;
}

static void truncated_phdrs(char *buf, ssize_t *len)
{
	*len = ((Elf32_Ehdr *)buf)->e_phoff + 40;
}

static void test_bad_input(const char *self)
{
	int fd = sys_open(self, O_RDONLY, 0);

	file_len = fd < 0 ? -1 : read(fd, file, sizeof(file));
	if (fd >= 0)
		close(fd);
	if (file_len <= 0 || file_len == sizeof(file)) {
		ok(0, "read this program (%ld bytes)", (long)file_len);
		return;
	}
	sys_mkdir("/tmp", 01777);
	sys_mkdir(DIR, 0755);
	write_program(DIR "/txt", "a text file, longer than the 52 bytes of an ELF header\n");
	write_program(DIR "/elf", "\177ELF");
	expect_eq(exec_copy("missing", missing), ENOENT, "an interpreter that is missing: ENOENT");
	expect_eq(exec_copy("not_elf", not_elf), ELIBBAD, "an interpreter that is not ELF: ELIBBAD");
	expect_eq(exec_copy("short", short_interp), EIO,
		  "an interpreter shorter than an ELF header: EIO");
	expect_eq(exec_copy("too_long", too_long), ENOEXEC,
		  "a PT_INTERP longer than PATH_MAX: ENOEXEC");
	expect_eq(exec_copy("unterminated", unterminated), ENOEXEC,
		  "a PT_INTERP without its NUL: ENOEXEC");
	expect_eq(exec_copy("trunc_header", truncated_header), ENOEXEC,
		  "a file cut inside its ELF header: ENOEXEC");
	expect_eq(exec_copy("trunc_phdrs", truncated_phdrs), ENOEXEC,
		  "a file cut inside its program headers: ENOEXEC");
}

int main(int argc, char **argv)
{
	const char *args[] = { "report", NULL };
	unsigned long base = getauxval(AT_BASE);
	char out[64];

	if (argc > 1 && !strcmp(argv[1], "report")) {
		report();
		return 0;
	}
	ok(base && !(base & 0xfff), "AT_BASE is the interpreter's page-aligned address (%#lx)",
	   base);
	expect_eq(getauxval(AT_ENTRY), (long)_start, "AT_ENTRY is the program's own entry");
	expect_eq(getauxval(AT_PHDR), (long)&__ehdr_start + __ehdr_start.e_phoff,
		  "AT_PHDR is where the program headers are mapped");
	expect_eq(getauxval(AT_PHNUM), __ehdr_start.e_phnum, "AT_PHNUM counts them");
	ok(mapped_at(INTERP, base), "/proc/self/maps shows " INTERP " at AT_BASE");
	ok(base >= 0x40000000 && base < 0xc0000000, "the top-down layout puts it high (%#lx)",
	   base);
	expect_exit(run_self(argv[0], args, compat_layout, NULL, out, sizeof(out)), 0,
		    "the legacy layout");
	ok(!strcmp(out, "base=0x40000000\n"), "puts the interpreter at 0x40000000");
	if (strcmp(out, "base=0x40000000\n"))
		printf("#   it said: %s", out);
	test_bad_input(argv[0]);
	return tap_done();
}
