/*
 * Path name lookup (Linux: fs/namei.c). A walk starts at the root for an
 * absolute path, else at a start directory (the current directory, or a
 * directory descriptor for the *at() calls), and resolves one component
 * at a time: "." and "..", then the name in the directory. Symbolic links
 * are followed (at most 40, as Linux allows, then ELOOP) except, when asked,
 * for the last component. path_parent stops one step early so that
 * create, unlink and rename can work on the parent directory. getname and
 * user_path_at bring a path in from user memory.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define MAX_SYMLINKS 40		/* links followed in one lookup, as Linux */
#define MAX_NESTED_LINKS 8	/* links inside links: each costs kernel stack */
#define LINK_BUF 64		/* a computed link's target (/proc/self, /proc/<pid>/exe) */

static struct dentry *walk(struct dentry *dir, const char *path, bool follow,
			   char *last, int *depth, int *err);

/* next_component: the next name in *path (skipping slashes), its length. */
static size_t next_component(const char **path, const char **name)
{
	while (**path == '/')
		(*path)++;
	*name = *path;
	while (**path && **path != '/')
		(*path)++;
	return *path - *name;
}

/* link_target: a symbolic link's target, stored or computed (/proc/self). */
const char *link_target(struct inode *inode, char *buf, int len)
{
	if (inode->i_op && inode->i_op->get_link)
		return inode->i_op->get_link(inode, buf, len) < 0 ? "" : buf;
	return inode->i_link ? inode->i_link : "";
}

/*
 * follow_link: resolve a symbolic link met in the middle of a path (or
 * before a final "/"). *depth counts every link of the lookup; the
 * nesting, which recurses, is kept small (one counter serves all: a walk
 * never sleeps, so walks never interleave). Linux allows 40 of both.
 */
static struct dentry *follow_link(struct dentry *dir, struct dentry *d, int *depth, int *err)
{
	static int nested;
	char buf[LINK_BUF];
	const char *target = link_target(d->d_inode, buf, sizeof(buf));
	struct dentry *found;

	if (++*depth > MAX_SYMLINKS || nested >= MAX_NESTED_LINKS) {
		*err = -ELOOP;
		return NULL;
	}
	nested++;
	found = walk(target[0] == '/' ? root_dentry : dir, target, true, NULL, depth, err);
	nested--;
	return found;
}

/* lookup_child: a name in a directory, made on demand for /proc. */
static struct dentry *lookup_child(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d = d_lookup_child(dir, name, len);

	if (!d && dir->d_inode->i_op && dir->d_inode->i_op->lookup)
		d = dir->d_inode->i_op->lookup(dir, name, len);
	return d;
}

/*
 * walk: resolve path from dir. When last is given, stop before the final
 * component, copy it to last (NAME_MAX + 1 bytes) and return its directory.
 * A symbolic link that ends the path goes on with its target in this same
 * loop, so a chain of 40 links costs no stack; only a link in the middle
 * of a path recurses (follow_link).
 */
