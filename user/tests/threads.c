/*
 * test_threads: threads as a C library makes them. clone with glibc's
 * pthread_create flags (CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|
 * CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|
 * CLONE_CHILD_CLEARTID) starts a thread of the same process: getpid is the
 * same, gettid differs; memory, descriptors, the current directory and
 * signal actions are shared,
 * the signal mask is its own; its TLS segment is clone's; at its end its
 * tid word is cleared and a futex waiter woken (pthread_join). A signal
 * for the process goes to a thread that does not block it, tgkill to the
 * one named; /proc/<pid>/task lists the threads. exit ends one thread,
 * exit_group (or a fatal signal) all; a process whose leader exited is
 * reaped only when its last thread ends, with that thread's status (what
 * Linux 6.1 reports); exec from a thread kills the
 * others and takes the process id. futex: EAGAIN, ETIMEDOUT, EINTR,
 * EINVAL, ENOSYS, the number woken. Bad flag combinations are EINVAL.
 * robust: a thread that ends holding a lock on its set_robust_list list
 * leaves FUTEX_OWNER_DIED in the word, and its waiter is woken.
 */
#include <asm/ldt.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include "sys.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		      CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
#define STACK_SIZE 16384
#define SELECTOR(entry) ((entry) * 8 + 3)

/* raw4: a system call with up to four arguments, the kernel's result as
 * is (-errno): threads share errno, so they do not use syscall() */
static long raw4(long nr, long a, long b, long c, long d)
{
	long ret;

	__asm__ __volatile__("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d)
			     : "memory");
	return ret;
}

static long futex(volatile int *uaddr, int op, int val, const struct timespec *ts)
{
	return raw4(__NR_futex, (long)uaddr, op, val, (long)ts);
}

/*
 * thread_clone: clone(flags, stack, ptid, tls, ctid); the new thread pops
 * fn from its stack and calls it with the argument below it, then ends
 * with exit(fn's result) - what glibc's clone() does for pthread_create.
 */
int thread_clone(unsigned long flags, void *stack, int *ptid, void *tls, int *ctid);
__asm__(".text\n"
	".globl thread_clone\n"
	"thread_clone:\n"
	"	pushl %ebx\n"
	"	pushl %esi\n"
	"	pushl %edi\n"
	"	movl 16(%esp), %ebx\n"
	"	movl 20(%esp), %ecx\n"
	"	movl 24(%esp), %edx\n"
	"	movl 28(%esp), %esi\n"
	"	movl 32(%esp), %edi\n"
	"	movl $120, %eax\n"
	"	int $0x80\n"
	"	testl %eax, %eax\n"
	"	jnz 1f\n"
	"	popl %eax\n"
	"	call *%eax\n"
	"	movl %eax, %ebx\n"
	"	movl $1, %eax\n"
	"	int $0x80\n"
	"	hlt\n"
	"1:	popl %edi\n"
	"	popl %esi\n"
	"	popl %ebx\n"
	"	ret\n");

/* struct thread: one thread of the tiny library: its stack, TLS block and tid words */
struct thread {
	char stack[STACK_SIZE] __attribute__((aligned(16)));
	unsigned int tls[4];
	int ptid;		/* CLONE_PARENT_SETTID */
	volatile int ctid;	/* CLONE_CHILD_SETTID's word, cleared at its end */
};

static int tls_entry = -1;	/* the GDT slot every thread's %gs names */

/* thread_create: start fn(arg) in a new thread (pthread_create); its tid or -errno */
static int thread_create(struct thread *t, unsigned long flags, int (*fn)(void *), void *arg)
{
	unsigned long *sp = (unsigned long *)(t->stack + STACK_SIZE);
	struct user_desc u;

	memset(&u, 0, sizeof(u));
	u.entry_number = tls_entry;
	u.base_addr = (unsigned int)t->tls;
	u.limit = 0xfffff;
	u.seg_32bit = 1;
	u.limit_in_pages = 1;
	u.useable = 1;
	*--sp = (unsigned long)arg;
	*--sp = (unsigned long)fn;
	t->ctid = -1;
	t->ptid = 0;
	fflush(stdout);
	return thread_clone(flags, sp, &t->ptid, &u, (int *)&t->ctid);
}

