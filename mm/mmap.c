/*
 * Mapping memory (Linux: mm/mmap.c): address spaces, mmap/mmap2 through
 * do_mmap_pgoff and get_unmapped_area, munmap through do_munmap (which
 * splits areas at the edges of the range), merging of neighbouring
 * compatible areas, brk, and stack growth. The tree behind the areas is
 * in mm/vma.c; the choice of layout in arch/x86/mm/mmap.c.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define MMAP_MIN_ADDR PAGE_SIZE		/* vm.mmap_min_addr: page 0 stays unmapped */

int sysctl_max_map_count = DEFAULT_MAP_COUNT;

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->mm_rb = RB_ROOT;
	mm->mm_users = 1;
	mm->task_size = TASK_SIZE;
	return mm;
}

/* vm_area_alloc: a new, empty area of mm (Linux: kernel/fork.c) */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

/* vm_area_dup: a copy of orig, holding its own reference to the file */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	*vma = *orig;
	if (vma->vm_file)
		vma->vm_file->f_count++;
	return vma;
}

void vm_area_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	kfree(vma);
}

/* insert_vm_area: link vma into mm, or free it if it cannot be (it
 * overlaps an area already there): -ENOMEM then */
static int insert_vm_area(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (!insert_vm_struct(mm, vma))
		return 0;
	vm_area_free(vma);
	return -ENOMEM;
}

/*
 * vma_init_range: a new area's range and flags; private writable memory is
 * VM_ACCOUNT, as Linux's accountable_mapping makes it (so mprotect keeps
 * such an area apart from read-only neighbours, as Linux's maps shows).
 */
static void vma_init_range(struct vm_area_struct *vma, unsigned long addr, unsigned long len,
		     unsigned long vm_flags)
{
	if ((vm_flags & (VM_SHARED | VM_WRITE)) == VM_WRITE)
		vm_flags |= VM_ACCOUNT;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
}

/*
 * install_special_mapping: an area of a page the kernel provides rather
 * than a file or anonymous memory - the vDSO in mode 1 - named in maps
 * (Linux: _install_special_mapping, with an array of pages).
 */
int install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			    unsigned long vm_flags, struct page *page, const char *name)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		return -ENOMEM;
	vma_init_range(vma, addr, len, vm_flags);
	vma->vm_page = page;
	vma->vm_name = name;
	return insert_vm_area(mm, vma);
}

/* mmput: drop a user; the last one frees pages, page tables and areas. */
void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	if (--mm->mm_users)
		return;
	for (vma = mm->mmap; vma; vma = next) {
		next = vma->vm_next;
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		vm_area_free(vma);
	}
	free_pgtables(mm);
	pgd_free(mm->pgd);
	kfree(mm);
}

/* can_merge: b may continue a (same kind of memory, contiguous file offset). */
static bool can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a && b && a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_file == b->vm_file && !a->vm_name && !b->vm_name &&
	       (!a->vm_file ||
		a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) == b->vm_pgoff);
}

/*
 * vma_merge: join vma with its neighbours where they are compatible, as
 * Linux does, so a run of anonymous mappings reads as one line in maps.
 * Returns the area that now holds vma's range.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	if (can_merge(vma, next)) {
		unsigned long end = next->vm_end;

		vma_unlink(mm, next);
		vm_area_free(next);
		vma_set_range(vma, vma->vm_start, end);
	}
	if (can_merge(prev, vma)) {
		unsigned long end = vma->vm_end;

		vma_unlink(mm, vma);
		vm_area_free(vma);
		vma_set_range(prev, prev->vm_start, end);
		vma = prev;
	}
	return vma;
}

/* split_vma: cut vma in two at addr; the new area is the upper part. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper;
	unsigned long end = vma->vm_end;

	if (addr <= vma->vm_start || addr >= vma->vm_end)
		return 0;
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	upper = vm_area_dup(vma);
	if (!upper)
		return -ENOMEM;
	vma_set_range(vma, vma->vm_start, addr);
	upper->vm_start = addr;
	upper->vm_end = end;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	return insert_vm_area(mm, upper);
}

/* do_munmap: unmap [start, start + len), splitting areas at both edges. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end;
	struct vm_area_struct *vma, *next;

	if ((start & ~PAGE_MASK) || start > TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = start + len;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < start && split_vma(mm, vma, start))
		return -ENOMEM;
	vma = find_vma(mm, start);
	for (; vma && vma->vm_start < end; vma = next) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		next = vma->vm_next;
		zap_page_range(mm, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	return 0;
}

/* get_unmapped_area: where a new mapping of len bytes goes (or an error). */
unsigned long get_unmapped_area(struct file *file, unsigned long addr, unsigned long len,
				unsigned long pgoff, unsigned long flags)
{
	struct mm_struct *mm = current->mm;

	if (len > TASK_SIZE)
		return -ENOMEM;
	addr = mm->get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	if (addr > TASK_SIZE - len)
		return -ENOMEM;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	return addr;
}

static unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	vm_flags |= (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
		    (prot & PROT_EXEC ? VM_EXEC : 0);
	if ((flags & MAP_TYPE) == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	return vm_flags;
}

/* populate: MAP_POPULATE - fault every page of the new mapping in now. */
static void populate(unsigned long addr, unsigned long len, unsigned long vm_flags)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);
	unsigned long a;

	for (a = addr; vma && a < addr + len; a += PAGE_SIZE) {
		if (a >= vma->vm_end)
			vma = vma->vm_next;
		if (!vma || handle_mm_fault(vma, a, vm_flags & VM_WRITE ? FAULT_FLAG_WRITE : 0))
			break;
	}
}

/*
 * mmap_region: the new area itself, of file at pgoff (or anonymous),
 * replacing whatever was in the range; the address, or -ENOMEM. exec
 * makes its areas with it too.
 */
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int err = 0;

	if (do_munmap(mm, addr, len))
		return -ENOMEM;
	if ((mm->total_vm << PAGE_SHIFT) + len > current->rlim[RLIMIT_AS].rlim_cur ||
	    mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma_init_range(vma, addr, len, vm_flags);
	vma->vm_pgoff = pgoff;
	vma->vm_file = file;
	if (file) {			/* the file's driver sets the area up */
		file->f_count++;
		err = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	}
	if (err) {
		vm_area_free(vma);
		return err;
	}
	if (insert_vm_area(mm, vma))
		return -ENOMEM;
	vma_merge(mm, vma);
	return addr;
}

/*
 * shmem_zero_setup: MAP_SHARED|MAP_ANONYMOUS memory (or a shared mapping
 * of /dev/zero) must stay shared with children after fork, so, as Linux
 * backs it with a shmem file, yomi backs the area with a nameless
 * RAM-file-system file of its size (shown in maps as "/dev/zero
 * (deleted)", like Linux). The file goes with the last area using it.
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct inode *inode = ramfs_new_inode(S_IFREG | 0600);
	struct file *file = inode ? file_alloc(inode, &ramfs_file_fops, O_RDWR) : NULL;

	if (!file) {
		kfree(inode);
		return -ENOMEM;
	}
	inode->i_nlink = 0;		/* no name: freed when no area uses it */
	inode->i_size = vma->vm_end - vma->vm_start;
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;		/* the area holds the one reference */
	vma->vm_pgoff = 0;
	return 0;
}

/* vma_set_anonymous: the area is anonymous memory, whatever was mapped */
void vma_set_anonymous(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = NULL;
	vma->vm_pgoff = 0;
}

/*
 * do_mmap_pgoff: the checks Linux makes, then a place (get_unmapped_area)
 * and the area (mmap_region), which the file's own mmap sets up.
 */
