/* The container's init path, run in the freshly cloned child (single-threaded, a copy of the
 * monitor's memory): namespaces, cgroups, mounts, pivot_root, privileges, execve. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <linux/close_range.h>
#include <linux/openat2.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "internal.h"

static int g_errfd = -1;
#define FAIL(...) isolab_child_fail(g_errfd, 125, __VA_ARGS__)

static void join_ns(const char *path, int type, const char *what) {
    if (!path) return;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) FAIL("open %s namespace %s: %s", what, path, isolab_strerror(errno));
    if (setns(fd, type) != 0) FAIL("setns %s namespace %s: %s", what, path, isolab_strerror(errno));
    close(fd);
}

/* A new network namespace starts with lo down; every container (even --network none) has it up. */
static void loopback_up(void) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) FAIL("socket for lo: %s", isolab_strerror(errno));
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
    if (ioctl(fd, SIOCGIFFLAGS, &ifr) != 0) FAIL("get flags of lo: %s", isolab_strerror(errno));
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(fd, SIOCSIFFLAGS, &ifr) != 0) FAIL("bring lo up: %s", isolab_strerror(errno));
    close(fd);
}

static void mkdir_p(const char *path, mode_t mode) {
    char buf[4096];
    if ((size_t)snprintf(buf, sizeof buf, "%s", path) >= sizeof buf) FAIL("mkdir %s: %s", path, isolab_strerror(ENAMETOOLONG));
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') { *p = 0; mkdir(buf, mode); *p = '/'; }
    }
    if (mkdir(buf, mode) != 0 && errno != EEXIST) FAIL("mkdir %s: %s", path, isolab_strerror(errno));
}

static void do_mount(const char *src, const char *dst, const char *type, unsigned long flags, const char *data) {
    if (mount(src, dst, type, flags, data) != 0)
        FAIL("mount %s on %s (type %s, options %s): %s", src ? src : "none", dst, type ? type : "bind",
             data ? data : "", isolab_strerror(errno));
}

/* The container's root (the overlay, once mounted) as an O_PATH descriptor: every mount target
 * is resolved beneath it with openat2, never through a string path from the host's "/". */
static int g_rootfd = -1;

/* `rel` resolved as the container will see it: an absolute symlink starts again at its root,
 * ".." never climbs above it, /proc magic links are refused. So an image whose /etc or /dev is a
 * symlink to a host path can never make us create or mount anything outside its root. */
static int open_in_root(const char *rel, int flags) {
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)(flags | O_CLOEXEC);
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    int fd = -1;
    /* EAGAIN: a rename raced the lookup; nothing of the container runs yet, so it is rare. */
    for (int tries = 0; tries < 64; tries++) {
        fd = (int)syscall(SYS_openat2, g_rootfd, rel, &how, sizeof how);
        if (fd >= 0 || errno != EAGAIN) break;
    }
    return fd;
}

/* Where mount(2) reaches the object an O_PATH descriptor holds (runc's way of mounting onto a
 * target resolved beneath the root). */
static void fd_path(char *out, size_t n, int fd) { snprintf(out, n, "/proc/self/fd/%d", fd); }

/* A mount target inside the container's root, made when the image lacks it, as Docker does (an
 * imported rootfs may have no /etc, /proc, /sys or /dev). Each missing directory is made with
 * mkdirat in its parent as resolved beneath the root, a missing file with O_CREAT|O_NOFOLLOW;
 * the new entries land in the container's writable layer. Returns an O_PATH descriptor. */
