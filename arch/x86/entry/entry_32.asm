; Kernel entry from interrupts and exceptions (Linux: arch/x86/entry/entry_32.S).
;
; Every entry builds a struct pt_regs on the kernel stack in Linux's i386
; order: bx cx dx si di bp ax ds es fs gs orig_ax ip cs flags sp ss. The CPU
; pushes ip..ss (sp/ss only when coming from user mode); the stubs push
; orig_ax (the error code, 0, or ~irq) and, in the gs slot, the address of
; the C handler, which common_exception swaps for the real gs - the same
; trick Linux 4.x uses.

%include "arch/x86/entry/calling.inc"

%include "asm/unistd_32.inc"		; NR_syscalls, generated from syscall_32.tbl

extern do_IRQ, do_iret_error, sys_call_table, syscall_trace, exit_to_usermode, schedule_tail
global common_exception, restore_all, ret_from_exception
global __begin_SYSENTER_singlestep_region, __end_SYSENTER_singlestep_region
global entry_INT80_32, entry_SYSENTER_32, ret_to_user, ret_from_fork, ret_from_kernel_thread, switch_to_asm

section .text

; exception stubs: vector, C handler, whether the CPU pushed an error code
%macro EXCEPTION 3
global %2_entry
extern %2
%2_entry:
%if %3 == 0
	push dword 0
%endif
	push dword %2
	jmp common_exception
%endmacro

EXCEPTION 0,  do_divide_error, 0
EXCEPTION 1,  do_debug, 0
EXCEPTION 2,  do_nmi, 0
EXCEPTION 3,  do_int3, 0
EXCEPTION 4,  do_overflow, 0
EXCEPTION 5,  do_bounds, 0
EXCEPTION 6,  do_invalid_op, 0
EXCEPTION 7,  do_device_not_available, 0
EXCEPTION 8,  do_double_fault, 1
EXCEPTION 9,  do_coprocessor_segment_overrun, 0
EXCEPTION 10, do_invalid_TSS, 1
EXCEPTION 11, do_segment_not_present, 1
EXCEPTION 12, do_stack_segment, 1
EXCEPTION 13, do_general_protection, 1
EXCEPTION 14, do_page_fault, 1
EXCEPTION 15, do_spurious_interrupt_bug, 0
EXCEPTION 16, do_coprocessor_error, 0
EXCEPTION 17, do_alignment_check, 1
EXCEPTION 18, do_machine_check, 0
EXCEPTION 19, do_simd_coprocessor_error, 0
EXCEPTION 20, do_virtualization_exception, 0
EXCEPTION 21, do_reserved_exception, 0

; hardware interrupt stubs, one per 8259 line: orig_ax = ~irq
global irq_entries
%macro IRQ 1
irq_entry_%1:
	push dword ~%1
	push dword do_IRQ
	jmp common_exception
%endmacro
%assign i 0
%rep 16
IRQ i
%assign i i + 1
%endrep

section .rodata
irq_entries:
%assign i 0
%rep 16
	dd irq_entry_%+i
%assign i i + 1
%endrep

section .text
; The handler's address sits in the gs slot; save the rest of pt_regs, put
; gs where it belongs, load the kernel's data segments and call handler(regs).
common_exception:
	cld
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	mov ecx, [esp + PT_GS]
	mov dword [esp + PT_GS], 0
	mov [esp + PT_GS], gs
	; ds and es become the kernel's: __USER_DS, as in Linux i386, loaded
	; only if they are not that already (see calling.inc)
	LOAD_KERNEL_SEGMENTS eax
	xor eax, eax			; null fs and gs in the kernel (SAVE_ALL says why)
	mov fs, eax
	mov gs, eax
	mov eax, esp			; regparm(3): handler(regs, error_code)
	mov edx, [esp + PT_ORIG_EAX]
	call ecx
	mov dword [esp + PT_ORIG_EAX], -1	; no system call to restart (Linux: -1 too)
ret_from_exception:
	test byte [esp + PT_CS], SEGMENT_RPL_MASK
	jz restore_all			; back to the kernel: nothing more to do
	jmp syscall_exit

; DO_SYSCALL exit, call_label: the dispatch both entry paths share. A traced task goes
; through C (kernel/trace_syscalls.c); otherwise the number is checked with
; an unsigned compare (negative numbers fail too), the table entry is
; called with pt_regs' bx..bp as its stack arguments, and the result goes
; to the saved eax.
%macro DO_SYSCALL 2
	GET_THREAD_INFO ebp
	test dword [ebp + TI_flags], _TIF_SYSCALL_TRACE
	jnz %%trace
	cmp eax, NR_syscalls
	jae %%badsys
%2:
	call [sys_call_table + eax * 4]
	mov [esp + PT_EAX], eax
	jmp %1
%%badsys:
	mov dword [esp + PT_EAX], -ENOSYS
	jmp %1
%%trace:
	mov eax, esp
	call syscall_trace
	jmp %1
%endmacro

