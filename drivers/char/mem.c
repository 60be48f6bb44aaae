/*
 * Character devices (Linux: drivers/char/mem.c and fs/char_dev.c):
 * /dev/null (1,3) swallows writes and reads as end of file, /dev/zero (1,5)
 * reads as zeros; /dev/console (5,1) and /dev/tty (5,0) are the console
 * terminal. devices_init creates their nodes when the initramfs has none,
 * as Linux's devtmpfs would.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
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

static ssize_t zero_read(struct file *f, char __user *buf, size_t count, loff_t *pos)
{
	(void)f; (void)pos;
	return clear_user(buf, count) ? -EFAULT : (ssize_t)count;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
	.seekable = true,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
	.seekable = true,
};

static const struct {
	const char *name;
	unsigned int rdev;
	const struct file_operations *fops;
} devices[] = {
	{ "/dev/null", MKDEV(1, 3), &null_fops },
	{ "/dev/zero", MKDEV(1, 5), &zero_fops },
	{ "/dev/tty", MKDEV(5, 0), &console_fops },
	{ "/dev/console", MKDEV(5, 1), &console_fops },
};

/* chrdev_fops: the operations of the character device rdev, or NULL. */
const struct file_operations *chrdev_fops(unsigned int rdev)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(devices); i++)
		if (devices[i].rdev == rdev)
			return devices[i].fops;
	return NULL;
}

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
