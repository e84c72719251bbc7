// BatchMatMul: out[b] = op(a[b]) op(b[b]) with OpenBLAS's sgemm, row-major,
// the transposes handed to sgemm (free) instead of copied.
#include <cblas.h>

#include "heap.h"
#include "kernels.h"
#include "pool.h"

typedef struct {
  const float* a;
  const float* b;
  float* out;
  int64_t m, n, k, a_stride, b_stride;
  int trans_a, trans_b;
  int64_t column_block; // columns of out per task when one matrix is split
  int64_t blocks;       // tasks per matrix
} gemm_job;

static void gemm_task(void* context, int64_t index) {
  const gemm_job* job = context;
  int64_t batch = index / job->blocks;
  int64_t first = (index % job->blocks) * job->column_block;
  int64_t cols = job->n - first < job->column_block ? job->n - first : job->column_block;
  if (cols <= 0) return;
  const float* a = job->a + batch * job->a_stride;
  // Column j of op(b) starts at b + j (row-major [k, n]) or b + j * k (transposed [n, k]).
  const float* b = job->b + batch * job->b_stride + (job->trans_b ? first * job->k : first);
  float* out = job->out + batch * job->m * job->n + first;
  cblas_sgemm(CblasRowMajor, job->trans_a ? CblasTrans : CblasNoTrans, job->trans_b ? CblasTrans : CblasNoTrans,
              (blasint)job->m, (blasint)cols, (blasint)job->k, 1.0f, a, (blasint)(job->trans_a ? job->m : job->k), b,
              (blasint)(job->trans_b ? job->k : job->n), 0.0f, out, (blasint)job->n);
}

void run_gemm(float* heap_a, float* heap_b, float* out, int64_t batch, int64_t m, int64_t n, int64_t k,
              int trans_a, int trans_b, int64_t a_stride, int64_t b_stride) {
  gemm_job job = {heap_a, heap_b, out, m, n, k, a_stride, b_stride, trans_a, trans_b, n, 1};
  int threads = pool_threads();
  // Below ~2 MFLOP a split costs more than it gains; batches split first.
  if (threads > 1 && 2.0 * (double)batch * (double)m * (double)n * (double)k >= 2e6 && batch < threads) {
    int64_t block = (n + threads - 1) / threads;
    block = (block + 15) / 16 * 16; // whole micro-kernel panels
    job.column_block = block;
    job.blocks = (n + block - 1) / block;
  }
  if (m == 0 || n == 0) return;
  pool_run(batch * job.blocks, gemm_task, &job);
}

// (heap, batch, m, n, k, transA, transB, aOffset, aStride, bOffset, bStride, outOffset): all in floats;
// a stride of 0 broadcasts that operand over the batch.
static napi_value batch_matmul(napi_env env, napi_callback_info info) {
  heap_t heap;
  int64_t v[11];
  if (!read_kernel_call(env, info, &heap, 11, v, 0, NULL)) return NULL;
  int64_t batch = v[0], m = v[1], n = v[2], k = v[3];
  int64_t a_off = v[6], a_stride = v[7], b_off = v[8], b_stride = v[9], out_off = v[10];
  if (batch == 0 || m > 0x7fffffff || n > 0x7fffffff || k > 0x7fffffff) {
    napi_throw_range_error(env, NULL, "ipmgan native: BatchMatMul sizes out of range");
    return NULL;
  }
  if (!in_heap(env, &heap, a_off, (batch - 1) * a_stride + m * k) ||
      !in_heap(env, &heap, b_off, (batch - 1) * b_stride + k * n) || !in_heap(env, &heap, out_off, batch * m * n)) {
    return NULL;
  }
  run_gemm(heap.data + a_off, heap.data + b_off, heap.data + out_off, batch, m, n, k, v[4] != 0, v[5] != 0, a_stride,
           b_stride);
  return NULL;
}

void register_batch_matmul(napi_env env, napi_value exports) { export_function(env, exports, "batchMatMul", batch_matmul); }
