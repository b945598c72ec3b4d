import type { QueryClient } from '@tanstack/react-query'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexHomeUser } from '../api/PlexHomeUser'
import type { PlexUser } from '../api/PlexUser'
import type { PlexSessionStore, PlexSignInInProgress } from '../core/PlexSessionContext'
import { forgetToken } from '../core/forgetToken'
import { isTransientError, pollBackoff } from '../core/pollBackoff'
import { quietly } from '../core/quietly'
import { tokenFingerprint } from '../core/tokenFingerprint'
import { listenTokenRejections } from '../core/tokenRejections'
import type { PlexSessionEvents, PlexSignOutReason, PlexTokenStorage } from './PlexAuthProvider'

/** What the provider renders from; changed only by the session's own methods. Internal. */
export interface SessionState {
  token: string | null
  /** False until a stored token has been looked for (after mount). */
  restored: boolean
  signingIn: PlexSignInInProgress | null
  /** What ended the last sign-in. */
  failed: PlexApiError | null
  /** Why plex.tv refused the last token (a 401). */
  rejected: PlexApiError | null
  /** The last failure of checking the token, kept while it is checked again. */
  failure: PlexApiError | null
}

/** The session's methods, as `PlexSessionContext` gives them. */
type Methods = Pick<Required<PlexSessionStore>, 'track' | 'start' | 'setToken' | 'clearToken' | 'signOut' | 'retry' | 'switchTo' | 'switching'>

/** The account query as the session drives it: its `refetch`. */
type Refetch = (options?: { cancelRefetch: boolean }) => unknown

/**
 * The provider's one session as plain code, created once per provider: the token in memory and,
 * when asked, in Web Storage (storage that throws leaves it in memory only); the one sign-in slot
 * (whichever flow starts takes it and ends the one that held it); the line to the app's other
 * tabs (storage events with `'local'`, else a `BroadcastChannel` named after the key: only
 * `signed-out` or `check`, never a token); the marks that name the lifecycle events; and the rules
 * of a token's end: a 401 drops only the token it was about, a 429, 5xx or network failure keeps
 * it and checks again with backoff, and whatever it unlocked is forgotten after the commit that
 * moved every consumer on. `render` shows a new state. useSessionStore wires it to React. Internal.
 */
