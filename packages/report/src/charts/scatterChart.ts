import type { MixtureModes } from '@ipmgan/core';
import type { Spec } from 'vega';
import { robustDomain } from './robustDomain.js';
import type { ScatterPanel } from './ScatterPanel.js';

const SIZE = 220;

/**
 * A raw vega spec (vega-lite has no 2-D density): per panel the samples as dots, density
 * contours from vega's kde2d + isocontour transforms, and the true mode centres as crosses.
 * All panels share one robust x and one y scale (robustDomain) so they compare by eye.
 */
export function scatterChart(
  title: string,
  panels: readonly ScatterPanel[],
  columns: number,
  modes?: MixtureModes,
  /** Real samples, drawn in grey under every panel's generated ones. */
  real: readonly (readonly [number, number])[] = [],
): Spec {
  const centres = (modes?.centres ?? []).map((c) => ({ x: c[0] ?? 0, y: c[1] ?? 0 }));
  // The real data counts as one more panel: it anchors the range when several runs diverge.
  const all = real.length > 0 ? [...panels, { points: real }] : panels;
  const x = robustDomain(
    all.map((p) => p.points.map((q) => q[0])),
    centres.map((c) => c.x),
  );
  const y = robustDomain(
    all.map((p) => p.points.map((q) => q[1])),
    centres.map((c) => c.y),
  );
  const outside = (q: readonly [number, number]): boolean => q[0] < x[0] || q[0] > x[1] || q[1] < y[0] || q[1] > y[1];
  return {
    title: { text: title, anchor: 'start', fontSize: 14 },
    padding: 8,
    background: 'white',
    layout: { columns: Math.max(1, columns), padding: 24, bounds: 'full', align: 'all' },
    scales: [
      { name: 'x', type: 'linear', domain: x, range: [0, SIZE], nice: false, zero: false },
      { name: 'y', type: 'linear', domain: y, range: [SIZE, 0], nice: false, zero: false },
    ],
    marks: panels.map((panel, i) => {
      const cut = panel.points.filter(outside).length;
      return {
        type: 'group',
        title: { text: cut > 0 ? `${panel.title} (${String(cut)} outside)` : panel.title, fontSize: 12 },
        encode: { update: { width: { value: SIZE }, height: { value: SIZE }, stroke: { value: '#ccc' } } },
        data: [
          { name: `points${i}`, values: panel.points.map(([x, y]) => ({ x, y })) },
          {
            name: `density${i}`,
            source: `points${i}`,
            transform: [
              {
                type: 'kde2d',
                size: [SIZE, SIZE],
                x: { expr: "scale('x', datum.x)" },
                y: { expr: "scale('y', datum.y)" },
                cellSize: 2,
              },
            ],
          },
          {
            name: `contours${i}`,
            source: `density${i}`,
            transform: [{ type: 'isocontour', field: 'grid', levels: 5, resolve: 'independent' }],
          },
          { name: `modes${i}`, values: centres },
          { name: `real${i}`, values: real.map(([rx, ry]) => ({ x: rx, y: ry })) },
        ],
        axes: [
          { orient: 'bottom', scale: 'x', tickCount: 5, grid: false },
          { orient: 'left', scale: 'y', tickCount: 5, grid: false },
        ],
        marks: [
          {
            type: 'symbol',
            clip: true,
            from: { data: `real${i}` },
            encode: {
              update: {
                x: { scale: 'x', field: 'x' },
                y: { scale: 'y', field: 'y' },
                size: { value: 6 },
                fill: { value: '#bbbbbb' },
                fillOpacity: { value: 0.6 },
              },
            },
          },
          {
            type: 'symbol',
            // Cut at the shared range; the title counts what falls outside it.
            clip: true,
            from: { data: `points${i}` },
            encode: {
              update: {
                x: { scale: 'x', field: 'x' },
                y: { scale: 'y', field: 'y' },
                size: { value: 6 },
                fill: { value: '#1f77b4' },
                fillOpacity: { value: 0.45 },
              },
            },
          },
          {
            type: 'path',
            clip: true,
            from: { data: `contours${i}` },
            encode: {
              update: { stroke: { value: '#08306b' }, strokeWidth: { value: 1 }, strokeOpacity: { value: 0.8 } },
            },
            transform: [{ type: 'geopath', field: 'datum.contour' }],
          },
          {
            type: 'symbol',
            from: { data: `modes${i}` },
            encode: {
              update: {
                x: { scale: 'x', field: 'x' },
                y: { scale: 'y', field: 'y' },
                shape: { value: 'cross' },
                size: { value: 60 },
                fill: { value: '#d62728' },
                stroke: { value: 'white' },
                strokeWidth: { value: 0.5 },
              },
            },
          },
        ],
      };
    }),
  };
}
