// Named sets of fake servers for the end-to-end scenarios of issue 12 (and for demos):
// `configure({ servers: 'local-silent' })`, `--servers local-silent`.

/** @typedef {import('./index.d.mts').EmulatedServerSpec} EmulatedServerSpec */

/** @param {EmulatedServerSpec['connections']} connections @returns {EmulatedServerSpec[]} */
const home = (connections) => [{ name: 'Living Room', clientIdentifier: 'living-room-0000000000001', accessToken: 'living-room-token', connections }]

/** @type {Readonly<Record<string, readonly EmulatedServerSpec[]>>} */
export const SERVER_SCENARIOS = Object.freeze({
  /** Local and remote both answer: the local one is chosen. */
  'local-and-remote': home([{ local: true, behavior: { latency: 10 } }, { behavior: { latency: 80 } }]),
  /** The local connection never answers: the remote one is chosen without waiting for the local timeout. */
  'local-silent': home([{ local: true, behavior: 'silent' }, { behavior: { latency: 80 } }]),
  /** Only the relay answers (local and remote ports closed). */
  'only-relay': home([{ local: true, behavior: 'refuse' }, { behavior: 'refuse' }, { relay: true, behavior: { latency: 150 } }]),
  /** Another machine answers at the local address; the remote one is the server. */
  'wrong-machine': home([{ local: true, behavior: 'wrong-machine' }, { behavior: { latency: 80 } }]),
  /** Nothing usable: silent, refused, another machine, 401. */
  'all-unreachable': home([
    { local: true, behavior: 'silent' }, { behavior: 'refuse' }, { behavior: 'wrong-machine' }, { relay: true, behavior: 'unauthorized' },
  ]),
  /** plex.tv says the server is offline; its connections would answer, so any probe shows in the counts. */
  offline: [{ name: 'Cabin', clientIdentifier: 'cabin-0000000000000000002', presence: false, connections: [{ local: true }, {}] }],
  /** Every probe hangs: for "unmount during probing, zero requests after". */
  'all-silent': home([{ local: true, behavior: 'silent' }, { behavior: 'silent' }, { relay: true, behavior: 'silent' }]),
  /** Reads blocked by CORS (only app.plex.tv, none): the host answers, the page cannot verify it. */
  'cors-blocked': home([{ local: true, cors: 'app.plex.tv' }, { cors: 'none' }]),
  /**
   * Every connection lets only https://app.plex.tv read it (as some real servers do): requests
   * reach the server, a page on another origin cannot read the answers (the kit's `cors` error).
   */
  'app-plex-tv-only': home([{ local: true, cors: 'app.plex.tv', behavior: { latency: 10 } }, { cors: 'app.plex.tv', behavior: { latency: 80 } }]),
  /** No server on the account. */
  empty: [],
})
