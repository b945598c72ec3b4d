import { useEffect, useLayoutEffect } from 'react'

/**
 * `useLayoutEffect` in the browser (before paint), `useEffect` on a server, where layout effects
 * never run and React warns about them. Internal.
 */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect
