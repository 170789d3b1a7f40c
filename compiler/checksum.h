/* checksum.h: SHA-256 (OpenSSL's libcrypto) as 64 lowercase hex digits,
 * for the manifest of `compile` and for migc.sum, which record the same
 * digest of a migration's file. */
#ifndef MIGC_CHECKSUM_H
#define MIGC_CHECKSUM_H

#include <openssl/evp.h>

#include "base.h"

/* One context for many digests: 60,000 files of a large tree fetch the
 * algorithm once and reset the context per file. */
typedef struct Hasher {
    EVP_MD *md;
    EVP_MD_CTX *ctx;
} Hasher;

bool hasher_open(Hasher *h);  /* false: libcrypto failed (close it anyway) */
void hasher_close(Hasher *h);

/* The digest of the pieces' bytes in order. */
void sha256_hex(Hasher *h, const Piece *pieces, uint32_t n, char out[65]);

#endif
