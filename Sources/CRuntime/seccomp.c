/* The seccomp filter, built with libseccomp BEFORE clone/fork; the child only loads it.
 * "default": Docker's idea of a default profile, as a deny list: the system calls that no
 * capability guards and that a container has no business making (the kernel keyring, user
 * namespaces, userfaultfd, ...), plus those Docker allows only with the capability that
 * normally guards them. "profile": a custom profile in Docker's JSON format, which Swift
 * (SeccompProfile) decoded, checked and expanded into one rule per system call name. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <sched.h>
#include <seccomp.h>
#include <stdint.h>
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

/* Docker's actions by their SCMP_ACT_* names; errno applies to ERRNO and TRACE (EPERM when absent,
 * as runc gives). Returns 0 with *out set, or -1. */
static int profile_action(const char *name, const char *errno_text, uint32_t *out) {
    long e = EPERM;
    if (errno_text && *errno_text) {
        char *end = NULL;
        errno = 0;
        e = strtol(errno_text, &end, 10);
        if (errno || *end || e < 0 || e > 4095) return -1;
    }
    if (!strcmp(name, "SCMP_ACT_ALLOW")) *out = SCMP_ACT_ALLOW;
    else if (!strcmp(name, "SCMP_ACT_ERRNO")) *out = SCMP_ACT_ERRNO((uint32_t)e);
    else if (!strcmp(name, "SCMP_ACT_TRACE")) *out = SCMP_ACT_TRACE((uint32_t)e);
    else if (!strcmp(name, "SCMP_ACT_KILL") || !strcmp(name, "SCMP_ACT_KILL_THREAD")) *out = SCMP_ACT_KILL_THREAD;
    else if (!strcmp(name, "SCMP_ACT_KILL_PROCESS")) *out = SCMP_ACT_KILL_PROCESS;
    else if (!strcmp(name, "SCMP_ACT_TRAP")) *out = SCMP_ACT_TRAP;
    else if (!strcmp(name, "SCMP_ACT_LOG")) *out = SCMP_ACT_LOG;
    else return -1;
    return 0;
}

