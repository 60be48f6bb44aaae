/* Signal numbers (Linux i386) and sending signals. */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
#include <uapi/asm/signal.h>
#include <uapi/asm/siginfo.h>

struct task_struct;
struct pt_regs;

/*
 * struct kernel_siginfo: the part of a siginfo_t the kernel keeps per
 * pending signal (Linux keeps a whole siginfo in a queue entry; yomi's
 * standard signals are not queued, so one per signal is enough).
 */
struct kernel_siginfo {
	int code;		/* si_code */
	int pid;		/* sender, or SIGCHLD's child */
	unsigned int uid;
	int status;		/* SIGCHLD: exit code or signal */
	unsigned long addr;	/* faults: the address */
};

/* struct ksignal: a signal get_signal chose to deliver to a handler */
struct ksignal {
	int sig;
	struct k_sigaction ka;
	struct kernel_siginfo info;
};

int send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *t);
int group_send_sig_info(int sig, const struct kernel_siginfo *info, struct task_struct *t);
/* force_sig: a fault the current task caused; it is delivered even if blocked or ignored. */
void force_sig(int sig);
void force_sig_fault(int sig, int code, unsigned long addr);
void force_sigsegv(int sig);
bool get_signal(struct ksignal *ksig);
bool unhandled_signal(struct task_struct *tsk, int sig);
void signal_setup_done(int failed, struct ksignal *ksig);
void restore_saved_sigmask(void);
void set_current_blocked(unsigned long set);
void recalc_sigpending(void);
void flush_signal_handlers(struct task_struct *t);
void arch_do_signal_or_restart(struct pt_regs *regs);
int on_sig_stack(unsigned long sp);

/* sigmask: signal sig's bit in a task's pending and blocked words */
#define sigmask(sig) (1UL << ((sig) - 1))
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))	/* cannot be blocked */

#endif
