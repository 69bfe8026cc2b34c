import type {ArchiveRule, FileRule} from '../rule-types.js'
import {assetPageLimit} from './asset-page-limit.js'
import {controlCharacterReferences} from './control-character.js'
import {dayOverDay} from './day-over-day.js'
import {duplicateDate} from './duplicate-date.js'
import {duplicateTitle} from './duplicate-title.js'
import {duplicateCitation} from './duplicate-citation.js'
import {headlineSeverity} from './headline-severity.js'
import {hiddenCitation} from './hidden-citation.js'
import {implausibleValue} from './implausible-value.js'
import {invalidCitationUrl} from './invalid-citation-url.js'
import {lookalikeCitationHost} from './lookalike-citation-host.js'
import {missingSection} from './missing-section.js'
import {suspiciousCitationUrl} from './suspicious-citation-url.js'
import {templatePlaceholder} from './template-placeholder.js'
import {undefinedCitation} from './undefined-citation.js'
import {unparsedPrice} from './unparsed-price.js'
import {unreadFigure} from './unread-figure.js'
import {unusedCitation} from './unused-citation.js'

/** Rules run on each brief while its tree is in memory, in this order. */
export const fileRules: FileRule[] = [
  undefinedCitation,
  duplicateCitation,
  invalidCitationUrl,
  suspiciousCitationUrl,
  unusedCitation,
  hiddenCitation,
  missingSection,
  unparsedPrice,
  unreadFigure,
  implausibleValue,
  headlineSeverity,
  templatePlaceholder,
  controlCharacterReferences
]

/** Rules run once every brief is loaded. */
export const archiveRules: ArchiveRule[] = [duplicateDate, duplicateTitle, dayOverDay, lookalikeCitationHost, assetPageLimit]
