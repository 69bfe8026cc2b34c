import {z} from 'zod'
import {isValidExclude} from '../links/exclude.js'

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens (international names in punycode). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
/** The same, or `*.` before it for every subdomain: the value goes into each page's Content-Security-Policy as is. */
const HOST_PATTERN = new RegExp(`^(?:\\*\\.)?${HOST_NAME.source.slice(1)}`, 'i')

/**
 * The config (`briefpress.config.json` or another of CONFIG_PLACES). Every key is optional; the defaults make a fresh
 * clone build the sample archive with no config file at all.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema for editors: ./node_modules/briefpress/schema/briefpress.config.schema.json'),
    siteTitle: z.string().min(1).default('Briefpress').describe('Shown on every page and in the feeds.'),
    siteDescription: z.string().default('Daily market briefs').describe('Shown on every page and in the feeds.'),
    baseUrl: z.url({protocol: /^https?$/}).default('http://localhost:8080/').describe('Absolute URL the site is served from, used for feeds, sitemap and canonical links.'),
    pageSize: z.number().int().positive().default(30).describe('Briefs per page of the index (index.html, page/2/index.html, …) and of each category page.'),
    /**
     * `lookalike-citation-host`: hosts whose look-alikes are reported even
     * when the archive rarely cites them, and that are never reported as
     * look-alikes themselves.
     */
    trustedHosts: z
      .array(z.string().regex(HOST_NAME, {error: 'expected a host name such as `www.coinglass.com`'}))
      .default([])
      .describe('lookalike-citation-host: genuine host names, never reported; hosts that read as them are reported however rarely cited.'),
    categories: z.array(z.string().min(1)).min(1).default(['crypto']).describe('Allowed values of the `category` front-matter key.'),
    // Real briefs are 5-70 KB (318 KB with an embedded chart); up to 1 MiB any brief is checked in a few seconds (README, Limits).
    maxFileSize: z.number().int().positive().default(1024 * 1024).describe('Largest brief accepted, in bytes; larger files are reported (file-too-large) and skipped.'),
    // Two briefs with 20,000-row tables of tickers made 40,014 pages.
    assetPages: z
      .object({minDays: z.number().int().min(1).default(2), max: z.number().int().min(0).default(200)})
      .strict()
      .default({minDays: 2, max: 200})
      .describe('Assets other than BTC, ETH and SOL get pages (`assets/<symbol>/…`) when priced on at least `minDays` days, at most `max` of them (those priced on the most days).'),
    allowedImageHosts: z
      .array(z.string().regex(HOST_PATTERN, {error: 'expected a host name such as `images.example.com` or `*.example.com`'}))
      .default([])
      .describe('Hosts whose images a page may load; by default none, so a page view stays on the site.'),
    /**
     * Sections every brief must have (`missing-section`). A section matches by
     * its kind (Briefpress knows the usual wordings: "Market Snapshot & Price
     * Action" is a market overview) or by a title starting with one of `aliases`.
     */
    requiredSections: z
      .array(
        z
          .object({
            title: z.string().min(1),
            kind: z.string().min(1).optional(),
            aliases: z.array(z.string().min(1)).default([])
          })
          .strict()
      )
      .default([
        {title: 'Market Overview', kind: 'market-overview', aliases: []},
        {title: 'Top Headlines', kind: 'headlines', aliases: []}
      ])
      .describe('missing-section: sections every brief must have, matched by kind or by a title starting with the title or an alias.'),
    dayOverDayTolerance: z
      .number()
      .positive()
      .default(5)
      .describe("day-over-day: how far, in percentage points, a price may stray from yesterday's price and its own 24h change."),
    linkCheck: z
      .object({
        exclude: z
          .array(z.string().min(1).refine(isValidExclude, {error: 'expected a host name or a valid regular expression'}))
          .default([])
          .describe('check --links: URLs never asked for, as host names (subdomains too) or regular expressions.')
      })
      .strict()
      .default({exclude: []}),
    feedContent: z
      .enum(['summary', 'full'])
      .default('summary')
      .describe('What each feed item carries: summary (the summary, the key figures and a link to the day) or full (the whole brief).'),
    rules: z.record(z.string(), z.enum(['off', 'warn', 'error'])).default({}).describe('Per-rule severity, as in remark-lint: off, warn or error.')
  })
  .strict()

export type Config = z.infer<typeof configSchema>

/** Where the config is looked for, in each folder from the working folder upward (src/config/load.ts). */
export const CONFIG_PLACES = ['package.json', 'briefpress.config.json', 'briefpress.config.mjs', 'briefpress.config.js', 'briefpress.config.cjs'] as const
