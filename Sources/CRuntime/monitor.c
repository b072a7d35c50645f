/* isolab-monitor: one per container. It clones the container's init, hands its pid to the CLI,
 * starts it on the CLI's word, reaps it, records its exit status and runs the exit command
 * (isolab's clean-up). Single-threaded C, so the clone happens in a clean process.
 *
 * Protocol on the sync socket (text lines):  monitor → "pid N"; CLI → "go" (or closes);
 * monitor → "ok" or "err CODE\tMESSAGE". */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

struct clone_ctx {
    struct isolab_spec *spec;
    struct isolab_privs *privs;
    int go_r, go_w, err_r, err_w, sync_fd, console_keep;
    int keep[3];                      /* the monitor's ends of the stdio pipes */
    int attach_fd;                    /* the attach socket (the monitor's) */
};

static volatile sig_atomic_t g_child = 0;
static FILE *g_diag = NULL;
static const char *g_diag_path = NULL;

/* The diagnostics file, opened (created) only when there is something to say: a file made and
 * removed on every run is two more metadata writes on a busy disk. */
static FILE *diag_file(void) {
    if (!g_diag && g_diag_path) g_diag = fopen(g_diag_path, "ae");
    return g_diag;
}

static void diag(const char *fmt, ...) {
    FILE *f = diag_file() ? g_diag : stderr;
    va_list ap; va_start(ap, fmt);
    fprintf(f, "isolab-monitor: ");
    vfprintf(f, fmt, ap);
    fputc('\n', f);
    fflush(f);
    va_end(ap);
}

static int clone_entry(void *arg) {
    struct clone_ctx *c = arg;
    close(c->go_w); close(c->err_r); close(c->sync_fd);
    if (c->console_keep >= 0) close(c->console_keep);
    for (int i = 0; i < 3; i++) if (c->keep[i] >= 0) close(c->keep[i]);
    if (c->attach_fd >= 0) close(c->attach_fd);
    isolab_container_init(c->spec, c->privs, c->go_r, c->err_w);
}

static void forward(int sig) { if (g_child > 0) kill((pid_t)g_child, sig); }

/* On cgroup v2, the container's init is created inside its cgroup (cgroupfork.c), so it never runs a
 * single instruction outside it. Returns the pid (0 in the child, which then runs clone_entry on its
 * copy of this stack, as after fork), or -1 with errno; ENOSYS, E2BIG or EINVAL mean the kernel lacks
 * clone3 or its cgroup field, and the caller falls back to clone() (the child then joins by writing to
 * cgroup.procs, as on v1). */
static pid_t clone_into_cgroup(struct isolab_spec *spec, int flags, struct clone_ctx *ctx) {
    int cgroup_fd = isolab_cgroup2_dir(spec);
    if (cgroup_fd < 0) return -1;
    pid_t pid = isolab_fork_into_cgroup(cgroup_fd, flags);
    if (pid == 0) {
        ctx->spec->cgroup_joined = 1;
        clone_entry(ctx);
        _exit(125);
    }
    int saved = errno;
    close(cgroup_fd);
    errno = saved;
    return pid;
}

