/** .gitignore of a scaffolded plugin. */
export function pluginGitignore(): string {
  return 'node_modules/\ndist/\n*.tsbuildinfo\n';
}
