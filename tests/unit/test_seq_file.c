/*
 * seq_file (fs/seq_file.c): seq_read over files whose records have
 * every size from 0 to more than two pages, so the buffer doubles from
 * nothing to 16 KiB, read in chunks of 1, 2, 3, 7, 100 and 4096 bytes and
 * whole: the bytes must be the records' concatenation every time, each
 * record shown (generated) a bounded number of times, start and stop
 * always paired. Then the pieces: a record that overflows after others is
 * dropped from the fill and generated again for the next read, never
 * split; SEQ_SKIP drops a record; an error from start; lseek back and
 * forward; and seq_printf, seq_puts, seq_putc, seq_setwidth and seq_pad
 * on a small buffer, including their overflow marking (count = size).
 * kmalloc and copy_to_user are the host's malloc and memcpy here.
 */
// sources: fs/seq_file.c lib/vsprintf.c
// kernel-cflags: -Dvsnprintf=yomi_vsnprintf -Dsnprintf=yomi_snprintf -Dsprintf=yomi_sprintf
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <asm/uaccess.h>
#include "check.h"

/* --- what the rest of the kernel would provide ------------------------------ */

static long live_allocs;

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p = malloc(size ? size : 1);

	(void)gfp;
	if (p) {
		memset(p, 0xa5, size);	/* not zeroed: seq_file must not rely on it */
		live_allocs++;
	}
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
	if (obj)
		live_allocs--;
	free((void *)obj);
}

static int fail_copy;		/* copy_to_user fails (an unmapped user buffer) */

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (fail_copy)
		return n;
	memcpy(to, from, n);
	return 0;
}

/* --- a file of records ---------------------------------------------------- */

/*
 * Record i is sizes[i] bytes: its number and a letter pattern, so a record
 * shifted, cut or repeated shows in the comparison. The way it is printed
 * (puts, printf in pieces, putc by putc) varies with i.
 */
struct recfile {
	int n;
	const size_t *sizes;
	char **text;		/* record i's bytes */
	int skip_every;		/* show returns SEQ_SKIP for i % skip_every == skip_every - 1 */
	int fail_start_at;	/* start returns ERR_PTR(-EIO) at this pos (-1: never) */
	/* bookkeeping */
	long *shown;		/* show calls per record */
	long starts, stops;
	int started;		/* between start and stop */
	int bad_pairing;
	int bad_version;	/* start saw an m->version not left by the last record kept */
};

static struct recfile *cur;

static void make_text(char *t, size_t size, int i)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz";
	char head[32];
	size_t k, h = (size_t)snprintf(head, sizeof(head), "<%d:", i);

	for (k = 0; k < size; k += 26)		/* letters, shifted per record */
		memcpy(t + k, letters + i % 26, size - k < 26 ? size - k : 26);
	memcpy(t, head, h < size ? h : size);
	if (size >= 2)
		t[size - 1] = '\n';
}

static void *rf_start(struct seq_file *m, loff_t *pos)
{
	struct recfile *f = m->private;

	f->starts++;
	if (f->started)
		f->bad_pairing++;
	f->started = 1;
	/* show leaves m->version = its record's number + 1; a record dropped on
	 * overflow must not leave its own (maps resumes from m->version) */
	if (m->version && m->version != (u64)*pos)
		f->bad_version++;
	if (*pos == f->fail_start_at)
		return ERR_PTR(-EIO);
	return *pos < f->n ? (void *)(long)(*pos + 1) : NULL;
}

static void *rf_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct recfile *f = m->private;

	if ((long)v != *pos + 1)
		f->bad_pairing++;		/* next must get what start/next gave */
	++*pos;
	return *pos < f->n ? (void *)(long)(*pos + 1) : NULL;
}

static void rf_stop(struct seq_file *m, void *v)
{
	struct recfile *f = m->private;

	(void)v;
	f->stops++;
	if (!f->started)
		f->bad_pairing++;
	f->started = 0;
}

/* puts_n: seq_puts of n bytes of t */
static void puts_n(struct seq_file *m, const char *t, size_t n)
{
	char *s = malloc(n + 1);

	memcpy(s, t, n);
	s[n] = 0;
	seq_puts(m, s);
	free(s);
}

