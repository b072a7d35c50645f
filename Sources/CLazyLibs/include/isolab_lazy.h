#pragma once
/*
 * libarchive and libcmark, loaded on first use. isolab's commands that need them (save, load,
 * import, export, commit and the image builders for libarchive; the lab commands for cmark)
 * are few, but a library linked in the usual way is mapped and relocated by the dynamic loader
 * at every start, with what it needs in turn (libarchive brings libxml2, ICU's data, nettle,
 * lzma, zstd, lz4, bz2, acl: about 1.2 ms of CPU per start). This target defines the functions
 * isolab calls, each forwarding to the real one found with dlopen/dlsym the first time, so
 * Swift imports CArchive and CCmark as before and no NEEDED entry names either library.
 */

/* The handle of a library loaded on first use; exits with status 125 and a message naming the
 * library when it cannot be loaded (it is a package isolab's setup installs). */
void *isolab_lazy_symbol(void *volatile *handle, const char *const *sonames, const char *symbol);
