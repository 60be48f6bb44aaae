/*
 * The RAM file system (Linux: fs/ramfs/ and fs/libfs.c). Every inode and
 * every name lives only in memory: a directory keeps a list of dentries,
 * a regular file keeps its data in pages it allocates as it grows. Linux's
 * ramfs stores file data in the page cache; yomi's keeps its own array.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <asm/uaccess.h>

struct dentry *root_dentry;
static unsigned long next_ino = 1;

struct inode *ramfs_new_inode(unsigned int mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_ino = next_ino++;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	INIT_LIST_HEAD(&inode->i_dentries);
	return inode;
}

/* d_lookup_child: the entry called name (len bytes) in directory dir. */
struct dentry *d_lookup_child(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d;

	list_for_each_entry(d, &dir->d_inode->i_dentries, d_child)
		if (strlen(d->d_name) == len && !memcmp(d->d_name, name, len))
			return d;
	return NULL;
}

/*
 * d_list_add: put d at the end of directory dir's list, with the next
 * getdents offset of dir (after "." and ".."). Offsets only grow, so
 * removing an entry moves no other: a reader that removes what it reads
 * (rm -r) still sees every entry, as Linux's dcache_readdir cursor ensures.
 */
void d_list_add(struct dentry *d, struct dentry *dir)
{
	d->d_pos = 2 + dir->d_inode->i_dir_next++;
	list_add_tail(&d->d_child, &dir->d_inode->i_dentries);
}

/* d_add_child: link inode into directory dir under name. */
struct dentry *d_add_child(struct dentry *dir, const char *name, struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	strlcpy(d->d_name, name, sizeof(d->d_name));
	d->d_inode = inode;
	inode->i_count++;	/* a name keeps its inode, as an open file does */
	d->d_parent = dir ? dget(dir) : d;
	d->d_count = 1;		/* the directory's reference */
	INIT_LIST_HEAD(&d->d_child);
	if (dir) {
		d_list_add(d, dir);
		if (S_ISDIR(inode->i_mode))
			dir->d_inode->i_nlink++;
	}
	return d;
}

/*
 * ramfs_read: copy file data at pos into a kernel buffer. A page that was
 * never written is a hole and reads as zeros - also beyond the end of the
 * page array, where a file extended by truncate has no slots yet.
 */
ssize_t ramfs_read(struct inode *inode, char *kbuf, size_t count, loff_t pos)
{
	size_t done = 0;

	if (pos < 0 || pos >= inode->i_size)
		return 0;
	if (count > inode->i_size - pos)
		count = inode->i_size - pos;
	while (done < count) {
		unsigned long idx = (pos + done) >> PAGE_SHIFT;
		size_t off = (pos + done) & (PAGE_SIZE - 1);
		size_t n = min(count - done, PAGE_SIZE - off);
		struct page *page = idx < inode->i_nr_pages ? inode->i_pages[idx] : NULL;

		if (page)
			memcpy(kbuf + done, (char *)page_address(page) + off, n);
		else
			memset(kbuf + done, 0, n);	/* a hole reads as zeros */
		done += n;
	}
	return done;
}