; entry_INT80_32: a system call, `int $0x80` from user mode (an interrupt
; gate with DPL 3, so user code may use it; interrupts are off on entry).
; eax = number, ebx ecx edx esi edi ebp = arguments. The saved pt_regs
; start with bx cx dx si di bp, so at the `call` they are exactly the
; stack arguments of an asmlinkage sys_*() function.
entry_INT80_32:
	push eax			; orig_ax: the syscall number
	SAVE_ALL
	sti
	DO_SYSCALL syscall_exit, syscall_call
syscall_exit:
	cli
	GET_THREAD_INFO ebp
	test dword [ebp + TI_flags], _TIF_WORK_MASK
	jnz syscall_exit_work
restore_all:
	RESTORE_REGS
	add esp, PT_EIP - PT_ORIG_EAX	; orig_ax
irq_return:
	iret

; iret faulted on the user's frame (its ss named a TLS slot that was
; cleared): treat it as an exception of the task, at the user address, and
; kill it (Linux: iret_exc, do_iret_error; the signal is SIGILL there too)
iret_exc:
	push dword 0
	push dword do_iret_error
	jmp common_exception

; ret_to_user(regs): leave the kernel through the given saved registers
; (pid 1's first entry to user mode, after the kernel exec'd /sbin/init)
ret_to_user:
	mov esp, eax
	jmp syscall_exit

; rescheduling or a pending signal before going back to user mode
syscall_exit_work:
	mov eax, esp
	call exit_to_usermode		; returns with interrupts off
	jmp restore_all

; ret_from_fork: where a new child first runs, on its own kernel stack,
; with its copy of the parent's pt_regs (eax = 0) above it.
ret_from_fork:
	call schedule_tail
	jmp syscall_exit

; ret_from_kernel_thread: a kernel task's first run: call the function in
; ebx (copy_thread put it there); it never returns.
ret_from_kernel_thread:
	call schedule_tail
	call ebx
	ud2

; switch_to_asm(&prev->thread.sp, &next->thread.sp) (Linux: __switch_to_asm):
; save the callee-saved registers on prev's stack, switch stacks, restore
; next's. `ret` then continues wherever next called switch_to_asm - or, for
; a new task, at ret_from_fork, which copy_thread put on its stack.
switch_to_asm:
	push ebp
	push ebx
	push edi
	push esi
	mov [eax], esp
	mov esp, [edx]
	pop esi
	pop edi
	pop ebx
	pop ebp
	ret

; entry_SYSENTER_32: a system call through the vDSO's __kernel_vsyscall,
; which saved ecx, edx and ebp on the user stack and put the user stack
; pointer in ebp. sysenter loaded only cs, eip and esp (= &init_tss.sp0),
; so the frame the CPU would have pushed is built by hand: ss, the user
; sp, flags, cs, and the vDSO's return point as ip. The sixth argument is
; the ebp saved on the user stack, fetched with a fault fixup. The way out
; is sysexit, or iret when the context changed (execve, signals, work) or
; the user's flags have TF.
; A user who set TF before sysenter makes the CPU single-step this code up
; to the popfd that clears it (do_debug ignores those traps, as Linux
; does); the flags saved for user mode keep TF, so the caller takes its
; single-step trap after the call, as on Linux.
entry_SYSENTER_32:
__begin_SYSENTER_singlestep_region:
	mov esp, [esp]			; the task's kernel stack top (tss.sp0)
	push __USER_DS			; ss
	push ebp			; sp
	pushfd
	or dword [esp], X86_EFLAGS_IF	; flags: interrupts on again in user mode
	push X86_EFLAGS_FIXED		; sysenter left the user's NT, TF, AC... set:
	popfd				; clear every flag (iret with NT would fault)
	push __USER_CS			; cs
__end_SYSENTER_singlestep_region:
	GET_THREAD_INFO ebp
	push dword [ebp + TI_sysenter_return]	; ip
	push eax			; orig_ax
	SAVE_ALL
	mov ebp, [esp + PT_OLDESP]
	cmp ebp, TASK_SIZE - 4
	ja sysenter_fault
sysenter_fetch_arg6:
	mov ebp, [ebp]
	mov [esp + PT_EBP], ebp
	sti
	DO_SYSCALL sysenter_exit, sysenter_do_call
sysenter_exit:
	cli
	GET_THREAD_INFO ebp
	test dword [ebp + TI_flags], _TIF_WORK_MASK
	jnz syscall_exit_work		; leaves through iret
	mov ecx, [ebp + TI_sysenter_return]
	cmp ecx, [esp + PT_EIP]
	jne restore_all			; execve moved us: iret
	test dword [esp + PT_EFLAGS], X86_EFLAGS_TF
	jnz restore_all			; TF: sysexit would drop it, iret keeps it
	RESTORE_REGS
	mov edx, [esp + PT_EIP - PT_ORIG_EAX]	; sysexit: eip from edx,
	mov ecx, [esp + PT_OLDESP - PT_ORIG_EAX]	; esp from ecx
	sti				; (no interrupt before sysexit)
	sysexit

sysenter_fault:				; the user stack pointer was bad
	mov dword [esp + PT_EAX], -EFAULT
	jmp sysenter_exit

section __ex_table
	dd sysenter_fetch_arg6, sysenter_fault
	dd irq_return, iret_exc
section .text
