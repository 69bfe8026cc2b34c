import {defineRule} from '../diagnostics/rule.js'

export const fileTooLarge = defineRule({
  id: 'file-too-large',
  severity: 'error',
  description: 'A brief is larger than `maxFileSize` and is not read.'
})

export const symbolicLink = defineRule({
  id: 'symbolic-link',
  severity: 'warning',
  description: 'A `*.md` file in the source folder is a symbolic link: links are not followed (one could publish a file from outside the folder), so it is not read.'
})

export const invalidEncoding = defineRule({
  id: 'invalid-encoding',
  severity: 'error',
  description: 'A brief is not valid UTF-8 text (invalid byte sequences, or a binary file).'
})

export const emptyFile = defineRule({
  id: 'empty-file',
  severity: 'error',
  description: 'A brief has no content at all.'
})

export const byteOrderMark = defineRule({
  id: 'byte-order-mark',
  severity: 'warning',
  description: 'A brief starts with a UTF-8 byte-order mark; it is ignored, but some tools choke on it.'
})

export const lineEndings = defineRule({
  id: 'line-endings',
  severity: 'warning',
  description: 'A brief uses CRLF (Windows) line endings; they are read fine, but diffs are noisier than with LF.'
})

export const controlCharacter = defineRule({
  id: 'control-character',
  severity: 'warning',
  description: 'A brief holds a control character XML forbids (NUL, bell, form feed, a lone surrogate…), as is or written as an escape; it is left out of the site.'
})

export const loadRules = [fileTooLarge, symbolicLink, invalidEncoding, emptyFile, byteOrderMark, lineEndings, controlCharacter]