static int read_line(int fd, char *buf, size_t n) {
    size_t got = 0;
    while (got < n - 1) {
        ssize_t r = read(fd, buf + got, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        if (buf[got] == '\n') break;
        got++;
    }
    buf[got] = 0;
    return (int)got;
}

/* The "oom_kill N" count of a cgroup's memory file (v2 memory.events, v1 memory.oom_control);
 * -1 when the file is missing or has no such line. */
static long long read_oom_kills(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buf[1024];
    ssize_t n;
    do { n = read(fd, buf, sizeof buf - 1); } while (n < 0 && errno == EINTR);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    for (char *line = buf; line && *line; ) {
        char *next = strchr(line, '\n');
        if (next) *next++ = 0;
        if (!strncmp(line, "oom_kill ", 9)) {
            char *end;
            errno = 0;
            long long v = strtoll(line + 9, &end, 10);
            return (errno || end == line + 9 || v < 0) ? -1 : v;
        }
        line = next;
    }
    return -1;
}

/* Whether the kernel's OOM killer killed a process of the container's cgroup, read from the
 * cgroup's own counters before the exit command removes it (Docker's State.OOMKilled). */
static int container_oom_killed(const struct isolab_spec *s) {
    for (int i = 0; i < s->ncgroups; i++) {
        const char *procs = s->cgroup_join[i];
        const char *slash = strrchr(procs, '/');          /* ".../<id>/tasks" or ".../<id>/cgroup.procs" */
        if (!slash || slash - procs > 4000) continue;
        const char *files[] = {"/memory.events", "/memory.oom_control"};
        for (size_t f = 0; f < 2; f++) {
            char path[4096];
            snprintf(path, sizeof path, "%.*s%s", (int)(slash - procs), procs, files[f]);
            if (read_oom_kills(path) > 0) return 1;
        }
    }
    return 0;
}

static void write_exit_file(const char *path, int code, int sig, int oom_killed) {
    char tmp[4096], body[256];
    struct timespec ts; clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int n = snprintf(body, sizeof body,
                     "{\"exitCode\":%d,\"signal\":%d,\"finishedAt\":%lld.%09ld,\"oomKilled\":%s}\n",
                     code, sig, (long long)ts.tv_sec, ts.tv_nsec, oom_killed ? "true" : "false");
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) { diag("open %s: %s", tmp, strerror(errno)); return; }
    /* Renamed into place, not flushed: it is rewritten at every exit, and a flush cost more
     * than the rest of the exit path (8 ms on a loaded disk). */
    if (isolab_write_all(fd, body, (size_t)n) != 0) diag("write %s: %s", tmp, strerror(errno));
    close(fd);
    if (rename(tmp, path) != 0) diag("rename %s: %s", tmp, strerror(errno));
}

/* Runs isolab's clean-up for this container; `remove` also deletes it (a start that never
 * happened leaves nothing, not a half-made container). Its output goes to the diagnostics
 * file, never into the container's log or the client's terminal. */
static void run_exit_command(struct isolab_spec *s, int remove) {
    if (s->nexit_cmd == 0) return;
    const char *argv[40];
    int n = 0;
    for (int i = 0; i < s->nexit_cmd && n < 37; i++) argv[n++] = s->exit_cmd[i];
    if (remove) { argv[n] = argv[n - 1]; argv[n - 1] = "--remove"; n++; }
    argv[n] = NULL;
    diag_file();
    pid_t pid = fork();
    if (pid < 0) { diag("fork exit command: %s", strerror(errno)); return; }
    if (pid == 0) {
        int out = g_diag ? fileno(g_diag) : open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (out >= 0) { isolab_dup_stdio(out, 1); isolab_dup_stdio(out, 2); }
        int dn = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (dn >= 0) isolab_dup_stdio(dn, 0);
        close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);   /* only stdio reaches isolab's clean-up */
        isolab_reset_signals();
        execv(argv[0], (char *const *)argv);
        diag("exec %s: %s", s->exit_cmd[0], strerror(errno));
        _exit(127);
    }
    int code = isolab_wait_status(pid, NULL);
    if (code != 0) diag("exit command %s exited with %d", s->exit_cmd[0], code);
}

/* Without -t: copies the container's stdout and stderr into its log and, in the foreground,
 * to the client's own stdout and stderr, until the init has ended and the pipes are drained
 * (a process of a shared PID namespace may keep a pipe open after the init is gone). */
