#!/usr/bin/env bash
# Fetch a small Debian 12 (bookworm) i386 user space for yomi: glibc and
# the dynamic linker, coreutils, bash, dash, sed, grep, gawk and procps
# (ps), with the libraries they need, unpacked (dpkg -x) into a folder
# outside the tree; and musl-dev (musl's crt1.o, libc.a and headers)
# unpacked beside it, in musl/, for linking a static musl program.
# The differential Debian tests (tests/system/test_debian.py) run its
# programs on yomi and on Linux; `make run USERLAND=debian` boots into its
# bash.
#
# Usage: debian-userland.sh [--dir]
#   Prints the folder (the root of the unpacked files) and exits 0, fetching
#   the packages the first time (and again when the list below changes);
#   on failure one sentence on stderr, exit 1.
#
# The private apt configuration is tools/linux-oracle.sh's (its lists
# under the cache folder; run it first), so the host's apt setup is not
# touched. Documentation, locales and gconv modules are left out.
set -euo pipefail

cache=${YOMI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/yomi}
dir=$cache/debian
packages="libc6 libgcc-s1 coreutils libacl1 libattr1 libgmp10 libselinux1 libpcre2-8-0
	bash libtinfo6 dash sed grep gawk libmpfr6 libreadline8 libsigsegv2
	procps libproc2-0 libncursesw6 libsystemd0 libcap2 libgcrypt20 libgpg-error0 liblz4-1
	liblzma5 libzstd1"
musl=musl-dev
if [ "$(cat "$dir/packages" 2>/dev/null)" = "$packages $musl" ]; then
	echo "$dir/root"
	exit 0
fi

fail() {
	echo "yomi: cannot fetch the Debian user space ($1); it needs network access" \
		"to deb.debian.org" >&2
	exit 1
}
bash "$(dirname "$0")/linux-oracle.sh" || fail "tools/linux-oracle.sh failed"
apt=$cache/apt
opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
	-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt" -o "Dir::Cache::Archives=$apt/archives"
	-o APT::Architecture=i386 -o APT::Architectures::=i386 -o Debug::NoLocking=1
	-o APT::Sandbox::User=root)
mkdir -p "$dir/debs"
# shellcheck disable=SC2086
(cd "$dir/debs" && apt-get -q "${opts[@]}" download $packages $musl) >"$dir/download.log" 2>&1 ||
	fail "apt-get download: $(tail -n 1 "$dir/download.log")"
rm -rf "$dir/root.new" "$dir/musl"
mkdir -p "$dir/root.new" "$dir/musl"
for deb in "$dir"/debs/*.deb; do
	case $(basename "$deb") in
	"${musl}"_*) dpkg -x "$deb" "$dir/musl" ;;
	*) dpkg -x "$deb" "$dir/root.new" ;;
	esac
done
rm -rf "$dir/root.new/usr/share" "$dir/root.new/usr/lib/i386-linux-gnu/gconv" \
	"$dir/root.new/usr/libexec"
rm -rf "$dir/root"
mv "$dir/root.new" "$dir/root"
echo "$packages $musl" >"$dir/packages"
echo "$dir/root"
