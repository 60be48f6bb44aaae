/* init: the default /sbin/init for now. Greets, shows the system's uname,
 * its pid and its parent's, and exits 0 (which powers yomi off). A later
 * issue replaces it with an init that starts a shell. */
#include <stdio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
	struct utsname u;

	printf("init: yomi user space is up\n");
	if (uname(&u) == 0)
		printf("init: %s %s %s %s %s\n", u.sysname, u.nodename,
		       u.release, u.version, u.machine);
	else
		perror("init: uname");
	printf("init: pid %d, ppid %d\n", getpid(), getppid());
	return 0;
}
