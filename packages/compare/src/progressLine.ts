/** What a progress line shows of one run. */
export interface ProgressFigures {
  readonly iteration: number;
  readonly target: number;
  /** Iterations per second so far; NaN before the first. */
  readonly rate: number;
  /** The objective's estimate under its own name (W1*K, IPM(GP), MMD^2...), never plain "W1". */
  readonly estimateName: string;
  readonly estimate?: number;
  /** The last exact W1 of an evaluation. */
  readonly w1?: number;
}

/** mm:ss, or h:mm:ss from an hour on; --:-- while unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const two = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const mmss = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return h > 0 ? `${String(h)}:${mmss}` : mmss;
}

/** Three significant digits, in at most 9 characters. */
function compact(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? x.toExponential(1) : String(Number(x.toPrecision(3)));
}

/**
 * `1200/3000 12.3 it/s ETA 02:31 W1*K 0.123 W1 0.52`, cut to `width` characters: with a
 * 16-cell bar and a run's name it still fits 80 columns.
 */
export function progressLine(figures: ProgressFigures, width = 80): string {
  const eta = (figures.target - figures.iteration) / figures.rate;
  const parts = [
    `${String(figures.iteration)}/${String(figures.target)}`,
    `${Number.isFinite(figures.rate) ? figures.rate.toFixed(figures.rate < 10 ? 2 : 1) : '-'} it/s`,
    `ETA ${formatDuration(eta)}`,
    ...(figures.estimate === undefined ? [] : [`${figures.estimateName} ${compact(figures.estimate)}`]),
    ...(figures.w1 === undefined ? [] : [`W1 ${compact(figures.w1)}`]),
  ];
  const text = parts.join(' ');
  return text.length <= width ? text : `${text.slice(0, width - 1)}~`;
}
