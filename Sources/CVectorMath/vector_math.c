// Buffer loops over SLEEF's vector functions, with the instruction set chosen at run time.
#include "vector_math.h"

#include <sleef.h>
#include <math.h>
#include <string.h>

#if defined(__x86_64__)
#include "sleef_wide.h"

// A load of what the C runtime read from CPUID at start-up (the init call returns at once after
// the first), so no state of our own is shared between threads.
static int has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

static int has_avx512(void) {
    __builtin_cpu_init();
    return has_avx2() && __builtin_cpu_supports("avx512f");
}

// One loop per (type, width): full vectors, then the tail padded with zeros into one vector.
// Inputs above LIMIT take the C library's function instead, lane by lane: SLEEF 3.5's log1p
// returns infinity above about 1e307 (double) and 1e38 (float), where log1p is finite.
#define VECTOR_LOOP(NAME, TYPE, LANES, LOAD, STORE, FUNCTION, TARGET, LIMIT, FALLBACK)    \
    TARGET static void NAME(TYPE *values, ptrdiff_t count) {                          \
        ptrdiff_t index = 0;                                                          \
        for (; index + LANES <= count; index += LANES) {                              \
            int large = 0;                                                            \
            for (int lane = 0; lane < LANES; lane++) large |= values[index + lane] > LIMIT; \
            if (__builtin_expect(large, 0)) {                                         \
                TYPE result[LANES];                                                   \
                STORE(result, FUNCTION(LOAD(values + index)));                        \
                for (int lane = 0; lane < LANES; lane++) {                            \
                    TYPE x = values[index + lane];                                    \
                    values[index + lane] = x > LIMIT ? FALLBACK(x) : result[lane];    \
                }                                                                     \
            } else {                                                                  \
                STORE(values + index, FUNCTION(LOAD(values + index)));                \
            }                                                                         \
        }                                                                             \
        if (index < count) {                                                          \
            TYPE tail[LANES] = {0};                                                   \
            memcpy(tail, values + index, (size_t)(count - index) * sizeof(TYPE));     \
            NAME(tail, LANES);                                                        \
            memcpy(values + index, tail, (size_t)(count - index) * sizeof(TYPE));     \
        }                                                                             \
    }

VECTOR_LOOP(exp_double_avx512, double, 8, _mm512_loadu_pd, _mm512_storeu_pd, Sleef_expd8_u10avx512f, AVX512, INFINITY, exp)
VECTOR_LOOP(log1p_double_avx512, double, 8, _mm512_loadu_pd, _mm512_storeu_pd, Sleef_log1pd8_u10avx512f, AVX512, 1e307, log1p)
VECTOR_LOOP(exp_float_avx512, float, 16, _mm512_loadu_ps, _mm512_storeu_ps, Sleef_expf16_u10avx512f, AVX512, INFINITY, expf)
VECTOR_LOOP(log1p_float_avx512, float, 16, _mm512_loadu_ps, _mm512_storeu_ps, Sleef_log1pf16_u10avx512f, AVX512, 1e38f, log1pf)
VECTOR_LOOP(exp_double_avx2, double, 4, _mm256_loadu_pd, _mm256_storeu_pd, Sleef_expd4_u10avx2, AVX2, INFINITY, exp)
VECTOR_LOOP(log1p_double_avx2, double, 4, _mm256_loadu_pd, _mm256_storeu_pd, Sleef_log1pd4_u10avx2, AVX2, 1e307, log1p)
VECTOR_LOOP(exp_float_avx2, float, 8, _mm256_loadu_ps, _mm256_storeu_ps, Sleef_expf8_u10avx2, AVX2, INFINITY, expf)
VECTOR_LOOP(log1p_float_avx2, float, 8, _mm256_loadu_ps, _mm256_storeu_ps, Sleef_log1pf8_u10avx2, AVX2, 1e38f, log1pf)
VECTOR_LOOP(exp_double_sse2, double, 2, _mm_loadu_pd, _mm_storeu_pd, Sleef_expd2_u10sse2, SSE2, INFINITY, exp)
VECTOR_LOOP(log1p_double_sse2, double, 2, _mm_loadu_pd, _mm_storeu_pd, Sleef_log1pd2_u10sse2, SSE2, 1e307, log1p)
VECTOR_LOOP(exp_float_sse2, float, 4, _mm_loadu_ps, _mm_storeu_ps, Sleef_expf4_u10sse2, SSE2, INFINITY, expf)
VECTOR_LOOP(log1p_float_sse2, float, 4, _mm_loadu_ps, _mm_storeu_ps, Sleef_log1pf4_u10sse2, SSE2, 1e38f, log1pf)

static lossnotebooks_isa best_isa(void) {
    return has_avx512() ? lossnotebooks_isa_avx512 : has_avx2() ? lossnotebooks_isa_avx2 : lossnotebooks_isa_sse2;
}

#define DISPATCH(NAME, TYPE, SCALAR)                                                              \
    void lossnotebooks_##NAME##_isa(TYPE *values, ptrdiff_t count, lossnotebooks_isa isa) {      \
        if (isa == lossnotebooks_isa_avx512 && has_avx512()) NAME##_avx512(values, count);        \
        else if (isa >= lossnotebooks_isa_avx2 && has_avx2()) NAME##_avx2(values, count);         \
        else if (isa != lossnotebooks_isa_scalar) NAME##_sse2(values, count);                     \
        else for (ptrdiff_t index = 0; index < count; index++) values[index] = SCALAR(values[index]); \
    }

#else  // Not x86-64: SLEEF's scalar 1-ulp functions.

static lossnotebooks_isa best_isa(void) { return lossnotebooks_isa_scalar; }

#define DISPATCH(NAME, TYPE, SCALAR)                                                              \
    void lossnotebooks_##NAME##_isa(TYPE *values, ptrdiff_t count, lossnotebooks_isa isa) {      \
        (void)isa;                                                                                \
        for (ptrdiff_t index = 0; index < count; index++) values[index] = SCALAR(values[index]);  \
    }

#endif

DISPATCH(exp_double, double, Sleef_exp_u10)
DISPATCH(log1p_double, double, Sleef_log1p_u10)
DISPATCH(exp_float, float, Sleef_expf_u10)
DISPATCH(log1p_float, float, Sleef_log1pf_u10)

lossnotebooks_isa lossnotebooks_vector_isa(void) { return best_isa(); }

void lossnotebooks_exp_double(double *values, ptrdiff_t count) { lossnotebooks_exp_double_isa(values, count, best_isa()); }
void lossnotebooks_log1p_double(double *values, ptrdiff_t count) { lossnotebooks_log1p_double_isa(values, count, best_isa()); }
void lossnotebooks_exp_float(float *values, ptrdiff_t count) { lossnotebooks_exp_float_isa(values, count, best_isa()); }
void lossnotebooks_log1p_float(float *values, ptrdiff_t count) { lossnotebooks_log1p_float_isa(values, count, best_isa()); }
