/**
 * A memo carried from one build to the next: it answers from the previous
 * build's entries and keeps for the next build only the entries used now,
 * so it never grows beyond what one build prints or writes.
 */
export class CarriedMemo {
  readonly next = new Map<string, string>()
  readonly #previous: ReadonlyMap<string, string> | undefined

  constructor(previous?: ReadonlyMap<string, string>) {
    this.#previous = previous
  }

  get(key: string): string | undefined {
    return this.next.get(key) ?? this.#previous?.get(key)
  }

  set(key: string, value: string): void {
    this.next.set(key, value)
  }
}
