import {defineRule} from '../diagnostics/rule.js'

export const missingFrontMatter = defineRule({
  id: 'missing-front-matter',
  severity: 'error',
  description: 'A file has no YAML front matter (or it is never closed), so it is not a brief.'
})

export const frontMatterSyntax = defineRule({
  id: 'front-matter-syntax',
  severity: 'error',
  description: 'The front matter is not valid YAML (syntax error, duplicate key, alias bomb).'
})

export const parseError = defineRule({
  id: 'parse-error',
  severity: 'error',
  description: 'The Markdown body could not be parsed (nesting too deep, or a paragraph too long to parse in linear time).'
})

export const parseRules = [missingFrontMatter, frontMatterSyntax, parseError]
