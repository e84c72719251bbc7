// One Adam step as core's TorchAdam computes it with tfjs ops, each operation rounded to
// float32 in the same order (FMA contraction is off), so it equals the composite bit for bit:
//   m = lerp(m, g, w) (m + (g - m) w for w < 0.5, else g - (g - m)(1 - w));  v = v b2 + (g (1 - b2)) g
//   w = w + (m (-stepSize)) / (sqrt(v) / correction2Sqrt + eps)
// Scalars arrive as doubles computed by JavaScript and are rounded to float32 as tfjs rounds them.
#include <math.h>

#include "heap.h"
#include "kernels.h"

VECTORIZED static void adam_loop(const float* restrict w, const float* restrict g, const float* restrict m,
                                 const float* restrict s, float* restrict out_w, float* restrict out_m,
                                 float* restrict out_s, int64_t size, int below_half, float weight,
                                 float one_minus_weight, float beta2, float one_minus_beta2, float eps,
                                 float negative_step, float correction) {
  for (int64_t i = 0; i < size; i++) {
    float difference = g[i] - m[i];
    float first = below_half ? m[i] + difference * weight : g[i] - difference * one_minus_weight;
    float second = s[i] * beta2 + (g[i] * one_minus_beta2) * g[i];
    float denominator = sqrtf(second) / correction + eps;
    out_m[i] = first;
    out_s[i] = second;
    out_w[i] = w[i] + (first * negative_step) / denominator;
  }
}

// (heap, size, variable, gradient, m, v, outVariable, outM, outV offsets,
//  lerpWeight, oneMinusLerpWeight, beta2, oneMinusBeta2, epsilon, negativeStepSize, correction2Sqrt)
static napi_value adam(napi_env env, napi_callback_info info) {
  heap_t heap;
  int64_t v[8];
  double d[7];
  if (!read_elementwise_call(env, info, &heap, 7, v, 7, d)) return NULL;
  adam_loop(heap.data + v[1], heap.data + v[2], heap.data + v[3], heap.data + v[4], heap.data + v[5], heap.data + v[6],
            heap.data + v[7], v[0], d[0] < 0.5, (float)d[0], (float)d[1], (float)d[2], (float)d[3], (float)d[4],
            (float)d[5], (float)d[6]);
  return NULL;
}

void register_adam(napi_env env, napi_value exports) { export_function(env, exports, "adam", adam); }
