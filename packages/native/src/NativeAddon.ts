/**
 * The functions of build/Release/ipmgan_native.node (csrc/). Every kernel takes the wasm heap
 * (HEAPF32, read after the outputs are allocated) and offsets into it in floats; the C side
 * bounds-checks each tensor against the heap and keeps nothing after it returns.
 */
export interface NativeAddon {
  /** Bumped with every change of the functions' arguments (csrc/addon.c). */
  readonly abiVersion: number;
  /** Threads of the pool that splits large calls (the caller included); returns the count set. */
  setThreads(threads: number): number;
  getThreads(): number;
  /** out[i] = op(a[i]) op(b[i]) for `batch` row-major matrices; a stride of 0 broadcasts. */
  batchMatMul(
    heap: Float32Array,
    batch: number,
    m: number,
    n: number,
    k: number,
    transposeA: number,
    transposeB: number,
    aOffset: number,
    aStride: number,
    bOffset: number,
    bStride: number,
    outOffset: number,
  ): void;
  /** out[j] = sum over i of x[i, j], x being [rows, cols]. */
  sumLeading(heap: Float32Array, rows: number, cols: number, xOffset: number, outOffset: number): void;
  /** out[j] = (sum over i of x[i, j]) / rows. */
  meanLeading(heap: Float32Array, rows: number, cols: number, xOffset: number, outOffset: number): void;
  /** out = x > 0 ? dy : dy * slope, elementwise. */
  leakyReluGrad(
    heap: Float32Array,
    size: number,
    dyOffset: number,
    xOffset: number,
    outOffset: number,
    slope: number,
  ): void;
  /** One TorchRmsProp step; the buffer offsets are ignored when momentum is 0. */
  rmsprop(
    heap: Float32Array,
    size: number,
    variableOffset: number,
    gradientOffset: number,
    squareOffset: number,
    bufferOffset: number,
    outVariable: number,
    outSquare: number,
    outBuffer: number,
    learningRate: number,
    alpha: number,
    oneMinusAlpha: number,
    epsilon: number,
    momentum: number,
  ): void;
  /** One TorchAdam step: writes the new variable, m and v. */
  adam(
    heap: Float32Array,
    size: number,
    variableOffset: number,
    gradientOffset: number,
    mOffset: number,
    vOffset: number,
    outVariable: number,
    outM: number,
    outV: number,
    lerpWeight: number,
    oneMinusLerpWeight: number,
    beta2: number,
    oneMinusBeta2: number,
    epsilon: number,
    negativeStepSize: number,
    correction2Sqrt: number,
  ): void;
  /** Conv2D, NHWC; `geometry` is csrc/conv_geometry.h's 15 numbers (convGeometry). */
  conv2d(heap: Float32Array, ...args: number[]): void;
  /** Conv2DBackpropInput: (heap, ...geometry of the forward conv, dy, filter, dx offsets). */
  conv2dBackpropInput(heap: Float32Array, ...args: number[]): void;
  /** Conv2DBackpropFilter: (heap, ...geometry, x, dy, dw offsets). */
  conv2dBackpropFilter(heap: Float32Array, ...args: number[]): void;
  /** out = x > 0 ? x : slope x. */
  leakyRelu(heap: Float32Array, size: number, xOffset: number, outOffset: number, slope: number): void;
  /**
   * Batch norm of x [rows, channels] with batch statistics, then LeakyReLU(slope): writes y,
   * and the batch mean and (biased) variance per channel.
   */
  batchNormActivation(
    heap: Float32Array,
    rows: number,
    channels: number,
    xOffset: number,
    gammaOffset: number,
    betaOffset: number,
    yOffset: number,
    meanOffset: number,
    varianceOffset: number,
    epsilon: number,
    slope: number,
  ): void;
  /** Its gradient: writes dx, dgamma, dbeta from dy, x, gamma, the batch statistics and y. */
  batchNormActivationGrad(
    heap: Float32Array,
    rows: number,
    channels: number,
    dyOffset: number,
    xOffset: number,
    gammaOffset: number,
    meanOffset: number,
    varianceOffset: number,
    yOffset: number,
    dxOffset: number,
    dgammaOffset: number,
    dbetaOffset: number,
    epsilon: number,
    slope: number,
  ): void;
  /**
   * A dense layer: y = LeakyReLU_slope(x w + bias), x [m, k], w [k, n], bias [n] at biasOffset
   * (-1: no bias); slope 0 is ReLU, 1 no activation.
   */
  denseActivation(
    heap: Float32Array,
    m: number,
    n: number,
    k: number,
    xOffset: number,
    wOffset: number,
    biasOffset: number,
    yOffset: number,
    slope: number,
  ): void;
}

/** The abiVersion this package's JavaScript was written against. */
export const ADDON_ABI_VERSION = 2;