/* thread_join: sleep on the tid word until the thread's end clears it
 * (pthread_join); the first FUTEX_WAIT's result (0: woken), or 1 if the
 * word was 0 already, -ETIMEDOUT after about two seconds */
static long thread_join(struct thread *t)
{
	struct timespec ts = { 0, 200000000 };
	long first = 1, r;
	int tries, v;

	for (tries = 0; tries < 10 && (v = t->ctid) != 0; tries++) {
		r = futex(&t->ctid, FUTEX_WAIT, v, &ts);
		if (first == 1)
			first = r;
	}
	return t->ctid ? -ETIMEDOUT : first;
}

/* wait_until: poll *word until it is nonzero, at most ms milliseconds */
static int wait_until(volatile int *word, long ms)
{
	long long end = now_ms() + ms;

	while (!*word && now_ms() < end)
		sleep_ms(1);
	return *word;
}

static struct thread t1, t2, t3;

/* --- a thread's view: ids, TLS, sharing ----------------------------------- */

static volatile int seen_pid, seen_tid, seen_ppid, seen_gs_word, shared_counter, pipe_fds[2];

static int get_ids(void *arg)
{
	unsigned int v;

	seen_pid = raw4(__NR_getpid, 0, 0, 0, 0);
	seen_tid = raw4(__NR_gettid, 0, 0, 0, 0);
	seen_ppid = raw4(__NR_getppid, 0, 0, 0, 0);
	__asm__ __volatile__("movl %1, %%gs; movl %%gs:0, %0" : "=r"(v) : "r"(SELECTOR(tls_entry)));
	seen_gs_word = v;
	shared_counter += (int)(long)arg;
	raw4(__NR_pipe, (long)pipe_fds, 0, 0, 0);
	raw4(__NR_chdir, (long)"/proc", 0, 0, 0);
	raw4(__NR_nanosleep, (long)&(struct timespec){ 0, 50000000 }, 0, 0, 0);
	return 0;
}

static void test_ids(void)
{
	char cwd[64];
	long long start;
	int tid;
	long r;

	t1.tls[0] = 0x7e1a7e1a;
	tid = thread_create(&t1, THREAD_FLAGS, get_ids, (void *)5);
	ok(tid > 0 && tid != getpid(), "clone with the thread flags gives a new tid");
	expect_eq(t1.ptid, tid, "CLONE_PARENT_SETTID stored the tid");
	start = now_ms();
	r = thread_join(&t1);
	expect_eq(r, 0, "the join's FUTEX_WAIT on the tid word is woken by the thread's end");
	ok(now_ms() - start < 1000, "the join ends when the thread does");
	expect_eq(t1.ctid, 0, "CLONE_CHILD_CLEARTID cleared the tid word");
	expect_eq(seen_pid, getpid(), "getpid in the thread is the process's");
	expect_eq(seen_tid, tid, "gettid in the thread is its tid");
	expect_eq(seen_ppid, getppid(), "getppid in the thread is the process's parent");
	expect_eq(syscall(__NR_gettid), getpid(), "gettid in the first thread is the pid");
	expect_eq(seen_gs_word, 0x7e1a7e1a, "CLONE_SETTLS: %%gs:0 in the thread reads its TLS block");
	expect_eq(shared_counter, 5, "the thread's store is in the process's memory (CLONE_VM)");
	ok(pipe_fds[0] > 2 && write(pipe_fds[1], "x", 1) == 1,
	   "a pipe the thread opened is the process's (CLONE_FILES)");
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	ok(getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/proc") == 0,
	   "the thread's chdir moved the process (CLONE_FS)");
	chdir("/");
}

/* --- signals: to the process, to one thread --------------------------------- */

static volatile int park, release, ready, handled_usr1_tid, handled_usr2_tid, eintrs;

static void on_usr(int sig)
{
	if (sig == SIGUSR1)
		handled_usr1_tid = raw4(__NR_gettid, 0, 0, 0, 0);
	else
		handled_usr2_tid = raw4(__NR_gettid, 0, 0, 0, 0);
}

/* parked: unblock SIGUSR1 (the creator blocks it), then sleep on a futex
 * until released, counting the EINTRs of handled signals */
static int parked(void *arg)
{
	unsigned long set[2] = { 1UL << (SIGUSR1 - 1), 0 };

	(void)arg;
	raw4(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)set, 0, 8);
	ready = 1;
	while (!release)
		if (futex(&park, FUTEX_WAIT_PRIVATE, 0, NULL) == -EINTR)
			eintrs++;
	return 0;
}

