/* A child created inside a cgroup v2 directory: clone3 with CLONE_INTO_CGROUP (Linux 5.7+). It
 * never runs outside its cgroup, and nothing is migrated: a write to cgroup.procs takes the kernel's
 * threadgroup lock for writing, whose first writer waits for an RCU grace period (7-17 ms here;
 * Debian's kernels leave CONFIG_CGROUP_FAVOR_DYNMODS off). Used for the container's init (monitor.c)
 * and for an exec'd command (exec.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "internal.h"

/* clone3's argument (linux/sched.h, Linux 5.3+; cgroup since 5.7), spelled here so the build does not
 * depend on the kernel headers' version. */
struct isolab_clone_args {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
    uint64_t set_tid, set_tid_size, cgroup;
};
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif

int isolab_cgroup2_dir(const struct isolab_spec *s) {
    /* The join files name the version (CgroupPlacement.joinFiles): v2 has one directory, joined
     * through its cgroup.procs; v1 one per hierarchy, joined through `tasks`. */
    const char *slash = s->ncgroups == 1 ? strrchr(s->cgroup_join[0], '/') : NULL;
    if (!slash || strcmp(slash, "/cgroup.procs") != 0) { errno = ENOSYS; return -1; }
    char dir[4096];
    if ((size_t)(slash - s->cgroup_join[0]) >= sizeof dir) { errno = EINVAL; return -1; }
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - s->cgroup_join[0]), s->cgroup_join[0]);
    return open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
}

pid_t isolab_fork_into_cgroup(int cgroup_fd, int flags) {
    struct isolab_clone_args args;
    memset(&args, 0, sizeof args);
    args.flags = (uint64_t)(unsigned)(flags & ~0xff) | CLONE_INTO_CGROUP;
    args.exit_signal = (uint64_t)(flags & 0xff);
    args.cgroup = (uint64_t)cgroup_fd;
    return (pid_t)syscall(SYS_clone3, &args, sizeof args);
}
