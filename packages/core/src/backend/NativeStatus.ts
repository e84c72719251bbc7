/** Whether the addon loads here: where from, or why not (one line). */
export type NativeStatus =
  | { readonly loaded: true; readonly source: 'prebuilt' | 'local build'; readonly path: string }
  | { readonly loaded: false; readonly reason: string };
