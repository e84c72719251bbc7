/** Settings of blowUps (E8ConfigSchema.blowUp). */
export interface BlowUpRule {
  readonly window: number;
  readonly drop: number;
  readonly warmup: number;
}

/**
 * The iterations where an estimate series "blows up": series[t] < drop x max(series over the
 * `window` entries before t), for t >= warmup (0-based positions); consecutive such positions
 * are one event, reported at its first position. `iterations[t]` names position t.
 */
export function blowUps(series: readonly number[], iterations: readonly number[], rule: BlowUpRule): number[] {
  const events: number[] = [];
  let inside = false;
  for (let t = Math.max(rule.warmup, 1); t < series.length; t++) {
    const past = series.slice(Math.max(0, t - rule.window), t);
    const peak = Math.max(...past);
    const value = series[t] ?? Number.NaN;
    const blown = peak > 0 && value < rule.drop * peak;
    if (blown && !inside) events.push(iterations[t] ?? t);
    inside = blown;
  }
  return events;
}
