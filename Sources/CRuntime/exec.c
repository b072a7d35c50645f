/* Joining a running container: fork → setns (all its namespaces) → fork → execve.
 * The caller may be a multi-threaded Swift process: nothing here allocates after fork. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/close_range.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "internal.h"

int isolab_wait_status(pid_t pid, int *status_out) {
    int st = 0;
    pid_t r;
    do { r = waitpid(pid, &st, 0); } while (r < 0 && errno == EINTR);
    if (r < 0) return -1;
    if (status_out) *status_out = st;
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

static const struct { const char *name; int type; } kNamespaces[] = {
    /* mnt last: once joined, paths resolve inside the container. */
    {"cgroup", CLONE_NEWCGROUP}, {"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS},
    {"net", CLONE_NEWNET}, {"pid", CLONE_NEWPID}, {"mnt", CLONE_NEWNS},
};
#define NNS (sizeof kNamespaces / sizeof kNamespaces[0])
#define CGROUP_NS 0   /* kNamespaces' index of the cgroup namespace */

/* Closes every descriptor from 3 up but those in keep (sorted here: nothing may allocate after
 * fork). For a child that never execs, where close-on-exec does nothing. */
static void close_all_but(int *keep, int n) {
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && keep[j - 1] > keep[j]; j--) { int t = keep[j]; keep[j] = keep[j - 1]; keep[j - 1] = t; }
    unsigned from = 3;
    for (int i = 0; i < n; i++) {
        if (keep[i] < (int)from) continue;
        if ((unsigned)keep[i] > from) close_range(from, (unsigned)keep[i] - 1, 0);
        from = (unsigned)keep[i] + 1;
    }
    close_range(from, ~0U, 0);
}

