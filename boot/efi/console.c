/*
 * The loader's messages: one line each, "yomi-efi: ...", on the firmware's
 * console (ConOut). OVMF's console is the screen and the serial port at
 * once (its terminal driver writes every line to COM1 as well), which is
 * where the tests read them. GRUB prints through the same ConOut; Linux's
 * EFI stub has efi_printk, which prefixes "EFI stub: " the same way.
 */
#include "loader.h"

static void say_va(const CHAR16 *fmt, va_list args)
{
	Print(L"yomi-efi: ");
	VPrint(fmt, args);
	Print(L"\n");
}

/* say: print one "yomi-efi: " line (gnu-efi's format: %a ASCII, %r status). */
void say(const CHAR16 *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	say_va(fmt, args);
	va_end(args);
}

/* fail: print one "yomi-efi: error: " line and give back the status, so an
 * error path reads `return fail(status, ...)` and ends in the firmware. */
EFI_STATUS fail(EFI_STATUS status, const CHAR16 *fmt, ...)
{
	va_list args;

	Print(L"yomi-efi: error: ");
	va_start(args, fmt);
	VPrint(fmt, args);
	va_end(args);
	Print(L"\n");
	return EFI_ERROR(status) ? status : EFI_LOAD_ERROR;
}
