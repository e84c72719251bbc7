import { iterationLines } from './iterationLines.js';

/**
 * The per-objective charts (estimate, losses): one panel per value of `panel`, two columns, in
 * the order the runs were given rather than alphabetical, each iterationLines of `yTitle` with
 * `encoding` and its own axes. `finiteOnly` drops the points whose value is not a finite number.
 */
export function objectivePanels<E extends object>(chart: {
  readonly title: string;
  readonly values: { readonly panel: string }[];
  readonly finiteOnly?: boolean;
  readonly yTitle: string;
  readonly encoding: E;
}): {
  title: string;
  data: { values: { readonly panel: string }[] };
  transform?: { filter: string }[];
  facet: { field: string; type: 'nominal'; title: null; sort: string[]; header: { labelFontSize: number } };
  columns: number;
  spec: ReturnType<typeof iterationLines<E>>;
  resolve: { scale: { y: 'independent'; x: 'independent' } };
} {
  return {
    title: chart.title,
    data: { values: chart.values },
    ...(chart.finiteOnly === true ? { transform: [{ filter: 'isValid(datum.value) && isFinite(datum.value)' }] } : {}),
    facet: {
      field: 'panel',
      type: 'nominal',
      title: null,
      sort: [...new Set(chart.values.map((v) => v.panel))],
      header: { labelFontSize: 13 },
    },
    columns: 2,
    spec: iterationLines({
      width: 320,
      height: 180,
      mark: { strokeWidth: 1.5 },
      yTitle: chart.yTitle,
      encoding: chart.encoding,
    }),
    resolve: { scale: { y: 'independent', x: 'independent' } },
  };
}
