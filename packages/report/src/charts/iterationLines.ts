/**
 * The panel every over-training figure draws: lines of `value` against the generator iteration,
 * the y axis not forced to zero, then `encoding`'s channels (colour, opacity, detail) after x
 * and y. `yTitle` null where the facet's header names the quantity. Type fields of `encoding`
 * need `as const` where the chart is a vega-lite TopLevelSpec.
 */
export function iterationLines<E extends object>(panel: {
  readonly width: number;
  readonly height: number;
  readonly mark: { readonly point?: boolean; readonly strokeWidth: number };
  readonly yTitle: string | null;
  readonly encoding: E;
}): {
  width: number;
  height: number;
  mark: { type: 'line'; point?: boolean; strokeWidth: number };
  encoding: {
    x: { field: string; type: 'quantitative'; title: string };
    y: { field: string; type: 'quantitative'; title: string | null; scale: { zero: boolean } };
  } & E;
} {
  return {
    width: panel.width,
    height: panel.height,
    mark: { type: 'line', ...panel.mark },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'generator iteration' },
      y: { field: 'value', type: 'quantitative', title: panel.yTitle, scale: { zero: false } },
      ...panel.encoding,
    },
  };
}
