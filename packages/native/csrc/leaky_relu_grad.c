// The gradient of ReLU (slope 0) and LeakyReLU: dx = dy where x > 0, else dy * slope,
// as tfjs's gradients compute it (dy * step(x), where(x > 0, dy, dy * alpha)), in one pass.
#include "heap.h"
#include "kernels.h"

VECTORIZED static void leaky_relu_grad_loop(const float* restrict dy, const float* restrict x, float* restrict out,
                                            int64_t size, float s) {
  for (int64_t i = 0; i < size; i++) out[i] = x[i] > 0.0f ? dy[i] : dy[i] * s;
}

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
  leaky_relu_grad_loop(heap.data + dy_off, heap.data + x_off, heap.data + out_off, size, (float)slope);
  return NULL;
}

void register_leaky_relu_grad(napi_env env, napi_value exports) {
  export_function(env, exports, "leakyReluGrad", leaky_relu_grad);
}
