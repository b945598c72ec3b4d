/**
 * One way to reach a Plex Media Server, from `GET /resources`. Flags are booleans whatever plex.tv
 * sent (`true`, `1` or `"1"`): see `parseResources`.
 */
export interface PlexConnection {
  /**
   * `'https'` (usually a `*.plex.direct` name) or `'http'`: the scheme of `uri`, what the browser
   * fetches (when plex.tv's `protocol` field disagrees with the uri, the uri wins).
   */
  protocol: 'http' | 'https'
  /** The IP address behind `uri`. */
  address: string
  port: number
  /** What to request, e.g. `https://192-168-1-10.0123abcd.plex.direct:32400`. */
  uri: string
  /** On the server's own network (a LAN address). */
  local: boolean
  /** Through Plex's relay: works almost everywhere, but slow and bandwidth-limited. */
  relay: boolean
  /** `address` is an IPv6 address. */
  IPv6: boolean
}

/**
 * A device the account can see, from `GET /resources`: its own servers, servers shared with it,
 * and players. `usePlexServers` keeps those that provide `server`.
 */
export interface PlexResource {
  /** The name the owner gave it, e.g. "Living Room". */
  name: string
  /** "Plex Media Server" for servers. */
  product: string
  productVersion: string
  platform: string
  platformVersion: string
  device: string
  /** The device's machine identifier; a server's `/identity` answers the same value. */
  clientIdentifier: string
  /** Comma list of roles, e.g. `"server"` or `"client,player"`. */
  provides: string
  /** The account's own device (`false`: shared with it by `sourceTitle`). */
  owned: boolean
  /** The owner's account id (shared devices), else `null`. */
  ownerId: number | null
  /** Who shared it (shared devices), else `null`. */
  sourceTitle: string | null
  /**
   * The token to send **to this server** as `X-Plex-Token` (on shared servers it differs from the
   * account's token). A secret: never put it in a URL. `null` when plex.tv sent none.
   */
  accessToken: string | null
  /** The server's public IP. */
  publicAddress: string
  /** The caller has the same public IP (probably the same network). */
  publicAddressMatches: boolean
  /** plex.tv currently sees the device online. `true` when plex.tv did not say. */
  presence: boolean
  /** The server refuses plain http. */
  httpsRequired: boolean
  /** The server allows connections through Plex's relay. */
  relay: boolean
  dnsRebindingProtection: boolean
  natLoopbackSupported: boolean
  home: boolean
  synced: boolean
  /** ISO time plex.tv last saw the device, when it said. */
  lastSeenAt: string | null
  /** ISO time the device was registered, when plex.tv said. */
  createdAt: string | null
  /** Every advertised way to reach it, in plex.tv's order (`rankConnections` orders them). */
  connections: PlexConnection[]
  /**
   * Why the kit cannot use this server, in a sentence a person can act on (e.g. plex.tv sent its
   * addresses in a form that cannot be read: it then has no `connections`), else `null`. Such a
   * server is still listed, so a person sees it and why, rather than every server failing.
   */
  problem: string | null
}
