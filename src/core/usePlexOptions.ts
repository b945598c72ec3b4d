import { useContext } from 'react'
import { PlexAuthContext } from './PlexAuthContext'
import type { PlexAuthOptions } from './PlexAuthOptions'

/** The provider's configuration with a hook's own options on top (ignoring `undefined`). Internal. */
export function usePlexOptions(options: PlexAuthOptions | undefined): PlexAuthOptions {
  const context = useContext(PlexAuthContext)
  if (!options) return context ?? {}
  const merged: Record<string, unknown> = { ...context }
  for (const [key, value] of Object.entries(options)) if (value !== undefined) merged[key] = value
  return merged as PlexAuthOptions
}
