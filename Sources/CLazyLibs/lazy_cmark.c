/* libcmark's functions isolab calls, each forwarding to libcmark loaded on first use (see
 * isolab_lazy.h). The header's own declarations are included, so a definition here that does
 * not match cmark's prototype does not compile. A new call into cmark needs
 * its definition here (the link fails until it has one). */
#include <cmark.h>
#include "isolab_lazy.h"

static void *volatile g_cmark;
/* libcmark's soname carries its whole version (Debian's libcmark0.30.2): the one whose header
 * this was compiled against. */
static const char *const g_sonames[] = {"libcmark.so." CMARK_VERSION_STRING, NULL};
/* Each function's address, looked up once (dlsym is a hash lookup; some of these run per block). */
#define LAZY(sym) ({ \
    static void *volatile fn_; \
    void *p_ = __atomic_load_n(&fn_, __ATOMIC_ACQUIRE); \
    if (!p_) { p_ = isolab_lazy_symbol(&g_cmark, g_sonames, sym); __atomic_store_n(&fn_, p_, __ATOMIC_RELEASE); } \
    p_; })

cmark_iter * cmark_iter_new(cmark_node *a) {
    return ((cmark_iter * (*)(cmark_node *a))LAZY("cmark_iter_new"))(a);
}

void cmark_iter_free(cmark_iter *a) {
    ((void (*)(cmark_iter *a))LAZY("cmark_iter_free"))(a);
}

cmark_event_type cmark_iter_next(cmark_iter *a) {
    return ((cmark_event_type (*)(cmark_iter *a))LAZY("cmark_iter_next"))(a);
}

cmark_node * cmark_iter_get_node(cmark_iter *a) {
    return ((cmark_node * (*)(cmark_iter *a))LAZY("cmark_iter_get_node"))(a);
}

void cmark_iter_reset(cmark_iter *a, cmark_node *b, cmark_event_type c) {
    ((void (*)(cmark_iter *a, cmark_node *b, cmark_event_type c))LAZY("cmark_iter_reset"))(a, b, c);
}

int cmark_node_append_child(cmark_node *a, cmark_node *b) {
    return ((int (*)(cmark_node *a, cmark_node *b))LAZY("cmark_node_append_child"))(a, b);
}

void cmark_node_free(cmark_node *a) {
    ((void (*)(cmark_node *a))LAZY("cmark_node_free"))(a);
}

int cmark_node_get_end_line(cmark_node *a) {
    return ((int (*)(cmark_node *a))LAZY("cmark_node_get_end_line"))(a);
}

const char * cmark_node_get_fence_info(cmark_node *a) {
    return ((const char * (*)(cmark_node *a))LAZY("cmark_node_get_fence_info"))(a);
}

const char * cmark_node_get_literal(cmark_node *a) {
    return ((const char * (*)(cmark_node *a))LAZY("cmark_node_get_literal"))(a);
}

int cmark_node_get_start_column(cmark_node *a) {
    return ((int (*)(cmark_node *a))LAZY("cmark_node_get_start_column"))(a);
}

int cmark_node_get_start_line(cmark_node *a) {
    return ((int (*)(cmark_node *a))LAZY("cmark_node_get_start_line"))(a);
}

cmark_node_type cmark_node_get_type(cmark_node *a) {
    return ((cmark_node_type (*)(cmark_node *a))LAZY("cmark_node_get_type"))(a);
}

const char * cmark_node_get_url(cmark_node *a) {
    return ((const char * (*)(cmark_node *a))LAZY("cmark_node_get_url"))(a);
}

cmark_node * cmark_node_new(cmark_node_type a) {
    return ((cmark_node * (*)(cmark_node_type a))LAZY("cmark_node_new"))(a);
}

cmark_node * cmark_node_parent(cmark_node *a) {
    return ((cmark_node * (*)(cmark_node *a))LAZY("cmark_node_parent"))(a);
}

int cmark_node_replace(cmark_node *a, cmark_node *b) {
    return ((int (*)(cmark_node *a, cmark_node *b))LAZY("cmark_node_replace"))(a, b);
}

int cmark_node_set_literal(cmark_node *a, const char *b) {
    return ((int (*)(cmark_node *a, const char *b))LAZY("cmark_node_set_literal"))(a, b);
}

cmark_node * cmark_parse_document(const char *a, size_t b, int c) {
    return ((cmark_node * (*)(const char *a, size_t b, int c))LAZY("cmark_parse_document"))(a, b, c);
}

char * cmark_render_html(cmark_node *a, int b) {
    return ((char * (*)(cmark_node *a, int b))LAZY("cmark_render_html"))(a, b);
}

int cmark_node_get_heading_level(cmark_node *a) {
    return ((int (*)(cmark_node *a))LAZY("cmark_node_get_heading_level"))(a);
}

cmark_list_type cmark_node_get_list_type(cmark_node *a) {
    return ((cmark_list_type (*)(cmark_node *a))LAZY("cmark_node_get_list_type"))(a);
}

int cmark_node_get_list_start(cmark_node *a) {
    return ((int (*)(cmark_node *a))LAZY("cmark_node_get_list_start"))(a);
}

int cmark_node_get_list_tight(cmark_node *a) {
    return ((int (*)(cmark_node *a))LAZY("cmark_node_get_list_tight"))(a);
}
