import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { createPin } from '../api/createPin'
import { PlexApiError } from '../api/PlexApiError'
import type { PlexPin } from '../api/PlexPin'
import { DEFAULT_API_BASE_URL } from '../api/defaults'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { pinKey } from '../core/queryKeys'
import { PlexSessionContext } from '../core/PlexSessionContext'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { toClientOptions } from '../core/toClientOptions'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { usePlexToken } from '../pin/usePlexToken'
import { validateOptions } from '../api/validateOptions'

/** Where a link code stands: off, getting a code, shown and watched, linked, expired for good, or failed. */
export type PlexLinkCodeStatus = 'idle' | 'creating' | 'waiting' | 'authorized' | 'expired' | 'error'

/** Options of {@link usePlexLinkCode}: the shared configuration plus the link-code controls. */
export interface UsePlexLinkCodeOptions extends PlexAuthOptions {
  /** The app's name on plex.tv/link and in the user's devices (`X-Plex-Product`); overrides the provider's. */
  product?: string
  /** How many fresh codes to create by itself when one expires unused; then `expired`. @default 3 */
  maxRenewals?: number
  /** `false` creates nothing and stops watching (`idle`); turning it on starts over. @default true */
  enabled?: boolean
  /**
   * Called once with the token and the PIN when the user linked the code. The latest function is
   * always used; passing a new one restarts nothing.
   */
  onToken?: (token: string, pin: PlexPin) => void
}

/** What every {@link PlexLinkCodeState} has, whatever its status. */
export interface PlexLinkCodeStateBase {
  /** The current PIN as created (its `qr` is a QR image URL leading to plex.tv/link), or `null`. */
  pin: PlexPin | null
  /**
   * When the current code expires (ISO time) on this device's clock, from plex.tv's `expiresIn` at
   * creation (so a device clock minutes off plex.tv's does not shift a countdown); `null` when none.
   * `pin.expiresAt` is plex.tv's own clock.
   */
  expiresAt: string | null
  /** Codes created automatically after the previous one expired, since mount or `restart()`. */
  renewals: number
  /** Starts over with a fresh code and a fresh renewal budget (after `expired`, `error`, or any time). Stable. */
  restart: () => void
}

/**
 * What {@link usePlexLinkCode} returns, by status: the 4-character `code` to show while `waiting`
 * (and once `authorized`, with the user's `token`); the reason with `error` (always a
 * `PlexApiError`). The object is stable while nothing a consumer sees changes.
 */
export type PlexLinkCodeState = PlexLinkCodeStateBase &
  (
    | { status: 'waiting'; code: string; pin: PlexPin; token: null; error: null }
    | { status: 'authorized'; code: string; pin: PlexPin; token: string; error: null }
    | { status: 'error'; code: null; token: null; error: PlexApiError }
    | { status: 'idle' | 'creating' | 'expired'; code: null; token: null; error: null }
  )

const aborted = () => new PlexApiError('aborted', 'Link code cancelled.')

/**
 * Signs a user in with a 4-character code for https://plex.tv/link (TVs, consoles, kiosks).
 * Creates exactly one PIN on mount (`POST /pins?strong=false`, a react-query mutation; also one
 * under StrictMode), watches it with `usePlexToken`, and calls `onToken` once when approved.
 * An unused code that expires (404 or `expiresAt` passed) is replaced within one poll interval,
 * at most `maxRenewals` times; the old PIN is never polled again. Creating a code retries 429,
 * 5xx and network failures twice (2 s then 4 s, or plex.tv's `Retry-After` when it is at most
 * 30 s) before `error`; other failures are final. Unmount aborts the request in flight and stops.
 *
 * @example
 * ```tsx
 * import { usePlexLinkCode } from 'react-plex-auth'
 *
 * declare function save(token: string): void
 *
 * export function LinkCode() {
 *   const link = usePlexLinkCode({ onToken: (token) => save(token) })
 *   if (link.status === 'waiting') return <p>Enter {link.code} at plex.tv/link</p>
 *   if (link.status === 'expired' || link.status === 'error') return <button type="button" onClick={link.restart}>New code</button>
 *   return null
 * }
 * ```
 */
