/*
 * Loading static ELF32 executables (Linux: fs/binfmt_elf.c).
 * load_elf_binary checks the header, makes one memory area per PT_LOAD
 * segment (text r-x, data rw-, the bss part of data zero-filled on first
 * touch), places the heap after the last segment, builds the stack with
 * create_elf_tables, and points the saved user registers at the entry.
 * ET_EXEC files load at their addresses; ET_DYN (static-pie) ones at
 * ELF_ET_DYN_BASE. Dynamic linking (PT_INTERP) is not supported.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/elf.h>

#define STACK_EXPAND (128UL << 10)	/* room the stack area starts with */
#define MAX_PHNUM 64

static unsigned long vm_flags_of(const Elf32_Phdr *ph)
{
	return (ph->p_flags & PF_R ? VM_READ : 0) | (ph->p_flags & PF_W ? VM_WRITE : 0) |
	       (ph->p_flags & PF_X ? VM_EXEC : 0) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
}

/* new_area: an area of the new program (file at pgoff, or anonymous) */
static int new_area(unsigned long start, unsigned long end, unsigned long flags,
		    struct file *file, unsigned long pgoff)
{
	unsigned long addr = mmap_region(file, start, end - start, flags, pgoff);

	return IS_ERR_VALUE(addr) ? (int)addr : 0;
}

/*
 * load_segment: one PT_LOAD. The file's pages are mapped privately and
 * lazily (they are read in on first touch, and copied on first write);
 * the rest of the last file page is zeroed now, as Linux's padzero does,
 * because the file goes on with other bytes there; whole pages of bss
 * past the file data are anonymous memory.
 */
static int load_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph, unsigned long bias)
{
	unsigned long start = (ph->p_vaddr + bias) & PAGE_MASK;
	unsigned long file_end = ph->p_vaddr + bias + ph->p_filesz;
	unsigned long end = PAGE_ALIGN(ph->p_vaddr + bias + ph->p_memsz);
	unsigned long flags = vm_flags_of(ph);
	int err = 0;

	if (ph->p_filesz > ph->p_memsz || end > TASK_SIZE || end < start || !ph->p_memsz ||
	    (ph->p_vaddr & (PAGE_SIZE - 1)) != (ph->p_offset & (PAGE_SIZE - 1)))
		return -ENOEXEC;
	if (ph->p_filesz)
		err = new_area(start, PAGE_ALIGN(file_end), flags, bprm->file,
			       ph->p_offset >> PAGE_SHIFT);
	if (!err && end > PAGE_ALIGN(file_end))
		err = new_area(PAGE_ALIGN(file_end), end, flags, NULL, 0);
	if (!err && ph->p_filesz && (file_end & ~PAGE_MASK) && ph->p_memsz > ph->p_filesz) {
		char *buf = (char *)get_zeroed_page(GFP_KERNEL);
		unsigned long n = file_end & ~PAGE_MASK;

		if (!buf)
			return -ENOMEM;
		loff_t pos = ph->p_offset + ph->p_filesz - n;

		if (kernel_read(bprm->file, buf, n, &pos) != (ssize_t)n)
			err = -EIO;
		else
			err = copy_to_mm(current->mm, file_end & PAGE_MASK, buf, PAGE_SIZE);
		free_page((unsigned long)buf);
	}
	return err;
}

/* push: copy len bytes just below bprm->p on the new stack. */
static unsigned long push(struct linux_binprm *bprm, const void *src, size_t len, int *err)
{
	bprm->p -= len;
	if (!*err)
		*err = copy_to_mm(current->mm, bprm->p, src, len);
	return bprm->p;
}

/*
 * setup_arg_pages: the [stack] area at the top of user space, with the
 * strings copied at its top: a NULL word, the file name, then the
 * environment and argument strings below it, as Linux lays them out.
 */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top)
{
	int err = new_area(stack_top - PAGE_ALIGN(bprm->strings_len + PATH_MAX) - STACK_EXPAND,
			   stack_top, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
			   VM_GROWSDOWN, NULL, 0);
	static const unsigned long null_word;

	bprm->p = stack_top;
	push(bprm, &null_word, sizeof(null_word), &err);
	push(bprm, bprm->filename, strlen(bprm->filename) + 1, &err);
	push(bprm, bprm->strings, bprm->strings_len, &err);
	current->mm->start_stack = stack_top;
	return err;
}

/*
 * create_elf_tables: below the strings, the platform name and 16 random
 * bytes, then (16-byte aligned) argc, argv[], NULL, envp[], NULL and the
 * auxiliary vector, in Linux's order.
 */
