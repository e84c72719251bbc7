#include "heap.h"

int arg_index(napi_env env, napi_value value, int64_t* out) {
  double d;
  if (napi_get_value_double(env, value, &d) != napi_ok || !(d >= 0) || d > 9007199254740991.0 || d != (double)(int64_t)d) {
    napi_throw_type_error(env, NULL, "ipmgan native: expected a non-negative integer argument");
    return 0;
  }
  *out = (int64_t)d;
  return 1;
}

int arg_double(napi_env env, napi_value value, double* out) {
  if (napi_get_value_double(env, value, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "ipmgan native: expected a number argument");
    return 0;
  }
  return 1;
}

int arg_indices(napi_env env, const napi_value* argv, int count, int64_t* out) {
  for (int i = 0; i < count; i++) {
    if (!arg_index(env, argv[i], &out[i])) return 0;
  }
  return 1;
}

int arg_doubles(napi_env env, const napi_value* argv, int count, double* out) {
  for (int i = 0; i < count; i++) {
    if (!arg_double(env, argv[i], &out[i])) return 0;
  }
  return 1;
}

int read_call(napi_env env, napi_callback_info info, size_t argc, napi_value* argv, heap_t* heap) {
  size_t got = argc;
  if (napi_get_cb_info(env, info, &got, argv, NULL, NULL) != napi_ok || got != argc) {
    napi_throw_type_error(env, NULL, "ipmgan native: wrong number of arguments");
    return 0;
  }
  bool is_typed = false;
  napi_typedarray_type type;
  size_t length = 0;
  void* data = NULL;
  if (napi_is_typedarray(env, argv[0], &is_typed) != napi_ok || !is_typed ||
      napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL) != napi_ok ||
      type != napi_float32_array || (data == NULL && length != 0)) {
    napi_throw_type_error(env, NULL, "ipmgan native: the first argument must be the wasm heap as a Float32Array");
    return 0;
  }
  heap->data = (float*)data;
  heap->length = (int64_t)length;
  return 1;
}

int in_heap(napi_env env, const heap_t* heap, int64_t offset, int64_t count) {
  if (offset < 0 || count < 0 || offset > heap->length || count > heap->length - offset) {
    napi_throw_range_error(env, NULL, "ipmgan native: a tensor lies outside the wasm heap");
    return 0;
  }
  return 1;
}

int read_kernel_call(napi_env env, napi_callback_info info, heap_t* heap, int index_count, int64_t* indices,
                     int double_count, double* doubles) {
  napi_value argv[1 + KERNEL_CALL_MAX_ARGS];
  return read_call(env, info, (size_t)(1 + index_count + double_count), argv, heap) &&
         arg_indices(env, argv + 1, index_count, indices) &&
         arg_doubles(env, argv + 1 + index_count, double_count, doubles);
}

int read_elementwise_call(napi_env env, napi_callback_info info, heap_t* heap, int tensors, int64_t* indices,
                          int double_count, double* doubles) {
  if (!read_kernel_call(env, info, heap, 1 + tensors, indices, double_count, doubles)) return 0;
  for (int i = 1; i <= tensors; i++) {
    if (!in_heap(env, heap, indices[i], indices[0])) return 0;
  }
  return 1;
}

void export_function(napi_env env, napi_value exports, const char* name, napi_callback fn) {
  napi_value value;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, NULL, &value);
  napi_set_named_property(env, exports, name, value);
}

void export_variant(napi_env env, napi_value exports, const char* name, napi_callback fn, intptr_t variant) {
  napi_value value;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, (void*)variant, &value);
  napi_set_named_property(env, exports, name, value);
}

intptr_t call_variant(napi_env env, napi_callback_info info) {
  void* data = NULL;
  napi_get_cb_info(env, info, NULL, NULL, NULL, &data);
  return (intptr_t)data;
}
