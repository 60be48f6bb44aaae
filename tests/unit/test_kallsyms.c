/*
 * Symbol lookup for backtraces: kallsyms_lookup_in() (kernel/kallsyms.c)
 * on small synthetic tables (an exact hit, an offset inside, before the
 * first symbol, past the end, aliases, an empty table), against a linear
 * search on a large random table, and then on the real table that
 * tools/kallsyms.py writes from `nm -n` of the kernel's first link: every
 * function the kernel has is found, with the size up to the next one.
 */
// prepare: nm -n $O/yomi.tmp > $T/nm.txt && python3 tools/kallsyms.py < $T/nm.txt > $T/kallsyms_real.c
// sources: kernel/kallsyms.c $T/kallsyms_real.c
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include "check.h"

/* lookup: name at addr in t, with size and offset ("" when not found) */
static const char *lookup(const struct kallsyms_table *t, unsigned long addr,
			  unsigned long *size, unsigned long *offset)
{
	const char *name;

	*size = *offset = 0xdead;
	name = kallsyms_lookup_in(t, addr, size, offset);
	return name ? name : "";
}

#define CHECK_LOOKUP(t, addr, want_name, want_off, want_size)                  \
	do {                                                                   \
		unsigned long sz_, off_;                                       \
		const char *n_ = lookup(t, addr, &sz_, &off_);                 \
		CHECK(!strcmp(n_, want_name) && (!*n_ || (off_ == (want_off) && sz_ == (want_size))), \
		      "lookup(%#lx) = \"%s\"+%#lx/%#lx, want \"%s\"+%#lx/%#lx",  \
		      (unsigned long)(addr), n_, off_, sz_, want_name,         \
		      (unsigned long)(want_off), (unsigned long)(want_size));  \
	} while (0)

static void check_small_tables(void)
{
	static const unsigned long addrs[] = { 0x1000, 0x1010, 0x1010, 0x1010, 0x1030 };
	static const unsigned int offs[] = { 0, 2, 4, 12, 21 };
	static const char names[] = "a\0b\0b_alias\0b_alias2\0c";
	const struct kallsyms_table t = { 5, addrs, offs, names, 0x1040 };
	const struct kallsyms_table one = { 1, addrs, offs, names, 0x1008 };
	const struct kallsyms_table empty = { 0, addrs, offs, names, 0 };

	CHECK_LOOKUP(&t, 0x1000, "a", 0, 0x10);		/* exact hit */
	CHECK_LOOKUP(&t, 0x100f, "a", 0xf, 0x10);	/* last byte */
	CHECK_LOOKUP(&t, 0x0fff, "", 0, 0);		/* before the first */
	CHECK_LOOKUP(&t, 0, "", 0, 0);
	CHECK_LOOKUP(&t, 0x1010, "b", 0, 0x20);		/* aliases: the first name, */
	CHECK_LOOKUP(&t, 0x1025, "b", 0x15, 0x20);	/* size to the next address */
	CHECK_LOOKUP(&t, 0x1030, "c", 0, 0x10);		/* the last one ends at t.end */
	CHECK_LOOKUP(&t, 0x103f, "c", 0xf, 0x10);
	CHECK_LOOKUP(&t, 0x1040, "", 0, 0);		/* past the end */
	CHECK_LOOKUP(&t, ~0UL, "", 0, 0);
	CHECK_LOOKUP(&one, 0x1000, "a", 0, 8);
	CHECK_LOOKUP(&one, 0x1007, "a", 7, 8);
	CHECK_LOOKUP(&one, 0x1008, "", 0, 0);
	CHECK_LOOKUP(&empty, 0x1000, "", 0, 0);
	CHECK(!strcmp(kallsyms_lookup_in(&t, 0x1011, NULL, NULL), "b"), "size and offset may be NULL");
}

/* a large random table, every address in it compared with a linear search */
static void check_random_table(void)
{
	enum { N = 1500 };
	static unsigned long addrs[N];
	static unsigned int offs[N];
	static char names[N * 8];
	struct kallsyms_table t = { N, addrs, offs, names, 0 };
	unsigned long a = 0xc0100000, addr, wrong = 0;
	unsigned int i, pos = 0, seed = 7;

	for (i = 0; i < N; i++) {
		seed = seed * 1103515245 + 12345;
		a += (seed >> 16) % 5 == 0 ? 0 : (seed >> 16) % 97;	/* some aliases */
		addrs[i] = a;
		offs[i] = pos;
		pos += sprintf(names + pos, "f%u", i) + 1;
	}
	t.end = a + 3;
	for (addr = addrs[0] - 2; addr < t.end + 2; addr++) {
		unsigned long size, off, want_size = 0;
		const char *name = lookup(&t, addr, &size, &off);
		int j, first;

		for (j = N - 1; j >= 0 && addrs[j] > addr; j--)
			;
		if (j < 0 || addr >= t.end) {
			wrong += *name != '\0';
			continue;
		}
		for (first = j; first > 0 && addrs[first - 1] == addrs[j]; first--)
			;
		for (i = j + 1; i < N && addrs[i] == addrs[j]; i++)
			;
		want_size = (i < N ? addrs[i] : t.end) - addrs[j];
		wrong += strcmp(name, names + offs[first]) || off != addr - addrs[j] || size != want_size;
	}
	CHECK(wrong == 0, "%lu addresses looked up wrongly in the random table", wrong);
}