static int rf_show(struct seq_file *m, void *v)
{
	struct recfile *f = m->private;
	int i = (long)v - 1;
	size_t size = f->sizes[i], k, head = size < 300 ? size : 300;
	const char *t = f->text[i];

	f->shown[i]++;
	m->version = i + 1;
	switch (i % 4) {
	case 0:				/* seq_puts of the whole record */
		puts_n(m, t, size);
		break;
	case 1:				/* seq_putc byte by byte, then seq_puts */
		for (k = 0; k < head; k++)
			seq_putc(m, t[k]);
		puts_n(m, t + head, size - head);
		break;
	case 2:				/* seq_printf, then seq_puts in pieces */
		seq_printf(m, "%.*s", (int)head, t);
		for (k = head; k < size; k += 1000)
			puts_n(m, t + k, size - k < 1000 ? size - k : 1000);
		break;
	default:			/* seq_printf of formats, then seq_puts */
		if (size < 5) {
			puts_n(m, t, size);
		} else {
			seq_printf(m, "%c%.3s", t[0], t + 1);
			seq_printf(m, "%s%.*s", "", (int)(head - 4), t + 4);
			puts_n(m, t + head, size - head);
		}
		break;
	}
	if (f->skip_every && i % f->skip_every == f->skip_every - 1)
		return SEQ_SKIP;
	return 0;
}

static const struct seq_operations rf_ops = {
	.start = rf_start,
	.next = rf_next,
	.stop = rf_stop,
	.show = rf_show,
};

static void rf_init(struct recfile *f, const size_t *sizes, int n)
{
	int i;

	memset(f, 0, sizeof(*f));
	f->n = n;
	f->sizes = sizes;
	f->fail_start_at = -1;
	f->text = calloc(n, sizeof(char *));
	f->shown = calloc(n, sizeof(long));
	for (i = 0; i < n; i++) {
		f->text[i] = malloc(sizes[i] + 1);
		make_text(f->text[i], sizes[i], i);
	}
}

static void rf_free(struct recfile *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		free(f->text[i]);
	free(f->text);
	free(f->shown);
}

/* the expected content: the records that are not skipped, concatenated */
static char *rf_expected(struct recfile *f, size_t *len)
{
	size_t total = 0, at = 0;
	char *out;
	int i;

	for (i = 0; i < f->n; i++)
		total += f->sizes[i];
	out = malloc(total + 1);
	for (i = 0; i < f->n; i++) {
		if (f->skip_every && i % f->skip_every == f->skip_every - 1)
			continue;
		memcpy(out + at, f->text[i], f->sizes[i]);
		at += f->sizes[i];
	}
	*len = at;
	return out;
}

static int open_file(struct file *file, struct recfile *f)
{
	int err;

	memset(file, 0, sizeof(*file));
	err = seq_open(file, &rf_ops);
	if (!err)
		((struct seq_file *)file->private_data)->private = f;
	return err;
}

static void close_file(struct file *file)
{
	seq_release(file);	/* private is ours: seq_release leaves it alone */
}

/*
 * read_all: read the file in chunks of `chunk` bytes (0: all at once, into
 * a buffer larger than the file) until read returns 0; the bytes and
 * their count. Every read must return a full chunk until the end.
 */
static char *read_all(struct recfile *f, size_t chunk, size_t total, size_t *got, int *short_reads)
{
	size_t cap = total + 64, want = chunk ? chunk : cap;
	char *out = malloc(cap + 8192);
	struct file file;
	ssize_t r;

	*got = 0;
	*short_reads = 0;
	CHECK_EQ(open_file(&file, f), 0);
	for (;;) {
		r = seq_read(&file, out + *got, want, &file.f_pos);
		if (r <= 0)
			break;
		if ((size_t)r != want && *got + r != total)
			(*short_reads)++;
		*got += r;
		if (*got > total + 16)
			break;		/* runaway: more bytes than the file has */
	}
	CHECK_EQ(r, 0);
	CHECK_EQ(file.f_pos, *got);
	CHECK_EQ(seq_read(&file, out, 16, &file.f_pos), 0);	/* still the end */
	close_file(&file);
	return out;
}

static const size_t chunks[] = { 1, 2, 3, 7, 100, 4096, 0 };

/* check_reads: the file read in each chunk size from min_chunk up (and
 * whole) equals the concatenation */
