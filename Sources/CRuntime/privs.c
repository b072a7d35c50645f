/* Privileges: prepared in the parent with libcap, applied in the child without allocating. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include "internal.h"

int isolab_privs_prepare(const struct isolab_spec *s, struct isolab_privs *p, char *err, size_t errlen) {
    memset(p, 0, sizeof *p);
    /* A non-root user starts with empty permitted/effective sets, as Docker does since 20.10;
     * the bounding set still limits what a setuid binary could regain. */
    const char *text = (s->uid == 0 && s->caps) ? s->caps : "=";
    p->caps = cap_from_text(text);
    if (!p->caps) { snprintf(err, errlen, "capabilities: cannot parse \"%s\": %s", text, isolab_strerror(errno)); return -1; }
    if (s->bounding && !s->privileged) {
        cap_t keep = cap_from_text(s->bounding);
        if (!keep) { snprintf(err, errlen, "capabilities: cannot parse bounding set \"%s\": %s", s->bounding, isolab_strerror(errno)); return -1; }
        int max = (int)cap_max_bits();
        for (int c = 0; c < max && p->ndrop < 128; c++) {
            cap_flag_value_t v = CAP_CLEAR;
            if (cap_get_flag(keep, (cap_value_t)c, CAP_PERMITTED, &v) != 0) v = CAP_CLEAR;
            if (v != CAP_SET) p->drop_bound[p->ndrop++] = c;
        }
        cap_free(keep);
    }
    return isolab_seccomp_prepare(s, &p->seccomp, err, errlen);
}

void isolab_apply_privs(const struct isolab_spec *s, const struct isolab_privs *p, int errfd) {
    /* runc's order: without no_new_privs, seccomp first, while CAP_SYS_ADMIN still allows it
     * (so a profile must allow setgroups, setresuid, capset, prctl and execve, as Docker's does);
     * with no_new_privs, as late as possible, just before execve. */
    if (!s->no_new_privs) isolab_seccomp_apply(&p->seccomp, errfd);
    for (int i = 0; i < p->ndrop; i++)
        if (cap_drop_bound((cap_value_t)p->drop_bound[i]) != 0 && errno != EINVAL)
            isolab_child_fail(errfd, 125, "drop capability %d from the bounding set: %s", p->drop_bound[i], isolab_strerror(errno));
    gid_t gids[32];
    for (int i = 0; i < s->ngids; i++) gids[i] = (gid_t)s->gids[i];
    if (setgroups((size_t)s->ngids, gids) != 0)
        isolab_child_fail(errfd, 125, "setgroups: %s", isolab_strerror(errno));
    if (setresgid(s->gid, s->gid, s->gid) != 0)
        isolab_child_fail(errfd, 125, "setresgid %u: %s", s->gid, isolab_strerror(errno));
    if (setresuid(s->uid, s->uid, s->uid) != 0)
        isolab_child_fail(errfd, 125, "setresuid %u: %s", s->uid, isolab_strerror(errno));
    if (cap_set_proc(p->caps) != 0)
        isolab_child_fail(errfd, 125, "set capabilities: %s", isolab_strerror(errno));
    if (CAP_AMBIENT_SUPPORTED() && cap_reset_ambient() != 0)
        isolab_child_fail(errfd, 125, "clear ambient capabilities: %s", isolab_strerror(errno));
    if (s->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        isolab_child_fail(errfd, 125, "set no_new_privs: %s", isolab_strerror(errno));
    if (s->no_new_privs) isolab_seccomp_apply(&p->seccomp, errfd);
}

_Noreturn void isolab_exec_command(const struct isolab_spec *s, int errfd) {
    const char *file = s->args[0];
    char *const *argv = (char *const *)s->args;
    char *const *envp = (char *const *)s->env;
    if (strchr(file, '/')) {
        execve(file, argv, envp);
        int e = errno;
        isolab_child_fail(errfd, e == ENOENT ? 127 : 126, "exec: \"%s\": %s", file, isolab_strerror(e));
    }
    const char *path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (int i = 0; i < s->nenv; i++)
        if (!strncmp(s->env[i], "PATH=", 5)) { path = s->env[i] + 5; break; }
    int saw_eacces = 0;
    char full[4096];
    const char *p = path;
    while (*p) {
        const char *colon = strchr(p, ':');
        size_t dl = colon ? (size_t)(colon - p) : strlen(p);
        if (dl == 0) { full[0] = 0; snprintf(full, sizeof full, "./%s", file); }
        else snprintf(full, sizeof full, "%.*s/%s", (int)dl, p, file);
        execve(full, argv, envp);
        if (errno == EACCES) saw_eacces = 1;
        p += dl; if (*p == ':') p++;
    }
    if (saw_eacces)
        isolab_child_fail(errfd, 126, "exec: \"%s\": permission denied", file);
    isolab_child_fail(errfd, 127, "exec: \"%s\": executable file not found in $PATH", file);
}

void isolab_reset_signals(void) {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        sigaction(sig, &dfl, NULL);   /* fails harmlessly for the reserved real-time signals */
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}
