/*
 * test_maps: /proc/<pid>/maps and the rest of /proc.
 *   - /proc/self/maps read whole, 1 byte and 7 bytes at a time: the same
 *     bytes; every line in Linux i386's format (start-end perms offset
 *     dev inode, then the name padded to begin after 49 characters);
 *     sorted, page aligned, not overlapping; the program, [heap], [stack];
 *     adjacent anonymous mappings merged into one line, split by mprotect
 *     and merged again; some 3000 lines read in every size, and a reader
 *     that resumes after the VMAs changed;
 *   - the vDSO: with vdso_enabled = 2 (yomi's default; Linux dropped the
 *     compat vDSO, and there 2 means no vDSO) the last line is the gate
 *     page at ffffe000, which no VMA covers; with 1 (the program
 *     re-executed, on both kernels) an ordinary [vdso] VMA below the stack
 *     at AT_SYSINFO_EHDR; with 0 none; writing to the vDSO or the gate
 *     page kills the writer;
 *   - /proc/self, /proc/<pid>/{status,stat,cmdline}, another process's
 *     maps, a zombie (state Z), a vanished pid, and what /proc/sys does
 *     with values that are no number or out of the usual range.
 * The sysctls are changed on Linux too: it runs in a throwaway machine.
 */
#include <stdlib.h>
#include <sys/auxv.h>
#include "sys.h"

#define MAPS_SIZE (256 * 1024)
/* seq_setwidth's 25 + 6 * sizeof(void *) - 1 for an i386 kernel */
#define NAME_WIDTH (25 + 6 * 4 - 1)

static const char *self;
static char self_path[256];	/* what maps names the program by */
static int yomi;

/* --- reading ----------------------------------------------------------------- */

/* read_chunks: the whole of path in reads of chunk bytes; its length or -1 */
static long read_chunks(const char *path, char *buf, size_t size, size_t chunk)
{
	int fd = sys_open(path, O_RDONLY, 0);
	size_t len = 0;
	ssize_t r;

	if (fd < 0)
		return -1;
	while (len + chunk < size && (r = read(fd, buf + len, chunk)) > 0)
		len += r;
	close(fd);
	buf[len] = '\0';
	return len;
}

/* --- parsing ------------------------------------------------------------------ */

struct line {
	unsigned long start, end, offset;
	char perms[5];
	const char *name;	/* NULL when there is none */
	int name_col;		/* where the name begins */
	int prefix_len;		/* up to and including the space after the inode */
};

static int is_lower_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

static int hexfield(const char **p, int min, int max, unsigned long *v)
{
	int n = 0;

	*v = 0;
	while (n < max && is_lower_hex(**p)) {
		*v = *v * 16 + (**p <= '9' ? **p - '0' : **p - 'a' + 10);
		(*p)++;
		n++;
	}
	return n >= min;
}

/*
 * parse_line: one line (without its newline) in the format
 * ^[0-9a-f]{8}-[0-9a-f]{8} [r-][w-][x-][ps] [0-9a-f]{8} [0-9a-f]{2}:[0-9a-f]{2} [0-9]+ (name)?
 * 0 if not.
 */
static int parse_line(const char *s, struct line *l)
{
	const char *p = s;
	unsigned long v;
	int n = 0;

	if (!hexfield(&p, 8, 8, &l->start) || *p++ != '-' || !hexfield(&p, 8, 8, &l->end) ||
	    *p++ != ' ')
		return 0;
	if ((p[0] != 'r' && p[0] != '-') || (p[1] != 'w' && p[1] != '-') ||
	    (p[2] != 'x' && p[2] != '-') || (p[3] != 'p' && p[3] != 's') || p[4] != ' ')
		return 0;
	memcpy(l->perms, p, 4);
	l->perms[4] = '\0';
	p += 5;
	if (!hexfield(&p, 8, 8, &l->offset) || *p++ != ' ')
		return 0;
	if (!hexfield(&p, 2, 2, &v) || *p++ != ':' || !hexfield(&p, 2, 2, &v) || *p++ != ' ')
		return 0;
	while (*p >= '0' && *p <= '9') {
		p++;
		n++;
	}
	if (!n || *p++ != ' ')
		return 0;
	l->prefix_len = p - s;
	while (*p == ' ')
		p++;
	l->name = *p ? p : NULL;
	l->name_col = p - s;
	return !*p || l->name_col > l->prefix_len;
}

