# yomi: one entry point.
#   make            build the kernel and the bootable ISO (build/yomi.iso)
#   make run        boot the ISO in QEMU (TCG), serial console on this terminal
#   make run-gui    the same with the VGA window
#   make efi        only yomi-efi, the UEFI loader (boot/efi/)
#   make run-efi    boot the ISO under x86-64 UEFI firmware (OVMF), through
#                   yomi-efi (LOADER=grub: through GRUB)
#   make run-efi32  the same under ia32 UEFI firmware
#   make debug      boot halted under QEMU's gdb stub and attach gdb
#   make run-debug  only the halted QEMU; `make gdb` attaches from elsewhere
#   make test       every test; ends with "N passed, N failed"
#   make run-linux  the same programs on Linux 6.1 i386 (the tests' oracle)
#   make bench      performance figures, yomi beside Linux (ROUNDS=3)
#   make fuzz       random hostile system calls (SEED=, CALLS=, MINIMIZE=)
#   make lab-list   the classroom labs; lab-start, grade, hint, handin, ... below
# Variables: CMDLINE="..." MEM=128M QEMU_ARGS="..." INIT=/path EXTRA=<dir> LOADER=yomi|grub
#            USERLAND=debian

VERSION := 0.1.0
O ?= build
# USERLAND=debian: Debian 12's glibc, bash, coreutils, dash, sed and grep
# (tools/debian-userland.sh fetches them into ~/.cache/yomi, never into the
# tree) over yomi's own programs, as EXTRA; init is Debian's bash
ifeq ($(USERLAND),debian)
EXTRA := $(shell bash tools/debian-userland.sh)
INIT ?= /bin/bash
MEM ?= 256M
endif
MEM ?= 128M
CMDLINE ?=
QEMU_ARGS ?=
LOADER ?= yomi

CC := gcc
NASM := nasm
PYTHON := python3

.DEFAULT_GOAL := all
SHELL := /bin/bash

# --- host tools: install what is missing (tools/hostdeps.sh) --------------
HOSTDEPS_STAMP := $(O)/.hostdeps
$(HOSTDEPS_STAMP): tools/hostdeps.sh
	@bash tools/hostdeps.sh
	@mkdir -p $(O) && touch $@

# --- the kernel ------------------------------------------------------------
KERNEL_DIRS := init kernel mm fs lib arch/x86/kernel arch/x86/mm arch/x86/lib arch/x86/entry drivers
KERNEL_C := $(filter-out arch/x86/kernel/asm-offsets.c,$(shell find $(KERNEL_DIRS) -name '*.c' | sort)) \
	arch/x86/vdso/vdso32-setup.c
KERNEL_ASM := boot/multiboot.asm boot/head_32.asm $(shell find arch/x86/entry -name '*.asm' | sort) \
	arch/x86/vdso/vdso-image.asm
KERNEL_OBJS := $(patsubst %.c,$(O)/%.o,$(KERNEL_C)) $(patsubst %.asm,$(O)/%.o,$(KERNEL_ASM))

# --- fbcon font (generated) ---
# The framebuffer console's 8x16 font, made from a Debian console font
# (console-setup-linux, installed by tools/hostdeps.sh) by tools/psf2c.py.
FONT_PSF ?= /usr/share/consolefonts/Lat15-VGA16.psf.gz
KERNEL_OBJS += $(O)/font_8x16.o
$(O)/font_8x16.c: tools/psf2c.py | $(HOSTDEPS_STAMP)
	@echo "  GEN     $@"
	@$(PYTHON) tools/psf2c.py $(FONT_PSF) $@
$(O)/font_8x16.o: $(O)/font_8x16.c
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@
# --- fbcon font (generated) ---

