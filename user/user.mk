# user/user.mk: yomi's user space, included by the top-level Makefile.
#
#   $(O)/user/lib/libc.a    the C library (user/lib), crt0.o beside it
#   $(O)/user/sbin/init     /sbin/init        (user/sbin/init.c)
#   $(O)/user/bin/NAME      /bin/NAME         (user/bin/NAME.c)
#   $(O)/user/bin/test_NAME /bin/test_NAME    (user/tests/NAME.c + user/tests/lib)
#   $(O)/user/bin/test_glibc_NAME             (user/glibc/NAME.c, with glibc)
#   $(O)/initramfs.cpio     all of them, /dev, and the files under EXTRA=<dir>
#
# Every program is a static i386 Linux executable (ET_EXEC at 0x08048000)
# that runs on Linux as well as on yomi. A new program is a new .c file in
# user/bin/ (or user/tests/ for a test): nothing here needs to change.

USER_O := $(O)/user

# GCC would turn the C library's own memset and memcpy loops into calls to
# memset and memcpy (endless recursion) without -fno-tree-loop-distribute-
# patterns; clang does no such thing under -fno-builtin, and has no such flag.
USER_CFLAGS := -m32 -march=i686 -std=gnu11 -nostdinc -fno-pic -fno-pie \
	-fno-stack-protector -fno-builtin $(if $(CC_IS_CLANG),,-fno-tree-loop-distribute-patterns) \
	-fno-asynchronous-unwind-tables \
	-O2 -g $(DEBUG_LINES) -Wall -Wextra -Werror -Iuser/include -Iinclude/uapi -I$(GEN) -MMD -MP
# -static links a position-dependent executable (ET_EXEC) with either
# compiler; clang warns that -no-pie is unused beside it, so it is not given.
USER_LDFLAGS := -m32 -static -nostdlib -fno-pie -Wl,-m,elf_i386

