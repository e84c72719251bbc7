import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '@ipmgan/core';
import { buildFigures } from './buildFigures.js';
import type { Figure } from './Figure.js';
import type { ComparisonReport } from './ComparisonReport.js';
import { describeRun } from './describeRun.js';
import { escapeHtml } from './escapeHtml.js';
import { formatSummaryTable } from './formatSummaryTable.js';
import { mixtureModesOf } from './mixtureModesOf.js';
import type { RunData } from './RunData.js';
import type { ReportRun } from './ReportRun.js';
import { summariseRuns } from './summariseRuns.js';
import { SUMMARY_COLUMNS } from './SUMMARY_COLUMNS.js';
import { customColumns, summaryCells } from './summaryCells.js';
import type { SweepRun } from './SweepRun.js';

const STYLE = `body{font-family:"DejaVu Sans",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}figure{margin:1.5em 0}
figure svg{max-width:100%;height:auto}img.sheet{image-rendering:pixelated;max-width:100%}
figcaption,.notes{color:#555;font-size:14px}code{font-size:13px}`;

function notesFor(
  runs: readonly RunData[],
  notes: readonly string[],
  rows: ReturnType<typeof summariseRuns>,
): string[] {
  const missing = SUMMARY_COLUMNS.filter((c) => rows.every((row) => row.cells[c.key] === null));
  const extra = missing.map((c) =>
    c.key === 'meaningfulLoss'
      ? `${c.header} unavailable: it needs at least two evaluations with w1 in a run.`
      : c.key === 'msPerIteration'
        ? `${c.header} unavailable: no metrics.jsonl lines.`
        : `${c.header} unavailable: no run recorded evaluation.${c.key}.`,
  );
  return [...notes, ...extra, ...(runs.length === 0 ? ['No runs.'] : [])];
}

function htmlTable(cells: readonly (readonly string[])[], numericFrom: number): string {
  const [header = [], ...body] = cells;
  const head = `<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
  const rows = body.map(
    (row) =>
      `<tr>${row.map((cell, j) => (j >= numericFrom ? `<td class="num">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`,
  );
  return `<table>\n${head}\n${rows.join('\n')}\n</table>`;
}

function markdownTable(cells: readonly (readonly string[])[]): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|');
  const [header = [], ...body] = cells;
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `|${header.map(() => ' --- |').join('')}`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** The run-configuration table: one column per run, one row per field. */
function configCells(runs: readonly RunData[]): string[][] {
  const described = runs.map((r) => new Map(describeRun(r)));
  // Every run has the same fields but for amendments, which only resumed runs with --set have.
  const fields = [...new Set(described.flatMap((d) => [...d.keys()]))];
  const header = ['', ...runs.map((r) => (runs.length > 1 ? `${r.label}, seed ${r.seed}` : r.config.name))];
  return [header, ...fields.map((field) => [field, ...described.map((d) => d.get(field) ?? 'none')])];
}

/** The runs table of a comparison: every run with its state, iterations and error. */
function statusCells(statuses: readonly ReportRun[]): string[][] {
  return [
    ['run', 'seed', 'status', 'iterations', 'error'],
    ...statuses.map((r) => [
      r.label,
      String(r.seed),
      r.status?.state ?? 'finished',
      r.status ? String(r.status.iteration) : '',
      r.status?.message ?? '',
    ]),
  ];
}

export interface ReportFilesOptions {
  readonly plotIterations?: readonly number[] | undefined;
  readonly sweep?: readonly SweepRun[] | undefined;
  /** A comparison's runs with their status: adds the runs table. */
  readonly statuses?: readonly ReportRun[];
  /** Runs that did not finish (not in `runs`): counted in their row's seeds cell. */
  readonly unfinished?: readonly ReportRun[];
}

/** A figure's file under figures/: its PNG, or its SVG where there is none. */
function figureFile(figure: Figure): string {
  return `${figure.name}.${figure.png ? 'png' : 'svg'}`;
}

/**
 * Renders the figures of `runs`, writes report.html (self-contained: inline SVG and data: URLs,
 * no scripts), report.md and figures/*.png into `outDirectory`, and returns the paths and table.
 */
export async function writeReportFiles(
  outDirectory: string,
  title: string,
  runs: readonly RunData[],
  options: ReportFilesOptions = {},
): Promise<ComparisonReport> {
  const { plotIterations, sweep, statuses } = options;
  const root = resolve(outDirectory);
  const figuresDirectory = join(root, 'figures');
  mkdirSync(figuresDirectory, { recursive: true });
  const first = runs[0];
  const modes = first === undefined ? undefined : mixtureModesOf(first.config);
  const rows = summariseRuns(runs, options.unfinished);
  const { figures, notes } = await buildFigures(runs, modes, plotIterations, sweep ? { rows, sweep } : undefined);
  const table = formatSummaryTable(rows);
  const allNotes = notesFor(runs, notes, rows);
  const figurePaths = figures.map((figure) => {
    const path = join(figuresDirectory, figureFile(figure));
    writeFileSync(path, figure.png ?? figure.html);
    return path;
  });

  const metricsCells = summaryCells(rows);
  const legend = [
    ...SUMMARY_COLUMNS.map((c) => `${c.header}: ${c.meaning}`),
    ...customColumns(rows).map((name) => `${name}: a hook's evaluate() metric, at the last evaluation`),
  ];
  const seeds = [...new Set(runs.map((r) => r.seed))].join(', ');
  const notFinished = options.unfinished?.length ?? 0;
  const lead =
    `${runs.length} run${runs.length === 1 ? '' : 's'}, seeds ${seeds}. Table cells: mean ± standard error over seeds (— for a single seed).` +
    (notFinished > 0
      ? ` ${String(notFinished)} run${notFinished === 1 ? '' : 's'} did not finish and ${notFinished === 1 ? 'is' : 'are'} not in the cells (see Runs).`
      : '');

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(lead)}</p>
<h2>Configuration</h2>
${htmlTable(configCells(runs), Number.POSITIVE_INFINITY)}
<h2>Metrics</h2>
${htmlTable(metricsCells, 3)}
${statuses ? `<h2>Runs</h2>\n${htmlTable(statusCells(statuses), Number.POSITIVE_INFINITY)}` : ''}
<ul class="notes">
${[...legend, ...allNotes].map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}
</ul>
${figures
  .map(
    (f) => `<figure id="figure-${escapeHtml(f.name)}">
<h2>${escapeHtml(f.heading)}</h2>
${f.html}
<figcaption>${escapeHtml(f.caption)}</figcaption>
</figure>`,
  )
  .join('\n')}
</body>
</html>
`;

  const markdown = `# ${title}

${lead}

## Configuration

${markdownTable(configCells(runs))}

## Metrics

${markdownTable(metricsCells)}
${statuses ? `\n## Runs\n\n${markdownTable(statusCells(statuses))}\n` : ''}
${[...legend, ...allNotes].map((n) => `- ${n}`).join('\n')}

${figures.map((f) => `## ${f.heading}\n\n![${f.heading}](figures/${figureFile(f)})\n\n${f.caption}\n`).join('\n')}`;

  const htmlPath = join(root, 'report.html');
  const markdownPath = join(root, 'report.md');
  writeFileAtomic(htmlPath, html);
  writeFileAtomic(markdownPath, markdown);
  return { html: htmlPath, markdown: markdownPath, figures: figurePaths, rows, table };
}
