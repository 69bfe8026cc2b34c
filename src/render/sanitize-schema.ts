import {defaultSchema, type Options as Schema} from 'rehype-sanitize'

/**
 * GitHub's sanitizing rules (rehype-sanitize's default schema) with two
 * changes:
 * - `data:` is accepted in `src`, only so that `offsite-images` can decide
 *   about embedded images; it replaces every `data:` URL that is not a raster
 *   image, so none reaches the page.
 * - `<source>` is dropped: its `srcset` would make `<picture>` load an image
 *   from any host, past the offsite-image check (the `<img>` inside stays).
 * Scripts, event handlers, `style`, iframes and `javascript:` URLs are
 * removed as in GitHub; ids are prefixed with `user-content-` so a brief
 * cannot clobber the page's own ids.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'source'),
  protocols: {...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data']}
}

/** The prefix the sanitizer puts on every id from a brief. */
export const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-'
