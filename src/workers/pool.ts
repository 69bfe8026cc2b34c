import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {Config} from '../config/schema.js'
import type {BriefAnalysis} from '../analyse.js'
import type {RenderStage} from '../render/stage.js'

/** A worker's `rendered` when it wrote the body to the cache itself. */
export const BODY_IN_CACHE = 'briefpress:body-written-by-worker'

export interface AnalysisRequest {
  id: number
  text: string
  path: string
  absolutePath: string
  /**
   * With the cache: the worker writes the rendered body to the cache itself,
   * under this key, and replies without it (`rendered` is then the marker
   * BODY_IN_CACHE), so the main thread never receives or holds bodies.
   */
  body?: {cwd: string; key: string}
}

export type AnalysisReply = {id: number; analysis: BriefAnalysis} | {id: number; error: {name: string; message: string; stack: string | undefined}}

/**
 * V8's young generation per worker. The parser allocates short-lived nodes
 * at a high rate; with the default semi-space (16 MiB) scavenges run so
 * often that GC takes a large share of each core. Measured on the bench
 * corpus: see scripts/bench.mjs and the README.
 */
const YOUNG_GENERATION_MB = Number(process.env.BRIEFPRESS_WORKER_YOUNG_MB) || 192

/** Briefs sent to a worker before it replies: keeps it busy while a reply travels back. */
const IN_FLIGHT = 2

interface Task {
  request: AnalysisRequest
  resolve: (analysis: BriefAnalysis) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  running: Map<number, Task>
}

/**
 * Worker threads that run the per-brief stage (`analyseBrief`). Each gets
 * the config and the render stage once; briefs go out as text and come back
 * as plain data, in whatever order they finish (the pipeline keeps file
 * order).
 */
export class AnalysisPool {
  readonly #slots: Slot[] = []
  readonly #queue: Task[] = []
  #nextId = 0
  #failure: Error | undefined

  private constructor(script: string, size: number, config: Config, renderStage: RenderStage | undefined, lean: boolean) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(script, {
        workerData: {config, renderStage, lean},
        resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB}
      })
      const slot: Slot = {worker, running: new Map()}
      worker.on('message', (reply: AnalysisReply) => this.#settle(slot, reply))
      worker.on('error', (error) => this.#fail(error))
      worker.on('exit', (code) => {
        if (slot.running.size > 0 || this.#queue.length > 0) this.#fail(new Error(`A worker thread stopped (exit code ${code})`))
      })
      this.#slots.push(slot)
    }
  }

  /** A pool of `size` workers, or undefined when the compiled worker script cannot be found. */
  static start(size: number, config: Config, renderStage: RenderStage | undefined, lean = false): AnalysisPool | undefined {
    const script = workerScript()
    return script && size > 1 ? new AnalysisPool(script, size, config, renderStage, lean) : undefined
  }

  get size(): number {
    return this.#slots.length
  }

  analyse(job: Omit<AnalysisRequest, 'id'>): Promise<BriefAnalysis> {
    return new Promise((resolve, reject) => {
      if (this.#failure) return reject(this.#failure)
      this.#queue.push({request: {id: this.#nextId++, ...job}, resolve, reject})
      this.#dispatch()
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()))
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      while (slot.running.size < IN_FLIGHT && this.#queue.length > 0) {
        const task = this.#queue.shift()!
        slot.running.set(task.request.id, task)
        slot.worker.postMessage(task.request)
      }
    }
  }

  #settle(slot: Slot, reply: AnalysisReply): void {
    const task = slot.running.get(reply.id)
    if (!task) return
    slot.running.delete(reply.id)
    if ('analysis' in reply) task.resolve(reply.analysis)
    else task.reject(Object.assign(new Error(reply.error.message), {name: reply.error.name, stack: reply.error.stack}))
    this.#dispatch()
  }

  #fail(error: Error): void {
    this.#failure ??= error
    for (const slot of this.#slots) {
      for (const task of slot.running.values()) task.reject(error)
      slot.running.clear()
    }
    for (const task of this.#queue.splice(0)) task.reject(error)
  }
}

/**
 * The compiled worker beside this module: in dist/src/workers/, or in the
 * bundle's one flat folder, where this module's chunk sits beside the
 * worker's entry (scripts/bundle.mjs). When Briefpress runs from its
 * TypeScript sources (the tests), the one in dist/ from `npm run build:ts`.
 */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url)
  const beside = path.join(path.dirname(here), 'worker.js')
  if (here.endsWith('.js') && existsSync(beside)) return beside
  const compiled = path.resolve(path.dirname(here), '..', '..', 'dist', 'src', 'workers', 'worker.js')
  return existsSync(compiled) ? compiled : undefined
}

/**
 * `--jobs` when not given: one worker per core for the installed CLI; one
 * (in-process) when running from the TypeScript sources, where workers would
 * have to run the compiled code in dist/ instead of the code under test.
 */
export function defaultJobs(): number {
  return fileURLToPath(import.meta.url).endsWith('.js') ? os.availableParallelism() : 1
}
