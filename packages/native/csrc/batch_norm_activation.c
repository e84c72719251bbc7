// Batch norm over every axis but the last (channels last, batch statistics) followed by
// LeakyReLU with `slope` (0: ReLU, 1: none), forward and backward, each in two passes over
// the data. Per-channel sums are accumulated in double, row after row, so the result does
// not depend on the thread count.
//   forward:  mean, var (biased);  z = (x - mean) / sqrt(var + eps);  y = act(z gamma + beta)
//   backward: g = dy act'(y);  dbeta = sum g;  dgamma = sum g z;
//             dx = gamma / sqrt(var + eps) (g - dbeta / n - z dgamma / n)
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "heap.h"
#include "kernels.h"

// sums: 4 c doubles of zeroed scratch.
VECTORIZED static void forward_loops(const float* restrict x, const float* restrict gamma, const float* restrict beta,
                                     float* restrict y, float* restrict mean_out, float* restrict var_out,
                                     double* restrict sums, int64_t rows, int64_t c, double epsilon, float slope) {
  double* mean = sums;
  double* sq = sums + c;
  float* scale = (float*)(sums + 2 * c); // gamma / sqrt(var + eps) and the shift, as float
  float* shift = scale + c;
  for (int64_t i = 0; i < rows; i++) {
    const float* row = x + i * c;
    for (int64_t j = 0; j < c; j++) mean[j] += row[j];
  }
  for (int64_t j = 0; j < c; j++) mean[j] /= (double)rows;
  for (int64_t i = 0; i < rows; i++) {
    const float* row = x + i * c;
    for (int64_t j = 0; j < c; j++) {
      double d = row[j] - mean[j];
      sq[j] += d * d;
    }
  }
  for (int64_t j = 0; j < c; j++) {
    double var = sq[j] / (double)rows;
    double inv = 1.0 / sqrt(var + epsilon);
    mean_out[j] = (float)mean[j];
    var_out[j] = (float)var;
    scale[j] = (float)(gamma[j] * inv);
    shift[j] = (float)(beta[j] - mean[j] * gamma[j] * inv);
  }
  for (int64_t i = 0; i < rows; i++) {
    const float* row = x + i * c;
    float* out = y + i * c;
    for (int64_t j = 0; j < c; j++) {
      float t = row[j] * scale[j] + shift[j];
      out[j] = t > 0.0f ? t : t * slope;
    }
  }
}

// A batch-norm call: (heap, rows, channels, the offsets of `count` tensors, epsilon, slope).
// per_row[i] says whether tensor i is [rows, c] (else [c]); each must lie in the heap.
typedef struct {
  int64_t rows, c;
  double epsilon;
  float slope;
  float* tensors[9];
  double* sums; // 4 c doubles of zeroed scratch for the loops; free it after them
} batch_norm_call;

// Reads the call into `call`; throws (naming `what`) and returns 0 on a bad argument, no rows
// or no memory.
static int read_batch_norm_call(napi_env env, napi_callback_info info, int count, const int* per_row,
                                const char* what, batch_norm_call* call) {
  heap_t heap;
  int64_t v[11];
  double d[2];
  if (!read_kernel_call(env, info, &heap, 2 + count, v, 2, d)) return 0;
  call->rows = v[0];
  call->c = v[1];
  call->epsilon = d[0];
  call->slope = (float)d[1];
  for (int i = 0; i < count; i++) {
    if (!in_heap(env, &heap, v[i + 2], per_row[i] ? call->rows * call->c : call->c)) return 0;
    call->tensors[i] = heap.data + v[i + 2];
  }
  call->sums = calloc((size_t)(4 * call->c), sizeof(double));
  if (call->sums == NULL || call->rows == 0) {
    free(call->sums);
    char message[96];
    snprintf(message, sizeof message, "ipmgan native: %s needs memory and at least one row", what);
    napi_throw_error(env, NULL, message);
    return 0;
  }
  return 1;
}

// (heap, rows, channels, xOffset, gammaOffset, betaOffset, yOffset, meanOffset, varianceOffset, epsilon, slope)
static napi_value forward(napi_env env, napi_callback_info info) {
  static const int per_row[6] = {1, 0, 0, 1, 0, 0};
  batch_norm_call call;
  if (!read_batch_norm_call(env, info, 6, per_row, "batch norm", &call)) return NULL;
  float** t = call.tensors;
  forward_loops(t[0], t[1], t[2], t[3], t[4], t[5], call.sums, call.rows, call.c, call.epsilon, call.slope);
  free(call.sums);
  return NULL;
}

// sums: 4 c doubles of zeroed scratch. With t = x - mean (float) the second pass is
// dx = scale g + tilt t + shift per element, its coefficients per channel from the sums.
VECTORIZED static void backward_loops(const float* restrict dy, const float* restrict x, const float* restrict gamma,
                                      const float* restrict mean, const float* restrict var, const float* restrict y,
                                      float* restrict dx, float* restrict dgamma, float* restrict dbeta,
                                      double* restrict sums, int64_t rows, int64_t c, double epsilon, float slope) {
  double* sum_g = sums;
  double* sum_gt = sums + c; // sum of g (x - mean)
  float* scale = (float*)(sums + 2 * c);
  float* tilt = scale + c;
  float* shift = tilt + c;
  for (int64_t i = 0; i < rows; i++) {
    const float *dyr = dy + i * c, *xr = x + i * c, *yr = y + i * c;
    for (int64_t j = 0; j < c; j++) {
      float g = yr[j] > 0.0f ? dyr[j] : dyr[j] * slope;
      sum_g[j] += g;
      sum_gt[j] += (double)g * (double)(xr[j] - mean[j]);
    }
  }
  double n = (double)rows;
  for (int64_t j = 0; j < c; j++) {
    double inv = 1.0 / sqrt((double)var[j] + epsilon);
    double sum_gz = sum_gt[j] * inv;
    double a = gamma[j] * inv;
    scale[j] = (float)a;
    tilt[j] = (float)(-a * inv * sum_gz / n);
    shift[j] = (float)(-a * sum_g[j] / n);
    dgamma[j] = (float)sum_gz;
    dbeta[j] = (float)sum_g[j];
  }
  for (int64_t i = 0; i < rows; i++) {
    const float *dyr = dy + i * c, *xr = x + i * c, *yr = y + i * c;
    float* out = dx + i * c;
    for (int64_t j = 0; j < c; j++) {
      float g = yr[j] > 0.0f ? dyr[j] : dyr[j] * slope;
      out[j] = scale[j] * g + tilt[j] * (xr[j] - mean[j]) + shift[j];
    }
  }
}

// (heap, rows, channels, dyOffset, xOffset, gammaOffset, meanOffset, varianceOffset, yOffset,
//  dxOffset, dgammaOffset, dbetaOffset, epsilon, slope)
static napi_value backward(napi_env env, napi_callback_info info) {
  static const int per_row[9] = {1, 1, 0, 0, 0, 1, 1, 0, 0};
  batch_norm_call call;
  if (!read_batch_norm_call(env, info, 9, per_row, "batch norm gradient", &call)) return NULL;
  float** t = call.tensors;
  backward_loops(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], call.sums, call.rows, call.c, call.epsilon,
                 call.slope);
  free(call.sums);
  return NULL;
}

void register_batch_norm_activation(napi_env env, napi_value exports) {
  export_function(env, exports, "batchNormActivation", forward);
  export_function(env, exports, "batchNormActivationGrad", backward);
}
