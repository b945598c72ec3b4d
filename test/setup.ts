import { cleanup, configure } from '@testing-library/react'
import { notifyManager } from '@tanstack/react-query'
import { afterEach } from 'vitest'

// Deliver react-query's notifications in a microtask rather than a (faked) timer.
notifyManager.setScheduler(queueMicrotask)

afterEach(() => {
  cleanup()
})

// Every render under StrictMode, at the root (where React 19 really double-invokes effects).
configure({ reactStrictMode: true })
