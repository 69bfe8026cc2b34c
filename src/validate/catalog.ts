import type {RuleMeta} from '../diagnostics/rule.js'
import {linkRules} from '../links/rules.js'
import {loadRules} from '../load/rules.js'
import {parseRules} from '../parse/rules.js'
import {frontMatterRules} from './front-matter.js'
import {archiveRules, fileRules} from './rules/index.js'

/**
 * Every rule id Briefpress can report, for config validation and docs; each
 * once, though a rule may check at several stages (`control-character`).
 */
export const allRules: readonly RuleMeta[] = [
  ...new Set([...loadRules, ...parseRules, ...frontMatterRules, ...fileRules.map((rule) => rule.meta), ...archiveRules.map((rule) => rule.meta), ...linkRules])
]
