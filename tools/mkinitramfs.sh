#!/usr/bin/env bash
# Build yomi's initramfs: a `cpio -H newc` archive (Linux's initramfs format,
# which the kernel unpacks into its RAM file system).
#
# Usage: mkinitramfs.sh OUTPUT EXTRA_DIR [DEST=SOURCE]...
#   DEST=SOURCE  puts the program SOURCE at /DEST, mode 0755, without its
#                debug information (gdb reads that from SOURCE, whose
#                addresses are the same), e.g. sbin/init=build/user/sbin/init
#   EXTRA_DIR    a host directory (or "") whose files are added at the root
#                with their sub-paths and modes, e.g. EXTRA/etc/rc -> /etc/rc
#
# The archive always has /bin, /sbin, /dev and /proc (where the kernel
# mounts proc). Every entry is owned by root (0:0) and the programs built
# here are dated 1970-01-01 (EXTRA's files keep their times), so the
# archive depends only on names, modes, contents and EXTRA's dates: OUTPUT
# is replaced only when that changes, and make does not rebuild what
# depends on it for nothing.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 OUTPUT EXTRA_DIR [DEST=SOURCE]..." >&2; exit 2; }
out=$1 extra=$2
shift 2

stage=$(mktemp -d "${out}.stage.XXXXXX")
trap 'rm -rf "$stage" "$out.new"' EXIT

mkdir -p "$stage"/{bin,sbin,dev,proc}
for spec in "$@"; do
	dest=${spec%%=*} src=${spec#*=}
	mkdir -p "$stage/$(dirname "$dest")"
	objcopy --strip-debug "$src" "$stage/$dest"
	chmod 0755 "$stage/$dest"
done
chmod 0755 "$stage"
find "$stage" -exec touch -h -d @0 {} +
if [ -n "$extra" ]; then	# EXTRA's files keep their own times (ls -l shows them)
	[ -d "$extra" ] || { echo "mkinitramfs: EXTRA=$extra is not a directory" >&2; exit 1; }
	cp -R --preserve=mode,links,timestamps --no-dereference "$extra"/. "$stage"/
fi

# names relative to the root ("bin/hello"), parents before children
(cd "$stage" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0 --reproducible) > "$out.new"

if cmp -s "$out.new" "$out"; then
	rm -f "$out.new"
else
	mv "$out.new" "$out"
	echo "  CPIO    $out ($(cd "$stage" && find . -mindepth 1 | wc -l) entries)"
fi