# --- the C library ------------------------------------------------------------
USER_CRT0 := $(USER_O)/lib/crt0.o
USER_LIBC := $(USER_O)/lib/libc.a
USER_LIBC_OBJS := $(patsubst user/%.c,$(USER_O)/%.o,$(wildcard user/lib/*.c)) \
	$(USER_O)/lib/syscall.o $(USER_O)/lib/syscalls.o

$(USER_O)/lib/syscalls.c: user/lib/syscalls.list tools/syscallstubs.py
	@echo "  GEN     $@"
	@$(PYTHON) tools/syscallstubs.py $< $@

$(USER_O)/lib/syscalls.o: $(USER_O)/lib/syscalls.c | $(GEN_HEADERS)
	@echo "  CC      $<"
	@$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_LIBC): $(USER_LIBC_OBJS)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

# --- programs -----------------------------------------------------------------
USER_SBIN := $(patsubst user/sbin/%.c,$(USER_O)/sbin/%,$(wildcard user/sbin/*.c))
USER_BIN := $(patsubst user/bin/%.c,$(USER_O)/bin/%,$(wildcard user/bin/*.c))
USER_TESTS := $(patsubst user/tests/%.c,$(USER_O)/bin/test_%,$(wildcard user/tests/*.c))
# the test programs' helpers, an archive: a program links only what it uses
# (tap.o always; repro.o, with its set-up variables, only in a reproducer)
USER_TEST_LIB := $(USER_O)/tests/lib/libtest.a
USER_TEST_LIB_OBJS := $(patsubst user/%.c,$(USER_O)/%.o,$(wildcard user/tests/lib/*.c))
# programs in a folder of their own: user/NAME/*.c is /bin/NAME (below)
USER_DIRS := sh fuzz vm
USER_DIR_PROGS := $(USER_DIRS:%=$(USER_O)/bin/%)
# test programs linked with Debian's own static i386 glibc (below)
USER_GLIBC_TESTS := $(patsubst user/glibc/%.c,$(USER_O)/bin/test_glibc_%,$(wildcard user/glibc/*.c))
USER_PROGS := $(USER_SBIN) $(USER_BIN) $(USER_TESTS) $(USER_DIR_PROGS) $(USER_GLIBC_TESTS)

# every object compiled from a .c file under user/
USER_C_OBJS := $(patsubst user/%.c,$(USER_O)/%.o,$(wildcard user/lib/*.c user/sbin/*.c \
	user/bin/*.c user/tests/*.c user/tests/lib/*.c))

$(USER_C_OBJS): $(USER_O)/%.o: user/%.c | $(GEN_HEADERS) $(HOSTDEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(USER_CFLAGS) $(if $(filter user/tests/%,$<),-Iuser/tests/lib -DTEST_NAME='"test_$(notdir $*)"') -c $< -o $@

$(USER_O)/lib/crt0.o $(USER_O)/lib/syscall.o: $(USER_O)/%.o: user/%.S | $(HOSTDEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(USER_CFLAGS) -c $< -o $@

USER_LINK = @echo "  LD      $@" && $(CC) $(USER_LDFLAGS) -o $@ \
	$(USER_CRT0) $(filter-out $(USER_CRT0) $(USER_LIBC),$(filter %.o %.a,$^)) $(USER_LIBC) -lgcc

$(USER_SBIN) $(USER_BIN): %: %.o $(USER_CRT0) $(USER_LIBC)
	$(USER_LINK)

$(USER_TEST_LIB): $(USER_TEST_LIB_OBJS)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $^

$(USER_TESTS): $(USER_O)/bin/test_%: $(USER_O)/tests/%.o $(USER_TEST_LIB) $(USER_CRT0) $(USER_LIBC)
	$(USER_LINK)

# --- test programs with Debian's glibc: user/glibc/NAME.c is /bin/test_glibc_NAME
# The proof that a real C library's code runs unmodified: the host's static
# i386 glibc and libpthread (Debian 12's 2.36, libc6-dev-i386, which
# gcc-multilib brings), so always built with gcc, whatever CC is. Each
# prints TAP lines as yomi's test programs do, and runs on Linux too.
$(USER_GLIBC_TESTS): $(USER_O)/bin/test_glibc_%: user/glibc/%.c | $(HOSTDEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@gcc -m32 -static -pthread -O2 -g -Wall -Wextra -Werror -o $@ $<

# --- /lib/ld-yomi.so.1: an ELF interpreter for the tests ---------------------
# user/ldso/ld-yomi.S, linked as a position-independent shared object
# (ET_DYN); user/tests/interp.c names it in its PT_INTERP.
USER_LDSO := $(USER_O)/ldso/ld-yomi.so.1

$(USER_LDSO): user/ldso/ld-yomi.S | $(HOSTDEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	@$(CC) $(USER_CFLAGS) -c $< -o $@.o
	@$(CC) -m32 -nostdlib -shared -Wl,-m,elf_i386 -Wl,-e,_start -Wl,-soname,$(notdir $@) \
		-o $@ $@.o

# --- the initramfs ------------------------------------------------------------
# mkinitramfs.sh runs when a program, the list of what goes in, or EXTRA's
# folder name changed (always while EXTRA is set: its files cannot be listed
# as prerequisites), and it leaves the archive alone when its contents did
# not change, so whatever depends on $(INITRAMFS) is not remade for nothing.
# The stamp records the last run, so a no-op build (lab-check makes dozens)
# does not strip every program again.
INITRAMFS := $(O)/initramfs.cpio
INITRAMFS_SPECS := lib/$(notdir $(USER_LDSO))=$(USER_LDSO) \
	$(foreach p,$(USER_SBIN),sbin/$(notdir $(p))=$(p)) \
	$(foreach p,$(USER_BIN) $(USER_TESTS) $(USER_DIR_PROGS) $(USER_GLIBC_TESTS),bin/$(notdir $(p))=$(p))

$(O)/initramfs.specs: FORCE
	@mkdir -p $(dir $@)
	@echo 'EXTRA=$(EXTRA) $(INITRAMFS_SPECS)' | cmp -s - $@ || \
		echo 'EXTRA=$(EXTRA) $(INITRAMFS_SPECS)' > $@

$(O)/initramfs.stamp: $(USER_PROGS) $(USER_LDSO) tools/mkinitramfs.sh $(O)/initramfs.specs \
		$(if $(EXTRA),FORCE) $(if $(wildcard $(INITRAMFS)),,FORCE)
	@bash tools/mkinitramfs.sh $(INITRAMFS) "$(EXTRA)" $(INITRAMFS_SPECS)
	@touch $@

$(INITRAMFS): $(O)/initramfs.stamp ;

user: $(USER_PROGS)
initramfs: $(INITRAMFS)

.PHONY: user initramfs

# --- programs in a folder of their own: user/NAME/*.c is /bin/NAME ----------
# Too big for one file: /bin/sh (its main, lexer, parser, expansion,
# variables, execution and builtins), /bin/fuzz (its runner, typed
# argument generation and the world its children play with) and /bin/vm
# (the experiments of docs/mmap.md and docs/vdso-and-proc.md). A folder's
# objects may include a header generated for it in $(O)/user/NAME/.
USER_DIR_OBJS := $(patsubst user/%.c,$(USER_O)/%.o,$(foreach d,$(USER_DIRS),$(wildcard user/$(d)/*.c)))

define user_dir_prog
$(USER_O)/bin/$(1): $(patsubst user/%.c,$(USER_O)/%.o,$(wildcard user/$(1)/*.c)) $(USER_CRT0) $(USER_LIBC)
	$$(USER_LINK)
endef
$(foreach d,$(USER_DIRS),$(eval $(call user_dir_prog,$(d))))

$(USER_DIR_OBJS): $(USER_O)/%.o: user/%.c | $(GEN_HEADERS) $(HOSTDEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(USER_CFLAGS) -I$(USER_O)/$(firstword $(subst /, ,$*)) -c $< -o $@

# The fuzzer's argument types are the kernel's own: tools/syscallmeta.py
# reads the SYSCALL_METADATA records out of yomi.elf into syscalls.h.
# The header is rewritten only when its text changes; the stamp records the run.
$(USER_O)/fuzz/.syscalls-stamp: $(O)/yomi.elf tools/syscallmeta.py
	@mkdir -p $(dir $@)
	@echo "  GEN     $(USER_O)/fuzz/syscalls.h"
	@$(PYTHON) tools/syscallmeta.py $< $(USER_O)/fuzz/syscalls.h
	@touch $@
$(USER_O)/fuzz/syscalls.h: $(USER_O)/fuzz/.syscalls-stamp ;
$(filter $(USER_O)/fuzz/%,$(USER_DIR_OBJS)): $(USER_O)/fuzz/syscalls.h

# a reproducer that tests/fuzz.py is minimizing: it writes the source in
# the build folder, $(O)/user/repro/NAME.c, and builds it as a test program
$(USER_O)/repro/%: $(USER_O)/repro/%.c $(USER_TEST_LIB) $(USER_CRT0) $(USER_LIBC)
	@$(CC) $(USER_CFLAGS) -Iuser/tests/lib -DTEST_NAME='"test_$*"' -c $< -o $@.o
	@$(CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $@.o $(USER_TEST_LIB) $(USER_LIBC) -lgcc

# objects follow the compiler (the top-level Makefile's $(O)/compiler)
$(USER_LIBC_OBJS) $(USER_CRT0) $(USER_C_OBJS) $(USER_DIR_OBJS) $(USER_LDSO): $(O)/compiler
