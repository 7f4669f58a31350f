/* quantile_stream.h - exact quantiles of samples too large to keep, from
 * several passes over values that can be produced again (the Monte Carlo
 * draws, whose random streams are seeded per block and replay exactly).
 * Private to the engine.
 *
 * The values are many series of n values each (one series: one target in
 * one year). A pass hands every value of every series once to the sinks
 * (one per thread, any order, any split); the selector keeps only counts
 * and the few values it needs:
 *
 *   pass 0   a histogram per series over a range hinted beforehand (values
 *            outside go to the end buckets); each wanted order statistic
 *            is then known to lie in one bucket ("bracket"), with the count
 *            of values below it;
 *   pass 1+  the values inside each bracket are collected, sorted and the
 *            wanted ranks read off, exactly; a bracket too full for the
 *            memory budget is refined instead (a histogram inside it, with
 *            each sub-bucket's min and max) and collected a pass later.
 *
 * Memory is about the budget given, whatever n: the histograms (series x
 * buckets x 4 bytes per sink, buckets chosen to fit) and the collected
 * values. The result is exactly the order statistics of the values, so it
 * does not depend on the sinks, the order or the number of passes; the
 * quantiles interpolate as GSL's gsl_stats_quantile_from_sorted_data does
 * (quantile.h). Bucketing is one monotone function per level, applied the
 * same way in every pass, so a value is counted and collected in the same
 * bracket each time. A pass that does not hand over the same values again
 * is detected (the counts no longer add up). */
#ifndef TS_QUANTILE_STREAM_H
#define TS_QUANTILE_STREAM_H

#include <stddef.h>
#include <stdint.h>

typedef struct ts_qs ts_qs;
typedef struct ts_qs_sink ts_qs_sink;

enum {
    TS_QS_DONE = 0,      /* every quantile is known: read them with ts_qs_quantiles */
    TS_QS_PASS = 1,      /* make a pass: every value of every series to the sinks */
    TS_QS_ENOMEM = -1,
    TS_QS_MISMATCH = -2  /* the last pass did not hand over the same values */
};

/* A selector for n_series series of n values each (1 <= n < 2^32), the
 * quantiles at `levels` (n_levels of them, in [0, 1], copied), with about
 * `budget` bytes of memory and `n_sinks` sinks. NULL when out of memory. */
ts_qs *ts_qs_create(size_t n_series, size_t n, const double *levels, size_t n_levels,
                    size_t budget, unsigned n_sinks);

/* NULL is a no-op. */
void ts_qs_free(ts_qs *q);

/* Before the first pass: most of series s lies in [lo, hi] (say, the range
 * of a first few values). Only the speed depends on it. */
void ts_qs_hint(ts_qs *q, size_t series, double lo, double hi);

/* Before the first pass: every value of series s is `value`. The passes
 * then hand over none of its values. */
void ts_qs_fixed(ts_qs *q, size_t series, double value);

/* Ends the pass just made (if any) and prepares the next: TS_QS_PASS when
 * another pass is wanted, TS_QS_DONE when every quantile is known, or an
 * error. The sinks must not be in use during the call. */
int ts_qs_next(ts_qs *q);

/* Sink k (< n_sinks): one per thread during a pass. */
ts_qs_sink *ts_qs_sink_at(ts_qs *q, unsigned k);

/* Hands m values of series s to the sink. Values must be finite. */
void ts_qs_put(ts_qs_sink *sink, size_t series, const double *values, size_t m);

/* After TS_QS_DONE: the n_levels quantiles of series s, in level order. */
void ts_qs_quantiles(const ts_qs *q, size_t series, double *out);

/* Passes made so far (for tests and benchmarks). */
unsigned ts_qs_passes(const ts_qs *q);

#endif
