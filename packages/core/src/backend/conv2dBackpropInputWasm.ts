import { tf } from '../tensorflow.js';
import { runWasmKernels } from './runWasmKernels.js';

function dim(shape: readonly number[], axis: number): number {
  const size = shape[axis];
  if (size === undefined) {
    throw new Error(`Conv2DBackpropInput: shape [${shape.join(', ')}] has no axis ${axis}.`);
  }
  return size;
}

/** How one output phase (rows y with y mod stride = phase) of one spatial axis is computed. */
interface AxisPhase {
  /** Taps of the reversed filter the phase uses: begin, then every stride-th, `taps` of them. */
  readonly begin: number;
  readonly taps: number;
  /** dy rows cropped before / after, and zero rows padded before / after. */
  readonly cropBefore: number;
  readonly cropAfter: number;
  readonly padBefore: number;
  readonly padAfter: number;
}

/**
 * dx[y] = sum over k, i with y = i * s + k - padStart of dy[i] * w[k]. For y = s * u + a,
 * only the taps k = s * m + r (r = (a + padStart) mod s) contribute, with i = u + q - m
 * (q = floor((a + padStart) / s)): a stride-1 correlation of dy with those taps reversed,
 * which are the reversed filter's taps begin, begin + s, ... . Each phase yields `rows`
 * outputs (the axis size divided by s, rounded up; the excess is sliced off later).
 */
function axisPhase(
  phase: number,
  stride: number,
  filterSize: number,
  padStart: number,
  dySize: number,
  rows: number,
): AxisPhase {
  const r = (phase + padStart) % stride;
  const q = Math.floor((phase + padStart) / stride);
  const taps = r < filterSize ? Math.ceil((filterSize - r) / stride) : 0;
  const begin = filterSize - 1 - r - stride * (taps - 1);
  // Output length of a stride-1 conv: dySize + before + after - taps + 1 = rows.
  const before = taps - 1 - q;
  const after = rows - dySize - before + taps - 1;
  return {
    begin,
    taps,
    cropBefore: Math.max(0, -before),
    cropAfter: Math.max(0, -after),
    padBefore: Math.max(0, before),
    padAfter: Math.max(0, after),
  };
}

/**
 * Conv2DBackpropInput (the input gradient of conv2d, and conv2dTranspose's forward pass)
 * for the wasm backend. tfjs-backend-wasm 4.22's own kernel is a scalar loop about 15x
 * slower than its XNNPACK Conv2D; this one splits the output into stride x stride phases,
 * each an ordinary stride-1 Conv2D of dy with a sub-filter (see axisPhase) cut from the
 * filter on the host, and interleaves them with two Transposes. Built from wasm's own
 * Slice, Conv2D, Fill, Concat, Reshape and Transpose; the multiply-adds are exactly the
 * useful ones (none with the zeros a dilated dy would add).
 */