# `make CC=clang` builds everything with clang. The few flags and warnings
# that only one compiler knows are chosen here, by which one CC is.
CC_IS_CLANG := $(if $(findstring clang,$(shell $(CC) --version 2>/dev/null)),y)
ifeq ($(CC_IS_CLANG),y)
CC_VERSION := clang version $(shell $(CC) -dumpversion 2>/dev/null)
else
CC_VERSION := gcc version $(shell $(CC) -dumpfullversion 2>/dev/null)
endif
# GCC's statement frontiers (on at -O2) can leave a short function's body
# line with no breakpoint address: `break kernel/sys.c:32`, a click on
# sys_getpid's `return current->pid;`, would stop in the next function.
# Without them each line's first instruction is its statement. (Debug
# information only; clang's line tables have no such gap.)
DEBUG_LINES := $(if $(CC_IS_CLANG),,-gno-statement-frontiers)
KCFLAGS := -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-mregparm=3 -mno-sse -mno-mmx -mno-80387 -O2 -g $(DEBUG_LINES) \
	-Wall -Wextra -Wmissing-prototypes -Wredundant-decls -Werror \
	-Iinclude -Iarch/x86/include -I$(O)/include/generated \
	-DYOMI_VERSION='"$(VERSION)"' -DYOMI_COMPILER='"$(CC_VERSION)"' \
	-MMD -MP
NASMFLAGS := -f elf32 -g -F dwarf -I. -I$(O)/include/generated/ -MP

# generated headers: the syscall table's lines and unistd_32.h
GEN := $(O)/include/generated
GEN_HEADERS := $(GEN)/asm/syscalls_32.h $(GEN)/asm/unistd_32.h $(GEN)/asm/unistd_32.inc
# tools/syscalltbl.py rewrites only the headers whose text changes, and
# the stamp records the run: a change to one row's entry point remakes
# syscalls_32.h (the kernel's table) but not unistd_32.h, so the user
# programs are not rebuilt (lab-check switches rows often).
GEN_STAMP := $(GEN)/.syscalltbl-stamp
$(GEN_STAMP): arch/x86/entry/syscall_32.tbl tools/syscalltbl.py
	@echo "  GEN     $(GEN)/asm"
	@$(PYTHON) tools/syscalltbl.py $< $(GEN)
	@touch $@
$(GEN_HEADERS): $(GEN_STAMP) ;

# asm-offsets: the structure offsets and constants the nasm code uses,
# compiled out of their C definitions (arch/x86/kernel/asm-offsets.c)
ASM_OFFSETS := $(GEN)/asm/asm-offsets.inc
$(ASM_OFFSETS): arch/x86/kernel/asm-offsets.c tools/asmoffsets.py | $(HOSTDEPS_STAMP) $(GEN_HEADERS)
	@echo "  GEN     $@"
	@$(CC) $(filter-out -MMD -MP -g,$(KCFLAGS)) -S -o - $< | $(PYTHON) tools/asmoffsets.py > $@.tmp
	@mv $@.tmp $@

# The vDSO: a small shared object (user code), built twice - sysenter and
# int $0x80 - stripped, and embedded by vdso-image.asm; vdso-offsets.h
# tells the kernel where its symbols are.
VDSO_O := $(O)/arch/x86/vdso
VDSO_SRC := arch/x86/vdso/vdso32.S arch/x86/vdso/vclock_gettime.c
VDSO_FLAGS := -m32 -march=i686 -fPIC -O2 -g -ffreestanding -fno-stack-protector \
	-fno-asynchronous-unwind-tables -Iinclude -Iarch/x86/include -Wall -Wextra -Werror \
	-nostdlib -shared -Wl,-T,arch/x86/vdso/vdso32.lds -Wl,--hash-style=both \
	-Wl,-soname=linux-gate.so.1 -Wl,--build-id=none -Wl,--no-undefined
