import { customMetricNames } from './customMetricNames.js';
import { meanAndStandardError } from './meanAndStandardError.js';
import type { RunData } from './RunData.js';
import type { ReportRun } from './ReportRun.js';
import { lastEvaluation, runValues } from './runValues.js';
import { SUMMARY_COLUMNS, type SummaryColumnKey } from './SUMMARY_COLUMNS.js';
import type { SummaryRow } from './SummaryRow.js';

/**
 * One row per label (objective), in the order labels first appear; means and standard errors
 * over seeds, of the summary columns and of every custom metric (at its last evaluation).
 * `unfinished` runs (with a status other than finished) are counted in their label's row but
 * not summarised; a label whose every run is unfinished gets a row of empty cells.
 */
export function summariseRuns(runs: readonly RunData[], unfinished: readonly ReportRun[] = []): SummaryRow[] {
  const labels = [...new Set([...runs, ...unfinished].map((r) => r.label))];
  const custom = customMetricNames(runs);
  return labels.map((label) => {
    const group = runs.filter((r) => r.label === label);
    const values = group.map((r) => runValues(r.metrics));
    const cells = Object.fromEntries(
      SUMMARY_COLUMNS.map(({ key }) => [key, meanAndStandardError(values.map((v) => v[key]))]),
    ) as Record<SummaryColumnKey, ReturnType<typeof meanAndStandardError>>;
    return {
      label,
      estimateName: group[0]?.metrics[0]?.estimateName ?? group[0]?.config.objective.estimate.name ?? '?',
      seeds: group.map((r) => r.seed),
      unfinished: unfinished.flatMap((r) => (r.label === label && r.status ? [{ ...r.status, seed: r.seed }] : [])),
      cells,
      custom: Object.fromEntries(
        custom.map((name) => [name, meanAndStandardError(group.map((r) => lastEvaluation(r.metrics, name)))]),
      ),
    };
  });
}
