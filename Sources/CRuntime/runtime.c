/* CRuntime: see include/isolab_runtime.h. The code is split by concern:
 * spec.c (the spec buffer), privs.c (capabilities, uid/gid, exec), child.c (container init),
 * exec.c (joining a container, spawning), monitor.c (the per-container monitor). */
