import { cleanup } from '@testing-library/react'
import { notifyManager } from '@tanstack/react-query'
import { afterEach } from 'vitest'

// Deliver react-query's notifications in a microtask rather than a (faked) timer.
notifyManager.setScheduler(queueMicrotask)

afterEach(() => {
  cleanup()
})
