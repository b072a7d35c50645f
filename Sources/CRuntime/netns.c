#define _GNU_SOURCE
#include "isolab_netns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int isolab_netns_socket(int pid, int protocol) {
    char path[64];
    int own, target, sock, saved;

    if (pid <= 0) return -EINVAL;
    // thread-self, not self: setns(CLONE_NEWNET) moves only the calling thread, so the way back
    // must be this thread's namespace, which may differ from the main thread's.
    own = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (own < 0) return -errno;
    snprintf(path, sizeof path, "/proc/%d/ns/net", pid);
    target = open(path, O_RDONLY | O_CLOEXEC);
    if (target < 0) {
        saved = errno;
        close(own);
        return -saved;
    }
    if (setns(target, CLONE_NEWNET) < 0) {
        saved = errno;
        close(target);
        close(own);
        return -saved;
    }
    sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
    saved = sock < 0 ? errno : 0;
    if (setns(own, CLONE_NEWNET) < 0) {
        // This thread would go on in the container's namespace and later "host" operations would
        // silently act on the container: stopping is the only safe answer.
        fprintf(stderr, "isolab: setns back to own network namespace failed (errno %d)\n", errno);
        abort();
    }
    close(target);
    close(own);
    return sock < 0 ? -saved : sock;
}
