/**
 * The facet of the per-objective charts: one panel per value of `panel`, two columns, in
 * the order the runs were given rather than alphabetical.
 */
export function objectivePanels(values: readonly { readonly panel: string }[]) {
  return {
    facet: {
      field: 'panel',
      type: 'nominal' as const,
      title: null,
      sort: [...new Set(values.map((v) => v.panel))],
      header: { labelFontSize: 13 },
    },
    columns: 2,
  };
}
