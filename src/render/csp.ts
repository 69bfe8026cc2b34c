/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>`:
 * only what the site itself needs. Nothing may load from another host except
 * images from `allowedImageHosts`; no inline style or script is allowed, so
 * the templates use classes and the sanitizer strips `style` attributes.
 * Scripts are allowed only on a page that asks for them (the search page),
 * and only from the site.
 */

export interface CspOptions {
  /** Hosts whose images may load (config `allowedImageHosts`; a host also allows its subdomains). */
  allowedImageHosts?: readonly string[]
  /** The page runs scripts from the site (`script-src 'self'`). */
  scripts?: boolean
  /** Further sources per directive, for a page that needs them (e.g. `connect-src: ["'self'"]`). */
  extra?: Readonly<Record<string, readonly string[]>>
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const hosts = (options.allowedImageHosts ?? []).flatMap((host) => {
    const name = host.toLowerCase().replace(/^\*\./, '')
    // Without a scheme a host source follows the page's own scheme (and http→https).
    return [name, `*.${name}`]
  })
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'img-src': ["'self'", 'data:', ...hosts],
    'style-src': ["'self'"],
    ...(options.scripts ? {'script-src': ["'self'"]} : {}),
    'base-uri': ["'none'"],
    'form-action': ["'self'"]
  }
  for (const [name, sources] of Object.entries(options.extra ?? {})) {
    directives[name] = [...new Set([...(directives[name] ?? []), ...sources])]
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}
