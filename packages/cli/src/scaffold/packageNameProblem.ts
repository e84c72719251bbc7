const MAX_LENGTH = 214;
/** npm's rule for new package names: lower case, URL-safe, not starting with "." or "_". */
const PART = /^[a-z0-9~-][a-z0-9._~-]*$/;

/** Why `name` cannot be an npm package name, or null when it can. */
export function packageNameProblem(name: string): string | null {
  if (name.length === 0) return 'the package name is empty';
  if (name.length > MAX_LENGTH) return `"${name}" is longer than ${MAX_LENGTH} characters`;
  if (name.trim() !== name) return `"${name}" has leading or trailing spaces`;
  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name);
  if (name.startsWith('@') && !scoped) return `"${name}" is not of the form @scope/name`;
  const parts = scoped ? [scoped[1] ?? '', scoped[2] ?? ''] : [name];
  for (const part of parts) {
    if (!PART.test(part))
      return `"${name}" is not a valid npm package name (lower-case letters, digits, "-", ".", "_", "~"; not starting with "." or "_")`;
  }
  if (!scoped && ['node_modules', 'favicon.ico'].includes(name)) return `"${name}" is a reserved npm name`;
  return null;
}
