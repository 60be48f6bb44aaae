/*
 * test_sh_binary: yomi's /bin/sh refuses to run a binary the kernel cannot
 * execute ("cannot execute binary file", status 126), as bash does, rather
 * than reading its bytes as commands; a text file without "#!" still runs
 * as a shell script (the kernel says ENOEXEC, execvp hands it to sh).
 */
#include "sys.h"

#define DIR "/tmp/test_sh_binary"

/* an x86-64 ELF header: well-formed, but not a program i386 can run */
static const unsigned char elf64[64] = {
	0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 62, 0, 1,
};

static void make_file(const char *path, const void *data, size_t len)
{
	int fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);

	if (fd >= 0) {
		write(fd, data, len);
		close(fd);
	}
}

/* sh_run: /bin/sh with args; its stdout and stderr in out; the status */
static int sh_run(const char *a1, const char *a2, char *out, size_t size)
{
	char *argv[] = { "sh", (char *)a1, (char *)a2, NULL };
	int p[2], status;
	ssize_t n, len = 0;
	pid_t pid;

	pipe(p);
	pid = sys_fork();
	if (pid == 0) {
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		sys_execve("/bin/sh", argv, environ);
		_exit(127);
	}
	close(p[1]);
	while ((n = read(p[0], out + len, size - 1 - len)) > 0)
		len += n;
	out[len] = '\0';
	close(p[0]);
	status = wait_for(pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
	char out[256];

	sys_mkdir("/tmp", 01777);
	sys_mkdir(DIR, 0755);
	make_file(DIR "/elf64", elf64, sizeof(elf64));
	make_file(DIR "/text", "echo from a text file\n", 22);
	expect_errno(sys_execve(DIR "/elf64", (char *[]){ DIR "/elf64", NULL }, environ), ENOEXEC,
		     "the kernel refuses an x86-64 ELF file: ENOEXEC");
	expect_eq(sh_run("-c", DIR "/elf64", out, sizeof(out)), 126,
		  "sh -c FILE: status 126");
	ok(strstr(out, "cannot execute binary file") != NULL, "with \"cannot execute binary file\"");
	if (!strstr(out, "cannot execute binary file"))
		printf("#   sh said: %s", out);
	expect_eq(sh_run(DIR "/elf64", NULL, out, sizeof(out)), 126, "sh FILE: status 126");
	ok(strstr(out, "cannot execute binary file") != NULL, "with the same message");
	expect_eq(sh_run("-c", DIR "/text", out, sizeof(out)), 0,
		  "a text file without #! runs as a script");
	ok(!strcmp(out, "from a text file\n"), "and says what it says");
	return tap_done();
}
