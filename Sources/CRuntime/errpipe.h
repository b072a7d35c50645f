#pragma once
/* errpipe.c: a child's error report to its parent. Not part of the public header. */
#include <stddef.h>

/* Child side: report "code\tmessage" on fd and _exit(code). */
_Noreturn void isolab_child_fail(int fd, int code, const char *fmt, ...);

/* A child that prepares before its parent's word (the container's init sets up its namespaces and
 * mounts while the CLI sets up the network) tells a failure only once the word came on `fd`: the
 * parent reads errors after it, and one that gave up meanwhile (the word never comes) hears
 * nothing. -1: tell at once (the default). */
void isolab_child_fail_after_word(int fd);
/* For one process that does not fork before the word (the container's init): the setting is
 * process-wide, and it must be reset (-1) once the word came. */

/* Reads a child's error report ("code\tmessage") until the pipe closes: at execve (CLOEXEC)
 * or at exit. NUL-terminates; returns its length, 0 when the child exec'd without a word. */
size_t isolab_read_error(int fd, char *buf, size_t len);

/* write(2) all of buf, retrying on EINTR. */
int isolab_write_all(int fd, const void *buf, size_t len);