/* expected_col: where Linux's seq_pad puts a name after a prefix */
static int expected_col(const struct line *l)
{
	return (l->prefix_len > NAME_WIDTH ? l->prefix_len : NAME_WIDTH) + 1;
}

#define MAX_LINES 4096
static struct line lines[MAX_LINES];
static char copy[MAPS_SIZE];

/* parse_maps: splits text (a copy of it) into lines[]; how many, or -1 if
 * one is malformed (and says which) */
static int parse_maps(const char *text)
{
	char *p, *nl;
	int n = 0;

	snprintf(copy, sizeof(copy), "%s", text);
	for (p = copy; *p && n < MAX_LINES; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl) {
			printf("#   no newline after \"%s\"\n", p);
			return -1;
		}
		*nl = '\0';
		if (!parse_line(p, &lines[n])) {
			printf("#   malformed line \"%s\"\n", p);
			return -1;
		}
		n++;
	}
	return n;
}

static const struct line *find_name(int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (lines[i].name && !strcmp(lines[i].name, name))
			return &lines[i];
	return NULL;
}

static const struct line *find_addr(int n, unsigned long addr)
{
	int i;

	for (i = 0; i < n; i++)
		if (lines[i].start <= addr && addr < lines[i].end)
			return &lines[i];
	return NULL;
}

/* --- the maps file ------------------------------------------------------------ */

static char whole[MAPS_SIZE], bytes[MAPS_SIZE], sevens[MAPS_SIZE];

static void reading(void)
{
	long a, b, c;

	a = read_chunks("/proc/self/maps", whole, sizeof(whole), sizeof(whole) / 2);
	b = read_chunks("/proc/self/maps", bytes, sizeof(bytes), 1);
	c = read_chunks("/proc/self/maps", sevens, sizeof(sevens), 7);
	ok(a > 0, "/proc/self/maps can be read (%ld bytes)", a);
	ok(a == b && !memcmp(whole, bytes, a), "reading it 1 byte at a time gives the same bytes");
	ok(a == c && !memcmp(whole, sevens, a), "reading it 7 bytes at a time gives the same bytes");
	if (a != b || memcmp(whole, bytes, a))
		printf("#   whole:\n%s#   1 byte at a time:\n%s", whole, bytes);
}

static void format(void)
{
	int n, i, cols = 1, sorted = 1, aligned = 1;
	static int data = 1;
	unsigned long here = (unsigned long)&n, brk_end;
	const struct line *l;
	char *heap = malloc(100);

	heap[0] = 1;
	brk_end = (unsigned long)sbrk(0);
	read_chunks("/proc/self/maps", whole, sizeof(whole), 4096);
	n = parse_maps(whole);
	ok(n > 0, "every line matches the maps format (%d lines)", n);
	if (n <= 0) {
		printf("%s", whole);
		return;
	}
	for (i = 0; i < n; i++) {
		if (lines[i].name && lines[i].name_col != expected_col(&lines[i])) {
			printf("#   line %d: the name begins at column %d, expected %d\n", i,
			       lines[i].name_col, expected_col(&lines[i]));
			cols = 0;
		}
		if (lines[i].start >= lines[i].end || (i && lines[i].start < lines[i - 1].end))
			sorted = 0;
		if ((lines[i].start | lines[i].end) & (PAGE_SIZE - 1))
			aligned = 0;
	}
	ok(cols, "names begin at column %d (the kernel's pointer size: %d)", NAME_WIDTH + 1,
	   (NAME_WIDTH - 24) / 6);
	ok(sorted, "the lines are sorted and do not overlap");
	ok(aligned, "start and end are page aligned");

	l = find_addr(n, 0x08048000UL);
	ok(l && l->name && !strcmp(l->name, self_path) && l->offset == 0,
	   "0x08048000 is mapped from the program, %s, offset 0", self_path);
	l = find_addr(n, (unsigned long)&format);
	ok(l && l->name && !strcmp(l->name, self_path) && !strcmp(l->perms, "r-xp"),
	   "the text is r-xp and named after the program");
	l = find_addr(n, (unsigned long)&data);
	ok(l && !strcmp(l->perms, "rw-p"), "the data is rw-p");
	l = find_addr(n, (unsigned long)heap);
	ok(l && l->name && !strcmp(l->name, "[heap]") && l->end >= brk_end,
	   "after malloc, [heap] holds it and reaches the break");
	l = find_addr(n, here);
	ok(l && l->name && !strcmp(l->name, "[stack]") && !strcmp(l->perms, "rw-p"),
	   "a local variable is in [stack], rw-p");
	free(heap);
}