static void relay_output(int out_r, int err_r, pid_t child, struct isolab_log *log, int echo_mask,
                         struct isolab_attach *att, int stdin_w) {
    int fds[2] = {out_r, err_r};
    int dest[2] = {(echo_mask & 1) ? 1 : -1, (echo_mask & 2) ? 2 : -1};
    int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    int child_gone = 0;
    time_t gone_at = 0;
    char buf[8192];
    while (fds[0] >= 0 || fds[1] >= 0) {
        struct pollfd p[12] = {{fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}, {child_gone ? -1 : pidfd, POLLIN, 0}};
        int natt = child_gone ? 0 : isolab_attach_pollfds(att, p + 3);
        int r = poll(p, (nfds_t)(3 + natt), child_gone || pidfd < 0 ? 200 : -1);
        if (r < 0) { if (errno == EINTR) continue; diag("poll: %s", strerror(errno)); break; }
        /* Drained, or a process left behind (shared PID namespace) keeps writing: stop after 1 s. */
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (child_gone && (r == 0 || now.tv_sec > gone_at + 1)) break;
        isolab_attach_handle(att, p + 3, natt, stdin_w);
        if (p[2].revents) {
            child_gone = 1;
            gone_at = now.tv_sec;
            for (int i = 0; i < 2; i++) if (fds[i] >= 0) fcntl(fds[i], F_SETFL, O_NONBLOCK);
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i] < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(fds[i], buf, sizeof buf);
            if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
            if (n <= 0) { isolab_log_flush(log, i); close(fds[i]); fds[i] = -1; continue; }
            if (dest[i] >= 0 && isolab_write_all(dest[i], buf, (size_t)n) != 0) dest[i] = -1;   /* client gone: keep logging */
            isolab_log_write(log, i, buf, (size_t)n);
            isolab_attach_broadcast(att, i + 1, buf, (size_t)n);
        }
    }
    for (int i = 0; i < 2; i++) if (fds[i] >= 0) { isolab_log_flush(log, i); close(fds[i]); }
    if (pidfd >= 0) close(pidfd);
}

/* A foreground client that said "go cleanup" cleans up itself once told "exit N" (it is loaded
 * already; the exit command is a second isolab process). True when it answered "done"; a
 * client that died or failed meanwhile says nothing, and the exit command runs as before. */
static int client_cleaned_up(int fd, int code) {
    if (dprintf(fd, "exit %d\n", code) < 0) return 0;
    char line[16];
    read_line(fd, line, sizeof line);
    return strcmp(line, "done") == 0;
}