static int grow_page_array(struct inode *inode, unsigned long need)
{
	unsigned long n = inode->i_nr_pages ? inode->i_nr_pages : 4;
	struct page **pages;

	while (n < need)
		n *= 2;
	pages = kzalloc(n * sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	if (inode->i_pages)
		memcpy(pages, inode->i_pages, inode->i_nr_pages * sizeof(*pages));
	kfree(inode->i_pages);
	inode->i_pages = pages;
	inode->i_nr_pages = n;
	return 0;
}

/*
 * ramfs_write: copy a kernel buffer into the file at pos, growing it. A
 * file ends at MAX_NON_LFS, Linux's limit for a file opened without
 * O_LARGEFILE: a write that starts there fails with EFBIG, one that
 * crosses it is cut short.
 */
ssize_t ramfs_write(struct inode *inode, const char *kbuf, size_t count, loff_t pos)
{
	size_t done = 0;
	unsigned long last;

	if (pos < 0 || pos >= MAX_NON_LFS)
		return -EFBIG;
	if ((loff_t)count > MAX_NON_LFS - pos)
		count = MAX_NON_LFS - pos;
	last = (pos + count + PAGE_SIZE - 1) >> PAGE_SHIFT;
	if (last > inode->i_nr_pages && grow_page_array(inode, last))
		return -ENOMEM;
	while (done < count) {
		unsigned long idx = (pos + done) >> PAGE_SHIFT;
		size_t off = (pos + done) & (PAGE_SIZE - 1);
		size_t n = min(count - done, PAGE_SIZE - off);

		if (!inode->i_pages[idx]) {
			inode->i_pages[idx] = alloc_page(GFP_KERNEL | __GFP_ZERO);
			if (!inode->i_pages[idx])
				break;
		}
		memcpy((char *)page_address(inode->i_pages[idx]) + off, kbuf + done, n);
		done += n;
	}
	if (pos + (loff_t)done > inode->i_size)
		inode->i_size = pos + done;
	return done ? (ssize_t)done : -ENOSPC;
}

void ramfs_init(void)
{
	struct inode *root = ramfs_new_inode(S_IFDIR | 0755);

	root_dentry = d_add_child(NULL, "/", root);
	if (!root || !root_dentry)
		panic("ramfs: no memory for the root directory");
	root->i_size = 2 * BOGO_DIRENT_SIZE;
}

/* ramfs_truncate: cut or extend the file to size; dropped pages are freed. */
int ramfs_truncate(struct inode *inode, loff_t size)
{
	unsigned long keep = (size + PAGE_SIZE - 1) >> PAGE_SHIFT, i;

	if (size < 0)
		return -EINVAL;
	if (size > MAX_NON_LFS)
		return -EFBIG;
	for (i = keep; i < inode->i_nr_pages; i++) {
		if (inode->i_pages[i]) {
			put_page(inode->i_pages[i]);
			inode->i_pages[i] = NULL;
		}
	}
	if (size & (PAGE_SIZE - 1) && keep && keep <= inode->i_nr_pages && inode->i_pages[keep - 1])
		memset((char *)page_address(inode->i_pages[keep - 1]) + (size & (PAGE_SIZE - 1)), 0,
		       PAGE_SIZE - (size & (PAGE_SIZE - 1)));
	inode->i_size = size;
	return 0;
}

/* iput: free an inode once it has no name, no dentry and no open file. */
void iput(struct inode *inode)
{
	if (inode->i_count || inode->i_nlink)
		return;
	ramfs_truncate(inode, 0);
	kfree(inode->i_pages);
	kfree(inode->i_link);
	kfree(inode);
}

struct dentry *dget(struct dentry *d)
{
	d->d_count++;
	return d;
}

/* dput: drop a reference; an unlinked dentry goes with the last one. */
void dput(struct dentry *d)
{
	while (d && --d->d_count == 0 && d->d_unhashed) {
		struct dentry *parent = d->d_parent;
		struct inode *inode = d->d_inode;

		kfree(d);
		inode->i_count--;
		iput(inode);
		d = parent;
	}
}

/* d_delete: unlink a name from its directory; it goes when unused. */
void d_delete(struct dentry *d)
{
	struct inode *inode = d->d_inode;

	list_del_init(&d->d_child);
	d->d_unhashed = true;
	if (S_ISDIR(inode->i_mode)) {
		d->d_parent->d_inode->i_nlink--;
		inode->i_nlink = 0;
	} else {
		inode->i_nlink--;
	}
	dput(d);
}


/*
 * ramfs_file_read: copy file data at *pos straight from the file's pages to
 * user memory (a hole: clear_user). A fault part-way ends the read with the
 * bytes copied up to it, as Linux's filemap_read does; none: -EFAULT.
 */
static ssize_t ramfs_file_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	size_t done = 0;

	if (*pos < 0 || *pos >= inode->i_size || !count)
		return 0;
	if ((loff_t)count > inode->i_size - *pos)
		count = inode->i_size - *pos;
	while (done < count) {
		unsigned long idx = (*pos + done) >> PAGE_SHIFT, left;
		size_t off = (*pos + done) & (PAGE_SIZE - 1);
		size_t n = min(count - done, PAGE_SIZE - off);
		struct page *page = idx < inode->i_nr_pages ? inode->i_pages[idx] : NULL;

		if (page)
			left = copy_to_user(buf + done, (char *)page_address(page) + off, n);
		else
			left = clear_user(buf + done, n);	/* a hole reads as zeros */
		done += n - left;
		if (left)
			break;
	}
	*pos += done;
	return done ? (ssize_t)done : -EFAULT;
}

