// A dense layer in one call: y = LeakyReLU_slope(x w + bias), x [m, k], w [k, n], bias [n] (optional).
// sgemm first, then the bias and the activation in one pass over y, so y rounds as tfjs's
// MatMul then Add then Relu/LeakyRelu would (slope 0 is ReLU, slope 1 no activation).
#include "heap.h"
#include "kernels.h"

// ReLU writes +0 for the negative side (as tfjs's max(x, 0)), LeakyReLU x * slope (as its x * alpha).
VECTORIZED static void bias_activation_row(float* restrict row, const float* restrict bias, int64_t n, float s) {
  if (s == 0.0f) {
    for (int64_t j = 0; j < n; j++) {
      float v = row[j] + bias[j];
      row[j] = v > 0.0f ? v : 0.0f;
    }
    return;
  }
  for (int64_t j = 0; j < n; j++) {
    float v = row[j] + bias[j];
    row[j] = v > 0.0f ? v : v * s;
  }
}

VECTORIZED static void activation_loop(float* restrict y, int64_t size, float s) {
  if (s == 0.0f) {
    for (int64_t i = 0; i < size; i++) y[i] = y[i] > 0.0f ? y[i] : 0.0f;
    return;
  }
  for (int64_t i = 0; i < size; i++) y[i] = y[i] > 0.0f ? y[i] : y[i] * s;
}

// (heap, m, n, k, xOffset, wOffset, biasOffset (-1: none), yOffset, slope)
static napi_value dense_activation(napi_env env, napi_callback_info info) {
  napi_value argv[9];
  heap_t heap;
  if (!read_call(env, info, 9, argv, &heap)) return NULL;
  int64_t m, n, k, x_off, w_off, y_off;
  double bias_arg, slope;
  if (!arg_index(env, argv[1], &m) || !arg_index(env, argv[2], &n) || !arg_index(env, argv[3], &k) ||
      !arg_index(env, argv[4], &x_off) || !arg_index(env, argv[5], &w_off) || !arg_double(env, argv[6], &bias_arg) ||
      !arg_index(env, argv[7], &y_off) || !arg_double(env, argv[8], &slope)) {
    return NULL;
  }
  if (m == 0 || n == 0 || k == 0 || m > 0x7fffffff || n > 0x7fffffff || k > 0x7fffffff) {
    napi_throw_range_error(env, NULL, "ipmgan native: dense sizes out of range");
    return NULL;
  }
  int has_bias = bias_arg >= 0;
  int64_t bias_off = has_bias ? (int64_t)bias_arg : 0;
  if (!in_heap(env, &heap, x_off, m * k) || !in_heap(env, &heap, w_off, k * n) || !in_heap(env, &heap, y_off, m * n) ||
      (has_bias && !in_heap(env, &heap, bias_off, n))) {
    return NULL;
  }
  float* y = heap.data + y_off;
  run_gemm(heap.data + x_off, heap.data + w_off, y, 1, m, n, k, 0, 0, 0, 0);
  float s = (float)slope;
  if (has_bias) {
    for (int64_t r = 0; r < m; r++) bias_activation_row(y + r * n, heap.data + bias_off, n, s);
  } else if (s != 1.0f) {
    activation_loop(y, m * n, s);
  }
  return NULL;
}

void register_dense_activation(napi_env env, napi_value exports) {
  export_function(env, exports, "denseActivation", dense_activation);
}
