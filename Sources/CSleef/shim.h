#ifndef CSLEEF_SHIM_H
#define CSLEEF_SHIM_H
#include <sleef.h>
#endif
