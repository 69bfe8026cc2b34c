import type {Brief} from '../../brief.js'
import {defineRule} from '../../diagnostics/rule.js'
import {MAIN_ASSETS, assetsWithPages} from '../asset-pages.js'
import type {ArchiveRule} from '../rule-types.js'

/** Assets named in one message; the rest are counted. */
const NAMED = 5

export const assetPageLimit: ArchiveRule = {
  meta: defineRule({
    id: 'asset-page-limit',
    severity: 'warning',
    description:
      'More assets are priced on `assetPages.minDays` days or more than `assetPages.max` allows: those priced on the fewest days get no page of their own. Reported once on each brief quoting one of them, at its first quote.'
  }),
  check(briefs, reporter, config) {
    // The briefs the site publishes from: valid data, not drafts. The first quote of each symbol counts, as on the pages.
    const counted = briefs.filter((brief): brief is Brief & {summary: NonNullable<Brief['summary']>} => brief.summary !== undefined && brief.frontMatter?.draft !== true)
    const days = new Map<string, Set<string>>()
    for (const brief of counted) {
      const first = new Map<string, (typeof brief.summary.prices)[number]>()
      for (const quote of [...brief.summary.prices].sort((a, b) => a.line - b.line)) if (!first.has(quote.symbol)) first.set(quote.symbol, quote)
      for (const quote of first.values()) {
        if (quote.price === undefined && quote.range === undefined) continue
        let dates = days.get(quote.symbol)
        if (!dates) days.set(quote.symbol, (dates = new Set()))
        dates.add(brief.summary.date)
      }
    }
    const {overMax, qualified} = assetsWithPages(new Map([...days].map(([symbol, dates]) => [symbol, dates.size])), config.assetPages)
    if (overMax.size === 0) return
    for (const brief of counted) {
      const left = brief.summary.prices.filter((quote) => overMax.has(quote.symbol)).sort((a, b) => a.line - b.line)
      const symbols = [...new Set(left.map((quote) => quote.symbol))]
      if (symbols.length === 0) continue
      const named = symbols.slice(0, NAMED).join(', ') + (symbols.length > NAMED ? ` and ${symbols.length - NAMED} more` : '')
      reporter.report(
        brief.file,
        this.meta,
        `Unexpected ${symbols.length === 1 ? 'asset' : `${symbols.length} assets`} without a page of ${symbols.length === 1 ? 'its' : 'their'} own (${named}): ${qualified} assets besides ${MAIN_ASSETS.join(', ')} are priced on ${config.assetPages.minDays}+ days, expected at most ${config.assetPages.max} (\`assetPages.max\`); those priced on the most days have pages`,
        {line: left[0]!.line, column: 1},
        {note: 'Raise `assetPages.max` or `assetPages.minDays` in briefpress.config.json, or leave long tables of tickers out of the briefs.'}
      )
    }
  }
}
