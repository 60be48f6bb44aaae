/* <unistd.h>: POSIX calls. Most are generated system call wrappers
 * (user/lib/syscalls.list); brk, sbrk and _exit are in user/lib/unistd.c,
 * the others in the file named beside them. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>

#include <linux/fs.h>	/* SEEK_SET, SEEK_CUR, SEEK_END */

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
int pipe(int fds[2]);
int dup(int fd);
int dup2(int oldfd, int newfd);
pid_t getpid(void);
pid_t getppid(void);
int brk(void *addr);
void *sbrk(long increment);
__attribute__((noreturn)) void _exit(int status);

long syscall(long nr, ...);

/* processes (user/lib/process.c, vfork.c) */
pid_t fork(void);
pid_t vfork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
pid_t getpgrp(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setsid(void);
pid_t getsid(pid_t pid);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
unsigned int sleep(unsigned int seconds);
int usleep(unsigned long usec);

/* files and directories (user/lib/file.c) */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

off_t lseek(int fd, off_t off, int whence);
loff_t lseek64(int fd, loff_t off, int whence);
int dup3(int oldfd, int newfd, int flags);
int pipe2(int fds[2], int flags);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int rmdir(const char *path);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int symlink(const char *target, const char *path);
ssize_t readlink(const char *path, char *buf, size_t size);
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size);
int truncate(const char *path, off_t len);
int ftruncate(int fd, off_t len);

/* terminals (user/lib/termios.c) */
int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif
