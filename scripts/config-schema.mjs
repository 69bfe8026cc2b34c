// Writes schema/briefpress.config.schema.json from the compiled zod schema
// (run after `npm run build:ts`); test/config-places.test.ts checks the shipped file is current.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {CONFIG_SCHEMA_FILE, configJsonSchema} from '../dist/src/config/json-schema.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const file = path.join(root, CONFIG_SCHEMA_FILE)
mkdirSync(path.dirname(file), {recursive: true})
writeFileSync(file, JSON.stringify(configJsonSchema(), null, 2) + '\n')
console.log(`Wrote ${CONFIG_SCHEMA_FILE}`)
