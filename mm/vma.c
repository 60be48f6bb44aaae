/*
 * The tree of memory areas (Linux: mm/mmap.c's VMA tree; Linux 6.x moved
 * it to mm/vma.c). Areas sit both in a sorted list and in a red-black
 * tree keyed by address. Each node also stores rb_subtree_gap, the largest
 * free gap just below any area of its subtree (from the previous area's
 * end to this area's start), so vm_unmapped_area can skip whole subtrees
 * that have no room and find a free range in O(log n) - bottom-up for the
 * legacy layout, top-down for the default one.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define vma_of(node) rb_entry(node, struct vm_area_struct, vm_rb)

/* vma_gap: the free range just below vma. */
static unsigned long vma_gap(const struct vm_area_struct *vma)
{
	return vma->vm_start - (vma->vm_prev ? vma->vm_prev->vm_end : 0);
}

/* vma_compute_subtree_gap: the update callback of the augmented tree. */
static void vma_compute_subtree_gap(struct rb_node *node)
{
	struct vm_area_struct *vma = vma_of(node);
	unsigned long gap = vma_gap(vma);

	if (node->rb_left && vma_of(node->rb_left)->rb_subtree_gap > gap)
		gap = vma_of(node->rb_left)->rb_subtree_gap;
	if (node->rb_right && vma_of(node->rb_right)->rb_subtree_gap > gap)
		gap = vma_of(node->rb_right)->rb_subtree_gap;
	vma->rb_subtree_gap = gap;
}

/* vma_gap_update: vma's own gap changed; fix the tree up to the root. */
void vma_gap_update(struct vm_area_struct *vma)
{
	rb_propagate(&vma->vm_rb, vma_compute_subtree_gap);
}

static void update_highest(struct mm_struct *mm)
{
	struct rb_node *last = rb_last(&mm->mm_rb);

	mm->highest_vm_end = last ? vma_of(last)->vm_end : 0;
}

/* find_vma: the first area that ends above addr (it may start above it). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = vma_of(node);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

/* insert_vm_struct: link an area into the list and the tree; -ENOMEM on overlap. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct vm_area_struct *prev = NULL, *next;

	if (vma->vm_start >= vma->vm_end)
		return -EINVAL;
	while (*link) {
		struct vm_area_struct *v = vma_of(*link);

		parent = *link;
		if (vma->vm_end <= v->vm_start) {
			link = &parent->rb_left;
		} else if (vma->vm_start >= v->vm_end) {
			prev = v;
			link = &parent->rb_right;
		} else {
			return -ENOMEM;
		}
	}
	next = prev ? prev->vm_next : mm->mmap;
	vma->vm_mm = mm;
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	vma->rb_subtree_gap = 0;
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb, vma_compute_subtree_gap);
	if (next)
		vma_gap_update(next);
	mm->map_count++;
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	update_highest(mm);
	return 0;
}

/* vma_unlink: take an area out of the list and the tree (it is not freed). */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma->vm_next;

	if (vma->vm_prev)
		vma->vm_prev->vm_next = next;
	else
		mm->mmap = next;
	if (next)
		next->vm_prev = vma->vm_prev;
	rb_erase(&vma->vm_rb, &mm->mm_rb, vma_compute_subtree_gap);
	if (next)
		vma_gap_update(next);
	mm->map_count--;
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	update_highest(mm);
}

/*
 * vma_set_range: move an area's start and/or end in place (the caller
 * makes sure it overlaps nothing); the gaps of it and its successor change.
 */
void vma_set_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	if (vma->vm_file)
		vma->vm_pgoff += ((long)start - (long)vma->vm_start) >> PAGE_SHIFT;
	vma->vm_start = start;
	vma->vm_end = end;
	mm->total_vm += (end - start) >> PAGE_SHIFT;
	vma_gap_update(vma);
	if (vma->vm_next)
		vma_gap_update(vma->vm_next);
	update_highest(mm);
}

/* gap_below: the free range [*s, *e) just below vma, cut to [low, high];
 * whether it holds length bytes */
static bool gap_below(const struct vm_area_struct *vma, unsigned long low, unsigned long high,
		      unsigned long length, unsigned long *s, unsigned long *e)
{
	*s = max(vma->vm_prev ? vma->vm_prev->vm_end : 0, low);
	*e = min(vma->vm_start, high);
	return *e > *s && *e - *s >= length;
}

