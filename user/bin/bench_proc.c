/*
 * bench_proc: process costs, in timestamp ticks: fork + exit + wait,
 * fork + execve (this program, which exits at once) + exit + wait, and a
 * one-byte round trip between two processes over a pair of pipes.
 * Each line starts with "bench: ". No figure is checked here.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static void forks(int rounds)
{
	uint64_t t0 = rdtsc();
	int r, status;
	long pid;

	for (r = 0; r < rounds; r++) {
		pid = syscall(__NR_fork);
		if (pid == 0)
			_exit(0);
		syscall(__NR_wait4, pid, &status, 0, 0);
	}
	printf("bench: fork+exit+wait: %llu ticks/fork\n",
	       (unsigned long long)((rdtsc() - t0) / rounds));
}

static void fork_execs(const char *self, int rounds)
{
	char *argv[] = { (char *)self, "exit", NULL }, *envp[] = { NULL };
	uint64_t t0 = rdtsc();
	int r, status;
	long pid;

	for (r = 0; r < rounds; r++) {
		pid = syscall(__NR_fork);
		if (pid == 0) {
			syscall(__NR_execve, self, argv, envp);
			_exit(127);
		}
		syscall(__NR_wait4, pid, &status, 0, 0);
		if (status != 0) {
			printf("bench: fork+execve: the child ended with status %#x\n", status);
			return;
		}
	}
	printf("bench: fork+execve+exit+wait: %llu ticks/fork\n",
	       (unsigned long long)((rdtsc() - t0) / rounds));
}

static void ping_pong(int rounds)
{
	int there[2], back[2], r, status;
	uint64_t t0;
	long pid;
	char c = 'x';

	pipe(there);
	pipe(back);
	pid = syscall(__NR_fork);
	if (pid == 0) {
		close(there[1]);	/* so that the parent's close ends the loop */
		close(back[0]);
		while (read(there[0], &c, 1) == 1)
			write(back[1], &c, 1);
		_exit(0);
	}
	close(there[0]);
	close(back[1]);
	t0 = rdtsc();
	for (r = 0; r < rounds; r++) {
		write(there[1], &c, 1);
		read(back[0], &c, 1);
	}
	printf("bench: pipe ping-pong: %llu ticks/round trip\n",
	       (unsigned long long)((rdtsc() - t0) / rounds));
	close(there[1]);
	syscall(__NR_wait4, pid, &status, 0, 0);
	close(back[0]);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exit"))
		return 0;
	forks(200);
	fork_execs(argv[0], 100);
	ping_pong(2000);
	return 0;
}
