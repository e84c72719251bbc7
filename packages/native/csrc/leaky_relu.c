// LeakyReLU (slope 0: ReLU) forward and gradient in one pass each, both out = x > 0 ? v : v * slope:
//   forward:  y = x > 0 ? x : slope x, v = x (tfjs-backend-wasm 4.22's kernel is a scalar loop);
//   gradient: dx = x > 0 ? dy : dy * slope, v = dy, as tfjs's gradients compute it (dy * step(x),
//             where(x > 0, dy, dy * alpha)).
#include "heap.h"
#include "kernels.h"

VECTORIZED static void leaky_relu_loop(const float* restrict v, const float* restrict x, float* restrict out,
                                       int64_t size, float s) {
  for (int64_t i = 0; i < size; i++) out[i] = x[i] > 0.0f ? v[i] : v[i] * s;
}

// forward, variant 0: (heap, size, xOffset, outOffset, slope);
// gradient, variant 1: (heap, size, dyOffset, xOffset, outOffset, slope)
static napi_value leaky_relu(napi_env env, napi_callback_info info) {
  intptr_t gradient = call_variant(env, info);
  heap_t heap;
  int64_t v[4];
  double slope;
  if (!read_elementwise_call(env, info, &heap, gradient ? 3 : 2, v, 1, &slope)) return NULL;
  const float* x = heap.data + v[gradient ? 2 : 1];
  leaky_relu_loop(heap.data + v[1], x, heap.data + v[gradient ? 3 : 2], v[0], (float)slope);
  return NULL;
}

void register_leaky_relu(napi_env env, napi_value exports) {
  export_variant(env, exports, "leakyRelu", leaky_relu, 0);
  export_variant(env, exports, "leakyReluGrad", leaky_relu, 1);
}
