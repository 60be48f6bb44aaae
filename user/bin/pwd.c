/* pwd: prints the current directory as the kernel's getcwd reports it
 * (coreutils' -P; there is no logical -L form). The shell's builtin pwd
 * does the same. */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char cwd[PATH_MAX];

	if (!getcwd(cwd, sizeof(cwd))) {
		perror("pwd");
		return 1;
	}
	printf("%s\n", cwd);
	return 0;
}
