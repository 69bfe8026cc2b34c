import {existsSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {Reporter} from '../diagnostics/reporter.js'
import {packageRoot} from '../package-root.js'
import {findBriefs} from '../load/find-briefs.js'
import {toDisplayPath} from '../load/display-path.js'
import {parseFrontMatter} from '../parse/front-matter.js'
import {calendarDay} from '../validate/front-matter.js'
import {EXIT, parse, readConfig, UsageError, type Io} from './shared.js'

export const newHelp = `Usage: briefpress new [YYYY-MM-DD] [options]

Writes a new brief for the day (default today, in UTC) from
templates/brief.md: front matter filled in, the expected sections as
headings, and examples of prices, severities and citations to replace
(\`check\` warns, as template-placeholder, until they are).
Never overwrites: refuses when the file exists or another brief already
has that date. Prints the path written.

Options:
  --src <folder>     Folder of briefs (default briefs)
  --title <text>     Title (default "Daily Market Brief - YYYY-MM-DD")
  --config <file>    Config file (default: the nearest
                     briefpress.config.json, .mjs, .js or
                     package.json \`briefpress\` key, from here up)
  -h, --help         Show this help

Exit codes: 0 written, 1 a brief for that day exists, 2 usage or configuration error.
`

export async function newBrief(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parse(argv, {
    options: {
      src: {type: 'string', default: 'briefs'},
      title: {type: 'string'},
      config: {type: 'string'},
      help: {type: 'boolean', short: 'h', default: false}
    },
    allowPositionals: true
  })
  if (values.help) {
    io.stdout(newHelp)
    return EXIT.ok
  }
  if (positionals.length > 1) throw new UsageError(`Unexpected arguments ${positionals.slice(1).join(' ')}, expected at most one date`)
  const date = positionals[0] ?? new Date().toISOString().slice(0, 10)
  const valid = calendarDay.safeParse(date)
  if (!valid.success) throw new UsageError(`Unexpected date \`${date}\`, ${valid.error.issues[0]?.message ?? 'expected YYYY-MM-DD'}`)
  const title = values.title ?? `Daily Market Brief - ${date}`
  if (title.trim() === '') throw new UsageError('Unexpected empty --title, expected a title')
  const config = await readConfig(io.cwd, values.config)

  const folder = path.resolve(io.cwd, values.src)
  const target = path.join(folder, `${date}-daily-brief.md`)
  const shown = toDisplayPath(target, io.cwd)
  const refuse = (why: string) => {
    io.stderr(`briefpress new: Not writing ${shown}: ${why}\n`)
    return EXIT.content
  }
  const exists = 'it already exists; edit it, or pass another date'
  if (existsSync(target)) return refuse(exists)
  const sameDay = await briefDated(date, folder, io.cwd)
  if (sameDay) return refuse(`${sameDay} already has \`date: ${date}\`, and there is one brief per day; edit that file, or pass another date`)

  const text = fill(await readFile(templatePath(), 'utf8'), {title: yamlString(title), date, category: yamlString(config.categories[0]!)})
  await mkdir(folder, {recursive: true})
  try {
    // `wx`: fail rather than overwrite a file created since the check above.
    await writeFile(target, text, {flag: 'wx'})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return refuse(exists)
  }
  io.stdout(`${shown}\n`)
  io.stderr(`Wrote ${shown}: replace the example figures, headlines and sources, then run \`briefpress check\`.\n`)
  return EXIT.ok
}

/** The brief in `folder` whose front matter has `date`, if any (read without parsing the bodies). */
async function briefDated(date: string, folder: string, cwd: string): Promise<string | undefined> {
  if (!existsSync(folder)) return undefined
  const quiet = new Reporter()
  for (const file of await findBriefs([folder], cwd)) {
    const text = await readFile(file, 'utf8').catch(() => '')
    // Cheap test first: most files do not mention the day at all.
    if (!text.includes(date)) continue
    const block = parseFrontMatter(new VFile({path: file, value: text}), text, quiet)
    if (block && String(block.data.date) === date) return toDisplayPath(file, cwd)
  }
  return undefined
}

/** `templates/brief.md` of the Briefpress package, whether it runs from `src/`, `dist/src/` or the bundle. */
function templatePath(): string {
  const found = path.join(packageRoot(), 'templates', 'brief.md')
  if (!existsSync(found)) throw new Error(`Cannot find templates/brief.md (looked in ${found})`)
  return found
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole)
}

/** A YAML scalar: plain when that is unambiguous, else double-quoted (JSON strings are valid YAML). */
function yamlString(value: string): string {
  return /^[A-Za-z][\w-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value) ? value : JSON.stringify(value)
}
