import { createContext } from 'react'
import type { PlexAuthOptions } from './PlexAuthOptions'

/** Holds the provider's configuration; `null` outside `<PlexAuthProvider>`. Internal. */
export const PlexAuthContext = createContext<PlexAuthOptions | null>(null)
