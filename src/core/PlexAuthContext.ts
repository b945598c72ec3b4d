import { createContext } from 'react'
import type { PlexAuthOptions } from './PlexAuthOptions'

/** Holds the provider's configuration; `null` outside `<PlexAuthProvider>`. Internal. */
export const PlexAuthContext = /* @__PURE__ */ createContext<PlexAuthOptions | null>(null)
