import { createContext } from 'react'

/** The session's token store, as `<PlexAuthProvider>` shares it. Internal. */
export interface PlexSessionStore {
  token: string | null
  /** False until a stored token has been looked for (after mount). */
  restored: boolean
  setToken: (token: string) => void
  clearToken: () => void
}

/** `null` outside `<PlexAuthProvider>`. Internal. */
export const PlexSessionContext = /* @__PURE__ */ createContext<PlexSessionStore | null>(null)
