; The two vDSO images, built by the Makefile from vdso32.S and
; vclock_gettime.c and stripped; vdso32-setup.c copies the right one into
; the vDSO page at boot.

global vdso32_sysenter_start, vdso32_sysenter_end, vdso32_int80_start, vdso32_int80_end

section .rodata
align 4096
vdso32_sysenter_start:
	incbin "vdso32-sysenter.so"
vdso32_sysenter_end:

align 4096
vdso32_int80_start:
	incbin "vdso32-int80.so"
vdso32_int80_end:
