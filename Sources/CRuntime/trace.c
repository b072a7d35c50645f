/* ISOLAB_TRACE=1: the monitor's and the container init's phases, one line each on stderr, on
 * the same clock as the client's trace (Trace.swift): `+` since this process's previous mark,
 * `@` since the client started its work. Only write(2) and clock_gettime, so it is safe in the
 * cloned child up to execve. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

static int g_on = 0;
static unsigned long long g_origin = 0, g_last = 0;

static unsigned long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ULL + (unsigned long long)ts.tv_nsec;
}

void isolab_trace_init(int enabled_here) {
    const char *v = getenv("ISOLAB_TRACE");
    g_on = enabled_here && v && !strcmp(v, "1");
    if (!g_on) return;
    g_last = now_ns();
    const char *t0 = getenv("ISOLAB_TRACE_T0");
    char *end = NULL;
    unsigned long long t = t0 ? strtoull(t0, &end, 10) : 0;
    g_origin = (t0 && end && *end == 0 && t > 0 && t <= g_last) ? t : g_last;
}

void isolab_trace(const char *who, const char *phase) {
    if (!g_on) return;
    unsigned long long now = now_ns();
    char line[160];
    int n = snprintf(line, sizeof line, "isolab trace: %-7s %-28s %+8.3f ms  @%.3f ms\n", who, phase,
                     (double)(now - g_last) / 1e6, (double)(now - g_origin) / 1e6);
    g_last = now;
    if (n > 0) isolab_write_all(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}
