/**
 * What a story does to the browser around the sign-in, set per story with `parameters.plex`:
 * no real popup is opened (a fake window, or `null` for "blocked") and no navigation can take the
 * Storybook iframe to plex.tv (redirect mode). Installed by the `beforeEach` in .storybook/preview.tsx
 * and undone after every story.
 */

/** Story parameters read by the preview (`parameters.plex`). */
export interface PlexStoryParameters {
  /**
   * What `window.open` returns: a fake popup (`'fake'`, the default), `null` as when the browser
   * blocks popups (`'blocked'`), or the browser's own behaviour (`'real'`).
   */
  popup?: 'fake' | 'blocked' | 'real'
  /**
   * Props of the `<PlexAuthProvider>` that wraps the story, or `false` for none (the story
   * renders its own). @default { product: STORY_PRODUCT }
   */
  provider?: { product: string; pollInterval?: number } | false
}

/** The app name every story gives plex.tv. */
export const STORY_PRODUCT = 'Storybook Demo'

/** sessionStorage key of a pending redirect sign-in (the kit's default). */
export const PENDING_LOGIN_KEY = 'react-plex-auth:pending-login'

/** A stand-in for the popup window: what `openPopup` and `usePlexLogin` touch, and a record of it. */
export interface FakePopup {
  closed: boolean
  document: Document
  location: { href: string }
  /** Every URL the kit sent the popup to, in order. */
  visited: string[]
  focus(): void
  close(): void
}

function createFakePopup(): FakePopup {
  const visited: string[] = []
  let href = 'about:blank'
  const popup: FakePopup = {
    closed: false,
    document: document.implementation.createHTMLDocument('popup'),
    location: {
      get href() {
        return href
      },
      set href(value: string) {
        href = value
        visited.push(value)
      },
    },
    visited,
    focus() {},
    close() {
      popup.closed = true
    },
  }
  return popup
}

/** What the current story did: popups asked for, and navigations that were stopped. */
export const browserLog = {
  /** Calls of `window.open`, with the fake window returned (or `null`). */
  popups: [] as { url: string; target: string; features: string; popup: FakePopup | null }[],
  /** URLs the page tried to navigate to on another origin (cancelled). */
  navigations: [] as string[],
  /** The last fake popup opened, if any. */
  get lastPopup(): FakePopup | null {
    return this.popups.at(-1)?.popup ?? null
  },
}

interface NavigateEventLike extends Event {
  readonly cancelable: boolean
  readonly destination: { readonly url: string }
}
interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void
  removeEventListener(type: 'navigate', listener: (event: NavigateEventLike) => void): void
}

/**
 * Installs the stubs for one story and returns their cleanup (a Storybook `beforeEach` may return it).
 * `window.location.assign` cannot be stubbed in a real browser (Location members are
 * [LegacyUnforgeable]: non-writable, non-configurable), so redirects are stopped with the
 * Navigation API instead: any navigation to another origin is cancelled and logged.
 */
export function installBrowserStubs(parameters: PlexStoryParameters = {}): () => void {
  const cleanups: (() => void)[] = []
  browserLog.popups.length = 0
  browserLog.navigations.length = 0
  sessionStorage.removeItem(PENDING_LOGIN_KEY)

  const mode = parameters.popup ?? 'fake'
  if (mode !== 'real') {
    const original = window.open
    window.open = (url?: string | URL, target?: string, features?: string) => {
      const popup = mode === 'blocked' ? null : createFakePopup()
      browserLog.popups.push({ url: String(url ?? ''), target: target ?? '', features: features ?? '', popup })
      return popup as unknown as Window | null
    }
    cleanups.push(() => {
      window.open = original
    })
  }

  const navigation = (window as Window & { navigation?: NavigationLike }).navigation
  if (navigation) {
    const guard = (event: NavigateEventLike) => {
      const url = event.destination.url
      if (new URL(url, location.href).origin === location.origin) return
      browserLog.navigations.push(url)
      if (event.cancelable) event.preventDefault()
    }
    navigation.addEventListener('navigate', guard)
    cleanups.push(() => navigation.removeEventListener('navigate', guard))
  }

  return () => {
    for (const cleanup of cleanups.reverse()) cleanup()
    sessionStorage.removeItem(PENDING_LOGIN_KEY)
  }
}

/** Whether this browser can stop a redirect (Navigation API); without it, redirect stories only render. */
export const canGuardNavigation = (): boolean => typeof window !== 'undefined' && 'navigation' in window
