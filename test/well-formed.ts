import {SaxesParser} from 'saxes'

/** Throws on anything that is not well-formed XML 1.0 (saxes checks every character). */
export function parseXml(xml: string, what: string): void {
  const parser = new SaxesParser({xmlns: true})
  let failure: Error | undefined
  parser.on('error', (error) => {
    failure ??= new Error(`${what} is not well-formed XML: ${error.message}`)
  })
  parser.write(xml).close()
  if (failure) throw failure
}
