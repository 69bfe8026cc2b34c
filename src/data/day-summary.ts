import {z} from 'zod'
import {briefDataSchema, severitySchema, type BriefData, type Severity} from './brief-data-schema.js'

/**
 * What the archive's pages need of one day besides its own page: its
 * figures and the severity of its worst headline, without the headlines,
 * citations and evidence (which travels with the day's rendered body,
 * src/render/site.ts): most of a day's data (about 10 of 17 KB), shown only
 * on the day's page and in its `brief.json`. The build keeps this of every
 * brief, so that 10,000 briefs stay small in memory and a build that adds
 * one brief does not read every other one's data.
 */
export const daySummarySchema = briefDataSchema
  .omit({headlines: true, citations: true, evidence: true})
  .extend({
    topSeverity: severitySchema.optional().describe("The most severe level among the day's headlines"),
    headlineCount: z.number().int().min(0),
    citationCount: z.number().int().min(0),
    data: z.string().describe("Site-relative URL of the day's full data (`brief.json`: headlines and citations too)")
  })
  .describe("One day's figures, as listed in data/briefs.json")

export type DaySummary = z.infer<typeof daySummarySchema>

/** From most to least severe. */
export const SEVERITY_ORDER: readonly Severity[] = severitySchema.options

/**
 * The day's summary, its keys in the schema's order (the published file's
 * order), checked against the published schema: made once per brief and
 * cached with it, so the build that writes `data/briefs.json` need not
 * check every day again. Throws on a summary the schema refuses (a bug).
 */
export function summarize(data: BriefData): DaySummary {
  const found = new Set(data.headlines.map((headline) => headline.severity))
  const topSeverity = SEVERITY_ORDER.find((level) => found.has(level))
  const {headlines, citations, evidence: _evidence, ...figures} = data
  const summary: DaySummary = {
    ...figures,
    ...(topSeverity && {topSeverity}),
    headlineCount: headlines.length,
    citationCount: citations.length,
    data: `${data.url}brief.json`
  }
  return daySummarySchema.parse(summary)
}

/** The JSON Schema written to `site/schema/day-summary.schema.json`. */
export function daySummaryJsonSchema(): object {
  return z.toJSONSchema(daySummarySchema, {target: 'draft-2020-12'})
}
