import { PlexApiError } from '../api/PlexApiError'
import { isTransientError, pollBackoff } from './pollBackoff'

/** Longest wait between two tries; a longer `Retry-After` is reported as the error instead. */
const MAX_WAIT = 5000

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new PlexApiError('aborted', 'Sign-in cancelled.'))
    }, { once: true })
  })
}

/**
 * Runs `task`, trying again up to `tries - 1` times after a 429, 5xx or network failure
 * (after 1 s then 2 s, or plex.tv's `Retry-After` when longer), as long as the wait is short. Internal.
 */
export async function retryTransient<T>(task: () => Promise<T>, signal: AbortSignal, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task()
    } catch (error) {
      // 1 s, then 2 s, or a longer `Retry-After` (never a shorter one: 0 would retry at once).
      const wait = pollBackoff(attempt - 1, error, 500)
      if (attempt >= tries || !isTransientError(error) || wait > MAX_WAIT || signal.aborted) throw error
      await sleep(wait, signal)
    }
  }
}
