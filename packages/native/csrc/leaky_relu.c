// LeakyReLU forward, y = x > 0 ? x : slope x (tfjs-backend-wasm 4.22's kernel is a scalar loop).
#include "heap.h"
#include "kernels.h"

VECTORIZED static void leaky_relu_loop(const float* restrict x, float* restrict out, int64_t size, float s) {
  for (int64_t i = 0; i < size; i++) out[i] = x[i] > 0.0f ? x[i] : x[i] * s;
}

// (heap, size, xOffset, outOffset, slope)
static napi_value leaky_relu(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  heap_t heap;
  if (!read_call(env, info, 5, argv, &heap)) return NULL;
  int64_t size, x_off, out_off;
  double slope;
  if (!arg_index(env, argv[1], &size) || !arg_index(env, argv[2], &x_off) || !arg_index(env, argv[3], &out_off) ||
      !arg_double(env, argv[4], &slope)) {
    return NULL;
  }
  if (!in_heap(env, &heap, x_off, size) || !in_heap(env, &heap, out_off, size)) return NULL;
  leaky_relu_loop(heap.data + x_off, heap.data + out_off, size, (float)slope);
  return NULL;
}

void register_leaky_relu(napi_env env, napi_value exports) { export_function(env, exports, "leakyRelu", leaky_relu); }