static int make_target(const char *rel, int is_dir) {
    int fd = open_in_root(rel, O_PATH);
    if (fd >= 0) return fd;
    if (errno != ENOENT) FAIL("resolve %s in the container's root: %s", rel, isolab_strerror(errno));
    char prefix[4096] = "";
    size_t plen = 0;
    int parent = open_in_root("/", O_PATH | O_DIRECTORY);
    if (parent < 0) FAIL("open the container's root: %s", isolab_strerror(errno));
    const char *p = rel;
    for (;;) {
        while (*p == '/') p++;
        if (!*p) break;
        size_t n = strcspn(p, "/");
        const char *after = p + n;
        while (*after == '/') after++;
        int last = *after == 0;
        char name[256];
        if (n >= sizeof name || plen + 1 + n >= sizeof prefix) FAIL("mount target %s: %s", rel, isolab_strerror(ENAMETOOLONG));
        memcpy(name, p, n); name[n] = 0;
        prefix[plen++] = '/'; memcpy(prefix + plen, p, n); plen += n; prefix[plen] = 0;
        int want_dir = !last || is_dir;
        int next = open_in_root(prefix, O_PATH | (want_dir ? O_DIRECTORY : 0));
        if (next < 0 && errno == ENOENT) {
            if (want_dir) {
                if (mkdirat(parent, name, 0755) != 0 && errno != EEXIST)
                    FAIL("mkdir %s in the container's root: %s", prefix, isolab_strerror(errno));
            } else {
                int f = openat(parent, name, O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
                if (f < 0) FAIL("create %s in the container's root: %s", prefix, isolab_strerror(errno));
                close(f);
            }
            /* Still missing after EEXIST: a dangling symlink, which we do not follow to create. */
            next = open_in_root(prefix, O_PATH | (want_dir ? O_DIRECTORY : 0));
        }
        if (next < 0) FAIL("mount target %s in the container's root: %s", prefix, isolab_strerror(errno));
        close(parent);
        parent = next;
        p = after;
    }
    return parent;
}

/* Mounts onto `rel` inside the root, making it first if missing. */
static void mount_in_root(const char *src, const char *rel, int is_dir, const char *type,
                          unsigned long flags, const char *data) {
    int fd = make_target(rel, is_dir);
    char p[64];
    fd_path(p, sizeof p, fd);
    if (mount(src, p, type, flags, data) != 0)
        FAIL("mount %s on %s (type %s, options %s): %s", src ? src : "none", rel, type ? type : "bind",
             data ? data : "", isolab_strerror(errno));
    close(fd);
}

/* A remount of what is mounted at `rel` now (resolved again, so the new mount is the one changed). */
static void remount_in_root(const char *rel, unsigned long flags) {
    int fd = open_in_root(rel, O_PATH);
    if (fd < 0) FAIL("resolve %s in the container's root: %s", rel, isolab_strerror(errno));
    char p[64];
    fd_path(p, sizeof p, fd);
    if (mount(NULL, p, NULL, MS_REMOUNT | MS_BIND | flags, NULL) != 0)
        FAIL("remount %s read-only: %s", rel, isolab_strerror(errno));
    close(fd);
}

static void make_devices(void) {
    /* The container's /dev is our fresh tmpfs now; its entries are made relative to it. */
    int dev = open_in_root("/dev", O_PATH | O_DIRECTORY);
    if (dev < 0) FAIL("open the container's /dev: %s", isolab_strerror(errno));
    static const struct { const char *name; unsigned maj, min; } devs[] = {
        {"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7},
        {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0},
    };
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) {
        if (mknodat(dev, devs[i].name, S_IFCHR | 0666, makedev(devs[i].maj, devs[i].min)) != 0)
            FAIL("mknod /dev/%s: %s", devs[i].name, isolab_strerror(errno));
        fchmodat(dev, devs[i].name, 0666, 0); /* mknod honours the umask */
    }
    static const struct { const char *link, *target; } links[] = {
        {"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"}, {"stdout", "/proc/self/fd/1"},
        {"stderr", "/proc/self/fd/2"}, {"ptmx", "pts/ptmx"}, {"core", "/proc/kcore"},
    };
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        if (symlinkat(links[i].target, dev, links[i].link) != 0) FAIL("symlink /dev/%s: %s", links[i].link, isolab_strerror(errno));
    }
    close(dev);
}

static void bind_mounts(const struct isolab_spec *s) {
    for (int i = 0; i < s->nbinds; i++) {
        struct stat st;
        if (stat(s->bind_src[i], &st) != 0) FAIL("bind source %s: %s", s->bind_src[i], isolab_strerror(errno));
        mount_in_root(s->bind_src[i], s->bind_dst[i], S_ISDIR(st.st_mode), NULL, MS_BIND | MS_REC, NULL);
        if (strstr(s->bind_opts[i], "ro")) remount_in_root(s->bind_dst[i], MS_RDONLY);
    }
    /* --tmpfs: Docker's defaults (noexec, nosuid, nodev) unless the options say otherwise;
     * flag words become mount flags, the rest (size=, mode=) the tmpfs's own options. */
    for (int i = 0; i < s->ntmpfs; i++) {
        unsigned long flags = MS_NOEXEC | MS_NOSUID | MS_NODEV;
        char data[512] = "", word[256];
        const char *o = s->tmpfs_opts[i];
        while (*o) {
            size_t n = strcspn(o, ",");
            if (n >= sizeof word) FAIL("tmpfs option too long in %s", s->tmpfs_opts[i]);
            memcpy(word, o, n); word[n] = 0;
            o += n + (o[n] == ',');
            if (!strcmp(word, "ro")) flags |= MS_RDONLY;
            else if (!strcmp(word, "rw") || !*word) continue;
            else if (!strcmp(word, "exec")) flags &= ~(unsigned long)MS_NOEXEC;
            else if (!strcmp(word, "noexec")) flags |= MS_NOEXEC;
            else if (!strcmp(word, "suid")) flags &= ~(unsigned long)MS_NOSUID;
            else if (!strcmp(word, "nosuid")) flags |= MS_NOSUID;
            else if (!strcmp(word, "dev")) flags &= ~(unsigned long)MS_NODEV;
            else if (!strcmp(word, "nodev")) flags |= MS_NODEV;
            else {
                size_t used = strlen(data);
                if (used + strlen(word) + 2 > sizeof data) FAIL("tmpfs options too long: %s", s->tmpfs_opts[i]);
                snprintf(data + used, sizeof data - used, "%s%s", used ? "," : "", word);
            }
        }
        mount_in_root("tmpfs", s->tmpfs_dst[i], 1, "tmpfs", flags, data[0] ? data : NULL);
    }
}