/*
 * ramfs_write_page: the file's page idx for a write of [off, off + n); a
 * new page (*fresh) is zeroed only outside that range, since the copy
 * fills it (Linux: simple_write_begin's zero_user_segments). NULL: no
 * memory.
 */
static struct page *ramfs_write_page(struct inode *inode, unsigned long idx, size_t off,
				     size_t n, bool *fresh)
{
	struct page *page;
	char *p;

	*fresh = false;
	if (idx < inode->i_nr_pages && inode->i_pages[idx])
		return inode->i_pages[idx];
	if (idx >= inode->i_nr_pages && grow_page_array(inode, idx + 1))
		return NULL;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return NULL;
	p = page_address(page);
	memset(p, 0, off);
	memset(p + off + n, 0, PAGE_SIZE - off - n);
	inode->i_pages[idx] = page;
	*fresh = true;
	return page;
}

/*
 * ramfs_file_write: copy user memory straight into the file's pages at
 * *pos (O_APPEND: at the end), allocating them as it goes. A fault
 * part-way keeps the bytes before it and returns their count, as Linux's
 * generic_perform_write ends up doing; raw_copy_from_user writes nothing
 * past the fault, so old data stays, and the rest of a new page is zeroed.
 */
static ssize_t ramfs_file_write(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	ssize_t err = -EFAULT;
	size_t done = 0;

	if (f->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (*pos < 0 || *pos >= MAX_NON_LFS)
		return -EFBIG;
	if (!count)
		return 0;
	if ((loff_t)count > MAX_NON_LFS - *pos)
		count = MAX_NON_LFS - *pos;
	while (done < count) {
		unsigned long idx = (*pos + done) >> PAGE_SHIFT, left;
		size_t off = (*pos + done) & (PAGE_SIZE - 1);
		size_t n = min(count - done, PAGE_SIZE - off);
		bool fresh;
		struct page *page = ramfs_write_page(inode, idx, off, n, &fresh);
		char *to;

		if (!page) {
			err = -ENOSPC;
			break;
		}
		to = (char *)page_address(page) + off;
		left = raw_copy_from_user(to, buf + done, n);
		if (left && fresh)
			memset(to + n - left, 0, left);	/* no stale kernel data */
		done += n - left;
		if (left)
			break;
	}
	if (*pos + (loff_t)done > inode->i_size)
		inode->i_size = *pos + done;
	*pos += done;
	return done ? (ssize_t)done : err;
}

/* ramfs_mmap: the area's pages are the file's own, found at each fault
 * (mm/memory.c: file_page); nothing to do now (Linux: generic_file_mmap) */
static int ramfs_mmap(struct file *f, struct vm_area_struct *vma)
{
	(void)f;
	(void)vma;
	return 0;
}

const struct file_operations ramfs_file_fops = {
	.read = ramfs_file_read,
	.write = ramfs_file_write,
	.mmap = ramfs_mmap,
	.seekable = true,
};

const struct file_operations ramfs_dir_fops = {
	.seekable = true,
};

/* ramfs_get_page: the file's page idx (no reference taken); alloc fills a hole. */
struct page *ramfs_get_page(struct inode *inode, unsigned long idx, bool alloc)
{
	if (idx >= inode->i_nr_pages) {
		if (!alloc || grow_page_array(inode, idx + 1))
			return NULL;
	}
	if (!inode->i_pages[idx] && alloc)
		inode->i_pages[idx] = alloc_page(GFP_KERNEL | __GFP_ZERO);
	return inode->i_pages[idx];
}
