import { ProtoWriter } from './ProtoWriter.js';

/** A PNG with its size, as a Summary.Image carries it. */
export interface PngImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
}

/** The events ipmgan writes: the file's version record, a scalar, an image. */
export type TensorBoardEvent =
  | { readonly kind: 'fileVersion'; readonly wallTime: number }
  | {
      readonly kind: 'scalar';
      readonly wallTime: number;
      readonly step: number;
      readonly tag: string;
      readonly value: number;
    }
  | {
      readonly kind: 'image';
      readonly wallTime: number;
      readonly step: number;
      readonly tag: string;
      readonly image: PngImage;
    };

/**
 * A tensorflow.Event protobuf (tensorflow/core/util/event.proto): wall_time = 1 (double),
 * step = 2 (int64), file_version = 3 (string) or summary = 5. Summary (summary.proto):
 * value = 1 (repeated Value); Value: tag = 1, simple_value = 2 (float), image = 4; Image:
 * height = 1, width = 2, colorspace = 3 (1 grey, 3 RGB), encoded_image_string = 4.
 */
export function encodeEvent(event: TensorBoardEvent): Buffer {
  const writer = new ProtoWriter().double(1, event.wallTime);
  if (event.kind === 'fileVersion') return writer.string(3, 'brain.Event:2').finish();
  writer.int(2, event.step);
  return writer
    .message(5, (summary) =>
      summary.message(1, (value) => {
        value.string(1, event.tag);
        if (event.kind === 'scalar') value.float(2, event.value);
        else
          value.message(4, (image) =>
            image
              .int(1, event.image.height)
              .int(2, event.image.width)
              .int(3, event.image.channels)
              .bytes(4, event.image.png),
          );
      }),
    )
    .finish();
}
