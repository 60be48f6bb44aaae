# boot/efi/efi.mk: yomi-efi, yomi's own UEFI loader, included by the
# top-level Makefile. The same sources are built twice with Debian's
# gnu-efi (its crt0, linker script and libraries) as a position-
# independent ELF shared object, which objcopy turns into a PE image:
#
#   $(O)/boot/efi/x86_64/yomi-efi.so   the ELF, with symbols (for GDB)
#   $(O)/boot/efi/BOOTX64.EFI          for x86-64 firmware
#   $(O)/boot/efi/ia32/yomi-efi.so
#   $(O)/boot/efi/BOOTIA32.EFI         for ia32 firmware

EFI_O := $(O)/boot/efi
EFI_C := $(sort $(wildcard boot/efi/*.c))
EFI_CFLAGS := -std=gnu11 -ffreestanding -fpic -fshort-wchar -fno-stack-protector \
	-fno-stack-check -fno-asynchronous-unwind-tables -mno-red-zone -O2 -g \
	-Wall -Wextra -Werror -I/usr/include/efi -DGNU_EFI_USE_MS_ABI \
	-DYOMI_VERSION='"$(VERSION)"' -MMD -MP

# per gnu-efi architecture: compiler flags, nasm format, gnu-efi's
# library folder, ld's emulation (GCC needs -maccumulate-outgoing-args for
# gnu-efi's calls in the firmware's MS ABI; clang neither needs nor knows it)
EFI_CFLAGS_x86_64 := -I/usr/include/efi/x86_64 $(if $(CC_IS_CLANG),,-maccumulate-outgoing-args)
EFI_CFLAGS_ia32 := -m32 -I/usr/include/efi/ia32
EFI_NASM_x86_64 := elf64
EFI_NASM_ia32 := elf32
EFI_LIB_x86_64 := /usr/lib
EFI_LIB_ia32 := /usr/lib32
EFI_LD_x86_64 := elf_x86_64
EFI_LD_ia32 := elf_i386
EFI_SECTIONS := -j .text -j .sdata -j .data -j .dynamic -j .dynsym -j .rel -j .rela \
	-j '.rel.*' -j '.rela.*' -j .reloc

# $(call efi_loader,ARCH,PE file name)
define efi_loader
$(EFI_O)/$(1)/%.o: boot/efi/%.c | $(HOSTDEPS_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  CC      $$@"
	@$(CC) $(EFI_CFLAGS) $(EFI_CFLAGS_$(1)) -c $$< -o $$@

$(EFI_O)/$(1)/handover.o: boot/efi/handover.asm | $(HOSTDEPS_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  AS      $$@"
	@$(NASM) -f $(EFI_NASM_$(1)) -g -o $$@ $$<

$(EFI_O)/$(1)/yomi-efi.so: $(patsubst boot/efi/%.c,$(EFI_O)/$(1)/%.o,$(EFI_C)) $(EFI_O)/$(1)/handover.o
	@echo "  LD      $$@"
	@ld -m $(EFI_LD_$(1)) -shared -Bsymbolic -nostdlib -znocombreloc -z noexecstack \
		-T $(EFI_LIB_$(1))/elf_$(1)_efi.lds $(EFI_LIB_$(1))/crt0-efi-$(1).o $$^ \
		-o $$@ -L$(EFI_LIB_$(1)) -lefi -lgnuefi

$(EFI_O)/$(2): $(EFI_O)/$(1)/yomi-efi.so
	@echo "  EFI     $$@"
	@objcopy $(EFI_SECTIONS) --target=efi-app-$(1) --subsystem=10 $$< $$@
endef
$(eval $(call efi_loader,x86_64,BOOTX64.EFI))
$(eval $(call efi_loader,ia32,BOOTIA32.EFI))

EFI_LOADERS := $(EFI_O)/BOOTX64.EFI $(EFI_O)/BOOTIA32.EFI
efi: $(EFI_LOADERS)
