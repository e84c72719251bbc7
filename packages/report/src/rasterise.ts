import { createRequire } from 'node:module';
import type { RenderedImage, Resvg } from '@resvg/resvg-js';
import { REPORT_FONT } from './REPORT_FONT.js';

const require = createRequire(import.meta.url);
/** resvg, loaded on first use; null where its platform binary is absent (npm install --omit=optional). */
let resvg: { Resvg: typeof Resvg } | null | undefined;

/**
 * Rasterises SVG text on white with the system fonts; `scale` is PNG pixels per
 * SVG unit. null where resvg cannot load: @resvg/resvg-js ships its binary as an optional
 * dependency, like @ipmgan/native, and a report must not fail for want of PNGs (the writers
 * keep the SVG instead).
 */
export function rasterise(svg: string, scale: number): RenderedImage | null {
  if (resvg === undefined) {
    try {
      resvg = require('@resvg/resvg-js') as { Resvg: typeof Resvg };
    } catch {
      resvg = null;
    }
  }
  if (resvg === null) return null;
  return new resvg.Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: REPORT_FONT, sansSerifFamily: REPORT_FONT },
  }).render();
}
