import type {BriefContext} from '../brief.js'

/**
 * The per-brief render stages by id, each loaded on demand. Workers receive
 * a stage as a plain descriptor and load it here: a static `import()` per
 * stage, not a module path computed at run time, so the bundler
 * (scripts/bundle.mjs) can follow it, and `check` never loads the renderer.
 */
const stages = {
  site: async () => (await import('./site.js')).renderBrief
} satisfies Record<string, () => Promise<(brief: BriefContext) => unknown>>

/** A per-brief render stage as workers receive it and the cache names it (`stageId` in src/cache/digest.ts). */
export interface RenderStage {
  id: keyof typeof stages
}

/** The build's render stage (`renderBrief` of src/render/site.ts). */
export const SITE_RENDER: RenderStage = {id: 'site'}

export async function loadRenderStage(stage: RenderStage): Promise<(brief: BriefContext) => unknown> {
  const load = stages[stage.id] as (() => Promise<(brief: BriefContext) => unknown>) | undefined
  if (!load) throw new Error(`Unknown render stage ${JSON.stringify(stage.id)}`)
  return load()
}
