#!/usr/bin/env bash
# Make sure the host has the tools yomi's build, run and tests use.
# Each entry: a file or command that must exist, and the Debian package
# that provides it. Missing ones are installed with apt-get (through sudo
# when not root) on Debian/Ubuntu; elsewhere their package names are printed.
# `tools/hostdeps.sh --list` prints every package (used by .ci/run).
set -u

deps=(
	"cmd:nasm nasm"
	"cmd:gcc gcc"
	"cmd:clang clang"
	"cmd:clangd clangd"
	"cmd:make make"
	"file:/usr/lib/gcc/x86_64-linux-gnu/*/32/libgcc.a gcc-multilib"
	"cmd:grub-mkrescue grub-common"
	"file:/usr/lib/grub/i386-pc/moddep.lst grub-pc-bin"
	"file:/usr/lib/grub/x86_64-efi/moddep.lst grub-efi-amd64-bin"
	"file:/usr/lib/grub/i386-efi/moddep.lst grub-efi-ia32-bin"
	"cmd:xorriso xorriso"
	"cmd:mformat mtools"
	"cmd:mkfs.fat dosfstools"
	"file:/usr/lib/crt0-efi-x86_64.o gnu-efi"
	"cmd:qemu-system-i386 qemu-system-x86"
	"cmd:qemu-i386 qemu-user"
	"cmd:dpkg-deb dpkg"
	"file:/usr/share/keyrings/debian-archive-keyring.gpg debian-archive-keyring"
	"file:/usr/share/OVMF/OVMF_CODE.fd ovmf"
	"file:/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd ovmf-ia32"
	"cmd:gdb gdb"
	"cmd:cpio cpio"
	"cmd:python3 python3"
	"file:/usr/share/consolefonts/Lat15-VGA16.psf.gz console-setup-linux"
)

if [ "${1:-}" = "--list" ]; then
	for d in "${deps[@]}"; do echo "${d##* }"; done | sort -u
	exit 0
fi

missing=()
for d in "${deps[@]}"; do
	check=${d%% *} pkg=${d##* }
	case $check in
	cmd:*) command -v "${check#cmd:}" >/dev/null 2>&1 && continue ;;
	file:*) compgen -G "${check#file:}" >/dev/null && continue ;;
	esac
	missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "yomi: missing host packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "yomi: please install them with your package manager (Debian names above)" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "yomi: run as root: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	sudo=sudo
fi
echo "yomi: installing: $sudo apt-get install -y ${missing[*]}"
$sudo apt-get update -q >/dev/null || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null || {
	echo "yomi: apt-get install ${missing[*]} failed" >&2
	exit 1
}
