// string-width for the bundle (scripts/bundle.mjs puts it in place of the
// package for vfile-reporter). The package builds an Intl.Segmenter and a
// \p{RGI_Emoji} expression when it loads: about 30 ms of every command's
// start, for the report's column widths, which are almost always printable
// ASCII. That case is answered here exactly as the package answers it (its
// own fast path); anything else loads the package on first use. esbuild
// turns this `require` into a lazy start of the bundled package.
/* global require */
let packaged

export default function stringWidth(input, options) {
  if (typeof input === 'string' && /^[\u0020-\u007E]*$/.test(input)) return input.length
  packaged ??= require('string-width').default
  return packaged(input, options)
}