/* subtree_fits: some gap in node's subtree holds length bytes */
static bool subtree_fits(struct rb_node *node, unsigned long length)
{
	return node && vma_of(node)->rb_subtree_gap >= length;
}

/*
 * unmapped_area: the lowest free range of info->length bytes within
 * [low_limit, high_limit), aligned as asked, or -ENOMEM: the legacy,
 * bottom-up layout. An in-order walk of the tree (left subtree, the gap
 * below the node, right subtree) that descends only into subtrees whose
 * recorded gap is big enough, so it visits O(log n) nodes; after the last
 * area comes the gap up to the limit.
 */
static noinline unsigned long unmapped_area(struct mm_struct *mm, const struct vm_unmapped_area_info *info)
{
	unsigned long length = info->length + info->align_mask;	/* room to align */
	unsigned long low = info->low_limit, high = info->high_limit, s, e;
	struct rb_node *node = mm->mm_rb.rb_node, *from;

	if (length < info->length || high < length || high - length < low)
		return -ENOMEM;
	while (node) {
		struct vm_area_struct *vma = vma_of(node);

		if (subtree_fits(node->rb_left, length) && vma->vm_start > low) {
			node = node->rb_left;	/* lower gaps first */
			continue;
		}
		for (;;) {
			if (gap_below(vma, low, high, length, &s, &e))
				goto found;
			if (subtree_fits(node->rb_right, length) && vma->vm_end < high) {
				node = node->rb_right;
				break;
			}
			/* climb to the first node we reach from its left: its
			 * gap and its right subtree are next in order */
			do {
				from = node;
				node = node->rb_parent;
			} while (node && from != node->rb_left);
			if (!node)
				goto above;
			vma = vma_of(node);
		}
	}
above:
	/* the gap above the last area (written as a difference: a sum could
	 * wrap past 4 GiB) */
	s = max(mm->highest_vm_end, low);
	if (s > high || high - s < length)
		return -ENOMEM;
found:
	return s + ((info->align_offset - s) & info->align_mask);
}

/*
 * unmapped_area_topdown: the highest free range of info->length bytes
 * within [low_limit, high_limit), aligned as asked, or -ENOMEM: the
 * default, top-down layout. The same walk in mirror image: the gap above
 * the last area first, then right subtree, the gap below the node, left
 * subtree.
 */
static noinline unsigned long unmapped_area_topdown(struct mm_struct *mm,
						    const struct vm_unmapped_area_info *info)
{
	unsigned long length = info->length + info->align_mask;	/* room to align */
	unsigned long low = info->low_limit, high = info->high_limit, s, e;
	struct rb_node *node = mm->mm_rb.rb_node, *from;

	if (length < info->length || high < length || high - length < low)
		return -ENOMEM;
	s = max(mm->highest_vm_end, low);
	if (s <= high && high - s >= length) {
		e = high;
		goto found;
	}
	while (node) {
		struct vm_area_struct *vma = vma_of(node);

		if (subtree_fits(node->rb_right, length) && vma->vm_end < high) {
			node = node->rb_right;	/* higher gaps first */
			continue;
		}
		for (;;) {
			if (gap_below(vma, low, high, length, &s, &e))
				goto found;
			if (subtree_fits(node->rb_left, length) && vma->vm_start > low) {
				node = node->rb_left;
				break;
			}
			/* climb to the first node we reach from its right: its
			 * gap and its left subtree are next, in reverse order */
			do {
				from = node;
				node = node->rb_parent;
			} while (node && from != node->rb_right);
			if (!node)
				return -ENOMEM;
			vma = vma_of(node);
		}
	}
	return -ENOMEM;
found:
	e -= info->length;
	return e - ((e - info->align_offset) & info->align_mask);
}

/*
 * vm_unmapped_area: a free range for a new mapping, as info asks: from
 * the bottom (the legacy layout) or from the top (the default one).
 */
unsigned long vm_unmapped_area(struct mm_struct *mm, const struct vm_unmapped_area_info *info)
{
	if (info->flags & VM_UNMAPPED_AREA_TOPDOWN)
		return unmapped_area_topdown(mm, info);
	return unmapped_area(mm, info);
}
