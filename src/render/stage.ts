/** The build's render stage (`renderBrief` of src/render/site.ts), named so that workers can load it. */
export const SITE_RENDER = {module: 'render/site.js', export: 'renderBrief'} as const
