/* libarchive's functions isolab calls, each forwarding to libarchive loaded on first use (see
 * isolab_lazy.h). The header's own declarations are included, so a definition here that does
 * not match libarchive's prototype does not compile. A new call into
 * libarchive needs its definition here (the link fails until it has one). */
#include <archive.h>
#include <archive_entry.h>
#include "isolab_lazy.h"

static void *volatile g_archive;
/* The soname of libarchive 3.x (Debian's libarchive13). */
static const char *const g_sonames[] = {"libarchive.so.13", NULL};
/* Each function's address, looked up once (dlsym is a hash lookup; some of these run per block). */
#define LAZY(sym) ({ \
    static void *volatile fn_; \
    void *p_ = __atomic_load_n(&fn_, __ATOMIC_ACQUIRE); \
    if (!p_) { p_ = isolab_lazy_symbol(&g_archive, g_sonames, sym); __atomic_store_n(&fn_, p_, __ATOMIC_RELEASE); } \
    p_; })

void archive_entry_copy_hardlink(struct archive_entry *a, const char *b) {
    ((void (*)(struct archive_entry *a, const char *b))LAZY("archive_entry_copy_hardlink"))(a, b);
}

void archive_entry_copy_pathname(struct archive_entry *a, const char *b) {
    ((void (*)(struct archive_entry *a, const char *b))LAZY("archive_entry_copy_pathname"))(a, b);
}

void archive_entry_copy_symlink(struct archive_entry *a, const char *b) {
    ((void (*)(struct archive_entry *a, const char *b))LAZY("archive_entry_copy_symlink"))(a, b);
}

__LA_MODE_T archive_entry_filetype(struct archive_entry *a) {
    return ((__LA_MODE_T (*)(struct archive_entry *a))LAZY("archive_entry_filetype"))(a);
}

void archive_entry_free(struct archive_entry *a) {
    ((void (*)(struct archive_entry *a))LAZY("archive_entry_free"))(a);
}

la_int64_t archive_entry_gid(struct archive_entry *a) {
    return ((la_int64_t (*)(struct archive_entry *a))LAZY("archive_entry_gid"))(a);
}

const char * archive_entry_hardlink(struct archive_entry *a) {
    return ((const char * (*)(struct archive_entry *a))LAZY("archive_entry_hardlink"))(a);
}

time_t archive_entry_mtime(struct archive_entry *a) {
    return ((time_t (*)(struct archive_entry *a))LAZY("archive_entry_mtime"))(a);
}

long archive_entry_mtime_nsec(struct archive_entry *a) {
    return ((long (*)(struct archive_entry *a))LAZY("archive_entry_mtime_nsec"))(a);
}

struct archive_entry * archive_entry_new(void) {
    return ((struct archive_entry * (*)(void))LAZY("archive_entry_new"))();
}

const char * archive_entry_pathname(struct archive_entry *a) {
    return ((const char * (*)(struct archive_entry *a))LAZY("archive_entry_pathname"))(a);
}

__LA_MODE_T archive_entry_perm(struct archive_entry *a) {
    return ((__LA_MODE_T (*)(struct archive_entry *a))LAZY("archive_entry_perm"))(a);
}

dev_t archive_entry_rdevmajor(struct archive_entry *a) {
    return ((dev_t (*)(struct archive_entry *a))LAZY("archive_entry_rdevmajor"))(a);
}

dev_t archive_entry_rdevminor(struct archive_entry *a) {
    return ((dev_t (*)(struct archive_entry *a))LAZY("archive_entry_rdevminor"))(a);
}

void archive_entry_set_filetype(struct archive_entry *a, unsigned int b) {
    ((void (*)(struct archive_entry *a, unsigned int b))LAZY("archive_entry_set_filetype"))(a, b);
}

void archive_entry_set_gid(struct archive_entry *a, la_int64_t b) {
    ((void (*)(struct archive_entry *a, la_int64_t b))LAZY("archive_entry_set_gid"))(a, b);
}

void archive_entry_set_mtime(struct archive_entry *a, time_t b, long c) {
    ((void (*)(struct archive_entry *a, time_t b, long c))LAZY("archive_entry_set_mtime"))(a, b, c);
}

void archive_entry_set_perm(struct archive_entry *a, __LA_MODE_T b) {
    ((void (*)(struct archive_entry *a, __LA_MODE_T b))LAZY("archive_entry_set_perm"))(a, b);
}

void archive_entry_set_rdevmajor(struct archive_entry *a, dev_t b) {
    ((void (*)(struct archive_entry *a, dev_t b))LAZY("archive_entry_set_rdevmajor"))(a, b);
}

void archive_entry_set_rdevminor(struct archive_entry *a, dev_t b) {
    ((void (*)(struct archive_entry *a, dev_t b))LAZY("archive_entry_set_rdevminor"))(a, b);
}

