/*
 * muslprobe: a static program linked against Debian's musl (musl-dev:i386:
 * its crt1.o and libc.a), for the Debian suite (tests/system/test_debian.py
 * builds it with the host's gcc -m32 and runs it on yomi and on Linux).
 * musl starts up differently from glibc (its own TLS set-up with
 * set_thread_area, no vDSO lookup by name beyond clock_gettime) and this
 * exercises it: arguments and environment, stdio with floating point,
 * malloc of a large block (mmap), errno (thread-local) after a failed
 * open, qsort, uname, a thread (musl's pthread_create: clone with
 * CLONE_THREAD and CLONE_SETTLS, joined through the clear-child-tid
 * futex) and a signal handler (musl's sigaction with its own restorer).
 *
 * It includes no header: it declares the few musl functions it calls
 * (their C prototypes, and the i386 ABI's struct utsname and errno
 * location), so it compiles with the host's compiler alone, as the
 * compile database's syntax check does, and needs only musl's crt1.o and
 * libc.a to link.
 */
typedef __SIZE_TYPE__ size_t;

struct utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

int printf(const char *fmt, ...);
char *getenv(const char *name);
void *malloc(size_t n);
void free(void *p);
int open(const char *path, int flags, ...);
char *strerror(int err);
int *__errno_location(void);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
int uname(struct utsname *u);
typedef struct pthread *pthread_t;	/* musl's, in C */
int pthread_create(pthread_t *t, const void *attr, void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **ret);
void (*signal(int sig, void (*handler)(int)))(int);
int raise(int sig);

#define O_RDONLY 0
#define SIGUSR1 10
#define errno (*__errno_location())

static volatile int caught;

static void on_usr1(int sig)
{
	caught = sig;
}

/* worker: a thread's work on the caller's number: six times it, plus one */
static void *worker(void *arg)
{
	int *n = arg;

	*n *= 6;
	return (void *)(long)(*n + 1);
}

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv)
{
	int v[] = { 5, 3, 9, 1, 7 }, i;
	unsigned int sum = 0;
	unsigned char *big = malloc(1 << 20);
	struct utsname u;
	pthread_t t;
	void *res;
	int n = 7;

	printf("musl: %d arguments:", argc - 1);
	for (i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\nMUSL_VAR=%s\n", getenv("MUSL_VAR") ? getenv("MUSL_VAR") : "(unset)");
	printf("2 pi = %.5f, 1e10 / 3 = %g\n", 2 * 3.14159265358979, 1e10 / 3);
	if (!big)
		return 1;
	for (i = 0; i < 1 << 20; i++)
		big[i] = i * 7;
	for (i = 0; i < 1 << 20; i += 4096)
		sum += big[i + 1];
	free(big);
	printf("1 MiB block: checksum %u\n", sum);
	if (open("/nonexistent", O_RDONLY) < 0)
		printf("open /nonexistent: %s (errno %d)\n", strerror(errno), errno);
	qsort(v, 5, sizeof(v[0]), cmp);
	printf("sorted: %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
	if (uname(&u) == 0)
		printf("machine %s\n", u.machine);
	if (pthread_create(&t, 0, worker, &n) == 0 && pthread_join(t, &res) == 0)
		printf("thread: made %d, returned %ld\n", n, (long)res);
	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	printf("signal: the handler caught %d\n", caught);
	return 3;
}
