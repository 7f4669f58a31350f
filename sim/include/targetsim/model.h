/* model.h - the driver models an indicator can follow, as a type table.
 *
 * A model turns last year's value and this year's inputs into this year's
 * value. Every model is affine in last year's value and in the shock e that a
 * Monte Carlo draw adds to its driver:
 *
 *     v_t = (a + b e) v_{t-1} + (c + d e),
 *
 * with a, b, c, d from the year's inputs. A model gives those four
 * coefficients, so the projection computes each year's once and reruns the
 * years of a draw without a call per year. Adding a model is one new file in
 * models/ and one line in the table of models/registry.c; the scenario loader
 * and the projection need no change.
 */
#ifndef TARGETSIM_MODEL_H
#define TARGETSIM_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One year's inputs. `shock` and `deflator` are 0 when the scenario gives none
 * and only reach models with takes_rates set. */
typedef struct ts_model_input {
    double driver;   /* growth rate, yearly increment or level */
    double shock;    /* added to the growth rate */
    double deflator; /* price change turning a real rate into a nominal one */
} ts_model_input;

/* v_t = (a + b e) v_{t-1} + (c + d e) for a shock e on the driver. */
typedef struct ts_model_affine {
    double a, b, c, d;
} ts_model_affine;

typedef struct ts_model_type {
    const char *name;          /* the scenario key that selects it: "growth", "add", "level" */
    const char *driver_unit;   /* what the driver and its sd measure, for messages and docs */
    bool takes_rates;          /* deflator and shock apply; the factor a + b e must stay > 0 */
    bool needs_positive_start; /* compounding from a value <= 0 is meaningless */
    double driver_min;         /* drivers must be > driver_min (-1 for rates), or -HUGE_VAL */
    /* This year's coefficients. The projection checks the values they give. */
    void (*affine)(const ts_model_input *in, ts_model_affine *out);
} ts_model_type;

extern TS_API const ts_model_type ts_model_growth;
extern TS_API const ts_model_type ts_model_add;
extern TS_API const ts_model_type ts_model_level;

/* The model whose name is `name` ("growth", "add", "level"), or NULL. The
 * types are static: never freed. */
TS_API const ts_model_type *ts_model_lookup(const char *name);

/* All models, in a stable order, as a static array; *count receives their
 * number. */
TS_API const ts_model_type *const *ts_model_all(size_t *count);

/* value = scale * prod(inputs[k] ^ powers[k]); NaN when the result is not a
 * finite real number (a negative input under a fractional power, zero under a
 * negative power, overflow). 0 under a positive power is 0. */
TS_API double ts_model_derived_value(double scale, size_t n, const double *inputs,
                                     const double *powers);

#ifdef __cplusplus
}
#endif
#endif
