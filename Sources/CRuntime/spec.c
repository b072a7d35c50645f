/* The spec: a "key\0value\0" buffer built by Swift (ContainerRuntime's ChildSpec). */
#define _GNU_SOURCE
#include <sched.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "isolab_runtime.h"

static int ns_flag(const char *name) {
    if (!strcmp(name, "mnt")) return CLONE_NEWNS;
    if (!strcmp(name, "uts")) return CLONE_NEWUTS;
    if (!strcmp(name, "ipc")) return CLONE_NEWIPC;
    if (!strcmp(name, "pid")) return CLONE_NEWPID;
    if (!strcmp(name, "net")) return CLONE_NEWNET;
    if (!strcmp(name, "cgroup")) return CLONE_NEWCGROUP;
    return -1;
}

#define ISOLAB_SPEC_KEY_TEXT(id, text) [ISOLAB_SPEC_##id] = text,
static const char *const kKeyNames[ISOLAB_SPEC_KEY_COUNT] = { ISOLAB_SPEC_KEYS(ISOLAB_SPEC_KEY_TEXT) };
#undef ISOLAB_SPEC_KEY_TEXT

const char *isolab_spec_key_name(enum isolab_spec_key key) {
    return (unsigned)key < ISOLAB_SPEC_KEY_COUNT ? kKeyNames[key] : NULL;
}

static int key_of(const char *text) {
    for (int k = 0; k < ISOLAB_SPEC_KEY_COUNT; k++)
        if (!strcmp(text, kKeyNames[k])) return k;
    return -1;
}

#define PUSH(arr, n, max, v) do { if ((n) >= (max) - 1) { snprintf(err, errlen, "spec: too many %s", key); return -1; } (arr)[(n)++] = (v); (arr)[(n)] = NULL; } while (0)

/* uid, gid, gid.add: a decimal id below (uid_t)-1. */
static int parse_id(const char *key, const char *val, unsigned *out, char *err, size_t errlen) {
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(val, &end, 10);
    if (errno || !*val || *end || val[0] == '-' || v > 0xfffffffeUL) { snprintf(err, errlen, "spec: bad %s \"%s\"", key, val); return -1; }
    *out = (unsigned)v;
    return 0;
}

