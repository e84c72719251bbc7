function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[^A-Za-z0-9_.+-]/g, '-');
}

/**
 * The label of a sweep setting, `clip=0.01_nCritic=5`: each path of `values` by its last
 * segment (the whole path where two of the sweep's `paths` share one), each value with
 * characters other than letters, digits and `_.+-` replaced by `-`. Empty for no values.
 */
export function sweepLabel(values: Readonly<Record<string, unknown>>, paths: readonly string[]): string {
  const last = (p: string): string => p.split('.').at(-1) ?? p;
  const name = (p: string): string => (paths.filter((q) => last(q) === last(p)).length > 1 ? p : last(p));
  return Object.entries(values)
    .map(([path, value]) => `${name(path)}=${formatValue(value)}`)
    .join('_');
}
