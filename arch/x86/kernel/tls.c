/*
 * Thread-local storage segments (Linux: arch/x86/kernel/tls.c). Each task
 * owns three GDT descriptors, entries GDT_ENTRY_TLS_MIN..+2 (selectors
 * 0x33, 0x3b, 0x43); a C library points one at its thread's data and
 * loads %gs with its selector, so %gs:0 is the thread pointer. The task
 * keeps its three in thread.tls_array and __switch_to copies them into the
 * GDT (load_TLS). fork copies them, exec clears them (flush_thread), and
 * clone(CLONE_SETTLS) sets one for the child. As in Linux, only 32-bit
 * data segments (or an empty descriptor) are accepted.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/desc.h>
#include <asm/uaccess.h>
#include <uapi/asm/ldt.h>

#define GDT_ENTRY_TLS_MAX (GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)

#define DESC_S 0x10		/* type_attr: code or data, not a system segment */
#define DESC_DPL3 0x60
#define DESC_P 0x80
#define DESC_AVL 0x10		/* limit1_flags */
#define DESC_DB 0x40
#define DESC_G 0x80

/* load_TLS: copy t's three TLS descriptors into the GDT. */
void load_TLS(struct task_struct *t)
{
	memcpy(&gdt_table[GDT_ENTRY_TLS_MIN], t->thread.tls_array, sizeof(t->thread.tls_array));
}

/* LDT_empty/LDT_zero: the two ways user space asks for "no segment" */
static bool desc_is_clear(const struct user_desc *u)
{
	bool zero = !u->base_addr && !u->limit && !u->contents && !u->seg_32bit &&
		    !u->limit_in_pages && !u->useable;

	return zero && u->read_exec_only == u->seg_not_present;
}

/* tls_desc_okay: a 32-bit data segment, or an empty one */
static bool tls_desc_okay(const struct user_desc *u)
{
	return desc_is_clear(u) || (u->seg_32bit && u->contents <= 1);
}

/* fill_ldt: the GDT descriptor user_desc u describes (all zero if clear) */
static void fill_ldt(struct desc_struct *d, const struct user_desc *u)
{
	memset(d, 0, sizeof(*d));
	if (desc_is_clear(u))
		return;
	d->limit0 = u->limit & 0xffff;
	d->base0 = u->base_addr & 0xffff;
	d->base1 = (u->base_addr >> 16) & 0xff;
	d->base2 = u->base_addr >> 24;
	/* type: accessed, writable unless read_exec_only, expand-down */
	d->type_attr = 1 | (!u->read_exec_only << 1) | (u->contents << 2) | DESC_S | DESC_DPL3 |
		       (u->seg_not_present ? 0 : DESC_P);
	d->limit1_flags = ((u->limit >> 16) & 0x0f) | (u->useable ? DESC_AVL : 0) |
			  (u->seg_32bit ? DESC_DB : 0) | (u->limit_in_pages ? DESC_G : 0);
}

/* fill_user_desc: the reverse of fill_ldt, for get_thread_area */
static void fill_user_desc(struct user_desc *u, int idx, const struct desc_struct *d)
{
	memset(u, 0, sizeof(*u));
	u->entry_number = idx;
	u->base_addr = d->base0 | (d->base1 << 16) | ((u32)d->base2 << 24);
	u->limit = d->limit0 | ((d->limit1_flags & 0x0f) << 16);
	u->seg_32bit = !!(d->limit1_flags & DESC_DB);
	u->contents = (d->type_attr >> 2) & 3;
	u->read_exec_only = !(d->type_attr & 2);
	u->limit_in_pages = !!(d->limit1_flags & DESC_G);
	u->seg_not_present = !(d->type_attr & DESC_P);
	u->useable = !!(d->limit1_flags & DESC_AVL);
}

/* get_free_idx: the first of t's TLS slots that is empty, or -ESRCH */
static int get_free_idx(struct task_struct *t)
{
	static const struct desc_struct empty;
	int i;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		if (!memcmp(&t->thread.tls_array[i], &empty, sizeof(empty)))
			return GDT_ENTRY_TLS_MIN + i;
	return -ESRCH;
}

/*
 * do_set_thread_area: set one of p's TLS slots from the user_desc at
 * u_info. entry_number -1 takes a free slot and tells the caller which
 * (only for set_thread_area itself: clone's CLONE_SETTLS must name one,
 * as on Linux).
 */
int do_set_thread_area(struct task_struct *p, struct user_desc __user *u_info, bool can_allocate)
{
	struct user_desc info;
	int idx;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if (!tls_desc_okay(&info))
		return -EINVAL;
	idx = info.entry_number;
	if (idx == -1 && can_allocate) {
		idx = get_free_idx(p);
		if (idx < 0)
			return idx;
		if (put_user(idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_ldt(&p->thread.tls_array[idx - GDT_ENTRY_TLS_MIN], &info);
	if (p == current)
		load_TLS(p);
	return 0;
}

SYSCALL_DEFINE1(set_thread_area, struct user_desc __user *, u_info)
{
	return do_set_thread_area(current, u_info, true);
}

/* get_thread_area: the descriptor in the slot u_info->entry_number names */
SYSCALL_DEFINE1(get_thread_area, struct user_desc __user *, u_info)
{
	struct user_desc info;
	int idx;

	if (get_user(idx, &u_info->entry_number))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_user_desc(&info, idx, &current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN]);
	return copy_to_user(u_info, &info, sizeof(info)) ? -EFAULT : 0;
}
