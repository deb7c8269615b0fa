// Log-cosh and binary cross-entropy from logits in one pass (see loss_kernels.h).
//
// Each instruction set gets the same few operations under the same names (d8_add for eight
// doubles in AVX-512, f4_add for four floats in SSE2, ...), and each loss's element is written
// once, as a macro over those names. The operations are the scalar formulas' operations in
// the same order: no fused multiply-adds (clang honours the pragma below; GCC ignores it and
// would need -ffp-contract=off), no reassociation within an element.
#include "loss_kernels.h"

#include <sleef.h>
#include <math.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF

// Inlined even without optimisation (snippets build this target so): as calls, the operations
// took ten times as long.
#define INLINE __attribute__((always_inline))

// log1p(e) for 0 <= e <= 1: log(u) + (e - (u - 1)) * (2 - u) with u = 1 + e (see the header).
#define LOG1P_UNIT(P, e, u, one) P##_add(P##_log(u), P##_mul(P##_sub(e, P##_sub(u, one)), P##_sub(P##_set1(2), u)))

// log 2, rounded to the nearest double (M_LN2 is not ISO C).
#define LN2 0.693147180559945309417232121458176568

// The elements, with T the vector type, P the operations' prefix, y and p the targets and
// predictions, VALUE and SLOPE the outputs.
// Log-cosh is never negative, but |r| + log1p(e) - log 2 cancels for small |r| and can round
// to -1e-16: such a loss is 0 (NaN stays NaN).
#define LOG_COSH_ELEMENT(T, P, y, p, VALUE, SLOPE)                                           \
    do {                                                                                  \
        T a_ = P##_abs(P##_sub(p, y));                                                    \
        T e_ = P##_exp(P##_mul(P##_set1(-2), a_));                                        \
        T one_ = P##_set1(1);                                                             \
        T u_ = P##_add(one_, e_);                                                         \
        T slope_ = P##_div(P##_sub(one_, e_), u_);                                        \
        SLOPE = P##_select(P##_less(p, y), P##_negate(slope_), slope_);                   \
        T log1p_ = LOG1P_UNIT(P, e_, u_, one_);                                               \
        T loss_ = P##_sub(P##_add(a_, log1p_), P##_set1(LN2));                            \
        VALUE = P##_select(P##_less(loss_, P##_set1(0)), P##_set1(0), loss_);              \
    } while (0)

// max(z, 0) as Swift writes it (0 >= z ? 0 : z), and z >= 0 ? 1/(1 + e) : e/(1 + e): a NaN
// logit takes the second branch of each, as in Swift.
#define LOGISTIC_ELEMENT(T, P, y, z, VALUE, SLOPE)                                           \
    do {                                                                                  \
        T zero_ = P##_set1(0), one_ = P##_set1(1);                                        \
        T e_ = P##_exp(P##_negate(P##_abs(z)));                                           \
        T u_ = P##_add(one_, e_);                                                         \
        T sigmoid_ = P##_div(P##_select(P##_less_equal(zero_, z), one_, e_), u_);         \
        SLOPE = P##_sub(sigmoid_, y);                                                     \
        T log1p_ = LOG1P_UNIT(P, e_, u_, one_);                                               \
        T positive_ = P##_select(P##_less_equal(z, zero_), zero_, z);                     \
        VALUE = P##_add(P##_sub(positive_, P##_mul(z, y)), log1p_);                       \
    } while (0)