void archive_entry_set_size(struct archive_entry *a, la_int64_t b) {
    ((void (*)(struct archive_entry *a, la_int64_t b))LAZY("archive_entry_set_size"))(a, b);
}

void archive_entry_set_uid(struct archive_entry *a, la_int64_t b) {
    ((void (*)(struct archive_entry *a, la_int64_t b))LAZY("archive_entry_set_uid"))(a, b);
}

la_int64_t archive_entry_size(struct archive_entry *a) {
    return ((la_int64_t (*)(struct archive_entry *a))LAZY("archive_entry_size"))(a);
}

const char * archive_entry_symlink(struct archive_entry *a) {
    return ((const char * (*)(struct archive_entry *a))LAZY("archive_entry_symlink"))(a);
}

la_int64_t archive_entry_uid(struct archive_entry *a) {
    return ((la_int64_t (*)(struct archive_entry *a))LAZY("archive_entry_uid"))(a);
}

void archive_entry_xattr_add_entry(struct archive_entry *a, const char *b, const void *c, size_t d) {
    ((void (*)(struct archive_entry *a, const char *b, const void *c, size_t d))LAZY("archive_entry_xattr_add_entry"))(a, b, c, d);
}

int archive_entry_xattr_next(struct archive_entry *a, const char **b, const void **c, size_t *d) {
    return ((int (*)(struct archive_entry *a, const char **b, const void **c, size_t *d))LAZY("archive_entry_xattr_next"))(a, b, c, d);
}

int archive_entry_xattr_reset(struct archive_entry *a) {
    return ((int (*)(struct archive_entry *a))LAZY("archive_entry_xattr_reset"))(a);
}

const char * archive_error_string(struct archive *a) {
    return ((const char * (*)(struct archive *a))LAZY("archive_error_string"))(a);
}

la_ssize_t archive_read_data(struct archive *a, void *b, size_t c) {
    return ((la_ssize_t (*)(struct archive *a, void *b, size_t c))LAZY("archive_read_data"))(a, b, c);
}

int archive_read_data_block(struct archive *a, const void **b, size_t *c, la_int64_t *d) {
    return ((int (*)(struct archive *a, const void **b, size_t *c, la_int64_t *d))LAZY("archive_read_data_block"))(a, b, c, d);
}

int archive_read_data_skip(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_read_data_skip"))(a);
}

int archive_read_free(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_read_free"))(a);
}

struct archive * archive_read_new(void) {
    return ((struct archive * (*)(void))LAZY("archive_read_new"))();
}

int archive_read_next_header(struct archive *a, struct archive_entry **b) {
    return ((int (*)(struct archive *a, struct archive_entry **b))LAZY("archive_read_next_header"))(a, b);
}

int archive_read_open_fd(struct archive *a, int b, size_t c) {
    return ((int (*)(struct archive *a, int b, size_t c))LAZY("archive_read_open_fd"))(a, b, c);
}

int archive_read_open_filename(struct archive *a, const char *b, size_t c) {
    return ((int (*)(struct archive *a, const char *b, size_t c))LAZY("archive_read_open_filename"))(a, b, c);
}

int archive_read_support_filter_all(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_read_support_filter_all"))(a);
}

int archive_read_support_format_raw(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_read_support_format_raw"))(a);
}

int archive_read_support_format_tar(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_read_support_format_tar"))(a);
}

int archive_write_add_filter_gzip(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_write_add_filter_gzip"))(a);
}

int archive_write_close(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_write_close"))(a);
}

la_ssize_t archive_write_data(struct archive *a, const void *b, size_t c) {
    return ((la_ssize_t (*)(struct archive *a, const void *b, size_t c))LAZY("archive_write_data"))(a, b, c);
}

int archive_write_free(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_write_free"))(a);
}

int archive_write_header(struct archive *a, struct archive_entry *b) {
    return ((int (*)(struct archive *a, struct archive_entry *b))LAZY("archive_write_header"))(a, b);
}

struct archive * archive_write_new(void) {
    return ((struct archive * (*)(void))LAZY("archive_write_new"))();
}

int archive_write_open(struct archive *a, void *b, archive_open_callback *c, archive_write_callback *d, archive_close_callback *e) {
    return ((int (*)(struct archive *a, void *b, archive_open_callback *c, archive_write_callback *d, archive_close_callback *e))LAZY("archive_write_open"))(a, b, c, d, e);
}

int archive_write_set_bytes_in_last_block(struct archive *a, int b) {
    return ((int (*)(struct archive *a, int b))LAZY("archive_write_set_bytes_in_last_block"))(a, b);
}

int archive_write_set_format_pax_restricted(struct archive *a) {
    return ((int (*)(struct archive *a))LAZY("archive_write_set_format_pax_restricted"))(a);
}
