/** What the `new-plugin` templates are filled in with. */
export interface PluginSpec {
  /** The npm package name, e.g. "ipmgan-mean-matching" or "@me/ipmgan-mean-matching". */
  readonly packageName: string;
  /** The objective's id in config files, lower-case kebab, e.g. "mean-matching". */
  readonly id: string;
  /** The id in camelCase: the objective's export and its file name, e.g. "meanMatching". */
  readonly identifier: string;
  /** The version of @ipmgan/core the scaffold was made with, e.g. "0.1.0". */
  readonly coreVersion: string;
}
