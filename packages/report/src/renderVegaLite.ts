import { compile, type TopLevelSpec } from 'vega-lite';
import { REPORT_FONT } from './REPORT_FONT.js';
import { renderVega, type RenderedChart, type RenderOptions } from './renderVega.js';

/** Compiles a vega-lite spec to vega and renders it to SVG and PNG (see renderVega). */
export async function renderVegaLite(spec: TopLevelSpec, options: RenderOptions = {}): Promise<RenderedChart> {
  const { spec: vegaSpec } = compile(spec, { config: { font: REPORT_FONT } });
  return renderVega(vegaSpec, options);
}