static struct dentry *walk(struct dentry *dir, const char *path, bool follow,
			   char *last, int *depth, int *err)
{
	char buf[LINK_BUF];

	if (*path == '/')
		dir = root_dentry;
	for (;;) {
		const char *name, *rest;
		size_t len = next_component(&path, &name);
		struct dentry *d;
		bool slash = *path == '/';	/* "name/": it must be a directory */

		rest = path;
		while (*rest == '/')
			rest++;
		if (!S_ISDIR(dir->d_inode->i_mode)) {
			*err = -ENOTDIR;
			return NULL;
		}
		if (!len) {
			if (last)
				strlcpy(last, ".", NAME_MAX + 1);
			return dir;
		}
		if (len > NAME_MAX) {
			*err = -ENAMETOOLONG;
			return NULL;
		}
		if (last && !*rest) {
			memcpy(last, name, len);
			last[len] = '\0';
			return dir;
		}
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			dir = dir->d_parent;
			continue;
		}
		d = lookup_child(dir, name, len);
		if (!d) {
			*err = -ENOENT;
			return NULL;
		}
		if (S_ISLNK(d->d_inode->i_mode) && follow && !*rest && !slash) {
			if (++*depth > MAX_SYMLINKS) {
				*err = -ELOOP;
				return NULL;
			}
			path = link_target(d->d_inode, buf, sizeof(buf));
			if (!*path) {
				*err = -ENOENT;
				return NULL;
			}
			if (*path == '/')
				dir = root_dentry;
			continue;
		}
		if (S_ISLNK(d->d_inode->i_mode) && (follow || slash)) {
			d = follow_link(dir, d, depth, err);
			if (!d)
				return NULL;
		}
		if (!*rest) {
			if (slash && !S_ISDIR(d->d_inode->i_mode)) {
				*err = -ENOTDIR;
				return NULL;
			}
			return d;
		}
		dir = d;
	}
}

static struct dentry *cwd(void)
{
	return current->fs->pwd ? current->fs->pwd : root_dentry;
}

/* path_lookupat: the dentry of path from start, or NULL with *err set. */
struct dentry *path_lookupat(struct dentry *start, const char *path, bool follow, int *err)
{
	int depth = 0;

	if (!*path) {
		*err = -ENOENT;
		return NULL;
	}
	return walk(start, path, follow, NULL, &depth, err);
}

struct dentry *path_lookup(const char *path, bool follow, int *err)
{
	return path_lookupat(cwd(), path, follow, err);
}

/* path_parent: the directory holding path's last component, copied to name. */
struct dentry *path_parent(struct dentry *start, const char *path, char *name, int *err)
{
	int depth = 0;

	if (!*path) {
		*err = -ENOENT;
		return NULL;
	}
	return walk(start, path, true, name, &depth, err);
}

/*
 * path_create_follow: path_createat for open(O_CREAT): when the name is a
 * symbolic link to nothing, the file is made where the link points.
 */
struct dentry *path_create_follow(struct dentry *start, const char *path, unsigned int mode,
				  int *err)
{
	char name[NAME_MAX + 1], buf[LINK_BUF];
	struct dentry *dir, *d;
	int links;

	for (links = 0; links < MAX_SYMLINKS; links++) {
		dir = path_parent(start, path, name, err);
		if (!dir)
			return NULL;
		d = d_lookup_child(dir, name, strlen(name));
		if (!d || !S_ISLNK(d->d_inode->i_mode))
			return path_createat(start, path, mode, err);
		path = link_target(d->d_inode, buf, sizeof(buf));
		start = dir;
	}
	*err = -ELOOP;
	return NULL;
}

/* dir_resize: n names added to (or, n < 0, removed from) directory dir: its
 * size follows, BOGO_DIRENT_SIZE a name, as on Linux's tmpfs */
static void dir_resize(struct dentry *dir, int n)
{
	dir->d_inode->i_size += n * BOGO_DIRENT_SIZE;
}

/* path_createat: a new inode of the given mode at path (-EEXIST if taken). */
struct dentry *path_createat(struct dentry *start, const char *path, unsigned int mode, int *err)
{
	char name[NAME_MAX + 1];
	struct dentry *dir = path_parent(start, path, name, err), *d;
	struct inode *inode;

	if (!dir)
		return NULL;
	if (dir->d_unhashed) {		/* a removed directory takes no new names */
		*err = -ENOENT;
		return NULL;
	}
	if (!strcmp(name, ".") || !strcmp(name, "..") || d_lookup_child(dir, name, strlen(name))) {
		*err = -EEXIST;
		return NULL;
	}
	inode = ramfs_new_inode(mode);
	d = inode ? d_add_child(dir, name, inode) : NULL;
	if (!d) {
		*err = -ENOMEM;
		return NULL;
	}
	if (S_ISDIR(mode))
		inode->i_size = 2 * BOGO_DIRENT_SIZE;
	dir_resize(dir, 1);
	return d;
}