static void mask_one(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return;
    if (S_ISDIR(st.st_mode)) do_mount("tmpfs", path, "tmpfs", MS_RDONLY, NULL);
    else do_mount("/dev/null", path, NULL, MS_BIND, NULL);
}

/* Docker's masked and read-only paths (moby daemon/pkg/oci/defaults.go, 2025), applied after
 * pivot_root (absolute paths). /proc/interrupts and the per-CPU thermal_throttle directories
 * joined the list with GHSA-6fw5-f8r9-fgfm; powercap with GHSA-jq35-85cj-fj4p. */
static void mask_paths(void) {
    static const char *masked[] = {"/proc/acpi", "/proc/asound", "/proc/interrupts", "/proc/kcore",
        "/proc/keys", "/proc/latency_stats", "/proc/sched_debug", "/proc/scsi", "/proc/timer_list",
        "/proc/timer_stats", "/sys/devices/virtual/powercap", "/sys/firmware"};
    for (size_t i = 0; i < sizeof masked / sizeof masked[0]; i++) mask_one(masked[i]);
    /* Every cpuN that has one (Docker checks each possible CPU); the container's sysfs lists
     * the host's CPUs. */
    DIR *cpus = opendir("/sys/devices/system/cpu");
    if (cpus) {
        struct dirent *e;
        char p[512];
        while ((e = readdir(cpus)) != NULL) {
            if (strncmp(e->d_name, "cpu", 3) != 0 || e->d_name[3] == 0) continue;
            if (strspn(e->d_name + 3, "0123456789") != strlen(e->d_name + 3)) continue;
            snprintf(p, sizeof p, "/sys/devices/system/cpu/%s/thermal_throttle", e->d_name);
            mask_one(p);
        }
        closedir(cpus);
    }
    static const char *ro[] = {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"};
    for (size_t i = 0; i < sizeof ro / sizeof ro[0]; i++) {
        if (access(ro[i], F_OK) != 0) continue;
        do_mount(ro[i], ro[i], NULL, MS_BIND | MS_REC, NULL);
        do_mount(NULL, ro[i], NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_REC, NULL);
    }
}

/* /sys/fs/cgroup as Docker shows it: the container's own cgroup (the cgroup namespace makes it
 * the root), read-only unless privileged. */
static void mount_cgroupfs(const struct isolab_spec *s) {
    if (s->ncgroupfs == 0) return;
    char sub[512];
    unsigned long ro = s->privileged ? 0 : MS_RDONLY;
    if (s->ncgroupfs == 1 && !strcmp(s->cgroupfs[0], "cgroup2")) {
        mount_in_root("cgroup2", "/sys/fs/cgroup", 1, "cgroup2", MS_NOSUID | MS_NODEV | MS_NOEXEC | ro, NULL);
        return;
    }
    mount_in_root("tmpfs", "/sys/fs/cgroup", 1, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=755");
    for (int i = 0; i < s->ncgroupfs; i++) {
        const char *colon = strchr(s->cgroupfs[i], ':');
        if (!colon || colon == s->cgroupfs[i] || memchr(s->cgroupfs[i], '/', (size_t)(colon - s->cgroupfs[i])))
            FAIL("bad cgroupfs entry %s", s->cgroupfs[i]);
        snprintf(sub, sizeof sub, "/sys/fs/cgroup/%.*s", (int)(colon - s->cgroupfs[i]), s->cgroupfs[i]);
        mount_in_root("cgroup", sub, 1, "cgroup", MS_NOSUID | MS_NODEV | MS_NOEXEC | ro, colon + 1);
    }
    if (ro) remount_in_root("/sys/fs/cgroup", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
}

static void setup_rootfs(const struct isolab_spec *s) {
    const char *root = s->rootfs;
    /* Nothing we mount may propagate back to the host. */
    do_mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
    if (s->nlowers > 0) {
        char opts[8192];
        size_t n = (size_t)snprintf(opts, sizeof opts, "lowerdir=");
        for (int i = 0; i < s->nlowers && n < sizeof opts; i++)
            n += (size_t)snprintf(opts + n, sizeof opts - n, "%s%s", i ? ":" : "", s->lowers[i]);
        if (n < sizeof opts)
            n += (size_t)snprintf(opts + n, sizeof opts - n, ",upperdir=%s,workdir=%s", s->upper, s->work);
        if (n >= sizeof opts) FAIL("overlay options too long (%zu bytes for %d layers)", n, s->nlowers);
        do_mount("overlay", root, "overlay", 0, opts);
    } else {
        do_mount(root, root, NULL, MS_BIND | MS_REC, NULL);
    }
    /* Opened after the overlay is mounted, so it is the overlay's root. */
    g_rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (g_rootfd < 0) FAIL("open the container's root %s: %s", root, isolab_strerror(errno));
    mount_in_root("proc", "/proc", 1, "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL);
    mount_in_root("tmpfs", "/dev", 1, "tmpfs", MS_NOSUID | MS_STRICTATIME, "mode=755,size=65536k");
    /* Below /dev everything is on that fresh tmpfs. */
    mount_in_root("devpts", "/dev/pts", 1, "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5");
    if (s->shm) mount_in_root(s->shm, "/dev/shm", 1, NULL, MS_BIND | MS_REC, NULL);   /* --ipc container:/host */
    else mount_in_root("shm", "/dev/shm", 1, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=65536k");
    mount_in_root("mqueue", "/dev/mqueue", 1, "mqueue", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
    make_devices();
    mount_in_root("sysfs", "/sys", 1, "sysfs", MS_NOSUID | MS_NOEXEC | MS_NODEV | (s->privileged ? 0 : MS_RDONLY), NULL);
    mount_cgroupfs(s);
    bind_mounts(s);
    close(g_rootfd);
    g_rootfd = -1;

    if (chdir(root) != 0) FAIL("chdir %s: %s", root, isolab_strerror(errno));
    /* pivot_root(".", ".") then detaching the old root leaves no path to the host (runc's way). */
    if (syscall(SYS_pivot_root, ".", ".") != 0) FAIL("pivot_root %s: %s", root, isolab_strerror(errno));
    if (umount2(".", MNT_DETACH) != 0) FAIL("detach the old root: %s", isolab_strerror(errno));
    if (chdir("/") != 0) FAIL("chdir /: %s", isolab_strerror(errno));
    if (!s->privileged) mask_paths();
    /* Docker creates the working directory, even in a read-only root. After pivot_root there
     * is no path to the host left, so a plain path is resolved inside the container. */
    if (s->cwd && *s->cwd) mkdir_p(s->cwd, 0755);
    if (s->readonly) do_mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
}

static volatile sig_atomic_t g_main_child = 0;
static void init_forward(int sig) { if (g_main_child > 0) kill(g_main_child, sig); }

/* --init: stay as PID 1, forward signals to the command and reap every orphan, as tini does.
 * Exits with the command's status. */
static void become_init(const struct isolab_spec *s, int err_fd) {
    pid_t child = fork();
    if (child < 0) FAIL("fork for --init: %s", isolab_strerror(errno));
    if (child == 0) { setpgid(0, 0); isolab_reset_signals(); return; }
    close(err_fd);
    close_range(3, ~0U, 0);   /* the init never execs: drop every descriptor of the monitor */
    prctl(PR_SET_NAME, "docker-init");
    if (s->title_area && s->title_len > 1) {
        /* "/sbin/docker-init\0--\0arg\0...", cut to the space there is; the rest zeroed. */
        size_t n = 0, cap = s->title_len;
        const char *parts[ISOLAB_MAX_ITEMS + 2] = {"/sbin/docker-init", "--"};
        int np = 2;
        for (int i = 0; i < s->nargs && np < ISOLAB_MAX_ITEMS + 1; i++) parts[np++] = s->args[i];
        memset(s->title_area, 0, cap);
        for (int i = 0; i < np && n + 1 < cap; i++) {
            size_t l = strlen(parts[i]);
            if (n + l + 1 > cap) l = cap - n - 1;
            memcpy(s->title_area + n, parts[i], l);
            n += l + 1;
        }
    }
    g_main_child = child;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = init_forward;
    int sigs[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
    for (;;) {
        int st = 0;
        pid_t r = waitpid(-1, &st, 0);
        if (r < 0) { if (errno == EINTR) continue; _exit(125); }
        if (r == child) _exit(WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    }
}

_Noreturn void isolab_container_init(const struct isolab_spec *s, const struct isolab_privs *p,
                                     int go_fd, int err_fd) {
    g_errfd = err_fd;
    /* Everything up to the command's own start is prepared before the CLI's word (its `go`), so
     * that it overlaps with the CLI's run state and network set-up, as runc's init prepares
     * before `runc start`: the cgroup, the namespaces, the mounts and pivot_root. Nothing of the
     * container runs yet, and all of it is this process's own (its namespaces die with it); if
     * the CLI gives up, this process is killed before its cgroup is removed. A failure is told
     * after the word, where the CLI reads it (errpipe.c).
     * On v1 the cgroup files are `tasks`: this process has one thread, and the kernel moves a
     * thread that writes "0" there without the threadgroup lock, whose first writer waits for an
     * RCU grace period (7-17 ms here) while holding cgroup_mutex. */
    isolab_child_fail_after_word(go_fd);
    for (int i = 0; i < s->ncgroups && !s->cgroup_joined; i++) {   /* clone3 may have made us in it */
        int fd = open(s->cgroup_join[i], O_WRONLY | O_CLOEXEC);
        if (fd < 0 || isolab_write_all(fd, "0", 1) != 0) FAIL("join cgroup %s: %s", s->cgroup_join[i], isolab_strerror(errno));
        close(fd);
    }
    isolab_trace("init", "cgroup joined");

    join_ns(s->join_ipc_ns, CLONE_NEWIPC, "ipc");
    join_ns(s->join_uts_ns, CLONE_NEWUTS, "uts");
    join_ns(s->join_net_ns, CLONE_NEWNET, "net");

    if (s->new_ns & CLONE_NEWNET) loopback_up();

    /* The cgroup (joined above) becomes the cgroup root. */
    if ((s->new_ns & CLONE_NEWCGROUP) && unshare(CLONE_NEWCGROUP) != 0) FAIL("unshare cgroup namespace: %s", isolab_strerror(errno));

    if ((s->new_ns & CLONE_NEWUTS) && s->hostname && sethostname(s->hostname, strlen(s->hostname)) != 0)
        FAIL("sethostname %s: %s", s->hostname, isolab_strerror(errno));

    isolab_trace("init", "namespaces joined, lo up");
    umask(0022);
    if (s->rootfs) setup_rootfs(s);
    isolab_trace("init", "mounts, pivot_root");

    char b;
    ssize_t n;
    do { n = read(go_fd, &b, 1); } while (n < 0 && errno == EINTR);
    if (n != 1) _exit(125); /* the CLI gave up before starting us: leave quietly */
    close(go_fd);
    isolab_child_fail_after_word(-1);
    isolab_trace("init", "go received");

    if (s->cwd && *s->cwd && chdir(s->cwd) != 0) FAIL("chdir to cwd (\"%s\") set in config.json failed: %s", s->cwd, isolab_strerror(errno));
    if (s->tty && s->console_fd >= 0) {
        isolab_tty_attach(s->console_fd, err_fd);   /* its own session, the pty as stdio */
    } else {
        /* The monitor's pipes: it logs what comes out, and holds stdin open for -di. */
        for (int fd = 0; fd < 3; fd++)
            if (s->stdio_fd[fd] >= 0 && isolab_dup_stdio(s->stdio_fd[fd], fd) < 0) FAIL("dup2 stdio: %s", isolab_strerror(errno));
    }
    if (!s->tty && !s->keep_stdin && !s->detach) {
        /* Without -i the command reads nothing, as with Docker: not the rest of a caller's script. */
        int dn = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (dn < 0 || isolab_dup_stdio(dn, 0) < 0) FAIL("open /dev/null for stdin: %s", isolab_strerror(errno));
        if (dn > 0) close(dn);
    }
    if (s->detach && !s->tty && setsid() < 0) FAIL("setsid: %s", isolab_strerror(errno));
    /* Only stdio (and the error pipe, until exec) reach the container's command. */
    close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    isolab_reset_signals();
    isolab_apply_privs(s, p, err_fd);
    isolab_trace("init", "privileges; execve next");
    if (s->init) become_init(s, err_fd);
    isolab_exec_command(s, err_fd);
}
