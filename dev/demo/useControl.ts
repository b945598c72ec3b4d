/** A caller of the emulator's control API (`…/__emulator`): JSON in and out, its error message thrown. */
export function useControl(controlUrl: string) {
  return async <T,>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${controlUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const json = text ? (JSON.parse(text) as unknown) : null
    if (!response.ok) {
      const message = (json as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message
      throw new Error(message ?? `HTTP ${response.status}`)
    }
    return json as T
  }
}

/** A log entry's time, `hh:mm:ss.mmm`. */
export const time = (ms: number) => {
  const d = new Date(ms)
  return `${d.toLocaleTimeString([], { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`
}