struct sym {
	unsigned long addr;
	char name[KSYM_NAME_LEN];
};

/* read_nm: the text symbols tools/kallsyms.py keeps, in `nm -n` order */
static int read_nm(struct sym *syms, int max, unsigned long *etext)
{
	char path[512], line[256], name[256], kind;
	unsigned long addr;
	const char *dir = getenv("T");
	FILE *f;
	int n = 0;

	snprintf(path, sizeof(path), "%s/nm.txt", dir ? dir : ".");
	f = fopen(path, "r");
	CHECK(f != NULL, "cannot read %s", path);
	if (!f)
		return 0;
	*etext = 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%lx %c %255s", &addr, &kind, name) != 3)
			continue;
		if (!strcmp(name, "_etext"))
			*etext = addr;
		if (!strchr("TtWw", kind) || name[0] == '.' || strchr(name, '$') || n == max)
			continue;
		syms[n].addr = addr;
		snprintf(syms[n].name, sizeof(syms[n].name), "%.63s", name);
		n++;
	}
	fclose(f);
	while (n > 0 && syms[n - 1].addr >= *etext)
		n--;
	return n;
}

/* next_addr: where the function at syms[i] ends: the next different address */
static unsigned long next_addr(const struct sym *syms, int n, int i, unsigned long etext)
{
	int j;

	for (j = i; j < n && syms[j].addr == syms[i].addr; j++)
		;
	return j < n ? syms[j].addr : etext;
}

static void check_real_table(void)
{
	static struct sym syms[20000];
	static const char *const wanted[] = { "start_kernel", "run_selftests", "selftest_oops",
					      "panic", "printk", "kallsyms_lookup_in" };
	unsigned long etext, wrong = 0, size, off, end;
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];
	int n = read_nm(syms, ARRAY_SIZE(syms), &etext), i, j;

	CHECK(n > 50, "only %d text symbols in nm output", n);
	CHECK_EQ(kallsyms.num, n);
	CHECK_EQ(kallsyms.end, etext);
	/* each function, by its first byte and its last: the first of its names */
	for (i = 0; i < n; i++) {
		const char *name, *last;
		unsigned long size2, off2;

		if (i > 0 && syms[i - 1].addr == syms[i].addr)
			continue;
		end = next_addr(syms, n, i, etext);
		name = lookup(&kallsyms, syms[i].addr, &size, &off);
		last = lookup(&kallsyms, end - 1, &size2, &off2);
		if (strcmp(name, syms[i].name) || off != 0 || size != end - syms[i].addr ||
		    strcmp(last, syms[i].name) || off2 != size - 1) {
			if (wrong++ < 5)
				printf("%08lx %s: looked up as \"%s\"+%#lx/%#lx, its last byte as \"%s\"\n",
				       syms[i].addr, syms[i].name, name, off, size, last);
		}
	}
	CHECK(wrong == 0, "%lu symbols of %d looked up wrongly", wrong, n);
	CHECK(n == 0 || !kallsyms_lookup(syms[0].addr - 1, &size, &off), "before the first symbol");
	CHECK(!kallsyms_lookup(etext, &size, &off), "past _etext");

	/* the names an oops shows, by name and as sprint_symbol prints them */
	for (i = 0; i < (int)ARRAY_SIZE(wanted); i++) {
		for (j = 0; j < n && strcmp(syms[j].name, wanted[i]); j++)
			;
		CHECK(j < n, "%s is not in nm's output", wanted[i]);
		if (j == n)
			continue;
		CHECK_EQ(kallsyms_lookup_name(wanted[i]), syms[j].addr);
		sprint_symbol(buf, sizeof(buf), syms[j].addr + 4);
		snprintf(want, sizeof(want), "%s+0x4/0x%lx", wanted[i],
			 next_addr(syms, n, j, etext) - syms[j].addr);
		CHECK_STR(buf, want);
	}
	CHECK_EQ(kallsyms_lookup_name("no_such_symbol"), 0);
	sprint_symbol(buf, sizeof(buf), 0x1234);
	CHECK_STR(buf, "0x00001234");
}

int main(void)
{
	check_small_tables();
	check_random_table();
	check_real_table();
	return check_done();
}
