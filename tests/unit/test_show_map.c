/*
 * /proc/<pid>/maps (fs/proc/task_mmu.c through fs/seq_file.c),
 * opened and read through proc_maps_operations as read() would: every
 * line exactly as Linux i386 prints it (the name at column 49, a nameless
 * line ending in one space after the inode, [heap], [stack], [vdso],
 * [vvar], `s` for shared, file offsets, device 00:02 and inode), the gate
 * area last; the same bytes read whole, 1 byte at a time and in other
 * chunks; a vanished process; and the resume rule: after a partial read
 * the walk continues from the last address shown (m->version) through
 * find_vma, not from the first area, so reading n lines in any chunk size
 * costs O(n log n) - checked by counting the walks that do not resume.
 * The rest of the kernel is stood in for here: tasks (find_task_by_pid),
 * names (d_path), the gate area (get_gate_vma), find_vma (a binary search
 * over the areas, so its calls can be counted), kmalloc, copy_to_user.
 */
// sources: fs/proc/task_mmu.c fs/seq_file.c lib/vsprintf.c
// kernel-cflags: -Dvsnprintf=yomi_vsnprintf -Dsnprintf=yomi_snprintf -Dsprintf=yomi_sprintf
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <asm/uaccess.h>
#include <asm/vdso.h>
#include "check.h"

