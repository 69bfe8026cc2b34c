import {spawn} from 'node:child_process'
import {onSignals} from '../commands/shared.js'

/**
 * V8's semi-space for the main thread, in MiB: with the default (16 MiB),
 * scavenges of the parser's short-lived nodes take a large share of the CPU.
 * 64 cuts a one-thread cold build's CPU by about a fifth for about 100 MiB
 * more peak memory (README, "Speed"). Only for `--jobs 1`: with workers
 * (src/workers/pool.ts) the main thread does not parse, and it would only
 * cost memory.
 */
export const MAIN_SEMI_SPACE_MB = 64

const FLAG = '--max-semi-space-size'

/** Set in the environment of a relaunched CLI. */
const RELAUNCHED = 'BRIEFPRESS_RELAUNCHED'

let launch: {script: string; argv: readonly string[]} | undefined

/**
 * Called by the CLI's entry point only (never by tests that call `main`):
 * this process may be relaunched as `node --max-semi-space-size=… script argv`.
 */
export function allowRelaunch(script: string, argv: readonly string[]): void {
  launch = {script, argv}
  dieWithParent()
}

/**
 * In a relaunched CLI: the parent holds an IPC channel to it, which closes
 * when the parent ends however it ends (kill -9 included). The child then
 * stops as if sent SIGTERM, so it never goes on to write the site alone.
 */
function dieWithParent(): void {
  if (!process.env[RELAUNCHED]) return
  delete process.env[RELAUNCHED]
  // A parent gone before this process set up its end of the channel leaves no channel, and no event.
  if (!process.channel || !process.connected) {
    process.kill(process.pid, 'SIGTERM')
    return
  }
  // The channel must not keep the child alive once its work is done.
  process.channel.unref()
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))
}

/**
 * The semi-space can only be set when V8 starts, so a command about to parse
 * briefs in bulk on this thread (`jobs` 1) runs the CLI once more with the
 * flag, unless the user chose a size (`node --max-semi-space-size=…` or
 * NODE_OPTIONS), opted out with BRIEFPRESS_NO_RELAUNCH=1, or this process was
 * not started as the CLI. Returns the child's exit code, or undefined when
 * this process should do the work itself.
 */
export async function relaunchWithYoungGeneration(jobs: number, env: Record<string, string> = {}): Promise<number | undefined> {
  if (jobs > 1 || !launch || process.env.BRIEFPRESS_NO_RELAUNCH) return undefined
  if (process.execArgv.some((arg) => arg.startsWith(FLAG)) || (process.env.NODE_OPTIONS ?? '').includes(FLAG)) return undefined
  const child = spawn(process.execPath, [`${FLAG}=${MAIN_SEMI_SPACE_MB}`, ...process.execArgv, launch.script, ...launch.argv], {
    // The IPC channel tells the child when this process is gone (dieWithParent).
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: {...process.env, ...env, BRIEFPRESS_NO_RELAUNCH: '1', [RELAUNCHED]: '1'}
  })
  // A terminal signals the whole process group; a signal sent to this
  // process alone (a CI runner's SIGTERM) is passed on.
  const stopForwarding = onSignals((signal) => child.kill(signal))
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
  })
  stopForwarding()
  if (signal) {
    process.kill(process.pid, signal)
    return 128
  }
  return code ?? 2
}
