/* -t: a pseudo-terminal inside the container's own devpts (so `tty` names /dev/pts/0 there),
 * its master passed out over a socket (SCM_RIGHTS), and a relay between the client's terminal
 * and that master. Everything here is async-signal-safe: the exec path runs it after fork. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "internal.h"

void isolab_tty_attach(int sock, int errfd) {
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0) isolab_child_fail(errfd, 125, "open /dev/ptmx for -t: %s", isolab_strerror(errno));
    if (unlockpt(m) != 0) isolab_child_fail(errfd, 125, "unlockpt: %s", isolab_strerror(errno));
    char name[64];
    if (ptsname_r(m, name, sizeof name) != 0) isolab_child_fail(errfd, 125, "ptsname: %s", isolab_strerror(errno));
    int sl = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (sl < 0) isolab_child_fail(errfd, 125, "open %s: %s", name, isolab_strerror(errno));

    char byte = 't';
    struct iovec iov = {&byte, 1};
    char ctl[CMSG_SPACE(sizeof(int))];
    memset(ctl, 0, sizeof ctl);
    struct msghdr msg = {0};
    msg.msg_iov = &iov; msg.msg_iovlen = 1;
    msg.msg_control = ctl; msg.msg_controllen = sizeof ctl;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET; c->cmsg_type = SCM_RIGHTS; c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &m, sizeof(int));
    if (sendmsg(sock, &msg, MSG_NOSIGNAL) != 1) isolab_child_fail(errfd, 125, "pass the terminal out: %s", isolab_strerror(errno));
    close(m);
    close(sock);

    if (setsid() < 0 && errno != EPERM) isolab_child_fail(errfd, 125, "setsid: %s", isolab_strerror(errno));
    if (ioctl(sl, TIOCSCTTY, 0) != 0) isolab_child_fail(errfd, 125, "make %s the controlling terminal: %s", name, isolab_strerror(errno));
    for (int fd = 0; fd < 3; fd++)
        if (isolab_dup_stdio(sl, fd) < 0) isolab_child_fail(errfd, 125, "dup2 terminal: %s", isolab_strerror(errno));
    if (sl > 2) close(sl);
}

int isolab_tty_receive(int sock) {
    char byte;
    struct iovec iov = {&byte, 1};
    char ctl[CMSG_SPACE(sizeof(int))];
    struct msghdr msg = {0};
    msg.msg_iov = &iov; msg.msg_iovlen = 1;
    msg.msg_control = ctl; msg.msg_controllen = sizeof ctl;
    ssize_t n;
    do { n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC); } while (n < 0 && errno == EINTR);
    if (n != 1) return -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    if (!c || c->cmsg_type != SCM_RIGHTS) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof(int));
    return fd;
}

static volatile sig_atomic_t g_winch = 0;
static void on_winch(int sig) { (void)sig; g_winch = 1; }

static void copy_size(int from, int to) {
    struct winsize ws;
    if (ioctl(from, TIOCGWINSZ, &ws) == 0) ioctl(to, TIOCSWINSZ, &ws);
}

/* Writes all of buf; gives up quietly when the other side is gone. */
static int put(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) { if (errno == EINTR) continue; return -1; }
        buf += w; len -= (size_t)w;
    }
    return 0;
}

int isolab_tty_relay(int master, int in_fd, int out_fd, pid_t child, struct isolab_log *log, struct isolab_attach *att) {
    struct termios saved;
    int raw = in_fd >= 0 && isatty(in_fd) && tcgetattr(in_fd, &saved) == 0;
    if (raw) {
        struct termios t = saved;
        cfmakeraw(&t);
        tcsetattr(in_fd, TCSANOW, &t);
        copy_size(in_fd, master);
    } else if (out_fd >= 0 && isatty(out_fd)) {
        copy_size(out_fd, master);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_winch;
    sigaction(SIGWINCH, &sa, NULL);

    char buf[8192];
    int in_open = in_fd >= 0;
    for (;;) {
        if (g_winch) { g_winch = 0; if (raw) copy_size(in_fd, master); }
        struct pollfd p[12] = {{master, POLLIN, 0}, {in_open ? in_fd : -1, POLLIN, 0}};
        int natt = isolab_attach_pollfds(att, p + 2);
        int r = poll(p, (nfds_t)(2 + natt), -1);
        if (r < 0) { if (errno == EINTR) continue; break; }
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(master, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;   /* EIO: every holder of the terminal's other side is gone */
            if (out_fd >= 0 && put(out_fd, buf, (size_t)n) != 0) out_fd = -1;   /* client gone: keep logging */
            isolab_log_write(log, 0, buf, (size_t)n);
            isolab_attach_broadcast(att, 1, buf, (size_t)n);
        }
        isolab_attach_handle(att, p + 2, natt, master);
        if (in_open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = read(in_fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                in_open = 0;
                /* End of input: the terminal's end-of-file character, as typing ^D would. */
                char eof = 4;
                put(master, &eof, 1);
            } else put(master, buf, (size_t)n);
        }
    }
    if (raw) tcsetattr(in_fd, TCSANOW, &saved);
    isolab_log_flush(log, 0);
    close(master);
    int st = 0;
    pid_t w;
    do { w = waitpid(child, &st, 0); } while (w < 0 && errno == EINTR);
    if (w < 0) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
