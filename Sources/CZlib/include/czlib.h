// capdiff's facade over zlib: raw DEFLATE inflation of one ZIP entry, bounded by its packed
// bytes (it never reads past them) and by the room the caller gives (it never writes past it),
// and CRC-32. Plain C types only, like the other facades.
#ifndef CZLIB_H
#define CZLIB_H
#include <stddef.h>
#include <stdint.h>

typedef struct czlib_inflater czlib_inflater;

// An inflater over `len` packed bytes at `packed`, which must stay valid until it is closed.
// NULL when zlib cannot be set up (out of memory).
czlib_inflater *czlib_inflater_open(const uint8_t *packed, size_t len);
void czlib_inflater_close(czlib_inflater *inflater);

// Inflates into `out` (room for `cap` bytes) and sets `*produced`. Returns 1 when the stream
// has ended, 0 when there is more to come (call again), -1 when the data is damaged, and -2
// when the packed bytes end before the stream does.
int32_t czlib_inflater_next(czlib_inflater *inflater, uint8_t *out, size_t cap, size_t *produced);

uint32_t czlib_crc32(uint32_t crc, const uint8_t *bytes, size_t len);
#endif
