// Words a `const` cannot be called, that a kebab id could spell.
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if implements import in instanceof interface let new null package private protected ' +
    'public return static super switch this throw true try typeof var void while with yield'
  ).split(' '),
);

/** The camelCase identifier of a kebab id: "mean-matching" -> "meanMatching"; "new" -> "newObjective". */
export function identifierOf(id: string): string {
  const camel = id.replace(/-([a-z0-9])/g, (_match: string, c: string) => c.toUpperCase());
  return RESERVED.has(camel) ? `${camel}Objective` : camel;
}
