import type { WorkspacePackage } from './WorkspacePackage.js';

/**
 * The workspace packages an install of `roots` brings: the roots and their @ipmgan dependencies,
 * transitively, optional ones included unless `omitOptional` (npm install --omit=optional).
 */
export function ipmganClosure(
  roots: readonly string[],
  workspaces: readonly WorkspacePackage[],
  omitOptional = false,
): string[] {
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const workspace = byName.get(name);
    if (workspace === undefined || seen.has(name)) return;
    seen.add(name);
    const optional = omitOptional ? {} : (workspace.optionalDependencies ?? {});
    for (const dependency of Object.keys({ ...workspace.dependencies, ...optional })) visit(dependency);
  };
  for (const root of roots) visit(root);
  return [...seen].sort();
}
