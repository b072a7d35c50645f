#pragma once
/* Shared between the CRuntime files; not part of the public header. */
#include <linux/filter.h>
#include <sys/capability.h>
#include "isolab_runtime.h"
#include "errpipe.h"

struct isolab_log;   /* log.c, below */

/* attach.c: the clients of `docker attach` on a detached container's socket. */
#include <poll.h>
#include <sys/uio.h>
struct isolab_attach {
    int listen_fd;                        /* -1: nobody can attach */
    int clients[8];
    int n;
};
int isolab_attach_listen(const char *path);
void isolab_attach_init(struct isolab_attach *a, int listen_fd);
/* Fills p with the listening socket and the clients; returns how many (at most 9). */
int isolab_attach_pollfds(const struct isolab_attach *a, struct pollfd *p);
/* Accepts, reads the clients' input into input_fd (when >= 0), drops closed clients. */
void isolab_attach_handle(struct isolab_attach *a, const struct pollfd *p, int count, int input_fd);
void isolab_attach_broadcast(struct isolab_attach *a, int stream, const char *buf, size_t n);
void isolab_attach_close(struct isolab_attach *a);

/* A seccomp BPF program, built before fork/clone (len 0: unconfined). */
struct isolab_seccomp {
    struct sock_filter *filter;
    unsigned short len;
};

/* Privileges prepared BEFORE fork/clone: the child only applies them (no allocation). */
struct isolab_privs {
    cap_t caps;           /* permitted + effective (+ inheritable cleared) */
    int drop_bound[128];  /* capabilities to drop from the bounding set */
    int ndrop;
    struct isolab_seccomp seccomp;
};

int isolab_seccomp_prepare(const struct isolab_spec *s, struct isolab_seccomp *out, char *err, size_t errlen);
/* Loads the filter (the child still holds CAP_SYS_ADMIN, so no_new_privs is not required). */
void isolab_seccomp_apply(const struct isolab_seccomp *f, int errfd);

int isolab_privs_prepare(const struct isolab_spec *s, struct isolab_privs *p, char *err, size_t errlen);

/* Applies uid/gid, bounding set, capabilities, no_new_privs; calls isolab_child_fail on error. */
void isolab_apply_privs(const struct isolab_spec *s, const struct isolab_privs *p, int errfd);

/* execve with a PATH search in the spec's environment; reports the failure on errfd. */
_Noreturn void isolab_exec_command(const struct isolab_spec *s, int errfd);

/* The container's init path after clone(): cgroup, namespaces, mounts, pivot_root, then waits on
 * go_fd, then stdio, privileges, exec. Never returns. */
_Noreturn void isolab_container_init(const struct isolab_spec *s, const struct isolab_privs *p,
                                     int go_fd, int err_fd);

/* strerror without locale or allocation (safe after fork in a multi-threaded parent). */
#include <string.h>
static inline const char *isolab_strerror(int e) {
    const char *d = strerrordesc_np(e);
    return d ? d : "Unknown error";
}

/* Makes `fd` (opened close-on-exec, as every descriptor here is) descriptor `target` of the
 * program exec'd next: dup2 leaves the copy without close-on-exec, but does nothing when fd
 * already is target (stdio was closed), so the flag is cleared by hand then. Returns -1 on error. */
#include <fcntl.h>
#include <unistd.h>
static inline int isolab_dup_stdio(int fd, int target) {
    if (fd == target) return fcntl(fd, F_SETFD, 0);
    return dup2(fd, target) < 0 ? -1 : 0;
}

/* Every signal back to its default and none blocked: an ignored SIGPIPE or SIGINT of the
 * client must not reach the container's command through execve. */
void isolab_reset_signals(void);

/* -t: in the container's child, open a pty in its devpts, send the master over `sock`, make
 * the slave its controlling terminal and stdio. */
void isolab_tty_attach(int sock, int errfd);
/* The other side: receive the master (or -1). */
int isolab_tty_receive(int sock);
/* Relays in_fd → master and master → out_fd (in_fd in raw mode if a terminal, restored after)
 * until the terminal closes, then reaps `child` and returns its exit status (128+signal).
 * With `log`, the terminal's output also goes to the container's log (as stdout). */
int isolab_tty_relay(int master, int in_fd, int out_fd, pid_t child, struct isolab_log *log, struct isolab_attach *att);

/* The container's log in json-file shape (log.c): whole lines per entry, per stream. */
#define ISOLAB_LOG_LINE 16384
struct isolab_log {
    int fd;                               /* -1: not logging */
    char part[2][ISOLAB_LOG_LINE];        /* an unfinished line of stdout [0] and stderr [1] */
    size_t len[2];
};
void isolab_log_init(struct isolab_log *l, int fd);
void isolab_log_write(struct isolab_log *l, int stream, const char *buf, size_t n);
void isolab_log_flush(struct isolab_log *l, int stream);

/* ISOLAB_TRACE=1 (trace.c): phase timings on stderr, on the client's clock (ISOLAB_TRACE_T0).
 * isolab_trace_init reads the environment once; off, isolab_trace is a load and a branch. */
void isolab_trace_init(int enabled_here);
void isolab_trace(const char *who, const char *phase);

/* True when `docker rm -f` claimed the clean-up (reaper.c) and removed the container; false
 * means the monitor's exit command is still needed. */
int isolab_reaper_cleaned_up(const char *reaper, const char *exit_file);

/* cgroupfork.c. The O_PATH descriptor of the spec's cgroup when it is a single cgroup v2 directory,
 * else -1 with errno (ENOSYS: not v2). */
int isolab_cgroup2_dir(const struct isolab_spec *s);
/* clone3 with CLONE_INTO_CGROUP and no new stack: returns as fork does (0 in the child, which runs on
 * its copy of the caller's stack). `flags`: clone flags | exit signal. Only from a process with one
 * thread (the child skips glibc's fork handlers). ENOSYS, E2BIG or EINVAL: the kernel lacks clone3 or
 * its cgroup field, and the caller joins by writing to cgroup.procs instead. */
pid_t isolab_fork_into_cgroup(int cgroup_fd, int flags);
