import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { REPORT_FONT } from './REPORT_FONT.js';

/** Rasterises SVG text on white with the system fonts; `scale` is PNG pixels per SVG unit. */
export function rasterise(svg: string, scale: number): RenderedImage {
  return new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: REPORT_FONT, sansSerifFamily: REPORT_FONT },
  }).render();
}