int isolab_spec_parse(char *buf, size_t len, struct isolab_spec *s, char *err, size_t errlen) {
    memset(s, 0, sizeof *s);
    s->uid = 0; s->gid = 0;
    s->console_fd = -1;
    s->attach_mask = 3;
    s->stdio_fd[0] = s->stdio_fd[1] = s->stdio_fd[2] = -1;
    size_t i = 0;
    while (i < len) {
        char *key = buf + i;
        size_t kl = strnlen(key, len - i);
        if (i + kl >= len) { snprintf(err, errlen, "spec: truncated key at %zu", i); return -1; }
        i += kl + 1;
        char *val = buf + i;
        size_t vl = strnlen(val, len - i);
        if (i + vl >= len) { snprintf(err, errlen, "spec: value of %s is not terminated", key); return -1; }
        i += vl + 1;

        int k = key_of(key);
        if (k < 0) { snprintf(err, errlen, "spec: unknown key %s", key); return -1; }
        switch ((enum isolab_spec_key)k) {
        case ISOLAB_SPEC_ARG: PUSH(s->args, s->nargs, ISOLAB_MAX_ITEMS, val); break;
        case ISOLAB_SPEC_ENV: PUSH(s->env, s->nenv, ISOLAB_MAX_ITEMS, val); break;
        case ISOLAB_SPEC_CGROUP: PUSH(s->cgroup_join, s->ncgroups, 32, val); break;
        case ISOLAB_SPEC_LOWER: PUSH(s->lowers, s->nlowers, 128, val); break;
        case ISOLAB_SPEC_EXITCMD: PUSH(s->exit_cmd, s->nexit_cmd, 32, val); break;
        case ISOLAB_SPEC_CGROUPFS: PUSH(s->cgroupfs, s->ncgroupfs, 24, val); break;
        case ISOLAB_SPEC_SECCOMP_ARCH: PUSH(s->seccomp_arches, s->nseccomp_arches, ISOLAB_SECCOMP_MAX_ARCHES, val); break;
        case ISOLAB_SPEC_SECCOMP_RULE: PUSH(s->seccomp_rules, s->nseccomp_rules, ISOLAB_SECCOMP_MAX_RULES, val); break;
        case ISOLAB_SPEC_TMPFS: {
            char *a = strchr(val, '\x1f');
            if (s->ntmpfs >= 16) { snprintf(err, errlen, "spec: too many tmpfs mounts"); return -1; }
            if (!a) { snprintf(err, errlen, "spec: bad tmpfs %s", val); return -1; }
            *a = 0;
            s->tmpfs_dst[s->ntmpfs] = val; s->tmpfs_opts[s->ntmpfs] = a + 1;
            s->ntmpfs++;
            break;
        }
        case ISOLAB_SPEC_BIND: {
            /* "src\x1fdst\x1fopts" */
            if (s->nbinds >= 31) { snprintf(err, errlen, "spec: too many binds"); return -1; }
            char *a = strchr(val, '\x1f'); char *b = a ? strchr(a + 1, '\x1f') : NULL;
            if (!a || !b) { snprintf(err, errlen, "spec: bad bind %s", val); return -1; }
            *a = 0; *b = 0;
            s->bind_src[s->nbinds] = val; s->bind_dst[s->nbinds] = a + 1; s->bind_opts[s->nbinds] = b + 1;
            s->nbinds++;
            break;
        }
        case ISOLAB_SPEC_NS: {
            char tmp[128]; snprintf(tmp, sizeof tmp, "%s", val);
            for (char *save = NULL, *t = strtok_r(tmp, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                int f = ns_flag(t);
                if (f < 0) { snprintf(err, errlen, "spec: unknown namespace %s", t); return -1; }
                s->new_ns |= f;
            }
            break;
        }
        case ISOLAB_SPEC_CWD: s->cwd = val; break;
        case ISOLAB_SPEC_HOSTNAME: s->hostname = val; break;
        case ISOLAB_SPEC_ROOTFS: s->rootfs = val; break;
        case ISOLAB_SPEC_UPPER: s->upper = val; break;
        case ISOLAB_SPEC_WORK: s->work = val; break;
        case ISOLAB_SPEC_CAPS: s->caps = val; break;
        case ISOLAB_SPEC_SECCOMP: s->seccomp = val; break;
        case ISOLAB_SPEC_SECCOMP_DEFAULT: s->seccomp_default = val; break;
        case ISOLAB_SPEC_BOUNDING: s->bounding = val; break;
        case ISOLAB_SPEC_JOIN_PID: s->join_pid_ns = val; break;
        case ISOLAB_SPEC_JOIN_IPC: s->join_ipc_ns = val; break;
        case ISOLAB_SPEC_JOIN_NET: s->join_net_ns = val; break;
        case ISOLAB_SPEC_JOIN_UTS: s->join_uts_ns = val; break;
        case ISOLAB_SPEC_TARGET: s->exec_target = val; break;
        case ISOLAB_SPEC_LOG: s->log_path = val; break;
        case ISOLAB_SPEC_ATTACHSOCK: s->attach_path = val; break;
        case ISOLAB_SPEC_EXITFILE: s->exit_file = val; break;
        case ISOLAB_SPEC_DIAG: s->monitor_diag = val; break;
        case ISOLAB_SPEC_REAPER: s->reaper = val; break;
        case ISOLAB_SPEC_UID: if (parse_id(key, val, &s->uid, err, errlen) != 0) return -1; break;
        case ISOLAB_SPEC_GID: if (parse_id(key, val, &s->gid, err, errlen) != 0) return -1; break;
        case ISOLAB_SPEC_GID_ADD:
            if (s->ngids >= 32) { snprintf(err, errlen, "spec: more than 32 supplementary groups"); return -1; }
            if (parse_id(key, val, &s->gids[s->ngids], err, errlen) != 0) return -1;
            s->ngids++;
            break;
        case ISOLAB_SPEC_READONLY: s->readonly = atoi(val); break;
        case ISOLAB_SPEC_PRIVILEGED: s->privileged = atoi(val); break;
        case ISOLAB_SPEC_NNP: s->no_new_privs = atoi(val); break;
        case ISOLAB_SPEC_DETACH: s->detach = atoi(val); break;
        case ISOLAB_SPEC_TTY: s->tty = atoi(val); break;
        case ISOLAB_SPEC_INIT: s->init = atoi(val); break;
        case ISOLAB_SPEC_STDIN: s->keep_stdin = atoi(val); break;
        case ISOLAB_SPEC_ATTACH: s->attach_mask = atoi(val) & 3; break;
        case ISOLAB_SPEC_SHM: s->shm = val; break;
        case ISOLAB_SPEC_KEY_COUNT: break;   /* not a key: key_of never returns it */
        }
    }
    if (s->nargs == 0) { snprintf(err, errlen, "spec: no command"); return -1; }
    return 0;
}
