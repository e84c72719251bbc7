import type { MixtureModes } from '@ipmgan/core';
import { readSampleFile } from '@ipmgan/core/engine';
import { estimateChart } from './charts/estimateChart.js';
import { lossChart } from './charts/lossChart.js';
import type { ScatterPanel } from './charts/ScatterPanel.js';
import { scatterChart } from './charts/scatterChart.js';
import { timeChart } from './charts/timeChart.js';
import { w1Chart } from './charts/w1Chart.js';
import type { Figure } from './Figure.js';
import { pickIterations } from './pickIterations.js';
import { realPointsOf } from './realPointsOf.js';
import type { RunData } from './RunData.js';
import { renderVega } from './renderVega.js';
import { renderVegaLite } from './renderVegaLite.js';
import { sampleSheet } from './sampleSheet.js';
import { sweepChart } from './charts/sweepChart.js';
import type { SummaryRow } from './SummaryRow.js';
import type { SweepRun } from './SweepRun.js';
import { scopeSvgIds } from './scopeSvgIds.js';

/** Figures and the notes that explain the ones left out. */
export interface Figures {
  readonly figures: Figure[];
  readonly notes: string[];
}

async function chart(
  name: string,
  heading: string,
  caption: string,
  rendered: Promise<{ svg: string; png: Buffer | null }>,
): Promise<Figure> {
  const { svg, png } = await rendered;
  return { name, heading, caption, png, html: scopeSvgIds(svg, name) };
}

/** The first run of each label: sample plots show one seed per objective. */
function firstSeeds(runs: readonly RunData[]): RunData[] {
  return runs.filter((run, i) => runs.findIndex((r) => r.label === run.label) === i);
}

/** Renders every figure of a report over `runs` (one run for a run report). */
export async function buildFigures(
  runs: readonly RunData[],
  modes: MixtureModes | undefined,
  plotIterations?: readonly number[],
  /** A swept comparison: its table rows and what each label swept. */
  swept?: { readonly rows: readonly SummaryRow[]; readonly sweep: readonly SweepRun[] },
): Promise<Figures> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const sweep = swept ? sweepChart(swept.rows, swept.sweep) : null;
  if (sweep)
    figures.push(
      await chart(
        'sweep',
        'Metrics against the swept settings',
        'Each metric at the last evaluation (mean and ± 1 standard error over seeds) against each swept path, one line per objective and setting of the other paths.',
        renderVegaLite(sweep),
      ),
    );
  const withMetrics = runs.filter((r) => r.metrics.length > 0);
  if (withMetrics.length === 0) {
    notes.push('No curves: no run has metrics.jsonl lines.');
  } else {
    figures.push(
      await chart(
        'estimate',
        'Estimate',
        "Each objective's own estimate (its name after the objective id) against generator iterations; separate panels and y axes because the estimates are different distances. Light: raw; dark: running median.",
        renderVegaLite(estimateChart(withMetrics)),
      ),
      await chart(
        'losses',
        'Losses',
        'Critic and generator losses, raw (faint) and median-filtered (solid), one panel per objective.',
        renderVegaLite(lossChart(withMetrics)),
      ),
    );
    const w1 = w1Chart(withMetrics);
    if (w1 === null) {
      notes.push(
        'Exact W1 unavailable: no metrics.jsonl line has evaluation.w1 (train with run.evaluateEvery > 0 and the sample-quality evaluator).',
      );
    } else {
      figures.push(
        await chart(
          'w1',
          'Exact W1',
          'Exact W1 of generated vs real samples (optimal assignment): one distance for every objective, so one axis.',
          renderVegaLite(w1),
        ),
      );
    }
    const time = timeChart(withMetrics);
    if (time === null) notes.push('Time per iteration unavailable: a run needs two metrics.jsonl lines.');
    else {
      figures.push(
        await chart(
          'time',
          'Time per iteration',
          'Wall-clock milliseconds per generator iteration between consecutive log lines.',
          renderVegaLite(time),
        ),
      );
    }
  }
  const first = firstSeeds(runs);
  figures.push(...(await sampleFigures(first, modes, plotIterations, notes, 'samples', 'Samples', runs.length > 1)));
  // Every seed reachable: the other seeds' samples at their last sample file.
  const others = runs.filter((run) => !first.includes(run));
  if (others.length > 0) {
    const last = others.flatMap((run) => {
      const file = run.samples.at(-1);
      return file === undefined ? [] : [{ ...run, samples: [file] }];
    });
    figures.push(
      ...(await sampleFigures(
        last,
        modes,
        undefined,
        notes,
        'samples-other-seeds',
        'Samples of the other seeds',
        true,
      )),
    );
  }
  return { figures, notes };
}

async function sampleFigures(
  runs: readonly RunData[],
  modes: MixtureModes | undefined,
  plotIterations: readonly number[] | undefined,
  notes: string[],
  name: string,
  heading: string,
  /** Name the seed in panel titles (a comparison). */
  showSeed: boolean,
): Promise<Figure[]> {
  const panels: ScatterPanel[] = [];
  const sheets: Figure[] = [];
  let columns = 1;
  for (const run of runs) {
    const iterations = pickIterations(
      run.samples.map((s) => s.iteration),
      plotIterations,
    );
    if (iterations.length === 0) {
      notes.push(
        `No samples for ${run.label}: ${run.samples.length === 0 ? 'the run wrote no sample files' : `none at iterations ${plotIterations?.join(', ') ?? ''}`}.`,
      );
      continue;
    }
    columns = Math.max(columns, iterations.length);
    for (const iteration of iterations) {
      const file = run.samples.find((s) => s.iteration === iteration);
      if (file === undefined) continue;
      const values = readSampleFile(file.path);
      const title = `${run.label}${showSeed ? ` (seed ${String(run.seed)})` : ''}, iteration ${String(iteration)}`;
      if (values.shape.length === 2 && (values.shape[1] ?? 0) >= 2) {
        const width = values.shape[1] ?? 2;
        const points = Array.from(
          { length: values.shape[0] ?? 0 },
          (_, i) => [values.data[i * width] ?? 0, values.data[i * width + 1] ?? 0] as const,
        );
        panels.push({ title, points });
      } else if (values.shape.length >= 3) {
        const png = sampleSheet(values);
        const sheetName = `${name}-${run.label}-${String(run.seed)}-${String(iteration)}`;
        sheets.push({
          name: sheetName,
          heading: `${heading}: ${title}`,
          caption: `The first ${Math.min(64, values.shape[0] ?? 0)} generated images.`,
          png,
          html: `<img class="sheet" alt="${sheetName}" src="data:image/png;base64,${png.toString('base64')}">`,
        });
      } else {
        notes.push(
          `No sample plot for ${run.label}: samples of shape [${values.shape.join(', ')}] are not 2-D points or images.`,
        );
      }
    }
  }
  if (panels.length === 0) return sheets;
  const first = runs[0];
  const real = first === undefined ? undefined : await realPointsOf(first);
  const scatter = await chart(
    name,
    heading,
    `Generated samples (blue dots) with density contours${real ? `, over ${String(real.length)} real samples (grey)` : ''}${modes ? ' and the true mode centres (red crosses)' : ''}. Every panel shares one robust scale: the union of the panels' 2nd to 98th percentile ranges${modes ? ' and the modes' : ''}, leaving out a panel more than five times wider than the median one (a diverged run), whose points outside are cut at the edge and counted in its title.`,
    renderVega(
      scatterChart(
        heading === 'Samples' ? 'Generated samples' : `${heading}, at their last sample file`,
        panels,
        columns,
        modes,
        real,
      ),
    ),
  );
  return [scatter, ...sheets];
}
