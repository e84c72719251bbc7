/** Critic constraints in a few words: `weight-clipping clip=0.01`, or `none`. */
export function describeConstraints(
  constraints: readonly { readonly name: string; readonly options?: Readonly<Record<string, unknown>> }[],
): string {
  if (constraints.length === 0) return 'none';
  return constraints
    .map((c) => [c.name, ...Object.entries(c.options ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`)].join(' '))
    .join(', ');
}
