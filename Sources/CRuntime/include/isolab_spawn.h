#ifndef ISOLAB_SPAWN_H
#define ISOLAB_SPAWN_H
/* What ChildProcess needs from glibc that Swift's Glibc module leaves out without _GNU_SOURCE:
 * a spawned child's working directory (glibc 2.29), closing every descriptor from a number up
 * in the child (2.34), and a pipe made close-on-exec in one step. */
#include <spawn.h>

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions, const char *__restrict path);
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
int pipe2(int fds[2], int flags);

static inline int isolab_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}
static inline int isolab_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}
static inline int isolab_pipe_cloexec(int fds[2]) { return pipe2(fds, 02000000 /* O_CLOEXEC */); }

#endif