$(VDSO_O)/vdso32-sysenter.so.dbg: VDSO_DEFS := -DSYSENTER
$(VDSO_O)/vdso32-%.so.dbg: $(VDSO_SRC) arch/x86/vdso/vdso32.lds | $(HOSTDEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  VDSO    $@"
	@$(CC) $(VDSO_FLAGS) $(VDSO_DEFS) $(VDSO_SRC) -o $@
$(VDSO_O)/%.so: $(VDSO_O)/%.so.dbg
	@objcopy --strip-all $< $@
	@test $$(stat -c %s $@) -le 4096 || { echo "$@ is larger than a page" >&2; rm -f $@; exit 1; }
$(GEN)/asm/vdso-offsets.h: $(VDSO_O)/vdso32-sysenter.so.dbg $(VDSO_O)/vdso32-int80.so.dbg
	@mkdir -p $(dir $@)
	@{ echo "/* generated from the vDSO images: do not edit */"; \
	  nm $(word 1,$^) | awk '$$3 ~ /^__kernel_(vsyscall(_return)?|(rt_)?sigreturn)$$/ { printf "#define VDSO32_SYSENTER_%s 0x%s\n", substr($$3, 3), $$1 }'; \
	  nm $(word 2,$^) | awk '$$3 ~ /^__kernel_(vsyscall|(rt_)?sigreturn)$$/ { printf "#define VDSO32_INT80_%s 0x%s\n", substr($$3, 3), $$1 }'; \
	} > $@
$(O)/arch/x86/vdso/vdso32-setup.o: $(GEN)/asm/vdso-offsets.h
$(O)/arch/x86/vdso/vdso-image.o: $(VDSO_O)/vdso32-sysenter.so $(VDSO_O)/vdso32-int80.so
$(O)/arch/x86/vdso/vdso-image.o: NASMFLAGS += -I$(VDSO_O)/

$(O)/%.o: %.c | $(HOSTDEPS_STAMP) $(GEN_HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(O)/%.o: %.asm $(ASM_OFFSETS) | $(HOSTDEPS_STAMP) $(GEN_HEADERS)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@# nasm 2.16's -MD lists only the source, not its %includes; -M lists all
	@$(NASM) $(NASMFLAGS) -M -MT $@ $< > $(@:.o=.d)
	@$(NASM) $(NASMFLAGS) $< -o $@

# $(O)/compiler names the compiler that built the objects and its flags,
# so that `make CC=clang` after `make` (or back), or a changed flag,
# rebuilds them all instead of saying there is nothing to do; the banner
# names the right compiler. (Single quotes escaped for the shell.)
COMPILER_LINE = $(subst ','\'',$(CC_VERSION): $(KCFLAGS) $(USER_CFLAGS) $(VDSO_FLAGS))
$(O)/compiler: FORCE
	@mkdir -p $(O)
	@echo '$(COMPILER_LINE)' | cmp -s - $@ || echo '$(COMPILER_LINE)' > $@
$(patsubst %.c,$(O)/%.o,$(KERNEL_C)) $(O)/font_8x16.o $(O)/kallsyms0.o $(O)/kallsyms.o: $(O)/compiler
$(VDSO_O)/vdso32-sysenter.so.dbg $(VDSO_O)/vdso32-int80.so.dbg: $(O)/compiler

# Two links: the first without symbols gives the addresses, the second adds
# the table in .kallsyms (last in the image), and we check nothing moved.
LD_KERNEL = ld -m elf_i386 -T linker.ld --no-warn-rwx-segments -z noexecstack -o $@ $(filter-out linker.ld,$^)

KSYMS_STABLE := grep -v -e ' _end$$' -e ' [Rr] \(kallsyms\|names\|offs\|addrs\)$$'

$(O)/kallsyms0.c: tools/kallsyms.py
	@mkdir -p $(O)
	@$(PYTHON) tools/kallsyms.py < /dev/null > $@

$(O)/yomi.tmp: $(KERNEL_OBJS) $(O)/kallsyms0.o linker.ld
	@echo "  LD      $@"
	@$(LD_KERNEL)

$(O)/kallsyms.c: $(O)/yomi.tmp tools/kallsyms.py
	@nm -n $< | $(PYTHON) tools/kallsyms.py > $@

$(O)/yomi.elf: $(KERNEL_OBJS) $(O)/kallsyms.o linker.ld
	@echo "  LD      $@"
	@$(LD_KERNEL)
	@cmp -s <(nm -n $(O)/yomi.tmp | $(KSYMS_STABLE)) <(nm -n $@ | $(KSYMS_STABLE)) || \
		{ echo "kallsyms: symbol addresses moved between the two links" >&2; rm -f $@; exit 1; }

$(O)/kallsyms0.o $(O)/kallsyms.o: $(O)/%.o: $(O)/%.c
	@$(CC) $(KCFLAGS) -c $< -o $@

# --- user space and the initramfs (user/user.mk) -----------------------------
-include user/user.mk
include boot/efi/efi.mk

# --- the bootable ISO (BIOS and UEFI) --------------------------------------
ISO := $(O)/yomi.iso

# The kernel command line: init=$(INIT) when INIT is given, then CMDLINE.
# It is baked into grub.cfg and the ESP's \boot\cmdline; the file changes
# only when the line does.
KCMDLINE := $(strip $(if $(INIT),init=$(INIT)) $(CMDLINE))
$(O)/cmdline: FORCE
	@mkdir -p $(O)
	@echo '$(KCMDLINE)' | cmp -s - $@ || echo '$(KCMDLINE)' > $@

# The EFI system partition: yomi-efi (boot/efi/efi.mk) and the files it
# reads; tests boot it as a disk too.
ESP := $(O)/esp.img
$(ESP): tools/mkesp.sh $(EFI_LOADERS) $(O)/yomi.elf $(INITRAMFS) $(O)/cmdline
	@echo "  ESP     $@"
	@bash tools/mkesp.sh $@ $(filter-out tools/mkesp.sh,$^)

# LOADER picks what UEFI firmware starts from the ISO: yomi (yomi-efi, the
# default) or grub (GRUB's EFI images, as grub-mkrescue makes them). BIOS
# boots always go through GRUB. $(O)/loader records the choice.
ifeq ($(filter yomi grub,$(LOADER)),)
$(error LOADER must be yomi or grub, not "$(LOADER)")
endif
$(O)/loader: FORCE
	@mkdir -p $(O)
	@echo '$(LOADER)' | cmp -s - $@ || echo '$(LOADER)' > $@
ISO_ESP_yomi := $(ESP)
MKRESCUE_yomi := YOMI_ESP=$(ESP) grub-mkrescue --xorriso=$(CURDIR)/tools/xorriso-esp.sh
MKRESCUE_grub := grub-mkrescue
ISO_INPUTS := $(O)/yomi.elf boot/grub.cfg $(O)/cmdline $(INITRAMFS) tools/xorriso-esp.sh

# $(call mkiso,ISO,LOADER): the ISO's folder tree, then grub-mkrescue
define mkiso
	@echo "  ISO     $(1) (UEFI: $(2))"
	@rm -rf $(1).root && mkdir -p $(1).root/boot/grub
	@cp $(O)/yomi.elf $(1).root/boot/yomi.elf
	@cp $(INITRAMFS) $(1).root/boot/initramfs.cpio
	@$(PYTHON) -c 'import sys; t = open(sys.argv[1]).read(); c = open(sys.argv[2]).read().strip(); \
		sys.stdout.write(t.replace("@CMDLINE@", c))' boot/grub.cfg $(O)/cmdline > $(1).root/boot/grub/grub.cfg
	@$(MKRESCUE_$(2)) -o $(1) $(1).root > $(1).log 2>&1 || \
		{ cat $(1).log; exit 1; }
endef

$(ISO): $(ISO_INPUTS) $(O)/loader $(ISO_ESP_$(LOADER))
	$(call mkiso,$@,$(LOADER))

# make bench sets GRUB-EFI beside yomi-efi: the same ISO with GRUB for UEFI
GRUB_ISO := $(O)/yomi-grub.iso
$(GRUB_ISO): $(ISO_INPUTS)
	$(call mkiso,$@,grub)

# docs/syscalls.md's example: a real SYSCALL_DEFINE, expanded by gcc -E
SYSCALL_EXPANSION := $(O)/docs/syscall_expansion.c
$(O)/docs/sys.i: kernel/sys.c include/linux/syscalls.h include/linux/compiler.h | $(GEN_HEADERS)
	@mkdir -p $(dir $@)
	@$(CC) $(filter-out -MMD -MP,$(KCFLAGS)) -E $< -o $@
$(SYSCALL_EXPANSION): $(O)/docs/sys.i tools/expand_syscall.py
	@echo "  GEN     $@"
	@$(PYTHON) tools/expand_syscall.py newuname $< $@

# compile_commands.json, for clangd, CLion and clang-tidy (docs/gdb.md):
# every compiler command of a full build, as `make -n` prints them, with
# the unit tests'. It describes the clang build whatever CC is, because
# those tools parse with clang: a flag only GCC knows would be an error
# in every file. The generated headers are made first, so that the
# editor finds them (the fuzzer's is read out of the kernel: it is built).
compile_commands.json: $(GEN_HEADERS) $(GEN)/asm/vdso-offsets.h $(USER_O)/fuzz/syscalls.h
	@set -o pipefail; $(MAKE) --no-print-directory -nB O=$(O) CC=clang all | \
		$(PYTHON) tools/gen_compile_commands.py --cc clang --build $(O) -o $(O)/$@

# make maps-picture: the pictures of docs/mmap.md and docs/vdso-and-proc.md,
# drawn from a real run (tools/maps_picture.py: /bin/mmapdemo's maps in both
# layouts and both vDSO modes, GDB for mmap_base and one page-table walk;
# tools/mapsvg.py draws). Made under $(O)/docs/, where the docs link to them.
MAPS_PICTURES := $(addprefix $(O)/docs/,maps-layouts.svg vdso-modes.svg page-walk.svg)
$(MAPS_PICTURES) &: $(O)/yomi.elf $(INITRAMFS) tools/maps_picture.py tools/mapsvg.py
	@O=$(O) $(PYTHON) tools/maps_picture.py
maps-picture: $(MAPS_PICTURES)

# make docs: the shell and GDB sessions in README.md and docs/ made again
# from real runs of this build (tools/docs_sessions.py; a marker before
# each session says how). Review the change with git diff.
docs: $(O)/yomi.elf $(INITRAMFS) maps-picture
	@O=$(O) $(PYTHON) tools/docs_sessions.py

all: $(ISO) $(ESP) $(SYSCALL_EXPANSION)
kernel: $(O)/yomi.elf

# --- running -----------------------------------------------------------------
RUN := bash tools/run-qemu.sh
run: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) --build $(O) -- $(QEMU_ARGS)
run-gui: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) --build $(O) --gui -- $(QEMU_ARGS)
run-efi: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) --build $(O) --efi -- $(QEMU_ARGS)
run-efi32: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) --build $(O) --efi32 -- $(QEMU_ARGS)
# The debug targets boot the ELF directly (faster than GRUB) with the same
# initramfs; gdb also loads the symbols of the INIT program, if any.
DEBUG_BOOT := --kernel $(O)/yomi.elf --initrd $(INITRAMFS) --cmdline "$(KCMDLINE)" --mem $(MEM) --build $(O)
# Both write $(O)/gdb-attach.gdb (tools/run-qemu.sh): what gdb runs to
# load these symbols and connect to the stub. make debug's gdb, make gdb
# and the editor's configuration (.vscode/launch.json) all run it.
GDB_SYMS := --symbols $(O)/yomi.elf $(if $(INIT),--symbols $(O)/user$(INIT))
GDB_START := -ex "hbreak start_kernel" -ex "echo yomi: stopped before start_kernel; type continue\n"
GDB_EXTRA ?=
run-debug: $(O)/yomi.elf $(INITRAMFS)
	@$(RUN) $(DEBUG_BOOT) --debug $(GDB_SYMS) -- $(QEMU_ARGS)
