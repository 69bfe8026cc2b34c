#!/usr/bin/env node
// npm run bench -- [--n 1000] [--runs 1] [--keep] [--only step,step] [--hugo] [--jekyll]
//
// Generates N synthetic briefs (../shared/bench/gen-corpus.mjs when present,
// else a copy-and-perturb of fixtures/seed-brief.md), then measures on the same
// files, each as a separate process timed by /usr/bin/time:
//   floor      parse + gfm + rehype + stringify only (scripts/bench-floor.mjs)
//   floor64    the same with node --max-semi-space-size=64 (the young generation
//              the CLI gives itself), for a like-for-like ratio
//   cold       briefpress build --jobs 1 --no-cache, no previous site (one thread)
//   cold-nosearch  the same with --no-search (the floor builds no search index)
//   parallel   briefpress build (one worker per core), empty cache, no previous site
//   parallel-nosearch  the same with --no-search (the peers build no search index)
//   no-change  briefpress build again, nothing changed
//   one-added  briefpress build after adding one brief, the day after the
//              newest (an author's daily step), with a title never used
//              before: its analysis is in no cache
//   one-added-nosearch  the same with --no-search
//   new-year   briefpress build after adding a brief in a new year (the
//              search index's year tiers all move: its worst case)
// With --hugo (Hugo installed, ../shared present): before each one-added run,
// Hugo builds the same N briefs from scratch (../shared/bench/run-peers.sh's
// command and layout), and the bench prints the one-added/Hugo ratio of these
// interleaved runs. With --jekyll, Jekyll's full build runs before each run
// of the cold steps the same way. The targets are ratios on one
// machine, and this machine's speed drifts by a quarter within the hour, so
// only runs taken side by side compare. For the same reason, when a floor
// and the cold build compared with it are both selected (floor with cold,
// floor64 with cold-nosearch), their runs alternate on the same briefs
// (floor, build, floor, build …), and besides each step's medians the bench
// prints each pair's build/floor ratio, wall and CPU, and their medians.
// The generated briefs trip implausible-value (perturbed ranges), so the
// work folder gets a config that makes it a warning, and builds use
// --keep-going: every brief is parsed, rendered and written.
// and prints wall time, CPU, pages per second and peak memory (max RSS).
import {execFileSync, spawnSync} from 'node:child_process'
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({
  options: {
    n: {type: 'string', default: '1000'},
    runs: {type: 'string', default: '1'},
    keep: {type: 'boolean', default: false},
    only: {type: 'string'},
    hugo: {type: 'boolean', default: false},
    jekyll: {type: 'boolean', default: false},
    work: {type: 'string', default: path.join(os.tmpdir(), 'briefpress-bench')}
  }
})
const n = Number(values.n)
const runs = Number(values.runs)
const work = path.join(values.work, String(n))
const src = path.join(work, 'briefs')
const out = path.join(work, 'site')
// The bin (the bundle, scripts/bundle.mjs): what users run.
const cli = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.briefpress)
if (!existsSync(cli)) execFileSync('npm', ['run', 'build:ts'], {cwd: root, stdio: 'inherit'})

function generate() {
  rmSync(work, {recursive: true, force: true})
  mkdirSync(src, {recursive: true})
  const shared = path.resolve(root, '..', 'shared', 'bench', 'gen-corpus.mjs')
  if (existsSync(shared)) {
    execFileSync(process.execPath, [shared, '--n', String(n), '--out', src, '--layout', 'plain'], {stdio: 'ignore'})
    return 'shared/bench/gen-corpus.mjs'
  }
  const seed = readFileSync(path.join(root, 'fixtures', 'seed-brief.md'), 'utf8').replace('category: crpyto', 'category: crypto')
  const start = Date.UTC(2025, 10, 4)
  for (let i = 0; i < n; i++) {
    const day = new Date(start - i * 86_400_000).toISOString().slice(0, 10)
    let k = i
    const body = seed
      .replace(/^date: .*$/m, `date: ${day}`)
      .replace(/^title: .*$/m, `title: "Daily brief ${day}"`)
      .replace(/\\\$([\d,]+)/g, (_, v) => `\\$${(Number(v.replace(/,/g, '')) + (k++ % 97)).toLocaleString('en-US')}`)
    writeFileSync(path.join(src, `${day}-daily-brief.md`), body)
  }
  return 'fixtures/seed-brief.md (perturbed)'
}

function writeConfig() {
  writeFileSync(path.join(work, 'briefpress.config.json'), JSON.stringify({rules: {'implausible-value': 'warn'}}))
}

/**
 * Runs a command under /usr/bin/time; returns wall s, CPU s and peak RSS MiB.
 * The command's output goes to a file, not a pipe: the report of thousands
 * of warnings outgrows spawnSync's buffer, which then kills the build.
 */
