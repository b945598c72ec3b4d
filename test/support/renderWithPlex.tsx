import { QueryClient } from '@tanstack/react-query'
import { renderHook, type RenderHookOptions } from '@testing-library/react'
import type { ReactNode } from 'react'
import { PlexAuthProvider, type PlexAuthProviderProps } from '../../src/session/PlexAuthProvider'
import { API } from './mockPlex'

export const CLIENT_ID = 'test-client-identifier-0001'

/** A fresh QueryClient and a provider for one test (StrictMode wraps every render: see test/setup.ts). */
export function plexWrapper(props: Partial<PlexAuthProviderProps> = {}) {
  const queryClient = new QueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PlexAuthProvider product="Test App" apiBaseUrl={API} clientIdentifier={CLIENT_ID} queryClient={queryClient} {...props}>
      {children}
    </PlexAuthProvider>
  )
  return { queryClient, wrapper }
}

/** `renderHook` inside {@link plexWrapper}, recording every distinct result in `history`. */
export function renderPlexHook<Result, Props>(
  hook: (props: Props) => Result,
  options: Omit<RenderHookOptions<Props>, 'wrapper'> & { provider?: Partial<PlexAuthProviderProps> } = {},
) {
  const { queryClient, wrapper } = plexWrapper(options.provider)
  const history: Result[] = []
  const utils = renderHook(
    (props: Props) => {
      const result = hook(props)
      if (history.at(-1) !== result) history.push(result)
      return result
    },
    { ...options, wrapper },
  )
  return { ...utils, history, queryClient }
}
