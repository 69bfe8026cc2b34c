import {Parser} from 'htmlparser2'

/**
 * Briefs exported from a CMS carry inline HTML: `<b>Market cap:</b> $3.44T<br>`,
 * `&minus;1.2%`, a `<table>` of prices. Figures are read from its text and its
 * table rows as from Markdown (htmlparser2 decodes entities).
 */

const TAG_OR_ENTITY = /<\/?[a-z][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i

/** The text of a line with HTML tags removed and entities decoded; the line itself when it has neither. */
export function withoutHtml(line: string): string {
  if (!TAG_OR_ENTITY.test(line)) return line
  let text = ''
  const parser = new Parser({
    ontext(data) {
      text += data
    },
    onopentag(name) {
      if (name === 'br' || name === 'td' || name === 'th' || name === 'p' || name === 'li') text += ' '
    }
  })
  parser.write(line)
  parser.end()
  return text.replace(/\u2212/g, '−')
}

export interface HtmlRow {
  /** Offset of the row's `<tr>` in the HTML. */
  offset: number
  cells: string[]
  header: boolean
}

/** The rows of every `<table>` in an HTML block, with their cells' text. */
export function htmlTableRows(html: string): HtmlRow[] {
  const rows: HtmlRow[] = []
  let row: HtmlRow | undefined
  let cell: string | undefined
  const parser = new Parser({
    onopentag(name) {
      if (name === 'tr') row = {offset: parser.startIndex, cells: [], header: false}
      else if ((name === 'td' || name === 'th') && row) {
        cell = ''
        if (name === 'th') row.header = true
      }
    },
    ontext(data) {
      if (cell !== undefined) cell += data
    },
    onclosetag(name) {
      if ((name === 'td' || name === 'th') && row && cell !== undefined) {
        row.cells.push(cell.trim().replace(/\s+/g, ' '))
        cell = undefined
      } else if (name === 'tr' && row) {
        rows.push(row)
        row = undefined
      }
    }
  })
  parser.write(html)
  parser.end()
  return rows
}
