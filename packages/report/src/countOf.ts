/** `1 run`, `2 runs`, `0 claims`: a count with its noun in the number it takes (nouns with a plain -s plural). */
export function countOf(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
