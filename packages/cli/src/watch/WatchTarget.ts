/** One run directory that `ipmgan watch` follows. */
export interface WatchTarget {
  /** Stable within one watch: the page asks for sample files by it. */
  readonly id: string;
  /** The run's name on the page: its folder, prefixed by its compare folder when several are watched. */
  readonly name: string;
  /** What the run's seeds share (a compare's label, or the run's own name): one curve and band per label. */
  readonly label: string;
  readonly seed: number | null;
  /** The swept paths' values (compare.sweep); empty otherwise. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly directory: string;
  /** The compare directory whose compare.json records how this run ended, and the run's index there. */
  readonly compare?: { readonly directory: string; readonly index: number };
}
