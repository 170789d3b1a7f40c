/* checksum.c: SHA-256 digests in hex (see checksum.h). */
#include "checksum.h"

bool hasher_open(Hasher *h)
{
    h->md = EVP_MD_fetch(NULL, "SHA256", NULL);
    h->ctx = EVP_MD_CTX_new();
    return h->md && h->ctx;
}

void hasher_close(Hasher *h)
{
    EVP_MD_CTX_free(h->ctx);
    EVP_MD_free(h->md);
}

void sha256_hex(Hasher *h, const Piece *pieces, uint32_t n, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestInit_ex(h->ctx, h->md, NULL);
    for (uint32_t i = 0; i < n; i++)
        EVP_DigestUpdate(h->ctx, pieces[i].data, pieces[i].len);
    EVP_DigestFinal_ex(h->ctx, digest, &len);
    for (unsigned i = 0; i < len && i < 32; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}
