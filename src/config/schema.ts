import {z} from 'zod'
import {isValidExclude} from '../links/exclude.js'

/** A DNS host name: dot-separated labels of letters, digits and inner hyphens (international names in punycode). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
/** The same, or `*.` before it for every subdomain: the value goes into each page's Content-Security-Policy as is. */
const HOST_PATTERN = new RegExp(`^(?:\\*\\.)?${HOST_NAME.source.slice(1)}`, 'i')

export const ruleSettingSchema = z.enum(['off', 'warn', 'error'])

/**
 * `briefpress.config.json`. Every key is optional; the defaults make a fresh
 * clone build the sample archive with no config file at all.
 */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    siteTitle: z.string().min(1).default('Briefpress'),
    siteDescription: z.string().default('Daily market briefs'),
    /** Absolute URL the site is served from, used for feeds and canonical links. */
    baseUrl: z.url({protocol: /^https?$/}).default('http://localhost:8080/'),
    /** Briefs per page of the index (`index.html`, `page/2/index.html`, …). */
    pageSize: z.number().int().positive().default(30),
    /**
     * `lookalike-citation-host`: hosts whose look-alikes are reported even
     * when the archive rarely cites them, and that are never reported as
     * look-alikes themselves.
     */
    trustedHosts: z.array(z.string().regex(HOST_NAME, {error: 'expected a host name such as `www.coinglass.com`'})).default([]),
    /** Allowed values of the `category` front-matter key. */
    categories: z.array(z.string().min(1)).min(1).default(['crypto']),
    /**
     * Largest brief accepted, in bytes; larger files are reported and skipped.
     * Real briefs are 5-70 KB (318 KB with an embedded chart); up to 1 MiB
     * any brief is checked in a few seconds (README, Limits).
     */
    maxFileSize: z.number().int().positive().default(1024 * 1024),
    /**
     * Assets other than BTC, ETH and SOL get pages (`assets/<symbol>/…`) when
     * priced on at least `minDays` days, at most `max` of them (those priced on
     * the most days): two briefs with 20,000-row tables of tickers made 40,014 pages.
     */
    assetPages: z
      .object({minDays: z.number().int().min(1).default(2), max: z.number().int().min(0).default(200)})
      .strict()
      .default({minDays: 2, max: 200}),
    /** Hosts whose images a page may load; by default none, so a page view stays on the site. */
    allowedImageHosts: z.array(z.string().regex(HOST_PATTERN, {error: 'expected a host name such as `images.example.com` or `*.example.com`'})).default([]),
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
      ]),
    /** `day-over-day`: how far, in percentage points, a price may stray from yesterday's price and its own 24h change. */
    dayOverDayTolerance: z.number().positive().default(5),
    /** `check --links`: URLs never asked for, as host names (`example.com`, subdomains too) or regular expressions. */
    linkCheck: z
      .object({exclude: z.array(z.string().min(1).refine(isValidExclude, {error: 'expected a host name or a valid regular expression'})).default([])})
      .strict()
      .default({exclude: []}),
    /** Per-rule severity, as in remark-lint: off, warn or error. */
    rules: z.record(z.string(), ruleSettingSchema).default({})
  })
  .strict()

export type Config = z.infer<typeof configSchema>
export type ConfigInput = z.input<typeof configSchema>

export const CONFIG_FILE = 'briefpress.config.json'
