/** Three significant digits; an exponent only for very large or very small magnitudes. */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-4) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}
