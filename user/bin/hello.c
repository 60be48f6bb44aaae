/* hello: the first user program. Prints a greeting and its arguments and
 * exits 0. */
#include <stdio.h>

int main(int argc, char **argv)
{
	int i;

	printf("hello from yomi\n");
	printf("argc = %d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d] = \"%s\"\n", i, argv[i]);
	return 0;
}
