/** A vega-lite spec as plain JSON (the report package's renderVegaLite types it as vega-lite's TopLevelSpec). */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/**
 * Renders a vega-lite spec to inline SVG text and PNG bytes (the shape of @ipmgan/report's
 * renderVegaLite); png null where resvg's optional binary is absent.
 */
export type FigureRenderer = (spec: VegaLiteSpec) => Promise<{ readonly svg: string; readonly png: Uint8Array | null }>;
