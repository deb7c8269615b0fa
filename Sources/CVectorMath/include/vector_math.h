#ifndef LOSSNOTEBOOKS_VECTOR_MATH_H
#define LOSSNOTEBOOKS_VECTOR_MATH_H

#include <stddef.h>

// The instruction sets, and the other loops that live in this target (a header each).
#include "instruction_set.h"
#include "affine_loops.h"
#include "loss_kernels.h"

/// Elementary functions over whole buffers, in place, from SLEEF's 1-ulp ("u10") kernels:
/// AVX-512 where the processor has it, else AVX2 with FMA (chosen at run time), SSE2 on any other x86-64,
/// SLEEF's scalar functions elsewhere. Every element takes the same path whatever its position,
/// so a value's result does not depend on the buffer's length.

void lossnotebooks_exp_double(double *values, ptrdiff_t count);
void lossnotebooks_log1p_double(double *values, ptrdiff_t count);
void lossnotebooks_exp_float(float *values, ptrdiff_t count);
void lossnotebooks_log1p_float(float *values, ptrdiff_t count);

/// The same with the instruction set chosen by the caller (tests reach every path with them);
/// AVX-512 falls back to AVX2 and AVX2 to SSE2 on a processor without it, and all to scalar off
/// x86-64.
void lossnotebooks_exp_double_isa(double *values, ptrdiff_t count, lossnotebooks_isa isa);
void lossnotebooks_log1p_double_isa(double *values, ptrdiff_t count, lossnotebooks_isa isa);
void lossnotebooks_exp_float_isa(float *values, ptrdiff_t count, lossnotebooks_isa isa);
void lossnotebooks_log1p_float_isa(float *values, ptrdiff_t count, lossnotebooks_isa isa);

#endif