/* count_tasks: the entries of /proc/self/task (and whether tid is one) */
static int count_tasks(int tid, int *found)
{
	struct dirent *e;
	DIR *d = opendir("/proc/self/task");
	int n = 0;

	*found = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		n++;
		*found |= atoi(e->d_name) == tid;
	}
	closedir(d);
	return n;
}

static void test_signals_and_proc(void)
{
	struct k_sigaction sa = { on_usr, 0, 0, { 0, 0 } };
	sigset_t m;
	char path[64], buf[1024];
	int tid, found;

	syscall(__NR_rt_sigaction, SIGUSR1, &sa, 0, 8);
	syscall(__NR_rt_sigaction, SIGUSR2, &sa, 0, 8);
	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	sigprocmask(SIG_BLOCK, &m, NULL);
	tid = thread_create(&t2, THREAD_FLAGS, parked, NULL);
	ok(wait_until(&ready, 2000), "the second thread runs");
	sleep_ms(20);

	expect_eq(count_tasks(tid, &found), 2, "/proc/self/task lists two threads");
	ok(found, "one of them is the new thread's tid");
	read_file("/proc/self/status", buf, sizeof(buf));
	ok(strstr(buf, "Threads:\t2\n") != NULL, "/proc/self/status: Threads: 2");
	snprintf(path, sizeof(path), "/proc/%d/task/%d/status", getpid(), tid);
	read_file(path, buf, sizeof(buf));
	snprintf(path, sizeof(path), "Tgid:\t%d\n", getpid());
	ok(strstr(buf, path) != NULL, "/proc/<pid>/task/<tid>/status: Tgid is the pid");

	kill(getpid(), SIGUSR1);
	ok(wait_until(&handled_usr1_tid, 2000) == tid,
	   "kill to the process: the thread not blocking SIGUSR1 handles it");
	ok(wait_until(&eintrs, 2000) == 1, "its FUTEX_WAIT ends with EINTR after the handler");
	expect_eq(syscall(__NR_tgkill, getpid(), tid, SIGUSR2), 0, "tgkill to the thread");
	ok(wait_until(&handled_usr2_tid, 2000) == tid, "tgkill: that thread handles it");
	expect_errno(syscall(__NR_tgkill, getpid() + 10000, tid, SIGUSR2), ESRCH,
		     "tgkill with another tgid: ESRCH");
	expect_errno(syscall(__NR_tgkill, 0, tid, SIGUSR2), EINVAL, "tgkill with tgid 0: EINVAL");

	release = 1;
	futex(&park, FUTEX_WAKE_PRIVATE, 1, NULL);
	expect_eq(thread_join(&t2), 0, "the thread ends when released");
	sleep_ms(20);
	expect_eq(count_tasks(tid, &found), 1, "after its end /proc/self/task lists one");
	sigprocmask(SIG_UNBLOCK, &m, NULL);
}

/* --- futex ----------------------------------------------------------------- */

static volatile int word, woke_count;

static int waiter(void *arg)
{
	(void)arg;
	if (futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL) == 0)
		woke_count++;
	return 0;
}

