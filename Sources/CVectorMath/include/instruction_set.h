#ifndef LOSSNOTEBOOKS_INSTRUCTION_SET_H
#define LOSSNOTEBOOKS_INSTRUCTION_SET_H

/// An instruction set the vectorised functions can use.
typedef enum {
    lossnotebooks_isa_scalar = 0,
    lossnotebooks_isa_sse2 = 1,
    lossnotebooks_isa_avx2 = 2,
    lossnotebooks_isa_avx512 = 3,
} lossnotebooks_isa;

/// The best instruction set this processor offers them (the one the plain functions use).
lossnotebooks_isa lossnotebooks_vector_isa(void);

#endif
