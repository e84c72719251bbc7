const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Why `id` cannot be a scaffolded objective id, or null when it can. */
export function objectiveIdProblem(id: string): string | null {
  return ID.test(id) ? null : `--id: "${id}" is not a lower-case kebab id starting with a letter (e.g. mean-matching)`;
}
