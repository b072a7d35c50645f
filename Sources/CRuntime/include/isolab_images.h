#ifndef ISOLAB_IMAGES_H
#define ISOLAB_IMAGES_H
/* What the image store needs from libc that Swift's Glibc module does not export:
 * extended attributes (overlayfs opaque dirs), syncfs (flush a layer before it is renamed in),
 * and openat2 (resolve every path of an image beneath its root, never through the host's /). */
#include <sys/types.h>
#include <fcntl.h>
#include <sys/xattr.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/openat2.h>

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

/* openat2(2) has no glibc wrapper before 2.41: the raw system call with its struct built here. */
static inline int isolab_openat2(int dirfd, const char *path, int flags, unsigned int mode,
                                 unsigned long long resolve) {
    struct open_how how = { .flags = (unsigned long long)(unsigned int)flags, .mode = mode, .resolve = resolve };
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}

/* Constants Swift cannot import from the macros (casts) or that glibc hides without _GNU_SOURCE. */
static const unsigned long long ISOLAB_RESOLVE_BENEATH = RESOLVE_BENEATH;
static const unsigned long long ISOLAB_RESOLVE_IN_ROOT = RESOLVE_IN_ROOT;
static const unsigned long long ISOLAB_RESOLVE_NO_MAGICLINKS = RESOLVE_NO_MAGICLINKS;
static const unsigned long long ISOLAB_RESOLVE_NO_SYMLINKS = RESOLVE_NO_SYMLINKS;
static const unsigned long long ISOLAB_RESOLVE_NO_XDEV = RESOLVE_NO_XDEV;
static const int ISOLAB_O_PATH = __O_PATH;

#endif

