#include "czlib.h"
#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

struct czlib_inflater {
    z_stream stream;
    const uint8_t *next;  // packed bytes not yet handed to zlib
    size_t left;
};

czlib_inflater *czlib_inflater_open(const uint8_t *packed, size_t len) {
    czlib_inflater *z = calloc(1, sizeof *z);
    if (!z) return NULL;
    // Negative window bits: raw DEFLATE, as ZIP stores it (no zlib header or trailer).
    if (inflateInit2(&z->stream, -MAX_WBITS) != Z_OK) { free(z); return NULL; }
    z->next = packed;
    z->left = len;
    return z;
}

void czlib_inflater_close(czlib_inflater *z) {
    if (!z) return;
    inflateEnd(&z->stream);
    free(z);
}

int32_t czlib_inflater_next(czlib_inflater *z, uint8_t *out, size_t cap, size_t *produced) {
    *produced = 0;
    if (cap > UINT_MAX) cap = UINT_MAX;
    z->stream.next_out = out;
    z->stream.avail_out = (uInt)cap;
    while (z->stream.avail_out > 0) {
        if (z->stream.avail_in == 0) {
            if (z->left == 0) {
                *produced = cap - z->stream.avail_out;
                return *produced > 0 ? 0 : -2;
            }
            size_t chunk = z->left > (1u << 20) ? (1u << 20) : z->left;
            z->stream.next_in = (Bytef *)z->next;
            z->stream.avail_in = (uInt)chunk;
            z->next += chunk;
            z->left -= chunk;
        }
        int status = inflate(&z->stream, Z_NO_FLUSH);
        if (status == Z_STREAM_END) {
            *produced = cap - z->stream.avail_out;
            return 1;
        }
        if (status == Z_BUF_ERROR && z->stream.avail_in == 0) continue;  // refilled above, or ends there
        if (status != Z_OK) return -1;
    }
    *produced = cap;
    return 0;
}

uint32_t czlib_crc32(uint32_t crc, const uint8_t *bytes, size_t len) {
    while (len > 0) {
        uInt n = len > UINT_MAX ? UINT_MAX : (uInt)len;
        crc = (uint32_t)crc32(crc, bytes, n);
        bytes += n;
        len -= n;
    }
    return crc;
}
