// Access to the wasm backend's heap from a kernel call, and argument parsing.
// The heap is passed on every call as a Float32Array over the whole wasm memory
// (HEAPF32, plain or shared); nothing is kept after the call returns, since the
// heap may grow (and move) between calls.
#ifndef IPMGAN_HEAP_H
#define IPMGAN_HEAP_H

#include <stddef.h>
#include <stdint.h>
#include <node_api.h>

typedef struct {
  float* data;
  int64_t length; // in floats
} heap_t;

// Reads argc arguments: argv[0] must be the heap view, argv[1..] numbers. On a
// bad argument it throws a TypeError and returns 0.
int read_call(napi_env env, napi_callback_info info, size_t argc, napi_value* argv, heap_t* heap);

// argv[i] as an integer >= 0 (offsets, sizes) or as a double; throw and return 0 on failure.
int arg_index(napi_env env, napi_value value, int64_t* out);
int arg_double(napi_env env, napi_value value, double* out);

// argv[0..count) read as by arg_index / arg_double into out[0..count); stop at the first failure.
int arg_indices(napi_env env, const napi_value* argv, int count, int64_t* out);
int arg_doubles(napi_env env, const napi_value* argv, int count, double* out);

// Throws a RangeError and returns 0 unless [offset, offset + count) lies in the heap.
int in_heap(napi_env env, const heap_t* heap, int64_t offset, int64_t count);

// The most numbers a kernel call takes after the heap.
#define KERNEL_CALL_MAX_ARGS 32

// Reads a kernel's call (heap, `index_count` arguments as by arg_index, then `double_count` as by
// arg_double), the arguments in order; throws and returns 0 at the first bad one.
int read_kernel_call(napi_env env, napi_callback_info info, heap_t* heap, int index_count, int64_t* indices,
                     int double_count, double* doubles);

// An element-wise kernel's call: (heap, size, `tensors` offsets, `double_count` numbers), every
// tensor `size` floats that must lie in the heap. indices[0] is the size, indices[1..] the offsets.
int read_elementwise_call(napi_env env, napi_callback_info info, heap_t* heap, int tensors, int64_t* indices,
                          int double_count, double* doubles);

// Registers a function on the exports object.
void export_function(napi_env env, napi_value exports, const char* name, napi_callback fn);

// Registers fn as `name` with `variant` (which of a kernel's forms this name is, e.g. 1 for a
// sum's mean), which the call reads back with call_variant.
void export_variant(napi_env env, napi_value exports, const char* name, napi_callback fn, intptr_t variant);
intptr_t call_variant(napi_env env, napi_callback_info info);

#endif
