import {lstat, open, readlink} from 'node:fs/promises'
import {VFile} from 'vfile'
import type {Reporter} from '../diagnostics/reporter.js'
import {forbiddenCharacters} from '../control-characters.js'
import {reportControlCharacters} from './control-characters.js'
import {byteOrderMark, emptyFile, fileTooLarge, invalidEncoding, lineEndings, symbolicLink} from './rules.js'

interface ReadOptions {
  maxFileSize: number
  /** Path shown in messages (relative to the working folder). */
  displayPath: string
}

/**
 * A brief as read: the file with the messages of reading, and its text when
 * it could be decoded; `bom` when a byte-order mark was dropped from it, the
 * one thing of the bytes (and of the messages) that the text does not show.
 */
interface ReadResult {
  file: VFile
  text?: string
  bom?: true
}

/**
 * Reads one brief, or reports why it cannot be read (a link, too large,
 * binary, invalid UTF-8, empty) and returns the file with no text. A
 * byte-order mark is dropped (and reported) so that columns on line 1 match
 * what an editor shows.
 */
export async function readBrief(absolutePath: string, reporter: Reporter, options: ReadOptions): Promise<ReadResult> {
  const file = new VFile({path: options.displayPath, value: ''})
  file.data.absolutePath = absolutePath
  if ((await lstat(absolutePath)).isSymbolicLink()) {
    const target = await readlink(absolutePath).catch(() => '?')
    reporter.report(file, symbolicLink, `Unexpected symbolic link to \`${target}\`, expected a file: links are not followed, so the brief is not read`, {line: 1, column: 1}, {
      note: 'Copy or move the brief into the source folder; a link could publish a file from anywhere on the disk.'
    })
    return {file}
  }
  const handle = await open(absolutePath, 'r')
  let bytes: Buffer
  try {
    const {size} = await handle.stat()
    if (size > options.maxFileSize) {
      reporter.report(
        file,
        fileTooLarge,
        `Unexpected file of ${formatBytes(size)}, expected at most ${formatBytes(options.maxFileSize)} (\`maxFileSize\`)`,
        {line: 1, column: 1},
        {note: 'Split the brief, remove embedded data (such as base64 images), or raise `maxFileSize` in briefpress.config.json.'}
      )
      return {file}
    }
    bytes = await handle.readFile()
  } finally {
    await handle.close()
  }
  return decodeBrief(file, bytes, reporter)
}

function decodeBrief(file: VFile, bytes: Uint8Array, reporter: Reporter): ReadResult {
  if (bytes.length === 0) {
    reporter.report(file, emptyFile, 'Unexpected empty file, expected a brief with front matter and sections', {line: 1, column: 1})
    return {file}
  }
  // Reported at the bad byte, within the text before it (the file's value, so that the place is checked against it).
  const refuse = (at: number, reason: string, note: string): ReadResult => {
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, at))
    file.value = prefix
    reporter.report(file, invalidEncoding, reason, endPoint(prefix), {note})
    return {file}
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) return refuse(nul, `Unexpected NUL byte at byte ${nul}, expected UTF-8 text: this looks like a binary file`, 'Only Markdown text files belong in the briefs folder.')
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    const at = firstInvalidByte(bytes)
    return refuse(at, `Unexpected invalid UTF-8 byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at byte ${at}, expected UTF-8 text`, 'Re-save the file as UTF-8 (not Latin-1 or Windows-1252).')
  }
  const bom = text.charCodeAt(0) === 0xfeff
  if (bom) text = text.slice(1)
  file.value = text
  if (bom) reporter.report(file, byteOrderMark, 'Unexpected byte-order mark, expected UTF-8 without BOM', {line: 1, column: 1})
  const crlf = text.indexOf('\r\n')
  if (crlf !== -1) {
    const line = text.slice(0, crlf).split('\n').length
    reporter.report(file, lineEndings, 'Unexpected CRLF line endings, expected LF', {line, column: crlf - text.lastIndexOf('\n', crlf - 1)})
  }
  // Read on: they are left out of every output (src/control-characters.ts).
  reportControlCharacters(file, text, reporter, forbiddenCharacters(text))
  if (text.trim() === '') {
    reporter.report(file, emptyFile, 'Unexpected blank file, expected a brief with front matter and sections', {line: 1, column: 1})
    return {file}
  }
  return bom ? {file, text, bom} : {file, text}
}

/** The point just after `prefix`, counting lines as micromark and vfile do (`\r`, `\n`, `\r\n`). */
function endPoint(prefix: string): {line: number; column: number} {
  const lines = prefix.split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1]!.length + 1}
}

/**
 * Index of the first byte that does not start a valid UTF-8 sequence, by the
 * rules TextDecoder applies (no overlong forms, surrogates or code points
 * beyond U+10FFFF); one pass, as the file may be megabytes long.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    if (byte < 0x80) {
      index++
      continue
    }
    const length = byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0
    if (length === 0 || index + length > bytes.length) return index
    // The second byte's range depends on the lead byte; later ones are 80–BF.
    const second = bytes[index + 1]!
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf
    if (second < low || second > high) return index
    for (let next = 2; next < length; next++) {
      const continuation = bytes[index + next]!
      if (continuation < 0x80 || continuation > 0xbf) return index
    }
    index += length
  }
  return index
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${bytes} bytes`
}
