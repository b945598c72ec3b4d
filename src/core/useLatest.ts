import { useEffect, useRef } from 'react'

/** A ref that always holds the latest value (updated in an effect), so callbacks never restart work. Internal. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}
