import type {ArchiveRule, FileRule} from '../rule-types.js'
import {duplicateDate} from './duplicate-date.js'
import {duplicateTitle} from './duplicate-title.js'

/** Rules run on each brief while its tree is in memory, in this order. */
export const fileRules: FileRule[] = []

/** Rules run once every brief is loaded. */
export const archiveRules: ArchiveRule[] = [duplicateDate, duplicateTitle]
