import {parentPort, workerData} from 'node:worker_threads'
import type {Config} from '../config/schema.js'
import {analyseBrief, loadRenderStage, type RenderStage} from '../pipeline.js'
import type {AnalysisReply, AnalysisRequest} from './pool.js'

// One worker thread of the analysis pool: it analyses (and renders) the
// briefs it is sent, one at a time, and replies with plain data.
const {config, renderStage, lean} = workerData as {config: Config; renderStage: RenderStage | undefined; lean: boolean}
const render = renderStage ? await loadRenderStage(renderStage) : undefined
const port = parentPort!

port.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply
  try {
    reply = {id: request.id, analysis: analyseBrief(request.text, request.path, request.absolutePath, config, render, lean)}
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    reply = {id: request.id, error: {name: failure.name, message: failure.message, stack: failure.stack}}
  }
  port.postMessage(reply)
})
