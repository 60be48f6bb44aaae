/*
 * Character devices (Linux: fs/char_dev.c). A driver registers the file
 * operations of its major number (register_chrdev); opening a device node
 * goes through def_chr_fops, whose chrdev_open puts the driver's
 * operations in the file and calls the driver's own open - which may
 * choose again by the minor number, as /dev/null and /dev/zero do (both
 * major 1, drivers/char/mem.c). Linux registers ranges of minors with
 * struct cdev; yomi a whole major.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>

#define CHRDEV_MAJOR_MAX 256

static const struct file_operations *chrdevs[CHRDEV_MAJOR_MAX];

/* register_chrdev: fops serve every device of major; -EBUSY if taken */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	if (major >= CHRDEV_MAJOR_MAX)
		return -EINVAL;
	if (chrdevs[major]) {
		pr_warn("chrdev: major %u (%s) is taken\n", major, name);
		return -EBUSY;
	}
	chrdevs[major] = fops;
	return 0;
}

/* chrdev_open: the operations of the device's driver, or -ENXIO */
static int chrdev_open(struct inode *inode, struct file *f)
{
	unsigned int major = MAJOR(inode->i_rdev);
	const struct file_operations *fops = major < CHRDEV_MAJOR_MAX ? chrdevs[major] : NULL;

	if (!fops)
		return -ENXIO;
	f->f_op = fops;
	return fops->open ? fops->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
