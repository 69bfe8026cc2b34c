import {cp, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectRoot, runCli, tempDir} from './helpers.js'
import {snapshot} from './site-helpers.js'

// Differential test of the incremental engine: after each step of a random
// sequence of edits, renames, deletions, additions, config changes and
// failed builds, the cached build into site/ must be byte-identical to a
// clean build (--no-cache) of the same briefs. The seed is printed; rerun a
// failure with BRIEFPRESS_DIFF_SEED=<seed> (and BRIEFPRESS_DIFF_STEPS=<n>).
const seed = Number(process.env.BRIEFPRESS_DIFF_SEED ?? 20251206)
const steps = Number(process.env.BRIEFPRESS_DIFF_STEPS ?? 24)

/** mulberry32: a small seeded generator, the same sequence on every machine. */
function generator(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}


async function briefsOf(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'briefs'), {recursive: true})).filter((name) => name.endsWith('.md')).sort()
}

describe('incremental builds after a random sequence of changes', () => {
  it(`write what a clean build writes after every step (seed ${seed})`, async () => {
    console.log(`incremental differential test: seed ${seed}, ${steps} steps (BRIEFPRESS_DIFF_SEED to replay)`)
    const random = generator(seed)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const dir = await tempDir()
    await cp(path.join(projectRoot, 'briefs'), path.join(dir, 'briefs'), {recursive: true})
    const configFile = path.join(dir, 'briefpress.config.json')
    let nextDay = Date.UTC(2026, 10, 21)
    const newDay = () => {
      const day = new Date(nextDay).toISOString().slice(0, 10)
      nextDay += 86_400_000 * (1 + Math.floor(random() * 40))
      return day
    }
    const log: string[] = []
    const first = await runCli(['build', '--no-search'], dir)
    expect(first.code, first.stderr).toBe(0)

    const operations: Record<string, () => Promise<string>> = {
      async edit() {
        const name = pick(await briefsOf(dir))
        const file = path.join(dir, 'briefs', name)
        const text = await readFile(file, 'utf8')
        const edited = random() < 0.5 ? `${text}\nA line added in step ${log.length}.\n` : text.replace(/^title: .*$/m, `title: "Retitled in step ${log.length}"`)
        await writeFile(file, edited)
        return `edit ${name}`
      },
      async rename() {
        const name = pick(await briefsOf(dir))
        const to = `renamed-${log.length}-${path.basename(name)}`
        await rename(path.join(dir, 'briefs', name), path.join(dir, 'briefs', to))
        return `rename ${name} to ${to}`
      },
      async delete() {
        const names = await briefsOf(dir)
        if (names.length <= 3) return 'delete skipped (three briefs left)'
        const name = pick(names)
        await rm(path.join(dir, 'briefs', name))
        return `delete ${name}`
      },
      async add() {
        const from = pick(await briefsOf(dir))
        const day = newDay()
        const text = (await readFile(path.join(dir, 'briefs', from), 'utf8')).replace(/^date: .*$/m, `date: ${day}`).replace(/^title: .*$/m, `title: "Added on ${day}"`)
        await writeFile(path.join(dir, 'briefs', `${day}-added.md`), text)
        return `add ${day} from ${from}`
      },
      async config() {
        const config = pick([{}, {siteTitle: `Archive ${log.length}`}, {pageSize: 3}, {rules: {'unread-figure': 'off'}}, {baseUrl: 'https://briefs.example/'}])
        await writeFile(configFile, JSON.stringify(config))
        return `config ${JSON.stringify(config)}`
      },
      async fail() {
        // A build that fails writes nothing; the next step's build must still be right.
        const broken = path.join(dir, 'briefs', 'broken.md')
        await writeFile(broken, '---\ntitle: No date\n---\n\nBody.\n')
        const failed = await runCli(['build', '--no-search'], dir)
        expect(failed.code, failed.stderr).toBe(1)
        await rm(broken)
        return 'a failed build (a brief without a date), then the brief removed'
      }
    }

    for (let step = 0; step < steps; step++) {
      log.push(await pick(Object.values(operations))())
      const cached = await runCli(['build', '--no-search'], dir)
      expect(cached.code, `${log.join('\n')}\n${cached.stderr}`).toBe(0)
      await rm(path.join(dir, 'clean'), {recursive: true, force: true})
      const clean = await runCli(['build', '--no-search', '--no-cache', '--out', 'clean'], dir)
      expect(clean.code, clean.stderr).toBe(0)
      expect(await snapshot(path.join(dir, 'site')), `seed ${seed}, after:\n${log.join('\n')}`).toEqual(await snapshot(path.join(dir, 'clean')))
    }
    console.log(log.join('\n'))
  }, 600_000)
})