debug: $(O)/yomi.elf $(INITRAMFS)
	@$(RUN) $(DEBUG_BOOT) --debug --gdb $(GDB_SYMS) --gdb-start '$(GDB_START) $(GDB_EXTRA)' -- $(QEMU_ARGS)
gdb: $(O)/yomi.elf
	@gdb -q -x tools/gdbinit -x $(O)/gdb-attach.gdb $(GDB_START)

# --- tests and benchmarks ----------------------------------------------------
# The Linux oracle (Debian's Linux 6.1 i386 and busybox, tests/oracle.py) is
# fetched once into ~/.cache/yomi; without it only the tests that need it fail.
oracle: | $(HOSTDEPS_STAMP)
	@bash tools/linux-oracle.sh || true

# make run-linux: the same initramfs on Linux, a busybox shell (or INIT=/bin/x)
run-linux: all oracle
	@O=$(O) $(PYTHON) tests/oracle.py $(INIT)

test: all oracle
	@O=$(O) CC=$(CC) $(PYTHON) tests/run.py

# make bench [ROUNDS=n]: the user benchmarks n times (3), the summary gives ranges
ROUNDS ?= 3
bench: all $(GRUB_ISO) oracle
	@O=$(O) $(PYTHON) tests/bench.py --rounds $(ROUNDS)

