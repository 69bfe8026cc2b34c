import {readFileSync} from 'node:fs'
import {copyFile, mkdir} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {docsUrl} from '../src/diagnostics/rule.js'
import {allRules} from '../src/validate/catalog.js'
import {fixtures, runCli, tempDir} from './helpers.js'

// The official SARIF 2.1.0 schema (2.1.0-rtm.5, the one json.schemastore.org serves as sarif-2.1.0.json), as Microsoft's SARIF tools ship it.
const require = createRequire(import.meta.url)
// CommonJS packages whose `default` export TypeScript types as the module under NodeNext.
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default
const schema = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
// The schema's `language` pattern is not valid with the `u` flag that Ajv uses by default.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validate = ajv.compile(schema)

interface SarifLog {
  $schema: string
  version: string
  runs: Array<{
    tool: {driver: {name: string; rules: Array<{id: string; helpUri: string; shortDescription: {text: string}; defaultConfiguration: {level: string}}>}}
    results: Array<{ruleId: string; ruleIndex: number; level: string; message: {text: string}; locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId: string}; region?: Record<string, number>}}>}>
  }>
}

/** The front-matter fixtures in a repository's subfolder, so that paths relative to the repository root differ from the working folder's. */
async function repository(): Promise<{root: string; cwd: string}> {
  const root = await tempDir()
  await mkdir(path.join(root, '.git'))
  const cwd = path.join(root, 'content')
  await mkdir(cwd)
  for (const name of ['invalid.md', 'news-article.md', 'valid.md']) await copyFile(path.join(fixtures, 'front-matter', name), path.join(cwd, name))
  return {root, cwd}
}

describe('--format sarif', () => {
  it('prints a SARIF 2.1.0 log that the official schema accepts, on stdout', async () => {
    const {cwd} = await repository()
    const result = await runCli(['check', '.', '--format', 'sarif'], cwd)
    expect(result.code).toBe(1)
    const log = JSON.parse(result.stdout) as SarifLog
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true)
    expect(log.version).toBe('2.1.0')
    expect(result.stderr).toMatch(/^Checked 3 briefs: 5 errors/m)
  })

  it('lists each rule once with its description, docs URL and default level', async () => {
    const {cwd} = await repository()
    const log = JSON.parse((await runCli(['check', '.', '--format', 'sarif'], cwd)).stdout) as SarifLog
    const rules = log.runs[0]!.tool.driver.rules
    expect(rules.map((rule) => rule.id)).toEqual([...allRules.map((rule) => rule.id)].sort((a, b) => a.localeCompare(b)))
    for (const meta of allRules) {
      const rule = rules.find((entry) => entry.id === meta.id)!
      expect(rule.helpUri).toBe(docsUrl(meta.id))
      expect(rule.shortDescription.text).toBe(meta.description)
      expect(rule.defaultConfiguration.level).toBe(meta.severity === 'info' ? 'note' : meta.severity)
    }
  })

  it('gives each result its rule, level, text and place, the file named from the repository root', async () => {
    const {cwd} = await repository()
    const [sarif, json] = await Promise.all([runCli(['check', '.', '--format', 'sarif'], cwd), runCli(['check', '.', '--format', 'json'], cwd)])
    const run = (JSON.parse(sarif.stdout) as SarifLog).runs[0]!
    const messages = (JSON.parse(json.stdout) as {messages: Array<{file: string; ruleId: string; message: string}>}).messages
    expect(run.results).toHaveLength(messages.length)
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId)
    const category = run.results.find((result) => result.ruleId === 'unknown-category')!
    expect(category).toMatchObject({
      level: 'error',
      // The rule's note follows the reason, as the docs page would.
      message: {text: 'Unexpected category `crpyto`, expected `crypto`\n\nAllowed categories come from `categories` in briefpress.config.json.'},
      locations: [{physicalLocation: {artifactLocation: {uri: 'content/invalid.md', uriBaseId: '%SRCROOT%'}, region: {startLine: 4, startColumn: 11, endLine: 4, endColumn: 17}}}]
    })
    expect(new Set(run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(messages.map((message) => `content/${message.file}`)))
    expect(run.results.filter((result) => result.level === 'warning').length).toBeGreaterThan(0)
  })

  it('is a valid empty run for clean briefs', async () => {
    const result = await runCli(['check', 'valid.md', '--format', 'sarif'], path.join(fixtures, 'front-matter'))
    expect(result.code).toBe(0)
    const log = JSON.parse(result.stdout) as SarifLog
    expect(validate(log)).toBe(true)
    expect(log.runs[0]!.results).toEqual([])
  })

  it('is checked by a schema that rejects a broken log', () => {
    const broken = {version: '2.1.0', runs: [{tool: {driver: {name: 'x'}}, results: [{message: {text: 'm'}, level: 'fatal'}]}]}
    expect(validate(broken)).toBe(false)
  })
})
