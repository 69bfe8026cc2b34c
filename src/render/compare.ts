/** Strings in code-unit order, never locale order, so that the same archive gives the same site on any machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
