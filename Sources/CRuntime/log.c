/* The container's log, in the shape of Docker's json-file driver: one JSON object a line,
 * {"log":"...","stream":"stdout|stderr","time":"RFC 3339 with nanoseconds"}, so that `logs`
 * keeps the two streams apart and can filter by time. A line longer than the buffer (16 KiB,
 * as Docker's) is split, and a last line without a newline is written when its stream ends.
 * Bytes that are not UTF-8 become U+FFFD, as encoding/json does. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

static const char *const stream_name[2] = {"stdout", "stderr"};

/* Length of the valid UTF-8 sequence at p (1-4), or 0 if it is not one. */
static size_t utf8_len(const unsigned char *p, size_t n) {
    unsigned char c = p[0];
    size_t len;
    unsigned min;
    unsigned cp;
    if (c < 0x80) return 1;
    if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return len;
}

static void write_entry(struct isolab_log *l, int stream, const char *data, size_t n) {
    /* Worst case: every byte becomes \u00XX (6) or U+FFFD (\ufffd, 6). */
    static char out[ISOLAB_LOG_LINE * 6 + 128];
    size_t o = 0;
    static const char head[] = "{\"log\":\"";
    memcpy(out, head, sizeof head - 1); o = sizeof head - 1;
    const unsigned char *p = (const unsigned char *)data;
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c == '"' || c == '\\') { out[o++] = '\\'; out[o++] = (char)c; i++; }
        else if (c == '\n') { out[o++] = '\\'; out[o++] = 'n'; i++; }
        else if (c == '\r') { out[o++] = '\\'; out[o++] = 'r'; i++; }
        else if (c == '\t') { out[o++] = '\\'; out[o++] = 't'; i++; }
        else if (c < 0x20 || c == 0x7f) {
            memcpy(out + o, "\\u00", 4); o += 4;
            out[o++] = hex[c >> 4]; out[o++] = hex[c & 15]; i++;
        } else {
            size_t k = utf8_len(p + i, n - i);
            if (k == 0) { memcpy(out + o, "\\ufffd", 6); o += 6; i++; }
            else { memcpy(out + o, p + i, k); o += k; i += k; }
        }
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char tail[96];
    int t = snprintf(tail, sizeof tail, "\",\"stream\":\"%s\",\"time\":\"%04d-%02d-%02dT%02d:%02d:%02d.%09ldZ\"}\n",
                     stream_name[stream], tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec);
    memcpy(out + o, tail, (size_t)t); o += (size_t)t;
    if (l->fd >= 0 && isolab_write_all(l->fd, out, o) != 0) l->fd = -1;   /* disk full: stop logging, keep running */
}

void isolab_log_init(struct isolab_log *l, int fd) {
    memset(l, 0, sizeof *l);
    l->fd = fd;
}

void isolab_log_write(struct isolab_log *l, int stream, const char *buf, size_t n) {
    if (!l || stream < 0 || stream > 1) return;
    while (n > 0) {
        const char *nl = memchr(buf, '\n', n);
        size_t take = nl ? (size_t)(nl - buf) + 1 : n;
        size_t room = ISOLAB_LOG_LINE - l->len[stream];
        if (take > room) take = room;
        memcpy(l->part[stream] + l->len[stream], buf, take);
        l->len[stream] += take;
        buf += take; n -= take;
        if (l->len[stream] == ISOLAB_LOG_LINE || l->part[stream][l->len[stream] - 1] == '\n') {
            write_entry(l, stream, l->part[stream], l->len[stream]);
            l->len[stream] = 0;
        }
    }
}

void isolab_log_flush(struct isolab_log *l, int stream) {
    if (!l || stream < 0 || stream > 1 || l->len[stream] == 0) return;
    write_entry(l, stream, l->part[stream], l->len[stream]);
    l->len[stream] = 0;
}