static void merge_and_split(void)
{
	char *a[3], *lo;
	const struct line *l;
	int i, n;

	for (i = 0; i < 3; i++)
		a[i] = sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);
	read_chunks("/proc/self/maps", whole, sizeof(whole), 4096);
	n = parse_maps(whole);
	l = find_addr(n, (unsigned long)a[1]);
	lo = a[0] < a[2] ? a[0] : a[2];		/* either layout: a[1] is the middle */
	ok(((a[1] == a[0] - PAGE_SIZE && a[2] == a[1] - PAGE_SIZE) ||
	    (a[1] == a[0] + PAGE_SIZE && a[2] == a[1] + PAGE_SIZE)) && l &&
	   l->start <= (unsigned long)lo && l->end >= (unsigned long)lo + 3 * PAGE_SIZE &&
	   !l->name && l->prefix_len == 40,
	   "three adjacent anonymous mmaps show as one nameless line ending \" 0 \"");
	sys_mprotect(a[1], PAGE_SIZE, PROT_READ);
	read_chunks("/proc/self/maps", whole, sizeof(whole), 4096);
	n = parse_maps(whole);
	l = find_addr(n, (unsigned long)a[1]);
	ok(l && l->start == (unsigned long)a[1] && l->end == (unsigned long)a[1] + PAGE_SIZE &&
	   !strcmp(l->perms, "r--p"), "mprotect of the middle page splits out a r--p line");
	sys_mprotect(a[1], PAGE_SIZE, PROT_READ | PROT_WRITE);
	read_chunks("/proc/self/maps", whole, sizeof(whole), 4096);
	n = parse_maps(whole);
	l = find_addr(n, (unsigned long)a[1]);
	ok(l && l->start <= (unsigned long)lo && l->end >= (unsigned long)lo + 3 * PAGE_SIZE,
	   "mprotect back to read-write merges the three again");
	for (i = 0; i < 3; i++)
		sys_munmap(a[i], PAGE_SIZE);
}

/*
 * big_maps: some 3000 lines (a region whose pages alternate between
 * read-write and read-only, so that no two merge), longer than one read:
 * every read size gives the same bytes; and a reader that goes on after the
 * VMAs changed resumes after the last line it got (Linux remembers an
 * address, not a line number): no line twice, none missing but the one
 * unmapped ahead of it.
 */
