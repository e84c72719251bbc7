// One RMSProp step as core's TorchRmsProp computes it with tfjs ops, each
// operation rounded to float32 in the same order (the build disables FMA
// contraction), so the result equals the composite's bit for bit:
//   ms = sq * alpha + (g * g) * (1 - alpha);  step = g / (sqrt(ms) + eps)
//   [momentum: step = buf * momentum + step; buf = step];  w = w - step * lr
// The hyperparameters arrive as doubles and are rounded to float32 as tfjs
// rounds a scalar operand.
#include <math.h>

#include "heap.h"
#include "kernels.h"

// buf and out_buf are NULL without momentum.
VECTORIZED static void rmsprop_loop(const float* restrict w, const float* restrict g, const float* restrict sq,
                                    const float* restrict buf, float* restrict out_w, float* restrict out_sq,
                                    float* restrict out_buf, int64_t size, float lr, float alpha, float one_minus_alpha,
                                    float eps, float momentum) {
  if (buf != NULL && out_buf != NULL) {
    for (int64_t i = 0; i < size; i++) {
      float ms = sq[i] * alpha + (g[i] * g[i]) * one_minus_alpha;
      float step = buf[i] * momentum + g[i] / (sqrtf(ms) + eps);
      out_sq[i] = ms;
      out_buf[i] = step;
      out_w[i] = w[i] - step * lr;
    }
    return;
  }
  for (int64_t i = 0; i < size; i++) {
    float ms = sq[i] * alpha + (g[i] * g[i]) * one_minus_alpha;
    float step = g[i] / (sqrtf(ms) + eps);
    out_sq[i] = ms;
    out_w[i] = w[i] - step * lr;
  }
}

// (heap, size, wOffset, gOffset, squareOffset, bufferOffset, outW, outSquare, outBuffer,
//  lr, alpha, oneMinusAlpha, epsilon, momentum); momentum 0 ignores the buffers (their offsets,
//  0 then, pass the heap check since the variable's `size` floats lie in the heap).
static napi_value rmsprop(napi_env env, napi_callback_info info) {
  heap_t heap;
  int64_t v[8];
  double d[5];
  if (!read_elementwise_call(env, info, &heap, 7, v, 5, d)) return NULL;
  int with_momentum = d[4] > 0;
  float lr = (float)d[0], alpha = (float)d[1], one_minus_alpha = (float)d[2], eps = (float)d[3], momentum = (float)d[4];
  rmsprop_loop(heap.data + v[1], heap.data + v[2], heap.data + v[3], with_momentum ? heap.data + v[4] : NULL,
               heap.data + v[5], heap.data + v[6], with_momentum ? heap.data + v[7] : NULL, v[0], lr, alpha,
               one_minus_alpha, eps, momentum);
  return NULL;
}

void register_rmsprop(napi_env env, napi_value exports) { export_function(env, exports, "rmsprop", rmsprop); }
