import { useCallback, useMemo, useRef, useState } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexSessionStore, PlexSignInInProgress } from '../core/PlexSessionContext'

type Slot = PlexSignInInProgress & { owner: object }

/**
 * The provider's one sign-in: whichever flow starts (the session's, a `<PlexLoginButton>`'s)
 * takes the slot and ends the one that held it, so a provider never runs two sign-ins and every
 * consumer sees the same one. Keeps the failure that ended the last one. Internal.
 */
export function useSignInSlot() {
  const slot = useRef<Slot | null>(null)
  const [signingIn, setSigningIn] = useState<PlexSignInInProgress | null>(null)
  const [failure, setFailure] = useState<PlexApiError | null>(null)
  const start = useRef<(() => void) | null>(null)

  const track = useCallback<PlexSessionStore['track']>((owner, next, failed = null) => {
    const current = slot.current
    if (next) {
      if (current && current.owner !== owner) current.cancel()
      slot.current = { ...next, owner }
      setFailure(null)
    } else if (current?.owner === owner) {
      slot.current = null
      setFailure(failed)
    } else return
    setSigningIn(slot.current)
  }, [])
  const forgetFailure = useCallback(() => setFailure(null), [])

  return useMemo(() => ({ signingIn, failure, track, start, forgetFailure }), [signingIn, failure, track, forgetFailure])
}
