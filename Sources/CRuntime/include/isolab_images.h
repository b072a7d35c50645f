#ifndef ISOLAB_IMAGES_H
#define ISOLAB_IMAGES_H
/* What the image store needs from libc that Swift's Glibc module does not export:
 * extended attributes (overlayfs opaque dirs) and syncfs (flush a layer before it is renamed in). */
#include <sys/types.h>
#include <sys/xattr.h>

int syncfs(int fd);

static inline int isolab_syncfs(int fd) { return syncfs(fd); }

#endif
