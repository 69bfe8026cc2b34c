import {z} from 'zod'
import {allRules} from '../validate/catalog.js'
import {configSchema} from './schema.js'

/** Where the package ships the config's JSON Schema (package.json `files`), for editors. */
export const CONFIG_SCHEMA_FILE = 'schema/briefpress.config.schema.json'

/**
 * The config's JSON Schema, generated from the zod schema that validates it
 * (zod's toJSONSchema, input side: keys with defaults are optional), with
 * the known rule ids listed so that an editor completes them. Draft-07, which
 * editors' JSON language servers support best.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {io: 'input', target: 'draft-07'})
  const rules = schema.properties?.rules
  if (typeof rules === 'object') rules.propertyNames = {enum: allRules.map((rule) => rule.id).sort()}
  return {
    $schema: schema.$schema,
    $id: 'https://github.com/briefpress/briefpress/blob/main/schema/briefpress.config.schema.json',
    title: 'Briefpress config',
    description: 'briefpress.config.json, briefpress.config.mjs/.js or the `briefpress` key of package.json',
    ...schema
  }
}
