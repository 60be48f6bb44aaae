/*
 * The OOM killer (Linux: mm/oom_kill.c). When a page fault finds no free
 * page, killing the process that faulted would often hit the wrong one -
 * the shell, init - while the process that ate the memory lives on. So,
 * as Linux does, out_of_memory picks the process with the most resident
 * pages (init is never picked), reports it, and kills it; the faulting
 * process then waits for the memory to come back and retries its fault.
 * When the biggest is the faulting process itself, it gets SIGKILL: at
 * once from a user-mode fault, on its way out of the kernel otherwise.
 * Linux's oom_badness also counts page tables and swap, and honours
 * oom_score_adj; yomi has neither swap nor the knob.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>

/* select_bad_process: the biggest process but init, or NULL */
static struct task_struct *select_bad_process(unsigned long *rss)
{
	struct task_struct *t, *chosen = NULL;

	*rss = 0;
	list_for_each_entry(t, &init_task.tasks, tasks) {
		unsigned long pages;

		if (t->pid <= 1 || !t->mm || t->exit_state)
			continue;
		pages = get_mm_rss(t->mm);
		if (pages > *rss) {
			chosen = t;
			*rss = pages;
		}
	}
	return chosen;
}

/* out_of_memory: free memory by killing the biggest process; true when
 * that was another one, and the fault may be tried again */
bool out_of_memory(void)
{
	unsigned long rss;
	struct task_struct *victim = select_bad_process(&rss);

	if (!victim) {
		victim = current;	/* only init is left: it faulted, it goes */
		rss = get_mm_rss(current->mm);
	} else if (victim != current && (victim->sig_pending & (1UL << (SIGKILL - 1)))) {
		schedule();		/* killed already: wait for its memory */
		return true;
	}
	printk(KERN_ERR "Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:%lukB oom_score_adj:0\n",
	       victim->pid, victim->comm, victim->mm ? victim->mm->total_vm << (PAGE_SHIFT - 10) : 0,
	       rss << (PAGE_SHIFT - 10),
	       victim->mm ? mm_pgtables_pages(victim->mm) << (PAGE_SHIFT - 10) : 0);
	send_sig(SIGKILL, victim);
	if (victim == current)
		return false;
	schedule();		/* let it die and give its memory back */
	return true;
}
