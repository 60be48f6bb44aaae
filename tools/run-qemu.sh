#!/usr/bin/env bash
# Boot yomi in QEMU (TCG) with the serial console on this terminal.
#   --iso FILE           boot the ISO (BIOS and GRUB, unless --efi or --efi32)
#   --kernel FILE        boot the ELF directly (Multiboot1, QEMU -kernel)
#   --cmdline "..."      kernel command line (with --kernel)
#   --initrd FILE        initramfs module (with --kernel)
#   --mem SIZE           RAM size (default 128M)
#   --gui                show the VGA window too
#   --efi                x86-64 UEFI firmware (OVMF): yomi-efi or GRUB, as the ISO says
#   --efi32              ia32 UEFI firmware (32-bit OVMF, on q35 with SMM)
#   --debug              start halted, gdb stub on a free port
#   --gdb                with --debug: also start gdb (tools/gdbinit)
#   --symbols FILE       with --debug: an ELF whose symbols gdb loads (the
#                        kernel first; repeatable). They and the stub's
#                        address go into $build/gdb-attach.gdb, which gdb
#                        runs: this one, `make gdb`, and editors' (.vscode/)
#   --gdb-start "..."    gdb arguments after connecting (-ex "hbreak ...")
#   --build DIR          where the gdb port and serial log go (default build)
#   -- ARGS              more QEMU arguments
# The kernel powers off through isa-debug-exit, which makes QEMU exit with
# (status << 1) | 1; this script turns that back into the kernel's status.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
iso="" kernel="" cmdline="" initrd="" mem=128M gui=0 efi=0 debug=0 gdb=0 gdb_start=
symbols=()
build=$here/build
while [ $# -gt 0 ]; do
	case $1 in
	--iso) iso=$2; shift ;;
	--kernel) kernel=$2; shift ;;
	--cmdline) cmdline=$2; shift ;;
	--initrd) initrd=$2; shift ;;
	--mem) mem=$2; shift ;;
	--gui) gui=1 ;;
	--efi) efi=1 ;;
	--efi32) efi=32 ;;
	--debug) debug=1 ;;
	--gdb) gdb=1 ;;
	--symbols) symbols+=("$2"); shift ;;
	--gdb-start) gdb_start=$2; shift ;;
	--build) build=$2; shift ;;
	--) shift; break ;;
	*) echo "run-qemu.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done

qemu=qemu-system-i386
# UEFI machines are q35 (the CD-ROM on AHCI, which firmware reads by DMA,
# not by the IDE controller's port I/O) and have no NIC: yomi has no
# network driver, and without one OVMF loads no iPXE driver (whose shutdown
# in ExitBootServices costs 150 ms under TCG)
machine=pc
args=(-m "$mem" -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04)
if [ $efi = 1 ]; then
	# x86_64 OVMF starts BOOTX64.EFI, which enters yomi in 32-bit mode
	qemu=qemu-system-x86_64
	machine=q35
	args+=(-bios /usr/share/ovmf/OVMF.fd -nic none)
elif [ $efi = 32 ]; then
	# 32-bit OVMF is built with SMM, and needs a writable copy of its
	# variable store
	machine=q35,smm=on
	mkdir -p "$build"
	cp /usr/share/OVMF/OVMF32_VARS_4M.fd "$build/OVMF32_VARS.fd"
	args+=(-nic none -global driver=cfi.pflash01,property=secure,value=on
		-drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd
		-drive "if=pflash,format=raw,unit=1,file=$build/OVMF32_VARS.fd")
fi
args=(-M "$machine" "${args[@]}")
[ -n "$iso" ] && args+=(-cdrom "$iso")
if [ -n "$kernel" ]; then
	args+=(-kernel "$kernel" -append "$cmdline")
	[ -n "$initrd" ] && args+=(-initrd "$initrd")
fi
[ $gui = 1 ] || args+=(-display none)

# gdb-attach.gdb: load the symbols (the kernel's with `file`, the others
# with add-symbol-file), then connect to the stub
write_gdb_attach() {
	local f cmd=file
	for f in "${symbols[@]}"; do
		echo "$cmd $f"
		cmd=add-symbol-file
	done
	echo "target remote 127.0.0.1:$port"
}

# Is something listening on the TCP port? (/proc/net/tcp: local address
# 0100007F:PORT in hex, state 0A = LISTEN; no connection is made)
listening() {
	grep -q "^ *[0-9]*: 0100007F:$(printf %04X "$1") 00000000:0000 0A " /proc/net/tcp
}

# In the background: say that the stub is ready once QEMU listens on it,
# so whoever waits for the line (an editor's task) can connect at once
# (after 10 seconds, say it anyway: a host without /proc/net/tcp).
announce_stub() {
	local n=0
	while ! listening "$port" && [ $((n += 1)) -le 200 ]; do sleep 0.05; done
	echo "yomi: QEMU halted, gdb stub on port $port: run 'make gdb' in another terminal"
}

if [ $debug = 1 ]; then
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	mkdir -p "$build"
	echo "$port" > "$build/gdb-port"
	write_gdb_attach > "$build/gdb-attach.gdb"
	args+=(-S -gdb "tcp:127.0.0.1:$port")
	if [ $gdb = 1 ]; then
		log="$build/serial.log"
		echo "yomi: QEMU halted, gdb stub on port $port; serial output goes to $log"
		$qemu "${args[@]}" -serial "file:$log" "$@" &
		qpid=$!
		eval "gdb -q -x \"$here/tools/gdbinit\" -x \"$build/gdb-attach.gdb\" $gdb_start"
		kill $qpid 2>/dev/null
		wait $qpid 2>/dev/null
		exit 0
	fi
	announce_stub &
fi

# the serial line and QEMU's monitor share this terminal (Ctrl-A X quits);
# a copy of the serial output goes to a log, to read init's status from
mkdir -p "$build"
log="$build/serial.log"
qemu_console() {
	$qemu "${args[@]}" -chardev "stdio,id=con,mux=on,signal=off,logfile=$log" \
		-serial chardev:con -mon chardev=con "$@"
}
if [ -t 0 ]; then
	qemu_console "$@"
	rc=$?
else
	# Standard input is a file or a pipe: after its end, keep typing
	# Ctrl-D (end of file for the guest's terminal) until QEMU is gone, so
	# a shell waiting for input ends and the machine powers off.
	{ cat; while sleep 0.5; do printf '\004' || break; done; } | qemu_console "$@"
	rc=${PIPESTATUS[1]}
fi
# The kernel's last line names init's status exactly; isa-debug-exit's
# code ((status << 1) | 1) keeps only 7 bits of it; 0 is a plain quit.
status=$(sed -n 's/.*init exited with status \([0-9]*\).*/\1/p' "$log" 2>/dev/null | tail -n 1)
if [ $((rc & 1)) = 1 ]; then
	exit "${status:-$((rc >> 1))}"
fi
exit $rc
