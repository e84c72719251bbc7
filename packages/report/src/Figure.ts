/**
 * One figure of a report: its file under figures/ (name.png, or name.svg, the inline SVG, where
 * resvg cannot rasterise: see rasterise), a caption, and what the HTML shows inline.
 */
export interface Figure {
  readonly name: string;
  readonly heading: string;
  readonly caption: string;
  readonly png: Buffer | null;
  /** Inline SVG markup, or an <img> with a data: URL for raster sample sheets. */
  readonly html: string;
}
