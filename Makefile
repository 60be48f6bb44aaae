# yomi: one entry point.
#   make            build the kernel and the bootable ISO (build/yomi.iso)
#   make run        boot the ISO in QEMU (TCG), serial console on this terminal
#   make run-gui    the same with the VGA window
#   make run-efi    boot the ISO under UEFI firmware (OVMF)
#   make debug      boot halted under QEMU's gdb stub and attach gdb
#   make run-debug  only the halted QEMU; `make gdb` attaches from elsewhere
#   make test       every test; ends with "N passed, N failed"
#   make bench      performance figures
# Variables: CMDLINE="..." MEM=128M QEMU_ARGS="..." INIT=/path EXTRA=<dir>

VERSION := 0.1.0
O ?= build
MEM ?= 128M
CMDLINE ?=
QEMU_ARGS ?=

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
KERNEL_DIRS := init kernel arch/x86/kernel arch/x86/mm arch/x86/lib arch/x86/entry drivers
KERNEL_C := $(shell find $(KERNEL_DIRS) -name '*.c' | sort)
KERNEL_ASM := boot/multiboot.asm boot/head_32.asm $(shell find arch/x86/entry -name '*.asm' | sort)
KERNEL_OBJS := $(patsubst %.c,$(O)/%.o,$(KERNEL_C)) $(patsubst %.asm,$(O)/%.o,$(KERNEL_ASM))


GCC_VERSION := $(shell $(CC) -dumpfullversion 2>/dev/null)
KCFLAGS := -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-mregparm=3 -mno-sse -mno-mmx -mno-80387 -O2 -g \
	-Wall -Wextra -Werror -Iinclude -Iarch/x86/include -I$(O)/include/generated \
	-DYOMI_VERSION='"$(VERSION)"' -DYOMI_COMPILER='"gcc version $(GCC_VERSION)"' \
	-MMD -MP
NASMFLAGS := -f elf32 -g -F dwarf -I. -I$(O)/include/generated/ -MP -MD

# generated headers: the syscall table's lines and unistd_32.h
GEN := $(O)/include/generated
GEN_HEADERS := $(GEN)/asm/syscalls_32.h $(GEN)/asm/unistd_32.h $(GEN)/asm/unistd_32.inc
$(GEN_HEADERS) &: arch/x86/entry/syscall_32.tbl tools/syscalltbl.py
	@echo "  GEN     $(GEN)/asm"
	@$(PYTHON) tools/syscalltbl.py $< $(GEN)
	@touch $(GEN_HEADERS)

$(O)/%.o: %.c | $(HOSTDEPS_STAMP) $(GEN_HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(O)/%.o: %.asm | $(HOSTDEPS_STAMP) $(GEN_HEADERS)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(NASM) $(NASMFLAGS) $(@:.o=.d) $< -o $@

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

# --- the bootable ISO (BIOS and UEFI) --------------------------------------
ISO := $(O)/yomi.iso
ISO_ROOT := $(O)/iso

# The command line is baked into grub.cfg; the file changes only when it does.
$(O)/cmdline: FORCE
	@mkdir -p $(O)
	@echo '$(CMDLINE)' | cmp -s - $@ || echo '$(CMDLINE)' > $@

$(ISO): $(O)/yomi.elf boot/grub.cfg $(O)/cmdline
	@echo "  ISO     $@"
	@rm -rf $(ISO_ROOT) && mkdir -p $(ISO_ROOT)/boot/grub
	@cp $(O)/yomi.elf $(ISO_ROOT)/boot/yomi.elf
	@sed "s|@CMDLINE@|$$(cat $(O)/cmdline)|" boot/grub.cfg > $(ISO_ROOT)/boot/grub/grub.cfg
	@grub-mkrescue -o $@ $(ISO_ROOT) > $(O)/grub-mkrescue.log 2>&1 || \
		{ cat $(O)/grub-mkrescue.log; exit 1; }

all: $(ISO)
kernel: $(O)/yomi.elf

# --- user space and the initramfs (user/user.mk) -----------------------------
-include user/user.mk

# --- running -----------------------------------------------------------------
RUN := bash tools/run-qemu.sh
run: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) -- $(QEMU_ARGS)
run-gui: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) --gui -- $(QEMU_ARGS)
run-efi: $(ISO)
	@$(RUN) --iso $(ISO) --mem $(MEM) --efi -- $(QEMU_ARGS)
run-debug: $(O)/yomi.elf
	@$(RUN) --kernel $(O)/yomi.elf --cmdline "$(CMDLINE)" --mem $(MEM) --debug -- $(QEMU_ARGS)
debug: $(O)/yomi.elf
	@$(RUN) --kernel $(O)/yomi.elf --cmdline "$(CMDLINE)" --mem $(MEM) --debug --gdb -- $(QEMU_ARGS)
gdb: $(O)/yomi.elf
	@gdb -q -x tools/gdbinit -ex "target remote :$$(cat $(O)/gdb-port 2>/dev/null || echo 1234)"

# --- tests and benchmarks ----------------------------------------------------
test: all
	@$(PYTHON) tests/run.py

bench: all
	@$(PYTHON) tests/bench.py

clean:
	rm -rf $(O)

FORCE:
.PHONY: all kernel run run-gui run-efi run-debug debug gdb test bench clean FORCE

-include $(shell find $(O) -name '*.d' 2>/dev/null)
