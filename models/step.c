/* step.c - one year of any model, from its affine form, without a shock. */
#include "targetsim/model.h"

double ts_model_step(const ts_model_type *model, double previous, const ts_model_input *in)
{
    ts_model_affine c;
    model->affine(in, &c);
    /* A level ignores the previous value: 0 * v is 0 for any finite v. */
    return c.a * previous + c.c;
}
