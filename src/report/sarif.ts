import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {docsUrl, SOURCE, type RuleMeta, type Severity} from '../diagnostics/rule.js'
import {messageSeverity} from '../diagnostics/reporter.js'
import {packageVersion} from '../package-root.js'
import {allRules} from '../validate/catalog.js'
import {repoRelative} from './repo-root.js'

/** The schema GitHub code scanning and the SARIF SDK name for 2.1.0 (the OASIS standard's schema). */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

/**
 * SARIF 2.1.0 for code scanning (`github/codeql-action/upload-sarif`): one
 * run whose driver lists every rule once (id, description, docs URL as
 * `helpUri`, default level), and one result per message with its place in
 * the file, the file named relative to the repository root so that code
 * scanning finds it whichever folder `check` ran in.
 */
export function formatSarif(files: readonly VFile[], options: {cwd?: string} = {}): string {
  const cwd = options.cwd ?? process.cwd()
  const rules = new Map<string, RuleMeta>(
    [...allRules].sort((a, b) => a.id.localeCompare(b.id)).map((rule) => [rule.id, rule])
  )
  // A message of a rule the catalog does not list still gets an entry, so every result's ruleIndex holds.
  for (const file of files) {
    for (const message of file.messages) {
      const id = message.ruleId ?? SOURCE
      if (!rules.has(id)) rules.set(id, {id, severity: messageSeverity(message), description: message.reason})
    }
  }
  const index = new Map([...rules.keys()].map((id, position) => [id, position]))
  const results = files.flatMap((file) =>
    file.messages.map((message) => result(message, repoRelative(path.resolve(cwd, file.path), cwd), index))
  )
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SOURCE,
            version: packageVersion(),
            informationUri: 'https://github.com/briefpress/briefpress',
            rules: [...rules.values()].map((rule) => ({
              id: rule.id,
              shortDescription: {text: rule.description},
              helpUri: docsUrl(rule.id),
              defaultConfiguration: {level: LEVEL[rule.severity]}
            }))
          }
        },
        // vfile columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
  return JSON.stringify(log, null, 2) + '\n'
}

function result(message: VFileMessage, uri: string, index: ReadonlyMap<string, number>) {
  const ruleId = message.ruleId ?? SOURCE
  const text = message.note ? `${message.reason}\n\n${message.note}` : message.reason
  return {
    ruleId,
    ruleIndex: index.get(ruleId)!,
    level: LEVEL[messageSeverity(message)],
    message: {text},
    locations: [{physicalLocation: {artifactLocation: {uri, uriBaseId: '%SRCROOT%'}, ...region(message)}}]
  }
}

/** The message's place; SARIF's end column, like unist's, is the one after the last character. */
function region(message: VFileMessage): {region?: Record<string, number>} {
  if (!message.line) return {}
  const place = message.place
  const end = place && 'end' in place ? place.end : undefined
  const region: Record<string, number> = {startLine: message.line}
  if (message.column) region.startColumn = message.column
  if (end?.line) region.endLine = end.line
  if (end?.column) region.endColumn = end.column
  return {region}
}
