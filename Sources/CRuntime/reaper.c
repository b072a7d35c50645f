/* `docker rm -f` of a detached container: rm removes everything itself once the exit is
 * recorded, so the monitor's exit command (a second isolab process doing the same work first,
 * 10-90 ms on a loaded machine) is not needed while rm lives.
 *
 * Before it kills the init, rm writes REAPER ("PID STARTTIME", its own). Once the exit is
 * recorded, the monitor takes that claim by renaming the file to REAPER.seen (rm waits for that
 * name, or for the monitor to be gone) and waits until the container is removed (its exit record
 * gone) or rm ended (a pidfd; rm may be a long-lived process, a lab run removing its namespace).
 * If rm died, or has not removed the container within 10 s, the exit command runs as before. A
 * claim the monitor cannot verify (no such process, another start time) is ignored. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "internal.h"

/* Field 22 of /proc/PID/stat (start time in clock ticks); 0 if unreadable. */
static unsigned long long start_time(pid_t pid) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p) return 0;
    /* After "comm)": the state is field 3, so field 22 is the 20th from here. */
    for (int field = 2; field < 22 && p; field++) p = strchr(p + 1, ' ');
    unsigned long long t = 0;
    return p && sscanf(p + 1, "%llu", &t) == 1 ? t : 0;
}

int isolab_reaper_cleaned_up(const char *reaper, const char *exit_file) {
    if (!reaper || !exit_file) return 0;
    int fd = open(reaper, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return 0;
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = 0;
    long long pid = 0;
    unsigned long long start = 0;
    if (sscanf(buf, "%lld %llu", &pid, &start) != 2 || pid <= 1 || pid > INT_MAX || start == 0) return 0;
    int pfd = (int)syscall(SYS_pidfd_open, (pid_t)pid, 0);
    if (pfd < 0) return 0;
    char seen[4096];
    if ((size_t)snprintf(seen, sizeof seen, "%s.seen", reaper) >= sizeof seen ||
        start_time((pid_t)pid) != start || rename(reaper, seen) != 0) {
        close(pfd);
        return 0;
    }
    struct pollfd p = {.fd = pfd, .events = POLLIN};
    for (int waited = 0; waited < 10000 && access(exit_file, F_OK) == 0; waited += 5) {
        int r = poll(&p, 1, 5);
        if (r > 0) break;                          /* rm ended */
        if (r < 0 && errno != EINTR) break;
    }
    close(pfd);
    return access(exit_file, F_OK) != 0;
}