# make fuzz SEED=1 CALLS=100000 [MINIMIZE=name]: /bin/fuzz as init (tests/fuzz.py)
SEED ?= 1
CALLS ?= 100000
fuzz: all
	@O=$(O) $(PYTHON) tests/fuzz.py --seed $(SEED) --calls $(CALLS) $(if $(MINIMIZE),--minimize $(MINIMIZE))

# --- classroom labs (labs/, tools/labs/, docs/labs/README.md) ---------------
# make lab-list; lab-start LAB=; grade [LAB=] [T=pattern] [KTAP=1];
# lab-debug/lab-trace LAB= TEST=; hint LAB= [N=]; handin LAB=;
# lab-check [PART=solution|mistakes] (in make test: solutions pass 3x; skeletons fail, bugs caught);
# lab-clang (each skeleton builds with clang too);
# gradescope-autograder LAB=; classroom-workflow LAB=; lab-export LAB= DIR=
LABPY := O=$(O) CC=$(CC) $(PYTHON) tools/labs/lab.py
lab-list:
	@$(LABPY) list
lab-start:
	@$(LABPY) start $(LAB)
grade: | $(HOSTDEPS_STAMP)
	@$(LABPY) grade $(LAB) $(if $(T),--tests '$(T)') $(if $(KTAP),--ktap)