int isolab_monitor_main(int argc, char **argv) {
    const char *spec_path = NULL;
    int sync_fd = -1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--spec")) spec_path = argv[i + 1];
        else if (!strcmp(argv[i], "--sync-fd")) sync_fd = atoi(argv[i + 1]);
    }
    if (!spec_path || sync_fd < 0) { fprintf(stderr, "usage: isolab-monitor --spec FILE --sync-fd N\n"); return 2; }
    /* A client that dies mid-handshake must not kill the monitor with SIGPIPE: the monitor is
     * what cleans up after it. (The container's command gets default signals back.) */
    signal(SIGPIPE, SIG_IGN);
    fcntl(sync_fd, F_SETFD, FD_CLOEXEC);

    int sfd = open(spec_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    if (sfd < 0 || fstat(sfd, &st) != 0) { diag("open %s: %s", spec_path, strerror(errno)); return 125; }
    /* isolab writes the spec (a regular file; args and env are bounded by ARG_MAX), so one
     * larger than 64 MiB is not ours. */
    if (!S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > (64 << 20)) {
        diag("spec %s: not a regular file of 1 byte to 64 MiB", spec_path);
        return 125;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) { diag("read %s: %s", spec_path, strerror(ENOMEM)); return 125; }
    size_t spec_got = 0;
    while (spec_got < (size_t)st.st_size) {
        ssize_t r = read(sfd, buf + spec_got, (size_t)st.st_size - spec_got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) { diag("read %s: %s", spec_path, r < 0 ? strerror(errno) : "shorter than its size"); return 125; }
        spec_got += (size_t)r;
    }
    close(sfd);

    char err[1024];
    struct isolab_spec spec;
    struct isolab_privs privs;
    if (isolab_spec_parse(buf, (size_t)st.st_size, &spec, err, sizeof err) != 0 ||
        isolab_privs_prepare(&spec, &privs, err, sizeof err) != 0) {
        dprintf(sync_fd, "err 125\t%s\n", err);
        return 125;
    }
    g_diag_path = spec.monitor_diag;
    /* A detached container's stderr is its log: no trace lines there. */
    isolab_trace_init(!spec.detach);
    isolab_trace("monitor", "spec read, privs ready");
    /* --init's PID 1 is a copy of this process: it rewrites this memory so that the container's
     * `ps` shows "/sbin/docker-init -- CMD" (as Docker's) and no host path. */
    spec.title_area = argv[0];
    spec.title_len = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) - argv[0]);

    /* Out of the CLI's process group and session: a lab's timeout that kills the CLI's group,
     * or a closing terminal, must not orphan the container without its reaper. */
    setsid();
    /* Every container's output is logged, attached or not (as Docker's json-file driver). */
    static struct isolab_log log;
    int lf = spec.log_path ? open(spec.log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640) : -1;
    if (spec.log_path && lf < 0) { dprintf(sync_fd, "err 125\topen log %s: %s\n", spec.log_path, strerror(errno)); return 125; }
    isolab_log_init(&log, lf);
    if (spec.detach) {
        int dn = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (dn < 0) { dprintf(sync_fd, "err 125\topen /dev/null: %s\n", strerror(errno)); return 125; }
        for (int fd = 0; fd < 3; fd++) isolab_dup_stdio(dn, fd);
        if (dn > 2) close(dn);
    }
    /* Without -t: stdout and stderr through pipes the monitor reads; with -di, a stdin pipe the
     * monitor holds open, so the container does not see end-of-input (Docker keeps it open). */
    int keep[3] = {-1, -1, -1};
    if (!spec.tty) {
        for (int fd = 0; fd < 3; fd++) {
            if (fd == 0 && !(spec.detach && spec.keep_stdin)) continue;
            int pp[2];
            if (pipe2(pp, O_CLOEXEC) != 0) { dprintf(sync_fd, "err 125\tpipe: %s\n", strerror(errno)); return 125; }
            spec.stdio_fd[fd] = fd == 0 ? pp[0] : pp[1];
            keep[fd] = fd == 0 ? pp[1] : pp[0];
        }
    }

    /* Detached: `docker attach` connects here. Made before clone, closed in the child. */
    static struct isolab_attach att;
    isolab_attach_init(&att, spec.detach && spec.attach_path ? isolab_attach_listen(spec.attach_path) : -1);
    if (spec.detach && spec.attach_path && att.listen_fd < 0) diag("attach socket %s: %s", spec.attach_path, strerror(errno));

    int gop[2], errp[2];
    if (pipe2(gop, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0) { dprintf(sync_fd, "err 125\tpipe: %s\n", strerror(errno)); return 125; }

    int own_pidns = -1;
    if (spec.join_pid_ns) {
        /* pid_for_children only: the monitor itself stays where it is. */
        own_pidns = open("/proc/self/ns/pid", O_RDONLY | O_CLOEXEC);
        int t = open(spec.join_pid_ns, O_RDONLY | O_CLOEXEC);
        if (t < 0 || setns(t, CLONE_NEWPID) != 0) { dprintf(sync_fd, "err 125\tjoin pid namespace %s: %s\n", spec.join_pid_ns, strerror(errno)); return 125; }
        close(t);
    }

    int console[2] = {-1, -1};
    if (spec.tty) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, console) != 0) {
            dprintf(sync_fd, "err 125\tsocketpair for -t: %s\n", strerror(errno));
            return 125;
        }
        spec.console_fd = console[1];
    }
    struct clone_ctx ctx = {&spec, &privs, gop[0], gop[1], errp[0], errp[1], sync_fd, console[0], {keep[0], keep[1], keep[2]}, att.listen_fd};
    size_t stack_size = 1 << 20;
    char *stack = malloc(stack_size);
    if (!stack) { dprintf(sync_fd, "err 125\tout of memory\n"); return 125; }
    int flags = (spec.new_ns & ~CLONE_NEWCGROUP) | SIGCHLD;
    fflush(NULL);
    pid_t child = clone_into_cgroup(&spec, flags, &ctx);
    if (child < 0 && (errno == ENOSYS || errno == E2BIG || errno == EINVAL))
        child = clone(clone_entry, stack + stack_size, flags, &ctx);
    int clone_errno = errno;
    if (own_pidns >= 0) { setns(own_pidns, CLONE_NEWPID); close(own_pidns); }
    if (child < 0) { dprintf(sync_fd, "err 125\tclone: %s\n", strerror(clone_errno)); return 125; }
    g_child = child;
    isolab_trace("monitor", "clone");
    close(gop[0]); close(errp[1]);
    if (console[1] >= 0) close(console[1]);
    for (int fd = 0; fd < 3; fd++) if (spec.stdio_fd[fd] >= 0) { close(spec.stdio_fd[fd]); spec.stdio_fd[fd] = -1; }

    dprintf(sync_fd, "pid %d\n", child);
    char line[64];
    read_line(sync_fd, line, sizeof line);
    int client_cleans = !strcmp(line, "go cleanup");
    if (strcmp(line, "go") != 0 && !client_cleans) {
        /* The CLI failed (or died) while preparing cgroups or the network: nothing ran yet.
         * If it died, nobody else will undo what it made: clean up and remove the container. */
        kill(child, SIGKILL);
        isolab_wait_status(child, NULL);
        if (line[0] == 0) run_exit_command(&spec, 1);
        return 125;
    }
    isolab_trace("monitor", "go received");
    if (isolab_write_all(gop[1], "g", 1) != 0) {
        int e = errno;
        close(gop[1]);
        if (e == EPIPE) {
            /* The init ended while it prepared (killed, out of memory), before the word and so
             * without one (errpipe.c): nothing of the container ran. Not a start. */
            close(errp[0]);
            int status = isolab_wait_status(child, NULL);
            dprintf(sync_fd, "err 125\tthe container's init ended before its command started (status %d)\n", status);
            close(sync_fd);
            return 125;
        }
        diag("start container: %s", strerror(e));
    } else {
        close(gop[1]);
    }

    char msg[1100];
    size_t got = isolab_read_error(errp[0], msg, sizeof msg);
    close(errp[0]);
    if (got > 0) {
        for (char *p = msg; *p; p++) if (*p == '\n') *p = ' ';
        dprintf(sync_fd, "err %s\n", msg);
        close(sync_fd);
        int code = isolab_wait_status(child, NULL);
        return code > 0 ? code : 125;
    }
    isolab_trace("monitor", "container exec'd");
    dprintf(sync_fd, "ok\n");
    if (!client_cleans) close(sync_fd);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward;
    int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);

    int code = 0, sig = 0;
    int master = console[0] >= 0 ? isolab_tty_receive(console[0]) : -1;
    if (console[0] >= 0) close(console[0]);
    if (master >= 0) {
        /* -t: relay the client's terminal (with -i) and the container's pty; then reap. */
        /* Detached, nobody types: the terminal stays open with no input (Docker's -dit). */
        code = isolab_tty_relay(master, spec.keep_stdin && !spec.detach ? 0 : -1, spec.detach || !(spec.attach_mask & 1) ? -1 : 1, child, &log, &att);
        if (code < 0) { diag("waitpid %d: %s", child, strerror(errno)); code = 255; }
        else if (code > 128) sig = code - 128;
    } else {
        if (keep[1] >= 0) relay_output(keep[1], keep[2], child, &log, spec.detach ? 0 : spec.attach_mask, &att, keep[0]);
        int status = 0;
        pid_t r;
        do { r = waitpid(child, &status, 0); } while (r < 0 && errno == EINTR);
        if (r < 0) { diag("waitpid %d: %s", child, strerror(errno)); code = 255; }
        else if (WIFEXITED(status)) code = WEXITSTATUS(status);
        else if (WIFSIGNALED(status)) { sig = WTERMSIG(status); code = 128 + sig; }
    }
    g_child = 0;
    isolab_trace("monitor", "container exited");
    isolab_attach_close(&att);   /* clients see end-of-file: the container has ended */
    if (spec.attach_path) unlink(spec.attach_path);
    if (spec.exit_file) write_exit_file(spec.exit_file, code, sig, container_oom_killed(&spec));
    isolab_trace("monitor", "exit record");
    if (!(client_cleans && client_cleaned_up(sync_fd, code)) && !isolab_reaper_cleaned_up(spec.reaper, spec.exit_file))
        run_exit_command(&spec, 0);
    isolab_trace("monitor", "exit command or client's clean-up");
    return code;
}