static void big_maps(void)
{
	enum { N = 3000 };
	char *r = sys_mmap(NULL, N * PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *nl;
	unsigned long last, before, after;
	long a, b, c, d, len, more;
	int i, n, m, fd, sorted = 1, gone = 1;

	for (i = 1; i < N; i += 2)
		sys_mprotect(r + i * PAGE_SIZE, PAGE_SIZE, PROT_READ);
	a = read_chunks("/proc/self/maps", whole, sizeof(whole), sizeof(whole) / 2);
	b = read_chunks("/proc/self/maps", bytes, sizeof(bytes), 1);
	c = read_chunks("/proc/self/maps", sevens, sizeof(sevens), 7);
	n = parse_maps(whole);
	ok(n >= N && a > 4096, "with %d more VMAs maps has %d lines (%ld bytes)", N, n, a);
	ok(a == b && !memcmp(whole, bytes, a), "reading it 1 byte at a time gives the same bytes");
	ok(a == c && !memcmp(whole, sevens, a), "reading it 7 bytes at a time gives the same bytes");
	d = read_chunks("/proc/self/maps", sevens, sizeof(sevens), 4096);
	ok(a == d && !memcmp(whole, sevens, a), "reading it 4 KiB at a time gives the same bytes");

	fd = sys_open("/proc/self/maps", O_RDONLY, 0);
	len = read(fd, bytes, 4096);
	bytes[len > 0 ? len : 0] = '\0';
	nl = strrchr(bytes, '\n');
	while (nl && nl > bytes && nl[-1] != '\n')
		nl--;			/* the start of the last complete line */
	last = nl ? strtoul(nl, NULL, 16) : 0;
	before = (unsigned long)r + 2 * PAGE_SIZE;
	after = (unsigned long)r + (N - 10) * PAGE_SIZE;
	if (len <= 0 || !(before < last && last < after)) {
		ok(0, "the first 4 KiB read ends inside the region (read %ld, last line at %#lx)", len,
		   last);
		close(fd);
		sys_munmap(r, N * PAGE_SIZE);
		return;
	}
	sys_munmap((void *)before, PAGE_SIZE);	/* already shown */
	sys_munmap((void *)after, PAGE_SIZE);	/* not yet */
	while (len < (long)sizeof(bytes) - 4097 && (more = read(fd, bytes + len, 4096)) > 0)
		len += more;
	bytes[len] = '\0';
	close(fd);
	m = parse_maps(bytes);
	for (i = 1; i < m; i++)
		if (lines[i].start < lines[i - 1].end)
			sorted = 0;
	for (i = 0; i < m; i++)
		if (lines[i].start <= after && after < lines[i].end)
			gone = 0;
	ok(m > 0 && sorted, "a reader going on after two munmaps gets well-formed, sorted lines");
	expect_eq(m, n - 1, "with nothing repeated and only the VMA unmapped ahead of it missing");
	ok(gone, "the VMA unmapped ahead of the reader is not shown");
	sys_munmap(r, N * PAGE_SIZE);
}

/* --- the vDSO ----------------------------------------------------------------- */

static const char gate_line[] = "ffffe000-fffff000 r-xp 00000000 00:00 0          [vdso]";

/* gate_is_last: the last of the n lines parsed from whole is gate_line */
static int gate_is_last(int n)
{
	const char *tail = whole + strlen(whole) - sizeof(gate_line);	/* with its newline */

	return n > 1 && tail > whole && tail[-1] == '\n' &&
	       !strncmp(tail, gate_line, sizeof(gate_line) - 1) &&
	       !strcmp(tail + sizeof(gate_line) - 1, "\n");
}

static void vdso_compat(void)
{
	const char *why = NULL;
	int n, i, last = 0, covered = 0, elf = 0;

	if (!yomi)
		why = "yomi-only: Linux dropped the compat vDSO";
	else if (read_int_file("/proc/sys/vm/vdso_enabled") != 2)
		why = "vdso_enabled is not 2";
	if (!why) {		/* 0xffffe000 is only readable in this mode */
		read_chunks("/proc/self/maps", whole, sizeof(whole), 4096);
		n = parse_maps(whole);
		last = gate_is_last(n);
		for (i = 0; i < n - 1; i++)
			covered |= lines[i].end > 0xffffe000UL;
		elf = !memcmp((void *)0xffffe000UL, "\177ELF", 4);
	}
	ok_unless(why, last, "the last line is exactly \"%s\"", gate_line);
	ok_unless(why, !covered, "no other line covers 0xffffe000 (it is in no VMA)");
	ok_unless(why, getauxval(AT_SYSINFO_EHDR) == 0xffffe000UL, "AT_SYSINFO_EHDR is 0xffffe000");
	ok_unless(why, elf, "the gate page is readable: an ELF header");
}

static int mode_maps(void)
{
	int gate = in_child(peek, (void *)0xffffe000UL);

	printf("ehdr=%lx gate=%d\n", getauxval(AT_SYSINFO_EHDR),
	       WIFSIGNALED(gate) ? -WTERMSIG(gate) : WEXITSTATUS(gate));
	read_chunks("/proc/self/maps", whole, sizeof(whole), 4096);
	printf("%s", whole);
	return 0;
}

/* maps_in_mode: the maps of this program re-executed with vdso_enabled =
 * mode; the text after the first line goes to out, AT_SYSINFO_EHDR
 * to *ehdr, and to *gate how a read of 0xffffe000 ended (the byte read, or
 * minus the signal) */
static int maps_in_mode(int mode, char *out, size_t size, unsigned long *ehdr, int *gate)
{
	const char *path = "/proc/sys/vm/vdso_enabled";
	const char *args[] = { "maps", NULL };
	long old = read_int_file(path);
	char val[8];
	int status;

	snprintf(val, sizeof(val), "%d\n", mode);
	if (write_file(path, val) != 2) {
		printf("#   writing %d to %s: %s\n", mode, path, strerror(errno));
		return 0;
	}
	status = run_self(self, args, NULL, NULL, out, size);
	snprintf(val, sizeof(val), "%ld\n", old);
	write_file(path, val);
	if (status != 0 || strncmp(out, "ehdr=", 5)) {
		describe_status(status);
		return 0;
	}
	*ehdr = strtoul(out + 5, NULL, 16);
	*gate = strstr(out, "gate=") ? atoi(strstr(out, "gate=") + 5) : 0;
	memmove(out, strchr(out, '\n') + 1, strlen(strchr(out, '\n') + 1) + 1);
	return 1;
}

static char child_maps[MAPS_SIZE];

static void vdso_modes(void)
{
	const struct line *vdso, *stack;
	long initial_mode = read_int_file("/proc/sys/vm/vdso_enabled");
	unsigned long ehdr;
	int n, gate;

	/* Linux's vDSO, and yomi's in mode 1, is an ordinary VMA */
	if (!maps_in_mode(1, child_maps, sizeof(child_maps), &ehdr, &gate)) {
		ok(0, "vdso_enabled = 1: the re-executed program reports its maps");
		return;
	}
	n = parse_maps(child_maps);
	vdso = find_name(n, "[vdso]");
	stack = find_name(n, "[stack]");
	ok(vdso && vdso->start == ehdr && ehdr && ehdr != 0xffffe000UL,
	   "vdso_enabled = 1: [vdso] is a VMA at AT_SYSINFO_EHDR (%#lx)", ehdr);
	ok(vdso && stack && vdso->end <= stack->start && !strcmp(vdso->perms, "r-xp"),
	   "vdso_enabled = 1: it is r-xp, among the VMAs below [stack]");
	expect_eq(gate, -SIGSEGV,
		  "vdso_enabled = 1: a read of 0xffffe000 (no gate page) kills the reader");
	if (!maps_in_mode(0, child_maps, sizeof(child_maps), &ehdr, &gate)) {
		ok(0, "vdso_enabled = 0: the re-executed program reports its maps");
		return;
	}
	n = parse_maps(child_maps);
	ok(n > 0 && !find_name(n, "[vdso]") && !ehdr,
	   "vdso_enabled = 0: no [vdso] line and no AT_SYSINFO_EHDR");
	expect_eq(gate, -SIGSEGV, "vdso_enabled = 0: a read of 0xffffe000 kills the reader");
	expect_eq(read_int_file("/proc/sys/vm/vdso_enabled"), initial_mode,
		  "vdso_enabled is back to %ld", initial_mode);
}

static void vdso_writes(void)
{
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR);

	if (ehdr) {
		expect_killed(in_child(poke, (void *)ehdr), SIGSEGV, "a write to the vDSO's ELF header");
		expect_killed(in_child(poke, (void *)(ehdr + 0x100)), SIGSEGV,
			      "a write into the vDSO's text");
	} else {
		skip("no vDSO here", "a write to the vDSO's ELF header: the child is killed by signal %d",
		     SIGSEGV);
		skip("no vDSO here", "a write into the vDSO's text: the child is killed by signal %d",
		     SIGSEGV);
	}
	/* yomi's gate page (vdso_enabled = 2), or kernel memory (Linux) */
	expect_killed(in_child(poke, (void *)0xffffe000UL), SIGSEGV,
		      "a write to the gate page 0xffffe000");
	expect_killed(in_child(poke, (void *)0xfffff000UL), SIGSEGV,
		      "a write to the page above it (0xfffff000)");
}

