/* echo: prints its arguments separated by spaces and ends the line.
 * Options as in coreutils: -n (no newline), -e (backslash escapes \n \t
 * \\ \a \b \f \r \v \c \0NNN), -E (no escapes, the default); an argument
 * with any other letter after its '-' is printed, not taken as options.
 * There is no --help or --version. */
#include <stdio.h>
#include <string.h>

/* put_escaped: s with -e's escapes; returns 0 after \c (stop all output) */
static int put_escaped(const char *s)
{
	static const char from[] = "abfnrtv\\", to[] = "\a\b\f\n\r\t\v\\";
	const char *e;
	int v, i;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			putchar(*s);
			continue;
		}
		s++;
		if (*s == 'c')
			return 0;
		if (*s == '0') {
			for (v = 0, i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
				v = v * 8 + *++s - '0';
			putchar(v);
		} else if ((e = strchr(from, *s)) != NULL) {
			putchar(to[e - from]);
		} else {
			putchar('\\');
			putchar(*s);
		}
	}
	return 1;
}

int main(int argc, char **argv)
{
	int i = 1, newline = 1, escapes = 0;
	const char *p;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p && strchr("neE", *p); p++)
			;
		if (*p)
			break;			/* not an option: print it */
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes) {
			if (!put_escaped(argv[i]))
				return 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
