/** The serialisable state of an {@link Rng}: four unsigned 32-bit words. */
export type RngState = readonly [number, number, number, number];

/**
 * A seeded pseudo-random generator (sfc32) whose state can be saved and restored.
 *
 * tfjs has no global seed, so every random draw of a run (initialisation, noise, data
 * sampling) flows from one Rng: random tensor ops receive seeds drawn from it.
 */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /**
   * A generator seeded with `seed` (taken as an unsigned 32-bit integer): the same seed gives
   * the same draws, e.g. `generator.sample(16, new Rng(7))` samples the same 16 points each time.
   */
  constructor(seed: number) {
    // splitmix32 expands the seed into four well-mixed words.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * The stream a plugin owns: a function of the run's seed and a stable key only (FNV-1a of
   * the key, mixed with the seed), so it is the same in every process and independent of
   * how many draws the training stream has made.
   */
  static derive(seed: number, key: string): Rng {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng((Math.imul(seed >>> 0, 0x9e3779b1) ^ hash) >>> 0);
  }

  static fromState(state: RngState): Rng {
    const rng = new Rng(0);
    rng.setState(state);
    return rng;
  }

  /** Four unsigned words, so that a checkpoint writes a stream's state the same way before and after a resume. */
  getState(): RngState {
    return [this.#a >>> 0, this.#b >>> 0, this.#c >>> 0, this.#d >>> 0];
  }

  setState(state: RngState): void {
    [this.#a, this.#b, this.#c, this.#d] = state.map((w) => w >>> 0) as [number, number, number, number];
  }

  nextUint32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    // XOR gives a signed int32: keep every word unsigned (the draws are the same either way).
    this.#a = (this.#b ^ (this.#b >>> 9)) >>> 0;
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal by Box-Muller (one draw per call, so the state alone is the stream). */
  normal(): number {
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A seed for a tfjs random op (tf.randomNormal(..., seed)); never 0, which tfjs reads as "unseeded". */
  seed(): number {
    return (this.nextUint32() % 4294967295) + 1;
  }

  /** An independent generator, e.g. one per consumer, derived from this one. */
  fork(): Rng {
    return new Rng(this.nextUint32() ^ Math.imul(this.nextUint32(), 0x27d4eb2d));
  }
}