static noinline int create_elf_tables(struct linux_binprm *bprm, const Elf32_Ehdr *eh,
			     unsigned long phdr_addr, unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long strings = bprm->p;	/* argv strings, then envp */
	unsigned long execfn, platform, random, *table, sp, s;
	u32 rnd[4];
	int err = 0, i, n = 0, items;

	execfn = mm->start_stack - sizeof(long) - strlen(bprm->filename) - 1;
	/* arch_align_stack: a random 0-8 KiB more when randomizing, 16-aligned */
	if (randomize_va_space && !(current->personality & ADDR_NO_RANDOMIZE))
		bprm->p -= get_random_int() % 8192;
	bprm->p &= ~15UL;
	platform = push(bprm, ELF_PLATFORM, sizeof(ELF_PLATFORM), &err);
	for (i = 0; i < 4; i++)
		rnd[i] = get_random_int();
	random = push(bprm, rnd, sizeof(rnd), &err);

	items = 1 + (bprm->argc + 1) + (bprm->envc + 1) + 2 * 20;
	table = kmalloc(items * sizeof(long), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	table[n++] = bprm->argc;
	mm->arg_start = strings;
	for (i = 0, s = strings; i < bprm->argc + bprm->envc; i++) {
		if (i == bprm->argc) {
			mm->arg_end = mm->env_start = s;
			table[n++] = 0;
		}
		table[n++] = s;
		s += strlen(bprm->strings + (s - strings)) + 1;
	}
	if (bprm->argc == bprm->argc + bprm->envc)
		mm->arg_end = mm->env_start = s;
	mm->env_end = s;
	table[n++] = 0;
#define NEW_AUX_ENT(id, val) do { table[n++] = (id); table[n++] = (val); } while (0)
	ARCH_DLINFO(mm);		/* the vDSO's entries come first */
	NEW_AUX_ENT(AT_HWCAP, ELF_HWCAP);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, 100);
	NEW_AUX_ENT(AT_PHDR, phdr_addr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf32_Phdr));
	NEW_AUX_ENT(AT_PHNUM, eh->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, eh->e_entry + bias);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, random);
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	sp = (bprm->p - n * sizeof(long)) & ~15UL;
	bprm->p = mm->start_stack = sp;
	if (!err)
		err = copy_to_mm(mm, sp, table, n * sizeof(long));
	kfree(table);
	return err;
}

static int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)bprm->buf;
	unsigned long bias = 0, phdr_addr = 0, brk = 0;
	Elf32_Phdr *phdrs;
	size_t size;
	loff_t pos;
	int i, err;

	if (memcmp(eh->e_ident, ELFMAG, 4) || eh->e_ident[4] != ELFCLASS32 ||
	    eh->e_ident[5] != ELFDATA2LSB || eh->e_machine != EM_386 ||
	    (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) ||
	    eh->e_phentsize != sizeof(Elf32_Phdr) || !eh->e_phnum || eh->e_phnum > MAX_PHNUM)
		return -ENOEXEC;
	size = eh->e_phnum * sizeof(Elf32_Phdr);
	phdrs = kmalloc(size, GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	err = -ENOEXEC;
	pos = eh->e_phoff;
	if (kernel_read(bprm->file, phdrs, size, &pos) != (ssize_t)size)
		goto out;
	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE;
	for (i = 0; i < eh->e_phnum; i++)
		if (phdrs[i].p_type == PT_INTERP)
			goto out;	/* dynamically linked: not supported */
	/*
	 * The point of no return: from here on the new program's address
	 * space is current->mm, and a failure can only kill the process.
	 */
	flush_old_exec(bprm);
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph = &phdrs[i];

		if (ph->p_type != PT_LOAD)
			continue;
		err = load_segment(bprm, ph, bias);
		if (err)
			goto fatal;
		if (eh->e_phoff >= ph->p_offset && eh->e_phoff + size <= ph->p_offset + ph->p_filesz)
			phdr_addr = ph->p_vaddr + bias + (eh->e_phoff - ph->p_offset);
		if (ph->p_vaddr + bias + ph->p_memsz > brk)
			brk = ph->p_vaddr + bias + ph->p_memsz;
		if (ph->p_flags & PF_X) {
			current->mm->start_code = ph->p_vaddr + bias;
			current->mm->end_code = ph->p_vaddr + bias + ph->p_filesz;
		} else if (!current->mm->start_data) {
			current->mm->start_data = ph->p_vaddr + bias;
			current->mm->end_data = ph->p_vaddr + bias + ph->p_filesz;
		}
	}
	err = -ENOEXEC;
	if (!brk || eh->e_entry + bias >= TASK_SIZE)
		goto fatal;
	current->mm->start_brk = current->mm->brk = PAGE_ALIGN(brk);
	current->mm->start_brk = current->mm->brk = arch_randomize_brk(current->mm);
	err = setup_arg_pages(bprm, randomize_stack_top(STACK_TOP));
	if (!err)
		err = arch_setup_additional_pages(bprm);
	if (!err)
		err = create_elf_tables(bprm, eh, phdr_addr, bias);
	if (err)
		goto fatal;
	start_thread(regs, eh->e_entry + bias, bprm->p);
out:
	kfree(phdrs);
	return err;
fatal:
	printk(KERN_INFO "%s[%d]: exec failed after the point of no return (error %d)\n",
	       current->comm, current->pid, err);
	kfree(phdrs);
	force_sig(SIGKILL);
}

static struct linux_binfmt elf_format = {
	.name = "elf",
	.load_binary = load_elf_binary,
};

static int __init init_elf_binfmt(void)
{
	register_binfmt(&elf_format);
	return 0;
}
device_initcall(init_elf_binfmt);