static void check_reads(const char *what, struct recfile *f, size_t min_chunk)
{
	size_t total, got, c;
	char *want = rf_expected(f, &total);
	int i;

	for (c = 0; c < ARRAY_SIZE(chunks); c++) {
		size_t chunk = chunks[c];
		long before = live_allocs, max_shown = 0, sum_shown = 0;
		int short_reads;
		char *out;

		if (chunk && chunk < min_chunk)
			continue;
		memset(f->shown, 0, f->n * sizeof(long));
		f->starts = f->stops = 0;
		f->bad_pairing = f->bad_version = 0;
		out = read_all(f, chunk, total, &got, &short_reads);
		CHECK(got == total, "%s, chunk %zu: read %zu bytes, the records have %zu",
		      what, chunk, got, total);
		if (got == total && memcmp(out, want, total)) {
			size_t k = 0;

			while (out[k] == want[k])
				k++;
			CHECK(0, "%s, chunk %zu: first difference at byte %zu of %zu",
			      what, chunk, k, total);
		} else {
			CHECK(got == total);
		}
		CHECK(short_reads == 0, "%s, chunk %zu: %d short reads before the end",
		      what, chunk, short_reads);
		CHECK(f->starts == f->stops && !f->bad_pairing && !f->started,
		      "%s, chunk %zu: %ld starts, %ld stops, %d pairing errors",
		      what, chunk, f->starts, f->stops, f->bad_pairing);
		CHECK(!f->bad_version, "%s, chunk %zu: m->version of a dropped record kept %d times",
		      what, chunk, f->bad_version);
		for (i = 0; i < f->n; i++) {
			sum_shown += f->shown[i];
			if (f->shown[i] > max_shown)
				max_shown = f->shown[i];
		}
		/* regenerated after an overflow, and again after each doubling (at most 3 here) */
		CHECK(max_shown <= 5, "%s, chunk %zu: a record was shown %ld times", what, chunk,
		      max_shown);
		CHECK(sum_shown <= 2L * f->n + 8, "%s, chunk %zu: %ld show calls for %d records",
		      what, chunk, sum_shown, f->n);
		CHECK(live_allocs == before, "%s, chunk %zu: %ld allocations not freed", what, chunk,
		      live_allocs - before);
		free(out);
	}
	free(want);
}

#define BIG (2 * PAGE_SIZE + 200)	/* the largest record: the buffer grows to 16 KiB */

static void check_every_size(void)
{
	static size_t up[BIG + 1], down[BIG + 1], shuffled[BIG + 1], small[700];
	struct recfile f;
	unsigned int seed = 7;
	int i, n = 0;

	for (i = 0; i <= (int)BIG; i++)
		up[i] = i;
	for (i = 0; i <= (int)BIG; i++)
		down[i] = BIG - i;
	memcpy(shuffled, up, sizeof(up));
	for (i = BIG; i > 0; i--) {
		int j;
		size_t t;

		seed = seed * 1103515245 + 12345;
		j = (seed >> 8) % (i + 1);
		t = shuffled[i];
		shuffled[i] = shuffled[j];
		shuffled[j] = t;
	}
	/* every size up to 300, and the ones around each page multiple */
	for (i = 0; i <= 300; i++)
		small[n++] = i;
	for (i = 1; i <= 3; i++) {
		int d;

		for (d = -4; d <= 4; d++)
			small[n++] = i * PAGE_SIZE + d;
		small[n++] = 17;
		small[n++] = 0;
	}
	for (i = 0; i < 40; i++)
		small[n++] = (i * 997) % 5000;

	rf_init(&f, small, n);		/* every chunk size, 1 byte included */
	check_reads("sizes 0..300 and around pages", &f, 1);
	rf_free(&f);

	rf_init(&f, up, BIG + 1);	/* every size, growing: 34 MB */
	check_reads("every size, ascending", &f, 7);
	rf_free(&f);

	rf_init(&f, down, BIG + 1);	/* the largest first: the buffer grows at once */
	check_reads("every size, descending", &f, 4096);
	rf_free(&f);

	rf_init(&f, shuffled, BIG + 1);
	check_reads("every size, shuffled", &f, 100);
	rf_free(&f);

	/* 1-, 2- and 3-byte reads of a file with every size (but a tenth of them) */
	{
		static size_t every[BIG / 10 + 1];

		for (i = 0; i <= (int)BIG / 10; i++)
			every[i] = i * 10 + i % 10;
		rf_init(&f, every, BIG / 10 + 1);
		check_reads("every tenth size, small reads", &f, 1);
		rf_free(&f);
	}
}

