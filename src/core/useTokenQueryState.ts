import type { UseQueryResult } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { PlexApiError } from '../api/PlexApiError'
import type { PlexAuthOptions } from './PlexAuthOptions'
import { validateOptions } from '../api/validateOptions'

/** The data hooks' statuses. Internal. */
type TokenQueryStatus = 'idle' | 'loading' | 'ready' | 'error'

/**
 * What a data hook built on {@link useTokenQueryState} returns: its data under the hook's own name
 * (`user`, `servers`, `users`), with `status`, `error` and `refetch`. Internal.
 */
export type TokenQueryState<T, K extends string> = {
  status: TokenQueryStatus
  error: PlexApiError | null
  refetch: () => Promise<void>
} & { [P in K]: T | null }

/**
 * The one status mapping of the kit's data hooks (account, servers, Home): no token is `idle`
 * (nothing sent); an unusable configuration is an `error` (nothing sent); then react-query's
 * state as `loading | ready | error`. A failed refetch keeps the last data, except when plex.tv
 * rejected the token (401/403). `refetch` does nothing without a token. The result is the hook's
 * own (memoized, its data under `field`), so the three hooks add nothing around it. Internal.
 */
export function useTokenQueryState<T, K extends string>(
  token: string | null | undefined,
  config: PlexAuthOptions,
  query: UseQueryResult<T, PlexApiError>,
  field: K,
): TokenQueryState<T, K> {
  const configError = useMemo(() => validateOptions(config), [config.product, config.pollInterval])
  const { data, error, status: queryStatus, refetch } = query
  const runnable = !!token && !configError
  // react-query's error is set exactly while its status is `error`.
  const shownError = token ? (configError ?? error) : null
  const status: TokenQueryStatus = !token ? 'idle' : shownError ? 'error' : queryStatus === 'success' ? 'ready' : 'loading'
  const rejected = shownError?.kind === 'unauthorized' || shownError?.kind === 'forbidden'
  const shownData = runnable && !rejected ? (data ?? null) : null
  const reload = useCallback(async () => {
    if (runnable) await refetch()
  }, [runnable, refetch])
  return useMemo(
    () => ({ [field]: shownData, status, error: shownError, refetch: reload }) as TokenQueryState<T, K>,
    [field, shownData, status, shownError, reload],
  )
}
