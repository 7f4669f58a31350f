/* sha256.h - SHA-256 (FIPS 180-4) of a byte string, for manifest.json.
 * Part of the CLI: the library has no use for it. Not for secrets (no
 * effort against timing): it names what a run wrote. */
#ifndef TS_SHA256_H
#define TS_SHA256_H

#include <stddef.h>

enum { TS_SHA256_HEX = 65 }; /* 64 hex digits and the NUL */

/* The digest of `len` bytes at `data` as 64 lower-case hex digits. */
void ts_sha256_hex(const void *data, size_t len, char hex[TS_SHA256_HEX]);

#endif
