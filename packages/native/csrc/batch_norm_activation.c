// Batch norm over every axis but the last (channels last, batch statistics) followed by
// LeakyReLU with `slope` (0: ReLU, 1: none), forward and backward, each in two passes over
// the data. Per-channel sums are accumulated in double, row after row, so the result does
// not depend on the thread count.
//   forward:  mean, var (biased);  z = (x - mean) / sqrt(var + eps);  y = act(z gamma + beta)
//   backward: g = dy act'(y);  dbeta = sum g;  dgamma = sum g z;
//             dx = gamma / sqrt(var + eps) (g - dbeta / n - z dgamma / n)
#include <math.h>
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

// (heap, rows, channels, xOffset, gammaOffset, betaOffset, yOffset, meanOffset, varianceOffset, epsilon, slope)
static napi_value forward(napi_env env, napi_callback_info info) {
  napi_value argv[11];
  heap_t heap;
  if (!read_call(env, info, 11, argv, &heap)) return NULL;
  int64_t v[8];
  if (!arg_indices(env, argv + 1, 8, v)) return NULL;
  double epsilon, slope_d;
  if (!arg_double(env, argv[9], &epsilon) || !arg_double(env, argv[10], &slope_d)) return NULL;
  int64_t rows = v[0], c = v[1];
  if (!in_heap(env, &heap, v[2], rows * c) || !in_heap(env, &heap, v[3], c) || !in_heap(env, &heap, v[4], c) ||
      !in_heap(env, &heap, v[5], rows * c) || !in_heap(env, &heap, v[6], c) || !in_heap(env, &heap, v[7], c)) {
    return NULL;
  }
  const float* x = heap.data + v[2];
  const float* gamma = heap.data + v[3];
  const float* beta = heap.data + v[4];
  float* y = heap.data + v[5];
  float* mean_out = heap.data + v[6];
  float* var_out = heap.data + v[7];
  double* sums = calloc((size_t)(4 * c), sizeof(double));
  if (sums == NULL || rows == 0) {
    free(sums);
    napi_throw_error(env, NULL, "ipmgan native: batch norm needs memory and at least one row");
    return NULL;
  }
  forward_loops(x, gamma, beta, y, mean_out, var_out, sums, rows, c, epsilon, (float)slope_d);
  free(sums);
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
  napi_value argv[14];
  heap_t heap;
  if (!read_call(env, info, 14, argv, &heap)) return NULL;
  int64_t v[11];
  if (!arg_indices(env, argv + 1, 11, v)) return NULL;
  double epsilon, slope_d;
  if (!arg_double(env, argv[12], &epsilon) || !arg_double(env, argv[13], &slope_d)) return NULL;
  int64_t rows = v[0], c = v[1];
  const int64_t sizes[9] = {rows * c, rows * c, c, c, c, rows * c, rows * c, c, c};
  for (int i = 0; i < 9; i++) {
    if (!in_heap(env, &heap, v[i + 2], sizes[i])) return NULL;
  }
  const float* dy = heap.data + v[2];
  const float* x = heap.data + v[3];
  const float* gamma = heap.data + v[4];
  const float* mean = heap.data + v[5];
  const float* var = heap.data + v[6];
  const float* y = heap.data + v[7];
  float* dx = heap.data + v[8];
  float* dgamma = heap.data + v[9];
  float* dbeta = heap.data + v[10];
  double* sums = calloc((size_t)(4 * c), sizeof(double));
  if (sums == NULL || rows == 0) {
    free(sums);
    napi_throw_error(env, NULL, "ipmgan native: batch norm gradient needs memory and at least one row");
    return NULL;
  }
  backward_loops(dy, x, gamma, mean, var, y, dx, dgamma, dbeta, sums, rows, c, epsilon, (float)slope_d);
  free(sums);
  return NULL;
}

void register_batch_norm_activation(napi_env env, napi_value exports) {
  export_function(env, exports, "batchNormActivation", forward);
  export_function(env, exports, "batchNormActivationGrad", backward);
}
