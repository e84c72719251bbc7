import type { FigureRenderer } from './FigureRenderer.js';

/** How the experiments report progress, draw figures and run comparisons. */
export interface ExperimentOptions {
  /** One line per finished piece (default: nothing). */
  readonly log?: (line: string) => void;
  /** Turns each vega-lite spec into SVG and PNG (default: @ipmgan/report's renderVegaLite); null writes only the specs. */
  readonly render?: FigureRenderer | null;
  /** Worker processes of the comparison experiments (E3, E4); default: one per core. */
  readonly workers?: number;
  /** Aborting it stops a comparison experiment's runs after their current iteration, with a checkpoint. */
  readonly signal?: AbortSignal;
}
