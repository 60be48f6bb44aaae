/* kmalloc/kfree: small kernel objects from size-class caches. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/mm.h>

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *obj);
void kmem_cache_init(void);
struct seq_file;
int slabinfo_show(struct seq_file *m, void *v);	/* /proc/slabinfo */

#endif
