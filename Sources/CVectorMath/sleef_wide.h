// SLEEF's AVX2 and AVX-512 functions that this target calls, and the attributes that compile a
// function for those instruction sets (x86-64 only; private to the target's C files).
//
// sleef.h declares its AVX2 and AVX-512 functions only when the whole file is compiled for
// them, which would leave processors without them behind; so the entry points are declared
// here and called only from functions compiled for the instruction set, after the processor
// said it has it.
#ifndef LOSSNOTEBOOKS_SLEEF_WIDE_H
#define LOSSNOTEBOOKS_SLEEF_WIDE_H

#include <immintrin.h>
#include <sleef.h>

#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f,avx2,fma")))
#define SSE2

AVX2 extern __m256d Sleef_expd4_u10avx2(__m256d);
AVX2 extern __m256d Sleef_log1pd4_u10avx2(__m256d);
AVX2 extern __m256d Sleef_logd4_u35avx2(__m256d);
AVX2 extern __m256 Sleef_expf8_u10avx2(__m256);
AVX2 extern __m256 Sleef_log1pf8_u10avx2(__m256);
AVX2 extern __m256 Sleef_logf8_u35avx2(__m256);
AVX512 extern __m512d Sleef_expd8_u10avx512f(__m512d);
AVX512 extern __m512d Sleef_log1pd8_u10avx512f(__m512d);
AVX512 extern __m512d Sleef_logd8_u35avx512f(__m512d);
AVX512 extern __m512 Sleef_expf16_u10avx512f(__m512);
AVX512 extern __m512 Sleef_log1pf16_u10avx512f(__m512);
AVX512 extern __m512 Sleef_logf16_u35avx512f(__m512);

#endif
