/* gauss_bare.c - the bare cost of the Monte Carlo's random numbers: draw
 * DRAWS x PER_DRAW standard normals exactly as targetsim does (GSL taus2,
 * gsl_ran_gaussian_ziggurat, one generator per block of 4096 draws seeded
 * with ts_mc_block_seed, blocks shared out to THREADS pthreads) and nothing
 * else. The sum is printed so the compiler cannot drop the work.
 *
 * Usage: gauss_bare DRAWS PER_DRAW THREADS [SEED] */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "targetsim/mc.h"

typedef struct job {
    unsigned long long draws, per_draw, seed, n_blocks;
    atomic_ullong next;
} job;

typedef struct worker {
    job *j;
    double sum;
} worker;

static void *run(void *arg)
{
    worker *w = arg;
    job *j = w->j;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    for (;;) {
        unsigned long long b = atomic_fetch_add(&j->next, 1);
        if (b >= j->n_blocks)
            break;
        gsl_rng_set(rng, ts_mc_block_seed(j->seed, b));
        unsigned long long d0 = b * TS_MC_BLOCK_DRAWS, d1 = d0 + TS_MC_BLOCK_DRAWS;
        if (d1 > j->draws)
            d1 = j->draws;
        for (unsigned long long n = (d1 - d0) * j->per_draw; n > 0; n--)
            w->sum += gsl_ran_gaussian_ziggurat(rng, 1.0);
    }
    gsl_rng_free(rng);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: gauss_bare DRAWS PER_DRAW THREADS [SEED]\n");
        return 2;
    }
    job j = {strtoull(argv[1], NULL, 10), strtoull(argv[2], NULL, 10),
             argc > 4 ? strtoull(argv[4], NULL, 10) : TS_MC_DEFAULT_SEED, 0, 0};
    unsigned threads = (unsigned)atoi(argv[3]);
    if (threads < 1 || threads > 64)
        return 2;
    j.n_blocks = (j.draws + TS_MC_BLOCK_DRAWS - 1) / TS_MC_BLOCK_DRAWS;
    atomic_init(&j.next, 0);
    worker w[64];
    pthread_t t[64];
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (unsigned k = 0; k < threads; k++) {
        w[k] = (worker){&j, 0.0};
        pthread_create(&t[k], NULL, run, &w[k]);
    }
    double sum = 0;
    for (unsigned k = 0; k < threads; k++) {
        pthread_join(t[k], NULL);
        sum += w[k].sum;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%llu normals in %.3f s (sum %.3f)\n", j.draws * j.per_draw,
           (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9, sum);
    return 0;
}
