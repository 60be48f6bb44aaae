; startup_32: the kernel's first instructions (Linux: arch/x86/kernel/head_32.S).
; The boot loader jumps here at the physical load address with paging off,
; eax = the Multiboot magic and ebx = the physical address of its info block.
; We clear .bss, build initial_page_table (4 MiB PSE pages mapping low memory
; both at 0 and at PAGE_OFFSET), turn paging on, jump to the higher half,
; switch to the boot stack and call start_kernel.

%include "asm/asm-offsets.inc"	; PAGE_OFFSET, _PAGE_*, X86_CR*, LOWMEM_PDES (MAXMEM), THREAD_SIZE
IDENT_PDES   equ 4                  ; identity map kept until paging_init

extern start_kernel
extern __bss_start, __bss_stop
global startup_32, initial_page_table, init_thread_union, init_stack_top
global multiboot_magic, multiboot_info_phys

section .text.head exec
bits 32
startup_32:
	cli
	cld
	mov esi, eax
	mov edx, ebx

	; clear .bss (the loader should have, but do not rely on it)
	mov edi, __bss_start - PAGE_OFFSET
	mov ecx, __bss_stop - PAGE_OFFSET
	sub ecx, edi
	shr ecx, 2
	xor eax, eax
	rep stosd

	mov [multiboot_magic - PAGE_OFFSET], esi
	mov [multiboot_info_phys - PAGE_OFFSET], edx

	; fill the page directory: PDE[768 + i] = PDE[i] = i * 4 MiB (768: KERNEL_PGD_BOUNDARY)
	mov edi, initial_page_table - PAGE_OFFSET
	xor ecx, ecx
.fill:
	mov eax, ecx
	shl eax, PGDIR_SHIFT
	or eax, _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE
	mov [edi + KERNEL_PGD_BOUNDARY * 4 + ecx * 4], eax
	cmp ecx, IDENT_PDES
	jae .next
	mov [edi + ecx * 4], eax
.next:
	inc ecx
	cmp ecx, LOWMEM_PDES
	jb .fill

	mov eax, cr4
	or eax, X86_CR4_PSE
	mov cr4, eax
	mov cr3, edi
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax
	mov eax, .high
	jmp eax

.high:
	mov esp, init_stack_top
	xor ebp, ebp			; ends the backtrace
	call start_kernel
.hang:
	cli
	hlt
	jmp .hang

section .bss
align THREAD_SIZE
init_thread_union:			; the boot (later idle) task's stack
	resb THREAD_SIZE
init_stack_top:
initial_page_table:			; THREAD_SIZE keeps it page-aligned
	resb 4096
multiboot_magic:
	resd 1
multiboot_info_phys:
	resd 1
