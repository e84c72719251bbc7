// Each kernel file registers its functions on the addon's exports.
#ifndef IPMGAN_KERNELS_H
#define IPMGAN_KERNELS_H

#include <stdint.h>
#include <node_api.h>

// Element-wise loops are compiled for AVX2 and for the x86-64 baseline, picked at load by the
// CPU (the binary stays portable). Without FMA contraction and with IEEE sqrt and division in
// both, the two give the same bits, so the CPU is not part of the kernel set. -fno-trapping-math
// (no FP exception flags are read) lets GCC turn x > 0 ? a : a * s into a vector select; the
// values are the same as the branch's.
#if defined(__x86_64__) && defined(__GNUC__)
#define VECTORIZED __attribute__((target_clones("avx2", "default")))
#else
#define VECTORIZED
#endif

void register_batch_matmul(napi_env env, napi_value exports);
void register_reductions(napi_env env, napi_value exports);
void register_rmsprop(napi_env env, napi_value exports);
void register_adam(napi_env env, napi_value exports);
void register_conv2d(napi_env env, napi_value exports);
void register_batch_norm_activation(napi_env env, napi_value exports);
void register_leaky_relu(napi_env env, napi_value exports);
void register_dense_activation(napi_env env, napi_value exports);

// op(a) op(b) for `batch` row-major matrices, split over the pool when large
// (shared by the convolutions).
void run_gemm(float* a, float* b, float* out, int64_t batch, int64_t m, int64_t n, int64_t k, int trans_a, int trans_b,
              int64_t a_stride, int64_t b_stride);

#endif
