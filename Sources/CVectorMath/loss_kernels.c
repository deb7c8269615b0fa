// Log-cosh and binary cross-entropy from logits in one pass (see loss_kernels.h).
//
// Each loss's element is written once, as a macro over vector types of the compilers' vector
// extension (`a + b` on eight doubles at once): the same text serves every width, from one lane
// (SLEEF's scalar functions) to sixteen floats (AVX-512). Snippets build this target without
// optimisation, where intrinsics and the inline functions around them kept every intermediate
// on the stack: the extension's operators took a tenth of the time (4.6 against 51 ns an element
// for BCE on doubles), with the same results bit for bit. The operations are the scalar
// formulas' operations in the same order: no fused multiply-adds (clang honours the pragma
// below; GCC ignores it and would need -ffp-contract=off), no reassociation within an element.
#include "loss_kernels.h"

#include <sleef.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF

#define INLINE __attribute__((always_inline))

// log 2, rounded to the nearest double (M_LN2 is not ISO C).
#define LN2 0.693147180559945309417232121458176568

// `mask ? a : b` lane by lane; M is the integer vector type of V's size, whose comparisons give
// all ones or all zeros per lane.
#define SELECT(V, M, mask, a, b) ((V)(((mask) & (M)(a)) | (~(mask) & (M)(b))))

// log1p(e) for 0 <= e <= 1: log(u) + (e - (u - 1)) * (2 - u) with u = 1 + e (see the header).
#define LOG1P_UNIT(TYPE, P, e, u) (P##_log(u) + ((e) - ((u) - (TYPE)1)) * ((TYPE)2 - (u)))

// The elements: TYPE the scalar type, V and M the vector and mask types, MAGNITUDE the mask that
// clears the sign bit, P the width's prefix (its exp and log), y and p the targets and
// predictions, VALUE and SLOPE the outputs.
//
// Log-cosh is never negative, but |r| + log1p(e) - log 2 cancels for small |r| and can round
// to -1e-16: such a loss is 0 (NaN stays NaN).
#define LOG_COSH_ELEMENT(TYPE, V, M, MAGNITUDE, P, y, p, VALUE, SLOPE)                       \
    do {                                                                                  \
        V a_ = (V)((M)((p) - (y)) & (MAGNITUDE));                                         \
        V e_ = P##_exp((TYPE)-2 * a_);                                                    \
        V u_ = (TYPE)1 + e_;                                                              \
        V slope_ = ((TYPE)1 - e_) / u_;                                                   \
        SLOPE = SELECT(V, M, (p) < (y), -slope_, slope_);                                 \
        V loss_ = (a_ + LOG1P_UNIT(TYPE, P, e_, u_)) - (TYPE)LN2;                         \
        VALUE = SELECT(V, M, loss_ < (TYPE)0, (V){0}, loss_);                             \
    } while (0)

// max(z, 0) as Swift writes it (0 >= z ? 0 : z), and z >= 0 ? 1/(1 + e) : e/(1 + e): a NaN
// logit takes the second branch of each, as in Swift.
#define LOGISTIC_ELEMENT(TYPE, V, M, MAGNITUDE, P, y, z, VALUE, SLOPE)                       \
    do {                                                                                  \
        V e_ = P##_exp(-(V)((M)(z) & (MAGNITUDE)));                                       \
        V u_ = (TYPE)1 + e_;                                                              \
        V one_ = (V){0} + (TYPE)1;                                                        \
        SLOPE = SELECT(V, M, (TYPE)0 <= (z), one_, e_) / u_ - (y);                        \
        V positive_ = SELECT(V, M, (z) <= (TYPE)0, (V){0}, z);                            \
        VALUE = (positive_ - (z) * (y)) + LOG1P_UNIT(TYPE, P, e_, u_);                    \
    } while (0)

