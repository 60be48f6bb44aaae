/*
 * Loading ELF32 executables (Linux: fs/binfmt_elf.c). load_elf_binary
 * checks the header, makes one memory area per PT_LOAD segment (text r-x,
 * data rw-, the bss part of data zero-filled on first touch), places the
 * heap after the last segment, builds the stack with create_elf_tables,
 * and points the saved user registers at the entry. ET_EXEC files load at
 * their addresses; ET_DYN ones (PIE) at ELF_ET_DYN_BASE, Linux 4.2's rule.
 * A program with a PT_INTERP (dynamically linked) gets its interpreter,
 * ld.so, mapped too, wherever get_unmapped_area puts an mmap in the
 * current layout (load_elf_interp); the program then starts at the
 * interpreter's entry, which finds the program through the auxiliary
 * vector (AT_PHDR, AT_ENTRY) and itself through AT_BASE.
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
 * elf_load: one PT_LOAD segment (Linux 6.7's name; its elf_map and
 * padzero are inline here). The file's pages are mapped privately and
 * lazily (they are read in on first touch, and copied on first write);
 * the rest of the last file page is zeroed now, as Linux's padzero does,
 * because the file goes on with other bytes there; whole pages of bss
 * past the file data are anonymous memory.
 */
static int elf_load(struct file *file, const Elf32_Phdr *ph, unsigned long bias)
{
	unsigned long start = (ph->p_vaddr + bias) & PAGE_MASK;
	unsigned long file_end = ph->p_vaddr + bias + ph->p_filesz;
	unsigned long end = PAGE_ALIGN(ph->p_vaddr + bias + ph->p_memsz);
	unsigned long flags = vm_flags_of(ph);
	int err = 0;

	if (!ph->p_memsz)
		return 0;	/* nothing to map (a linker's empty segment) */
	if (ph->p_filesz > ph->p_memsz || end > TASK_SIZE || end < start ||
	    (ph->p_vaddr & (PAGE_SIZE - 1)) != (ph->p_offset & (PAGE_SIZE - 1)))
		return -ENOEXEC;
	if (ph->p_filesz)
		err = new_area(start, PAGE_ALIGN(file_end), flags, file,
			       ph->p_offset >> PAGE_SHIFT);
	if (!err && end > PAGE_ALIGN(file_end))
		err = new_area(PAGE_ALIGN(file_end), end, flags, NULL, 0);
	if (!err && ph->p_filesz && (file_end & ~PAGE_MASK) && ph->p_memsz > ph->p_filesz) {
		char *buf = (char *)get_zeroed_page(GFP_KERNEL);
		unsigned long n = file_end & ~PAGE_MASK;

		if (!buf)
			return -ENOMEM;
		loff_t pos = ph->p_offset + ph->p_filesz - n;

		if (kernel_read(file, buf, n, &pos) != (ssize_t)n)
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
			     unsigned long phdr_addr, unsigned long bias, unsigned long interp_base)
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
	NEW_AUX_ENT(AT_BASE, interp_base);	/* where ld.so is, or 0 */
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

/* elf_check: what an i386 program or interpreter header must say */
static bool elf_check(const Elf32_Ehdr *eh)
{
	return !memcmp(eh->e_ident, ELFMAG, 4) && eh->e_ident[4] == ELFCLASS32 &&
	       eh->e_ident[5] == ELFDATA2LSB && eh->e_machine == EM_386 &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) &&
	       eh->e_phentsize == sizeof(Elf32_Phdr) && eh->e_phnum && eh->e_phnum <= MAX_PHNUM;
}

/* load_elf_phdrs: file's program headers (kmalloc'd), or NULL if they
 * cannot all be read */
static Elf32_Phdr *load_elf_phdrs(const Elf32_Ehdr *eh, struct file *file)
{
	size_t size = eh->e_phnum * sizeof(Elf32_Phdr);
	Elf32_Phdr *phdrs = kmalloc(size, GFP_KERNEL);
	loff_t pos = eh->e_phoff;

	if (phdrs && kernel_read(file, phdrs, size, &pos) != (ssize_t)size) {
		kfree(phdrs);
		phdrs = NULL;
	}
	return phdrs;
}