// One loop per (loss, type, instruction set): whole vectors, then the rest padded with zeros
// into one vector. Each lane sums a block of SUM_BLOCK vectors in the type's precision, then
// adds the block's sum into a double of its own; the lanes' doubles are added in lane order at
// the end. (A float summed over a whole buffer of 10^7 elements was off by 3e-5 to 2e-2 of the
// total, depending on the width; blocks keep it near a float's own rounding.)
#define SUM_BLOCK 32
#define LOSS_LOOP(NAME, ELEMENT, TYPE, T, P, LANES, TARGET)                                    \
    TARGET static TYPE NAME(const TYPE *target, const TYPE *prediction, TYPE *gradient,         \
                            TYPE *values, ptrdiff_t count, TYPE scale) {                        \
        T factor = P##_set1(scale), value, slope;                                               \
        double totals[LANES] = {0};                                                             \
        TYPE lanes[LANES];                                                                      \
        ptrdiff_t index = 0;                                                                    \
        while (index + LANES <= count) {                                                        \
            T sums = P##_set1(0);                                                               \
            for (int vector = 0; vector < SUM_BLOCK && index + LANES <= count; vector++, index += LANES) { \
                T y = P##_load(target + index), p = P##_load(prediction + index);               \
                ELEMENT(T, P, y, p, value, slope);                                              \
                P##_store(gradient + index, P##_mul(slope, factor));                            \
                if (values) P##_store(values + index, value);                                   \
                sums = P##_add(sums, value);                                                    \
            }                                                                                   \
            P##_store(lanes, sums);                                                             \
            for (int lane = 0; lane < LANES; lane++) totals[lane] += lanes[lane];               \
        }                                                                                       \
        if (index < count) {                                                                    \
            size_t rest = (size_t)(count - index) * sizeof(TYPE);                               \
            TYPE ys[LANES] = {0}, ps[LANES] = {0}, gs[LANES];                                   \
            memcpy(ys, target + index, rest);                                                   \
            memcpy(ps, prediction + index, rest);                                               \
            T y = P##_load(ys), p = P##_load(ps);                                               \
            ELEMENT(T, P, y, p, value, slope);                                                  \
            P##_store(gs, P##_mul(slope, factor));                                              \
            P##_store(lanes, value);                                                            \
            memcpy(gradient + index, gs, rest);                                                 \
            if (values) memcpy(values + index, lanes, rest);                                    \
            for (ptrdiff_t lane = 0; lane < count - index; lane++) totals[lane] += lanes[lane]; \
        }                                                                                       \
        double total = 0;                                                                       \
        for (int lane = 0; lane < LANES; lane++) total += totals[lane];                         \
        return (TYPE)total;                                                                     \
    }

// The scalar operations: one lane, SLEEF's scalar functions (every processor).
#define SCALAR_OPS(P, TYPE, ABS, EXP, LOG)                                                          \
    INLINE static inline TYPE P##_set1(double x) { return (TYPE)x; }                                   \
    INLINE static inline TYPE P##_load(const TYPE *x) { return *x; }                                   \
    INLINE static inline void P##_store(TYPE *x, TYPE v) { *x = v; }                                   \
    INLINE static inline TYPE P##_add(TYPE a, TYPE b) { return a + b; }                                \
    INLINE static inline TYPE P##_sub(TYPE a, TYPE b) { return a - b; }                                \
    INLINE static inline TYPE P##_mul(TYPE a, TYPE b) { return a * b; }                                \
    INLINE static inline TYPE P##_div(TYPE a, TYPE b) { return a / b; }                                \
    INLINE static inline TYPE P##_abs(TYPE a) { return ABS(a); }                                       \
    INLINE static inline TYPE P##_negate(TYPE a) { return -a; }                                        \
    INLINE static inline int P##_less(TYPE a, TYPE b) { return a < b; }                                \
    INLINE static inline int P##_less_equal(TYPE a, TYPE b) { return a <= b; }                        \
    INLINE static inline TYPE P##_select(int m, TYPE a, TYPE b) { return m ? a : b; }                  \
    INLINE static inline TYPE P##_exp(TYPE a) { return EXP(a); }                                       \
    INLINE static inline TYPE P##_log(TYPE a) { return LOG(a); }

SCALAR_OPS(d1, double, fabs, Sleef_exp_u10, Sleef_log_u35)
SCALAR_OPS(f1, float, fabsf, Sleef_expf_u10, Sleef_logf_u35)
LOSS_LOOP(log_cosh_double_scalar, LOG_COSH_ELEMENT, double, double, d1, 1, )
LOSS_LOOP(log_cosh_float_scalar, LOG_COSH_ELEMENT, float, float, f1, 1, )
LOSS_LOOP(logistic_double_scalar, LOGISTIC_ELEMENT, double, double, d1, 1, )
LOSS_LOOP(logistic_float_scalar, LOGISTIC_ELEMENT, float, float, f1, 1, )

#if defined(__x86_64__)
#include "sleef_wide.h"

