// Sum and Mean over the leading axes of a row-major [rows, cols] tensor: the
// bias gradient of a dense layer (sum over the batch). tfjs's wasm kernels
// transpose the input first to reduce over the innermost axis; this adds rows
// in order instead, each column accumulated from row 0 upward.
#include "heap.h"
#include "kernels.h"

VECTORIZED static void sum_rows(const float* restrict x, float* restrict out, int64_t rows, int64_t cols, int mean) {
  for (int64_t j = 0; j < cols; j++) out[j] = 0.0f;
  for (int64_t i = 0; i < rows; i++) {
    const float* row = x + i * cols;
    for (int64_t j = 0; j < cols; j++) out[j] += row[j];
  }
  if (mean) {
    float count = (float)rows;
    for (int64_t j = 0; j < cols; j++) out[j] /= count;
  }
}

static napi_value reduce_leading(napi_env env, napi_callback_info info, int mean) {
  napi_value argv[5];
  heap_t heap;
  if (!read_call(env, info, 5, argv, &heap)) return NULL;
  int64_t rows, cols, x_off, out_off;
  if (!arg_index(env, argv[1], &rows) || !arg_index(env, argv[2], &cols) || !arg_index(env, argv[3], &x_off) ||
      !arg_index(env, argv[4], &out_off)) {
    return NULL;
  }
  if (!in_heap(env, &heap, x_off, rows * cols) || !in_heap(env, &heap, out_off, cols)) return NULL;
  sum_rows(heap.data + x_off, heap.data + out_off, rows, cols, mean);
  return NULL;
}

// (heap, rows, cols, xOffset, outOffset)
static napi_value sum_leading(napi_env env, napi_callback_info info) { return reduce_leading(env, info, 0); }
static napi_value mean_leading(napi_env env, napi_callback_info info) { return reduce_leading(env, info, 1); }

void register_reductions(napi_env env, napi_value exports) {
  export_function(env, exports, "sumLeading", sum_leading);
  export_function(env, exports, "meanLeading", mean_leading);
}
