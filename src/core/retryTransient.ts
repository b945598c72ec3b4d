import { isTransientError, pollBackoff } from './pollBackoff'

/**
 * Runs `task`, trying again up to twice after a 429, 5xx or network failure (after
 * 1 s then 2 s, or plex.tv's `Retry-After` when longer), as long as the wait is at most 5 s (a
 * longer one is reported as the error). An abort during a wait rejects with the signal's reason (the flow ignores it: it was cancelled). Internal.
 */
export async function retryTransient<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; ) {
    try {
      return await task()
    } catch (error) {
      // 1 s, then 2 s, or a longer `Retry-After` (never a shorter one: 0 would retry at once).
      const wait = pollBackoff(attempt, error, 500)
      if (++attempt > 2 || !isTransientError(error) || wait > 5000 || signal.aborted) throw error
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, wait)
        signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true })
      })
    }
  }
}
