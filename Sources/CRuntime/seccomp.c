/* Docker's idea of a default seccomp profile, as a deny list: the system calls that no
 * capability guards and that a container has no business making (the kernel keyring, user
 * namespaces, userfaultfd, ...), plus those Docker allows only with the capability that
 * normally guards them. Built with libseccomp BEFORE clone/fork; the child only loads it. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>
#include "internal.h"

struct rule_group { const char *cap; const char *calls[16]; };

/* cap == NULL: always denied. Otherwise denied unless the container has that capability. */
static const struct rule_group kGroups[] = {
    {NULL, {"add_key", "keyctl", "request_key", "userfaultfd", "uselib", "ustat", "sysfs", "_sysctl",
            "nfsservctl", "vm86", "vm86old", "get_kernel_syms", "query_module", "create_module", NULL}},
    {"cap_sys_admin", {"mount", "umount", "umount2", "unshare", "setns", "pivot_root", "bpf", "fanotify_init",
                       "lookup_dcookie", "quotactl", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", NULL}},
    {"cap_sys_admin", {"fspick", "mount_setattr", "perf_event_open", "swapon", "swapoff", "name_to_handle_at", NULL}},
    {"cap_dac_read_search", {"open_by_handle_at", NULL}},
    {"cap_sys_module", {"init_module", "finit_module", "delete_module", NULL}},
    {"cap_sys_boot", {"reboot", "kexec_load", "kexec_file_load", NULL}},
    {"cap_sys_time", {"settimeofday", "stime", "clock_settime", "clock_adjtime", NULL}},
    {"cap_sys_pacct", {"acct", NULL}},
    {"cap_sys_rawio", {"iopl", "ioperm", NULL}},
    {"cap_sys_ptrace", {"kcmp", "process_vm_readv", "process_vm_writev", NULL}},
    {"cap_sys_nice", {"mbind", "set_mempolicy", "move_pages", "get_mempolicy", NULL}},
};

static int has_cap(cap_t caps, const char *name) {
    cap_value_t v;
    cap_flag_value_t f = CAP_CLEAR;
    if (!caps || cap_from_name(name, &v) != 0) return 0;
    return cap_get_flag(caps, v, CAP_PERMITTED, &f) == 0 && f == CAP_SET;
}

int isolab_seccomp_prepare(const struct isolab_spec *s, struct isolab_seccomp *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (!s->seccomp || !strcmp(s->seccomp, "unconfined")) return 0;
    if (strcmp(s->seccomp, "default") != 0) { snprintf(err, errlen, "seccomp: unknown profile %s", s->seccomp); return -1; }

    cap_t caps = s->bounding ? cap_from_text(s->bounding) : NULL;
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) { snprintf(err, errlen, "seccomp_init failed"); cap_free(caps); return -1; }
    int rc = 0;
    for (size_t g = 0; g < sizeof kGroups / sizeof kGroups[0] && rc == 0; g++) {
        if (kGroups[g].cap && has_cap(caps, kGroups[g].cap)) continue;
        for (int i = 0; kGroups[g].calls[i] && rc == 0; i++) {
            int nr = seccomp_syscall_resolve_name(kGroups[g].calls[i]);
            if (nr == __NR_SCMP_ERROR) continue;       /* not a call on this architecture */
            rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), nr, 0);
        }
    }
    if (rc == 0 && !has_cap(caps, "cap_sys_admin")) {
        /* New namespaces need no capability when they are user namespaces: deny them; clone3
         * hides its flags in memory, so it answers ENOSYS and the C library falls back to clone. */
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
                              SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_NEWUSER, CLONE_NEWUSER));
        if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    }
    cap_free(caps);
    if (rc != 0) { snprintf(err, errlen, "seccomp rule: %s", strerror(-rc)); seccomp_release(ctx); return -1; }

    int fd = memfd_create("isolab-seccomp", MFD_CLOEXEC);
    if (fd < 0 || seccomp_export_bpf(ctx, fd) != 0) {
        snprintf(err, errlen, "seccomp: export the filter: %s", strerror(errno));
        if (fd >= 0) close(fd);
        seccomp_release(ctx);
        return -1;
    }
    seccomp_release(ctx);
    off_t size = lseek(fd, 0, SEEK_END);
    out->filter = size > 0 ? malloc((size_t)size) : NULL;
    if (!out->filter || pread(fd, out->filter, (size_t)size, 0) != size) {
        snprintf(err, errlen, "seccomp: read the filter back: %s", strerror(errno));
        close(fd);
        free(out->filter);
        out->filter = NULL;
        return -1;
    }
    close(fd);
    out->len = (unsigned short)((size_t)size / sizeof(struct sock_filter));
    return 0;
}

void isolab_seccomp_apply(const struct isolab_seccomp *f, int errfd) {
    if (!f || f->len == 0) return;
    struct sock_fprog prog = {f->len, f->filter};
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) != 0)
        isolab_child_fail(errfd, 125, "load the seccomp filter: %s", isolab_strerror(errno));
}