/* a record that does not fit after others is held back, not split */
static void check_no_split(void)
{
	static const size_t sizes[] = { 3000, 3000, 3000, 10, 4000, 1 };
	struct recfile f;
	struct file file;
	char buf[8192], *want;
	size_t total;
	struct seq_file *m;
	ssize_t r;

	rf_init(&f, sizes, ARRAY_SIZE(sizes));
	want = rf_expected(&f, &total);
	CHECK_EQ(open_file(&file, &f), 0);
	m = file.private_data;

	/* ask for 5000: record 0 fits, record 1 would cross 4 KiB: the fill stops */
	r = seq_read(&file, buf, 5000, &file.f_pos);
	CHECK_EQ(r, 5000);
	CHECK(!memcmp(buf, want, 5000), "the first 5000 bytes are records 0 and 1");
	CHECK_EQ(m->size, PAGE_SIZE);		/* no growth: each record fits alone */
	CHECK(f.shown[0] <= 2, "record 0 shown %ld times", f.shown[0]);	/* 2: the first into no buffer */
	CHECK_EQ(f.shown[1], 2);		/* dropped once, shown again */
	/* what is left of record 1 waits in the buffer; record 2 is not made yet */
	CHECK_EQ(m->count, 1000);
	CHECK_EQ(f.shown[2], 0);
	CHECK_EQ(m->index, 2);

	/* the next small read gets the rest of record 1 without regenerating it */
	r = seq_read(&file, buf, 600, &file.f_pos);
	CHECK_EQ(r, 600);
	CHECK(!memcmp(buf, want + 5000, 600), "bytes 5000..5599");
	CHECK_EQ(f.shown[1], 2);
	CHECK_EQ(f.shown[2], 0);
	r = seq_read(&file, buf, sizeof(buf), &file.f_pos);
	CHECK_EQ(r, (ssize_t)(total - 5600));
	CHECK(r > 0 && !memcmp(buf, want + 5600, r), "the rest");
	CHECK_EQ(seq_read(&file, buf, sizeof(buf), &file.f_pos), 0);
	CHECK(f.shown[4] <= 2, "record 4 shown %ld times", f.shown[4]);
	close_file(&file);
	free(want);
	rf_free(&f);
}

/* the buffer doubles (4, 8, 16 KiB) when one record needs it, and a small
 * read makes no more records than it needs */
static void check_growth(void)
{
	static const size_t sizes[] = { 1, 5000, 10, 9000, 10 };
	struct recfile f;
	struct file file;
	struct seq_file *m;
	char buf[16];

	rf_init(&f, sizes, ARRAY_SIZE(sizes));
	CHECK_EQ(open_file(&file, &f), 0);
	m = file.private_data;
	CHECK_EQ(seq_read(&file, buf, 1, &file.f_pos), 1);
	CHECK_EQ(m->size, PAGE_SIZE);
	CHECK_EQ(m->index, 1);			/* one record for a 1-byte read */
	CHECK_EQ(f.shown[1], 0);
	CHECK_EQ(seq_read(&file, buf, 1, &file.f_pos), 1);	/* record 1: 5000 bytes */
	CHECK_EQ(m->size, 2 * PAGE_SIZE);
	CHECK_EQ(m->index, 2);
	CHECK(f.shown[1] <= 2, "record 1 shown %ld times", f.shown[1]);
	while (m->index < 4)
		CHECK_EQ(seq_read(&file, buf, 16, &file.f_pos), 16);
	CHECK_EQ(m->size, 4 * PAGE_SIZE);	/* 9000 bytes: 16 KiB */
	CHECK(f.shown[3] <= 2, "record 3 shown %ld times", f.shown[3]);
	close_file(&file);
	rf_free(&f);
}

