#!/usr/bin/env bash
# Fetch the Linux oracle: Debian's Linux 6.1 i386 kernel (the newest
# linux-image-6.1.0-*-686-unsigned the archive serves) and busybox-static
# for i386. The tests and `make bench` boot that kernel in the same QEMU as
# yomi and run the same static i386 programs on it: it is the reference for
# every Linux behaviour (tests/system/oracle.py).
#
# Usage: linux-oracle.sh [--dir]
#   Prints nothing and exits 0 when the oracle is in place (fetching it the
#   first time); --dir prints its folder. On failure: one sentence on
#   stderr, exit 1.
#
# The packages are found through a private apt configuration of Debian
# bookworm for i386 (lists under the cache folder), so the host's own apt
# setup and architectures are not touched and no root is needed. Only the
# kernel image (about 6 MB of the 50 MB package) and busybox are kept, in
# ${YOMI_CACHE:-~/.cache/yomi}/linux/; nothing goes into the tree.
set -euo pipefail

cache=${YOMI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/yomi}
dir=$cache/linux
if [ "${1:-}" = "--dir" ]; then
	echo "$dir"
	exit 0
fi
[ -s "$dir/vmlinuz" ] && [ -s "$dir/busybox" ] && [ -s "$dir/VERSION" ] && exit 0

fail() {
	echo "yomi: cannot fetch the Linux oracle ($1); the *_linux tests and the" \
		"Linux column of make bench need it (network access to deb.debian.org)" >&2
	exit 1
}
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || fail "no apt-get/dpkg-deb"

apt=$cache/apt
mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$dir"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || fail "no $keyring (package debian-archive-keyring)"
cat > "$apt/sources.list" <<EOF
deb [signed-by=$keyring] http://deb.debian.org/debian bookworm main
deb [signed-by=$keyring] http://deb.debian.org/debian-security bookworm-security main
EOF
opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
	-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt" -o "Dir::Cache::Archives=$apt/archives"
	-o APT::Architecture=i386 -o APT::Architectures::=i386 -o Debug::NoLocking=1
	-o APT::Sandbox::User=root)
echo "yomi: fetching the Linux oracle (Debian's Linux 6.1 for i386 and busybox-static) into $dir"
apt-get -q "${opts[@]}" update >"$apt/update.log" 2>&1 || fail "apt-get update: $(tail -n 1 "$apt/update.log")"
pkg=$(apt-cache "${opts[@]}" pkgnames linux-image-6.1.0- | grep -E '^linux-image-6\.1\.0-[0-9]+-686-unsigned$' |
	sort -t- -k4,4n | tail -n 1)
[ -n "$pkg" ] || fail "no linux-image-6.1.0-*-686-unsigned in the archive"

work=$(mktemp -d "$cache/fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get -q "${opts[@]}" download "$pkg" busybox-static) >"$work/log" 2>&1 ||
	fail "apt-get download $pkg busybox-static: $(tail -n 1 "$work/log")"
dpkg-deb --fsys-tarfile "$work"/linux-image-*.deb | tar -x -C "$work" --wildcards './boot/vmlinuz-*' './boot/config-*'
dpkg-deb --fsys-tarfile "$work"/busybox-static_*.deb | tar -x -C "$work" ./bin/busybox
cp "$work"/boot/vmlinuz-* "$dir/vmlinuz"
cp "$work"/boot/config-* "$dir/config"
cp "$work/bin/busybox" "$dir/busybox"
version=$(dpkg-deb -f "$work"/linux-image-*.deb Version)
echo "$pkg $version" > "$dir/VERSION"
echo "yomi: Linux oracle: $(cat "$dir/VERSION")"
