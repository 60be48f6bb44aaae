/*
 * test_glibc_threads: Debian's own thread library on yomi. This program
 * is linked with the host's static i386 glibc (Debian 12's 2.36, from
 * gcc-multilib), not yomi's C library: pthread_create (clone3, ENOSYS
 * here, then clone with the thread flags, the TLS descriptor and the tid
 * words), pthread_join (a futex wait on the tid word), mutexes and
 * condition variables (futex WAIT/WAKE, FUTEX_WAIT_BITSET with an absolute
 * timeout), pthread_kill (tgkill) and exit from one thread. It prints the
 * same TAP lines as yomi's test programs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 4
#define ROUNDS 20000

static int tests, failures;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++tests, what);
	failures += !cond;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter, turn;
static pid_t tids[NTHREADS];
static volatile pid_t handled_in;

/* adder: ROUNDS increments under the mutex, yielding now and then so the
 * threads meet on the lock; its tid, and its number back as the result */
static void *adder(void *arg)
{
	long i, n = (long)arg;

	tids[n] = syscall(SYS_gettid);
	for (i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		if (i % 1000 == 0)
			sched_yield();
	}
	return (void *)(n * 10);
}

/* ping: waits on the condition variable for its turn, then passes it on */
static void *ping(void *arg)
{
	long me = (long)arg, k;

	for (k = 0; k < 50; k++) {
		pthread_mutex_lock(&lock);
		while (turn % 2 != me)
			pthread_cond_wait(&cond, &lock);
		turn++;
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void on_usr1(int sig)
{
	(void)sig;
	handled_in = syscall(SYS_gettid);
}

static void *wait_for_signal(void *arg)
{
	(void)arg;
	*(pid_t *)arg = syscall(SYS_gettid);
	while (!handled_in)
		usleep(1000);
	return NULL;
}

static void *ends_early(void *arg)
{
	(void)arg;
	pthread_exit((void *)7);
}

int main(void)
{
	pthread_t t[NTHREADS], a, b;
	struct sigaction sa;
	struct timespec ts;
	void *ret;
	long i, sum = 0;
	int distinct = 1, r;
	pid_t sig_tid = 0;

	setvbuf(stdout, NULL, _IONBF, 0);
	for (i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, adder, (void *)i);
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(t[i], &ret);
		sum += (long)ret;
	}
	ok(counter == NTHREADS * ROUNDS, "4 threads, a mutex: no increment lost");
	ok(sum == 60, "pthread_join returns each thread's result");
	for (i = 0; i < NTHREADS; i++)
		distinct &= tids[i] > 0 && tids[i] != getpid() && (i == 0 || tids[i] != tids[i - 1]);
	ok(distinct, "each thread has its own tid, none the pid");

	pthread_create(&a, NULL, ping, (void *)0);
	pthread_create(&b, NULL, ping, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	ok(turn == 100, "two threads take turns through a condition variable");

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 50000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&lock);
	r = pthread_cond_timedwait(&cond, &lock, &ts);
	pthread_mutex_unlock(&lock);
	ok(r == ETIMEDOUT, "pthread_cond_timedwait: ETIMEDOUT");

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	pthread_create(&a, NULL, wait_for_signal, &sig_tid);
	while (!sig_tid)
		usleep(1000);
	pthread_kill(a, SIGUSR1);
	pthread_join(a, NULL);
	ok(handled_in == sig_tid, "pthread_kill: the handler runs in that thread");

	pthread_create(&a, NULL, ends_early, NULL);
	pthread_join(a, &ret);
	ok(ret == (void *)7, "pthread_exit's value reaches pthread_join");

	printf("1..%d\n# test_glibc_threads: %d passed, %d failed\n", tests, tests - failures,
	       failures);
	return failures;
}