static void check_skip_and_errors(void)
{
	static size_t sizes[500];
	struct recfile f;
	struct file file;
	char buf[64];
	int i;

	for (i = 0; i < 500; i++)
		sizes[i] = (i * 37) % 300;
	rf_init(&f, sizes, 500);
	f.skip_every = 3;			/* records 2, 5, 8, ... print, then skip */
	check_reads("SEQ_SKIP on every third", &f, 1);
	f.skip_every = 1;			/* all skipped: an empty file */
	check_reads("SEQ_SKIP on all", &f, 1);
	rf_free(&f);

	/* an empty file */
	rf_init(&f, sizes, 0);
	CHECK_EQ(open_file(&file, &f), 0);
	CHECK_EQ(seq_read(&file, buf, sizeof(buf), &file.f_pos), 0);
	CHECK_EQ(file.f_pos, 0);
	close_file(&file);
	rf_free(&f);

	/* start fails: the error, or the bytes read before it */
	rf_init(&f, sizes, 10);
	f.fail_start_at = 0;
	CHECK_EQ(open_file(&file, &f), 0);
	CHECK_EQ(seq_read(&file, buf, sizeof(buf), &file.f_pos), -EIO);
	CHECK_EQ(f.starts, f.stops);
	close_file(&file);
	rf_free(&f);
	sizes[0] = 20;				/* record 0: 20 bytes; start fails at 1 */
	rf_init(&f, sizes, 10);
	f.fail_start_at = 1;
	CHECK_EQ(open_file(&file, &f), 0);
	CHECK_EQ(seq_read(&file, buf, 10, &file.f_pos), 10);
	CHECK_EQ(seq_read(&file, buf, sizeof(buf), &file.f_pos), 10);	/* the rest of record 0 */
	CHECK_EQ(seq_read(&file, buf, sizeof(buf), &file.f_pos), -EIO);
	close_file(&file);
	sizes[0] = 0;
	rf_free(&f);

	/* copy_to_user fails: -EFAULT, and nothing is lost for the next read */
	rf_init(&f, sizes, 10);
	{
		size_t total;
		char *want = rf_expected(&f, &total), out[4096];

		CHECK_EQ(open_file(&file, &f), 0);
		fail_copy = 1;
		CHECK_EQ(seq_read(&file, out, 50, &file.f_pos), -EFAULT);
		fail_copy = 0;
		CHECK_EQ(file.f_pos, 0);
		CHECK_EQ(seq_read(&file, out, sizeof(out), &file.f_pos), (ssize_t)total);
		CHECK(!memcmp(out, want, total), "the bytes after a failed copy");
		close_file(&file);
		free(want);
	}
	rf_free(&f);
}

/* lseek: back to the start, into the middle, past the end */
static void check_lseek(void)
{
	static size_t sizes[300];
	struct recfile f;
	struct file file;
	size_t total;
	char *want, out[2000];
	loff_t offs[] = { 0, 1, 4095, 4096, 12345, 40000 };
	unsigned int k;
	int i;

	for (i = 0; i < 300; i++)
		sizes[i] = (i * 53) % 400;
	rf_init(&f, sizes, 300);
	want = rf_expected(&f, &total);
	CHECK_EQ(open_file(&file, &f), 0);
	CHECK_EQ(seq_read(&file, out, 700, &file.f_pos), 700);
	for (k = 0; k < ARRAY_SIZE(offs); k++) {
		loff_t o = offs[k];
		ssize_t r, n = o >= (loff_t)total ? 0 :
			(ssize_t)(total - o < sizeof(out) ? total - o : sizeof(out));

		CHECK_EQ(seq_lseek(&file, o, SEEK_SET), o);
		r = seq_read(&file, out, sizeof(out), &file.f_pos);
		CHECK(r == n && !memcmp(out, want + o, n), "read after lseek to %lld: %zd bytes",
		      (long long)o, r);
	}
	CHECK_EQ(seq_lseek(&file, 100, SEEK_SET), 100);
	CHECK_EQ(seq_lseek(&file, -50, SEEK_CUR), 50);
	CHECK_EQ(seq_read(&file, out, 10, &file.f_pos), 10);
	CHECK(!memcmp(out, want + 50, 10), "SEEK_CUR");
	CHECK_EQ(seq_lseek(&file, -1, SEEK_SET), -EINVAL);
	close_file(&file);
	free(want);
	rf_free(&f);
}

