// A child process of a queue worker (serveQueue): writes one queued compare's report, which
// renders figures for seconds of CPU, away from the worker's event loop that renews its job
// locks. Not an API: the entry point that writeReportInChild forks.
import { CompareDirectory } from '@ipmgan/core/engine';
import { plannedRunsOf } from '../plannedRunsOf.js';
import { reportComparison } from '../reportComparison.js';
import { sendToParent } from '../sendToParent.js';
import type { RunResult } from '../RunResult.js';
import type { ReportJobResult, RunJobResult } from './RunJob.js';

/** Parent to report child: the compare directory and every run's result in plan order (null: none). */
export interface ToReportChild {
  readonly compare: string;
  readonly results: readonly (RunJobResult | null)[];
}

/** Report child to parent. */
export type FromReportChild =
  | { readonly type: 'done'; readonly report: ReportJobResult['report'] }
  | { readonly type: 'failed'; readonly message: string };

async function write(message: ToReportChild): Promise<ReportJobResult['report']> {
  const directory = new CompareDirectory(message.compare);
  const record = directory.read();
  const runs = plannedRunsOf(directory, record);
  const results = runs.flatMap((run, i): RunResult[] => {
    const result = message.results[i];
    return result ? [{ run, ...result }] : [];
  });
  const report = await reportComparison(directory, record, runs, results);
  return report ? { html: report.html, table: report.table } : null;
}

/** A typed sendToParent: the messages writeReportInChild expects. */
const reply = (message: FromReportChild): Promise<void> => sendToParent(message);

process.once('message', (message: ToReportChild) => {
  write(message).then(
    async (report) => {
      await reply({ type: 'done', report });
      process.exit(0);
    },
    async (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      await reply({ type: 'failed', message: text.split('\n')[0] ?? text });
      process.exit(1);
    },
  );
});
