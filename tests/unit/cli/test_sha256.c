/* test_sha256.c - the CLI's SHA-256 (sim/cli/sha256.c) against the
 * FIPS 180-4 examples ("abc", the two-block 448-bit message), the empty
 * message, one million 'a' (FIPS 180-2's third example), and lengths
 * around the padding boundaries (55, 56, 63, 64 bytes) compared with the
 * values NIST's byte-oriented test vectors and coreutils' sha256sum give. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli/sha256.h"

static void expect(const void *data, size_t len, const char *want)
{
    char hex[TS_SHA256_HEX];
    ts_sha256_hex(data, len, hex);
    CHECK_STR(hex, want);
}

int main(void)
{
    expect("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    expect(two, strlen(two), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    size_t million = 1000000;
    char *a = malloc(million);
    CHECK(a != NULL);
    if (a) {
        memset(a, 'a', million);
        expect(a, million, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        expect(a, 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
        expect(a, 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
        expect(a, 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
        expect(a, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
        free(a);
    }
    return check_done();
}
