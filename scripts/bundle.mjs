#!/usr/bin/env node
// Bundles the CLI (the package's `bin`) into dist/bundle/ with esbuild: part
// of `npm run build:ts`, after tsc (which type-checks and emits dist/src/,
// the library). Loading ~560 ES modules one by one took ~0.3 s of every
// command's start; a few chunks load in a fraction of that (README, "Speed").
//
// - Code splitting keeps the commands loaded on demand (src/cli.ts imports
//   them lazily: `--version` does not load the parser), and the worker
//   thread (src/workers/worker.ts) is an entry of its own, sharing chunks.
// - One flat folder: src/workers/pool.ts finds worker.js beside its chunk,
//   and src/cache/digest.ts hashes the whole folder as the code that runs.
// - pagefind stays external: it spawns its platform binary, found through
//   its own package.
// - CommonJS dependencies (gray-matter…) `require` node builtins: the banner
//   gives every output file a real `require`.
// - string-width (which wrap-ansi uses for the pretty report) is scripts/lazy-string-width.js, which
//   measures plain-text cells itself (the package costs ~50 µs a cell) and
//   loads the package only for the others.
import {chmodSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist', 'bundle')

// Chunks of an earlier build would be packed and hashed with the new ones.
rmSync(outdir, {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints: {cli: 'src/cli.ts', worker: 'src/workers/worker.ts'},
  outdir,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pagefind'],
  define: {BRIEFPRESS_BUNDLED: 'true'},
  banner: {js: "import {createRequire as __briefpressCreateRequire} from 'node:module'; const require = __briefpressCreateRequire(import.meta.url);"},
  plugins: [lazyStringWidth()],
  logLevel: 'warning'
})
chmodSync(path.join(outdir, 'cli.js'), 0o755)

/** Resolves `string-width` to scripts/lazy-string-width.js, except from that file itself. */
function lazyStringWidth() {
  const shim = path.join(root, 'scripts', 'lazy-string-width.js')
  return {
    name: 'lazy-string-width',
    setup(build) {
      build.onResolve({filter: /^string-width$/}, (args) => (args.importer === shim ? undefined : {path: shim}))
    }
  }
}
