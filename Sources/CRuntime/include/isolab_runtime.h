#pragma once
/*
 * isolab's C side: everything that must happen in a single-threaded child between clone()
 * and execve(), and joining a running container (fork, setns, fork, execve).
 * Swift builds a spec (a NUL-separated key/value buffer), hands it here, and never runs in
 * a forked child. Errors come back as text on a pipe.
 */
#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The spec's keys: the one list both sides use. Swift's ChildSpec names a key by its enum
 * value and gets the text from isolab_spec_key_name; spec.c looks the text up here and
 * switches on the value (with -Wswitch, a key added here and not parsed there is a warning).
 * X(ENUM_SUFFIX, "text") — a list key may repeat; the others, when repeated, keep the last.
 */
#define ISOLAB_SPEC_KEYS(X) \
    X(ARG, "arg")               /* the command, one argument per entry (list) */ \
    X(ENV, "env")               /* KEY=value (list) */ \
    X(CGROUP, "cgroup")         /* a file to write "0" to, to join a cgroup (list) */ \
    X(LOWER, "lower")           /* an overlay lowerdir, top first (list) */ \
    X(EXITCMD, "exitcmd")       /* the monitor's exit command (list) */ \
    X(CGROUPFS, "cgroupfs")     /* "cgroup2" or v1 "dir:options" (list) */ \
    X(TMPFS, "tmpfs")           /* "dst\x1fopts" (list) */ \
    X(BIND, "bind")             /* "src\x1fdst\x1fopts" (list) */ \
    X(NS, "ns")                 /* namespaces to create: "mnt,uts,ipc,pid,net,cgroup" */ \
    X(CWD, "cwd") \
    X(HOSTNAME, "hostname") \
    X(ROOTFS, "rootfs") \
    X(UPPER, "upper") \
    X(WORK, "work") \
    X(CAPS, "caps") \
    X(SECCOMP, "seccomp")         /* "default", "unconfined" or "profile" */ \
    X(SECCOMP_DEFAULT, "seccomp.default") /* profile: "ACTION\x1fERRNO" */ \
    X(SECCOMP_ARCH, "seccomp.arch")     /* profile: a libseccomp architecture name (list) */ \
    X(SECCOMP_RULE, "seccomp.rule")     /* profile: "NAME\x1fACTION\x1fERRNO[\x1fARG...]" (list) */ \
    X(BOUNDING, "bounding") \
    X(JOIN_PID, "join.pid") \
    X(JOIN_IPC, "join.ipc") \
    X(JOIN_NET, "join.net") \
    X(JOIN_UTS, "join.uts") \
    X(TARGET, "target") \
    X(LOG, "log") \
    X(ATTACHSOCK, "attachsock") \
    X(EXITFILE, "exitfile") \
    X(DIAG, "diag") \
    X(REAPER, "reaper") \
    X(UID, "uid") \
    X(GID, "gid") \
    X(GID_ADD, "gid.add")       /* a supplementary group (list) */ \
    X(READONLY, "readonly") \
    X(PRIVILEGED, "privileged") \
    X(NNP, "nnp") \
    X(DETACH, "detach") \
    X(TTY, "tty") \
    X(INIT, "init") \
    X(STDIN, "stdin") \
    X(ATTACH, "attach")         /* run -a: bit 0 stdout, bit 1 stderr */ \
    X(SHM, "shm")

#define ISOLAB_SPEC_KEY_ENUM(id, text) ISOLAB_SPEC_##id,
enum isolab_spec_key {
    ISOLAB_SPEC_KEYS(ISOLAB_SPEC_KEY_ENUM)
    ISOLAB_SPEC_KEY_COUNT
};
#undef ISOLAB_SPEC_KEY_ENUM

/* The key's text ("arg"), or NULL for a value outside the list. */
const char *isolab_spec_key_name(enum isolab_spec_key key);

