import leven from 'leven'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {z} from 'zod'
import type {Reporter} from '../diagnostics/reporter.js'
import {defineRule} from '../diagnostics/rule.js'
import type {FrontMatterBlock} from '../parse/front-matter.js'

export const frontMatterSchemaRule = defineRule({
  id: 'front-matter-schema',
  severity: 'error',
  description: 'A front-matter key is missing or has the wrong type or format (`title`, `date`, `summary`, `tags`, `draft`).'
})

export const unknownCategory = defineRule({
  id: 'unknown-category',
  severity: 'error',
  description: 'The `category` is not one of the configured `categories`; the message suggests the closest one.'
})

export const unknownFrontMatterKey = defineRule({
  id: 'unknown-front-matter-key',
  severity: 'warning',
  description: 'The front matter has a key Briefpress does not know (often a typo of a known key).'
})

export const frontMatterRules = [frontMatterSchemaRule, unknownCategory, unknownFrontMatterKey]

const KNOWN_KEYS = ['title', 'date', 'category', 'layout', 'summary', 'tags', 'draft'] as const

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-30), kept as a string. */
export const calendarDay = z
  .string({error: 'expected a date as `YYYY-MM-DD`'})
  // abort: a malformed date gets one message, not also "not a real day".
  .regex(/^\d{4}-\d{2}-\d{2}$/, {error: 'expected a calendar day as `YYYY-MM-DD` (no time, no time zone)', abort: true})
  .refine(isRealDay, {error: 'expected a real calendar day'})

export function frontMatterSchema(categories: readonly string[]) {
  return z.object({
      title: z.string({error: 'expected a title as text'}).trim().min(1, {error: 'expected a non-empty title'}),
      date: calendarDay,
      category: z.enum(categories as [string, ...string[]], {error: `expected one of ${categories.map((c) => `\`${c}\``).join(', ')}`}),
      layout: z.string({error: 'expected a layout name as text'}).optional(),
      summary: z.string({error: 'expected a summary as text'}).optional(),
      tags: z.array(z.string({error: 'expected each tag as text'}), {error: 'expected a list of tags'}).optional(),
      draft: z.boolean({error: 'expected `true` or `false`'}).optional()
    })
}

export type FrontMatter = z.infer<ReturnType<typeof frontMatterSchema>>

type Schemas = {schema: ReturnType<typeof frontMatterSchema>; strict: ReturnType<ReturnType<typeof frontMatterSchema>['strict']>}
const schemasByCategories = new Map<string, Schemas>()

/**
 * The schema for a list of categories, made once: building a zod object
 * schema, and the parser zod compiles for it on first use, cost more than
 * validating one brief's front matter with it.
 */
function schemasFor(categories: readonly string[]): Schemas {
  const key = JSON.stringify(categories)
  let schemas = schemasByCategories.get(key)
  if (!schemas) {
    const schema = frontMatterSchema(categories)
    // Strict, so that unknown keys surface as issues (reported as warnings).
    schemasByCategories.set(key, (schemas = {schema, strict: schema.strict()}))
  }
  return schemas
}

/**
 * Validates front matter with zod and turns each issue into its own located
 * message (as Astro's content layer does): at the offending key's value, or
 * at the front-matter block for a missing key. Returns the data when valid.
 */
export function validateFrontMatter(
  file: VFile,
  block: FrontMatterBlock,
  categories: readonly string[],
  reporter: Reporter
): FrontMatter | undefined {
  const {schema, strict} = schemasFor(categories)
  const result = strict.safeParse(block.data)
  if (result.success) return result.data

  let fatal = false
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '')
    if (issue.code === 'unrecognized_keys') {
      for (const unknown of issue.keys) {
        const suggestion = closest(unknown, KNOWN_KEYS)
        reporter.report(
          file,
          unknownFrontMatterKey,
          `Unexpected front-matter key \`${unknown}\`${suggestion ? `, did you mean \`${suggestion}\`?` : `, expected one of ${KNOWN_KEYS.map((k) => `\`${k}\``).join(', ')}`}`,
          block.keys.get(unknown)?.key ?? block.place.start,
          {expected: [...KNOWN_KEYS], actual: unknown}
        )
      }
      continue
    }
    fatal = true
    const value = block.data[key]
    const where: Position | undefined = block.keys.get(key)?.value
    if (key === 'category' && typeof value === 'string') {
      const suggestion = closest(value, categories)
      reporter.report(
        file,
        unknownCategory,
        // A close match is the one expected value named (said once, not again as a "did you mean").
        `Unexpected category \`${value}\`, expected ${suggestion ? `\`${suggestion}\`` : `one of ${categories.map((c) => `\`${c}\``).join(', ')}`}`,
        where,
        {expected: [...categories], actual: value, note: 'Allowed categories come from `categories` in briefpress.config.json.'}
      )
      continue
    }
    if (value === undefined && issue.path.length === 1) {
      reporter.report(file, frontMatterSchemaRule, `Missing \`${key}\` in front matter, ${issue.message}`, block.place, {
        note: `Add a \`${key}:\` line between the \`---\` lines.`
      })
      continue
    }
    const path = issue.path.map(String).join('.')
    reporter.report(
      file,
      frontMatterSchemaRule,
      `Unexpected \`${path}\` ${describe(value, issue.path)}, ${issue.message}`,
      where ?? block.place.start
    )
  }
  // Only unknown keys: the brief is usable, without them.
  return fatal ? undefined : schema.parse(block.data)
}

function describe(value: unknown, path: readonly PropertyKey[]): string {
  let current: unknown = value
  for (const part of path.slice(1)) current = (current as Record<PropertyKey, unknown> | undefined)?.[part as string]
  if (typeof current === 'string') return `value \`${current.length > 40 ? current.slice(0, 40) + '…' : current}\``
  if (current === null) return 'value `null`'
  if (Array.isArray(current)) return 'list'
  if (typeof current === 'object') return 'mapping'
  return `value \`${String(current)}\``
}

/** The closest candidate within a small edit distance, as a "did you mean". */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = leven(value.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

function isRealDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
