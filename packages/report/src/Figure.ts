/** One figure of a report: its PNG file name under figures/, a caption, and what the HTML shows inline. */
export interface Figure {
  readonly name: string;
  readonly heading: string;
  readonly caption: string;
  readonly png: Buffer;
  /** Inline SVG markup, or an <img> with a data: URL for raster sample sheets. */
  readonly html: string;
}
