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

#define PUSH(arr, n, max, v) do { if ((n) >= (max) - 1) { snprintf(err, errlen, "spec: too many %s", key); return -1; } (arr)[(n)++] = (v); (arr)[(n)] = NULL; } while (0)

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

        if (!strcmp(key, "arg")) PUSH(s->args, s->nargs, ISOLAB_MAX_ITEMS, val);
        else if (!strcmp(key, "env")) PUSH(s->env, s->nenv, ISOLAB_MAX_ITEMS, val);
        else if (!strcmp(key, "cgroup")) PUSH(s->cgroup_procs, s->ncgroups, 32, val);
        else if (!strcmp(key, "lower")) PUSH(s->lowers, s->nlowers, 128, val);
        else if (!strcmp(key, "exitcmd")) PUSH(s->exit_cmd, s->nexit_cmd, 32, val);
        else if (!strcmp(key, "cgroupfs")) PUSH(s->cgroupfs, s->ncgroupfs, 24, val);
        else if (!strcmp(key, "seccomp.arch")) PUSH(s->seccomp_arches, s->nseccomp_arches, ISOLAB_SECCOMP_MAX_ARCHES, val);
        else if (!strcmp(key, "seccomp.rule")) PUSH(s->seccomp_rules, s->nseccomp_rules, ISOLAB_SECCOMP_MAX_RULES, val);
        else if (!strcmp(key, "tmpfs")) {
            char *a = strchr(val, '\x1f');
            if (s->ntmpfs >= 16) { snprintf(err, errlen, "spec: too many tmpfs mounts"); return -1; }
            if (!a) { snprintf(err, errlen, "spec: bad tmpfs %s", val); return -1; }
            *a = 0;
            s->tmpfs_dst[s->ntmpfs] = val; s->tmpfs_opts[s->ntmpfs] = a + 1;
            s->ntmpfs++;
        }
        else if (!strcmp(key, "bind")) {
            /* "src\x1fdst\x1fopts" */
            if (s->nbinds >= 31) { snprintf(err, errlen, "spec: too many binds"); return -1; }
            char *a = strchr(val, '\x1f'); char *b = a ? strchr(a + 1, '\x1f') : NULL;
            if (!a || !b) { snprintf(err, errlen, "spec: bad bind %s", val); return -1; }
            *a = 0; *b = 0;
            s->bind_src[s->nbinds] = val; s->bind_dst[s->nbinds] = a + 1; s->bind_opts[s->nbinds] = b + 1;
            s->nbinds++;
        }
        else if (!strcmp(key, "ns")) {
            char tmp[128]; snprintf(tmp, sizeof tmp, "%s", val);
            for (char *save = NULL, *t = strtok_r(tmp, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                int f = ns_flag(t);
                if (f < 0) { snprintf(err, errlen, "spec: unknown namespace %s", t); return -1; }
                s->new_ns |= f;
            }
        }
        else if (!strcmp(key, "cwd")) s->cwd = val;
        else if (!strcmp(key, "hostname")) s->hostname = val;
        else if (!strcmp(key, "rootfs")) s->rootfs = val;
        else if (!strcmp(key, "upper")) s->upper = val;
        else if (!strcmp(key, "work")) s->work = val;
        else if (!strcmp(key, "caps")) s->caps = val;
        else if (!strcmp(key, "seccomp")) s->seccomp = val;
        else if (!strcmp(key, "seccomp.default")) s->seccomp_default = val;
        else if (!strcmp(key, "bounding")) s->bounding = val;
        else if (!strcmp(key, "join.pid")) s->join_pid_ns = val;
        else if (!strcmp(key, "join.ipc")) s->join_ipc_ns = val;
        else if (!strcmp(key, "join.net")) s->join_net_ns = val;
        else if (!strcmp(key, "join.uts")) s->join_uts_ns = val;
        else if (!strcmp(key, "target")) s->exec_target = val;
        else if (!strcmp(key, "log")) s->log_path = val;
        else if (!strcmp(key, "attachsock")) s->attach_path = val;
        else if (!strcmp(key, "exitfile")) s->exit_file = val;
        else if (!strcmp(key, "diag")) s->monitor_diag = val;
        else if (!strcmp(key, "reaper")) s->reaper = val;
        else if (!strcmp(key, "uid") || !strcmp(key, "gid") || !strcmp(key, "gid.add")) {
            char *end = NULL;
            errno = 0;
            unsigned long v = strtoul(val, &end, 10);
            if (errno || !*val || *end || v > 0xfffffffeUL) { snprintf(err, errlen, "spec: bad %s \"%s\"", key, val); return -1; }
            if (!strcmp(key, "uid")) s->uid = (unsigned)v;
            else if (!strcmp(key, "gid")) s->gid = (unsigned)v;
            else if (s->ngids >= 32) { snprintf(err, errlen, "spec: more than 32 supplementary groups"); return -1; }
            else s->gids[s->ngids++] = (unsigned)v;
        }
        else if (!strcmp(key, "readonly")) s->readonly = atoi(val);
        else if (!strcmp(key, "privileged")) s->privileged = atoi(val);
        else if (!strcmp(key, "nnp")) s->no_new_privs = atoi(val);
        else if (!strcmp(key, "detach")) s->detach = atoi(val);
        else if (!strcmp(key, "tty")) s->tty = atoi(val);
        else if (!strcmp(key, "init")) s->init = atoi(val);
        else if (!strcmp(key, "stdin")) s->keep_stdin = atoi(val);
        else if (!strcmp(key, "attach")) s->attach_mask = atoi(val) & 3;
        else if (!strcmp(key, "shm")) s->shm = val;
        else { snprintf(err, errlen, "spec: unknown key %s", key); return -1; }
    }
    if (s->nargs == 0) { snprintf(err, errlen, "spec: no command"); return -1; }
    return 0;
}
