/*
 * ELF for the kernel (Linux: include/linux/elf.h): the ELF32 types and
 * numbers and the auxiliary vector's entry types, both from the uapi
 * headers that user space reads too.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <uapi/linux/elf.h>
#include <uapi/linux/auxvec.h>

#endif
