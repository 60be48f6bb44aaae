/* <procfs.h>: yomi's helper for the tools that read /proc (ps, top). */
#ifndef _PROCFS_H
#define _PROCFS_H

#include <stddef.h>

/* read_file: up to size - 1 bytes of path, NUL-terminated; the length or -1 */
int read_file(const char *path, char *buf, size_t size);

#endif