/* total_mapping_size: from the first PT_LOAD's page to the last one's end
 * (0 without PT_LOAD) */
static unsigned long total_mapping_size(const Elf32_Phdr *ph, int n)
{
	int i, first = -1, last = -1;

	for (i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (first < 0)
			first = i;
		last = i;
	}
	if (first < 0)
		return 0;
	return ph[last].p_vaddr + ph[last].p_memsz - (ph[first].p_vaddr & PAGE_MASK);
}

/* first_vaddr: the first PT_LOAD's address, where a PIE's bias counts from */
static unsigned long first_vaddr(const Elf32_Phdr *ph, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (ph[i].p_type == PT_LOAD)
			return ph[i].p_vaddr & PAGE_MASK;
	return 0;
}

/*
 * open_interpreter: the file PT_INTERP ph names, opened, with its header
 * in ieh; NULL and *err on Linux's errors: a path longer than PATH_MAX,
 * shorter than 2 bytes or not NUL-terminated is -ENOEXEC, a missing file
 * -ENOENT, a file shorter than an ELF header -EIO, and one that is not an
 * i386 ELF file -ELIBBAD.
 */
static struct file *open_interpreter(struct linux_binprm *bprm, const Elf32_Phdr *ph,
				     Elf32_Ehdr *ieh, int *err)
{
	struct file *file = NULL;
	char *path;
	loff_t pos = ph->p_offset;

	*err = -ENOEXEC;
	if (ph->p_filesz > PATH_MAX || ph->p_filesz < 2)
		return NULL;
	path = kmalloc(ph->p_filesz, GFP_KERNEL);
	*err = -ENOMEM;
	if (!path)
		return NULL;
	*err = -ENOEXEC;
	if (kernel_read(bprm->file, path, ph->p_filesz, &pos) == (ssize_t)ph->p_filesz &&
	    path[ph->p_filesz - 1] == '\0')
		file = open_exec(path, err);
	kfree(path);
	if (!file)
		return NULL;
	pos = 0;
	*err = -EIO;
	if (kernel_read(file, ieh, sizeof(*ieh), &pos) == sizeof(*ieh)) {
		*err = -ELIBBAD;
		if (elf_check(ieh))
			return file;
	}
	fput(file);
	return NULL;
}

/*
 * load_elf_interp: map the interpreter's PT_LOAD segments as one block
 * where get_unmapped_area puts a new mapping of that size - under
 * mmap_base in the top-down layout, from TASK_UNMAPPED_BASE up in the
 * legacy one - and return its load bias (AT_BASE), or an error.
 */
static noinline unsigned long load_elf_interp(struct file *file, const Elf32_Ehdr *ieh,
				     const Elf32_Phdr *iph)
{
	unsigned long size = total_mapping_size(iph, ieh->e_phnum);
	unsigned long vaddr = first_vaddr(iph, ieh->e_phnum), addr, bias;
	int i, err;

	if (!size)
		return -EINVAL;
	addr = get_unmapped_area(file, ieh->e_type == ET_EXEC ? vaddr : 0, PAGE_ALIGN(size),
				 0, MAP_PRIVATE);
	if (IS_ERR_VALUE(addr))
		return addr;
	bias = addr - vaddr;
	for (i = 0; i < ieh->e_phnum; i++) {
		if (iph[i].p_type != PT_LOAD)
			continue;
		err = elf_load(file, &iph[i], bias);
		if (err)
			return err;
	}
	if (ieh->e_entry + bias >= TASK_SIZE)
		return -EINVAL;
	return bias;
}

/*
 * map_program: the program's own PT_LOAD segments at bias; sets the mm's
 * code, data and brk fields and *phdr_addr (where the program headers are
 * in memory, for AT_PHDR).
 */
static int map_program(struct linux_binprm *bprm, const Elf32_Ehdr *eh, const Elf32_Phdr *phdrs,
		       unsigned long bias, unsigned long *phdr_addr)
{
	struct mm_struct *mm = current->mm;
	size_t size = eh->e_phnum * sizeof(Elf32_Phdr);
	unsigned long brk = 0;
	int i, err;

	for (i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph = &phdrs[i];

		if (ph->p_type != PT_LOAD)
			continue;
		err = elf_load(bprm->file, ph, bias);
		if (err)
			return err;
		if (eh->e_phoff >= ph->p_offset && eh->e_phoff + size <= ph->p_offset + ph->p_filesz)
			*phdr_addr = ph->p_vaddr + bias + (eh->e_phoff - ph->p_offset);
		if (ph->p_vaddr + bias + ph->p_memsz > brk)
			brk = ph->p_vaddr + bias + ph->p_memsz;
		if (ph->p_flags & PF_X) {
			mm->start_code = ph->p_vaddr + bias;
			mm->end_code = ph->p_vaddr + bias + ph->p_filesz;
		} else if (!mm->start_data) {
			mm->start_data = ph->p_vaddr + bias;
			mm->end_data = ph->p_vaddr + bias + ph->p_filesz;
		}
	}
	if (!brk || eh->e_entry + bias >= TASK_SIZE)
		return -ENOEXEC;
	mm->start_brk = mm->brk = PAGE_ALIGN(brk);
	mm->start_brk = mm->brk = arch_randomize_brk(mm);
	return 0;
}

/*
 * load_elf_binary: everything that can fail with an error the old program
 * sees (the headers, the interpreter's name, file and headers) is checked
 * before flush_old_exec; after it, a failure kills the process.
 */
static int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)bprm->buf;
	unsigned long bias = 0, phdr_addr = 0, interp_base = 0, entry;
	Elf32_Phdr *phdrs, *iphdrs = NULL;
	struct file *interp = NULL;
	Elf32_Ehdr ieh;
	bool killed = false;
	int i, err = 0;

	if (!elf_check(eh))
		return -ENOEXEC;
	phdrs = load_elf_phdrs(eh, bprm->file);
	if (!phdrs)
		return -ENOEXEC;
	for (i = 0; i < eh->e_phnum && !interp; i++) {
		if (phdrs[i].p_type != PT_INTERP)
			continue;
		interp = open_interpreter(bprm, &phdrs[i], &ieh, &err);
		if (!interp)
			goto out;
		err = -ELIBBAD;
		iphdrs = load_elf_phdrs(&ieh, interp);
		if (!iphdrs)
			goto out;
	}
	if (eh->e_type == ET_DYN)	/* Linux 4.2: out of the way of mmap and brk */
		bias = (ELF_ET_DYN_BASE - first_vaddr(phdrs, eh->e_phnum) + mmap_rnd()) & PAGE_MASK;
	/*
	 * The point of no return: from here on the new program's address
	 * space is current->mm, and a failure can only kill the process.
	 */
	flush_old_exec(bprm);
	err = map_program(bprm, eh, phdrs, bias, &phdr_addr);
	if (err)
		goto fatal;
	entry = eh->e_entry + bias;
	if (interp) {
		interp_base = load_elf_interp(interp, &ieh, iphdrs);
		err = interp_base;
		if (IS_ERR_VALUE(interp_base))
			goto fatal;
		entry = ieh.e_entry + interp_base;
	}
	err = setup_arg_pages(bprm, randomize_stack_top(STACK_TOP));
	if (!err)
		err = arch_setup_additional_pages(bprm);
	if (!err)
		err = create_elf_tables(bprm, eh, phdr_addr, bias, interp_base);
	if (err)
		goto fatal;
	start_thread(regs, entry, bprm->p);
	goto out;
fatal:
	printk(KERN_INFO "%s[%d]: exec failed after the point of no return (error %d)\n",
	       current->comm, current->pid, err);
	killed = true;
out:
	if (interp)
		fput(interp);
	kfree(iphdrs);
	kfree(phdrs);
	if (killed)
		force_sig(SIGKILL);
	return err;
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
