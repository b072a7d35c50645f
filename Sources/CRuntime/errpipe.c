/* The error pipe between a forked child and its parent: the child writes "code\tmessage" and
 * exits; the parent reads until the pipe closes (at execve, CLOEXEC, or at exit). Used by
 * child.c, exec.c, privs.c, seccomp.c and the monitor; it depends on nothing else here. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "errpipe.h"

int isolab_write_all(int fd, const void *buf, size_t len) {
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) { if (errno == EINTR) continue; return -1; }
        p += n; len -= (size_t)n;
    }
    return 0;
}

size_t isolab_read_error(int fd, char *buf, size_t len) {
    size_t got = 0;
    while (got < len - 1) {
        ssize_t n = read(fd, buf + got, len - 1 - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    buf[got] = 0;
    return got;
}

static int g_word_fd = -1;

void isolab_child_fail_after_word(int fd) { g_word_fd = fd; }

_Noreturn void isolab_child_fail(int fd, int code, const char *fmt, ...) {
    if (g_word_fd >= 0) {
        char b;
        ssize_t n;
        do { n = read(g_word_fd, &b, 1); } while (n < 0 && errno == EINTR);
        if (n != 1) _exit(code);   /* the parent gave up: nobody to tell */
    }
    char msg[1024];
    int n = snprintf(msg, sizeof msg, "%d\t", code);
    va_list ap; va_start(ap, fmt);
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    if (fd >= 0) isolab_write_all(fd, msg, strlen(msg));
    _exit(code);
}