// One loop per (loss, type, width): whole vectors, then the rest padded with zeros into one
// vector. Each lane sums a block of SUM_BLOCK vectors in the type's precision, then adds the
// block's sum into a double of its own; the lanes' doubles are added in lane order at the end.
// (A float summed over a whole buffer of 10^7 elements was off by 3e-5 to 2e-2 of the total,
// depending on the width; blocks keep it near a float's own rounding.)
#define SUM_BLOCK 32
#define LOSS_LOOP(NAME, ELEMENT, TYPE, P, LANES, MAGNITUDE, TARGET)                                \
    TARGET static TYPE NAME(const TYPE *target, const TYPE *prediction, TYPE *gradient,         \
                            TYPE *values, ptrdiff_t count, TYPE scale) {                        \
        double totals[LANES] = {0};                                                             \
        P##_v value, slope;                                                                     \
        ptrdiff_t index = 0;                                                                    \
        while (index + LANES <= count) {                                                        \
            P##_v sums = {0};                                                                   \
            for (int vector = 0; vector < SUM_BLOCK && index + LANES <= count; vector++, index += LANES) { \
                P##_v y = *(const P##_u *)(target + index), p = *(const P##_u *)(prediction + index); \
                ELEMENT(TYPE, P##_v, P##_m, MAGNITUDE, P, y, p, value, slope);                  \
                *(P##_u *)(gradient + index) = slope * scale;                                   \
                if (values) *(P##_u *)(values + index) = value;                                 \
                sums += value;                                                                  \
            }                                                                                   \
            for (int lane = 0; lane < LANES; lane++) totals[lane] += sums[lane];                \
        }                                                                                       \
        if (index < count) {                                                                    \
            size_t rest = (size_t)(count - index) * sizeof(TYPE);                               \
            TYPE ys[LANES] = {0}, ps[LANES] = {0};                                              \
            memcpy(ys, target + index, rest);                                                   \
            memcpy(ps, prediction + index, rest);                                               \
            P##_v y = *(const P##_u *)ys, p = *(const P##_u *)ps;                               \
            ELEMENT(TYPE, P##_v, P##_m, MAGNITUDE, P, y, p, value, slope);                      \
            P##_v scaled = slope * scale;                                                       \
            memcpy(gradient + index, &scaled, rest);                                            \
            if (values) memcpy(values + index, &value, rest);                                   \
            for (ptrdiff_t lane = 0; lane < count - index; lane++) totals[lane] += value[lane]; \
        }                                                                                       \
        double total = 0;                                                                       \
        for (int lane = 0; lane < LANES; lane++) total += totals[lane];                         \
        return (TYPE)total;                                                                     \
    }

// A width: its vector, mask and unaligned types (the last may alias the scalars it is read from).
#define WIDTH_TYPES(P, TYPE, ITYPE, LANES)                                                     \
    typedef TYPE P##_v __attribute__((vector_size(sizeof(TYPE) * LANES)));                    \
    typedef ITYPE P##_m __attribute__((vector_size(sizeof(TYPE) * LANES)));                   \
    typedef TYPE P##_u __attribute__((vector_size(sizeof(TYPE) * LANES), aligned(1), may_alias));

#define DOUBLE_MAGNITUDE 0x7fffffffffffffffLL
#define FLOAT_MAGNITUDE 0x7fffffff

// One lane, SLEEF's scalar functions (every processor).
WIDTH_TYPES(d1, double, long long, 1)
WIDTH_TYPES(f1, float, int, 1)
INLINE static inline d1_v d1_exp(d1_v x) { return (d1_v){Sleef_exp_u10(x[0])}; }
INLINE static inline d1_v d1_log(d1_v x) { return (d1_v){Sleef_log_u35(x[0])}; }
INLINE static inline f1_v f1_exp(f1_v x) { return (f1_v){Sleef_expf_u10(x[0])}; }
INLINE static inline f1_v f1_log(f1_v x) { return (f1_v){Sleef_logf_u35(x[0])}; }
LOSS_LOOP(log_cosh_double_scalar, LOG_COSH_ELEMENT, double, d1, 1, DOUBLE_MAGNITUDE, )
LOSS_LOOP(log_cosh_float_scalar, LOG_COSH_ELEMENT, float, f1, 1, FLOAT_MAGNITUDE, )
LOSS_LOOP(logistic_double_scalar, LOGISTIC_ELEMENT, double, d1, 1, DOUBLE_MAGNITUDE, )
LOSS_LOOP(logistic_float_scalar, LOGISTIC_ELEMENT, float, f1, 1, FLOAT_MAGNITUDE, )

#if defined(__x86_64__)
#include "sleef_wide.h"

// A vector width: its types, and SLEEF's exp and log for it (VECTOR the intrinsics' type).
#define WIDTH(P, TYPE, ITYPE, LANES, VECTOR, TARGET, EXP, LOG)                                  \
    WIDTH_TYPES(P, TYPE, ITYPE, LANES)                                                          \
    TARGET INLINE static inline P##_v P##_exp(P##_v x) { return (P##_v)EXP((VECTOR)x); }       \
    TARGET INLINE static inline P##_v P##_log(P##_v x) { return (P##_v)LOG((VECTOR)x); }

WIDTH(d2, double, long long, 2, __m128d, SSE2, Sleef_expd2_u10sse2, Sleef_logd2_u35sse2)
WIDTH(f4, float, int, 4, __m128, SSE2, Sleef_expf4_u10sse2, Sleef_logf4_u35sse2)
WIDTH(d4, double, long long, 4, __m256d, AVX2, Sleef_expd4_u10avx2, Sleef_logd4_u35avx2)
WIDTH(f8, float, int, 8, __m256, AVX2, Sleef_expf8_u10avx2, Sleef_logf8_u35avx2)
WIDTH(d8, double, long long, 8, __m512d, AVX512, Sleef_expd8_u10avx512f, Sleef_logd8_u35avx512f)
WIDTH(f16, float, int, 16, __m512, AVX512, Sleef_expf16_u10avx512f, Sleef_logf16_u35avx512f)

LOSS_LOOP(log_cosh_double_sse2, LOG_COSH_ELEMENT, double, d2, 2, DOUBLE_MAGNITUDE, SSE2)
LOSS_LOOP(log_cosh_float_sse2, LOG_COSH_ELEMENT, float, f4, 4, FLOAT_MAGNITUDE, SSE2)
LOSS_LOOP(logistic_double_sse2, LOGISTIC_ELEMENT, double, d2, 2, DOUBLE_MAGNITUDE, SSE2)
LOSS_LOOP(logistic_float_sse2, LOGISTIC_ELEMENT, float, f4, 4, FLOAT_MAGNITUDE, SSE2)
LOSS_LOOP(log_cosh_double_avx2, LOG_COSH_ELEMENT, double, d4, 4, DOUBLE_MAGNITUDE, AVX2)
LOSS_LOOP(log_cosh_float_avx2, LOG_COSH_ELEMENT, float, f8, 8, FLOAT_MAGNITUDE, AVX2)
LOSS_LOOP(logistic_double_avx2, LOGISTIC_ELEMENT, double, d4, 4, DOUBLE_MAGNITUDE, AVX2)
LOSS_LOOP(logistic_float_avx2, LOGISTIC_ELEMENT, float, f8, 8, FLOAT_MAGNITUDE, AVX2)
LOSS_LOOP(log_cosh_double_avx512, LOG_COSH_ELEMENT, double, d8, 8, DOUBLE_MAGNITUDE, AVX512)
LOSS_LOOP(log_cosh_float_avx512, LOG_COSH_ELEMENT, float, f16, 16, FLOAT_MAGNITUDE, AVX512)
LOSS_LOOP(logistic_double_avx512, LOGISTIC_ELEMENT, double, d8, 8, DOUBLE_MAGNITUDE, AVX512)
LOSS_LOOP(logistic_float_avx512, LOGISTIC_ELEMENT, float, f16, 16, FLOAT_MAGNITUDE, AVX512)

// The requested instruction set, or the best below it that this processor has.
#define DISPATCH(NAME, TYPE)                                                                       \
    TYPE lossnotebooks_##NAME##_isa(const TYPE *target, const TYPE *prediction, TYPE *gradient,    \
                                    TYPE *values, ptrdiff_t count, TYPE scale, lossnotebooks_isa isa) { \
        lossnotebooks_isa best = lossnotebooks_vector_isa();                                       \
        switch (isa < best ? isa : best) {                                                         \
        case lossnotebooks_isa_avx512: return NAME##_avx512(target, prediction, gradient, values, count, scale); \
        case lossnotebooks_isa_avx2: return NAME##_avx2(target, prediction, gradient, values, count, scale);     \
        case lossnotebooks_isa_sse2: return NAME##_sse2(target, prediction, gradient, values, count, scale);     \
        default: return NAME##_scalar(target, prediction, gradient, values, count, scale);                     \
        }                                                                                          \
    }

#else  // Not x86-64: SLEEF's scalar functions.

#define DISPATCH(NAME, TYPE)                                                                       \
    TYPE lossnotebooks_##NAME##_isa(const TYPE *target, const TYPE *prediction, TYPE *gradient,    \
                                    TYPE *values, ptrdiff_t count, TYPE scale, lossnotebooks_isa isa) { \
        (void)isa;                                                                                 \
        return NAME##_scalar(target, prediction, gradient, values, count, scale);                  \
    }

#endif

DISPATCH(log_cosh_double, double)
DISPATCH(log_cosh_float, float)
DISPATCH(logistic_double, double)
DISPATCH(logistic_float, float)

double lossnotebooks_log_cosh_double(const double *target, const double *prediction, double *gradient,
                                     double *values, ptrdiff_t count, double scale) {
    return lossnotebooks_log_cosh_double_isa(target, prediction, gradient, values, count, scale, lossnotebooks_vector_isa());
}

float lossnotebooks_log_cosh_float(const float *target, const float *prediction, float *gradient,
                                   float *values, ptrdiff_t count, float scale) {
    return lossnotebooks_log_cosh_float_isa(target, prediction, gradient, values, count, scale, lossnotebooks_vector_isa());
}

double lossnotebooks_logistic_double(const double *target, const double *prediction, double *gradient,
                                     double *values, ptrdiff_t count, double scale) {
    return lossnotebooks_logistic_double_isa(target, prediction, gradient, values, count, scale, lossnotebooks_vector_isa());
}

float lossnotebooks_logistic_float(const float *target, const float *prediction, float *gradient,
                                   float *values, ptrdiff_t count, float scale) {
    return lossnotebooks_logistic_float_isa(target, prediction, gradient, values, count, scale, lossnotebooks_vector_isa());
}