/* --- the rest of /proc ------------------------------------------------------------ */

static char buf[8192];

/* field: the value after "name:\t" in a status file, or NULL */
static const char *field(const char *text, const char *name)
{
	static char val[64];
	const char *p = text;
	size_t n = strlen(name), i;

	while (p && *p) {
		if (!strncmp(p, name, n) && p[n] == ':') {
			p += n + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			for (i = 0; p[i] && p[i] != '\n' && i < sizeof(val) - 1; i++)
				val[i] = p[i];
			val[i] = '\0';
			return val;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static int kb_value(const char *v)
{
	char *end;
	long n;

	if (!v)
		return 0;
	n = strtol(v, &end, 10);
	return n > 0 && !strcmp(end, " kB");
}

static int mode_cmdline(void)
{
	long n = read_chunks("/proc/self/cmdline", buf, sizeof(buf), 4096), i;

	for (i = 0; i < n; i++)
		putchar(buf[i] ? buf[i] : '|');
	printf("\n");
	return 0;
}

static void proc_files(int argc, char **argv)
{
	char path[64], want[512], comm[16];
	const char *args[] = { "cmdline", "a b", "", "c", NULL };
	const char *base = strrchr(self, '/') ? strrchr(self, '/') + 1 : self;
	int n, fds[2], len, i, status;
	pid_t pid;
	char c;

	snprintf(want, sizeof(want), "%d", getpid());
	n = sys_readlink("/proc/self", path, sizeof(path) - 1);
	path[n > 0 ? n : 0] = '\0';
	ok(n > 0 && !strcmp(path, want), "/proc/self is a link to the pid (%s)", path);

	snprintf(comm, sizeof(comm), "%s", base);	/* TASK_COMM_LEN 16 */
	n = read_file("/proc/self/status", buf, sizeof(buf));
	ok(n > 0 && field(buf, "Name") && !strcmp(field(buf, "Name"), comm),
	   "status: Name is %s", comm);
	ok(field(buf, "State") && field(buf, "State")[0] == 'R', "status: State is R (running)");
	ok(field(buf, "Pid") && atoi(field(buf, "Pid")) == getpid(), "status: Pid");
	ok(field(buf, "PPid") && atoi(field(buf, "PPid")) == getppid(), "status: PPid");
	ok(kb_value(field(buf, "VmSize")), "status: VmSize in kB (%s)",
	   field(buf, "VmSize") ? field(buf, "VmSize") : "missing");
	ok(kb_value(field(buf, "VmRSS")), "status: VmRSS in kB (%s)",
	   field(buf, "VmRSS") ? field(buf, "VmRSS") : "missing");

	n = read_file("/proc/self/stat", buf, sizeof(buf));
	snprintf(want, sizeof(want), "%d (%s) R %d ", getpid(), comm, getppid());
	ok(n > 0 && !strncmp(buf, want, strlen(want)), "stat begins \"%s\"", want);

	len = 0;
	for (i = 0; i < argc; i++)
		len += snprintf(want + len, sizeof(want) - len, "%s", argv[i]) + 1;
	n = read_chunks("/proc/self/cmdline", buf, sizeof(buf), 4096);
	ok(n == len && !memcmp(buf, want, len), "cmdline is argv, each ending with a NUL");
	status = run_self(self, args, NULL, NULL, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%s|cmdline|a b||c|\n", self);
	ok(status == 0 && !strcmp(buf, want), "cmdline of a program run with \"a b\", \"\" and \"c\"");
	if (strcmp(buf, want))
		printf("#   got %s#   wanted %s", buf, want);

	/* a sleeping child (with a page of its own at 0x31000000), then a
	 * zombie, then a vanished one */
	pipe(fds);
	pid = sys_fork();
	if (pid == 0) {
		sys_mmap((void *)0x31000000UL, PAGE_SIZE, PROT_READ,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		read(fds[0], &c, 1);
		_exit(0);
	}
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	for (i = 0; i < 200; i++) {	/* until it sleeps in read (2 s at most) */
		n = read_file(path, buf, sizeof(buf));
		if (n <= 0 || (field(buf, "State") && field(buf, "State")[0] == 'S'))
			break;
		sleep_ms(10);
	}
	ok(n > 0 && field(buf, "State") && field(buf, "State")[0] == 'S' &&
	   atoi(field(buf, "PPid")) == getpid(), "a blocked child's status: State S, PPid us");
	snprintf(path, sizeof(path), "/proc/%d/maps", pid);
	read_chunks(path, whole, sizeof(whole), 4096);
	ok(strstr(whole, "\n31000000-31001000 r--p 00000000 00:00 0 \n") != NULL,
	   "%s shows the child's own mapping at 0x31000000", path);
	ok(!strstr(read_chunks("/proc/self/maps", bytes, sizeof(bytes), 4096) > 0 ? bytes : "",
		   "31000000-"), "and our own maps do not");
	n = sys_open(path, O_RDONLY, 0);
	ok(n >= 0, "its maps can be opened");
	write(fds[1], "x", 1);
	snprintf(want, sizeof(want), "/proc/%d/stat", pid);
	for (i = 0; i < 200; i++) {	/* until it is a zombie (2 s at most) */
		len = read_file(want, buf, sizeof(buf));
		if (len <= 0 || !strchr(buf, ')') || strchr(buf, ')')[2] == 'Z')
			break;
		sleep_ms(10);
	}
	ok(len > 0 && strchr(buf, ')') && strchr(buf, ')')[2] == 'Z',
	   "an exited, unreaped child's stat shows Z");
	if (len <= 0)
		printf("#   reading %s: %s\n", want, strerror(errno));
	else if (!strchr(buf, ')') || strchr(buf, ')')[2] != 'Z')
		printf("#   %s: %.60s\n", want, buf);
	snprintf(want, sizeof(want), "/proc/%d/status", pid);
	len = read_file(want, buf, sizeof(buf));
	ok(len > 0 && field(buf, "State") && !strcmp(field(buf, "State"), "Z (zombie)"),
	   "and its status State: Z (zombie)");
	if (len <= 0)
		printf("#   reading %s: %s\n", want, strerror(errno));
	wait_for(pid);
	errno = 0;
	i = read(n, buf, sizeof(buf));
	ok(i == 0 || (i == -1 && errno == ESRCH),
	   "reading them after it was reaped gives EOF or ESRCH (%d, errno %d)", i, errno);
	close(n);
	expect_errno(sys_open(path, O_RDONLY, 0), ENOENT, "opening %s after it was reaped: ENOENT",
		     path);
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	expect_errno(sys_open(path, O_RDONLY, 0), ENOENT, "and its status: ENOENT");
	close(fds[0]);
	close(fds[1]);
}

/*
 * sysctl_values: what /proc/sys does with a value, as Linux 6.1 does it.
 * Text that is no number, and a negative legacy_va_layout (its minimum is
 * 0), give EINVAL and change nothing. vdso_enabled and randomize_va_space
 * are plain integers there (proc_dointvec, no range): any number is
 * stored, and a vdso_enabled other than 0 and 1 means no vDSO; a
 * legacy_va_layout above 1 is stored too. What was stored is put back.
 */
static const struct {
	const char *path, *value;
	int refused;
} sysctl_cases[] = {
	{ "/proc/sys/vm/vdso_enabled", "abc\n", 1 },
	{ "/proc/sys/vm/legacy_va_layout", "x1\n", 1 },
	{ "/proc/sys/vm/legacy_va_layout", "-1\n", 1 },
	{ "/proc/sys/kernel/randomize_va_space", "\n", 1 },
	{ "/proc/sys/vm/vdso_enabled", "7\n", 0 },
	{ "/proc/sys/vm/vdso_enabled", "-1\n", 0 },
	{ "/proc/sys/vm/legacy_va_layout", "2\n", 0 },
	{ "/proc/sys/kernel/randomize_va_space", "3\n", 0 },
};

static void sysctl_value(const char *path, const char *value, int refused)
{
	int len = strlen(value) - 1;	/* without the newline */
	long before = read_int_file(path), r;
	char old[24];

	r = write_file(path, value);
	if (refused) {
		expect_errno(r, EINVAL, "writing \"%.*s\" to %s gives EINVAL", len, value, path);
		expect_eq(read_int_file(path), before, "and leaves it at %ld", before);
		return;
	}
	expect_eq(r, len + 1, "writing \"%.*s\" to %s stores it", len, value, path);
	expect_eq(read_int_file(path), atol(value), "and it reads back as %ld", atol(value));
	snprintf(old, sizeof(old), "%ld\n", before);
	if (write_file(path, old) < 0 || read_int_file(path) != before)
		printf("#   could not put %s back to %ld\n", path, before);
}

static void sysctl_values(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(sysctl_cases) / sizeof(sysctl_cases[0]); i++)
		sysctl_value(sysctl_cases[i].path, sysctl_cases[i].value, sysctl_cases[i].refused);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "maps"))
		return mode_maps();
	if (argc > 1 && !strcmp(argv[1], "cmdline"))
		return mode_cmdline();
	self = argv[0];
	yomi = on_yomi();
	if (self[0] == '/') {
		snprintf(self_path, sizeof(self_path), "%s", self);
	} else {
		sys_getcwd(self_path, sizeof(self_path) - 64);
		strcat(self_path, "/");
		strcat(self_path, self[0] == '.' && self[1] == '/' ? self + 2 : self);
	}
	no_core_dumps();
	default_signals();

	reading();
	format();
	merge_and_split();
	big_maps();
	vdso_compat();
	vdso_modes();
	vdso_writes();
	proc_files(argc, argv);
	sysctl_values();
	return tap_done();
}
