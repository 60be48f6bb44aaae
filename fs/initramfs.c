/*
 * Unpacking the initramfs (Linux: init/initramfs.c). The boot loader loads
 * a "newc" cpio archive as a module; populate_rootfs walks its records -
 * a 110-byte ASCII header ("070701" and thirteen 8-digit hex fields), the
 * name, the data, each padded to 4 bytes - and creates each directory,
 * file, symbolic link and device node in the RAM file system. The archive's
 * memory is then given back to the page allocator, as Linux frees it.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/bootinfo.h>

#define CPIO_HDR_LEN 110

struct cpio_header {
	unsigned long ino, mode, uid, gid, nlink, mtime, filesize;
	unsigned long devmajor, devminor, rdevmajor, rdevminor, namesize, check;
};

static int parse_hex8(const char *s, unsigned long *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 8; i++) {
		char c = s[i];
		unsigned int d = c >= '0' && c <= '9' ? c - '0' :
				 c >= 'a' && c <= 'f' ? c - 'a' + 10 :
				 c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;

		if (d > 15)
			return -EINVAL;
		*v = *v << 4 | d;
	}
	return 0;
}

/* cpio_parse_header: 0, or -EINVAL for anything but a newc header. */
static int cpio_parse_header(const char *p, size_t avail, struct cpio_header *h)
{
	unsigned long *fields = &h->ino;
	int i;

	if (avail < CPIO_HDR_LEN || memcmp(p, "070701", 6))
		return -EINVAL;
	for (i = 0; i < 13; i++)
		if (parse_hex8(p + 6 + i * 8, &fields[i]))
			return -EINVAL;
	return 0;
}

static void create_entry(const char *name, const struct cpio_header *h, const char *data)
{
	char path[PATH_MAX];
	struct dentry *d;
	int err = 0;

	if (!strcmp(name, ".") || !*name)
		return;
	snprintf(path, sizeof(path), "/%s", name);
	d = path_lookup(path, false, &err);
	if (d && S_ISDIR(d->d_inode->i_mode) && S_ISDIR(h->mode))
		return;		/* already made as a parent of an earlier entry */
	if (d && !S_ISDIR(d->d_inode->i_mode))
		d_delete(d);	/* a later archive's file replaces it (Linux: maybe_unlink) */
	d = path_create(path, h->mode, &err);
	if (!d) {
		pr_warn("initramfs: cannot create %s (error %d)\n", path, err);
		return;
	}
	d->d_inode->i_uid = h->uid;
	d->d_inode->i_gid = h->gid;
	d->d_inode->i_mtime = h->mtime;
	d->d_inode->i_rdev = (h->rdevmajor << 8) | h->rdevminor;
	if (S_ISREG(h->mode) && h->filesize) {
		if (ramfs_write(d->d_inode, data, h->filesize, 0) != (ssize_t)h->filesize)
			pr_warn("initramfs: out of memory writing %s\n", path);
	} else if (S_ISLNK(h->mode)) {
		char *target = kmalloc(h->filesize + 1, GFP_KERNEL);

		if (target) {
			memcpy(target, data, h->filesize);
			target[h->filesize] = '\0';
		}
		d->d_inode->i_link = target;
		d->d_inode->i_size = h->filesize;
	}
}

/*
 * unpack_to_rootfs: every record of the archives in buf - as on Linux,
 * several archives may follow one another, zero padding between them, and
 * a later one adds to (or replaces files of) the earlier ones; the number
 * of entries, or -EINVAL.
 */
static int unpack_to_rootfs(const char *buf, size_t len)
{
	size_t pos = 0;
	int count = 0;

	while (pos < len) {
		struct cpio_header h;
		const char *name;
		size_t data;

		if (!buf[pos]) {	/* zero padding between or after archives */
			pos++;
			continue;
		}
		if (cpio_parse_header(buf + pos, len - pos, &h) || !h.namesize ||
		    h.namesize > PATH_MAX || pos + CPIO_HDR_LEN + h.namesize > len)
			return -EINVAL;
		name = buf + pos + CPIO_HDR_LEN;
		if (name[h.namesize - 1])
			return -EINVAL;
		data = ALIGN(pos + CPIO_HDR_LEN + h.namesize, 4);
		if (data + h.filesize > len)
			return -EINVAL;
		if (strcmp(name, "TRAILER!!!")) {	/* the trailer ends one archive */
			create_entry(name, &h, buf + data);
			count++;
		}
		pos = ALIGN(data + h.filesize, 4);
	}
	return count;
}

/* populate_rootfs: unpack each boot module, then free its memory. */
void populate_rootfs(void)
{
	int i;

	ramfs_init();
	for (i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *m = &boot_info.modules[i];
		int n;

		if (PFN_UP(m->end) > max_low_pfn) {
			pr_err("initramfs: module %d lies above low memory, ignored\n", i);
			continue;
		}
		n = unpack_to_rootfs(__va(m->start), m->end - m->start);
		if (n < 0)
			pr_err("initramfs: module %d (%s) is not a newc cpio archive\n", i, m->name);
		else
			pr_info("initramfs: unpacked %d entries from %s\n", n,
				m->name[0] ? m->name : "module");
		free_range_to_buddy(PFN_UP(m->start), PFN_DOWN(m->end));
		pr_info("Freeing initrd memory: %uK\n", (m->end - m->start) >> 10);
	}
}