static void test_futex(void)
{
	struct timespec ts = { 0, 50000000 }, bad = { 0, 1000000000 };
	long long start;
	long r;

	expect_eq(futex(&word, FUTEX_WAIT, 1, NULL), -EAGAIN, "FUTEX_WAIT on another value: EAGAIN");
	start = now_ms();
	r = futex(&word, FUTEX_WAIT_PRIVATE, 0, &ts);
	expect_eq(r, -ETIMEDOUT, "FUTEX_WAIT with a 50 ms timeout: ETIMEDOUT");
	ok(now_ms() - start >= 50, "after at least 50 ms");
	expect_eq(futex(&word, FUTEX_WAIT, 0, &bad), -EINVAL, "tv_nsec of a second: EINVAL");
	expect_eq(futex((volatile int *)((char *)&word + 1), FUTEX_WAIT, 0, NULL), -EINVAL,
		  "an unaligned word: EINVAL");
	expect_eq(futex(NULL, FUTEX_WAIT, 0, NULL), -EFAULT, "FUTEX_WAIT at NULL: EFAULT");
	expect_eq(futex((volatile int *)0xc0000000, FUTEX_WAKE, 1, NULL), -EFAULT,
		  "FUTEX_WAKE at a kernel address: EFAULT");
	expect_eq(futex(&word, 99, 0, NULL), -ENOSYS, "an unknown operation: ENOSYS");
	expect_eq(futex(&word, FUTEX_WAKE, 1, NULL), 0, "FUTEX_WAKE with no waiter: 0");

	thread_create(&t1, THREAD_FLAGS, waiter, NULL);
	thread_create(&t2, THREAD_FLAGS, waiter, NULL);
	sleep_ms(50);
	expect_eq(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL), 1, "FUTEX_WAKE 1 wakes one of two");
	sleep_ms(20);
	expect_eq(woke_count, 1, "one waiter returned 0");
	expect_eq(futex(&word, FUTEX_WAKE, 10, NULL), 0,
		  "FUTEX_WAKE without FUTEX_PRIVATE_FLAG does not wake a private waiter");
	expect_eq(futex(&word, FUTEX_WAKE_PRIVATE, 10, NULL), 1, "FUTEX_WAKE 10 wakes the other");
	thread_join(&t1);
	thread_join(&t2);
	expect_eq(woke_count, 2, "both ended");
}

/* --- robust locks ------------------------------------------------------------ */

/* a robust lock as glibc lays one out: the list link, then the lock word */
struct robust_lock {
	struct robust_lock *next;
	volatile int word;
};

static struct robust_head {
	struct robust_lock *next;	/* the list, ending back at the head */
	long futex_offset;		/* from an entry to its word */
	struct robust_lock *pending;	/* list_op_pending */
} robust_head;
static struct robust_lock held;
static volatile int holding, let_go, waiter_result = 99;

/* holder: take the lock (the word is the owner's tid), list it as robust,
 * and end holding it once let go */
static int holder(void *arg)
{
	(void)arg;
	held.word = syscall(__NR_gettid);
	held.next = (struct robust_lock *)&robust_head;
	robust_head.next = &held;
	robust_head.futex_offset = sizeof(held.next);
	syscall(__NR_set_robust_list, &robust_head, sizeof(robust_head));
	holding = 1;
	wait_until(&let_go, 2000);
	return 0;
}

/* lock_waiter: mark the lock as waited for and sleep on it (a shared
 * wait: the kernel's death wake is a shared one, as glibc's robust
 * mutexes use) */
static int lock_waiter(void *arg)
{
	int v = held.word | (int)FUTEX_WAITERS;

	(void)arg;
	held.word = v;
	waiter_result = futex(&held.word, FUTEX_WAIT, v, NULL);
	return 0;
}

static void test_robust(void)
{
	thread_create(&t1, THREAD_FLAGS, holder, NULL);
	wait_until(&holding, 2000);
	thread_create(&t2, THREAD_FLAGS, lock_waiter, NULL);
	sleep_ms(50);
	let_go = 1;
	thread_join(&t1);
	thread_join(&t2);
	expect_eq(held.word, (int)(FUTEX_WAITERS | FUTEX_OWNER_DIED),
		  "robust: a thread that ends holding a lock leaves FUTEX_OWNER_DIED (and WAITERS)");
	expect_eq(waiter_result, 0, "robust: the lock's waiter is woken by the owner's end");
	robust_head.next = (struct robust_lock *)&robust_head;
	held.word = 0;
	holding = let_go = 0;
	thread_create(&t1, THREAD_FLAGS, holder, NULL);
	wait_until(&holding, 2000);
	let_go = 1;
	thread_join(&t1);
	expect_eq(held.word, (int)FUTEX_OWNER_DIED,
		  "robust: with no waiter the word is FUTEX_OWNER_DIED alone");
}

/* --- flags, exit, exit_group, exec ----------------------------------------- */

static int sleeper(void *arg)
{
	static volatile int never;

	(void)arg;
	for (;;)
		futex(&never, FUTEX_WAIT_PRIVATE, 0, NULL);
	return 0;
}

static int group_exiter(void *arg)
{
	(void)arg;
	raw4(__NR_exit_group, 7, 0, 0, 0);
	return 0;
}

/* child_exit_group: a thread's exit_group ends the main thread, asleep */
static int child_exit_group(void *arg)
{
	(void)arg;
	thread_create(&t3, THREAD_FLAGS, group_exiter, NULL);
	sleeper(NULL);
	return 1;
}