struct dentry *path_create(const char *path, unsigned int mode, int *err)
{
	return path_createat(cwd(), path, mode, err);
}

/* d_path: the absolute path of d into buf; its length, or -ENAMETOOLONG. */
int d_path(struct dentry *d, char *buf, int len)
{
	int pos = len - 1;

	buf[pos] = '\0';
	if (d == root_dentry)
		buf[--pos] = '/';
	for (; d != root_dentry; d = d->d_parent) {
		int n = strlen(d->d_name);

		if (pos < n + 1)
			return -ENAMETOOLONG;
		pos -= n;
		memcpy(buf + pos, d->d_name, n);
		buf[--pos] = '/';
	}
	memmove(buf, buf + pos, len - pos);
	return len - pos - 1;
}

/* the system calls that change names (Linux keeps them in namei.c too) */


/* getname: copy a user path into a new kernel buffer (free with kfree). */
char *getname(const char __user *filename, int *err)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name) {
		*err = -ENOMEM;
		return NULL;
	}
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || !len) {
		*err = len < 0 ? (int)len : len ? -ENAMETOOLONG : -ENOENT;
		kfree(name);
		return NULL;
	}
	return name;
}

/* start_dir_fd: where a relative path of an *at() call starts. */
struct dentry *start_dir_fd(int dfd, const char *path, int *err)
{
	struct file *f;

