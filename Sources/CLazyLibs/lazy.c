/* The loader behind the forwarding functions of lazy_archive.c and lazy_cmark.c. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include "isolab_lazy.h"

void *isolab_lazy_symbol(void *volatile *handle, const char *const *sonames, const char *symbol) {
    void *h = __atomic_load_n(handle, __ATOMIC_ACQUIRE);
    if (!h) {
        /* dlopen is thread-safe and returns the same handle when two threads race here. */
        for (const char *const *n = sonames; *n && !h; n++) h = dlopen(*n, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            fprintf(stderr, "isolab: cannot load %s, which this command needs: %s\n", sonames[0], dlerror());
            exit(125);
        }
        __atomic_store_n(handle, h, __ATOMIC_RELEASE);
    }
    void *f = dlsym(h, symbol);
    if (!f) {
        fprintf(stderr, "isolab: %s has no %s: %s\n", sonames[0], symbol, dlerror());
        exit(125);
    }
    return f;
}