/* Parsed spec. Arrays are NULL-terminated and point into the caller's buffer. */
#define ISOLAB_MAX_ITEMS 256
#define ISOLAB_SECCOMP_MAX_RULES 2049   /* 2048 rules and the NULL: SeccompProfile.maxNames */
#define ISOLAB_SECCOMP_MAX_ARCHES 17
struct isolab_spec {
    const char *args[ISOLAB_MAX_ITEMS];
    const char *env[ISOLAB_MAX_ITEMS];
    const char *cgroup_join[32];
    const char *lowers[128];          /* overlay lowerdirs, top first */
    const char *bind_src[32], *bind_dst[32], *bind_opts[32];
    const char *tmpfs_dst[16], *tmpfs_opts[16];   /* --tmpfs / --mount type=tmpfs */
    int nargs, nenv, ncgroups, nlowers, nbinds, ntmpfs;
    const char *cwd, *hostname, *rootfs, *upper, *work;
    const char *caps;                 /* libcap text for permitted/effective ("=" empty) */
    const char *seccomp;              /* "default", "unconfined" (no key: unconfined) or "profile" */
    /* seccomp "profile" (a Docker JSON profile, checked and expanded by Swift's SeccompProfile):
     * "ACTION\x1fERRNO"; libseccomp architecture names; one rule per system call, "NAME\x1fACTION\x1fERRNO"
     * then per argument comparison "\x1fINDEX\x1fOP\x1fVALUE\x1fVALUETWO" (ERRNO empty: EPERM). */
    const char *seccomp_default;
    const char *seccomp_arches[ISOLAB_SECCOMP_MAX_ARCHES];
    const char *seccomp_rules[ISOLAB_SECCOMP_MAX_RULES];
    int nseccomp_arches, nseccomp_rules;
    const char *bounding;             /* libcap text of the caps to keep in the bounding set */
    const char *join_pid_ns, *join_ipc_ns, *join_net_ns, *join_uts_ns; /* paths, when joining */
    const char *exec_target;          /* exec: pid of the container's init, as text */
    const char *log_path, *exit_file, *monitor_diag, *attach_path;
    const char *reaper;               /* where `rm -f` claims the clean-up (reaper.c) */
    const char *exit_cmd[32];
    int nexit_cmd;
    unsigned uid, gid;
    unsigned gids[32];
    int ngids;
    int new_ns;                       /* CLONE_NEW* flags to create */
    int readonly, privileged, no_new_privs, detach, tty, init, keep_stdin;
    int attach_mask;                  /* run -a: bit 0 stdout, bit 1 stderr reach the client */
    const char *shm;                  /* a /dev/shm to bind instead of a private tmpfs */
    const char *cgroupfs[24];         /* "cgroup2", or v1 "dir:options" for /sys/fs/cgroup/dir */
    int ncgroupfs;
    int cgroup_joined;                /* set by C: the child was created in its cgroup (clone3) */
    int console_fd;                   /* -t: where the child sends its pty master (set by C) */
    int stdio_fd[3];                  /* pipes the monitor relays and logs, or -1 (set by C) */
    char *title_area;                 /* the monitor's argv memory, for --init's command line */
    size_t title_len;
};

/* Parses a "key\0value\0..." buffer. Returns 0, or -1 with a message in err. */
int isolab_spec_parse(char *buf, size_t len, struct isolab_spec *spec, char *err, size_t errlen);

/*
 * Runs a command inside a running container: opens its namespaces, forks, joins them,
 * forks again (so the PID namespace applies), drops privileges and execs.
 * Foreground: waits and returns the command's exit status (128+signal if killed); the
 * command dies with the caller (PR_SET_PDEATHSIG). Detached: returns 0 once it started.
 * Returns -1 with a message in err if it could not start; *exec_errno is then the exit code
 * Docker would give (127: not found, 126: cannot execute, 125: isolab's own failure), else 0.
 */
int isolab_exec(char *spec_buf, size_t len, char *err, size_t errlen, int *exec_errno);

/* waitpid(2) with EINTR retried (the C side's, and ChildProcess's, one wait): the exit code or
 * 128+signal, -1 on error; the raw status in *status_out where not NULL. */
int isolab_wait_status(pid_t pid, int *status_out);

/* The monitor's entry point (the isolab-monitor executable is a one-line main). */
int isolab_monitor_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif
