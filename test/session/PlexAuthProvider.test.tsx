import { QueryClient, QueryClientContext, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { useContext } from 'react'
import { describe, expect, it } from 'vitest'
import { createPin } from '../../src/api/createPin'
import { PlexAuthContext } from '../../src/core/PlexAuthContext'
import { PlexAuthProvider } from '../../src/session/PlexAuthProvider'
import { plexKeys } from '../../src/core/plexKeys'
import { usePlexToken } from '../../src/pin/usePlexToken'
import { API, polls, usePlexMock } from '../support/mockPlex'
import { CLIENT_ID } from '../support/renderWithPlex'
import { tick, useFakeClockEachTest } from '../support/tick'

const mock = usePlexMock()
useFakeClockEachTest()

/** An app component: which QueryClient does `useQueryClient()` give it? */
function AppProbe({ expected }: { expected: QueryClient }) {
  const client = useQueryClient()
  const config = useContext(PlexAuthContext)
  return (
    <p>
      {config?.product} {String(client === expected)}
    </p>
  )
}

/** A kit hook watching a PIN, to see which QueryClient the kit uses. */
function Watch({ pinId }: { pinId: number }) {
  return <p>pin {usePlexToken(pinId).status}</p>
}

// PIN queries with a PIN (the provider's idle sign-in holds one without: no data, nothing sent).
const pinsIn = (client: QueryClient) =>
  client.getQueryCache().findAll({ queryKey: plexKeys.pins(API), predicate: (query) => query.queryKey.at(-1) !== null })
const newPin = () => createPin({ product: 'My App', clientIdentifier: CLIENT_ID, apiBaseUrl: API })

describe('PlexAuthProvider', () => {
  it("uses the app's own QueryClientProvider when there is one", async () => {
    const plex = mock()
    const pin = await newPin()
    const app = new QueryClient()
    render(
      <QueryClientProvider client={app}>
        <PlexAuthProvider product="My App" apiBaseUrl={API} clientIdentifier={CLIENT_ID}>
          <AppProbe expected={app} />
          <Watch pinId={pin.id} />
        </PlexAuthProvider>
      </QueryClientProvider>,
    )
    await tick(0)
    expect(screen.getByText('My App true')).toBeTruthy()
    expect(pinsIn(app)).toHaveLength(1)
    expect(polls(plex)).toHaveLength(1)
  })

  it("creates a QueryClient of its own when there is none, without adding one to the app's context", async () => {
    const plex = mock()
    const pin = await newPin()
    let seen: unknown = 'unread'
    function ContextProbe() {
      seen = useContext(QueryClientContext)
      return null
    }
    render(
      <PlexAuthProvider product="My App" apiBaseUrl={API} clientIdentifier={CLIENT_ID}>
        <ContextProbe />
        <Watch pinId={pin.id} />
      </PlexAuthProvider>,
    )
    await tick(0)
    expect(seen).toBeUndefined()
    expect(screen.getByText('pin waiting')).toBeTruthy()
    expect(polls(plex)).toHaveLength(1)
  })

  it("uses an explicit queryClient prop for the kit, and leaves the app's own client to the app's components", async () => {
    mock()
    const pin = await newPin()
    const app = new QueryClient()
    const kit = new QueryClient()
    render(
      <QueryClientProvider client={app}>
        <PlexAuthProvider product="My App" apiBaseUrl={API} clientIdentifier={CLIENT_ID} queryClient={kit}>
          <AppProbe expected={app} />
          <Watch pinId={pin.id} />
        </PlexAuthProvider>
      </QueryClientProvider>,
    )
    await tick(0)
    expect(screen.getByText('My App true')).toBeTruthy()
    expect(pinsIn(kit)).toHaveLength(1)
    expect(pinsIn(app)).toHaveLength(0)
  })
})

describe('PlexAuthProvider configuration', () => {
  it('keeps the same configuration object until an option really changes', () => {
    const seen: unknown[] = []
    function Spy() {
      seen.push(useContext(PlexAuthContext))
      return null
    }
    const tree = (product: string) => (
      <PlexAuthProvider product={product} pollInterval={2000}>
        <Spy />
      </PlexAuthProvider>
    )
    const { rerender } = render(tree('My App'))
    rerender(tree('My App'))
    expect(new Set(seen).size).toBe(1)
    rerender(tree('Other App'))
    expect(seen.at(-1)).toMatchObject({ product: 'Other App', pollInterval: 2000 })
    expect(new Set(seen).size).toBe(2)
  })
})