lab-debug:
	@$(LABPY) debug $(LAB) $(TEST)
lab-trace:
	@$(LABPY) debug $(LAB) $(TEST) --trace
hint:
	@$(LABPY) hint $(LAB) $(if $(N),--n $(N))
handin:
	@$(LABPY) handin $(LAB)
lab-check: all | $(HOSTDEPS_STAMP)
	@O=$(O) CC=$(CC) $(PYTHON) tools/labs/check.py $(if $(FULL),--full) $(if $(PART),--part $(PART)) $(LAB)
lab-clang: | $(HOSTDEPS_STAMP)
	@O=$(O) CC=clang $(PYTHON) tools/labs/check.py --compile-only $(LAB)
gradescope-autograder:
	@O=$(O) $(PYTHON) tools/labs/teacher.py autograder $(LAB)
classroom-workflow:
	@O=$(O) $(PYTHON) tools/labs/teacher.py workflow $(LAB)
lab-export:
	@O=$(O) $(PYTHON) tools/labs/teacher.py export $(LAB) $(DIR)

clean:
	rm -rf $(O)

FORCE:
.PHONY: all kernel efi compile_commands.json maps-picture docs run run-gui run-efi run-efi32 run-debug debug gdb \
	oracle run-linux test bench fuzz clean FORCE lab-list lab-start grade lab-debug lab-trace hint \
	handin lab-check lab-clang gradescope-autograder classroom-workflow lab-export

-include $(shell find $(O) -name '*.d' 2>/dev/null)
