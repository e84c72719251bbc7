import type { FigureRenderer } from './FigureRenderer.js';

/** How runE1 / runE2 report progress and draw figures. */
export interface ExperimentOptions {
  /** One line per finished piece (default: nothing). */
  readonly log?: (line: string) => void;
  /** Turns each vega-lite spec into SVG and PNG (default: @ipmgan/report's renderVegaLite); null writes only the specs. */
  readonly render?: FigureRenderer | null;
}