/* child_killed: the process dies of SIGTERM, whichever thread takes it */
static int child_killed(void *arg)
{
	(void)arg;
	thread_create(&t3, THREAD_FLAGS, sleeper, NULL);
	sleeper(NULL);
	return 1;
}

static int late_fd;

static int read_then_exit(void *arg)
{
	char c;

	(void)arg;
	raw4(__NR_read, late_fd, (long)&c, 1, 0);
	return 5;
}

/* child_leader_exits: the leader ends with exit(3) while a thread reads a pipe */
static int child_leader_exits(void *arg)
{
	(void)arg;
	thread_create(&t3, THREAD_FLAGS, read_then_exit, NULL);
	raw4(__NR_exit, 3, 0, 0, 0);
	return 1;
}

static char *self_path;
static char pid_arg[16];

static int exec_self(void *arg)
{
	char *argv[] = { self_path, "exec-check", pid_arg, NULL };

	(void)arg;
	raw4(__NR_execve, (long)self_path, (long)argv, (long)environ, 0);
	return 99;
}

/* child_exec: a thread execs while the leader and another sleep */
static int child_exec(void *arg)
{
	(void)arg;
	snprintf(pid_arg, sizeof(pid_arg), "%d", getpid());
	thread_create(&t2, THREAD_FLAGS, sleeper, NULL);
	thread_create(&t3, THREAD_FLAGS, exec_self, NULL);
	sleeper(NULL);
	return 1;
}

/* exec_check: the image a thread exec'd: the process id is the old one,
 * and it is the only thread; the exit status says which check failed */
static int exec_check(const char *want_pid)
{
	int found;

	if (getpid() != atoi(want_pid))
		return 10;
	if (syscall(__NR_gettid) != getpid())
		return 11;
	if (count_tasks(getpid(), &found) != 1 || !found)
		return 12;
	return 0;
}

static void test_exits(void)
{
	int fds[2], status;
	pid_t pid;

	expect_eq(raw4(__NR_clone, CLONE_THREAD | CLONE_VM, 0, 0, 0), -EINVAL,
		  "CLONE_THREAD without CLONE_SIGHAND: EINVAL");
	expect_eq(raw4(__NR_clone, CLONE_SIGHAND, 0, 0, 0), -EINVAL,
		  "CLONE_SIGHAND without CLONE_VM: EINVAL");

	expect_exit(in_child(child_exit_group, NULL), 7, "exit_group in a thread ends the process");
	pid = sys_fork();
	if (pid == 0)
		_exit(child_killed(NULL));
	sleep_ms(50);
	kill(pid, SIGTERM);
	expect_killed(wait_timeout(pid, 3000), SIGTERM, "SIGTERM to a process of two threads");

	pipe(fds);
	late_fd = fds[0];
	pid = sys_fork();
	if (pid == 0)
		_exit(child_leader_exits(NULL));
	sleep_ms(100);
	expect_eq(sys_wait4(pid, &status, WNOHANG, NULL), 0,
		  "the leader exited, a thread runs: the process is not reaped yet");
	write(fds[1], "x", 1);
	expect_exit(wait_timeout(pid, 3000), 5,
		    "when the last thread ends, wait reports its exit(5), not the leader's exit(3)");
	close(fds[0]);
	close(fds[1]);

	expect_exit(in_child(child_exec, NULL), 0,
		    "exec in a thread: the others end, it keeps the pid, it is alone");
}

int main(int argc, char **argv)
{
	struct user_desc u;

	if (argc == 3 && strcmp(argv[1], "exec-check") == 0)
		return exec_check(argv[2]);
	self_path = argv[0];
	default_signals();
	no_core_dumps();
	static unsigned int main_tls[4];

	memset(&u, 0, sizeof(u));
	u.entry_number = -1;
	u.base_addr = (unsigned int)main_tls;
	u.limit = 0xfffff;
	u.seg_32bit = 1;
	u.limit_in_pages = 1;
	u.useable = 1;
	ok(syscall(__NR_set_thread_area, &u) == 0, "a TLS slot for the threads");
	tls_entry = u.entry_number;
	test_ids();
	test_signals_and_proc();
	test_futex();
	test_robust();
	test_exits();
	return tap_done();
}
