/** A bare host name (optionally with a port): matched as that host or any subdomain of it. */
const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/i

/**
 * Builds the matcher for `linkCheck.exclude`. An entry that looks like a host
 * name (`example.com`) excludes that host and its subdomains; anything else is
 * a regular expression tested against the whole URL (`^https://x\.com/private/`).
 */
export function excludeMatcher(entries: readonly string[]): (url: URL) => boolean {
  const hosts: string[] = []
  const patterns: RegExp[] = []
  for (const entry of entries) {
    if (HOST_NAME.test(entry)) hosts.push(entry.toLowerCase())
    else patterns.push(new RegExp(entry))
  }
  return (url) => {
    const withPort = url.host.toLowerCase()
    const host = url.hostname.toLowerCase()
    const byHost = hosts.some((entry) =>
      entry.includes(':') ? withPort === entry : host === entry || host.endsWith(`.${entry}`)
    )
    return byHost || patterns.some((pattern) => pattern.test(url.href))
  }
}

/** True when `entry` is usable in `linkCheck.exclude`, for config validation. */
export function isValidExclude(entry: string): boolean {
  if (HOST_NAME.test(entry)) return true
  try {
    new RegExp(entry)
    return true
  } catch {
    return false
  }
}
