; The last step of yomi-efi: from the firmware's CPU mode into the kernel's
; 32-bit entry, startup_32, in the state the Multiboot2 specification
; gives an i386 kernel: protected mode, paging off, flat 4 GiB code and
; data segments, interrupts off, eax = the Multiboot2 magic, ebx = the
; physical address of the boot information. boot.c copies the code from
; handover_start to handover_end into a page below 4 GiB and calls it
; there, after ExitBootServices: handover(entry, info).
;
; On x86-64 firmware the CPU is in long mode (64-bit code, 4-level paging
; with every address mapped to itself). Leaving it takes four steps, the
; ones the Intel and AMD manuals give: load a GDT with a 32-bit code
; segment and far-return into it (compatibility mode: 32-bit code, still
; long mode); clear CR0.PG, which makes long mode inactive (EFER.LMA = 0);
; clear EFER.LME, so that the kernel's own CR0.PG later means 32-bit
; paging; clear CR4.PAE with the rest of CR4, so that paging is two-level.
; Every step runs at an address that paging maps to itself, which is
; why the code is copied below 4 GiB first.
;
; On ia32 firmware the CPU is already in 32-bit protected mode; the same
; GDT is loaded (the firmware's selectors are its own), and paging, if
; the firmware turned it on, is turned off.
;
; GRUB leaves long mode the same way in its relocator; Linux's EFI stub
; never does (a 64-bit Linux stays in long mode), and its 32-bit entry
; from 64-bit firmware (efi_pe_entry's mixed mode) goes the other way.

MB2_MAGIC    equ 0x36d76289
CODE32       equ 0x08			; the GDT below
DATA32       equ 0x10
CR0_PG       equ 0x80000000
MSR_EFER     equ 0xc0000080
EFER_LME     equ 0x00000100

global handover_start, handover_end

section .text
%ifidn __OUTPUT_FORMAT__, elf64
bits 64
; handover(entry = edi, info = esi): the System V AMD64 arguments
handover_start:
	cli
	lea rsp, [rel stack_top]	; a stack below 4 GiB, inside the copy
	lea rax, [rel gdt]
	mov [rel gdtr + 2], rax		; the GDT's address in the copy
	lgdt [rel gdtr]
	lea rax, [rel compat32]
	push CODE32
	push rax
	o64 retf			; far return: cs = CODE32, 32-bit code

bits 32
compat32:
	mov eax, cr0
	and eax, ~CR0_PG
	mov cr0, eax			; paging off: long mode inactive
	mov ecx, MSR_EFER
	rdmsr
	and eax, ~EFER_LME
	wrmsr				; long mode off
	jmp protected32
%else
bits 32
; handover(entry, info): cdecl arguments on the stack
handover_start:
	cli
	mov edi, [esp + 4]
	mov esi, [esp + 8]
	call .here			; where the copy is: eip
.here:
	pop ebx
	lea eax, [ebx + gdt - .here]
	mov [ebx + gdtr + 2 - .here], eax
	lgdt [ebx + gdtr - .here]
	lea eax, [ebx + flat32 - .here]
	push CODE32
	push eax
	retf				; far return: cs = CODE32
flat32:
	mov eax, cr0
	and eax, ~CR0_PG
	mov cr0, eax			; paging off, if the firmware had it on
%endif
protected32:
	xor eax, eax
	mov cr4, eax			; no PAE, no global pages: startup_32 sets PSE
	mov ax, DATA32
	mov ds, ax
	mov es, ax
	mov fs, ax
	mov gs, ax
	mov ss, ax
	mov eax, MB2_MAGIC
	mov ebx, esi
	jmp edi				; startup_32

align 8
gdt:
	dq 0
	dq 0x00cf9a000000ffff		; CODE32: base 0, limit 4 GiB, 32-bit, r-x
	dq 0x00cf92000000ffff		; DATA32: base 0, limit 4 GiB, rw-
gdt_end:
gdtr:
	dw gdt_end - gdt - 1
	dq 0				; the base, filled in at run time
align 16
	times 64 db 0			; the 64-bit path's stack for its far return
stack_top:
handover_end:
