import type { VegaLiteSpec } from '../FigureRenderer.js';
import type { E1Results } from './measureE1.js';
import { VEGA_LITE_SCHEMA } from '../renderFigure.js';

/** One panel: a closed-form curve (line) and an objective's estimates (points). */
function panel(
  title: string,
  curve: { theta: number; value: number }[],
  points: { theta: number; value: number }[],
  y: string,
): VegaLiteSpec {
  return {
    title,
    width: 220,
    height: 180,
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', color: '#1f77b4' },
        encoding: {
          x: { field: 'theta', type: 'quantitative', title: 'theta' },
          y: { field: 'value', type: 'quantitative', title: y },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', color: '#d62728', filled: true, size: 40 },
        encoding: { x: { field: 'theta', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } },
      },
    ],
  };
}

/**
 * Figure 1 of the paper, extended: W, JS and TV against theta from their closed forms
 * (lines; KL is +inf off 0 and not drawn) with each objective's critic estimate (points):
 * WGAN's estimate / K beside W, the GAN's JS lower bound beside JS, EBGAN's TV / 2 beside
 * the paper's delta, and MMD^2 alone.
 */
export function e1DistanceFigure(results: E1Results): VegaLiteSpec {
  const curve = (key: 'w' | 'js' | 'tv') => results.curve.map((d) => ({ theta: d.theta, value: d[key] }));
  const points = (id: string, scale: (e: { estimate: number; lipschitz: number | null }) => number) =>
    results.objectives
      .filter((o) => o.objective === id)
      .flatMap((o) => o.estimates.map((e) => ({ theta: e.theta, value: scale(e) })));
  const panels: VegaLiteSpec[] = [
    panel(
      'W (line) and WGAN estimate / K',
      curve('w'),
      points('wgan', (e) => e.estimate / (e.lipschitz ?? 1)),
      'W',
    ),
    panel(
      'JS (line) and GAN JS lower bound',
      curve('js'),
      points('gan', (e) => e.estimate),
      'JS',
    ),
    panel(
      'TV (line) and EBGAN TV / 2',
      curve('tv'),
      points('ebgan', (e) => e.estimate / 2),
      'TV',
    ),
  ];
  const mmd = points('mmd', (e) => e.estimate);
  if (mmd.length > 0) panels.push(panel('MMD^2 estimate (no closed form)', [], mmd, 'MMD^2'));
  return { $schema: VEGA_LITE_SCHEMA, hconcat: panels };
}

/** theta against generator iterations, one line per objective. */
export function e1TrainingFigure(results: E1Results): VegaLiteSpec {
  const values = results.objectives.flatMap((o) =>
    o.training.trajectory.map((p) => ({ iteration: p.iteration, theta: p.theta, objective: o.label })),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: 'Training g_theta(z) = (theta, z) from theta0',
    width: 420,
    height: 240,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
      y: { field: 'theta', type: 'quantitative', title: 'theta' },
      color: { field: 'objective', type: 'nominal' },
    },
  };
}
