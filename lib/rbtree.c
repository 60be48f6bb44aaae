/*
 * Red-black tree balancing (Linux: lib/rbtree.c), written from the
 * textbook rules: every node is red or black, the root is black, a red
 * node has no red child, and every path from a node down to a leaf passes
 * the same number of black nodes - so the tree height stays below
 * 2 log2(n + 1). Insertion and removal restore the rules with recolorings
 * and at most three rotations. Augmented values are recomputed for the
 * nodes a rotation moves and, once balanced, along the path from the
 * changed spot up to the root (every other node keeps its subtree).
 */
#include <linux/rbtree.h>

static void update_node(struct rb_node *node, rb_augment_update update)
{
	if (update && node)
		update(node);
}

/* replace_child: put new where old hung under parent (or at the root). */
static void replace_child(struct rb_root *root, struct rb_node *parent,
			  struct rb_node *old, struct rb_node *new)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
	if (new)
		new->rb_parent = parent;
}

/* rotate_left: x's right child y takes x's place; x becomes y's left child. */
static void rotate_left(struct rb_root *root, struct rb_node *x, rb_augment_update update)
{
	struct rb_node *y = x->rb_right;

	x->rb_right = y->rb_left;
	if (y->rb_left)
		y->rb_left->rb_parent = x;
	replace_child(root, x->rb_parent, x, y);
	y->rb_left = x;
	x->rb_parent = y;
	update_node(x, update);
	update_node(y, update);
}

static void rotate_right(struct rb_root *root, struct rb_node *x, rb_augment_update update)
{
	struct rb_node *y = x->rb_left;

	x->rb_left = y->rb_right;
	if (y->rb_right)
		y->rb_right->rb_parent = x;
	replace_child(root, x->rb_parent, x, y);
	y->rb_right = x;
	x->rb_parent = y;
	update_node(x, update);
	update_node(y, update);
}

static int is_red(const struct rb_node *n)
{
	return n && n->rb_color == RB_RED;
}

/* rb_propagate: recompute node and every ancestor up to the root. */
void rb_propagate(struct rb_node *node, rb_augment_update update)
{
	for (; update && node; node = node->rb_parent)
		update(node);
}

/* rb_insert_color: rebalance after rb_link_node put a red leaf in the tree. */
void rb_insert_color(struct rb_node *node, struct rb_root *root, rb_augment_update update)
{
	struct rb_node *start = node;

	while (is_red(node->rb_parent)) {
		struct rb_node *parent = node->rb_parent, *gparent = parent->rb_parent;
		bool left = parent == gparent->rb_left;
		struct rb_node *uncle = left ? gparent->rb_right : gparent->rb_left;

		if (is_red(uncle)) {		/* recolor and move the problem up */
			parent->rb_color = uncle->rb_color = RB_BLACK;
			gparent->rb_color = RB_RED;
			node = gparent;
			continue;
		}
		if (node == (left ? parent->rb_right : parent->rb_left)) {
			/* zig-zag: rotate it into a straight line first */
			if (left)
				rotate_left(root, parent, update);
			else
				rotate_right(root, parent, update);
			node = parent;
			parent = node->rb_parent;
		}
		parent->rb_color = RB_BLACK;
		gparent->rb_color = RB_RED;
		if (left)
			rotate_right(root, gparent, update);
		else
			rotate_left(root, gparent, update);
	}
	root->rb_node->rb_color = RB_BLACK;
	rb_propagate(start, update);
}

/* erase_fixup: x (maybe NULL) under parent is short of one black node. */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root,
			rb_augment_update update)
{
	while (x != root->rb_node && !is_red(x)) {
		bool left = x == parent->rb_left;
		struct rb_node *w = left ? parent->rb_right : parent->rb_left;

		if (is_red(w)) {
			w->rb_color = RB_BLACK;
			parent->rb_color = RB_RED;
			if (left)
				rotate_left(root, parent, update);
			else
				rotate_right(root, parent, update);
			w = left ? parent->rb_right : parent->rb_left;
		}
		if (!is_red(w->rb_left) && !is_red(w->rb_right)) {
			w->rb_color = RB_RED;
			x = parent;
			parent = x->rb_parent;
			continue;
		}
		if (left && !is_red(w->rb_right)) {
			w->rb_left->rb_color = RB_BLACK;
			w->rb_color = RB_RED;
			rotate_right(root, w, update);
			w = parent->rb_right;
		} else if (!left && !is_red(w->rb_left)) {
			w->rb_right->rb_color = RB_BLACK;
			w->rb_color = RB_RED;
			rotate_left(root, w, update);
			w = parent->rb_left;
		}
		w->rb_color = parent->rb_color;
		parent->rb_color = RB_BLACK;
		if (left) {
			w->rb_right->rb_color = RB_BLACK;
			rotate_left(root, parent, update);
		} else {
			w->rb_left->rb_color = RB_BLACK;
			rotate_right(root, parent, update);
		}
		x = root->rb_node;
		break;
	}
	if (x)
		x->rb_color = RB_BLACK;
}

/* rb_erase: unlink node and rebalance. */
void rb_erase(struct rb_node *node, struct rb_root *root, rb_augment_update update)
{
	struct rb_node *child, *parent, *lowest;
	int color;

	if (node->rb_left && node->rb_right) {
		/* two children: the successor (leftmost on the right) takes its place */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;
		child = succ->rb_right;
		color = succ->rb_color;
		if (succ->rb_parent == node) {
			parent = succ;
		} else {
			parent = succ->rb_parent;
			parent->rb_left = child;
			if (child)
				child->rb_parent = parent;
			succ->rb_right = node->rb_right;
			node->rb_right->rb_parent = succ;
		}
		replace_child(root, node->rb_parent, node, succ);
		succ->rb_left = node->rb_left;
		node->rb_left->rb_parent = succ;
		succ->rb_color = node->rb_color;
	} else {
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = node->rb_parent;
		color = node->rb_color;
		replace_child(root, parent, node, child);
	}
	lowest = parent;
	if (color == RB_BLACK)
		erase_fixup(child, parent, root, update);
	rb_propagate(lowest, update);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_left)
		n = n->rb_left;
	return n;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	while (n && n->rb_right)
		n = n->rb_right;
	return n;
}

/* rb_next: the in-order successor, or NULL. */
struct rb_node *rb_next(const struct rb_node *node)
{
	const struct rb_node *parent;

	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	while ((parent = node->rb_parent) && node == parent->rb_right)
		node = parent;
	return (struct rb_node *)parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	const struct rb_node *parent;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((parent = node->rb_parent) && node == parent->rb_left)
		node = parent;
	return (struct rb_node *)parent;
}
