import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromReportChild, ToReportChild } from './reportWorker.js';
import type { ReportJobResult } from './RunJob.js';

const reportModule = fileURLToPath(new URL('./reportWorker.js', import.meta.url));

/**
 * Writes a queued compare's report (reportComparison) in a child process, so that rendering
 * its figures does not hold up the worker's lock renewals; rejects with the child's one line.
 */
export function writeReportInChild(message: ToReportChild): Promise<ReportJobResult['report']> {
  return new Promise((resolve, reject) => {
    const child = fork(reportModule, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    let answer: FromReportChild | undefined;
    child.on('message', (reply: FromReportChild) => {
      answer = reply;
    });
    child.on('exit', (code, signal) => {
      if (answer?.type === 'done') resolve(answer.report);
      else
        reject(
          new Error(
            answer?.message ??
              `the report's process exited with ${signal ?? `code ${String(code)}`}: ${stderr.trim().split('\n').pop() ?? ''}`,
          ),
        );
    });
    child.send(message);
  });
}
