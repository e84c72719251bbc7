/** One scatter panel: 2-D sample points (first two coordinates) under a title. */
export interface ScatterPanel {
  readonly title: string;
  readonly points: readonly (readonly [number, number])[];
}
