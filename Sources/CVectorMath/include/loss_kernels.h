#ifndef LOSSNOTEBOOKS_LOSS_KERNELS_H
#define LOSSNOTEBOOKS_LOSS_KERNELS_H

#include <stddef.h>

#include "instruction_set.h"

/// Value and derivative of the two losses whose elements need an exponential and a logarithm,
/// in one pass over the buffers, for LossCore's `LogCosh` and `BinaryCrossentropy(fromLogits:)`.
///
/// Each function reads `count` targets and predictions, writes `scale` times each element's
/// derivative into `gradient`, writes each element's loss into `values` unless it is NULL, and
/// returns the sum of the losses: each vector lane sums blocks of elements and adds each block's
/// sum into a double of its own, and the lanes are added in order at the end, so the total is the
/// same on every run on the same instruction set (and a float total stays near a float's own
/// rounding over millions of elements). Every element takes the same path whatever its position
/// (the last partial vector is padded), so an element's results do not depend on the buffer's
/// length.
///
/// The formulas are the scalar ones, with e = exp(-2|r|) for log-cosh and e = exp(-|z|) for
/// binary cross-entropy from logits:
///   log-cosh:  L = |r| + log1p(e) - log 2,        L' = ±(1 - e)/(1 + e), negative when p < t
///   BCE:       L = max(z, 0) - z y + log1p(e),    L' = (z >= 0 ? 1 : e)/(1 + e) - y
/// The exponential is SLEEF's 1-ulp exp. log1p(e) is taken as log(u) + (e - (u - 1)) * (2 - u)
/// with u = 1 + e: for 0 <= e <= 1, u - 1 and e - (u - 1) are exact, and the correction puts
/// back what rounding 1 + e lost (log1p(e) = e for tiny e, where log(1 + e) alone gives 0);
/// 2 - u stands for 1/u, exact at u = 1 and off by (u - 1)^2/u where the correction is at most
/// half an ulp of u. The logarithm is SLEEF's 3.5-ulp log: with its 1-ulp log these loops took
/// about a third longer (log-cosh on doubles, AVX-512: 4.3 against 3.1-3.5 ns an element), and
/// with its log1p longer still. Measured against the true values (long double), with
/// the tests holding the same bounds against the scalar formulas:
///   - derivatives within 2.2e-16 (float: 9e-8) absolute; relative to a small derivative the
///     error is larger, where 1 - e or 1/(1 + e) - 1 cancel, as in the scalar formulas;
///   - BCE within 3.5 ulp (float: 4.1), tiny losses of confident logits included;
///   - log-cosh within 3.5 ulp where the loss is 1 or more, and within 3e-16 (float: 1.3e-7)
///     absolute below that, where |r| and log 2 cancel (the scalar formula: 2e-16); a loss that
///     rounds below zero there is 0.
///
/// `isa` picks the instruction set (tests reach every path); AVX-512 falls back to AVX2 and
/// AVX2 to SSE2 on a processor without it, and all to SLEEF's scalar functions off x86-64.
/// The plain forms use the best one (`lossnotebooks_vector_isa`).

double lossnotebooks_log_cosh_double(const double *target, const double *prediction, double *gradient,
                                     double *values, ptrdiff_t count, double scale);
float lossnotebooks_log_cosh_float(const float *target, const float *prediction, float *gradient,
                                   float *values, ptrdiff_t count, float scale);
double lossnotebooks_logistic_double(const double *target, const double *prediction, double *gradient,
                                     double *values, ptrdiff_t count, double scale);
float lossnotebooks_logistic_float(const float *target, const float *prediction, float *gradient,
                                   float *values, ptrdiff_t count, float scale);

double lossnotebooks_log_cosh_double_isa(const double *target, const double *prediction, double *gradient,
                                         double *values, ptrdiff_t count, double scale, lossnotebooks_isa isa);
float lossnotebooks_log_cosh_float_isa(const float *target, const float *prediction, float *gradient,
                                       float *values, ptrdiff_t count, float scale, lossnotebooks_isa isa);
double lossnotebooks_logistic_double_isa(const double *target, const double *prediction, double *gradient,
                                         double *values, ptrdiff_t count, double scale, lossnotebooks_isa isa);
float lossnotebooks_logistic_float_isa(const float *target, const float *prediction, float *gradient,
                                       float *values, ptrdiff_t count, float scale, lossnotebooks_isa isa);

#endif
