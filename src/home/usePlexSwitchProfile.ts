import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from '../core/PlexAuthOptions'
import { useSessionToken } from '../core/useSessionToken'
import { useLatest } from '../core/useLatest'
import { usePlexOptions } from '../core/usePlexOptions'
import { switchIn } from './switchAndCache'

/** Where a profile switch stands: none yet, under way, done, or refused. */
export type PlexSwitchProfileStatus = 'idle' | 'switching' | 'switched' | 'error'

/**
 * What {@link usePlexSwitchProfile} returns. The PIN is never part of it: it goes to plex.tv with
 * the attempt and is forgotten.
 */
export type PlexSwitchProfileState = {
  /**
   * Switches to the Home profile `uuid` (with its 4-digit `pin` when it is protected) and resolves
   * to the profile's own token; rejects with the `PlexApiError` (`wrong-pin`, `rate-limited` with
   * `retryAfter`, `unauthorized`, ...; `network` when plex.tv does not answer within 15 s: the
   * request is then aborted). A new call cancels one under way (it rejects `aborted`).
   * Never retried by itself. Stable.
   */
  switchProfile: (uuid: string, pin?: string) => Promise<string>
} & (
  | { status: 'idle' | 'switching' | 'switched'; error: null }
  | { status: 'error'; error: PlexApiError }
)

/** Options of {@link usePlexSwitchProfile}: the shared configuration, overriding the provider's. */
export type UsePlexSwitchProfileOptions = PlexAuthOptions

/**
 * Switches a token to another profile of its Plex Home, for apps that keep the token themselves:
 * `POST /home/users/{uuid}/switch`, the token in the `X-Plex-Token` header. Inside a
 * `<PlexAuthProvider>` with a session, use `usePlexSession().switchProfile` instead: it also
 * replaces the session's token. Cancelled on unmount.
 *
 * `token`: `undefined` (or no argument) uses the signed-in session's token (the session itself is
 * not changed); `null`: no token, `switchProfile` rejects (`invalid-config`) and sends nothing.
 *
 * @example
 * ```tsx
 * import { isPlexApiError, usePlexSwitchProfile } from 'react-plex-auth'
 *
 * export function SwitchTo({ token, uuid, onToken }: { token: string; uuid: string; onToken: (token: string) => void }) {
 *   const { status, error, switchProfile } = usePlexSwitchProfile(token)
 *   const pick = (pin?: string) => switchProfile(uuid, pin).then(onToken, () => undefined)
 *   return (
 *     <>
 *       <button type="button" disabled={status === 'switching'} onClick={() => void pick()}>Switch</button>
 *       {isPlexApiError(error, 'wrong-pin') && <p role="alert">Wrong PIN</p>}
 *     </>
 *   )
 * }
 * ```
 */
export function usePlexSwitchProfile(token?: string | null, options?: UsePlexSwitchProfileOptions): PlexSwitchProfileState {
  const config = usePlexOptions(options)
  const latest = useLatest({ from: useSessionToken(token), config, queryClient: useQueryClient(config.queryClient) })
  const [state, setState] = useState<{ status: PlexSwitchProfileStatus; error: PlexApiError | null }>({ status: 'idle', error: null })
  const slot = useRef<AbortController | null>(null)
  useEffect(() => () => slot.current?.abort(), [])

  const switchProfile = useCallback(
    (uuid: string, pin?: string) => {
      const { from, config: options, queryClient } = latest.current
      const run = switchIn(slot, queryClient, options, from, uuid, pin)
      // A newer switch (or the unmount) aborted this one: it reports nothing.
      const mine = slot.current
      const report = (status: PlexSwitchProfileStatus, error: PlexApiError | null = null) => void (mine?.signal.aborted || setState({ status, error }))
      if (from) report('switching')
      return run.then(
        (next) => (report('switched'), next),
        (error: PlexApiError) => {
          report('error', error)
          throw error
        },
      )
    },
    [latest],
  )

  return useMemo(() => ({ ...state, switchProfile }) as PlexSwitchProfileState, [state, switchProfile])
}
