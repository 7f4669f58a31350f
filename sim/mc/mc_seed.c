/* mc_seed.c - where each block's random stream starts. A block's stream
 * depends only on the run's seed and the block's number, never on the
 * thread that draws it. */
#include "targetsim/mc.h"

/* SplitMix64 (Steele, Lea and Flood 2014): spreads a user seed such as 1,
 * 2, 3 over all 64 bits. */
static uint64_t splitmix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* MurmurHash3's 32-bit finaliser: a bijection of 32-bit words. */
static uint32_t fmix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6BU;
    h ^= h >> 13;
    h *= 0xC2B2AE35U;
    h ^= h >> 16;
    return h;
}

unsigned long ts_mc_block_seed(uint64_t seed, uint64_t block)
{
    /* GSL's taus2 takes a 32-bit seed. block * (odd constant) + offset is a
     * bijection modulo 2^32, and so is fmix32: two blocks of one run never
     * share a seed. */
    uint32_t offset = (uint32_t)splitmix64(seed);
    return fmix32(offset + (uint32_t)block * 0x9E3779B9U);
}
