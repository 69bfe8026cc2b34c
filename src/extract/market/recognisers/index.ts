import type {EtfFlow, Liquidation, MarketCap, PriceQuote, Recogniser} from '../types.js'
import {assetQuote} from './asset-quote.js'
import {etfFlows} from './etf-flows.js'
import {etfFundTable} from './etf-fund-table.js'
import {etfTable} from './etf-table.js'
import {fearGreed} from './fear-greed.js'
import {liquidationTable} from './liquidation-table.js'
import {liquidations} from './liquidations.js'
import {marketCap} from './market-cap.js'
import {marketCapTable} from './market-cap-table.js'
import {respectively} from './respectively.js'
import {tableRow} from './table-row.js'
import {tableRowMulti} from './table-row-multi.js'

/**
 * The recognisers, tried in order on every line; a new way of writing a
 * figure is one more entry here (and its unit test).
 */
export const priceRecognisers: ReadonlyArray<Recogniser<PriceQuote>> = [tableRow, tableRowMulti, respectively, assetQuote]
export const marketCapRecognisers: ReadonlyArray<Recogniser<MarketCap>> = [marketCapTable, marketCap]
export const fearGreedRecognisers = [fearGreed] as const
export const liquidationRecognisers: ReadonlyArray<Recogniser<Liquidation>> = [liquidationTable, liquidations]
export const etfFlowRecognisers: ReadonlyArray<Recogniser<EtfFlow>> = [etfTable, etfFundTable, etfFlows]
