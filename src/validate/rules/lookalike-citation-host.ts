import {defineRule} from '../../diagnostics/rule.js'
import {findLookalikes, MIN_REFERENCE_BRIEFS, positionOf} from '../lookalike-hosts.js'
import type {ArchiveRule} from '../rule-types.js'

/**
 * A cited host that reads as a site the archive cites often, or a trusted
 * host, without being it (src/validate/lookalike-hosts.ts): reported on
 * every brief that cites it, at its first citation there. Each brief keeps
 * its look-alikes (`lookalikeHosts`), so that the day page marks the link.
 */
export const lookalikeCitationHost: ArchiveRule = {
  meta: defineRule({
    id: 'lookalike-citation-host',
    severity: 'warning',
    description: 'A citation host reads as a site the archive cites often (or a `trustedHosts` entry) without being it: a doubled letter, swapped letters, look-alike characters.'
  }),
  check(briefs, reporter, config) {
    const found = findLookalikes(
      briefs.map((brief) => (brief.hosts ?? []).map((cited) => cited.host)),
      config.trustedHosts
    )
    if (found.size === 0) return
    const citing = new Map<string, string[]>()
    for (const brief of briefs) {
      for (const {host} of brief.hosts ?? []) if (found.has(host)) citing.set(host, [...(citing.get(host) ?? []), brief.file.path])
    }
    for (const brief of briefs) {
      for (const cited of brief.hosts ?? []) {
        const {host} = cited
        const lookalike = found.get(host)
        if (!lookalike) continue
        ;(brief.lookalikeHosts ??= {})[host] = lookalike.reference
        const files = citing.get(host)!
        const often = lookalike.referenceBriefs >= MIN_REFERENCE_BRIEFS ? `cited by ${lookalike.referenceBriefs} briefs` : 'a trusted host'
        const trusted = lookalike.trusted && lookalike.referenceBriefs >= MIN_REFERENCE_BRIEFS ? ' and trusted' : ''
        reporter.report(
          brief.file,
          this.meta,
          `Unexpected citation host \`${host}\`, which reads as \`${lookalike.reference}\` (${often}${trusted}) without being it (${lookalike.how}), expected the real site; cited by ${files.length === 1 ? 'this brief only' : `${files.length} briefs`}: ${files.join(', ')}`,
          positionOf(cited),
          {
            actual: host,
            expected: [lookalike.reference],
            note: 'Phishing sites copy the names of well-known sites this way. Open the link with care and cite the real site; if the host is genuine, add it to `trustedHosts` in briefpress.config.json. The day page marks the link as a look-alike.'
          }
        )
      }
    }
  }
}