	if (path[0] == '/' || dfd == AT_FDCWD)
		return current->fs->pwd ? current->fs->pwd : root_dentry;
	f = fget(dfd);
	if (!f || !f->f_dentry) {
		*err = -EBADF;
		return NULL;
	}
	if (!S_ISDIR(f->f_inode->i_mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return f->f_dentry;
}

/* user_path_at: look up a path from user memory, relative to dfd. */
long user_path_at(int dfd, const char __user *filename, bool follow, struct dentry **d)
{
	struct dentry *start;
	char *name;
	int err = 0;

	name = getname(filename, &err);
	if (!name)
		return err;
	start = start_dir_fd(dfd, name, &err);
	*d = start ? path_lookupat(start, name, follow, &err) : NULL;
	kfree(name);
	return *d ? 0 : err;
}

/* user_parent: copy a user path and find its parent directory and last name. */
static struct dentry *user_parent(int dfd, const char __user *pathname, char *last, int *err)
{
	char *name = getname(pathname, err);
	struct dentry *start, *dir = NULL;

	if (!name)
		return NULL;
	start = start_dir_fd(dfd, name, err);
	if (start)
		dir = path_parent(start, name, last, err);
	kfree(name);
	return dir;
}

static long do_mkdirat(int dfd, const char __user *pathname, unsigned int mode)
{
	char *name;
	struct dentry *start, *d = NULL;
	int err = 0;

	name = getname(pathname, &err);
	if (!name)
		return err;
	start = start_dir_fd(dfd, name, &err);
	if (start)
		d = path_createat(start, name, S_IFDIR | (mode & 07777 & ~current->fs->umask), &err);
	kfree(name);
	return d ? 0 : err;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, unsigned int, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, unsigned int, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

/* do_remove: unlink (dir = false) or rmdir (dir = true) the last component. */
static long do_remove(int dfd, const char __user *pathname, bool dir_wanted)
{
	char last[NAME_MAX + 1];
	int err = 0;
	struct dentry *dir = user_parent(dfd, pathname, last, &err), *d;

	if (!dir)
		return err;
	if (!strcmp(last, ".") || !strcmp(last, ".."))
		return dir_wanted ? -EINVAL : -EISDIR;
	d = d_lookup_child(dir, last, strlen(last));
	if (!d)
		return -ENOENT;
	if (dir_wanted) {
		if (!S_ISDIR(d->d_inode->i_mode))
			return -ENOTDIR;
		if (!list_empty(&d->d_inode->i_dentries))
			return -ENOTEMPTY;
		if (d == root_dentry)
			return -EBUSY;	/* another process's current directory may go, as on Linux */
	} else if (S_ISDIR(d->d_inode->i_mode)) {
		return -EISDIR;
	}
	dir_resize(dir, -1);
	d_delete(d);
	return 0;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, false);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_remove(AT_FDCWD, pathname, true);
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_remove(dfd, pathname, flag & AT_REMOVEDIR);
}

/* is_ancestor: a lies on the path from d up to the root. */
static bool is_ancestor(struct dentry *a, struct dentry *d)
{
	for (;; d = d->d_parent) {
		if (d == a)
			return true;
		if (d == root_dentry)
			return false;
	}
}

/* rename: move a name; an existing target of a compatible kind is replaced. */
SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	char oldlast[NAME_MAX + 1], newlast[NAME_MAX + 1];
	int err = 0;
	struct dentry *olddir = user_parent(AT_FDCWD, oldname, oldlast, &err), *newdir, *old, *target;

	if (!olddir)
		return err;
	newdir = user_parent(AT_FDCWD, newname, newlast, &err);
	if (!newdir)
		return err;
	if (!strcmp(oldlast, ".") || !strcmp(oldlast, "..") || !strcmp(newlast, ".") ||
	    !strcmp(newlast, ".."))
		return -EBUSY;
	old = d_lookup_child(olddir, oldlast, strlen(oldlast));
	if (!old)
		return -ENOENT;
	if (S_ISDIR(old->d_inode->i_mode) && is_ancestor(old, newdir))
		return -EINVAL;
	target = d_lookup_child(newdir, newlast, strlen(newlast));
	if (target == old)
		return 0;
	if (target) {
		if (S_ISDIR(target->d_inode->i_mode) != S_ISDIR(old->d_inode->i_mode))
			return S_ISDIR(target->d_inode->i_mode) ? -EISDIR : -ENOTDIR;
		if (S_ISDIR(target->d_inode->i_mode) && !list_empty(&target->d_inode->i_dentries))
			return -ENOTEMPTY;
		dir_resize(newdir, -1);
		d_delete(target);
	}
	dir_resize(olddir, -1);
	dir_resize(newdir, 1);
	list_del(&old->d_child);
	if (S_ISDIR(old->d_inode->i_mode)) {
		olddir->d_inode->i_nlink--;
		newdir->d_inode->i_nlink++;
	}
	strlcpy(old->d_name, newlast, sizeof(old->d_name));
	old->d_parent = dget(newdir);	/* a name holds its directory (d_add_child) */
	dput(olddir);
	d_list_add(old, newdir);
	return 0;
}

/* link: a second name for a file (not a directory), in the same file system. */
SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	char last[NAME_MAX + 1];
	struct dentry *old, *dir;
	long err = user_path_at(AT_FDCWD, oldname, false, &old);
	int e = 0;

	if (err)
		return err;
	if (S_ISDIR(old->d_inode->i_mode))
		return -EPERM;
	dir = user_parent(AT_FDCWD, newname, last, &e);
	if (!dir)
		return e;
	if (!strcmp(last, ".") || !strcmp(last, "..") ||
	    d_lookup_child(dir, last, strlen(last)))
		return -EEXIST;
	if (!d_add_child(dir, last, old->d_inode))
		return -ENOMEM;
	dir_resize(dir, 1);
	old->d_inode->i_nlink++;
	return 0;
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	struct dentry *d;
	char *name, *target;
	int err = 0;

	target = getname(oldname, &err);
	if (!target)
		return err;
	name = getname(newname, &err);
	d = name ? path_create(name, S_IFLNK | 0777, &err) : NULL;
	kfree(name);
	if (!d) {
		kfree(target);
		return err;
	}
	d->d_inode->i_link = target;
	d->d_inode->i_size = strlen(target);
	return 0;
}
