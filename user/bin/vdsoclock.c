/* vdsoclock [MODE...]: read CLOCK_MONOTONIC three times through the C
 * library, which calls the vDSO's __vdso_clock_gettime when the kernel maps
 * one (vm.vdso_enabled 1 or 2) and the clock_gettime system call when not.
 * With syscall_trace=1 the tracer shows which: a call served by the vDSO
 * never enters the kernel, so it makes no trace line (the vdso lab grades
 * that, labs/vdso). Then, given a MODE, it writes it to vm.vdso_enabled
 * and execs itself with the other MODEs, so that one boot shows the calls
 * in several modes. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void *__vdso_sym(const char *version, const char *name);

/* set_vdso_mode: vm.vdso_enabled = mode, for the next exec */
static int set_vdso_mode(const char *mode)
{
	int fd = open("/proc/sys/vm/vdso_enabled", O_WRONLY);
	int n = fd < 0 ? -1 : write(fd, mode, strlen(mode));

	if (fd >= 0)
		close(fd);
	if (n < 0)
		perror("vdsoclock: /proc/sys/vm/vdso_enabled");
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct timespec t[3];
	int i;

	for (i = 0; i < 3; i++)
		clock_gettime(CLOCK_MONOTONIC, &t[i]);
	printf("vdso: %s\n", __vdso_sym("LINUX_2.6", "__vdso_clock_gettime") ? "yes" : "no");
	for (i = 0; i < 3; i++)
		printf("CLOCK_MONOTONIC %ld.%09ld\n", (long)t[i].tv_sec, t[i].tv_nsec);
	if (argc < 2)
		return 0;
	fflush(stdout);
	if (set_vdso_mode(argv[1]))
		return 1;
	argv[1] = argv[0];
	execv(argv[0], argv + 1);
	perror("vdsoclock: execv");
	return 1;
}