int isolab_exec(char *buf, size_t len, char *err, size_t errlen, int *exec_errno) {
    struct isolab_spec s;
    struct isolab_privs privs;
    if (exec_errno) *exec_errno = 0;
    if (isolab_spec_parse(buf, len, &s, err, errlen) != 0) return -1;
    if (!s.exec_target) { snprintf(err, errlen, "exec: no target pid"); return -1; }
    if (isolab_privs_prepare(&s, &privs, err, errlen) != 0) return -1;

    int nsfd[NNS];
    for (size_t i = 0; i < NNS; i++) {
        char p[64];
        snprintf(p, sizeof p, "/proc/%s/ns/%s", s.exec_target, kNamespaces[i].name);
        nsfd[i] = open(p, O_RDONLY | O_CLOEXEC);
        if (nsfd[i] < 0) {
            snprintf(err, errlen, "open %s: %s", p, isolab_strerror(errno));
            for (size_t j = 0; j < i; j++) close(nsfd[j]);
            cap_free(privs.caps);
            return -1;
        }
    }
    int errp[2];
    if (pipe2(errp, O_CLOEXEC) != 0) {
        snprintf(err, errlen, "pipe: %s", isolab_strerror(errno));
        for (size_t i = 0; i < NNS; i++) close(nsfd[i]);
        cap_free(privs.caps);
        return -1;
    }
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);   /* stdin without -i, all of stdio with -d */

    fflush(NULL);
    pid_t parent = getpid();
    pid_t c1 = fork();
    if (c1 < 0) {
        snprintf(err, errlen, "fork: %s", isolab_strerror(errno));
        close(errp[0]); close(errp[1]);
        for (size_t i = 0; i < NNS; i++) close(nsfd[i]);
        cap_free(privs.caps);
        return -1;
    }
    if (c1 == 0) {
        close(errp[0]);
        int efd = errp[1];
        /* c1 waits as long as the command runs: it keeps nothing of its caller's (a file under
         * a mount someone will unmount, a lock) but stdio and what it needs itself. */
        int keep[NNS + 2];
        int nkeep = 0;
        keep[nkeep++] = efd;
        for (size_t i = 0; i < NNS; i++) keep[nkeep++] = nsfd[i];
        if (devnull >= 0) keep[nkeep++] = devnull;
        close_all_but(keep, nkeep);
        /* A foreground exec dies with its client: that is how labs avoid leaking busy loops. */
        if (!s.detach) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent) _exit(137);
        }
        /* v2: c2 is created inside the container's cgroup (cgroupfork.c) and c1 stays where it is,
         * so nothing migrates; c2 then joins the cgroup namespace itself, since clone3 refuses a
         * cgroup outside the caller's cgroup namespace. The descriptors are host paths, opened
         * before the mount namespace changes; cgroup.procs is kept for kernels without clone3's
         * cgroup field. v1: one thread (a fresh fork), so `tasks` moves all of it without the
         * threadgroup lock and its RCU grace period (see isolab_container_init). */
        int into = isolab_cgroup2_dir(&s), procs = -1;
        if (into >= 0) {
            procs = open(s.cgroup_join[0], O_WRONLY | O_CLOEXEC);
            if (procs < 0) isolab_child_fail(efd, 125, "join cgroup %s: %s", s.cgroup_join[0], isolab_strerror(errno));
        }
        for (int i = 0; into < 0 && i < s.ncgroups; i++) {
            int fd = open(s.cgroup_join[i], O_WRONLY | O_CLOEXEC);
            if (fd < 0 || isolab_write_all(fd, "0", 1) != 0)
                isolab_child_fail(efd, 125, "join cgroup %s: %s", s.cgroup_join[i], isolab_strerror(errno));
            close(fd);
        }
        for (size_t i = 0; i < NNS; i++)
            if (!(into >= 0 && kNamespaces[i].type == CLONE_NEWCGROUP) && setns(nsfd[i], kNamespaces[i].type) != 0)
                isolab_child_fail(efd, 125, "setns %s of pid %s: %s", kNamespaces[i].name, s.exec_target, isolab_strerror(errno));
        /* c2 cannot ask getppid() across the PID namespace; a pipe whose write end only c1
         * holds tells it whether c1 died before PDEATHSIG was armed. */
        int alive[2];
        if (pipe2(alive, O_CLOEXEC) != 0) isolab_child_fail(efd, 125, "pipe: %s", isolab_strerror(errno));
        int console[2] = {-1, -1};
        if (s.tty && !s.detach && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, console) != 0)
            isolab_child_fail(efd, 125, "socketpair for -t: %s", isolab_strerror(errno));
        pid_t c2 = into >= 0 ? isolab_fork_into_cgroup(into, SIGCHLD) : fork();
        if (c2 < 0 && into >= 0 && (errno == ENOSYS || errno == E2BIG || errno == EINVAL)) {
            /* A kernel without clone3's cgroup field: c1 joins by writing, as on v1. */
            if (isolab_write_all(procs, "0", 1) != 0)
                isolab_child_fail(efd, 125, "join cgroup %s: %s", s.cgroup_join[0], isolab_strerror(errno));
            if (setns(nsfd[CGROUP_NS], CLONE_NEWCGROUP) != 0)
                isolab_child_fail(efd, 125, "setns cgroup of pid %s: %s", s.exec_target, isolab_strerror(errno));
            close(into);
            into = -1;
            c2 = fork();
        }
        if (c2 < 0) isolab_child_fail(efd, 125, "fork: %s", isolab_strerror(errno));
        if (c2 > 0) {   /* c1 waits as long as the command runs: it keeps no cgroup open */
            if (into >= 0) close(into);
            if (procs >= 0) close(procs);
        }
        if (c2 == 0) {
            if (into >= 0 && setns(nsfd[CGROUP_NS], CLONE_NEWCGROUP) != 0)
                isolab_child_fail(efd, 125, "setns cgroup of pid %s: %s", s.exec_target, isolab_strerror(errno));
            close(alive[1]);
            if (!s.detach) {
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                struct pollfd pf = {alive[0], POLLIN, 0};
                if (poll(&pf, 1, 0) > 0 && (pf.revents & (POLLHUP | POLLIN))) _exit(137);
                if (!s.keep_stdin && devnull >= 0) isolab_dup_stdio(devnull, 0);
            } else {
                setsid();
                for (int fd = 0; fd < 3; fd++) isolab_dup_stdio(devnull, fd);
            }
            /* Only stdio crosses into the container: a descriptor the client inherited (a
             * socket its parent watches for EOF, say) must not live on in a detached command. */
            close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
            isolab_reset_signals();
            if (s.cwd && *s.cwd && chdir(s.cwd) != 0)
                /* Docker's rule for a process that cannot start: 127 when something is missing. */
                isolab_child_fail(efd, errno == ENOENT ? 127 : 126, "chdir to cwd (\"%s\") set in config.json failed: %s", s.cwd, isolab_strerror(errno));
            if (console[1] >= 0) { close(console[0]); isolab_tty_attach(console[1], efd); }
            isolab_apply_privs(&s, &privs, efd);
            isolab_exec_command(&s, efd);
        }
        close(efd);
        close(alive[0]);
        if (s.detach) _exit(0);
        if (console[0] >= 0) {
            close(console[1]);
            int master = isolab_tty_receive(console[0]);
            close(console[0]);
            if (master >= 0) _exit(isolab_tty_relay(master, s.keep_stdin ? 0 : -1, 1, c2, NULL, NULL));
        }
        /* The client is killed → we get SIGKILL (pdeathsig) → so does the command. */
        int st = 0; pid_t r;
        do { r = waitpid(c2, &st, 0); } while (r < 0 && errno == EINTR);
        if (r < 0) _exit(125);
        if (WIFEXITED(st)) _exit(WEXITSTATUS(st));
        _exit(128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0));
    }
    close(errp[1]);
    for (size_t i = 0; i < NNS; i++) close(nsfd[i]);
    if (devnull >= 0) close(devnull);
    cap_free(privs.caps);
    free(privs.seccomp.filter);

    char msg[1100];
    size_t got = isolab_read_error(errp[0], msg, sizeof msg);
    close(errp[0]);
    int status = isolab_wait_status(c1, NULL);
    if (got > 0) {
        char *tab = strchr(msg, '\t');
        int code = atoi(msg);
        snprintf(err, errlen, "%s", tab ? tab + 1 : msg);
        if (exec_errno) *exec_errno = code;
        return -1;
    }
    if (s.detach) return 0;
    return status;
}