export const conv2dBackpropInputWasmConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: ({ inputs, attrs, backend }) => {
    const { dy, filter } = inputs as tf.Conv2DBackpropInputInputs;
    if (dy === undefined || filter === undefined) {
      throw new Error('Conv2DBackpropInput expects inputs dy and filter.');
    }
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
    if (dataFormat === 'NCHW') {
      throw new Error("wasm Conv2DBackpropInput supports only dataFormat 'NHWC'.");
    }
    const convInfo = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const { strideHeight, strideWidth, filterHeight, filterWidth } = convInfo;
    const { top, left } = convInfo.padInfo;
    const [batch, height, width, inChannels] = inputShape;
    const rows = Math.ceil(height / strideHeight);
    const cols = Math.ceil(width / strideWidth);
    const dyHeight = dim(dy.shape, 1);
    const dyWidth = dim(dy.shape, 2);

    const outChannels = dim(dy.shape, 3);
    // All this kernel needs of the backend beyond passing it on.
    const hostBackend = backend as Pick<tf.KernelBackend, 'readSync' | 'write'>;
    // The filter is small (at most a few 100k values): cut it into sub-filters on the host.
    const weights = hostBackend.readSync(filter.dataId) as Float32Array; // [fh, fw, in, out]

    return runWasmKernels(backend, 'Conv2DBackpropInput', (run, keep) => {
      const phases: tf.TensorInfo[] = [];
      for (let a = 0; a < strideHeight; a++) {
        const ph = axisPhase(a, strideHeight, filterHeight, top, dyHeight, rows);
        for (let b = 0; b < strideWidth; b++) {
          const pw = axisPhase(b, strideWidth, filterWidth, left, dyWidth, cols);
          const keptRows = dyHeight - ph.cropBefore - ph.cropAfter;
          const keptCols = dyWidth - pw.cropBefore - pw.cropAfter;
          if (ph.taps === 0 || pw.taps === 0 || keptRows <= 0 || keptCols <= 0) {
            // No tap or no dy value reaches this phase.
            phases.push(run(tf.Fill, {}, { shape: [batch, rows, cols, inChannels], value: 0, dtype: 'float32' }));
            continue;
          }
          // [taps h, taps w, out, in]: sub[m, n, o, c] = w[fh-1 - (begin + s m), fw-1 - (...), c, o].
          const sub = new Float32Array(ph.taps * pw.taps * outChannels * inChannels);
          let k = 0;
          for (let m = 0; m < ph.taps; m++) {
            const kh = filterHeight - 1 - (ph.begin + strideHeight * m);
            for (let n = 0; n < pw.taps; n++) {
              const kw = filterWidth - 1 - (pw.begin + strideWidth * n);
              const base = (kh * filterWidth + kw) * inChannels * outChannels;
              for (let o = 0; o < outChannels; o++) {
                for (let c = 0; c < inChannels; c++) sub[k++] = weights[base + c * outChannels + o] ?? 0;
              }
            }
          }
          const subShape = [ph.taps, pw.taps, outChannels, inChannels];
          const subFilter = keep({
            dataId: hostBackend.write(sub, subShape, 'float32'),
            shape: subShape,
            dtype: 'float32',
          });
          const cropped =
            keptRows === dyHeight && keptCols === dyWidth
              ? dy
              : run(
                  tf.Slice,
                  { x: dy },
                  { begin: [0, ph.cropBefore, pw.cropBefore, 0], size: [batch, keptRows, keptCols, dim(dy.shape, 3)] },
                );
          phases.push(
            run(
              tf.Conv2D,
              { x: cropped, filter: subFilter },
              {
                strides: [1, 1],
                pad: [
                  [0, 0],
                  [ph.padBefore, ph.padAfter],
                  [pw.padBefore, pw.padAfter],
                  [0, 0],
                ],
                dataFormat: 'NHWC',
                dilations: [1, 1],
              },
            ),
          );
        }
      }
      // Interleave [sh, sw, n * rows, cols, in] into [n * rows, sh, cols, sw, in] with two
      // rank-4 transposes (wasm's rank-5 transpose is a slow generic loop).
      const stacked =
        phases.length === 1 ? phases[0] : run(tf.Concat, phases as unknown as tf.NamedTensorInfoMap, { axis: 0 });
      if (stacked === undefined) throw new Error('Conv2DBackpropInput: no phase was computed.');
      const byRow = run(
        tf.Transpose,
        { x: run(tf.Reshape, { x: stacked }, { shape: [strideHeight, strideWidth, batch * rows, cols * inChannels] }) },
        { perm: [2, 0, 1, 3] },
      ); // [n * rows, sh, sw, cols * in]
      const byCol = run(
        tf.Transpose,
        { x: run(tf.Reshape, { x: byRow }, { shape: [batch * rows * strideHeight, strideWidth, cols, inChannels] }) },
        { perm: [0, 2, 1, 3] },
      ); // [n * rows * sh, cols, sw, in]
      const full = run(
        tf.Reshape,
        { x: byCol },
        { shape: [batch, rows * strideHeight, cols * strideWidth, inChannels] },
      );
      if (rows * strideHeight === height && cols * strideWidth === width) return full;
      return run(tf.Slice, { x: full }, { begin: [0, 0, 0, 0], size: [batch, height, width, inChannels] });
    });
  },
};
