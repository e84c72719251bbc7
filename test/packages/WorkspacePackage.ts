/** The fields of a workspace's package.json the test reads (from `npm query .workspace`). */
export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  readonly location: string;
  readonly private?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  /** @ipmgan/native's prebuilt platform package is one. */
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly ipmganPlugin?: { readonly objective?: string };
}
