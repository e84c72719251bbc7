import { renderVegaLite } from '@ipmgan/report';
import type { FigureRenderer } from './FigureRenderer.js';

/** The vega-lite version every experiment figure's spec declares (`$schema`). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The report package's renderer: inline SVG and PNG of a vega-lite spec. The specs here are
 * built as plain JSON; vega-lite's compiler validates them.
 */
export const renderFigure: FigureRenderer = async (spec) =>
  renderVegaLite(spec as unknown as Parameters<typeof renderVegaLite>[0]);
