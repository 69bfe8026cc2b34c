import type {ArchiveRule, FileRule} from '../rule-types.js'
import {duplicateDate} from './duplicate-date.js'
import {duplicateTitle} from './duplicate-title.js'
import {duplicateCitation} from './duplicate-citation.js'
import {hiddenCitation} from './hidden-citation.js'
import {invalidCitationUrl} from './invalid-citation-url.js'
import {suspiciousCitationUrl} from './suspicious-citation-url.js'
import {undefinedCitation} from './undefined-citation.js'
import {unusedCitation} from './unused-citation.js'

/** Rules run on each brief while its tree is in memory, in this order. */
export const fileRules: FileRule[] = [
  undefinedCitation,
  duplicateCitation,
  invalidCitationUrl,
  suspiciousCitationUrl,
  unusedCitation,
  hiddenCitation
]

/** Rules run once every brief is loaded. */
export const archiveRules: ArchiveRule[] = [duplicateDate, duplicateTitle]
