import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {packageRoot} from '../package-root.js'

const read = new Map<string, Promise<Buffer>>()

/** A file of the package's `templates/` (the stylesheet, the search page's scripts), read once. */
export function templateFile(name: string): Promise<Buffer> {
  let content = read.get(name)
  if (!content) {
    content = readFile(path.join(packageRoot(), 'templates', name)).catch(() => {
      throw new Error(`Cannot find templates/${name} beside the Briefpress installation`)
    })
    read.set(name, content)
  }
  return content
}
