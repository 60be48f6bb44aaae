/*
 * The framebuffer the firmware's Graphics Output Protocol (GOP) drives,
 * described for the kernel's framebuffer console. The loader keeps the
 * mode the firmware chose. GRUB's multiboot2 does the same through its
 * video subsystem; Linux's EFI stub fills struct screen_info from GOP
 * (drivers/firmware/efi/libstub/gop.c), with the same pixel formats.
 */
#include "loader.h"

/* the lowest set bit's position and the number of set bits of a colour mask */
static void mask_field(UINT32 mask, UINT8 *pos, UINT8 *size)
{
	*pos = mask ? __builtin_ctz(mask) : 0;
	*size = __builtin_popcount(mask);
}

static void bitmask_format(const EFI_PIXEL_BITMASK *m, struct framebuffer *fb)
{
	UINT32 all = m->RedMask | m->GreenMask | m->BlueMask | m->ReservedMask;

	mask_field(m->RedMask, &fb->red_pos, &fb->red_size);
	mask_field(m->GreenMask, &fb->green_pos, &fb->green_size);
	mask_field(m->BlueMask, &fb->blue_pos, &fb->blue_size);
	fb->bpp = all ? 32 - __builtin_clz(all) : 0;
}

/* 8 bits a colour in a 32-bit pixel; RGB: red in the lowest byte in memory */
static void byte_format(BOOLEAN rgb, struct framebuffer *fb)
{
	fb->bpp = 32;
	fb->red_pos = rgb ? 0 : 16;
	fb->green_pos = 8;
	fb->blue_pos = rgb ? 16 : 0;
	fb->red_size = fb->green_size = fb->blue_size = 8;
}

static const CHAR16 *const format_names[] = {
	[PixelRedGreenBlueReserved8BitPerColor] = L"RGB",
	[PixelBlueGreenRedReserved8BitPerColor] = L"BGR",
	[PixelBitMask] = L"bit mask",
};

/* get_framebuffer: the current GOP mode as a linear framebuffer. */
EFI_STATUS get_framebuffer(struct framebuffer *fb)
{
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;
	EFI_STATUS status;

	status = BS->LocateProtocol(&GraphicsOutputProtocol, NULL, (void **)&gop);
	if (EFI_ERROR(status))
		return fail(status, L"no GOP framebuffer (Graphics Output Protocol: %r)", status);
	info = gop->Mode->Info;
	if (info->PixelFormat == PixelBitMask)
		bitmask_format(&info->PixelInformation, fb);
	else if (info->PixelFormat < PixelBitMask)
		byte_format(info->PixelFormat == PixelRedGreenBlueReserved8BitPerColor, fb);
	else
		return fail(EFI_UNSUPPORTED, L"no GOP framebuffer (mode %d draws by Blt only)",
			    gop->Mode->Mode);
	fb->addr = gop->Mode->FrameBufferBase;
	fb->width = info->HorizontalResolution;
	fb->height = info->VerticalResolution;
	fb->pitch = info->PixelsPerScanLine * (fb->bpp / 8);
	say(L"framebuffer %dx%dx%d (%s) at 0x%lx, pitch %d, GOP mode %d", fb->width,
	    fb->height, fb->bpp, format_names[info->PixelFormat], fb->addr, fb->pitch,
	    gop->Mode->Mode);
	return EFI_SUCCESS;
}