/* the printing helpers on a 16-byte buffer */
static void check_helpers(void)
{
	char buf[16 + 4];
	struct seq_file m;

#define FRESH()                                                              \
	do {                                                                 \
		memset(&m, 0, sizeof(m));                                    \
		memset(buf, '#', sizeof(buf));                               \
		m.buf = buf;                                                 \
		m.size = 16;                                                 \
	} while (0)
#define HAS(s) (m.count == sizeof(s) - 1 && !memcmp(buf, s, sizeof(s) - 1))

	FRESH();
	seq_printf(&m, "%d-%s-%c|", 42, "ab", 'z');
	CHECK(HAS("42-ab-z|"), "seq_printf: count %zu", m.count);
	seq_puts(&m, "xyz");
	seq_putc(&m, '!');
	CHECK(HAS("42-ab-z|xyz!"), "seq_puts, seq_putc");
	CHECK(!seq_has_overflowed(&m));
	seq_printf(&m, "%s", "abc");		/* 12 + 3 = 15 < 16: fits */
	CHECK(HAS("42-ab-z|xyz!abc"), "up to size - 1");
	CHECK(!seq_has_overflowed(&m));
	seq_printf(&m, "%s", "");		/* nothing: still fine */
	CHECK(!seq_has_overflowed(&m));
	seq_printf(&m, "d");			/* 16: no room for it */
	CHECK(seq_has_overflowed(&m), "seq_printf to exactly size overflows");
	CHECK_EQ(m.count, 16);
	CHECK(buf[16] == '#', "nothing written past the buffer");
	seq_putc(&m, 'q');
	seq_puts(&m, "q");
	seq_printf(&m, "q");
	CHECK_EQ(m.count, 16);
	CHECK(buf[16] == '#', "nothing written past the buffer");

	FRESH();
	seq_puts(&m, "0123456789abcde");	/* 15: fits */
	CHECK(!seq_has_overflowed(&m));
	FRESH();
	seq_puts(&m, "0123456789abcdef");	/* 16: does not */
	CHECK(seq_has_overflowed(&m));
	FRESH();
	seq_printf(&m, "%s", "0123456789abcdefghijk");
	CHECK(seq_has_overflowed(&m), "a long seq_printf overflows");
	CHECK(buf[16] == '#', "vsnprintf stayed in the buffer");
	FRESH();
	seq_puts(&m, "0123456789abcd");
	seq_putc(&m, 'e');
	CHECK(!seq_has_overflowed(&m));
	seq_putc(&m, 'f');			/* fills the last byte: overflow */
	CHECK(seq_has_overflowed(&m));

	/* seq_setwidth + seq_pad: spaces up to the width, then the character */
	FRESH();
	seq_puts(&m, "ab");
	seq_setwidth(&m, 6);
	seq_puts(&m, "xy");
	seq_pad(&m, '|');
	CHECK(HAS("abxy    |"), "seq_pad to the width set after \"ab\"");
	FRESH();
	seq_setwidth(&m, 3);
	seq_puts(&m, "long");			/* already wider: no padding */
	seq_pad(&m, ':');
	CHECK(HAS("long:"), "seq_pad of a wider record");
	FRESH();
	seq_setwidth(&m, 4);
	seq_pad(&m, 0);				/* no character after the spaces */
	CHECK(HAS("    "), "seq_pad with c = 0");
	FRESH();
	seq_setwidth(&m, 40);			/* wider than the buffer: overflow */
	seq_pad(&m, 'x');
	CHECK(seq_has_overflowed(&m), "padding past the end overflows");
	CHECK(buf[16] == '#', "padding stayed in the buffer");
	FRESH();
	seq_setwidth(&m, 15);			/* to size - 1, then the character fills it */
	seq_pad(&m, 'x');
	CHECK(seq_has_overflowed(&m), "the character after padding to size - 1 overflows");
#undef FRESH
#undef HAS
}

/* a padded record through seq_read: the maps-line use of seq_pad */
static int pad_show(struct seq_file *m, void *v)
{
	long i = (long)v;

	seq_setwidth(m, 20);
	seq_printf(m, "%ld", i);
	if (i % 2) {
		seq_pad(m, ' ');
		seq_puts(m, "name");
	}
	seq_putc(m, '\n');
	return 0;
}

static void *pad_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	return *pos < 1000 ? (void *)(long)(*pos + 1) : NULL;
}

static void *pad_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)v;
	++*pos;
	return pad_start(m, pos);
}

static void pad_stop(struct seq_file *m, void *v)
{
	(void)m;
	(void)v;
}

static void check_padded_records(void)
{
	static const struct seq_operations ops = { pad_start, pad_stop, pad_next, pad_show };
	static char want[40000], got[40000];
	size_t wl = 0, gl = 0;
	struct file file;
	ssize_t r;
	long i;

	for (i = 1; i <= 1000; i++) {
		if (i % 2)
			wl += sprintf(want + wl, "%-20ld name\n", i);
		else
			wl += sprintf(want + wl, "%ld\n", i);
	}
	memset(&file, 0, sizeof(file));
	CHECK_EQ(seq_open(&file, &ops), 0);
	while ((r = seq_read(&file, got + gl, 33, &file.f_pos)) > 0)
		gl += r;
	CHECK(gl == wl && !memcmp(got, want, wl), "padded records: %zu bytes, want %zu", gl, wl);
	seq_release(&file);
}

int main(void)
{
	check_helpers();
	check_padded_records();
	check_no_split();
	check_growth();
	check_skip_and_errors();
	check_lseek();
	check_every_size();
	CHECK_EQ(live_allocs, 0);
	return check_done();
}
