/** What a report wrote: absolute paths. */
export interface ReportFiles {
  readonly html: string;
  readonly markdown: string;
  readonly figures: readonly string[];
}
