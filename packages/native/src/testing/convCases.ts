/** tf.conv2d's padding: a name, or explicit [before, after] per NHWC axis. */
type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];

/**
 * The convolutions every conv kernel spec runs, [x shape, filter shape, strides, pad, dilations]:
 * odd sizes, strides that do not divide the input, explicit padding, and DCGAN's two layers.
 */
/** An NHWC tensor's or a filter's shape. */
type Shape4 = [number, number, number, number];

export const convCases: [Shape4, Shape4, [number, number], Pad, [number, number]][] = [
  [[3, 9, 7, 5], [3, 4, 5, 6], [1, 1], 'same', [1, 1]],
  [[3, 9, 7, 5], [3, 4, 5, 6], [2, 3], 'valid', [1, 1]],
  [[2, 11, 10, 3], [3, 3, 3, 4], [2, 2], 'same', [1, 1]],
  [
    [2, 8, 9, 2],
    [3, 2, 2, 5],
    [1, 2],
    [
      [0, 0],
      [1, 2],
      [0, 1],
      [0, 0],
    ],
    [1, 1],
  ],
  [[4, 28, 28, 1], [4, 4, 1, 8], [2, 2], 'same', [1, 1]],
  [[4, 14, 14, 8], [4, 4, 8, 16], [2, 2], 'same', [1, 1]],
];
