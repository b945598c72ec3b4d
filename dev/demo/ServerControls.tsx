import { useId, useState } from 'react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { usePlexSelectedServer } from 'react-plex-auth'
import type { ServerLogEntry } from '../plex-emulator/index.mjs'
import { RequestLog } from './RequestLog'
import { useControl } from './useControl'

const LOG_KEY = ['react-plex-auth-demo', 'emulator', 'servers-log'] as const
const SHOWN = 40

/** What the kit should do next, told after each action. */
const NEXT = {
  'rotate-token': (name: string) =>
    `${name} has a new token; the old one now gets 401. Press "Reload ${name}": one 401, one GET /api/v2/resources, then the libraries again with the new token.`,
  restart: (name: string) =>
    `${name} restarted and forgot its transient tokens. Posters already shown stay; press "Larger posters": the first poster refused makes the kit ask for one new transient token, then every poster loads with it.`,
}

/**
 * The chosen server (`usePlexSelectedServer`) on the emulator: rotate its token (a re-share, a
 * password reset) or restart it (its transient tokens forgotten), and the fake servers' request
 * log, which records what kind of token each request carried and where, never the token.
 */
export function ServerControls({ controlUrl, autoRefresh }: { controlUrl: string; autoRefresh: boolean }) {
  const call = useControl(controlUrl)
  const id = useId()
  const { server, clientIdentifier } = usePlexSelectedServer()
  const [feedback, setFeedback] = useState('')
  const log = useQuery({
    queryKey: LOG_KEY,
    queryFn: () => call<ServerLogEntry[]>('GET', '/servers/log'),
    retry: false,
    refetchInterval: autoRefresh ? 1000 : (false as const),
  })
  const action = useMutation({
    mutationFn: (what: 'rotate-token' | 'restart') => call<unknown>('POST', `/servers/${encodeURIComponent(clientIdentifier ?? '')}/${what}`),
  })
  const clear = useMutation({ mutationFn: () => call<null>('DELETE', '/servers/log'), onSuccess: () => log.refetch() })

  const name = server?.name ?? 'the server'
  const run = (what: 'rotate-token' | 'restart') =>
    action.mutateAsync(what).then(
      () => setFeedback(NEXT[what](name)),
      (error: unknown) => setFeedback(`Failed: ${error instanceof Error ? error.message : String(error)}`),
    )
  const entries = [...(log.data ?? [])].reverse().slice(0, SHOWN)

  return (
    <div className="demo-stack">
      <fieldset aria-describedby={`${id}-hint`}>
        <legend>The chosen server{server ? `: ${server.name}` : ''}</legend>
        <p id={`${id}-hint`} className="demo-hint">
          {clientIdentifier ? 'Break it as the real world does, and watch the kit recover.' : 'Pick a server under "Your servers" first.'}
        </p>
        <div className="demo-row">
          <button type="button" className="demo-button" disabled={!clientIdentifier} onClick={() => void run('rotate-token')}>
            Rotate its token
          </button>
          <button type="button" className="demo-button" disabled={!clientIdentifier} onClick={() => void run('restart')}>
            Restart it
          </button>
          <button type="button" className="demo-button demo-button--secondary" onClick={() => void clear.mutateAsync()}>
            Clear server log
          </button>
        </div>
      </fieldset>
      <p role="status" aria-live="polite" className="demo-feedback">
        {feedback}
      </p>
      <RequestLog
        id={id}
        caption={`Server requests (newest first${entries.length === SHOWN ? `, last ${SHOWN}` : ''}; tokens by kind, never their value)`}
        columns={['status', 'token', 'connection']}
        rows={entries.map((entry) => ({
          ...entry,
          failed: entry.status !== null && entry.status >= 400,
          cells: [entry.status ?? (entry.abortedAt ? 'aborted' : '…'), entry.tokenIn ? `${entry.tokenType} (${entry.tokenIn})` : 'none', <code>{entry.uri}</code>],
        }))}
      />
    </div>
  )
}
