// The gradient of ReLU (slope 0) and LeakyReLU: dx = dy where x > 0, else dy * slope,
// as tfjs's gradients compute it (dy * step(x), where(x > 0, dy, dy * alpha)), in one pass.
#include "heap.h"
#include "kernels.h"

// (heap, size, dyOffset, xOffset, outOffset, slope)
static napi_value leaky_relu_grad(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  heap_t heap;
  if (!read_call(env, info, 6, argv, &heap)) return NULL;
  int64_t size, dy_off, x_off, out_off;
  double slope;
  if (!arg_index(env, argv[1], &size) || !arg_index(env, argv[2], &dy_off) || !arg_index(env, argv[3], &x_off) ||
      !arg_index(env, argv[4], &out_off) || !arg_double(env, argv[5], &slope)) {
    return NULL;
  }
  if (!in_heap(env, &heap, dy_off, size) || !in_heap(env, &heap, x_off, size) || !in_heap(env, &heap, out_off, size)) {
    return NULL;
  }
  const float* dy = heap.data + dy_off;
  const float* x = heap.data + x_off;
  float* out = heap.data + out_off;
  float s = (float)slope;
  for (int64_t i = 0; i < size; i++) out[i] = x[i] > 0.0f ? dy[i] : dy[i] * s;
  return NULL;
}

void register_leaky_relu_grad(napi_env env, napi_value exports) {
  export_function(env, exports, "leakyReluGrad", leaky_relu_grad);
}