/* --- stand-ins for the rest of the kernel ----------------------------------- */

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p = malloc(size ? size : 1);

	(void)gfp;
	if (p)
		memset(p, 0xa5, size);
	return p;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	void *p = kmalloc(size, gfp);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(const void *obj)
{
	free((void *)obj);
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

/* one process at a time: pid 7 with mm, or none */
#define PID 7
static struct task_struct task;
static struct mm_struct mm;
static int task_gone;

struct task_struct *find_task_by_pid(pid_t pid)
{
	return pid == PID && !task_gone ? &task : NULL;
}

/* fs/proc/root.c's, here on the stand-in tasks */
struct task_struct *proc_task(struct inode *inode)
{
	return find_task_by_pid(inode->i_private);
}

/* the areas of mm, sorted; find_vma searches them and counts its calls */
#define MAXV 40000
static struct vm_area_struct *areas[MAXV];
static int nareas;
/*
 * m_start asks for the gate area first, then (when it resumes) calls
 * find_vma; show_map calls neither. So a start at a position past 0 (and
 * not past the gate area: the end) that makes no find_vma call before the
 * next start walked the list from the first area.
 */
static struct seq_file *reading;	/* the maps file being read */
static long find_vma_calls, gate_calls, walks;
static int start_pending;		/* a start at pos > 0 has not called find_vma yet */

struct vm_area_struct *find_vma(struct mm_struct *m, unsigned long addr)
{
	int lo = 0, hi = nareas;

	CHECK(m == &mm);
	find_vma_calls++;
	start_pending = 0;
	while (lo < hi) {		/* the first area with vm_end > addr */
		int mid = (lo + hi) / 2;

		if (areas[mid]->vm_end > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo < nareas ? areas[lo] : NULL;
}

/* the gate area as arch/x86/vdso/vdso32-setup.c defines it */
static struct vm_area_struct gate_vma = {
	.vm_start = FIXADDR_USER_START,
	.vm_end = FIXADDR_USER_END,
	.vm_flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
	.vm_name = "[vdso]",
};

struct vm_area_struct *get_gate_vma(struct mm_struct *m)
{
	gate_calls++;
	walks += start_pending;		/* the previous start did not resume */
	start_pending = reading && reading->index > 0 && reading->index <= m->map_count;
	return m && m->context.vdso == VDSO_HIGH_BASE ? &gate_vma : NULL;
}

/* d_path: a dentry's d_name holds its whole path here */
int d_path(struct dentry *d, char *buf, int len)
{
	int n = strlen(d->d_name);

	if (n + 1 > len)
		return -ENAMETOOLONG;
	memcpy(buf, d->d_name, n + 1);
	return n;
}

/* --- building an address space --------------------------------------------- */

static void relink(void)
{
	int i;

	for (i = 0; i < nareas; i++) {
		areas[i]->vm_prev = i ? areas[i - 1] : NULL;
		areas[i]->vm_next = i + 1 < nareas ? areas[i + 1] : NULL;
		areas[i]->vm_mm = &mm;
	}
	mm.mmap = nareas ? areas[0] : NULL;
	mm.map_count = nareas;
	mm.highest_vm_end = nareas ? areas[nareas - 1]->vm_end : 0;
}

static void reset_mm(void)
{
	int i;

	for (i = 0; i < nareas; i++)
		free(areas[i]);
	nareas = 0;
	memset(&mm, 0, sizeof(mm));
	memset(&task, 0, sizeof(task));
	task.pid = PID;
	task.mm = &mm;
	task_gone = 0;
	mm.context.vdso = VDSO_HIGH_BASE;	/* vdso_enabled = 2 */
	relink();
}

/* add: an area after the last one (the caller adds them in order) */
static struct vm_area_struct *add(unsigned long start, unsigned long end, unsigned long flags,
				  struct file *file, unsigned long pgoff, const char *name)
{
	struct vm_area_struct *v = calloc(1, sizeof(*v));

	v->vm_start = start;
	v->vm_end = end;
	v->vm_flags = flags;
	v->vm_file = file;
	v->vm_pgoff = pgoff;
	v->vm_name = name;
	v->vm_mm = &mm;
	v->vm_prev = nareas ? areas[nareas - 1] : NULL;
	if (nareas)
		areas[nareas - 1]->vm_next = v;
	else
		mm.mmap = v;
	areas[nareas++] = v;
	mm.map_count = nareas;
	mm.highest_vm_end = end;
	return v;
}

static void remove_area(int i)
{
	free(areas[i]);
	memmove(&areas[i], &areas[i + 1], (nareas - i - 1) * sizeof(areas[0]));
	nareas--;
	relink();
}

static struct file *file_named(const char *path, unsigned long ino)
{
	struct file *f = calloc(1, sizeof(*f));
	struct inode *inode = calloc(1, sizeof(*inode));
	struct dentry *d = calloc(1, sizeof(*d));

	inode->i_ino = ino;
	inode->i_mode = S_IFREG | 0755;
	snprintf(d->d_name, sizeof(d->d_name), "%s", path);
	d->d_inode = inode;
	f->f_inode = inode;
	f->f_dentry = d;
	return f;
}

/* --- reading ------------------------------------------------------------------ */

static int maps_open_file(struct file *f)
{
	static struct inode inode;

	memset(f, 0, sizeof(*f));
	memset(&inode, 0, sizeof(inode));
	inode.i_private = PID;
	f->f_inode = &inode;
	f->f_op = &proc_maps_operations;
	return f->f_op->open(&inode, f);
}

/* read_maps: the whole file in reads of `chunk` bytes (0: one big read) */
static char *read_maps(size_t chunk, size_t *len, long *reads)
{
	size_t cap = 64 << 20, got = 0;
	char *out = malloc(cap);
	struct file f;
	ssize_t r;

	*reads = 0;
	CHECK_EQ(maps_open_file(&f), 0);
	reading = f.private_data;
	start_pending = 0;
	do {
		size_t want = chunk ? chunk : cap - got;

		r = f.f_op->read(&f, out + got, want, &f.f_pos);
		(*reads)++;
		if (r > 0)
			got += r;
	} while (r > 0 && got < cap);
	CHECK_EQ(r, 0);
	walks += start_pending;
	start_pending = 0;
	reading = NULL;
	f.f_op->release(&f);
	out[got] = 0;
	*len = got;
	return out;
}

static char *read_whole(void)
{
	size_t len;
	long reads;

	return read_maps(0, &len, &reads);
}

/* --- the lines ---------------------------------------------------------------- */

#define R VM_READ
#define W VM_WRITE
#define X VM_EXEC
#define MAY (VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

static void check_format(void)
{
	struct file *probe = file_named("/bin/mapsprobe", 11);
	struct file *shared = file_named("/tmp/shared file", 12);
	struct file *big = file_named("/lib/big", 1234567890);
	char *got;
	/* what Linux 6.1 i386 prints for such areas (compare DESIGN.md) */
	static const char want[] =
		"08048000-08049000 r--p 00000000 00:02 11         /bin/mapsprobe\n"
		"08049000-0804a000 r-xp 00001000 00:02 11         /bin/mapsprobe\n"
		"0804a000-0804b000 rw-p 00002000 00:02 11         /bin/mapsprobe\n"
		"0804b000-0806b000 rw-p 00000000 00:00 0 \n"
		"0806c000-0808c000 rw-p 00000000 00:00 0          [heap]\n"
		"40000000-40001000 rw-s 00000000 00:02 12         /tmp/shared file\n"
		"40001000-40003000 r--s 00003000 00:02 12         /tmp/shared file\n"
		"40003000-40004000 ---p 00000000 00:00 0 \n"
		"40004000-40005000 -w-p 00000000 00:00 0 \n"
		"40005000-40006000 --xp 00000000 00:00 0 \n"
		"50000000-50001000 r--p 12345000 00:02 1234567890  /lib/big\n"
		"b7fd0000-b7fd1000 r--p 00000000 00:00 0          [vvar]\n"
		"b7fd1000-b7fd2000 r-xp 00000000 00:00 0          [vdso]\n"
		"bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]\n"
		"ffffe000-fffff000 r-xp 00000000 00:00 0          [vdso]\n";
	const char *w, *g;
	int line = 1;

	reset_mm();
	add(0x08048000, 0x08049000, R | MAY, probe, 0, NULL);
	add(0x08049000, 0x0804a000, R | X | MAY, probe, 1, NULL);
	add(0x0804a000, 0x0804b000, R | W | MAY, probe, 2, NULL);
	add(0x0804b000, 0x0806b000, R | W | MAY, NULL, 0x0804b, NULL);	/* bss: no name */
	add(0x0806c000, 0x0808c000, R | W | MAY, NULL, 0x0806c, NULL);
	mm.start_brk = 0x0806c000;	/* (an area that touches start_brk is [heap] too) */
	mm.brk = 0x0808b123;
	add(0x40000000, 0x40001000, R | W | VM_SHARED | VM_MAYSHARE | MAY, shared, 0, NULL);
	add(0x40001000, 0x40003000, R | VM_MAYSHARE | MAY, shared, 3, NULL);
	add(0x40003000, 0x40004000, MAY, NULL, 0, NULL);
	add(0x40004000, 0x40005000, W | MAY, NULL, 0, NULL);
	add(0x40005000, 0x40006000, X | MAY, NULL, 0, NULL);
	/* wider than 48 with its space: seq_pad adds none, then one more (as Linux) */
	add(0x50000000, 0x50001000, R | MAY, big, 0x12345, NULL);
	add(0xb7fd0000, 0xb7fd1000, R | VM_MAYREAD, NULL, 0, "[vvar]");
	add(0xb7fd1000, 0xb7fd2000, R | X | VM_MAYREAD | VM_MAYEXEC, NULL, 0, "[vdso]");
	add(0xbffdf000, 0xc0000000, R | W | VM_GROWSDOWN | MAY, NULL, 0, NULL);
	mm.start_stack = 0xbfffe8c0;

	got = read_whole();
	/* line by line, so a failure names the line */
	for (w = want, g = got; *w; line++) {
		const char *we = strchr(w, '\n'), *ge = strchr(g, '\n');
		int wl = we - w, gl = ge ? ge - g : (int)strlen(g);

		CHECK(wl == gl && !memcmp(w, g, wl), "line %d is\n\t\"%.*s\", want\n\t\"%.*s\"",
		      line, gl, g, wl, w);
		w = we + 1;
		g = ge ? ge + 1 : g + gl;
	}
	CHECK(!*g, "more lines than expected: \"%s\"", g);
	CHECK_STR(got, want);
	/* the name begins after exactly 49 characters */
	CHECK(!memcmp(got + 49, "/bin/mapsprobe", 14), "name at column 49");
	free(got);

	/* no gate area (vdso_enabled 0 or 1): nothing after the last area */
	mm.context.vdso = 0xb7fd1000;
	got = read_whole();
	CHECK(strlen(got) > 0 && !strstr(got, "ffffe000-"), "the gate line without the compat vDSO");
	CHECK(!strcmp(got + strlen(got) - strlen("[stack]\n"), "[stack]\n"), "[stack] last");
	free(got);

	/* [heap]: the area that holds the brk range, also when brk is in it exactly */
	reset_mm();
	add(0x08048000, 0x08049000, R | X | MAY, probe, 0, NULL);
	add(0x0804a000, 0x0804b000, R | W | MAY, NULL, 0, NULL);
	mm.start_brk = mm.brk = 0x0804b000;	/* an empty heap right after the bss */
	got = read_whole();
	CHECK_STR(got,
		  "08048000-08049000 r-xp 00000000 00:02 11         /bin/mapsprobe\n"
		  "0804a000-0804b000 rw-p 00000000 00:00 0          [heap]\n"
		  "ffffe000-fffff000 r-xp 00000000 00:00 0          [vdso]\n");
	free(got);

	/* only the gate area: an address space with no areas yet */
	reset_mm();
	got = read_whole();
	CHECK_STR(got, "ffffe000-fffff000 r-xp 00000000 00:00 0          [vdso]\n");
	free(got);
	mm.context.vdso = 0;
	got = read_whole();
	CHECK_STR(got, "");
	free(got);

	/* a task without an address space (a kernel thread): empty */
	reset_mm();
	add(0x08048000, 0x08049000, R | MAY, NULL, 0, NULL);
	task.mm = NULL;
	got = read_whole();
	CHECK_STR(got, "");
	free(got);
	reset_mm();
}

/* the process exits while the file is open: -ESRCH, never a crash */
static void check_vanished(void)
{
	struct file f;
	char buf[200];
	int i;

	reset_mm();
	for (i = 0; i < 20; i++)
		add(0x10000000 + i * 0x2000, 0x10001000 + i * 0x2000, R | MAY, NULL, 0, NULL);
	CHECK_EQ(maps_open_file(&f), 0);
	CHECK_EQ(f.f_op->read(&f, buf, 100, &f.f_pos), 100);
	task_gone = 1;
	{
		ssize_t r = f.f_op->read(&f, buf, sizeof(buf), &f.f_pos);

		/* what was already generated may still come; then the error */
		CHECK(r == -ESRCH || r > 0, "read after the exit: %zd", r);
		while (r > 0)
			r = f.f_op->read(&f, buf, sizeof(buf), &f.f_pos);
		CHECK_EQ(r, -ESRCH);
	}
	f.f_op->release(&f);
	CHECK_EQ(maps_open_file(&f), -ESRCH);	/* and it cannot be opened again */
	task.exit_state = EXIT_ZOMBIE;		/* a zombie's maps are empty, as on Linux */
	task_gone = 0;
	CHECK_EQ(maps_open_file(&f), 0);
	CHECK_EQ(f.f_op->read(&f, buf, sizeof(buf), &f.f_pos), 0);
	f.f_op->release(&f);
	reset_mm();
}

/* --- many areas: the same bytes in every chunk size, and resuming by address --- */

static void many_areas(int n)
{
	static const char *const names[] = { NULL, NULL, "[vvar]", NULL };
	static struct file *lib;
	int i;

	if (!lib)
		lib = file_named("/lib/libexample.so", 4242);
	reset_mm();
	for (i = 0; i < n; i++) {
		unsigned long s = 0x10000000UL + (unsigned long)i * 0x3000;
		unsigned long flags = (i % 3 ? R : 0) | (i % 2 ? W : 0) | MAY |
				      (i % 5 == 0 ? VM_MAYSHARE : 0);

		add(s, s + 0x1000 + (i % 2) * 0x1000, flags, i % 7 == 3 ? lib : NULL, i,
		    names[i % 4]);
	}
	mm.start_brk = 0x10000000;	/* the first area is [heap] */
	mm.brk = 0x10000800;
}

/* the reference: each line formatted here, by the host's printf */
static char *expected_maps(size_t *len)
{
	char *out = malloc((size_t)(nareas + 1) * 160), *p = out;
	int i;

	for (i = 0; i <= nareas; i++) {
		struct vm_area_struct *v = i < nareas ? areas[i] : &gate_vma;
		const char *name = v->vm_name;
		unsigned long ino = 0;
		int n;

		if (v->vm_file) {
			name = v->vm_file->f_dentry->d_name;
			ino = v->vm_file->f_inode->i_ino;
		} else if (!name && v->vm_start <= mm.brk && v->vm_end >= mm.start_brk) {
			name = "[heap]";
		}
		n = sprintf(p, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu %n",
			    v->vm_start, v->vm_end, v->vm_flags & R ? 'r' : '-',
			    v->vm_flags & W ? 'w' : '-', v->vm_flags & X ? 'x' : '-',
			    v->vm_flags & VM_MAYSHARE ? 's' : 'p',
			    v->vm_file ? (unsigned long long)v->vm_pgoff << 12 : 0ULL,
			    0, v->vm_file ? 2 : 0, ino, &n);
		p += n;
		if (name)
			p += sprintf(p, "%*s%s", n < 48 ? 48 - n + 1 : 1, "", name);
		*p++ = '\n';
	}
	*p = 0;
	*len = p - out;
	return out;
}

static void check_chunks(void)
{
	static const size_t chunks[] = { 1, 2, 3, 7, 49, 100, 4096, 0 };
	char *want, *got;
	size_t wl, gl, c;
	long reads;
	int n = 3000;

	many_areas(n);
	want = expected_maps(&wl);
	for (c = 0; c < ARRAY_SIZE(chunks); c++) {
		find_vma_calls = gate_calls = 0;
		got = read_maps(chunks[c], &gl, &reads);
		CHECK(gl == wl && !memcmp(got, want, wl), "%d areas in %zu-byte reads: %zu bytes, "
		      "want %zu; first difference at %zu", n, chunks[c], gl, wl,
		      (size_t)({ size_t k = 0; while (k < gl && k < wl && got[k] == want[k]) k++; k; }));
		free(got);
	}
	free(want);
}

/*
 * Each fill of the seq_file buffer calls m_start, which resumes where the
 * last fill stopped with find_vma. A start at an area past the first that
 * does not walks the list from the first area, which makes reading the
 * file O(n^2) (n lines / lines per read walks of up to n steps).
 */
static void check_resume_cost(void)
{
	static const size_t chunks[] = { 1, 10, 100, 1000, 4096, 8192, 0 };
	int sizes[] = { 100, 1000, 30000 };
	unsigned int s, c;

	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		many_areas(sizes[s]);
		for (c = 0; c < ARRAY_SIZE(chunks); c++) {
			size_t len;
			long reads;
			char *got;

			if (sizes[s] > 1000 && chunks[c] < 100)
				continue;	/* millions of reads: the 1000-area case says enough */
			find_vma_calls = gate_calls = walks = 0;
			got = read_maps(chunks[c], &len, &reads);
			free(got);
			CHECK(walks == 0, "%d areas in %zu-byte reads (%ld reads): %ld of %ld starts "
			      "walked the list from the first area instead of resuming with find_vma",
			      sizes[s], chunks[c], reads, walks, gate_calls);
			CHECK(find_vma_calls <= reads + 2 * (long)(len / 4096) + 2,
			      "%d areas in %zu-byte reads: %ld find_vma calls for %ld reads",
			      sizes[s], chunks[c], find_vma_calls, reads);
		}
	}
	reset_mm();
}

/*
 * Between two reads the address space changes. The walk goes on from the
 * address after the last line shown: an area removed before it shifts
 * nothing (no line repeated or lost), and the lines that follow are those
 * of the areas now there.
 */
static void check_resume_by_address(void)
{
	struct file f;
	char buf[4096], line[200];
	ssize_t r;
	int i, lines = 0;

	reset_mm();
	for (i = 0; i < 10; i++)
		add(0x10000000 + i * 0x2000, 0x10001000 + i * 0x2000, R | MAY, NULL, 0, NULL);
	mm.context.vdso = 0;
	CHECK_EQ(maps_open_file(&f), 0);
	/* read the first three lines (each 41 bytes), exactly */
	r = f.f_op->read(&f, buf, 3 * 41, &f.f_pos);
	CHECK_EQ(r, 3 * 41);
	CHECK(!memcmp(buf + 2 * 41, "10004000-10005000 r--p", 22), "the third line");
	remove_area(0);			/* munmap of the first area */
	remove_area(0);
	r = f.f_op->read(&f, buf, sizeof(buf), &f.f_pos);
	CHECK(r > 0, "read after the change: %zd", r);
	buf[r > 0 ? r : 0] = 0;
	snprintf(line, sizeof(line), "%08x-%08x r--p", 0x10006000, 0x10007000);
	CHECK(!strncmp(buf, line, strlen(line)), "after 10004000-10005000 comes %s, not \"%.22s\"",
	      line, buf);
	for (i = 0; i < r; i++)
		lines += buf[i] == '\n';
	CHECK_EQ(lines, 7);		/* 10006000 .. 10012000 */
	f.f_op->release(&f);

	/* an area inserted after the last line shown appears; one before does not */
	reset_mm();
	for (i = 0; i < 10; i++)
		add(0x10000000 + i * 0x4000, 0x10001000 + i * 0x4000, R | MAY, NULL, 0, NULL);
	mm.context.vdso = 0;
	CHECK_EQ(maps_open_file(&f), 0);
	r = f.f_op->read(&f, buf, 2 * 41, &f.f_pos);	/* 10000000, 10004000 */
	CHECK_EQ(r, 2 * 41);
	{
		struct vm_area_struct *before = calloc(1, sizeof(*before));
		struct vm_area_struct *after = calloc(1, sizeof(*after));

		before->vm_start = 0x10001000;
		before->vm_end = 0x10002000;
		before->vm_flags = R | W | MAY;
		after->vm_start = 0x10005000;
		after->vm_end = 0x10006000;
		after->vm_flags = R | W | MAY;
		memmove(&areas[2], &areas[1], (nareas - 1) * sizeof(areas[0]));
		areas[1] = before;
		nareas++;
		memmove(&areas[4], &areas[3], (nareas - 3) * sizeof(areas[0]));
		areas[3] = after;
		nareas++;
		relink();
	}
	r = f.f_op->read(&f, buf, 41, &f.f_pos);
	CHECK_EQ(r, 41);
	CHECK(!memcmp(buf, "10005000-10006000 rw-p", 22), "the area inserted after: \"%.22s\"", buf);
	r = f.f_op->read(&f, buf, 41, &f.f_pos);
	CHECK(!memcmp(buf, "10008000-10009000 r--p", 22), "then the next: \"%.22s\"", buf);
	f.f_op->release(&f);
	reset_mm();
}

int main(void)
{
	check_format();
	check_vanished();
	check_chunks();
	check_resume_by_address();
	check_resume_cost();
	reset_mm();
	return check_done();
}
