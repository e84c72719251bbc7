{
  "targets": [
    {
      "target_name": "ipmgan_native",
      "sources": [
        "csrc/addon.c",
        "csrc/heap.c",
        "csrc/pool.c",
        "csrc/batch_matmul.c",
        "csrc/reductions.c",
        "csrc/rmsprop.c",
        "csrc/adam.c",
        "csrc/conv_geometry.c",
        "csrc/conv2d.c",
        "csrc/batch_norm_activation.c",
        "csrc/leaky_relu.c",
        "csrc/dense_activation.c"
      ],
      "include_dirs": ["/usr/include/x86_64-linux-gnu/openblas-serial"],
      "cflags": ["-std=c11", "-O3", "-fvisibility=hidden", "-ffp-contract=off", "-fno-fast-math", "-fno-math-errno", "-fno-trapping-math", "-pthread", "-ffunction-sections", "-fdata-sections"],
      "cflags!": ["-fno-exceptions"],
      "defines": ["NAPI_VERSION=8"],
      "libraries": [
        "/usr/lib/x86_64-linux-gnu/openblas-serial/libopenblas.a",
        "-lm",
        "-pthread",
        "-Wl,--exclude-libs,ALL",
        "-Wl,--as-needed",
        "-Wl,--gc-sections",
        "-s"
      ]
    }
  ]
}
