/*
 * The CMOS real-time clock (Linux: arch/x86/kernel/rtc.c, mc146818rtc):
 * read once at boot to learn the wall-clock time; after that the TSC
 * clock counts on from it.
 */
#include <linux/kernel.h>
#include <linux/time.h>
#include <asm/io.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71

static unsigned int cmos_read(unsigned int reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* mktime64: seconds since 1970 for a date in the Gregorian calendar. */
long long mktime64(unsigned int year, unsigned int mon, unsigned int day,
		   unsigned int hour, unsigned int min, unsigned int sec)
{
	/* count years from March so that the leap day ends the year */
	if ((int)(mon -= 2) <= 0) {
		mon += 12;
		year -= 1;
	}
	return ((((long long)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) +
		  year * 365 - 719499) * 24 + hour) * 60 + min) * 60 + sec;
}

/* read_persistent_clock: the RTC's time in seconds since the epoch. */
long long read_persistent_clock(void)
{
	unsigned int sec, min, hour, day, mon, year, status;

	while (cmos_read(0x0a) & 0x80)	/* update in progress */
		;
	sec = cmos_read(0x00);
	min = cmos_read(0x02);
	hour = cmos_read(0x04);
	day = cmos_read(0x07);
	mon = cmos_read(0x08);
	year = cmos_read(0x09);
	status = cmos_read(0x0b);
	if (!(status & 0x04)) {		/* BCD */
		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (hour & 0x80);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
	}
	if (!(status & 0x02) && (hour & 0x80))	/* 12-hour clock, PM */
		hour = ((hour & 0x7f) + 12) % 24;
	return mktime64(year + 2000, mon, day, hour, min, sec);
}
