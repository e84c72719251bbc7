import type { Claim } from './Claim.js';
import type { VegaLiteSpec } from './FigureRenderer.js';

/** A table: a header row and rows of cells, already formatted. */
export interface ReportTable {
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What an experiment writes: report.md, report.html, figures/*.png and results.json. */
export interface ExperimentReport {
  readonly title: string;
  /** Paragraphs describing the setup. */
  readonly setup: readonly string[];
  readonly claims: readonly Claim[];
  readonly tables: readonly ReportTable[];
  readonly figures: readonly { readonly name: string; readonly caption: string; readonly spec: VegaLiteSpec }[];
  /** Everything measured, written as results.json. */
  readonly results: unknown;
}
