/* `docker attach`: a detached container's monitor listens on a unix socket in the container's
 * run-time directory (root only, 0600). Every client gets the container's output as frames
 * (1 byte stream: 1 stdout, 2 stderr; 4 bytes big-endian length; the bytes) and what it sends
 * goes to the container's stdin (the pipe the monitor holds for -di, or the terminal for -t).
 * A client that does not keep up is dropped rather than stall the container. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "internal.h"

int isolab_attach_listen(const char *path) {
    /* The run directory's path may be longer than sun_path: bind through /proc/self/fd. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) return -1;
    *slash = 0;
    int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) return -1;
    struct sockaddr_un sa = {0};
    sa.sun_family = AF_UNIX;
    snprintf(sa.sun_path, sizeof sa.sun_path, "/proc/self/fd/%d/%s", dfd, slash + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd >= 0) {
        unlink(sa.sun_path);
        mode_t old = umask(0077);
        int ok = bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 && listen(fd, 8) == 0;
        umask(old);
        if (!ok) { close(fd); fd = -1; }
    }
    close(dfd);
    return fd;
}

void isolab_attach_init(struct isolab_attach *a, int listen_fd) {
    a->listen_fd = listen_fd;
    a->n = 0;
}

int isolab_attach_pollfds(const struct isolab_attach *a, struct pollfd *p) {
    int k = 0;
    if (!a || a->listen_fd < 0) return 0;
    p[k++] = (struct pollfd){a->listen_fd, POLLIN, 0};
    for (int i = 0; i < a->n; i++) p[k++] = (struct pollfd){a->clients[i], POLLIN, 0};
    return k;
}

static void drop(struct isolab_attach *a, int i) {
    close(a->clients[i]);
    a->clients[i] = a->clients[--a->n];
}

void isolab_attach_handle(struct isolab_attach *a, const struct pollfd *p, int count, int input_fd) {
    if (!a || a->listen_fd < 0 || count == 0) return;
    /* Clients first (their indexes match p[1..]), last to first so that drops keep them valid. */
    for (int i = count - 2; i >= 0; i--) {
        if (i >= a->n || !(p[i + 1].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char buf[4096];
        ssize_t r = read(a->clients[i], buf, sizeof buf);
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (r <= 0) { drop(a, i); continue; }
        if (input_fd >= 0) isolab_write_all(input_fd, buf, (size_t)r);
    }
    if (p[0].revents & POLLIN) {
        int c = accept4(a->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (c >= 0) {
            if (a->n < (int)(sizeof a->clients / sizeof a->clients[0])) a->clients[a->n++] = c;
            else close(c);
        }
    }
}

void isolab_attach_broadcast(struct isolab_attach *a, int stream, const char *buf, size_t n) {
    if (!a) return;
    unsigned char head[5] = {(unsigned char)stream, (unsigned char)(n >> 24), (unsigned char)(n >> 16),
                             (unsigned char)(n >> 8), (unsigned char)n};
    for (int i = a->n - 1; i >= 0; i--) {
        struct iovec v[2] = {{head, 5}, {(void *)buf, n}};
        ssize_t w = writev(a->clients[i], v, 2);
        if (w != (ssize_t)(n + 5)) drop(a, i);   /* gone, or not keeping up */
    }
}

void isolab_attach_close(struct isolab_attach *a) {
    if (!a) return;
    for (int i = 0; i < a->n; i++) close(a->clients[i]);
    a->n = 0;
    if (a->listen_fd >= 0) close(a->listen_fd);
    a->listen_fd = -1;
}
