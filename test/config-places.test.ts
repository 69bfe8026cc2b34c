import {readFileSync} from 'node:fs'
import {mkdir, utimes, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {createRequire} from 'node:module'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../src/index.js'
import {CONFIG_SCHEMA_FILE, configJsonSchema} from '../src/config/json-schema.js'
import {checkJson, fixtures, projectRoot, runCli, tempDir} from './helpers.js'

/** The front-matter fixtures in `project/briefs/`, with `files` written under `project/`. */
async function project(files: Record<string, string>): Promise<{root: string; briefs: string}> {
  const root = await tempDir()
  const briefs = path.join(root, 'briefs')
  await mkdir(briefs)
  for (const name of ['invalid.md', 'valid.md']) await writeFile(path.join(briefs, name), readFileSync(path.join(fixtures, 'front-matter', name)))
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), {recursive: true})
    await writeFile(path.join(root, name), text)
  }
  return {root, briefs}
}

/** Whether `unknown-category` fired on invalid.md (its category `crpyto` is allowed by the test configs). */
async function categoryReported(cwd: string): Promise<boolean> {
  const {report} = await checkJson(['invalid.md'], cwd)
  return report.messages.some((message) => message.ruleId === 'unknown-category')
}

const allowTypo = {categories: ['crypto', 'crpyto']}

describe('config places', () => {
  it('finds briefpress.config.json in a folder above the working folder', async () => {
    const {briefs} = await project({'briefpress.config.json': JSON.stringify(allowTypo)})
    expect(await categoryReported(briefs)).toBe(false)
    expect((await loadConfig(briefs)).path).toMatch(/briefpress\.config\.json$/)
  })

  it('reads the `briefpress` key of package.json, and skips a package.json without one', async () => {
    const keyed = await project({'package.json': JSON.stringify({name: 'desk', briefpress: allowTypo})})
    expect(await categoryReported(keyed.briefs)).toBe(false)
    const plain = await project({'package.json': JSON.stringify({name: 'desk'}), 'briefpress.config.json': JSON.stringify(allowTypo)})
    expect((await loadConfig(plain.briefs)).path).toBe(path.join(plain.root, 'briefpress.config.json'))
    const none = await project({'package.json': JSON.stringify({name: 'desk'})})
    expect(await categoryReported(none.briefs)).toBe(true)
  })

  it('loads briefpress.config.mjs and .js (ES modules) by their default export', async () => {
    const mjs = await project({'briefpress.config.mjs': `export default ${JSON.stringify(allowTypo)}\n`})
    expect(await categoryReported(mjs.briefs)).toBe(false)
    const js = await project({'package.json': '{"type": "module"}', 'briefpress.config.js': `const categories = ['crypto', 'crp' + 'yto']\nexport default {categories}\n`})
    expect(await categoryReported(js.briefs)).toBe(false)
  })

  it('reads an edited .mjs config again (serve reloads it in the same process)', async () => {
    const {root} = await project({'briefpress.config.mjs': "export default {siteTitle: 'First'}\n"})
    expect((await loadConfig(root)).config.siteTitle).toBe('First')
    const file = path.join(root, 'briefpress.config.mjs')
    await writeFile(file, "export default {siteTitle: 'Second'}\n")
    // A later modification time, as a save seconds later gives it.
    await utimes(file, new Date(), new Date(Date.now() + 5000))
    expect((await loadConfig(root)).config.siteTitle).toBe('Second')
  })

  it('takes the nearest config: the working folder’s before one above', async () => {
    const {briefs} = await project({'briefpress.config.json': JSON.stringify(allowTypo), 'briefs/briefpress.config.json': '{}'})
    expect(await categoryReported(briefs)).toBe(true)
  })

  it('validates a config from any place, naming the file (exit 2)', async () => {
    const bad = await project({'package.json': JSON.stringify({briefpress: {siteTitel: 'x'}})})
    const result = await runCli(['check', 'valid.md'], bad.briefs)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${path.join(bad.root, 'package.json')}: invalid config`)
    expect(result.stderr).toContain('siteTitel')
    const broken = await project({'briefpress.config.mjs': 'export default {\n'})
    const syntax = await runCli(['check', 'valid.md'], broken.briefs)
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toContain(`${path.join(broken.root, 'briefpress.config.mjs')}: cannot load the module`)
    const empty = await project({'briefpress.config.mjs': 'export const categories = []\n'})
    const noDefault = await runCli(['check', 'valid.md'], empty.briefs)
    expect(noDefault.code).toBe(2)
    expect(noDefault.stderr).toContain('no config in it, expected a default export')
  })

  it('--config names any of the kinds', async () => {
    const {root, briefs} = await project({'conf/desk.mjs': `export default ${JSON.stringify(allowTypo)}\n`, 'conf/package.json': JSON.stringify({briefpress: allowTypo})})
    for (const file of [path.join(root, 'conf', 'desk.mjs'), path.join(root, 'conf', 'package.json')]) {
      const {report} = await checkJson(['invalid.md', '--config', file], briefs)
      expect(report.messages.some((message) => message.ruleId === 'unknown-category')).toBe(false)
    }
  })
})

describe('the config’s JSON Schema', () => {
  const shipped = JSON.parse(readFileSync(path.join(projectRoot, CONFIG_SCHEMA_FILE), 'utf8')) as Record<string, unknown>
  const ajv = new Ajv({strict: false})
  ;(createRequire(import.meta.url)('ajv-formats') as typeof import('ajv-formats').default)(ajv)
  const validate = ajv.compile(shipped)

  it('is shipped in the package as generated from the zod schema (npm run schema)', () => {
    expect(shipped).toEqual(configJsonSchema())
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {files: string[]}
    expect(pkg.files).toContain(CONFIG_SCHEMA_FILE.split('/')[0])
    // Exported too, for tools that resolve it by package name.
    expect(createRequire(import.meta.url).resolve(`briefpress/${CONFIG_SCHEMA_FILE}`)).toBe(path.join(projectRoot, CONFIG_SCHEMA_FILE))
  })

  it('accepts the README’s example config with `$schema`, which Briefpress accepts too', async () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Configuration'))
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as Record<string, unknown>
    expect(example.$schema).toBe('./node_modules/briefpress/schema/briefpress.config.schema.json')
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
    const {root} = await project({'briefpress.config.json': JSON.stringify(example)})
    await expect(loadConfig(root)).resolves.toMatchObject({config: {siteTitle: example.siteTitle}})
  })

  it('rejects what Briefpress rejects: an unknown key, an unknown rule id, a bad setting', () => {
    for (const config of [{siteTitel: 'x'}, {rules: {'no-such-rule': 'off'}}, {rules: {'unknown-category': 'loud'}}, {categories: []}]) {
      expect(validate(config), JSON.stringify(config)).toBe(false)
    }
    expect(validate({rules: {'unknown-category': 'off'}, pageSize: 10})).toBe(true)
  })
})
