/** .gitignore of a scaffolded plugin (`npm pack` writes its tarball into the folder). */
export function pluginGitignore(): string {
  return 'node_modules/\ndist/\n*.tsbuildinfo\n*.tgz\n';
}
