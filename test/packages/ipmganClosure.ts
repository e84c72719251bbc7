import type { WorkspacePackage } from './WorkspacePackage.js';

/** The workspace packages an install of `roots` brings: the roots and their @ipmgan dependencies, transitively. */
export function ipmganClosure(roots: readonly string[], workspaces: readonly WorkspacePackage[]): string[] {
  const byName = new Map(workspaces.map((w) => [w.name, w]));
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const workspace = byName.get(name);
    if (workspace === undefined || seen.has(name)) return;
    seen.add(name);
    for (const dependency of Object.keys(workspace.dependencies ?? {})) visit(dependency);
  };
  for (const root of roots) visit(root);
  return [...seen].sort();
}
