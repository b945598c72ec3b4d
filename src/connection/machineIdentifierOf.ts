const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const codePoint = (code: number, entity: string) => (code <= 0x10ffff ? String.fromCodePoint(code) : entity)

/**
 * The `machineIdentifier` a server's `/identity` answer names, or `undefined`: from its JSON
 * (`{"MediaContainer":{"machineIdentifier":...}}`) or, when it is not JSON, from the XML start tag
 * `<MediaContainer ... machineIdentifier="...">`, its entities (`&amp;`, `&#33;`, `&#x21;`)
 * decoded. Why XML too: a proxy that drops `Accept` gets the server's default answer, XML, and
 * that is still the server. No DOMParser: one attribute does not need it. Never throws (a
 * character reference beyond Unicode stays as written). Internal.
 * (`'abc123'` for `<MediaContainer size="0" machineIdentifier="abc123">`.)
 */
export function machineIdentifierOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { MediaContainer?: { machineIdentifier?: unknown } } | null)?.MediaContainer?.machineIdentifier
  } catch {
    return /<MediaContainer\s[^>]*?\bmachineIdentifier\s*=\s*(["'])(.*?)\1/s
      .exec(body)?.[2]
      ?.replace(/&(#x?)?(\w+);/gi, (entity, reference: string | undefined, name: string) =>
        reference ? codePoint(parseInt(name, reference.length > 1 ? 16 : 10), entity) : (ENTITIES[name] ?? entity),
      )
  }
}
