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

// (heap, rows, cols, xOffset, outOffset); variant 1 divides by rows (the mean)
static napi_value reduce_leading(napi_env env, napi_callback_info info) {
  heap_t heap;
  int64_t v[4];
  if (!read_kernel_call(env, info, &heap, 4, v, 0, NULL)) return NULL;
  int64_t rows = v[0], cols = v[1], x_off = v[2], out_off = v[3];
  if (!in_heap(env, &heap, x_off, rows * cols) || !in_heap(env, &heap, out_off, cols)) return NULL;
  sum_rows(heap.data + x_off, heap.data + out_off, rows, cols, (int)call_variant(env, info));
  return NULL;
}

void register_reductions(napi_env env, napi_value exports) {
  export_variant(env, exports, "sumLeading", reduce_leading, 0);
  export_variant(env, exports, "meanLeading", reduce_leading, 1);
}
