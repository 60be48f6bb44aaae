/*
 * Path name lookup (Linux: fs/namei.c). path_lookup walks a path one
 * component at a time from the root (absolute) or the current directory,
 * handling "." and "..", and follows symbolic links (at most 40, as Linux
 * allows, then ELOOP). path_create makes the last component.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/string.h>

#define MAX_SYMLINKS 40

struct fs_struct {
	struct dentry *pwd;
};

static struct dentry *start_dir(const char *path)
{
	if (path[0] == '/' || !current->fs || !current->fs->pwd)
		return root_dentry;
	return current->fs->pwd;
}

/*
 * walk: resolve path from dir. With parent_only, stop before the last
 * component and return its directory; *last then points at that name.
 */
static struct dentry *walk(struct dentry *dir, const char *path, bool follow,
			   bool parent_only, const char **last, int *depth, int *err)
{
	while (*path) {
		const char *name;
		size_t len;
		struct dentry *d;

		while (*path == '/')
			path++;
		name = path;
		while (*path && *path != '/')
			path++;
		len = path - name;
		if (!len)
			break;
		if (!S_ISDIR(dir->d_inode->i_mode)) {
			*err = -ENOTDIR;
			return NULL;
		}
		if (len > NAME_MAX) {
			*err = -ENAMETOOLONG;
			return NULL;
		}
		while (*path == '/')
			path++;
		if (parent_only && !*path) {
			*last = name;
			return dir;
		}
		if (len == 1 && name[0] == '.')
			continue;
		if (len == 2 && name[0] == '.' && name[1] == '.') {
			dir = dir->d_parent;
			continue;
		}
		d = d_lookup_child(dir, name, len);
		if (!d) {
			*err = -ENOENT;
			return NULL;
		}
		if (S_ISLNK(d->d_inode->i_mode) && (follow || *path)) {
			const char *target = d->d_inode->i_link;

			if (++*depth > MAX_SYMLINKS) {
				*err = -ELOOP;
				return NULL;
			}
			d = walk(target[0] == '/' ? root_dentry : dir, target, true,
				 false, NULL, depth, err);
			if (!d)
				return NULL;
		}
		dir = d;
	}
	if (parent_only) {
		*last = ".";
		return dir;
	}
	return dir;
}

/* path_lookup: the dentry of path, or NULL with *err set. */
struct dentry *path_lookup(const char *path, bool follow, int *err)
{
	int depth = 0;

	if (!*path) {
		*err = -ENOENT;
		return NULL;
	}
	return walk(start_dir(path), path, follow, false, NULL, &depth, err);
}

/* path_create: make a new inode of the given mode at path (-EEXIST if taken). */
struct dentry *path_create(const char *path, unsigned int mode, int *err)
{
	const char *last = NULL;
	int depth = 0;
	struct dentry *dir = walk(start_dir(path), path, true, true, &last, &depth, err);
	char name[NAME_MAX + 1];
	struct inode *inode;
	struct dentry *d;
	size_t len;

	if (!dir)
		return NULL;
	for (len = 0; last[len] && last[len] != '/'; len++)
		;
	memcpy(name, last, len);	/* walk() checked len <= NAME_MAX */
	name[len] = '\0';
	if (!strcmp(name, ".") || !strcmp(name, "..") || d_lookup_child(dir, name, len)) {
		*err = -EEXIST;
		return NULL;
	}
	inode = ramfs_new_inode(mode);
	d = inode ? d_add_child(dir, name, inode) : NULL;
	if (!d)
		*err = -ENOMEM;
	return d;
}
