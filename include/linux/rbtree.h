/*
 * Red-black trees (Linux: include/linux/rbtree.h, rbtree_augmented.h).
 * The caller embeds a struct rb_node in its own structure, walks down to
 * find where a new node goes, links it with rb_link_node and lets
 * rb_insert_color rebalance. An "augmented" tree keeps a value per node
 * computed from the node and its two subtrees (the VMA tree keeps the
 * largest free gap below each node): the update callback recomputes one
 * node, and the tree calls it wherever rotations or removals change a
 * subtree. Linux packs the color into the parent pointer; yomi keeps a
 * separate field, which is easier to read in a debugger.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/kernel.h>

#define RB_RED 0
#define RB_BLACK 1

struct rb_node {
	struct rb_node *rb_parent;
	struct rb_node *rb_left;
	struct rb_node *rb_right;
	int rb_color;
};

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_ROOT ((struct rb_root){ NULL })
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* update(node): recompute node's augmented value from it and its children */
typedef void (*rb_augment_update)(struct rb_node *node);

static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->rb_parent = parent;
	node->rb_left = node->rb_right = NULL;
	node->rb_color = RB_RED;
	*link = node;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root, rb_augment_update update);
void rb_erase(struct rb_node *node, struct rb_root *root, rb_augment_update update);
void rb_propagate(struct rb_node *node, rb_augment_update update);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

#endif
