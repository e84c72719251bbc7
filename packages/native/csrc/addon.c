// @ipmgan/native's addon: kernels for tfjs's wasm backend that run on its heap.
#include <node_api.h>

#include "heap.h"
#include "kernels.h"
#include "pool.h"

// Bumped whenever a function's arguments change, so the loader can refuse a stale build.
#define ABI_VERSION 2

static napi_value set_threads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int64_t threads;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 1 || !arg_index(env, argv[0], &threads)) {
    if (argc != 1) napi_throw_type_error(env, NULL, "ipmgan native: setThreads(n) takes one count");
    return NULL;
  }
  napi_value result;
  napi_create_int32(env, pool_set_threads(threads > 64 ? 64 : (int)threads), &result);
  return result;
}

static napi_value get_threads(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
  napi_create_int32(env, pool_threads(), &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value abi;
  napi_create_int32(env, ABI_VERSION, &abi);
  napi_set_named_property(env, exports, "abiVersion", abi);
  export_function(env, exports, "setThreads", set_threads);
  export_function(env, exports, "getThreads", get_threads);
  register_batch_matmul(env, exports);
  register_reductions(env, exports);
  register_rmsprop(env, exports);
  register_adam(env, exports);
  register_conv2d(env, exports);
  register_batch_norm_activation(env, exports);
  register_leaky_relu(env, exports);
  register_dense_activation(env, exports);
  return exports;
}
