/**
 * When the kit's data queries (account, servers, Home) load again: on mount, window focus and
 * reconnect only once stale (react-query's own defaults), never on an interval, whatever the
 * app's QueryClient `defaultOptions` say (`refetchInterval`, `refetchOn*: 'always'` would
 * otherwise poll plex.tv for the kit). Internal.
 */
export const kitRefetchOptions = {
  refetchInterval: false,
  refetchOnMount: true,
  refetchOnWindowFocus: true,
  refetchOnReconnect: true,
  // An app's `enabled: false` default must not stall the kit's own queries.
  enabled: true,
} as const