export function usePlexLinkCode(options: UsePlexLinkCodeOptions = {}): PlexLinkCodeState {
  const { maxRenewals = 3, enabled = true, onToken, ...shared } = options
  const config = usePlexOptions(shared)
  const configError = useMemo(() => validateOptions(config), [config.product, config.pollInterval])
  const configRef = useLatest(config)
  const session = useContext(PlexSessionContext)
  const onTokenRef = useLatest({ onToken, session })
  const queryClient = useQueryClient(config.queryClient)
  const localExpiry = useRef(new Map<number, string>())

  const mutation = useMutation<PlexPin, PlexApiError, AbortSignal>(
    {
      mutationFn: async (signal) => {
        if (signal.aborted) throw aborted()
        const client = toClientOptions(configRef.current)
        // The PIN is polled with the identifier that created it, whatever the app's says later.
        const pin = await createPin({ ...client, strong: false }, { signal })
        localExpiry.current.set(pin.id, new Date(Date.now() + pin.expiresIn * 1000).toISOString())
        return { ...pin, clientIdentifier: client.clientIdentifier }
      },
      // Outcomes are statuses whatever the app's mutation defaults (no throw to an error boundary).
      throwOnError: false,
      networkMode: 'always',
      retry: (count, error) => isTransientError(error) && count < 2 && (error.retryAfter ?? 0) <= 30,
      retryDelay: (count, error) => pollBackoff(count, error, 1000),
    },
    config.queryClient,
  )
  const { mutate, reset } = mutation
  const controller = useRef<AbortController | null>(null)
  const keep = useRef(false)
  const [renewals, setRenewals] = useState(0)
  const create = useCallback(() => {
    controller.current?.abort()
    controller.current = new AbortController()
    mutate(controller.current.signal)
  }, [mutate])

  const active = enabled && configError === null
  // One PIN per mount: StrictMode's simulated unmount is undone synchronously, so stopping is
  // deferred to a microtask and skipped when the effect has run again by then.
  useEffect(() => {
    if (!active) return
    keep.current = true
    if (!controller.current) create()
    return () => {
      keep.current = false
      queueMicrotask(() => {
        if (keep.current) return
        controller.current?.abort()
        controller.current = null
        reset()
        setRenewals(0)
      })
    }
  }, [active, create, reset])

  const pin = active && mutation.status === 'success' ? mutation.data : null
  // Once linked, the token lives here, not in the PIN's query (which is dropped: no token in the cache).
  const [linked, setLinked] = useState<{ pinId: number; token: string } | null>(null)
  const done = linked !== null && linked.pinId === pin?.id
  const watched = usePlexToken(done ? null : (pin?.id ?? null), { ...config, clientIdentifier: pin?.clientIdentifier ?? config.clientIdentifier })

  const renewedFrom = useRef<number | null>(null)
  const renewing = watched.status === 'expired' && renewals < maxRenewals
  useEffect(() => {
    if (!renewing || !pin || renewedFrom.current === pin.id) return
    renewedFrom.current = pin.id
    setRenewals((count) => count + 1)
    create()
  }, [renewing, pin, create])

  const delivered = useRef<number | null>(null)
  useEffect(() => {
    if (watched.status !== 'authorized' || !watched.token || !pin || delivered.current === pin.id) return
    delivered.current = pin.id
    const token = watched.token
    setLinked({ pinId: pin.id, token })
    queryClient.removeQueries({ queryKey: pinKey(config.apiBaseUrl ?? DEFAULT_API_BASE_URL, pin.id), exact: true })
    // Inside a provider, the link code signs the session in, as the button does.
    onTokenRef.current.session?.setToken(token)
    onTokenRef.current.onToken?.(token, { ...pin, ...watched.pin, authToken: token })
  }, [watched.status, watched.token, watched.pin, pin, queryClient, config.apiBaseUrl])

  const restart = useCallback(() => {
    if (!active) return
    setRenewals(0)
    create()
  }, [active, create])

  let status: PlexLinkCodeStatus
  let error: PlexApiError | null = null
  if (!enabled) status = 'idle'
  else if (configError) [status, error] = ['error', configError]
  else if (mutation.status === 'error') [status, error] = ['error', mutation.error]
  else if (!pin || renewing) status = 'creating'
  else if (done) status = 'authorized'
  else if (watched.status === 'error') [status, error] = ['error', watched.error]
  else if (watched.status === 'authorized' || watched.status === 'expired') status = watched.status
  else status = 'waiting'

  const shown = status === 'waiting' || status === 'authorized'
  const code = shown ? (pin?.code ?? null) : null
  const token = status === 'authorized' ? (linked?.token ?? watched.token) : null
  const expiresAt = shown && pin ? (localExpiry.current.get(pin.id) ?? null) : null
  return useMemo(
    () => ({ status, code, pin, token, error, expiresAt, renewals, restart }) as PlexLinkCodeState,
    [status, code, pin, token, error, expiresAt, renewals, restart],
  )
}
