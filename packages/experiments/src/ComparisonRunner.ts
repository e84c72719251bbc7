import type { ComparisonReport, ReportRun } from '@ipmgan/report';

/**
 * Runs the `compare` config at `configPath` with every run directory and the comparison
 * report under `outDir` (the CLI's `ipmgan compare` machinery, handed in by `ipmgan reproduce`).
 */
export type ComparisonRunner = (
  configPath: string,
  outDir: string,
) => Promise<{ readonly report: ComparisonReport; readonly runs: readonly ReportRun[] }>;