static int profile_op(const char *name, enum scmp_compare *out) {
    static const struct { const char *name; enum scmp_compare op; } ops[] = {
        {"SCMP_CMP_NE", SCMP_CMP_NE}, {"SCMP_CMP_LT", SCMP_CMP_LT}, {"SCMP_CMP_LE", SCMP_CMP_LE},
        {"SCMP_CMP_EQ", SCMP_CMP_EQ}, {"SCMP_CMP_GE", SCMP_CMP_GE}, {"SCMP_CMP_GT", SCMP_CMP_GT},
        {"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (!strcmp(ops[i].name, name)) { *out = ops[i].op; return 0; }
    return -1;
}

static int parse_u64(const char *text, uint64_t *out) {
    if (!*text || *text == '-' || *text == '+') return -1;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || *end) return -1;
    *out = (uint64_t)v;
    return 0;
}

/* Whether a process on this host can make system calls of architecture `a`: the native one and
 * its compatibility modes (x86_64 runs x86 and x32 code, aarch64 runs arm). A filter only sees
 * those, so the others a profile lists for other hosts are left out. */
static int arch_runs_here(uint32_t a) {
    uint32_t native = seccomp_arch_native();
    if (a == native) return 1;
    if (native == SCMP_ARCH_X86_64) return a == SCMP_ARCH_X86 || a == SCMP_ARCH_X32;
    if (native == SCMP_ARCH_AARCH64) return a == SCMP_ARCH_ARM;
    return 0;
}

/* One "NAME\x1fACTION\x1fERRNO[\x1fINDEX\x1fOP\x1fVALUE\x1fVALUETWO]..." rule. A name libseccomp
 * does not know is skipped (runc: not a call of this kernel); so is a rule whose action is the
 * default's (libseccomp refuses it, runc skips it). Conditions on distinct arguments form one rule;
 * when one argument is compared twice, each comparison is a rule of its own, as runc does. */
static int add_profile_rule(scmp_filter_ctx ctx, uint32_t defact, const char *rule, char *err, size_t errlen) {
    char buf[1024];
    if (strlen(rule) >= sizeof buf) { snprintf(err, errlen, "seccomp: rule longer than %zu bytes", sizeof buf - 1); return -1; }
    strcpy(buf, rule);
    char *field[3 + 4 * 6];
    int nf = 0;
    for (char *p = buf; ; ) {
        if (nf == (int)(sizeof field / sizeof field[0])) { snprintf(err, errlen, "seccomp: rule for %.64s has more than 6 comparisons", buf); return -1; }
        field[nf++] = p;
        char *sep = strchr(p, '\x1f');
        if (!sep) break;
        *sep = 0;
        p = sep + 1;
    }
    if (nf < 3 || (nf - 3) % 4 != 0) { snprintf(err, errlen, "seccomp: malformed rule for %.64s", field[0]); return -1; }
    uint32_t act;
    if (profile_action(field[1], field[2], &act) != 0) {
        snprintf(err, errlen, "seccomp: bad action %.32s (errno %.8s) for %.64s", field[1], field[2], field[0]);
        return -1;
    }
    struct scmp_arg_cmp cmp[6];
    int ncmp = (nf - 3) / 4, seen = 0, repeated = 0;
    for (int i = 0; i < ncmp; i++) {
        char **f = field + 3 + 4 * i;
        uint64_t index, a, b;
        enum scmp_compare op;
        if (parse_u64(f[0], &index) != 0 || index > 5 || profile_op(f[1], &op) != 0 ||
            parse_u64(f[2], &a) != 0 || parse_u64(f[3], &b) != 0) {
            snprintf(err, errlen, "seccomp: bad comparison %d for %.64s", i, field[0]);
            return -1;
        }
        if (seen & (1 << index)) repeated = 1;
        seen |= 1 << index;
        cmp[i] = (struct scmp_arg_cmp){(unsigned)index, op, a, b};
    }
    if (act == defact) return 0;
    int nr = seccomp_syscall_resolve_name(field[0]);
    if (nr == __NR_SCMP_ERROR) return 0;
    int rc = 0;
    if (repeated) {
        for (int i = 0; i < ncmp && rc == 0; i++) rc = seccomp_rule_add_array(ctx, act, nr, 1, &cmp[i]);
    } else {
        rc = seccomp_rule_add_array(ctx, act, nr, (unsigned)ncmp, cmp);
    }
    if (rc != 0) { snprintf(err, errlen, "seccomp: add the rule for %.64s: %s", field[0], strerror(-rc)); return -1; }
    return 0;
}

/* A custom profile (Docker's JSON, checked and expanded by Swift): its default action, its
 * architectures that run on this host, its rules. */
static scmp_filter_ctx profile_filter(const struct isolab_spec *s, char *err, size_t errlen) {
    if (!s->seccomp_default) { snprintf(err, errlen, "seccomp: a profile without seccomp.default"); return NULL; }
    char def[64];
    snprintf(def, sizeof def, "%s", s->seccomp_default);
    char *sep = strchr(def, '\x1f');
    if (sep) *sep = 0;
    uint32_t defact;
    if (profile_action(def, sep ? sep + 1 : "", &defact) != 0) {
        snprintf(err, errlen, "seccomp: bad default action %s", s->seccomp_default);
        return NULL;
    }
    scmp_filter_ctx ctx = seccomp_init(defact);
    if (!ctx) { snprintf(err, errlen, "seccomp_init failed"); return NULL; }
    for (int i = 0; i < s->nseccomp_arches; i++) {
        uint32_t a = seccomp_arch_resolve_name(s->seccomp_arches[i]);
        if (a == 0) { snprintf(err, errlen, "seccomp: unknown architecture %.32s", s->seccomp_arches[i]); seccomp_release(ctx); return NULL; }
        if (!arch_runs_here(a)) continue;
        int rc = seccomp_arch_add(ctx, a);
        if (rc != 0 && rc != -EEXIST) {
            snprintf(err, errlen, "seccomp: add architecture %s: %s", s->seccomp_arches[i], strerror(-rc));
            seccomp_release(ctx);
            return NULL;
        }
    }
    for (int i = 0; i < s->nseccomp_rules; i++)
        if (add_profile_rule(ctx, defact, s->seccomp_rules[i], err, errlen) != 0) { seccomp_release(ctx); return NULL; }
    return ctx;
}

/* The default: a deny list of what no capability guards, and what the container's capabilities don't. */
static scmp_filter_ctx default_filter(const struct isolab_spec *s, char *err, size_t errlen) {
    cap_t caps = s->bounding ? cap_from_text(s->bounding) : NULL;
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx) { snprintf(err, errlen, "seccomp_init failed"); cap_free(caps); return NULL; }
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
    if (rc != 0) { snprintf(err, errlen, "seccomp rule: %s", strerror(-rc)); seccomp_release(ctx); return NULL; }
    return ctx;
}

int isolab_seccomp_prepare(const struct isolab_spec *s, struct isolab_seccomp *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    if (!s->seccomp || !strcmp(s->seccomp, "unconfined")) return 0;
    scmp_filter_ctx ctx;
    if (!strcmp(s->seccomp, "default")) ctx = default_filter(s, err, errlen);
    else if (!strcmp(s->seccomp, "profile")) ctx = profile_filter(s, err, errlen);
    else { snprintf(err, errlen, "seccomp: unknown profile %s", s->seccomp); return -1; }
    if (!ctx) return -1;

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
    /* The kernel takes at most BPF_MAXINSNS instructions; say so here rather than fail in the child. */
    if ((size_t)size / sizeof(struct sock_filter) > BPF_MAXINSNS) {
        snprintf(err, errlen, "seccomp: the filter has %zu instructions, more than the kernel's %d",
                 (size_t)size / sizeof(struct sock_filter), BPF_MAXINSNS);
        free(out->filter);
        out->filter = NULL;
        return -1;
    }
    out->len = (unsigned short)((size_t)size / sizeof(struct sock_filter));
    return 0;
}

void isolab_seccomp_apply(const struct isolab_seccomp *f, int errfd) {
    if (!f || f->len == 0) return;
    struct sock_fprog prog = {f->len, f->filter};
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) != 0)
        isolab_child_fail(errfd, 125, "load the seccomp filter: %s", isolab_strerror(errno));
}
