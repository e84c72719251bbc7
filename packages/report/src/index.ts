export { renderVega, type RenderedChart, type RenderOptions } from './renderVega.js';
export { renderVegaLite } from './renderVegaLite.js';
export { REPORT_FONT } from './REPORT_FONT.js';