export function createSession(initial: SessionState, render: (state: SessionState) => void) {
  let state = initial
  let kind: PlexTokenStorage
  let key: string
  let channel: BroadcastChannel | null | undefined
  let slot: (PlexSignInInProgress & { owner: object }) | null | undefined
  // The token restored on load (`undefined` until opened): signed in with it is no new sign-in.
  let initialToken: string | null | undefined
  let switchedTo: string | null | undefined
  let ending: PlexSignOutReason | null | undefined
  // The token of the last commit, and the one that was signed in then.
  let seen: string | null | undefined
  let signedIn: string | null | undefined
  let failures = 0
  let lastFailure: PlexApiError | undefined
  // The account query, its user and whether it can run, as last rendered.
  let refetch: Refetch
  let user: PlexUser | null
  let runnable: boolean

  const set = (patch: Partial<SessionState>) => {
    if ((Object.keys(patch) as (keyof SessionState)[]).some((name) => patch[name] !== state[name])) render((state = { ...state, ...patch }))
  }
  const storage = () => (kind !== 'memory' && quietly(() => (kind === 'local' ? localStorage : sessionStorage))) || null
  const post = (type: 'signed-out' | 'check') => quietly(() => channel?.postMessage({ type }))
  const retry = () => void (runnable && refetch())
  const clearToken = (only?: string) => {
    if (only === undefined || state.token === only) set({ token: null })
    quietly(() => {
      const area = storage()
      if (only === undefined || area?.getItem(key) === only) area?.removeItem(key)
    })
  }
  const setToken = (token: string) => {
    set({ token, failed: null, rejected: null })
    quietly(() => storage()?.setItem(key, token))
  }
  const end = (why: PlexSignOutReason) => {
    ending = why
    methods.switching.current?.abort()
    set({ failed: null })
    clearToken()
  }
  const reject = (token: string, why: PlexApiError) => {
    ending = 'unauthorized'
    set({ rejected: why })
    clearToken(token)
    // Another tab may hold the same token: it checks its own, and signs out on the same 401.
    post('check')
  }

  const methods: Methods = {
    start: { current: null },
    switching: { current: null },
    setToken,
    clearToken,
    retry,
    track(owner, next, failed = null) {
      if (next) {
        if (slot && slot.owner !== owner) slot.cancel()
        slot = { ...next, owner }
        // Starting a sign-in makes the last failure and rejection old news.
        set({ signingIn: slot, failed: null, rejected: null })
      } else if (slot?.owner === owner) set({ signingIn: (slot = null), failed })
    },
    signOut() {
      end('user')
      post('signed-out')
    },
    switchTo(token) {
      switchedTo = token
      setToken(token)
      post('check')
    },
  }

  return {
    methods,
    /** The account query of this render. */
    see(account: PlexUser | null, query: Refetch, canRun: boolean) {
      user = account
      refetch = query
      runnable = canRun
    },
    /**
     * Restores the token of `storageKind` and `name` (before the first paint), follows the app's
     * other tabs, and hears a 401 on any of the kit's plex.tv calls for the current token.
     */
    open(storageKind: PlexTokenStorage, name: string, client: QueryClient, apiBaseUrl: string) {
      kind = storageKind
      key = name
      const area = storage()
      const stored = quietly(() => area?.getItem(key))
      set(stored ? { token: stored, restored: true } : { restored: true })
      if (initialToken === undefined) initialToken = stored || null
      const stop = new AbortController()
      const stopRejections = listenTokenRejections(client, (base, hash, error) => {
        const { token } = state
        if (base === apiBaseUrl && token && hash === tokenFingerprint(token)) reject(token, error)
      })
      if (kind === 'local') {
        // The controller is the listener's options (its `signal`): aborting it removes the listener.
        addEventListener(
          'storage',
          (event) => {
            // Another area (a same-origin iframe's sessionStorage.clear()) or another key is not ours.
            if (event.storageArea === area && (event.key === key || event.key === null)) set({ token: (event.key && event.newValue) || null })
          },
          stop,
        )
      } else if ((channel = quietly(() => new BroadcastChannel(`react-plex-auth:${key}`)))) {
        channel.onmessage = (event: MessageEvent<{ type?: unknown } | null>) => {
          const type = event.data?.type
          if (type === 'check') user && refetch({ cancelRefetch: false })
          else if (type === 'signed-out' && state.token) end('other-tab')
        }
      }
      return () => {
        stopRejections()
        stop.abort()
        channel?.close()
        channel = null
      }
    },
    /** After each check of the token: a 401 rejects it, a transient failure is checked again with backoff. */
    checked(token: string | null, error: PlexApiError | null, ready: boolean) {
      if (!token || ready) {
        failures = 0
        lastFailure = undefined
        set({ failure: null })
      }
      if (!token || !error) return
      if (error.kind === 'unauthorized') return reject(token, error)
      set({ failure: error })
      if (!isTransientError(error)) return
      // StrictMode runs this twice for one error: count it once. At most a minute between two checks.
      if (lastFailure !== error) failures++
      lastFailure = error
      const timer = setTimeout(retry, pollBackoff(failures - 1, error, 500, 60_000))
      return () => clearTimeout(timer)
    },
    /**
     * While signed in: checks the token again on focus (throttled), on reconnect and on an
     * interval while the tab is visible, so a token revoked elsewhere is noticed.
     */
    revalidate(onFocus = true, onReconnect = true, interval = 15 * 60_000) {
      // The check that made the session signed in was just made.
      let last = Date.now()
      // Focus events start at most one check in 30 s.
      const visible = () => document.visibilityState !== 'hidden'
      const run = () => {
        last = Date.now()
        refetch({ cancelRefetch: false })
      }
      const focused = () => visible() && Date.now() - last >= 30_000 && run()
      const timer = interval > 0 ? setInterval(() => visible() && run(), interval) : undefined
      const stop = new AbortController()
      if (onFocus) {
        addEventListener('focus', focused, stop)
        document.addEventListener('visibilitychange', focused, stop)
      }
      if (onReconnect) addEventListener('online', run, stop)
      return () => {
        clearInterval(timer)
        stop.abort()
      }
    },
    /**
     * After every commit: the lifecycle callbacks of what changed (once each, StrictMode
     * included; one that throws is reported and changes nothing), then an ended token's queries
     * are forgotten, once nothing renders with it.
     */
    commit(token: string | null, account: PlexUser | null, profile: PlexHomeUser | null, events: PlexSessionEvents, client: QueryClient, apiBaseUrl: string) {
      const fire = <K extends keyof PlexSessionEvents>(name: K, ...args: Parameters<NonNullable<PlexSessionEvents[K]>>) => {
        try {
          ;(events[name] as ((...a: unknown[]) => void) | undefined)?.(...args)
        } catch (error) {
          console.error(`react-plex-auth: ${name} threw.`, error)
        }
      }
      if (seen && !token) {
        fire('onSignOut', ending ?? 'other-tab')
        ending = null
      }
      if (token && account && signedIn !== token) {
        if (switchedTo === token) fire('onProfileSwitch', account, profile)
        else if (token !== initialToken) fire('onSignIn', account)
        switchedTo = null
      }
      signedIn = token && (account || signedIn === token) ? token : null
      if (seen && seen !== token) forgetToken(client, apiBaseUrl, seen)
      seen = token
    },
  }
}
