import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { useContext } from 'react'
import { describe, expect, it } from 'vitest'
import { PlexAuthContext } from '../src/PlexAuthContext'
import { PlexAuthProvider } from '../src/PlexAuthProvider'

function Probe({ expected }: { expected?: QueryClient }) {
  const client = useQueryClient()
  const config = useContext(PlexAuthContext)
  return (
    <p>
      {config?.product} {expected ? String(client === expected) : client ? 'has client' : ''}
    </p>
  )
}

describe('PlexAuthProvider', () => {
  it("uses the app's own QueryClientProvider when there is one", () => {
    const app = new QueryClient()
    render(
      <QueryClientProvider client={app}>
        <PlexAuthProvider product="My App">
          <Probe expected={app} />
        </PlexAuthProvider>
      </QueryClientProvider>,
    )
    expect(screen.getByText('My App true')).toBeTruthy()
  })

  it('creates a QueryClient of its own when there is none', () => {
    render(
      <PlexAuthProvider product="My App">
        <Probe />
      </PlexAuthProvider>,
    )
    expect(screen.getByText('My App has client')).toBeTruthy()
  })

  it('prefers an explicit queryClient prop', () => {
    const mine = new QueryClient()
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PlexAuthProvider product="My App" queryClient={mine}>
          <Probe expected={mine} />
        </PlexAuthProvider>
      </QueryClientProvider>,
    )
    expect(screen.getByText('My App true')).toBeTruthy()
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
