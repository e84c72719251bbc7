/**
 * The few protocol-buffer wire types a tfevents Event needs, written by hand (tags are
 * field << 3 | wire type: 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).
 */
export class ProtoWriter {
  readonly #chunks: Uint8Array[] = [];

  #varint(value: number): void {
    const bytes: number[] = [];
    let v = BigInt(value);
    if (v < 0n) v += 1n << 64n; // negative int32/int64 values take ten bytes, as two's complement
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v > 0n) byte |= 0x80;
      bytes.push(byte);
    } while (v > 0n);
    this.#chunks.push(Uint8Array.from(bytes));
  }

  #tag(field: number, wireType: number): void {
    this.#varint(field * 8 + wireType);
  }

  /** int32, int64 or enum. */
  int(field: number, value: number): this {
    if (!Number.isSafeInteger(value)) throw new RangeError(`ProtoWriter: ${String(value)} is not a safe integer`);
    this.#tag(field, 0);
    this.#varint(value);
    return this;
  }

  double(field: number, value: number): this {
    this.#tag(field, 1);
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleLE(value);
    this.#chunks.push(bytes);
    return this;
  }

  float(field: number, value: number): this {
    this.#tag(field, 5);
    const bytes = Buffer.alloc(4);
    bytes.writeFloatLE(value);
    this.#chunks.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, 2);
    this.#varint(value.length);
    this.#chunks.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, Buffer.from(value, 'utf8'));
  }

  message(field: number, write: (inner: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    write(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}
