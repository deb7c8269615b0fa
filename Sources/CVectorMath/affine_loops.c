// The affine models' forward and gradient loops on doubles (see affine_loops.h). Each loop keeps
// the order of the Swift loops it replaced; contraction into fused multiply-adds is off, since
// Swift does not contract and a fused result can differ in the last bit.
#include "affine_loops.h"

#pragma STDC FP_CONTRACT OFF

void lossnotebooks_affine_forward(const double *xs, ptrdiff_t n, ptrdiff_t inputs, ptrdiff_t outputs,
                                  const double *p, double *zs) {
    const ptrdiff_t bias_start = inputs * outputs;
    if (outputs == 1) {
        const double bias = p[bias_start];
        if (inputs == 1) {
            const double weight = p[0];
            for (ptrdiff_t i = 0; i < n; i++) zs[i] = bias + xs[i] * weight;
            return;
        }
        for (ptrdiff_t i = 0; i < n; i++) {
            double sum = bias;
            const double *row = xs + i * inputs;
            for (ptrdiff_t j = 0; j < inputs; j++) sum += row[j] * p[j];
            zs[i] = sum;
        }
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        double *z = zs + i * outputs;
        for (ptrdiff_t k = 0; k < outputs; k++) z[k] = p[bias_start + k];
        const double *row = xs + i * inputs;
        for (ptrdiff_t j = 0; j < inputs; j++) {
            const double xij = row[j];
            const double *w = p + j * outputs;
            for (ptrdiff_t k = 0; k < outputs; k++) z[k] += xij * w[k];
        }
    }
}

void lossnotebooks_affine_accumulate(const double *xs, ptrdiff_t n, ptrdiff_t inputs, ptrdiff_t outputs,
                                     const double *gs, double *r) {
    const ptrdiff_t bias_start = inputs * outputs;
    if (outputs == 1 && inputs == 1) {
        double weight = 0, bias = 0;
        for (ptrdiff_t i = 0; i < n; i++) {
            weight += xs[i] * gs[i];
            bias += gs[i];
        }
        r[0] += weight;
        r[1] += bias;
        return;
    }
    if (outputs == 1) {
        for (ptrdiff_t i = 0; i < n; i++) {
            const double g = gs[i];
            r[bias_start] += g;
            const double *row = xs + i * inputs;
            for (ptrdiff_t j = 0; j < inputs; j++) r[j] += row[j] * g;
        }
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        const double *g = gs + i * outputs;
        for (ptrdiff_t k = 0; k < outputs; k++) r[bias_start + k] += g[k];
        const double *row = xs + i * inputs;
        for (ptrdiff_t j = 0; j < inputs; j++) {
            const double xij = row[j];
            double *rj = r + j * outputs;
            for (ptrdiff_t k = 0; k < outputs; k++) rj[k] += xij * g[k];
        }
    }
}