// The operations that take the same form in every width (loads, stores and masks follow each).
#define VECTOR_OPS(P, T, TARGET, SET1, ADD, SUB, MUL, DIV, XOR, ANDNOT, EXP, LOG)   \
    TARGET INLINE static inline T P##_set1(double x) { return SET1(x); }                               \
    TARGET INLINE static inline T P##_add(T a, T b) { return ADD(a, b); }                              \
    TARGET INLINE static inline T P##_sub(T a, T b) { return SUB(a, b); }                              \
    TARGET INLINE static inline T P##_mul(T a, T b) { return MUL(a, b); }                              \
    TARGET INLINE static inline T P##_div(T a, T b) { return DIV(a, b); }                              \
    TARGET INLINE static inline T P##_abs(T a) { return ANDNOT(SET1(-0.0), a); }                      \
    TARGET INLINE static inline T P##_negate(T a) { return XOR(a, SET1(-0.0)); }                       \
    TARGET INLINE static inline T P##_exp(T a) { return EXP(a); }                                      \
    TARGET INLINE static inline T P##_log(T a) { return LOG(a); }

// Masks: a vector of all-ones lanes on SSE2 and AVX2, a bit mask on AVX-512.
#define SSE2_MASKS(P, T, LT, LE, AND, ANDNOT, OR)                                                \
    INLINE static inline T P##_less(T a, T b) { return LT(a, b); }                                     \
    INLINE static inline T P##_less_equal(T a, T b) { return LE(a, b); }                               \
    INLINE static inline T P##_select(T m, T a, T b) { return OR(AND(m, a), ANDNOT(m, b)); }

VECTOR_OPS(d2, __m128d, SSE2, _mm_set1_pd, _mm_add_pd, _mm_sub_pd, _mm_mul_pd,
           _mm_div_pd, _mm_xor_pd, _mm_andnot_pd, Sleef_expd2_u10sse2, Sleef_logd2_u35sse2)
SSE2_MASKS(d2, __m128d, _mm_cmplt_pd, _mm_cmple_pd, _mm_and_pd, _mm_andnot_pd, _mm_or_pd)
INLINE static inline __m128d d2_load(const double *x) { return _mm_loadu_pd(x); }
INLINE static inline void d2_store(double *x, __m128d v) { _mm_storeu_pd(x, v); }

#define SET1PS(x) _mm_set1_ps((float)(x))
VECTOR_OPS(f4, __m128, SSE2, SET1PS, _mm_add_ps, _mm_sub_ps, _mm_mul_ps,
           _mm_div_ps, _mm_xor_ps, _mm_andnot_ps, Sleef_expf4_u10sse2, Sleef_logf4_u35sse2)
SSE2_MASKS(f4, __m128, _mm_cmplt_ps, _mm_cmple_ps, _mm_and_ps, _mm_andnot_ps, _mm_or_ps)
INLINE static inline __m128 f4_load(const float *x) { return _mm_loadu_ps(x); }
INLINE static inline void f4_store(float *x, __m128 v) { _mm_storeu_ps(x, v); }

VECTOR_OPS(d4, __m256d, AVX2, _mm256_set1_pd, _mm256_add_pd, _mm256_sub_pd,
           _mm256_mul_pd, _mm256_div_pd, _mm256_xor_pd, _mm256_andnot_pd, Sleef_expd4_u10avx2, Sleef_logd4_u35avx2)
