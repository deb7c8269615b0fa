#ifndef LOSSNOTEBOOKS_AFFINE_LOOPS_H
#define LOSSNOTEBOOKS_AFFINE_LOOPS_H

#include <stddef.h>

/// The affine models' two loops on doubles, for LossCore's `DoubleKernels.forward` and
/// `accumulate`: the same additions in the same order as the generic Swift loops (no fused
/// multiply-add, no reassociation), so the results are the same bit for bit. They are in C
/// because snippets build LossCore without optimisation, where a Swift loop over raw pointers
/// took about 2.5 times as long per element as the same loop in C built the same way.
///
/// Row-major `xs` (`n` rows of `inputs`), `parameters` the weights (`inputs` x `outputs`,
/// row-major) then the `outputs` biases.

/// zs[i][k] = bias[k] + sum over j of xs[i][j] * weight[j][k], the sum from j = 0 up.
void lossnotebooks_affine_forward(const double *xs, ptrdiff_t n, ptrdiff_t inputs, ptrdiff_t outputs,
                                  const double *parameters, double *zs);

/// Adds each row's contribution to the parameter gradient `r` (laid out as the parameters):
/// r[j][k] += xs[i][j] * gs[i][k] and r[bias k] += gs[i][k], row by row.
void lossnotebooks_affine_accumulate(const double *xs, ptrdiff_t n, ptrdiff_t inputs, ptrdiff_t outputs,
                                     const double *gs, double *r);

#endif