unsigned long do_mmap_pgoff(struct file *file, unsigned long addr, unsigned long len,
			    unsigned long prot, unsigned long flags, unsigned long pgoff)
{
	unsigned long vm_flags, type = flags & MAP_TYPE;

	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (type != MAP_SHARED && type != MAP_PRIVATE)
		return -EINVAL;
	if ((flags & MAP_FIXED) && addr < MMAP_MIN_ADDR)
		return -EPERM;
	if (file) {
		unsigned int acc = file->f_flags & O_ACCMODE;

		if (!file->f_op->mmap)
			return -ENODEV;
		if (acc == O_WRONLY || (type == MAP_SHARED && (prot & PROT_WRITE) && acc != O_RDWR))
			return -EACCES;
	}
	vm_flags = calc_vm_flags(prot, flags);
	if (file && type == MAP_SHARED && (file->f_flags & O_ACCMODE) != O_RDWR)
		vm_flags &= ~VM_MAYWRITE;
	addr = get_unmapped_area(file, addr, len, pgoff, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	addr = mmap_region(file, addr, len, vm_flags, file ? pgoff : 0);
	if (!IS_ERR_VALUE(addr) && (flags & MAP_POPULATE))
		populate(addr, len, vm_flags);
	return addr;
}

static unsigned long mmap_with_fd(unsigned long addr, unsigned long len, unsigned long prot,
				  unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct file *file = NULL;

	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	return do_mmap_pgoff(file, addr, len, prot, flags, pgoff);
}

/* mmap2 (192): the offset counts pages, so files past 4 GiB can be mapped. */
SYSCALL_DEFINE6(mmap_pgoff, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, pgoff)
{
	return mmap_with_fd(addr, len, prot, flags, fd, pgoff);
}

struct mmap_arg_struct {
	unsigned long addr, len, prot, flags, fd, offset;
};

/* old mmap (90): one pointer to six words; the offset is in bytes. */
SYSCALL_DEFINE1(old_mmap, struct mmap_arg_struct __user *, arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return mmap_with_fd(a.addr, a.len, a.prot, a.flags, a.fd, a.offset >> PAGE_SHIFT);
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return do_munmap(current->mm, addr, len);
}

/*
 * do_brk: map [addr, addr + len) as anonymous read/write memory for the
 * heap; 0 or -errno. Linux's do_brk (later do_brk_flags) also extends the
 * previous area in place when it can; yomi's mmap_region merges instead.
 */
int do_brk(unsigned long addr, unsigned long len)
{
	unsigned long ret = mmap_region(NULL, addr, len,
					calc_vm_flags(PROT_READ | PROT_WRITE, MAP_PRIVATE), 0);

	return IS_ERR_VALUE(ret) ? (int)ret : 0;
}

/*
 * brk: move the end of the heap. Like Linux it never fails with an error
 * code: it returns the new break, or the old one when the request cannot
 * be met (below the start, colliding with another area, over RLIMIT_DATA).
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long newbrk, oldbrk;
	struct vm_area_struct *next;

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	if (brk - mm->start_brk > current->rlim[RLIMIT_DATA].rlim_cur)
		return mm->brk;
	newbrk = PAGE_ALIGN(brk);
	oldbrk = PAGE_ALIGN(mm->brk);
	if (newbrk < oldbrk) {
		do_munmap(mm, newbrk, oldbrk - newbrk);
	} else if (newbrk > oldbrk) {
		next = find_vma(mm, oldbrk);
		if (next && next->vm_start < newbrk + PAGE_SIZE)
			return mm->brk;
		if (do_brk(oldbrk, newbrk - oldbrk))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

/*
 * expand_stack: grow a VM_GROWSDOWN area down to addr, within RLIMIT_STACK
 * and leaving a page between it and the area below.
 */
int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	addr &= PAGE_MASK;
	if (addr >= vma->vm_start)
		return 0;
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	if (vma->vm_end - addr > current->rlim[RLIMIT_STACK].rlim_cur)
		return -ENOMEM;
	if (vma->vm_prev && vma->vm_prev->vm_end > addr - PAGE_SIZE)
		return -ENOMEM;
	vma_set_range(vma, addr, vma->vm_end);
	return 0;
}
