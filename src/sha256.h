/* sha256.h - SHA-256 (FIPS 180-4), for content hashes of banks and packs */
#ifndef RECALL_SHA256_H
#define RECALL_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* A running hash: sha256_init, any number of sha256_update calls, then
 * sha256_final. Caller-owned; nothing to release. */
typedef struct {
	uint32_t state[8];
	uint64_t length;          /* bytes hashed so far */
	unsigned char block[64];
	size_t used;              /* bytes waiting in `block` */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
/* Writes the 32-byte digest; the context must be initialised again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char digest[32]);
/* Writes the digest as 64 lower-case hex digits and a NUL. */
void sha256_final_hex(sha256_ctx *c, char hex[65]);

#endif
