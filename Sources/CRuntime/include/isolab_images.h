#ifndef ISOLAB_IMAGES_H
#define ISOLAB_IMAGES_H
/* What the image store needs from libc that Swift's Glibc module does not export:
 * extended attributes (overlayfs opaque dirs) and syncfs (flush a layer before it is renamed in). */
#include <sys/types.h>
#include <sys/xattr.h>

int syncfs(int fd);

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

/* O_PATH (Linux's __O_PATH; Swift's Glibc leaves it out without _GNU_SOURCE). */
static inline int isolab_o_path(void) { return 010000000; }

/* openat2 with RESOLVE_IN_ROOT: `path` is resolved as if `rootfd` were "/", its symlinks
 * included, and never leaves it (`docker cp` into and out of a container's root). */
static inline int isolab_open_in_root(int rootfd, const char *path, int flags, unsigned mode) {
    struct open_how how = {0};
    how.flags = (unsigned long long)flags;
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    return (int)syscall(SYS_openat2, rootfd, path, &how, sizeof how);
}

static inline int isolab_syncfs(int fd) { return syncfs(fd); }

#endif
