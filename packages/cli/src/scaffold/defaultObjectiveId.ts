/**
 * The objective id a package name suggests: the name without its scope and without an
 * "ipmgan-" prefix, other characters folded to "-": "@me/ipmgan-mean-matching" -> "mean-matching".
 */
export function defaultObjectiveId(packageName: string): string {
  const bare = packageName.replace(/^@[^/]+\//, '').replace(/^ipmgan-(plugin-)?/, '');
  return bare
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
}
