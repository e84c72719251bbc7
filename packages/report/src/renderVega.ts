import { parse, View, type Config, type Spec } from 'vega';
import { rasterise } from './rasterise.js';
import { REPORT_FONT } from './REPORT_FONT.js';

/** A chart as inline SVG (for HTML) and as PNG (for Markdown and files; null where resvg cannot load, see rasterise). */
export interface RenderedChart {
  readonly svg: string;
  readonly png: Buffer | null;
}

/** Options for rendering a chart. */
export interface RenderOptions {
  /** PNG pixels per SVG unit; 2 gives sharp figures on high-density screens. */
  readonly pngScale?: number;
}

// Vega has no top-level font setting (vega-lite's config.font compiles to these).
const FONT_CONFIG: Config = {
  text: { font: REPORT_FONT },
  title: { font: REPORT_FONT, subtitleFont: REPORT_FONT },
  axis: { labelFont: REPORT_FONT, titleFont: REPORT_FONT },
  legend: { labelFont: REPORT_FONT, titleFont: REPORT_FONT },
};

/**
 * Renders a raw vega spec headlessly: a vega View with no renderer produces the SVG text
 * (no canvas needed), resvg rasterises it to PNG with the system's DejaVu Sans.
 */
export async function renderVega(spec: Spec, options: RenderOptions = {}): Promise<RenderedChart> {
  const view = new View(parse(spec, FONT_CONFIG), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return { svg, png: rasterise(svg, options.pngScale ?? 2)?.asPng() ?? null };
  } finally {
    view.finalize();
  }
}
