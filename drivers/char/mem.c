/*
 * The memory devices (Linux: drivers/char/mem.c): major 1, registered
 * with fs/char_dev.c; /dev/null (1,3) swallows writes and reads as end of
 * file, /dev/zero (1,5) reads as zeros and maps as anonymous memory.
 * devices_init creates their nodes, and the console's (/dev/tty 5,0 and
 * /dev/console 5,1, drivers/tty), when the initramfs has none, as Linux's
 * devtmpfs would.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <asm/uaccess.h>

static ssize_t null_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)count; (void)pos;
	return 0;
}

static ssize_t null_write(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	(void)f; (void)buf; (void)pos;
	return count;
}

/* zero_read: a fault part-way returns the bytes cleared before it, as Linux */
static ssize_t zero_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	unsigned long left = clear_user(buf, count);

	(void)f; (void)pos;
	return left && left == count ? -EFAULT : (ssize_t)(count - left);
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
	.seekable = true,
};

/* mmap_zero: a private mapping of /dev/zero is anonymous memory, a shared
 * one is shared anonymous memory (Linux's mmap_zero) */
static int mmap_zero(struct file *f, struct vm_area_struct *vma)
{
	(void)f;
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma_set_anonymous(vma);
	return 0;
}

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
	.mmap = mmap_zero,
	.seekable = true,
};

/* the memory devices, by minor number (Linux: devlist) */
static const struct file_operations *const memory_devices[] = {
	[3] = &null_fops,
	[5] = &zero_fops,
};

/* memory_open: /dev/null or /dev/zero, chosen by the minor number */
static int memory_open(struct inode *inode, struct file *f)
{
	unsigned int minor = MINOR(inode->i_rdev);

	if (minor >= ARRAY_SIZE(memory_devices) || !memory_devices[minor])
		return -ENXIO;
	f->f_op = memory_devices[minor];
	return 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static int __init chr_dev_init(void)
{
	return register_chrdev(MEM_MAJOR, "mem", &memory_fops);
}
device_initcall(chr_dev_init);

/* the device nodes made at boot when the initramfs has none */
static const struct {
	const char *name;
	unsigned int rdev;
} devices[] = {
	{ "/dev/null", MKDEV(MEM_MAJOR, 3) },
	{ "/dev/zero", MKDEV(MEM_MAJOR, 5) },
	{ "/dev/tty", MKDEV(TTYAUX_MAJOR, 0) },
	{ "/dev/console", MKDEV(TTYAUX_MAJOR, 1) },
};

void devices_init(void)
{
	unsigned int i;
	int err = 0;

	if (!path_lookup("/dev", true, &err))
		path_create("/dev", S_IFDIR | 0755, &err);
	for (i = 0; i < ARRAY_SIZE(devices); i++) {
		struct dentry *d;

		err = 0;
		if (path_lookup(devices[i].name, false, &err))
			continue;
		d = path_create(devices[i].name, S_IFCHR | 0666, &err);
		if (d)
			d->d_inode->i_rdev = devices[i].rdev;
	}
}