function timed(command, args) {
  const timing = path.join(work, '.bench-time')
  const output = path.join(work, '.bench-output')
  const log = openSync(output, 'w')
  let result
  try {
    result = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%e %U %S %M', command, ...args], {cwd: work, stdio: ['ignore', log, log]})
  } finally {
    closeSync(log)
  }
  if (result.status !== 0 && result.status !== 1) {
    const tail = readFileSync(output, 'utf8').trim().split('\n').slice(-20).join('\n')
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${tail}`)
  }
  const [wall, user, sys, rss] = readFileSync(timing, 'utf8').trim().split('\n').at(-1).split(' ').map(Number)
  return {wall, cpu: user + sys, peakMiB: rss / 1024, status: result.status}
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Peers' full builds timed beside a step's runs: step name → {tool, samples}. */
const peerRuns = new Map()

/**
 * Runs steps ({name, setup, command, args, beside}) `runs` times in turn, run
 * by run (a, b, a, b …); with `beside` (a peer), the peer's full build is timed
 * before each run of the step. Prints and returns each step's row; a row keeps
 * its samples in run order.
 */
function measureInTurn(pages, steps) {
  const samples = steps.map(() => [])
  for (let r = 0; r < runs; r++) {
    steps.forEach(({name, setup, command, args, beside}, i) => {
      setup()
      if (beside?.command) {
        const peer = peerRuns.get(name) ?? {tool: beside.tool, samples: []}
        peer.samples.push(timed('sh', ['-c', beside.command]))
        peerRuns.set(name, peer)
      }
      samples[i].push(timed(command, args))
    })
  }
  return steps.map(({name}, i) => {
    const wall = median(samples[i].map((s) => s.wall))
    const row = {name, wall, cpu: median(samples[i].map((s) => s.cpu)), peakMiB: Math.max(...samples[i].map((s) => s.peakMiB)), pagesPerSecond: pages / wall, samples: samples[i]}
    console.log(`| ${row.name} | ${n} | ${row.wall.toFixed(2)} | ${row.cpu.toFixed(1)} | ${row.pagesPerSecond.toFixed(0)} | ${row.peakMiB.toFixed(0)} |`)
    return row
  })
}

/** Runs one step `runs` times. */
function measure(name, pages, setup, command, args, beside) {
  return measureInTurn(pages, [{name, setup, command, args, beside}])[0]
}

/**
 * A peer's cold full build of the same briefs, as ../shared/bench/run-peers.sh
 * runs it (its command, its corpus layout), or why it cannot run.
 */
function peer(tool) {
  const bench = path.resolve(root, '..', 'shared', 'bench')
  if (!existsSync(path.join(bench, 'run-peers.sh'))) return {tool, missing: '../shared/bench/run-peers.sh is not beside the project'}
  if (spawnSync('sh', ['-c', `command -v ${tool}`], {stdio: 'ignore'}).status !== 0) return {tool, missing: `${tool} is not installed (apt-get install -y ${tool})`}
  const peers = path.join(work, 'peers')
  const corpus = path.join(peers, 'corpus', `${tool}-${n}`)
  execFileSync(process.execPath, [path.join(bench, 'gen-corpus.mjs'), '--n', String(n), '--out', corpus, '--layout', tool], {stdio: 'ignore'})
  const command = execFileSync('bash', [path.join(bench, 'run-peers.sh'), '--print-cmd', tool, String(n)], {env: {...process.env, PEERS: peers}, encoding: 'utf8'}).trim()
  // One untimed warm-up, as run-peers.sh does.
  spawnSync('sh', ['-c', command], {stdio: 'ignore'})
  return {tool, command}
}

const source = generate()
writeConfig()
const hugo = values.hugo ? peer('hugo') : undefined
const jekyll = values.jekyll ? peer('jekyll') : undefined
for (const tool of [hugo, jekyll]) if (tool?.missing) console.log(`--${tool.tool}: not run, ${tool.missing}\n`)
const count = readdirSync(src).length
console.log(`Briefpress benchmark: ${count} briefs from ${source}, node ${process.version}, ${os.cpus().length} cores, ${runs} run(s) each, median\n`)
console.log('| step | briefs | wall s | CPU s | pages/s | peak MiB |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
const only = values.only ? new Set(values.only.split(',')) : undefined
const want = (step) => !only || only.has(step)
const rows = {}
const clean = () => {
  rmSync(out, {recursive: true, force: true})
  rmSync(path.join(work, '.briefpress-cache'), {recursive: true, force: true})
}
const floorArgs = [path.join(root, 'scripts', 'bench-floor.mjs'), src, out]
const buildArgs = [cli, 'build', '--src', src, '--out', out, '--keep-going']
const coldArgs = [...buildArgs, '--jobs', '1', '--no-cache']
const step = (name, args, beside) => ({name, setup: clean, command: process.execPath, args, beside})
const floorAndCold = {
  floor: step('floor (parse+gfm+rehype+stringify)', floorArgs),
  floor64: step('floor, --max-semi-space-size=64', ['--max-semi-space-size=64', ...floorArgs]),
  cold: step('cold build, 1 thread', coldArgs, jekyll),
  'cold-nosearch': step('cold build, 1 thread, --no-search', [...coldArgs, '--no-search'], jekyll)
}
// A floor and the build compared with it, both selected: their runs alternate.
const pairs = [['floor', 'cold'], ['floor64', 'cold-nosearch']].filter((pair) => pair.every(want))
for (const [floor, build] of pairs) [rows[floor], rows[build]] = measureInTurn(count, [floorAndCold[floor], floorAndCold[build]])
for (const [key, one] of Object.entries(floorAndCold)) if (want(key) && !rows[key]) rows[key] = measureInTurn(count, [one])[0]
if (want('parallel')) rows.parallel = measure(`cold build, ${os.availableParallelism()} workers`, count, clean, process.execPath, buildArgs, jekyll)
if (want('parallel-nosearch')) rows.parallelNoSearch = measure(`cold build, ${os.availableParallelism()} workers, --no-search`, count, clean, process.execPath, [...buildArgs, '--no-search'], jekyll)
if (want('no-change')) rows.noChange = measure('no-change rebuild', count, () => spawnSync(process.execPath, buildArgs, {cwd: work, stdio: 'ignore'}), process.execPath, buildArgs)
/** The day after the newest brief's (file names start with the date). */
function nextDay() {
  const newest = readdirSync(src).filter((f) => /^\d{4}-\d{2}-\d{2}/.test(f)).sort().at(-1)
  return new Date(Date.parse(newest.slice(0, 10)) + 86_400_000).toISOString().slice(0, 10)
}
const oneAdded = (name, args, day = nextDay(), beside = undefined) => {
  const extra = path.join(src, `${day}-added.md`)
  const first = readdirSync(src).filter((f) => f.endsWith('.md')).sort().at(-1)
  const template = readFileSync(path.join(src, first), 'utf8').replace(/^date: .*$/m, `date: ${day}`)
  let added = 0
  const row = measure(name, count + 1, () => {
    rmSync(extra, {force: true})
    spawnSync(process.execPath, args, {cwd: work, stdio: 'ignore'})
    // A brief never seen before, as an author's is: its analysis is in no cache.
    writeFileSync(extra, template.replace(/^title: .*$/m, `title: "Added brief ${process.pid}-${++added}"`))
  }, process.execPath, args, beside)
  rmSync(extra, {force: true})
  return row
}
if (want('one-added')) rows.oneAdded = oneAdded('one brief added', buildArgs, undefined, hugo)
if (want('one-added-nosearch')) rows.oneAddedNoSearch = oneAdded('one brief added, --no-search', [...buildArgs, '--no-search'], undefined, hugo)
if (want('new-year')) rows.newYear = oneAdded('one brief added in a new year', buildArgs, `${Number(nextDay().slice(0, 4)) + 1}-01-01`)
for (const [name, {tool, samples}] of peerRuns) {
  const wall = median(samples.map((s) => s.wall))
  console.log(`| ${tool[0].toUpperCase()}${tool.slice(1)} full build, beside "${name}" | ${n} | ${wall.toFixed(2)} | ${median(samples.map((s) => s.cpu)).toFixed(1)} | ${(n / wall).toFixed(0)} | ${Math.max(...samples.map((s) => s.peakMiB)).toFixed(0)} |`)
}
const ratio = (a, b, label) => {
  if (a && b) console.log(`${label}: ${(a.wall / b.wall).toFixed(2)}x wall, ${(a.cpu / b.cpu).toFixed(2)}x CPU (target <= 1.15x)`)
}
console.log('')
// The targets against the peers: one brief added under a fifth of
// Hugo's full build, a cold build faster than Jekyll's.
const targets = {hugo: 'target < 0.2', jekyll: 'target < 1'}
for (const [name, {tool, samples}] of peerRuns) {
  const row = Object.values(rows).find((item) => item.name === name)
  console.log(`${name} / ${tool}'s full build, run side by side: ${(row.wall / median(samples.map((s) => s.wall))).toFixed(3)} (${targets[tool]})`)
}
ratio(rows.cold, rows.floor, 'cold build (1 thread) / floor')
ratio(rows['cold-nosearch'], rows.floor, 'cold build (1 thread, --no-search) / floor')
ratio(rows.cold, rows.floor64, 'cold build (1 thread) / floor with the same young generation')
ratio(rows['cold-nosearch'], rows.floor64, 'cold build (1 thread, --no-search) / floor with the same young generation')
for (const [floor, build] of pairs) {
  const perPair = (key) => rows[build].samples.map((s, i) => s[key] / rows[floor].samples[i][key])
  const list = (ratios) => `${ratios.map((r) => r.toFixed(2)).join(' ')} (median ${median(ratios).toFixed(2)})`
  console.log(`${build} / ${floor}, ${runs} pairs: wall ${list(perPair('wall'))}, CPU ${list(perPair('cpu'))}`)
}
if (!values.keep) rmSync(work, {recursive: true, force: true})
