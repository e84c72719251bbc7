/** What `ipmgan new-plugin --kind` scaffolds; objective is the default. */
export const PLUGIN_KINDS = ['objective', 'constraint', 'data', 'network', 'hook'] as const;

export type PluginKind = (typeof PLUGIN_KINDS)[number];
