/**
 * A rule is the unit of configuration and documentation for one kind of
 * problem, as in remark-lint: an id that is part of the public interface, a
 * default severity that `briefpress.config.json` may override, and a one-line
 * description used by `--help`, the README and the docs URL.
 */
export type Severity = 'error' | 'warning' | 'info'

/** What a user may set a rule to in the config file. */
export type RuleSetting = 'off' | 'warn' | 'error'

export interface RuleMeta {
  readonly id: string
  readonly severity: Severity
  readonly description: string
}

export const SOURCE = 'briefpress'

/** Every message links to the rule's section of the rules reference. */
export const DOCS_URL = 'https://github.com/briefpress/briefpress/blob/main/docs/rules.md'

export function docsUrl(ruleId: string): string {
  return `${DOCS_URL}#${ruleId}`
}

export function defineRule<const Id extends string>(meta: RuleMeta & {id: Id}): RuleMeta & {id: Id} {
  return Object.freeze(meta)
}