AVX2 INLINE static inline __m256d d4_less(__m256d a, __m256d b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
AVX2 INLINE static inline __m256d d4_less_equal(__m256d a, __m256d b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
AVX2 INLINE static inline __m256d d4_select(__m256d m, __m256d a, __m256d b) { return _mm256_blendv_pd(b, a, m); }
AVX2 INLINE static inline __m256d d4_load(const double *x) { return _mm256_loadu_pd(x); }
AVX2 INLINE static inline void d4_store(double *x, __m256d v) { _mm256_storeu_pd(x, v); }

#define SET1PS256(x) _mm256_set1_ps((float)(x))
VECTOR_OPS(f8, __m256, AVX2, SET1PS256, _mm256_add_ps, _mm256_sub_ps,
           _mm256_mul_ps, _mm256_div_ps, _mm256_xor_ps, _mm256_andnot_ps, Sleef_expf8_u10avx2, Sleef_logf8_u35avx2)
AVX2 INLINE static inline __m256 f8_less(__m256 a, __m256 b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
AVX2 INLINE static inline __m256 f8_less_equal(__m256 a, __m256 b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
AVX2 INLINE static inline __m256 f8_select(__m256 m, __m256 a, __m256 b) { return _mm256_blendv_ps(b, a, m); }
AVX2 INLINE static inline __m256 f8_load(const float *x) { return _mm256_loadu_ps(x); }
AVX2 INLINE static inline void f8_store(float *x, __m256 v) { _mm256_storeu_ps(x, v); }

// AVX-512F has no floating-point and, andnot or xor (that is AVX-512DQ): go through integers.
#define D8_XOR(a, b) _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(a), _mm512_castpd_si512(b)))
#define D8_ANDNOT(a, b) _mm512_castsi512_pd(_mm512_andnot_si512(_mm512_castpd_si512(a), _mm512_castpd_si512(b)))
VECTOR_OPS(d8, __m512d, AVX512, _mm512_set1_pd, _mm512_add_pd, _mm512_sub_pd,
           _mm512_mul_pd, _mm512_div_pd, D8_XOR, D8_ANDNOT, Sleef_expd8_u10avx512f, Sleef_logd8_u35avx512f)
AVX512 INLINE static inline __mmask8 d8_less(__m512d a, __m512d b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
AVX512 INLINE static inline __mmask8 d8_less_equal(__m512d a, __m512d b) { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
AVX512 INLINE static inline __m512d d8_select(__mmask8 m, __m512d a, __m512d b) { return _mm512_mask_blend_pd(m, b, a); }
AVX512 INLINE static inline __m512d d8_load(const double *x) { return _mm512_loadu_pd(x); }
AVX512 INLINE static inline void d8_store(double *x, __m512d v) { _mm512_storeu_pd(x, v); }

#define SET1PS512(x) _mm512_set1_ps((float)(x))
#define F16_XOR(a, b) _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)))
#define F16_ANDNOT(a, b) _mm512_castsi512_ps(_mm512_andnot_si512(_mm512_castps_si512(a), _mm512_castps_si512(b)))
VECTOR_OPS(f16, __m512, AVX512, SET1PS512, _mm512_add_ps, _mm512_sub_ps,
           _mm512_mul_ps, _mm512_div_ps, F16_XOR, F16_ANDNOT, Sleef_expf16_u10avx512f, Sleef_logf16_u35avx512f)
AVX512 INLINE static inline __mmask16 f16_less(__m512 a, __m512 b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
AVX512 INLINE static inline __mmask16 f16_less_equal(__m512 a, __m512 b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
AVX512 INLINE static inline __m512 f16_select(__mmask16 m, __m512 a, __m512 b) { return _mm512_mask_blend_ps(m, b, a); }
AVX512 INLINE static inline __m512 f16_load(const float *x) { return _mm512_loadu_ps(x); }
AVX512 INLINE static inline void f16_store(float *x, __m512 v) { _mm512_storeu_ps(x, v); }

LOSS_LOOP(log_cosh_double_sse2, LOG_COSH_ELEMENT, double, __m128d, d2, 2, SSE2)
LOSS_LOOP(log_cosh_float_sse2, LOG_COSH_ELEMENT, float, __m128, f4, 4, SSE2)
LOSS_LOOP(logistic_double_sse2, LOGISTIC_ELEMENT, double, __m128d, d2, 2, SSE2)
LOSS_LOOP(logistic_float_sse2, LOGISTIC_ELEMENT, float, __m128, f4, 4, SSE2)
LOSS_LOOP(log_cosh_double_avx2, LOG_COSH_ELEMENT, double, __m256d, d4, 4, AVX2)
LOSS_LOOP(log_cosh_float_avx2, LOG_COSH_ELEMENT, float, __m256, f8, 8, AVX2)
LOSS_LOOP(logistic_double_avx2, LOGISTIC_ELEMENT, double, __m256d, d4, 4, AVX2)
LOSS_LOOP(logistic_float_avx2, LOGISTIC_ELEMENT, float, __m256, f8, 8, AVX2)
LOSS_LOOP(log_cosh_double_avx512, LOG_COSH_ELEMENT, double, __m512d, d8, 8, AVX512)
LOSS_LOOP(log_cosh_float_avx512, LOG_COSH_ELEMENT, float, __m512, f16, 16, AVX512)
LOSS_LOOP(logistic_double_avx512, LOGISTIC_ELEMENT, double, __m512d, d8, 8, AVX512)
LOSS_LOOP(logistic_float_avx512, LOGISTIC_ELEMENT, float, __m512, f16, 16, AVX512)

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
